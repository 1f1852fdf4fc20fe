using System.Globalization;
using System.Text;
using ArgMiner.Segmentation;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Evaluation;

/// <summary>Gold, predicted and correct counts, with precision, recall and F1.</summary>
/// <param name="Gold">Items in the gold standard.</param>
/// <param name="Predicted">Items predicted.</param>
/// <param name="Correct">Predicted items that match a gold item exactly.</param>
public readonly record struct PrfScore(int Gold, int Predicted, int Correct)
{
    /// <summary>Correct / predicted (1 when nothing was predicted).</summary>
    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    /// <summary>Correct / gold (1 when there is no gold item).</summary>
    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>"precision 0.9912 recall 0.9876 f1 0.9894 (gold …, predicted …, correct …)", invariant culture.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"precision {Precision:F4} recall {Recall:F4} f1 {F1:F4} (gold {Gold}, predicted {Predicted}, correct {Correct})");
}

/// <summary>
/// Scores a tokenizer and a sentence splitter against Universal Dependencies CoNLL-U data, the way the
/// CoNLL 2018 shared task scores them: a predicted word or sentence is correct when its character span
/// equals a gold one. Multiword tokens count as their words.
/// </summary>
public static class TokenizationEvaluation
{
    /// <summary>
    /// Tokenizes each sentence's text on its own and compares the tokens with the gold words.
    /// <paramref name="onError"/>, when given, receives one line per sentence with a difference.
    /// </summary>
    public static PrfScore EvaluateWords(IReadOnlyList<ConlluSentence> sentences, ITokenizer tokenizer, Action<string>? onError = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var tokens = new List<Token>();
        var gold = new HashSet<(int, int)>();
        int g = 0, p = 0, c = 0;
        foreach (var s in sentences)
        {
            tokens.Clear();
            gold.Clear();
            tokenizer.Tokenize(s.Text, 0, s.Text.Length, tokens);
            foreach (var w in s.Words)
            {
                if (w.Start >= 0)
                {
                    gold.Add(w);
                }
            }

            g += s.Words.Length;
            p += tokens.Count;
            var correct = 0;
            foreach (var t in tokens)
            {
                if (gold.Contains((t.Start, t.End)))
                {
                    correct++;
                }
            }

            c += correct;
            if (onError is not null && (correct != tokens.Count || correct != s.Words.Length))
            {
                var sb = new StringBuilder();
                sb.Append("gold: ");
                foreach (var w in s.Words)
                {
                    sb.Append(w.Start < 0 ? "?" : s.Text[w.Start..w.End]).Append(" | ");
                }

                sb.Append("\n  got:  ");
                foreach (var t in tokens)
                {
                    sb.Append(s.Text.AsSpan(t.Start, t.Length)).Append(" | ");
                }

                onError(sb.ToString());
            }
        }

        return new PrfScore(g, p, c);
    }

    /// <summary>
    /// Rebuilds each paragraph (sentences from one <c># newpar</c> to the next, joined by one space),
    /// tokenizes and splits it, and compares sentence spans with the gold sentences.
    /// </summary>
    /// <paramref name="onBoundary"/>, when given, receives one line per boundary that differs (see
    /// <see cref="BoundaryLine"/>): the errors grouped by where they are, not by sentence.
    public static PrfScore EvaluateSentences(IReadOnlyList<ConlluSentence> sentences, ITokenizer tokenizer, ISentenceSplitter splitter, Action<string>? onError = null,
        Action<string>? onBoundary = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(splitter);
        int g = 0, p = 0, c = 0;
        var tokens = new List<Token>();
        var lengths = new List<int>();
        var gold = new HashSet<(int, int)>();
        var sb = new StringBuilder();
        var i = 0;
        while (i < sentences.Count)
        {
            sb.Clear();
            gold.Clear();
            var j = i;
            do
            {
                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                var text = sentences[j].Text;
                var lead = text.Length - text.TrimStart().Length;
                var trail = text.Length - text.TrimEnd().Length;
                if (lead < text.Length)
                {
                    gold.Add((sb.Length + lead, sb.Length + text.Length - trail));
                }

                sb.Append(text);
                j++;
            }
            while (j < sentences.Count && !sentences[j].NewParagraph);

            var paragraph = sb.ToString();
            tokens.Clear();
            lengths.Clear();
            tokenizer.Tokenize(paragraph, 0, paragraph.Length, tokens);
            splitter.Split(paragraph, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tokens), lengths);
            g += gold.Count;
            var at = 0;
            var wrong = false;
            foreach (var n in lengths)
            {
                var span = (tokens[at].Start, tokens[at + n - 1].End);
                p++;
                if (gold.Contains(span))
                {
                    c++;
                }
                else
                {
                    wrong = true;
                }

                at += n;
            }

            if (onBoundary is not null)
            {
                ReportBoundaries(paragraph, gold, tokens, lengths, sentences[i].Genre, onBoundary);
            }

            if (onError is not null && (wrong || lengths.Count != gold.Count))
            {
                var e = new StringBuilder("paragraph:\n");
                foreach (var (s, end) in gold.OrderBy(x => x.Item1))
                {
                    e.Append("  gold: ").Append(paragraph.AsSpan(s, end - s)).Append('\n');
                }

                at = 0;
                foreach (var n in lengths)
                {
                    e.Append("  got:  ").Append(paragraph.AsSpan(tokens[at].Start, tokens[at + n - 1].End - tokens[at].Start)).Append('\n');
                    at += n;
                }

                onError(e.ToString());
            }

            i = j;
        }

        return new PrfScore(g, p, c);
    }

    /// <summary>
    /// "missed\tgenre\t…left ‖ right…" for a gold boundary the splitter did not make, "spurious\t…" for
    /// one it made that the gold standard lacks; 50 characters of context each side, line breaks as spaces.
    /// </summary>
    public static string BoundaryLine(string kind, string genre, string paragraph, int at)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var from = Math.Max(0, at - 50);
        var to = Math.Min(paragraph.Length, at + 50);
        var left = paragraph[from..at].ReplaceLineEndings(" ");
        var right = paragraph[at..to].ReplaceLineEndings(" ").TrimStart();
        return $"{kind}\t{genre}\t{left.TrimEnd()} \u2016 {right}";
    }

    // Boundaries are the starts of the second and later sentences of a paragraph.
    private static void ReportBoundaries(string paragraph, HashSet<(int Start, int End)> gold, List<Token> tokens, List<int> lengths, string genre, Action<string> onBoundary)
    {
        var goldStarts = new SortedSet<int>();
        foreach (var (start, _) in gold)
        {
            goldStarts.Add(start);
        }

        goldStarts.Remove(goldStarts.Min);
        var predicted = new SortedSet<int>();
        var at = 0;
        foreach (var n in lengths)
        {
            if (at > 0)
            {
                predicted.Add(tokens[at].Start);
            }

            at += n;
        }

        foreach (var b in goldStarts)
        {
            if (!predicted.Contains(b))
            {
                onBoundary(BoundaryLine("missed", genre, paragraph, b));
            }
        }

        foreach (var b in predicted)
        {
            if (!goldStarts.Contains(b))
            {
                onBoundary(BoundaryLine("spurious", genre, paragraph, b));
            }
        }
    }
}
