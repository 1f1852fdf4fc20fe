namespace ArgMiner.Ingest;

/// <summary>How plain text's layout marks reader comments (<c>run --comments</c>).</summary>
public enum CommentDetection
{
    /// <summary>
    /// The default: a comments heading or writers' lines start the comments (<see cref="CommentMarkers"/>); without
    /// them, a run of two or more blank lines starts them only when the lines after it read like comments and unlike
    /// the article before it (<see cref="CommentRegister"/>).
    /// </summary>
    Auto,

    /// <summary>No comment section: every line belongs to the article.</summary>
    None,

    /// <summary>The first run of two or more blank lines after some text starts the comments (the behaviour before issue 10 §4).</summary>
    BlankLines,
}

/// <summary>
/// Whether the lines after a run of blank lines are reader comments or the article going on (issue 10 §4:
/// news articles that separate some paragraphs by two blank lines lost them to the comments). Each line is
/// read outside its double quotes, so a news quotation ("I was shocked," she said) is not a reader's voice:
/// a line sounds like a comment when it speaks in the first person singular or to the reader ("I", "my",
/// "you"), holds an emoji, an emoticon, "!!", "lol", an "@name" or "RT", opens in lower case, or talks about the piece
/// itself ("great article", "the author"); it sounds like reporting when it has a reporting verb ("said",
/// "told", "according to"). The lines after a run are comments when at least half of them sound like
/// comments, reporting is rare among them, and they sound like comments clearly more often than the article
/// before the run does (an article written in the first person goes on in it). A publisher footer right
/// before the run (the article has ended) lowers the bar to a third. A comments heading or writers' lines
/// (<see cref="CommentMarkers"/>) decide before the register is read. A single blank line never starts the comments by
/// the register alone: tried in session 37 with a stricter reading, it found comments in exported sites' forms but took
/// 364 of 5,504 sentences of real web documents (UD EWT reviews, answers, e-mail, written in the first person and parted
/// by single blank lines) for comments.
/// </summary>
public static class CommentRegister
{
    private static readonly HashSet<string> ReaderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "my", "me", "mine", "myself", "you", "your", "yours", "you're", "you’re", "youre", "lol", "lmao", "haha", "imho", "imo",
        "article", "author", "writer",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReaderLookup = ReaderWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // "I", "I'm", "I’ve": the first person singular, matched with its capital; "u" for "you" in lower case only (not "U.S.").
    private static readonly HashSet<string> FirstPerson = new(StringComparer.Ordinal)
    {
        "I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "Im", "Ive", "u", "ur",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstPersonLookup = FirstPerson.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> ReportingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "added", "announced", "reported", "according", "spokesman", "spokeswoman", "spokesperson", "stated", "insisted", "warned",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ReportingLookup = ReportingWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>+1 when <paramref name="line"/> sounds like a reader's comment, -1 like reporting, 0 neither.</summary>
    public static int Score(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty)
        {
            return 0;
        }

        // A lower-case first word ("you hit the spot"), not a bare address ("http://…", "www.…").
        var firstWord = line.IndexOf(' ') is var space and > 0 ? line[..space] : line;
        var reader = (char.IsLower(line[0]) && !firstWord.ContainsAny(":/.@")) || line.Contains("!!", StringComparison.Ordinal);
        var reporting = false;
        var quoted = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (c is '"' or '\u201C' or '\u201D')
            {
                quoted = c switch { '\u201C' => true, '\u201D' => false, _ => !quoted };
                i++;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < line.Length && char.ConvertToUtf32(c, line[i + 1]) is >= 0x1F300 and <= 0x1FAFF)
            {
                reader = true; // an emoji
            }
            else if (c is ':' or ';' && i + 1 < line.Length && line[i + 1] is ')' or '(' or 'D' or 'P' || (c is ':' && i + 2 < line.Length && line[i + 1] == '-' && line[i + 2] is ')' or '('))
            {
                reader = true; // an emoticon
            }
            else if (!quoted && c == '@' && (i == 0 || char.IsWhiteSpace(line[i - 1])) && IsHandleStart(line[(i + 1)..]))
            {
                reader = true; // "@harbourwatcher": one reader answering another (an e-mail address has no space before its "@")
            }

            if (!char.IsLetter(c))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && (char.IsLetter(line[i]) || (line[i] is '\'' or '\u2019' && i + 1 < line.Length && char.IsLetter(line[i + 1]))))
            {
                i++;
            }

            if (quoted)
            {
                continue;
            }

            var word = line[start..i];
            reader |= FirstPersonLookup.Contains(word) || ReaderLookup.Contains(word) || word is "RT"; // "RT": a retweet, as exported social-media comments open
            reporting |= ReportingLookup.Contains(word);
        }

        return reporting ? -1 : reader ? 1 : 0;
    }

    /// <summary>A user name follows an "@": a letter, digit or underscore, after at most one space (tokenised exports write "@ name").</summary>
    private static bool IsHandleStart(ReadOnlySpan<char> rest)
    {
        rest = rest.StartsWith(' ') ? rest[1..] : rest;
        return !rest.IsEmpty && (char.IsLetterOrDigit(rest[0]) || rest[0] == '_');
    }

    /// <summary>
    /// Where the reader comments of a whole text start, as a text offset (<c>text.Length</c> when there are none):
    /// <see cref="CommentStart"/> over the text's lines, each first passed through <paramref name="line"/> when given
    /// (Markdown reads "## Comments" as the heading "Comments"). For layouts that make their own paragraphs (Markdown,
    /// web pages, Word) and then mark those from this offset on as comments.
    /// </summary>
    public static int CommentOffset(string text, CommentDetection mode, Func<(int Start, int End), (int Start, int End)>? line = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (mode == CommentDetection.None)
        {
            return text.Length;
        }

        var lines = PlainTextLayout.Lines(text, 0, text.Length);
        var list = (line is null ? lines : lines.Select(line)).ToList();
        var start = CommentStart(text, list, mode);
        return start >= 0 ? list[start].Start : text.Length;
    }

    /// <summary>
    /// The index into <paramref name="lines"/> where comments start, or -1: <paramref name="mode"/> applied to
    /// trimmed lines (empty spans for blank lines) of <paramref name="text"/>. Linear in the number of lines.
    /// </summary>
    public static int CommentStart(string text, IReadOnlyList<(int Start, int End)> lines, CommentDetection mode)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        if (mode == CommentDetection.None)
        {
            return -1;
        }

        if (mode == CommentDetection.Auto && CommentMarkers.CommentStart(text, lines) is var marked and >= 0)
        {
            return marked;
        }

        // Candidates: the first non-empty line after two or more blank lines that follow some text.
        var candidates = new List<int>();
        var blankRun = 0;
        var seenContent = false;
        for (var li = 0; li < lines.Count; li++)
        {
            if (lines[li].Start == lines[li].End)
            {
                blankRun++;
                continue;
            }

            if (seenContent && blankRun >= 2)
            {
                if (mode == CommentDetection.BlankLines)
                {
                    return li;
                }

                candidates.Add(li);
            }

            blankRun = 0;
            seenContent = true;
        }

        if (candidates.Count == 0)
        {
            return -1;
        }

        // Prefix counts of non-empty lines, lines that sound like comments and lines that sound like reporting.
        var count = new int[lines.Count + 1];
        var reader = new int[lines.Count + 1];
        var reporting = new int[lines.Count + 1];
        for (var li = 0; li < lines.Count; li++)
        {
            var (s, e) = lines[li];
            var score = s < e ? Score(text.AsSpan(s, e - s)) : 0;
            count[li + 1] = count[li] + (s < e ? 1 : 0);
            reader[li + 1] = reader[li] + (score > 0 ? 1 : 0);
            reporting[li + 1] = reporting[li] + (score < 0 ? 1 : 0);
        }

        var total = lines.Count;
        foreach (var c in candidates)
        {
            var after = count[total] - count[c];
            var afterReader = reader[total] - reader[c];
            var afterReporting = reporting[total] - reporting[c];
            var before = count[c];
            var beforeRate = before == 0 ? 0 : (double)reader[c] / before;
            var rate = (double)afterReader / after;
            var footer = LastLineBefore(lines, c) is var (fs, fe) && fe > fs && PlainTextLayout.IsFooter(text.AsSpan(fs, fe - fs));
            var bar = footer ? 1.0 / 3 : 0.5;
            if (rate >= bar && afterReporting * 4 <= after && rate >= beforeRate + 0.25)
            {
                return c;
            }
        }

        return -1;
    }

    private static (int Start, int End)? LastLineBefore(IReadOnlyList<(int Start, int End)> lines, int index)
    {
        for (var k = index - 1; k >= 0; k--)
        {
            if (lines[k].Start < lines[k].End)
            {
                return lines[k];
            }
        }

        return null;
    }
}
