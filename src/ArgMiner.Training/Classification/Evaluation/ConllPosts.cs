using System.Text;
using System.Text.RegularExpressions;

namespace ArgMiner.Classification.Evaluation;

/// <summary>
/// The sentences of a token-per-line CoNLL file of short posts (WNUT-17's YouTube, Reddit, Stack Exchange and
/// Twitter comments: a token and a tag a line, a blank line between posts) as unlabelled rows, for a
/// <see cref="LabelOverlay"/> to label: <c>--data ../shared/corpora/wnut17/emerging.dev.conll#labels=corpus/external/wnut17-dev.labels</c>.
/// Each post's text is rebuilt from its tokens and cut into sentences; rows are numbered in file order, and the
/// document is the post, so cross-validation keeps a post's sentences in one fold.
/// </summary>
/// <remarks>
/// Detokenizing and cutting are written here by hand and <b>frozen</b>: they must give exactly the rows that
/// <c>corpus/tools/wnut_comment_sample.py</c> gave the annotators, whatever ArgMiner's own tokenizer and splitter
/// become (a change to those must not renumber labelled rows; were this rule changed, the overlays' checks would
/// refuse the old labels rather than mislabel). The rule: <c>&amp; gt ;</c>-style escapes are joined; a sentence
/// ends after a run of <c>. ! ?</c> tokens and the closing quotes or brackets after it; tokens are joined by a
/// space except before punctuation and contraction tails ("ca n ' t" → "can't", "It ' s" → "It's"), after an
/// opening bracket or dollar sign, and inside double quotes; a row needs two letters in a row outside URLs and
/// @handles (a bare link or emoji is not a sentence).
/// </remarks>
public static partial class ConllPosts
{
    private static readonly HashSet<string> GlueLeft = new(StringComparer.Ordinal)
    {
        ",", ".", "!", "?", ";", ":", ")", "]", "}", "%", "n't", "'s", "'re", "'ve", "'ll", "'d", "'m",
    };

    private static readonly HashSet<string> GlueRight = new(StringComparer.Ordinal) { "(", "[", "{", "$" };

    private static readonly HashSet<string> Contractions = new(StringComparer.Ordinal) { "s", "t", "ve", "ll", "re", "d", "m" };

    private static readonly HashSet<string> Closers = new(StringComparer.Ordinal) { "\"", ")", "]", "'", "\u201d", "\u2019" };

    private static readonly HashSet<string> Apostrophes = new(StringComparer.Ordinal) { "'", "\u2019", "\u00b4" };

    /// <summary>Whether <paramref name="path"/> names a CoNLL token file (<c>.conll</c>, or WNUT-17's <c>.annotated</c> test file).</summary>
    public static bool IsConll(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".conll" or ".annotated";

    /// <summary>Reads every sentence of every post; each needs its label from an overlay.</summary>
    /// <exception cref="LabelledDataException">A line is not valid UTF-8.</exception>
    public static List<LabelledSentence> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = new List<LabelledSentence>();
        var name = Path.GetFileName(path);
        var tokens = new List<string>();
        var post = 0;
        var lineNumber = 0;
        var postLine = 0;
        try
        {
            foreach (var raw in File.ReadLines(path, new UTF8Encoding(false, true)))
            {
                lineNumber++;
                var line = raw.TrimEnd('\r');
                if (line.Trim().Length == 0)
                {
                    Flush();
                    continue;
                }

                if (tokens.Count == 0)
                {
                    postLine = lineNumber;
                }

                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                tokens.Add(tab < 0 ? line : line[..tab]);
            }
        }
        catch (DecoderFallbackException)
        {
            throw new LabelledDataException($"{path}:{lineNumber + 1}", "not valid UTF-8");
        }

        Flush();
        return rows;

        void Flush()
        {
            if (tokens.Count == 0)
            {
                return;
            }

            post++;
            foreach (var sentence in Sentences(tokens))
            {
                rows.Add(new LabelledSentence(sentence, string.Empty, []) { Doc = $"{name}#{post}", Origin = $"{path}:{postLine}", Source = path });
            }

            tokens.Clear();
        }
    }

    /// <summary>The sentences of one post's tokens by the frozen rule (see the remarks), rows without two letters left out.</summary>
    public static IEnumerable<string> Sentences(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var joined = Unescape(tokens);
        var start = 0;
        var i = 0;
        var n = joined.Count;
        var runs = new List<List<string>>();
        while (i < n)
        {
            if (IsFinal(joined[i]))
            {
                var j = i + 1;
                while (j < n && IsFinal(joined[j]))
                {
                    j++;
                }

                while (j < n && Closers.Contains(joined[j]))
                {
                    j++;
                }

                if (j < n)
                {
                    runs.Add(joined.GetRange(start, j - start));
                    start = j;
                }

                i = j;
                continue;
            }

            i++;
        }

        if (start < n)
        {
            runs.Add(joined.GetRange(start, n - start));
        }

        foreach (var run in runs)
        {
            var text = Detokenize(run);
            if (HasTwoLetters(text))
            {
                yield return text;
            }
        }
    }

    /// <summary>Rebuilds text from tokens by the frozen spacing rule.</summary>
    public static string Detokenize(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var text = new StringBuilder();
        var quoteOpen = false;
        var glueNext = false;
        var i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];

            // "ca n ' t": the "n" of a negation's "n't" joins the word before it.
            if (t == "n" && text.Length > 0 && char.IsLetter(text[^1]) && i + 2 < tokens.Count && Apostrophes.Contains(tokens[i + 1]) && tokens[i + 2] == "t")
            {
                text.Append('n');
                i++;
                continue;
            }

            // "It ' s", "don ' t": an apostrophe token between a word and a contraction's tail joins both.
            if (Apostrophes.Contains(t) && text.Length > 0 && char.IsLetterOrDigit(text[^1]) && i + 1 < tokens.Count && Contractions.Contains(tokens[i + 1].ToLowerInvariant()))
            {
                text.Append(t).Append(tokens[i + 1]);
                i += 2;
                glueNext = false;
                continue;
            }

            if (t == "\"")
            {
                if (quoteOpen)
                {
                    text.Append('"');
                    quoteOpen = false;
                }
                else
                {
                    text.Append(text.Length == 0 || glueNext ? "\"" : " \"");
                    quoteOpen = true;
                    glueNext = true;
                    i++;
                    continue;
                }
            }
            else if (text.Length == 0 || glueNext || GlueLeft.Contains(t) || (IsFinal(t) && text[^1] is '.' or '!' or '?'))
            {
                text.Append(t);
            }
            else
            {
                text.Append(' ').Append(t);
            }

            glueNext = GlueRight.Contains(t);
            i++;
        }

        return text.ToString();
    }

    private static List<string> Unescape(IReadOnlyList<string> tokens)
    {
        var result = new List<string>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            if (i + 2 < tokens.Count && tokens[i] == "&" && tokens[i + 2] == ";" && tokens[i + 1] is "gt" or "lt" or "amp")
            {
                result.Add(tokens[i + 1] switch { "gt" => ">", "lt" => "<", _ => "&" });
                i += 3;
                continue;
            }

            result.Add(tokens[i]);
            i++;
        }

        return result;
    }

    private static bool IsFinal(string token)
    {
        if (token.Length == 0)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (c is not ('.' or '!' or '?'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasTwoLetters(string text)
    {
        var plain = UrlOrHandle().Replace(text, " ");
        for (var k = 1; k < plain.Length; k++)
        {
            if (char.IsLetter(plain[k - 1]) && char.IsLetter(plain[k]))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(https?:\S*|www\.\S*|@\s?\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex UrlOrHandle();
}
