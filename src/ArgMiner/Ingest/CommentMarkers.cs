using System.Text.RegularExpressions;

namespace ArgMiner.Ingest;

/// <summary>
/// The lines sites print around reader comments when they export a page as text: a heading over the comments
/// ("Comments", "12 comments", "Reader comments", "Comments (12)", "Leave a reply") and a line naming the writer
/// over each comment ("harbourwatcher wrote:", "Posted by J. Miller at 10:42", "Sarah K said:"). They mark where
/// the comments begin more surely than the comments' register does, and they hold whatever blank lines come
/// before them: a comment section after a single blank line, as an article's paragraphs are, has no run of
/// blank lines to find (the evaluation in corpus/tools/comment_start_eval.py: such sections were all missed).
/// </summary>
public static partial class CommentMarkers
{
    /// <summary>A name of several words before "wrote:" or "said:" is at most this many: longer, the line is prose introducing a quotation.</summary>
    public const int MaxNameWords = 4;

    /// <summary>
    /// The whole line is a comments heading. Only the whole line: "Comments from the minister were brief." is prose.
    /// </summary>
    public static bool IsCommentsHeading(ReadOnlySpan<char> line) => line.Length <= 60 && HeadingPattern().IsMatch(line.Trim());

    /// <summary>
    /// A writer's line over a comment: a short name and "wrote:", "writes:", "says:", "said:", "commented:" or
    /// "replied:" (also with "..." for the colon), or "Posted by NAME" (often "at 10:42" or "on 3 May"). An article
    /// introduces quotations the same way ("Einstein wrote:"), so one such line alone is not enough
    /// (<see cref="CommentStart"/> asks for two), except "Posted by … at/on" with a time or date.
    /// </summary>
    public static bool IsUserLine(ReadOnlySpan<char> line, out bool dated)
    {
        line = line.Trim();
        dated = false;
        if (line.Length > 80)
        {
            return false;
        }

        if (PostedByPattern().IsMatch(line))
        {
            dated = PostedAtPattern().IsMatch(line);
            return true;
        }

        var m = WrotePattern().Match(line.ToString());
        return m.Success && IsName(m.Groups["name"].ValueSpan);
    }

    /// <summary>
    /// A user name: one token of any case ("harbourwatcher", "anon_1987"), or up to <see cref="MaxNameWords"/>
    /// words that each open with a capital or a digit ("J. Miller", "Concerned Reader"). "As Amory Lovins has" and
    /// "One author" introduce quotations in prose.
    /// </summary>
    private static bool IsName(ReadOnlySpan<char> name)
    {
        var words = 0;
        var allCapitalised = true;
        foreach (var range in name.Split(' '))
        {
            var word = name[range];
            if (word.IsEmpty)
            {
                continue;
            }

            words++;
            allCapitalised &= char.IsUpper(word[0]) || char.IsDigit(word[0]);
        }

        return words == 1 || (words <= MaxNameWords && allCapitalised);
    }

    /// <summary>
    /// The index of the line where comments start by their markers, or -1: the line after the first comments heading
    /// that has text after it, else the first of two or more writer's lines (or of one dated "Posted by" line) that
    /// opens a paragraph after some text. <paramref name="lines"/> are trimmed spans, empty for blank lines.
    /// </summary>
    public static int CommentStart(string text, IReadOnlyList<(int Start, int End)> lines)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(lines);
        var seenContent = false;
        var previousBlank = false;
        var firstUser = -1;
        var users = 0;
        var dated = false;
        for (var li = 0; li < lines.Count; li++)
        {
            var (s, e) = lines[li];
            if (s == e)
            {
                previousBlank = true;
                continue;
            }

            var line = text.AsSpan(s, e - s);
            if (seenContent && IsCommentsHeading(line))
            {
                var next = li + 1;
                while (next < lines.Count && lines[next].Start == lines[next].End)
                {
                    next++;
                }

                if (next < lines.Count)
                {
                    return next;
                }
            }

            if (seenContent && previousBlank && IsUserLine(line, out var isDated))
            {
                firstUser = firstUser < 0 ? li : firstUser;
                users++;
                dated |= isDated && users == 1;
            }

            seenContent = true;
            previousBlank = false;
        }

        return firstUser >= 0 && (users >= 2 || dated) ? firstUser : -1;
    }

    [GeneratedRegex(@"^(\d+\s+)?((reader|readers|readers'|user|your)\s+)?comments?(\s*\(\d+\))?\s*:?$|^(leave a (comment|reply)|join the (discussion|conversation)|what readers are saying|\d+\s+(responses|replies))\s*:?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^(?<name>\S.{0,40}?)\s(wrote|writes|says|said|commented|replied)\s*(:|\.\.\.|…)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrotePattern();

    [GeneratedRegex(@"^(posted|written|submitted|commented) by \S.{0,60}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostedByPattern();

    [GeneratedRegex(@"\s(at|on)\s+\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostedAtPattern();
}
