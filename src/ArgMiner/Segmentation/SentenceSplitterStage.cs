using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// Requires paragraphs and tokens; assigns sentences. A paragraph break always ends a sentence. Titles and
/// headings are split like any paragraph: a short line the layout calls a heading may still hold two
/// sentences ("Great place. Will return"), and the splitter keeps "U.S. Strikes Back" or "Who Wins?" whole.
/// </summary>
public sealed class SentenceSplitterStage(ISentenceSplitter splitter) : IProcess
{
    /// <inheritdoc/>
    public string Name => "sentences";

    /// <inheritdoc/>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens.AsSpan();
        var sentences = new List<Sentence>();
        var lengths = new List<int>();
        var t = 0;
        for (var pi = 0; pi < document.Paragraphs.Length; pi++)
        {
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
                sentences.Add(new Sentence(tokens[at].Start, tokens[at + n - 1].End, p.Section, pi, p.Comment, at, n));
                at += n;
            }
        }

        return document with { Sentences = [.. sentences] };
    }
}
