using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// Requires paragraphs and tokens; assigns sentences. A paragraph break always ends a sentence. Titles and
/// headings are split like any paragraph: a short line the layout calls a heading may still hold two
/// sentences ("Great place. Will return"), and the splitter keeps "U.S. Strikes Back" or "Who Wins?" whole.
/// No sentence is longer than <see cref="MaxSentenceLength"/>: a longer run (a document without
/// punctuation, a pasted table) is cut between tokens, after a comma, semicolon, colon or dash in the
/// second half of the limit when there is one.
/// </summary>
public sealed class SentenceSplitterStage(ISentenceSplitter splitter) : ICancellableProcess
{
    /// <summary>
    /// The longest sentence, in UTF-16 code units: far above real sentences (the corpus's longest is under
    /// 1,000), well below a spreadsheet cell's 32,767, and it keeps the per-sentence work of the later stages
    /// bounded. A single token longer than this (no white space at all) stays one sentence.
    /// </summary>
    public const int MaxSentenceLength = 5000;

    /// <inheritdoc/>
    public string Name => "sentences";

    /// <inheritdoc/>
    public DocumentLayers Requires => DocumentLayers.Tokens;

    /// <inheritdoc/>
    public DocumentLayers Assigns => DocumentLayers.Sentences;

    /// <inheritdoc/>
    public Document Process(Document document) => Process(document, CancellationToken.None);

    /// <inheritdoc/>
    public Document Process(Document document, CancellationToken cancellation)
    {
        this.EnsureRequired(document);
        var tokens = document.Tokens.AsSpan();
        // Sized for a sentence per twelve tokens (UD EWT averages one per 17), so the list rarely grows and copies.
        var sentences = new List<Sentence>(tokens.Length / 12 + 4);
        var lengths = new List<int>();
        var t = 0;
        for (var pi = 0; pi < document.Paragraphs.Length; pi++)
        {
            StageCancellation.Check(pi, cancellation);
            var p = document.Paragraphs[pi];
            while (t < tokens.Length && tokens[t].Start < p.Start)
            {
                t++;
            }

            var first = t;
            while (t < tokens.Length && tokens[t].End <= p.End)
            {
                t++;
            }

            var count = t - first;
            if (count == 0)
            {
                continue;
            }

            lengths.Clear();
            splitter.Split(document.Text, tokens.Slice(first, count), lengths);

            var at = first;
            foreach (var n in lengths)
            {
                var end = at + n;
                while (at < end)
                {
                    var piece = CappedLength(document.Text, tokens, at, end);
                    sentences.Add(new Sentence(tokens[at].Start, tokens[at + piece - 1].End, p.Section, pi, p.Comment, at, piece));
                    at += piece;
                }
            }
        }

        return document with { Sentences = [.. sentences], Layers = document.Layers | Assigns };
    }

    /// <summary>How many of the tokens <c>[at, end)</c> the next sentence takes so that it fits the cap.</summary>
    private static int CappedLength(string text, ReadOnlySpan<Token> tokens, int at, int end)
    {
        var start = tokens[at].Start;
        if (tokens[end - 1].End - start <= MaxSentenceLength)
        {
            return end - at;
        }

        var fits = at;
        var clause = -1;
        for (var t = at; t < end && tokens[t].End - start <= MaxSentenceLength; t++)
        {
            fits = t;
            if (tokens[t].End - start >= MaxSentenceLength / 2 && tokens[t].End - tokens[t].Start == 1 && text[tokens[t].Start] is ',' or ';' or ':' or '\u2013' or '\u2014')
            {
                clause = t;
            }
        }

        return (clause >= 0 ? clause : fits) - at + 1;
    }
}
