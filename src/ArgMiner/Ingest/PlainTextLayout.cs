using System.Buffers;
using ArgMiner.Text;

namespace ArgMiner.Ingest;

/// <summary>
/// Reads the paragraph structure of plain text in the seeds' layout: one paragraph per line; an optional
/// first-line title (a heading-like line, or a short question or exclamation followed by a blank line); short lines without final punctuation are headings;
/// the lines of a hard-wrapped paragraph are one paragraph (<see cref="HardWrap"/>); a publisher footer or disclaimer
/// is <see cref="Section.Footer"/>; after a run of two or more blank lines may come reader comments, one per
/// non-empty line (<see cref="CommentDetection"/>: by default only when those lines read like comments). Paragraph spans exclude surrounding white space and line ends (LF, CRLF or CR).
/// </summary>
public static class PlainTextLayout
{
    /// <summary>Headings and titles are at most this many words.</summary>
    public const int MaxHeadingWords = 14;

    // The phrases a footer holds anywhere, searched for together: three case-insensitive Contains calls per line
    // were a tenth of reading's time on the main thread (issue 12, --pipeline text; with invariant globalization
    // each falls back to a character-by-character search). SearchValues matches as OrdinalIgnoreCase does.
    private static readonly SearchValues<string> FooterPhrases =
        SearchValues.Create([" is powered by ", "do not necessarily reflect", "All rights reserved"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Finds the paragraphs of a whole plain-text document.</summary>
    /// <param name="text">The document.</param>
    /// <param name="comments">How the reader comments are found (<see cref="CommentRegister"/>).</param>
    public static List<Paragraph> Parse(string text, CommentDetection comments = CommentDetection.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        var paragraphs = new List<Paragraph>();
        var seenContent = false;
        var comment = 0;
        var lines = Lines(text, 0, text.Length).ToList();
        var commentStart = CommentRegister.CommentStart(text, lines, comments);
        var continues = HardWrap.Continues(text, lines);
        for (var li = 0; li < lines.Count; li++)
        {
            var (start, end) = lines[li];
            if (start == end)
            {
                continue;
            }

            // A hard-wrapped paragraph's lines are one paragraph; a run never crosses into the comments.
            while (continues is not null && continues[li] && li + 1 != commentStart)
            {
                end = lines[++li].End;
            }

            if (commentStart >= 0 && li >= commentStart)
            {
                paragraphs.Add(new Paragraph(start, end, Section.Comment, comment++));
            }
            else if (!seenContent && (LooksLikeHeading(text.AsSpan(start, end - start))
                || (IsShortQuestionOrExclamation(text.AsSpan(start, end - start)) && li + 1 < lines.Count && lines[li + 1].Start == lines[li + 1].End)))
            {
                paragraphs.Add(new Paragraph(start, end, Section.Title, null));
            }
            else
            {
                paragraphs.Add(new Paragraph(start, end, ClassifyBodyLine(text.AsSpan(start, end - start)), null));
            }

            seenContent = true;
        }

        // Titles and headings head something: a document whose every line looks like one (a post or comment fed one to
        // a file, "Great game tonight / So proud of the team", a short e-mail with line breaks) has no body for them to
        // head, so its lines are body, or footer. Until session 37 all of them were labelled other: 385 of the 1,287
        // WNUT-17 test posts, run one post to a file, were titles.
        if (paragraphs.Count > 0 && paragraphs.TrueForAll(p => p.Section is Section.Title or Section.Heading))
        {
            for (var i = 0; i < paragraphs.Count; i++)
            {
                var p = paragraphs[i];
                paragraphs[i] = p with { Section = IsFooter(text.AsSpan(p.Start, p.End - p.Start)) ? Section.Footer : Section.Body };
            }
        }

        return paragraphs;
    }

    /// <summary>Appends the body paragraphs of <c>text[start..end)</c> (no title, no comments).</summary>
    public static void ParseBody(string text, int start, int end, List<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(paragraphs);
        foreach (var (s, e) in Blocks(text, start, end))
        {
            paragraphs.Add(new Paragraph(s, e, ClassifyBodyLine(text.AsSpan(s, e - s)), null));
        }
    }

    /// <summary>Appends the paragraphs of one reader comment (one per non-empty line).</summary>
    public static void ParseComment(string text, int start, int end, int comment, List<Paragraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(paragraphs);
        foreach (var (s, e) in Blocks(text, start, end))
        {
            paragraphs.Add(new Paragraph(s, e, Section.Comment, comment));
        }
    }

    // The paragraphs of text[start..end): its non-empty lines, a hard-wrapped paragraph's lines joined (HardWrap).
    private static List<(int Start, int End)> Blocks(string text, int start, int end)
    {
        var lines = Lines(text, start, end).ToList();
        var continues = HardWrap.Continues(text, lines);
        var blocks = new List<(int Start, int End)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var (s, e) = lines[i];
            if (s == e)
            {
                continue;
            }

            while (continues is not null && continues[i])
            {
                e = lines[++i].End;
            }

            blocks.Add((s, e));
        }

        return blocks;
    }

    /// <summary>Body, heading or footer, for one trimmed line.</summary>
    public static Section ClassifyBodyLine(ReadOnlySpan<char> line)
    {
        if (IsFooter(line))
        {
            return Section.Footer;
        }

        return LooksLikeHeading(line) ? Section.Heading : Section.Body;
    }

    /// <summary>Footers and disclaimers are at most this many words: a paragraph of prose that mentions copyright is not one.</summary>
    public const int MaxFooterWords = 40;

    /// <summary>
    /// A publisher footer or disclaimer: a line of at most <see cref="MaxFooterWords"/> words holding "… is powered
    /// by …", "The views expressed …", "… do not necessarily reflect …" or "all rights reserved", or a copyright
    /// notice ("Copyright 2025 …", "Copyright © …", "© 2025 …"). An article about copyright ("Copyright does not
    /// cover ideas …", a paragraph quoting "all rights reserved") is prose, not a footer.
    /// </summary>
    public static bool IsFooter(ReadOnlySpan<char> line)
    {
        if (!(line.ContainsAny(FooterPhrases)
            || line.StartsWith("The views expressed", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("The opinions expressed", StringComparison.OrdinalIgnoreCase)
            || IsCopyrightNotice(line)))
        {
            return false;
        }

        return CountWords(line) <= MaxFooterWords;
    }

    /// <summary>The white-space-separated words of <paramref name="line"/>.</summary>
    private static int CountWords(ReadOnlySpan<char> line)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var space = char.IsWhiteSpace(c);
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }

        return words;
    }

    /// <summary>"Copyright" followed by a year, a © sign or "(c)", or a line opening with ©.</summary>
    private static bool IsCopyrightNotice(ReadOnlySpan<char> line)
    {
        if (line.StartsWith('©'))
        {
            return true;
        }

        if (!line.StartsWith("Copyright ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = line["Copyright ".Length..].TrimStart();
        return !rest.IsEmpty && (char.IsDigit(rest[0]) || rest[0] == '©' || rest.StartsWith("(c)", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A heading or title: a short line that starts with a capital (or digit) and does not end like a
    /// sentence. A short question or exclamation in title case ("Who Really Wins?") is a heading too.
    /// </summary>
    public static bool LooksLikeHeading(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty)
        {
            return false;
        }

        // A heading starts like a title: "Mostly Theater", "2025 in Review"; "you hit the spot" is prose.
        if (!char.IsUpper(line[0]) && !char.IsDigit(line[0]) && line[0] is not ('"' or '\'' or '\u201C' or '\u2018'))
        {
            return false;
        }

        // A row of a pasted table ("2022\t4.8m\t4.0m", "Year    Spending    Income") is data in the body: until session
        // 38 each row of a table pasted into an article was a heading.
        if (IsTableRow(line))
        {
            return false;
        }

        var words = 0;
        var capitalised = 0;
        var inWord = false;
        foreach (var c in line)
        {
            var boundary = char.IsWhiteSpace(c);
            if (!boundary && !inWord)
            {
                words++;
                if (char.IsUpper(c) || char.IsDigit(c))
                {
                    capitalised++;
                }
            }

            inWord = !boundary;
            if (words > MaxHeadingWords)
            {
                return false;
            }
        }

        // A line ending in emoji ("This is a disgrace!!! 😡😡", "Love it 👍") is a reader's or writer's voice; it is a
        // heading only in title case ("My Trip To Kyoto 🇯🇵"). Until session 37 the emoji counted as a missing final
        // mark, so such lines were headings and labelled other.
        var text = TrimTrailingEmoji(line);
        if (text.Length < line.Length)
        {
            text = text.TrimEnd();
            return !text.IsEmpty && capitalised * 2 > words && text[^1] is not ('.' or ',' or ';' or ':' or '!' or '?' or '\u2026');
        }

        var last = line[^1];
        if (last is '"' or '\'' or '\u201D' or '\u2019' or ')' or ']')
        {
            last = line.Length > 1 ? line[^2] : last;
        }

        return last switch
        {
            '.' or ',' or ';' or ':' or '\u2026' => false,
            // "Who Really Wins?": a question is a heading only when its words are mostly capitalised.
            '?' or '!' => capitalised * 2 > words && words <= 8,
            _ => true,
        };
    }

    /// <summary>
    /// A row of a table pasted as text: cells separated by a tab, or three or more cells aligned by runs of three or
    /// more spaces (a heading or sentence has single spaces between its words).
    /// </summary>
    internal static bool IsTableRow(ReadOnlySpan<char> line)
    {
        if (line.Contains('\t'))
        {
            return true;
        }

        var gaps = 0;
        var run = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                run++;
                continue;
            }

            gaps += run >= 3 ? 1 : 0;
            run = 0;
        }

        return gaps >= 2;
    }

    /// <summary>
    /// <paramref name="line"/> without the emoji at its end (pictographs U+1F000–U+1FAFF with their skin tones, the
    /// symbols and dingbats U+2600–U+27BF, and the variation selectors, joiners and spaces between them).
    /// </summary>
    internal static ReadOnlySpan<char> TrimTrailingEmoji(ReadOnlySpan<char> line)
    {
        var kept = line;
        var rest = line;
        while (!rest.IsEmpty && System.Text.Rune.DecodeLastFromUtf16(rest, out var rune, out var length) == System.Buffers.OperationStatus.Done)
        {
            var value = rune.Value;
            if (value is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF))
            {
                rest = rest[..^length];
                kept = rest;
            }
            else if (value is 0xFE0F or 0xFE0E or 0x200D or 0x20E3 || System.Text.Rune.IsWhiteSpace(rune))
            {
                rest = rest[..^length];
            }
            else
            {
                break;
            }
        }

        return kept;
    }

    /// <summary>
    /// A short question or exclamation that starts with a capital: the title when it is the first line and a
    /// blank line follows it ("Could Yukos be a blessing in disguise?"), whatever its capitalisation.
    /// </summary>
    public static bool IsShortQuestionOrExclamation(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty || !(char.IsUpper(line[0]) || char.IsDigit(line[0])) || line[^1] is not ('?' or '!'))
        {
            return false;
        }

        // One sentence only: a second sentence inside the line makes it prose.
        return CountWords(line) <= MaxHeadingWords && line[..^1].IndexOfAny(".?!") < 0;
    }

    /// <summary>The lines of <c>text[start..end)</c> as trimmed spans (empty spans for blank lines).</summary>
    public static IEnumerable<(int Start, int End)> Lines(string text, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            var lineEnd = i;
            while (lineEnd < end && text[lineEnd] is not '\n' and not '\r')
            {
                lineEnd++;
            }

            var s = i;
            var e = lineEnd;
            while (s < e && char.IsWhiteSpace(text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(text[e - 1]))
            {
                e--;
            }

            yield return s < e ? (s, e) : (lineEnd, lineEnd);
            i = lineEnd;
            if (i < end && text[i] == '\r')
            {
                i++;
                if (i < end && text[i] == '\n')
                {
                    i++;
                }
            }
            else if (i < end)
            {
                i++;
            }
        }
    }
}
