using System.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tagging;

/// <summary>Which sentences of the GMB file to read.</summary>
public enum GmbSplit
{
    /// <summary>Every sentence.</summary>
    All,

    /// <summary>Every sentence but the held-out ones: what the shipped model is trained on.</summary>
    Train,

    /// <summary>Every tenth sentence (numbers 10, 20, 30… in the file), never trained on.</summary>
    Heldout,
}

/// <summary>
/// Readers of the tagging corpora (CoNLL-U, the GMB NER CSV, IOB2, two-column CoNLL) into <see cref="TaggedSentence"/>s,
/// with the mapping of their labels to ArgMiner's.
/// </summary>
public static class TaggingCorpora
{
    private static readonly HashSet<string> DateWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
        "nov.", "dec.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "today", "yesterday", "tomorrow", "day", "days", "week", "weeks", "weekend", "month", "months",
        "year", "years", "decade", "decades", "century", "centuries", "spring", "summer", "autumn", "fall",
        "winter", "mid-year", "quarter", "christmas", "ramadan", "easter",
    };

    /// <summary>Reads a CoNLL-U file's words and UPOS tags (multi-word token lines and empty nodes skipped).</summary>
    public static List<TaggedSentence> ReadConllu(string path) =>
        ReadColumns(path, 4, "expected 10 tab-separated columns", comments: true, static cols =>
            cols[0].Contains('-', StringComparison.Ordinal) || cols[0].Contains('.', StringComparison.Ordinal) ? null : (cols[1], cols[3]));

    /// <summary>
    /// Reads the GMB NER CSV (<c>Sentence #,Word,POS,Tag</c>; "Sentence: N" starts a sentence) with its tags
    /// mapped to ArgMiner's (see <see cref="MapGmb"/>).
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="split">Which sentences.</param>
    /// <param name="tokenizer">When given, GMB's words are re-split into the pipeline's tokens.</param>
    public static List<TaggedSentence> ReadGmb(string path, GmbSplit split, ITokenizer? tokenizer = null)
    {
        var result = new List<TaggedSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        var sentence = 0;
        var lineNo = 0;
        foreach (var line in ReadLines(path))
        {
            lineNo++;
            if (lineNo == 1 || line.Length == 0)
            {
                continue;
            }

            var cols = SplitCsv(line);
            if (cols.Count != 4)
            {
                throw new InvalidDataException($"{path}:{lineNo}: expected 4 comma-separated columns");
            }

            if (cols[0].Length > 0)
            {
                Flush();
                sentence++;
            }

            words.Add(cols[1]);
            tags.Add(cols[3]);
        }

        Flush();
        return result;

        void Flush()
        {
            if (words.Count > 0)
            {
                var heldout = sentence % 10 == 0;
                if (split == GmbSplit.All || (split == GmbSplit.Heldout) == heldout)
                {
                    var mapped = MapGmb(words, tags);
                    result.Add(tokenizer is null ? TaggedSentence.FromWords(words, mapped) : TaggedSentence.FromWords(words, mapped, tokenizer));
                }

                words.Clear();
                tags.Clear();
            }
        }
    }

    /// <summary>
    /// Maps GMB BIO tags to ArgMiner's: per→PERSON (leading titles such as "Mr." or "President" left out),
    /// org→ORG, geo→LOC, gpe→NORP, eve→EVENT, tim→DATE only when the span names a date (it has a digit, a
    /// month, weekday, season or a unit such as "year"; GMB's bare "since", "later", "now" are dropped),
    /// and art and nat dropped (too few and too mixed to learn).
    /// </summary>
    public static string[] MapGmb(IReadOnlyList<string> words, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(tags);
        var result = new string[tags.Count];
        var i = 0;
        while (i < tags.Count)
        {
            var tag = tags[i];
            if (tag.Length < 3 || tag[1] != '-')
            {
                result[i++] = "O";
                continue;
            }

            // One span: this B- (or stray I-) and the I- of the same type after it.
            var gmbType = tag[2..];
            var end = i + 1;
            while (end < tags.Count && tags[end] == "I-" + gmbType)
            {
                end++;
            }

            var start = i;
            string? type = gmbType switch
            {
                "per" => "PERSON",
                "org" => "ORG",
                "geo" => "LOC",
                "gpe" => "NORP",
                "eve" => "EVENT",
                "tim" => "DATE",
                _ => null,
            };
            if (type == "PERSON")
            {
                while (start < end && PersonTitles.Words.Contains(words[start]))
                {
                    result[start++] = "O";
                }
            }
            else if (type == "DATE" && !NamesDate(words, start, end))
            {
                type = null;
            }

            for (var k = start; k < end; k++)
            {
                result[k] = type is null ? "O" : (k == start ? "B-" : "I-") + type;
            }

            i = end;
        }

        return result;
    }

    /// <summary>
    /// Reads an IOB2 file (UNER: id, word, tag columns) with its types mapped by <see cref="MapWebTag"/>.
    /// </summary>
    public static List<TaggedSentence> ReadIob2(string path) =>
        ReadColumns(path, 3, "expected id, word and tag columns", comments: true, static cols => (cols[1], MapWebTag(cols[2])));

    /// <summary>
    /// Reads a two-column CoNLL file (word, then BIO tag; the Broad Twitter Corpus and WNUT-17) with its
    /// types mapped by <see cref="MapWebTag"/>.
    /// </summary>
    public static List<TaggedSentence> ReadConll(string path) =>
        ReadColumns(path, 2, "expected word and tag columns", comments: false, static cols => (cols[0], MapWebTag(cols[^1].Trim())));

    /// <summary>
    /// Maps the BIO tags of the web corpora to ArgMiner's: PER / person → PERSON; ORG, group and
    /// corporation → ORG; LOC / location → LOC (UNER's GPEs and facilities are LOC); every other type
    /// (WNUT-17's product and creative-work, UNER's OTH) → O, since ArgMiner has no such types.
    /// </summary>
    public static string MapWebTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I'))
        {
            return "O";
        }

        string? type = tag[2..] switch
        {
            "PER" or "person" => "PERSON",
            "ORG" or "group" or "corporation" => "ORG",
            "LOC" or "location" => "LOC",
            _ => null,
        };
        return type is null ? "O" : tag[..2] + type;
    }

    /// <summary>
    /// The lines of a corpus file, read by the rule every reader of the project follows: strict UTF-8 (a BOM dropped,
    /// UTF-16 with its BOM read as such), so a bad byte or a binary file stops the reading with the file and line
    /// instead of turning into U+FFFD words the tagger would then learn.
    /// </summary>
    internal static IEnumerable<string> ReadLines(string path)
    {
        using (var reader = Evaluation.CorpusText.Open(path, (line, problem) => new InvalidDataException($"{path}:{line}: {problem}")))
        {
            while (reader.ReadLine() is { } line)
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// Reads a tab-separated, one-token-per-line corpus (CoNLL-U, IOB2): blank lines end sentences, <c>#</c>
    /// lines are comments when <paramref name="comments"/> (in two-column CoNLL they are hashtags, words),
    /// <paramref name="row"/> turns a line's columns into a word and tag (or null to skip).
    /// </summary>
    private static List<TaggedSentence> ReadColumns(string path, int minColumns, string problem, bool comments, Func<string[], (string Word, string Tag)?> row)
    {
        var result = new List<TaggedSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        var lineNo = 0;
        foreach (var line in ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                // WNUT-17's sentence breaks are lines holding a lone tab.
                Flush();
                continue;
            }

            if (comments && line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            if (cols.Length < minColumns)
            {
                throw new InvalidDataException($"{path}:{lineNo}: {problem}");
            }

            if (row(cols) is { } wordTag)
            {
                words.Add(wordTag.Word);
                tags.Add(wordTag.Tag);
            }
        }

        Flush();
        return result;

        void Flush()
        {
            if (words.Count > 0)
            {
                result.Add(TaggedSentence.FromWords(words, tags));
                words.Clear();
                tags.Clear();
            }
        }
    }

    private static bool NamesDate(IReadOnlyList<string> words, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var w = words[k];
            if (DateWords.Contains(w))
            {
                return true;
            }

            foreach (var ch in w)
            {
                if (char.IsAsciiDigit(ch))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<string> SplitCsv(string line)
    {
        var cols = new List<string>(4);
        var sb = new StringBuilder();
        var i = 0;
        while (true)
        {
            sb.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(line[i++]);
                }
            }

            while (i < line.Length && line[i] != ',')
            {
                sb.Append(line[i++]);
            }

            cols.Add(sb.ToString());
            if (i >= line.Length)
            {
                return cols;
            }

            i++;
        }
    }
}
