namespace ArgMiner.Ingest;

/// <summary>How plain text's layout marks reader comments (<c>run --comments</c>).</summary>
public enum CommentDetection
{
    /// <summary>
    /// The default: a comments heading or writers' lines start the comments (<see cref="CommentMarkers"/>); without
    /// them, a run of two or more blank lines starts them when the lines after it read like comments and unlike the
    /// article before it, and a single blank line when every line after it reads strictly so (<see cref="CommentRegister"/>).
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
/// before the run (the article has ended) lowers the bar to a third. Sites also export comments after a single
/// blank line, as the article's own paragraphs are parted (issue: 4 of 5 appended comment sections missed); there the
/// strict reading of <see cref="Score(ReadOnlySpan{char}, bool)"/> must hold for every line after it (three in five
/// from three lines on), because any paragraph boundary of an encyclopaedia article is a candidate too. A comments
/// heading or writers' lines (<see cref="CommentMarkers"/>) decide before the register is read.
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

    /// <summary>Paragraphs longer than this many words are never a reader's voice by the strict reading (<see cref="Score(ReadOnlySpan{char}, bool)"/>).</summary>
    public const int MaxStrictWords = 60;

    /// <summary>After a single blank line, at least this share of the lines after it must read strictly as a reader's (tuned on comment_start_eval.py's tuning half).</summary>
    public const double StrictShare = 0.6;

    /// <summary>... and that share must pass the share of the article before it that reads as a reader's (plainly) by this much.</summary>
    public const double StrictMargin = 0.4;

    /// <summary>+1 when <paramref name="line"/> sounds like a reader's comment, -1 like reporting, 0 neither.</summary>
    public static int Score(ReadOnlySpan<char> line) => Score(line, strict: false);

    /// <summary>
    /// <see cref="Score(ReadOnlySpan{char})"/>, or with <paramref name="strict"/> the reading used where only one
    /// blank line separates the article from what follows, as it separates the article's own paragraphs: an
    /// encyclopaedic or news paragraph must not pass for a comment there. Strictly, a line of more than
    /// <see cref="MaxStrictWords"/> words, a lower-case opening (a list item cut from its sentence), "article",
    /// "author" or "writer" (other works) and an "I" that is a numeral or an initial ("World War I", "Title I",
    /// "G.I. Bill": a capitalised word before it, or no lower-case word after it) do not make a reader's voice.
    /// </summary>
    public static int Score(ReadOnlySpan<char> line, bool strict)
    {
        line = line.Trim();
        if (line.IsEmpty || (strict && WordCount(line) > MaxStrictWords))
        {
            return 0;
        }

        // A lower-case first word ("you hit the spot"), not a bare address ("http://…", "www.…").
        var firstWord = line.IndexOf(' ') is var space and > 0 ? line[..space] : line;
        var reader = (!strict && char.IsLower(line[0]) && !firstWord.ContainsAny(":/.@")) || line.Contains("!!", StringComparison.Ordinal);
        var reporting = false;
        var quoted = false;
        var previousCapitalised = false;
        var previousOpensSentence = true;
        var sentenceStart = true;
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
            else if (!strict && !quoted && c == '@' && (i == 0 || char.IsWhiteSpace(line[i - 1])) && IsHandleStart(line[(i + 1)..]))
            {
                reader = true; // "@harbourwatcher": one reader answering another (an e-mail address has no space before its "@")
            }

            if (!char.IsLetter(c))
            {
                sentenceStart |= c is '.' or '!' or '?';
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && (char.IsLetter(line[i]) || (line[i] is '\'' or '\u2019' && i + 1 < line.Length && char.IsLetter(line[i + 1]))))
            {
                i++;
            }

            var opensSentence = sentenceStart;
            sentenceStart = false;
            if (quoted)
            {
                continue;
            }

            var word = line[start..i];
            var capitalised = char.IsUpper(word[0]);
            if (strict && word is "I")
            {
                // "I think": a lower-case word follows, and the word before is lower case or opens the sentence.
                var pronoun = i + 1 < line.Length && line[i] == ' ' && char.IsLower(line[i + 1]) && !(previousCapitalised && !previousOpensSentence);
                reader |= pronoun;
            }
            else if (strict && (word.Equals("article", StringComparison.OrdinalIgnoreCase) || word.Equals("author", StringComparison.OrdinalIgnoreCase)
                || word.Equals("writer", StringComparison.OrdinalIgnoreCase)))
            {
                // Strictly, other works' authors and articles are not the piece the reader answers.
            }
            else
            {
                reader |= FirstPersonLookup.Contains(word) || ReaderLookup.Contains(word);
            }

            reader |= !strict && word is "RT"; // a retweet, as exported comments from social media open
            reporting |= ReportingLookup.Contains(word);
            previousCapitalised = capitalised;
            previousOpensSentence = opensSentence;
        }

        return reporting ? -1 : reader ? 1 : 0;
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

        // Candidates: the first non-empty line after blank lines that follow some text, with the length of the blank run.
        var candidates = new List<(int Line, int Blanks)>();
        var blankRun = 0;
        var seenContent = false;
        for (var li = 0; li < lines.Count; li++)
        {
            if (lines[li].Start == lines[li].End)
            {
                blankRun++;
                continue;
            }

            if (seenContent && blankRun >= 2 && mode == CommentDetection.BlankLines)
            {
                return li;
            }

            if (seenContent && blankRun >= 1)
            {
                candidates.Add((li, blankRun));
            }

            blankRun = 0;
            seenContent = true;
        }

        if (candidates.Count == 0 || mode == CommentDetection.BlankLines)
        {
            return -1;
        }

        // Prefix counts of non-empty lines, lines that sound like comments (plainly and strictly) and lines that sound like reporting.
        var count = new int[lines.Count + 1];
        var reader = new int[lines.Count + 1];
        var strictReader = new int[lines.Count + 1];
        var reporting = new int[lines.Count + 1];
        for (var li = 0; li < lines.Count; li++)
        {
            var (s, e) = lines[li];
            var score = s < e ? Score(text.AsSpan(s, e - s)) : 0;
            var strictScore = s < e && score > 0 ? Score(text.AsSpan(s, e - s), strict: true) : 0;
            count[li + 1] = count[li] + (s < e ? 1 : 0);
            reader[li + 1] = reader[li] + (score > 0 ? 1 : 0);
            strictReader[li + 1] = strictReader[li] + (strictScore > 0 ? 1 : 0);
            reporting[li + 1] = reporting[li] + (score < 0 ? 1 : 0);
        }

        var total = lines.Count;
        foreach (var (c, blanks) in candidates)
        {
            var after = count[total] - count[c];
            var afterReader = reader[total] - reader[c];
            var afterReporting = reporting[total] - reporting[c];
            var before = count[c];
            var beforeRate = before == 0 ? 0 : (double)reader[c] / before;
            if (blanks < 2)
            {
                // One blank line also parts the article's own paragraphs: every line after it must read strictly as a
                // reader's (three in five once there are three or more), the first among them, none as reporting.
                var strictRate = (double)(strictReader[total] - strictReader[c]) / after;
                if (strictReader[c + 1] > strictReader[c] && strictRate >= (after <= 2 ? 1.0 : StrictShare) && afterReporting == 0
                    && strictRate >= beforeRate + StrictMargin)
                {
                    return c;
                }

                continue;
            }

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

    /// <summary>A user name follows an "@": a letter, digit or underscore, after at most one space (tokenised exports write "@ name").</summary>
    private static bool IsHandleStart(ReadOnlySpan<char> rest)
    {
        rest = rest.StartsWith(' ') ? rest[1..] : rest;
        return !rest.IsEmpty && (char.IsLetterOrDigit(rest[0]) || rest[0] == '_');
    }

    private static int WordCount(ReadOnlySpan<char> line)
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
