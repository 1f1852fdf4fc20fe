using ArgMiner.Text;

namespace ArgMiner.Ingest;

/// <summary>
/// Finds the line breaks of hard-wrapped plain text (e-mails and newsgroup posts wrapped at 72 columns, text copied
/// out of a PDF or a terminal), which are not paragraph breaks: plain text is otherwise read one paragraph a line, so
/// until session 39 a wrapped paragraph became one paragraph per line, its sentences cut at every line end and its
/// first line (short, no final mark) read as a heading and labelled <c>other</c>.
/// <para>
/// The test is the one text re-flowing tools use (<c>par</c>, mail readers undoing format=flowed): a line was wrapped
/// when the next line's first word would not have fitted on it within the wrap width. The width is estimated from the
/// document itself: the longest line followed by another line, leaving out lines longer than 1.25 times the median
/// of those (a URL that overflowed), of which there may be few: a tenth of the lines, or one. A document is read as wrapped only when the evidence is plain: at least
/// <see cref="MinWrappedLines"/> such lines, most lines at least half that width and followed by another line being full in that sense, a width
/// between <see cref="MinWidth"/> and <see cref="MaxWidth"/> columns, and at least a quarter of the full lines ending
/// mid-sentence (no final mark; wrapped prose ends most of its lines so, a text of one sentence a line few) and at
/// least a fifth followed by a line that opens in lower case (in 150 Wikipedia articles wrapped at 60 to 80 columns, a
/// third to nine tenths; in the five of 1,289 unwrapped IBM Debater articles that pass the other tests, lists of facts
/// one to a line without final marks, none). Text written one paragraph a line (the seeds, the BBC and IBM articles, a comment a line) has
/// lines of every length, so few are "full", and is read as before. A reply's quoted lines ("&gt; …") join only each
/// other, at the same depth (the tokenizer reads their markers as markup: <see cref="QuoteMarkers"/>); list items and
/// rows of a pasted table are never joined. In any document, wrapped or not, a line that ends in a word no sentence ends
/// with ("the", "of", "and", "your": <see cref="OpenWords"/>) goes on in the next line. Written here because no available package re-flows plain text; linear time
/// (the median by counting, over widths capped at <see cref="MaxWidth"/>).
/// </para>
/// </summary>
internal static class HardWrap
{
    /// <summary>The narrowest wrap width believed: prose is not wrapped narrower.</summary>
    public const int MinWidth = 40;

    /// <summary>The widest wrap width believed: longer lines are paragraphs written on one line.</summary>
    public const int MaxWidth = 160;

    /// <summary>The fewest full lines that make a document wrapped.</summary>
    public const int MinWrappedLines = 2;

    /// <summary>
    /// For each of <paramref name="lines"/> (trimmed spans, empty for blank lines, as <see cref="PlainTextLayout.Lines"/>
    /// gives them) whether it continues on the next line: null when the document is not hard-wrapped.
    /// </summary>
    public static bool[]? Continues(string text, IReadOnlyList<(int Start, int End)> lines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);

        // The widths of the lines that another line follows and that could be wrapped, counted by width.
        var counts = new int[MaxWidth + 2];
        var pairs = 0;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (Joinable(text, lines, i))
            {
                counts[Math.Min(Width(text, lines[i]), MaxWidth + 1)]++;
                pairs++;
            }
        }

        if (pairs < MinWrappedLines)
        {
            return OpenEnded(text, lines);
        }

        // The median width, then the widest line not above 1.25 times it.
        var seen = 0;
        var median = 0;
        while (seen + counts[median] <= pairs / 2)
        {
            seen += counts[median++];
        }

        var width = Math.Min(MaxWidth + 1, median + (median / 4));
        while (width > 0 && counts[width] == 0)
        {
            width--;
        }

        if (width is < MinWidth or > MaxWidth)
        {
            return OpenEnded(text, lines);
        }

        var overflowing = 0;
        var considered = 0;
        var full = 0;
        var midSentence = 0;
        var lowerNext = 0;
        var continues = new bool[lines.Count];
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (!Joinable(text, lines, i))
            {
                continue;
            }

            var lineWidth = Width(text, lines[i]);
            var next = Inner(text, lines[i + 1], out _);
            var isFull = lineWidth + 1 + FirstWordLength(text, next) > width;
            continues[i] = isFull;
            overflowing += lineWidth > width ? 1 : 0;
            if (lineWidth > width || lineWidth * 2 < width || Words(text, Inner(text, lines[i], out _)) < 3)
            {
                // An overflowing line (a long URL) says nothing about the width, nor does a short line (a header field,
                // a greeting, a paragraph's end) or one of a word or two (a list of links): only lines of prose long
                // enough to have been wrapped are evidence.
                continue;
            }

            considered++;
            if (isFull)
            {
                full++;
                midSentence += EndsMidSentence(text.AsSpan(lines[i].Start, lines[i].End - lines[i].Start)) ? 1 : 0;
                lowerNext += char.IsLower(text[next.Start]) ? 1 : 0;
            }
        }

        // A wrapped text's lines overflow its width only where a word is longer than the rest of a line (a URL); a text
        // of long paragraphs between lists of short lines has many lines above what the short ones suggest.
        var wrapped = overflowing <= Math.Max(1, pairs / 10) && full >= MinWrappedLines && full * 5 >= considered * 3 && midSentence * 4 >= full && lowerNext * 5 >= full;
        if (!wrapped)
        {
            return OpenEnded(text, lines);
        }

        for (var i = 0; i + 1 < lines.Count; i++)
        {
            continues[i] |= Joinable(text, lines, i) && EndsOpen(text, lines[i]);
        }

        return continues;
    }

    // Words after which no sentence ends: a line ending in one goes on in the next, wrapped or not ("… on youtube of the
    // / escaping …"). A document too short to show its wrap width (a two-line answer) is joined there only.
    private static readonly HashSet<string> OpenWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "to", "and", "or", "nor", "with", "for", "from", "by", "into", "onto", "than", "my", "your",
        "our", "their", "its", "every", "each", "whose",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenWordLookup = OpenWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // The lines that end in an open word, or null when none does.
    private static bool[]? OpenEnded(string text, IReadOnlyList<(int Start, int End)> lines)
    {
        bool[]? continues = null;
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (Joinable(text, lines, i) && EndsOpen(text, lines[i]))
            {
                continues ??= new bool[lines.Count];
                continues[i] = true;
            }
        }

        return continues;
    }

    private static bool EndsOpen(string text, (int Start, int End) line)
    {
        var start = line.End;
        while (start > line.Start && char.IsLetter(text[start - 1]))
        {
            start--;
        }

        // The last word in lower case ("candidate B to C to A" names A), preceded by a space (a line of one word is a
        // heading's or a name's), and not an item's "; or" / "; and" (an enumeration of clauses, an item a line).
        if (start == line.End || start == line.Start || text[start - 1] != ' ' || !OpenWordLookup.Contains(text.AsSpan(start, line.End - start)))
        {
            return false;
        }

        var before = start - 1;
        while (before > line.Start && text[before - 1] == ' ')
        {
            before--;
        }

        return before == line.Start || text[before - 1] != ';';
    }

    // Lines i and i + 1 are both prose lines that a wrap could have split.
    private static bool Joinable(string text, IReadOnlyList<(int Start, int End)> lines, int i)
    {
        var (s, e) = lines[i];
        var (ns, ne) = lines[i + 1];
        if (s == e || ns == ne)
        {
            return false;
        }

        // A reply's quoted lines ("> …") join each other at the same depth, never the reply's own lines; a quoted line
        // holding nothing but its markers parts two quoted paragraphs.
        var (inner, innerEnd) = Inner(text, lines[i], out var depth);
        var (nextInner, nextEnd) = Inner(text, lines[i + 1], out var nextDepth);
        if (depth != nextDepth || inner == innerEnd || nextInner == nextEnd)
        {
            return false;
        }

        var line = text.AsSpan(inner, innerEnd - inner);
        var next = text.AsSpan(nextInner, nextEnd - nextInner);
        return !PlainTextLayout.IsTableRow(line) && !PlainTextLayout.IsTableRow(next)
            && !(IsListItem(next) && (!EndsMidSentence(line) || IsListItem(line)));
    }

    // A line without its quotation markers (QuoteMarkers), and how many it had.
    private static (int Start, int End) Inner(string text, (int Start, int End) line, out int depth) =>
        (QuoteMarkers.Skip(text, line.Start, line.End, out depth), line.End);

    // "- item", "* item", "• item", "1. item", "2) item", "a) item", "(b) item", "(iv) item". Such a line opens a list item after a line that ends a
    // sentence or is an item itself; after a line broken mid-sentence it is the sentence going on ("… wide ranging
    // / - from agreeing …", "… Article / 25. Personal …").
    private static bool IsListItem(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && line[0] is '-' or '*' or '+' or '\u2022' or '\u2013' && line[1] == ' ')
        {
            return true;
        }

        if (line.Length >= 4 && line[0] == '(')
        {
            // "(a)", "(iv)", "(12)".
            var close = line[..Math.Min(line.Length, 6)].IndexOf(')');
            if (close < 2 || close + 1 >= line.Length || line[close + 1] != ' ')
            {
                return false;
            }

            var marker = line[1..close];
            return (marker.Length == 1 && char.IsAsciiLetterLower(marker[0])) || !marker.ContainsAnyExcept("ivxlc") || !marker.ContainsAnyExceptInRange('0', '9');
        }

        var i = 0;
        while (i < line.Length && i < 2 && char.IsAsciiDigit(line[i]))
        {
            i++;
        }

        if (i == 0 && line.Length >= 3 && char.IsAsciiLetterLower(line[0]) && line[1] == ')')
        {
            i = 1;
        }

        return i > 0 && i + 1 < line.Length && line[i] is '.' or ')' && line[i + 1] == ' ';
    }

    // The line's width as a wrapping tool counted it: its indentation and its text.
    private static int Width(string text, (int Start, int End) line)
    {
        var lineStart = line.Start;
        while (lineStart > 0 && text[lineStart - 1] is not ('\n' or '\r') && line.Start - lineStart < MaxWidth)
        {
            lineStart--;
        }

        return line.End - lineStart;
    }

    // The space-separated words of a line, counted up to three.
    private static int Words(string text, (int Start, int End) line)
    {
        var words = 1;
        for (var i = line.Start + 1; i < line.End && words < 3; i++)
        {
            words += text[i] == ' ' && text[i - 1] != ' ' ? 1 : 0;
        }

        return words;
    }

    private static int FirstWordLength(string text, (int Start, int End) line)
    {
        // A no-break space joins words for a wrapping tool, as it is meant to.
        var i = line.Start;
        while (i < line.End && text[i] is not (' ' or '\t'))
        {
            i++;
        }

        return i - line.Start;
    }

    // A line that does not end a sentence: no final mark (., !, ?, :, ;, …) before any closing quotes or brackets.
    private static bool EndsMidSentence(ReadOnlySpan<char> line)
    {
        line = line.TrimEnd("\"'\u201D\u2019)]");
        return !line.IsEmpty && line[^1] is not ('.' or '!' or '?' or ':' or ';' or '\u2026');
    }
}
