using System.Text;
using System.Text.RegularExpressions;

namespace ArgMiner.Classification.Evaluation;

/// <summary>
/// The sentences of the Wikipedia articles of the IBM Debater CE-EMNLP-2015 corpus (<c>articles/clean_ID.txt</c>)
/// as unlabelled rows, for a <see cref="LabelOverlay"/> to label:
/// <c>--data ../shared/corpora/ibm-ce-emnlp-2015/articles#labels=corpus/external/ibm-articles.labels</c>.
/// Rows are the sentences of the articles listed in <c>articles.txt</c>, in ascending article id, paragraph
/// (line) and sentence order; the document is <c>ibm-article-ID</c>, so cross-validation keeps an article in one fold.
/// </summary>
/// <remarks>
/// The sentence rule is written here by hand and <b>frozen</b>: it must cut exactly as
/// <c>corpus/tools/ibm_article_sample.py</c> did when the sentences were chosen and labelled, whatever
/// ArgMiner's own splitter becomes (a change to that splitter must not renumber labelled rows). Were it changed,
/// the overlays' checks would refuse the old labels rather than mislabel. It drops IBM's <c>[REF]</c> marks and
/// cuts after <c>. ! ?</c> (and closing quotes or brackets) followed by white space and an ASCII capital or digit,
/// except after an initial or a listed abbreviation.
/// </remarks>
public static partial class IbmArticles
{
    private const string Closers = "\"')]\u201d\u2019";
    private const string Openers = "\"'([\u201c\u2018";

    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "dr", "st", "prof", "jr", "sr", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "no", "inc",
        "ltd", "co", "gen", "col", "lt", "sgt", "rev", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "approx",
        "cf", "al", "fig", "vol", "ca", "c", "pp", "ed", "eds", "u.n", "d.c", "ph.d",
    };

    /// <summary>Whether <paramref name="folder"/> is the <c>articles</c> folder of an IBM Debater corpus.</summary>
    public static bool IsArticleFolder(string folder) =>
        Directory.Exists(folder) && Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)) is { } parent
        && IbmDebater.IsCorpus(parent) && File.Exists(Path.Combine(parent, "articles.txt"));

    /// <summary>Reads every sentence of the listed articles; each needs its label from an overlay.</summary>
    /// <exception cref="LabelledDataException">articles.txt is malformed or names an article file that is missing.</exception>
    public static List<LabelledSentence> Read(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var corpus = Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!;
        var rows = new List<LabelledSentence>();
        foreach (var id in ArticleIds(Path.Combine(corpus, "articles.txt")))
        {
            var path = Path.Combine(folder, $"clean_{id}.txt");
            if (!File.Exists(path))
            {
                throw new LabelledDataException(path, "an article listed in articles.txt is missing");
            }

            var line = 0;
            // A bad byte threw .NET's DecoderFallbackException past every handler (a stack trace, exit 134) until session 34.
            foreach (var paragraph in ArgMiner.Evaluation.CorpusText.ReadAll(path, ArgMiner.Evaluation.CorpusText.DataError(path)).Split('\n'))
            {
                line++;
                foreach (var sentence in Sentences(paragraph))
                {
                    rows.Add(new LabelledSentence(sentence, string.Empty, []) { Doc = $"ibm-article-{id}", InReadingOrder = false, Origin = $"{path}:{line}", Source = folder });
                }
            }
        }

        return rows;
    }

    /// <summary>The sentences of one paragraph by the frozen rule (see the remarks).</summary>
    public static IEnumerable<string> Sentences(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        var s = RefMark().Replace(paragraph, string.Empty).Trim(PythonWhiteSpace);
        var start = 0;
        var i = 0;
        var n = s.Length;
        while (i < n)
        {
            var ch = s[i];
            if (ch is '.' or '!' or '?')
            {
                var j = i + 1;
                while (j < n && Closers.Contains(s[j], StringComparison.Ordinal))
                {
                    j++;
                }

                if (j < n && char.IsWhiteSpace(s[j]))
                {
                    var k = j;
                    while (k < n && char.IsWhiteSpace(s[k]))
                    {
                        k++;
                    }

                    var m = k < n && Openers.Contains(s[k], StringComparison.Ordinal) ? k + 1 : k;
                    if (m < n && (s[m] is >= 'A' and <= 'Z' || s[m] is >= '0' and <= '9'))
                    {
                        var w = i;
                        while (w > start && !char.IsWhiteSpace(s[w - 1]))
                        {
                            w--;
                        }

                        var word = s[w..i];
                        var initial = word.Length == 1 && word[0] is >= 'A' and <= 'Z';
                        if (!(ch == '.' && (initial || Abbreviations.Contains(word.ToLowerInvariant()))))
                        {
                            if (HasLetter(s.AsSpan(start, j - start)))
                            {
                                yield return s[start..j];
                            }

                            start = k;
                            i = k;
                            continue;
                        }
                    }
                }
            }

            i++;
        }

        if (start < n && HasLetter(s.AsSpan(start)))
        {
            yield return s[start..];
        }
    }

    private static bool HasLetter(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The white space Python's <c>str.strip()</c> removes (the sampler's rule), as a trim set.</summary>
    private static readonly char[] PythonWhiteSpace = [' ', '\t', '\n', '\r', '\v', '\f', '\u001c', '\u001d', '\u001e', '\u001f', '\u0085', '\u00a0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000'];

    private static IEnumerable<int> ArticleIds(string path)
    {
        var ids = new SortedSet<int>();
        var n = 0;
        foreach (var row in ArgMiner.Evaluation.CorpusText.ReadLines(path, ArgMiner.Evaluation.CorpusText.DataError(path)))
        {
            n++;
            if (n == 1 || row.Length == 0)
            {
                continue;
            }

            var cells = row.Split('\t');
            if (cells.Length < 3 || !int.TryParse(cells[2].Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                throw new LabelledDataException($"{path}:{n}", "expected topic, title and article id separated by tabs");
            }

            ids.Add(id);
        }

        return ids;
    }

    [GeneratedRegex(@"\s*\[REF\]", RegexOptions.CultureInvariant)]
    private static partial Regex RefMark();
}
