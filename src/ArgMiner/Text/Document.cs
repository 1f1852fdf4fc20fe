using System.Collections.Immutable;
using System.Text.Json;

namespace ArgMiner.Text;

/// <summary>
/// One article (with its reader comments). The original text is kept exactly; every layer the pipeline
/// adds (paragraphs, tokens, sentences, and later entities, numbers and labels) is an immutable array of
/// spans with <c>[Start, End)</c> offsets into <see cref="Text"/>, so <c>Text[Start..End]</c> is always
/// the span's text. Stages return a new document with their layer set (<c>with { … }</c>).
/// </summary>
public sealed record Document
{
    /// <summary>The record's <c>id</c>, or the input path relative to its folder without extension.</summary>
    public required string Id { get; init; }

    /// <summary>Where it came from: a file path (with a line number for JSON Lines), or <c>-</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The exact string all offsets index.</summary>
    public required string Text { get; init; }

    /// <summary>Fields of a JSON Lines record that ArgMiner does not use, passed through unchanged.</summary>
    public ImmutableSortedDictionary<string, JsonElement> Metadata { get; init; } = ImmutableSortedDictionary<string, JsonElement>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Reader comments' own fields (id, author), by comment index; set by the reader.</summary>
    public ImmutableArray<CommentInfo> Comments { get; init; } = [];

    /// <summary>Paragraphs in text order; set by the reader.</summary>
    public ImmutableArray<Paragraph> Paragraphs { get; init; } = [];

    /// <summary>Tokens in text order; set by the tokenizer stage.</summary>
    public ImmutableArray<Token> Tokens { get; init; } = [];

    /// <summary>Sentences in text order; set by the sentence-splitter stage.</summary>
    public ImmutableArray<Sentence> Sentences { get; init; } = [];

    /// <summary>Universal POS tags, one per token (parallel to <see cref="Tokens"/>); empty when not tagged.</summary>
    public ImmutableArray<string> Pos { get; init; } = [];

    /// <summary>Named entities and dates in text order; set by the entity stage.</summary>
    public ImmutableArray<Entity> Entities { get; init; } = [];

    /// <summary>Numeric claims in text order; set by the numbers stage.</summary>
    public ImmutableArray<NumericClaim> Numbers { get; init; } = [];

    /// <summary>Sentence labels, one per sentence (parallel to <see cref="Sentences"/>); empty when not classified.</summary>
    public ImmutableArray<SentencePrediction> Labels { get; init; } = [];

    /// <summary>
    /// The layers a stage has set: a layer set and empty was computed and found nothing; a layer not set was
    /// never computed. Stages add their layer here as they set it.
    /// </summary>
    public DocumentLayers Layers { get; init; }

    /// <summary>Whether every one of <paramref name="layers"/> has been set.</summary>
    public bool Has(DocumentLayers layers) => (Layers & layers) == layers;

    /// <summary>The title paragraph's text, or null when the document has none.</summary>
    public string? Title
    {
        get
        {
            foreach (var p in Paragraphs)
            {
                if (p.Section == Section.Title)
                {
                    return Text[p.Start..p.End];
                }
            }

            return null;
        }
    }

    /// <summary>The number of reader comments.</summary>
    public int CommentCount
    {
        get
        {
            var max = -1;
            foreach (var p in Paragraphs)
            {
                if (p.Comment is int c && c > max)
                {
                    max = c;
                }
            }

            return max + 1;
        }
    }

    /// <summary>The tokens of <paramref name="sentence"/>.</summary>
    public ReadOnlySpan<Token> TokensOf(in Sentence sentence) => Tokens.AsSpan().Slice(sentence.FirstToken, sentence.TokenCount);

    /// <summary>The text of a span.</summary>
    public string TextOf(int start, int end) => Text[start..end];
}

/// <summary>What a JSON Lines record says of one reader comment besides its text.</summary>
/// <param name="Index">Zero-based comment index, as in <see cref="Paragraph.Comment"/>.</param>
/// <param name="Id">The comment's <c>id</c>, when the record gives one.</param>
/// <param name="Author">The comment's <c>author</c>, when the record gives one.</param>
public readonly record struct CommentInfo(int Index, string? Id, string? Author);
