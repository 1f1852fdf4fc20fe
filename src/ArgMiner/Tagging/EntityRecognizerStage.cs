using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>
/// Requires tokens and sentences; assigns <see cref="Document.Entities"/> from the NER model and the
/// gazetteer, sentence by sentence, so no entity crosses a sentence. In title-case titles and headings
/// only the gazetteer's entities and those the model also finds elsewhere in the document are kept.
/// </summary>
public sealed class EntityRecognizerStage(EntityRecognizer recognizer) : ICancellableProcess
{
    /// <summary>The recogniser (model and gazetteer).</summary>
    public EntityRecognizer Recognizer { get; } = recognizer ?? throw new ArgumentNullException(nameof(recognizer));

    /// <inheritdoc/>
    public string Name => "entities";

    /// <inheritdoc/>
    public DocumentLayers Requires => DocumentLayers.Tokens | DocumentLayers.Sentences;

    /// <inheritdoc/>
    public DocumentLayers Assigns => DocumentLayers.Entities;

    /// <inheritdoc/>
    public Document Process(Document document) => Process(document, CancellationToken.None);

    /// <inheritdoc/>
    public Document Process(Document document, CancellationToken cancellation)
    {
        this.EnsureRequired(document);

        var tokens = document.Tokens.AsSpan();
        var found = new List<RecognizedEntity>();
        var scratch = new RecognizerScratch();
        var entities = new List<Entity>();
        List<int>? headlines = null;
        for (var si = 0; si < document.Sentences.Length; si++)
        {
            StageCancellation.Check(si, cancellation);
            var s = document.Sentences[si];
            if (s.Section is Section.Title or Section.Heading && IsTitleCase(document.Text, tokens.Slice(s.FirstToken, s.TokenCount)))
            {
                (headlines ??= []).Add(si);
                continue;
            }

            Add(si, keepModel: null);
        }

        if (headlines is not null)
        {
            // In a Title-Case Headline capital letters say nothing, and the model (trained on running
            // news text) reads "Risks Handing" as a name: there, a model entity is kept only when the
            // document's other sentences have the same text as an entity of the same type.
            var known = new HashSet<(string, string)>();
            foreach (var e in entities)
            {
                known.Add((document.Text[e.Start..e.End], e.Type));
            }

            for (var h = 0; h < headlines.Count; h++)
            {
                StageCancellation.Check(h, cancellation);
                Add(headlines[h], known);
            }

            entities.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        void Add(int si, HashSet<(string, string)>? keepModel)
        {
            var s = document.Sentences[si];
            found.Clear();
            var sentenceTokens = document.Tokens.AsSpan(s.FirstToken, s.TokenCount);
            var keep = keepModel is null ? null : Confirmed(document, s.FirstToken, keepModel);
            Recognizer.Recognize(document.Text, sentenceTokens, found, scratch, keep);
            foreach (var e in found)
            {
                if (e.Source == EntitySource.Model && !Plausible(document, s.FirstToken + e.Span.First, e.Span.Count, e.Span.Type))
                {
                    continue;
                }

                var start = sentenceTokens[e.Span.First].Start;
                var end = sentenceTokens[e.Span.First + e.Span.Count - 1].End;
                entities.Add(new Entity(start, end, e.Span.Type, e.Source, si));
            }
        }

        return document with { Entities = [.. entities], Layers = document.Layers | Assigns };
    }

    /// <summary>
    /// A model name must look like one: no digits in a person, organisation, place or group ("Roughly
    /// 2,500" read as a person), and not only function words by the POS layer ("Beyond" opening a
    /// sentence read as a place). Dates and events may hold numbers.
    /// </summary>
    private static bool Plausible(Document document, int first, int count, string type)
    {
        var name = type is not ("DATE" or "EVENT");
        var pos = document.Pos.Length == document.Tokens.Length ? document.Pos.AsSpan() : default;
        var content = pos.IsEmpty;
        for (var t = first; t < first + count; t++)
        {
            if (name && AsciiRanges.AnyDigit(document.Tokens[t].In(document.Text)))
            {
                return false;
            }

            if (!pos.IsEmpty && pos[t] is "PROPN" or "NOUN" or "ADJ" or "NUM" or "X" or "SYM")
            {
                content = true;
            }
        }

        return content;
    }

    // Only for headlines, so the closure is not made for every sentence.
    private static Func<TokenSpan, bool> Confirmed(Document document, int firstToken, HashSet<(string, string)> known) =>
        e => known.Contains((document.Text[document.Tokens[firstToken + e.First].Start..document.Tokens[firstToken + e.First + e.Count - 1].End], e.Type));

    /// <summary>Most words of four letters or more start with a capital letter.</summary>
    private static bool IsTitleCase(string text, ReadOnlySpan<Token> tokens)
    {
        int words = 0, capitalised = 0;
        foreach (var t in tokens)
        {
            var w = t.In(text);
            if (w.Length >= 4 && char.IsLetter(w[0]))
            {
                words++;
                capitalised += char.IsUpper(w[0]) ? 1 : 0;
            }
        }

        return words > 0 && capitalised * 2 > words;
    }
}
