using System.Collections.Immutable;
using System.Globalization;

namespace ArgMiner.Evaluation;

/// <summary>
/// One sentence of a CoNLL-U file: its <c># text</c>, whether it starts a paragraph or document, and the
/// character span of every syntactic word in that text. The words of a multiword token ("don't" → "do"
/// "n't") get consecutive sub-spans of the token when their forms spell it.
/// </summary>
/// <param name="Text">The sentence text (the <c># text</c> comment).</param>
/// <param name="NewParagraph">True when a <c># newpar</c> or <c># newdoc</c> comment precedes it.</param>
/// <param name="Words">Word spans <c>[Start, End)</c> in <see cref="Text"/>; (-1, -1) when a word could not be aligned.</param>
public sealed record ConlluSentence(string Text, bool NewParagraph, ImmutableArray<(int Start, int End)> Words)
{
    /// <summary>The <c># sent_id</c> comment, or empty.</summary>
    public string SentId { get; init; } = string.Empty;

    /// <summary>
    /// The genre: what the sentence id says before its first hyphen (UD English EWT: <c>weblog</c>,
    /// <c>newsgroup</c>, <c>email</c>, <c>answers</c>, <c>reviews</c>), or empty without an id.
    /// </summary>
    public string Genre => SentId.IndexOf('-', StringComparison.Ordinal) is var dash and > 0 ? SentId[..dash] : SentId;

    /// <summary>How many words could not be placed in the text.</summary>
    public int UnalignedWords
    {
        get
        {
            var n = 0;
            foreach (var w in Words)
            {
                if (w.Start < 0)
                {
                    n++;
                }
            }

            return n;
        }
    }
}

/// <summary>A minimal reader of Universal Dependencies CoNLL-U files (only what evaluation needs).</summary>
public static class Conllu
{
    /// <summary>Reads every sentence of a CoNLL-U file (UTF-8, as UD's files are; a BOM is dropped).</summary>
    /// <exception cref="FormatException">A line that is not a CoNLL-U line, a binary file, or bytes that are not UTF-8 (with the line).</exception>
    public static List<ConlluSentence> ReadFile(string path)
    {
        using (var reader = CorpusText.Open(path, static (line, problem) => new FormatException($"line {line}: {problem}")))
        {
            return Read(reader);
        }
    }

    /// <summary>Reads every sentence from <paramref name="reader"/>.</summary>
    public static List<ConlluSentence> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var sentences = new List<ConlluSentence>();
        string? text = null;
        var sentId = string.Empty;
        var newPar = false;
        var lines = new List<string>();
        string? line;
        var lineNumber = 0;
        var firstTokenLine = 0;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Contains('\0', StringComparison.Ordinal))
            {
                throw new FormatException($"line {lineNumber}: binary file (contains NUL bytes)");
            }

            if (line.Length == 0)
            {
                if (text is not null || lines.Count > 0)
                {
                    sentences.Add(Build(text ?? TextOf(lines), newPar, lines, firstTokenLine) with { SentId = sentId });
                }

                text = null;
                sentId = string.Empty;
                newPar = false;
                lines.Clear();
                continue;
            }

            if (line[0] == '#')
            {
                if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    text = line["# text = ".Length..];
                }
                else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                {
                    sentId = line["# sent_id = ".Length..].Trim();
                }
                else if (line.StartsWith("# newpar", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    newPar = true;
                }

                continue;
            }

            if (lines.Count == 0)
            {
                firstTokenLine = lineNumber;
            }

            lines.Add(line);
        }

        if (text is not null || lines.Count > 0)
        {
            sentences.Add(Build(text ?? TextOf(lines), newPar, lines, firstTokenLine) with { SentId = sentId });
        }

        return sentences;
    }

    /// <summary>
    /// A sentence's text rebuilt from its token lines, for a file without <c># text</c> comments (UD's own rule: each
    /// surface token's form, a multiword token's rather than its words', followed by a space unless its MISC column
    /// says <c>SpaceAfter=No</c>). Until session 33 such a sentence was given no text at all, so none of its words could
    /// be placed and <c>evaluate-text</c> printed recall 0 over the whole file.
    /// </summary>
    private static string TextOf(List<string> lines)
    {
        var text = new System.Text.StringBuilder();
        var coveredUntil = 0;
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0 || line.AsSpan(0, tab).Contains('.'))
            {
                continue; // no columns, or an empty node
            }

            var id = line.AsSpan(0, tab);
            var dash = id.IndexOf('-');
            if (dash > 0)
            {
                coveredUntil = int.TryParse(id[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var last) ? last : coveredUntil;
            }
            else if (int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= coveredUntil)
            {
                continue; // a word of the multiword token just written
            }

            text.Append(Field(line, 1));
            if (!Field(line, 9).Split('|').Contains("SpaceAfter=No", StringComparer.Ordinal))
            {
                text.Append(' ');
            }
        }

        return text.ToString().TrimEnd(' ');
    }

    /// <summary>A sentence from its token lines; a token id that is not a number is refused naming its line.</summary>
    private static ConlluSentence Build(string text, bool newPar, List<string> lines, int firstLine)
    {
        try
        {
            return Build(text, newPar, lines);
        }
        catch (FormatException)
        {
            var bad = lines.FindIndex(l => !IsTokenId(l.AsSpan(0, Math.Max(0, l.IndexOf('\t', StringComparison.Ordinal)))));
            throw new FormatException($"line {firstLine + Math.Max(0, bad)}: not a CoNLL-U token line (its first column is not a word id)");
        }
    }

    private static bool IsTokenId(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty)
        {
            return true; // a line without a tab is skipped, not refused
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c) && c is not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static ConlluSentence Build(string text, bool newPar, List<string> lines)
    {
        var words = ImmutableArray.CreateBuilder<(int, int)>();
        var cursor = 0;
        var skipUntil = 0; // words covered by the last multiword token
        var pending = new List<string>();
        (int Start, int End, int First, int Last)? mwt = null;
        foreach (var line in lines)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                continue;
            }

            var id = line.AsSpan(0, tab);
            var form = Field(line, 1);
            if (id.Contains('.'))
            {
                continue; // empty node
            }

            var dash = id.IndexOf('-');
            if (dash > 0)
            {
                var first = int.Parse(id[..dash], CultureInfo.InvariantCulture);
                var last = int.Parse(id[(dash + 1)..], CultureInfo.InvariantCulture);
                var (s, e) = Place(text, ref cursor, form);
                mwt = (s, e, first, last);
                pending.Clear();
                skipUntil = last;
                continue;
            }

            var n = int.Parse(id, CultureInfo.InvariantCulture);
            if (mwt is { } m && n <= skipUntil)
            {
                pending.Add(form);
                if (n == m.Last)
                {
                    AddMultiword(text, m.Start, m.End, pending, words);
                    mwt = null;
                }

                continue;
            }

            words.Add(Place(text, ref cursor, form));
        }

        return new ConlluSentence(text, newPar, words.ToImmutable());
    }

    private static void AddMultiword(string text, int start, int end, List<string> forms, ImmutableArray<(int, int)>.Builder words)
    {
        if (start >= 0)
        {
            var at = start;
            var ok = true;
            foreach (var f in forms)
            {
                if (at + f.Length > end || !text.AsSpan(at, f.Length).Equals(f, StringComparison.OrdinalIgnoreCase))
                {
                    ok = false;
                    break;
                }

                at += f.Length;
            }

            if (ok && at == end)
            {
                at = start;
                foreach (var f in forms)
                {
                    words.Add((at, at + f.Length));
                    at += f.Length;
                }

                return;
            }
        }

        foreach (var unused in forms)
        {
            words.Add((-1, -1));
        }
    }

    private static (int Start, int End) Place(string text, ref int cursor, string form)
    {
        while (cursor < text.Length && char.IsWhiteSpace(text[cursor]))
        {
            cursor++;
        }

        if (form.Length > 0 && string.CompareOrdinal(text, cursor, form, 0, form.Length) == 0)
        {
            var s = cursor;
            cursor += form.Length;
            return (s, cursor);
        }

        // Out of step (a form that differs from the text): resynchronise on the next occurrence.
        var found = form.Length == 0 ? -1 : text.IndexOf(form, cursor, StringComparison.Ordinal);
        if (found < 0)
        {
            return (-1, -1);
        }

        cursor = found + form.Length;
        return (found, cursor);
    }

    private static string Field(string line, int index)
    {
        var start = 0;
        for (var k = 0; k < index; k++)
        {
            start = line.IndexOf('\t', start) + 1;
            if (start == 0)
            {
                return string.Empty;
            }
        }

        var end = line.IndexOf('\t', start);
        return end < 0 ? line[start..] : line[start..end];
    }
}
