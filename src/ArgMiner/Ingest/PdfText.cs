using System.Text;
using System.Text.RegularExpressions;
using ArgMiner.Text;

namespace ArgMiner.Ingest;

/// <summary>
/// Turns the text lines of a PDF's pages, in reading order and with their positions, into plain text in the seeds'
/// layout: one paragraph a line, a blank line between paragraphs, so <see cref="PlainTextLayout"/> reads it as it reads
/// any text file. Free of PdfPig, so that its rules can be tested on lines made up in a test (<see cref="PdfInput"/>
/// gets the lines out of the PDF).
/// <para>
/// Why paragraphs are found here from the lines' geometry rather than left to <see cref="HardWrap"/> (one line a PDF line):
/// PDF text is set in proportional fonts and usually justified, so a line's width in characters says little about whether
/// the next line's first word would have fitted; the PDF gives the widths themselves. The test is the same one
/// (<c>par</c>'s): a line goes on in the next when the next line's first word would not have fitted in the room left at
/// the end of the line (within its block's right edge), unless the next line is indented (a paragraph's first line) or set
/// apart by more than the block's usual line spacing. A paragraph ends at the end of its block (a column, a page) unless
/// its last line ends without a final mark and the next block starts in lower case: then it goes on there (a paragraph
/// across a page break or a column break).
/// </para>
/// <para>
/// Running headers and footers are dropped: a page's topmost or bottommost line (up to two at each edge) that is a bare
/// page number ("7", "Page 7", "7 of 30", "- 7 -", "vii"), or whose text, digits aside, is the topmost (bottommost) line of
/// at least three pages (of both, in a two-page document). A word broken at a line end ("infor-" / "mation") is rejoined
/// without its hyphen when the whole word ("information") occurs elsewhere in the document, or is an English word
/// (a word list the caller gives); a compound ("well-" / "known") keeps its hyphen, never "well- known", when it occurs so
/// elsewhere or both its parts are words (<see cref="Rejoin"/>). A soft hyphen (U+00AD) at a line end is always dropped.
/// Linear in the number of lines (words, for the word list).
/// </para>
/// </summary>
internal static partial class PdfText
{

    /// <summary>How many lines at a page's top (and at its bottom) may be a running header (footer).</summary>
    public const int MaxEdgeLines = 2;

    /// <summary>One line of a page as the layout analysis found it (PDF units, y growing upwards).</summary>
    /// <param name="Text">The line's words, one space apart.</param>
    /// <param name="Block">The index of its block (a column or a paragraph set apart) within the page, in reading order.</param>
    /// <param name="FirstWordWidth">The width of its first word.</param>
    /// <param name="WordGap">The widest gap between two of its words (0 for one word): in justified text every gap of a line is stretched alike.</param>
    public readonly record struct Line(string Text, int Block, double Left, double Right, double Top, double Bottom, double FirstWordWidth, double WordGap = 0)
    {
        /// <summary>The line's height, about its font size.</summary>
        public double Height => Math.Max(0.1, Top - Bottom);
    }

    /// <summary>The document's text: paragraphs one a line, a blank line between them, the title first when given.</summary>
    /// <param name="pages">Each page's lines in reading order.</param>
    /// <param name="title">The title to put first (the PDF's own, <see cref="MeaningfulTitle"/>), or null; when it is one of the first three paragraphs, that one is moved first.</param>
    /// <param name="titleFirst">Whether the text starts with a title line (<paramref name="title"/>, given or found as the first line).</param>
    /// <param name="knownWord">Whether a lower-case word is an English word, for words broken at a line end (<see cref="Rejoin"/>); null: only the document's own words tell.</param>
    public static string Compose(IReadOnlyList<IReadOnlyList<Line>> pages, string? title, out bool titleFirst, Func<string, bool>? knownWord = null)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var kept = DropRunningLines([.. pages.Select(JoinRiverSplits)]);
        var words = WordsOf(kept);
        var paragraphs = new List<StringBuilder>();
        StringBuilder? current = null;
        Line? previous = null;
        (double Left, double Right, double Spacing) block = default;
        foreach (var page in kept)
        {
            for (var i = 0; i < page.Count; i++)
            {
                var line = page[i];
                var firstOfBlock = i == 0 || page[i - 1].Block != line.Block;
                var previousBlock = block;
                if (firstOfBlock)
                {
                    block = Extent(page, i); // once a block, so composing stays linear in the lines
                }

                var goesOn = current is not null && previous is { } p && (firstOfBlock
                    ? ContinuesAcrossBlocks(p, line, previousBlock, block, i + 1 < page.Count && page[i + 1].Block == line.Block)
                    : ContinuesInBlock(p, line, block.Right, block.Left, block.Spacing));
                if (!goesOn)
                {
                    current = new StringBuilder();
                    paragraphs.Add(current);
                    current.Append(line.Text);
                }
                else
                {
                    Join(current!, line.Text, words, knownWord);
                }

                previous = line;
            }
        }

        if (paragraphs.Count == 0)
        {
            titleFirst = false;
            return string.Empty; // no text on any page: a Title alone is no document
        }

        var text = new StringBuilder();
        titleFirst = false;
        if (title is not null)
        {
            titleFirst = true;
            // The title as one of the first lines (after a running header or a kicker, on a one-page PDF where they
            // cannot be told from the text) is moved first rather than said twice.
            var onPage = paragraphs.Take(3).ToList().FindIndex(p => SameText(p.ToString(), title));
            if (onPage >= 0)
            {
                paragraphs.RemoveAt(onPage);
            }

            text.Append(title);
        }

        foreach (var paragraph in paragraphs)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(paragraph);
        }

        return text.ToString();
    }

    /// <summary>
    /// The PDF's Title entry if it reads as a title: not blank, not a file name ("Microsoft Word - op-ed.docx",
    /// "draft.pdf"), not "Untitled", at most 300 characters with a letter in it; white space runs made one space.
    /// </summary>
    public static string? MeaningfulTitle(string? title, string fileName)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        var t = Clean(title);
        if (t.Length > 300 || !t.Any(char.IsLetter) || FileNameTitle().IsMatch(t)
            || t.StartsWith("untitled", StringComparison.OrdinalIgnoreCase)
            || string.Equals(t, Path.GetFileNameWithoutExtension(fileName), StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return t;
    }

    /// <summary>
    /// The text of a line or title as the document holds it: control characters and white space runs made one space,
    /// trimmed, and typographic ligatures (U+FB00–U+FB06: "ﬁ", "ﬀ", "ﬂ", "ﬃ", "ﬄ", "ﬅ", "ﬆ") spelt out in their letters.
    /// Fonts draw "fi" and "ff" as one glyph, and PDF producers (browsers, Word, LaTeX) often map that glyph to the ligature
    /// character: "ﬁrst" and "traﬀic" are then no English words for any stage that reads them.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space)
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else if (Ligatures.LettersOf(c) is { } letters)
            {
                sb.Append(letters);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().TrimEnd(' ');
    }

    /// <summary>
    /// Whether <paramref name="text"/> is what a browser prints in a page's margin when a web page is saved as PDF, on a
    /// one-page PDF too, where no repetition shows it: the date and time it was printed ("12/7/26, 10:09 PM", then the
    /// page's title on the same line), or the page's address (with its page count, "https://… 1/2"). Such a line at a
    /// page's edge is left out when it is set smaller than the page's text, as browsers set it.
    /// </summary>
    public static bool IsBrowserMargin(string text) => BrowserMargin().IsMatch(text);

    /// <summary>Whether <paramref name="text"/> is a bare page number: "7", "Page 7", "7 of 30", "7/30", "- 7 -", "vii".</summary>
    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    private static bool SameText(string a, string b) =>
        string.Equals(Clean(a), Clean(b), StringComparison.OrdinalIgnoreCase);

    /// <summary>The pages without their running headers, footers and page numbers.</summary>
    private static List<List<Line>> DropRunningLines(IReadOnlyList<IReadOnlyList<Line>> pages)
    {
        var kept = pages.Select(p => p.ToList()).ToList();
        for (var round = 0; round < MaxEdgeLines; round++)
        {
            // The topmost and bottommost line of each page (by position, not reading order: a footer may be read first).
            var tops = kept.Select(p => Edge(p, top: true)).ToList();
            var bottoms = kept.Select(p => Edge(p, top: false)).ToList();
            var topCounts = Counts(kept, tops);
            var bottomCounts = Counts(kept, bottoms);
            var need = Math.Min(3, kept.Count);
            var dropped = false;
            for (var pi = 0; pi < kept.Count; pi++)
            {
                var drop = new HashSet<int>();
                foreach (var (edge, counts) in new[] { (tops[pi], topCounts), (bottoms[pi], bottomCounts) })
                {
                    if (edge < 0)
                    {
                        continue;
                    }

                    var text = kept[pi][edge].Text;
                    if (IsPageNumber(text) || (IsBrowserMargin(text) && SmallerThanBody(kept[pi], edge))
                        || (kept.Count >= 2 && counts.TryGetValue(Key(text), out var n) && n >= need))
                    {
                        drop.Add(edge);
                    }
                }

                if (drop.Count > 0 && drop.Count < kept[pi].Count)
                {
                    dropped = true;
                    kept[pi] = [.. kept[pi].Where((_, i) => !drop.Contains(i))];
                }
            }

            if (!dropped)
            {
                break;
            }
        }

        return kept;

        // Browsers print their margins in a smaller type than a page's text; a web address that is a paragraph of the
        // text itself and happens to end a page is set like the text.
        static bool SmallerThanBody(List<Line> page, int edge)
        {
            var heights = page.Select(l => l.Height).Order().ToList();
            return page[edge].Height <= 0.9 * heights[heights.Count / 2];
        }

        static Dictionary<string, int> Counts(List<List<Line>> pages, List<int> edges)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < pages.Count; i++)
            {
                if (edges[i] >= 0)
                {
                    var key = Key(pages[i][edges[i]].Text);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }

            return counts;
        }
    }

    /// <summary>The index of the page's topmost (bottommost) line, or -1 for a page without lines or whose edge line is not alone at its height.</summary>
    private static int Edge(List<Line> page, bool top)
    {
        if (page.Count < 2)
        {
            return -1;
        }

        var best = 0;
        for (var i = 1; i < page.Count; i++)
        {
            if (top ? page[i].Top > page[best].Top : page[i].Bottom < page[best].Bottom)
            {
                best = i;
            }
        }

        return best;
    }

    // A running line's text with its numbers made one sign, so "Page 3" and "Page 4", "Report 2026 | 5" and "… | 6" compare equal.
    private static string Key(string text) => Digits().Replace(text.ToLowerInvariant(), "#");

    // Lower-case words of the document, for telling a word broken at a line end ("infor-mation") from a compound.
    private static HashSet<string> WordsOf(List<List<Line>> pages)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (var line in page)
            {
                foreach (var w in line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add(w.Trim(TrimMarks).ToLowerInvariant());
                }
            }
        }

        return words;
    }

    private static readonly char[] TrimMarks = ['.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '[', ']', '“', '”', '‘', '’'];

    // The left and right edges of the block whose first line is `first`, and the distance between the baselines of its
    // first two lines (its usual line spacing), or 0 for a block of one line.
    private static (double Left, double Right, double Spacing) Extent(List<Line> page, int first)
    {
        double left = page[first].Left, right = page[first].Right;
        var last = first;
        while (last + 1 < page.Count && page[last + 1].Block == page[first].Block)
        {
            last++;
            left = Math.Min(left, page[last].Left);
            right = Math.Max(right, page[last].Right);
        }

        return (left, right, last > first ? page[first].Bottom - page[first + 1].Bottom : 0);
    }

    // Within a block: the next line's first word would not have fitted at the end of this one, and the next line is
    // neither indented nor set apart.
    private static bool ContinuesInBlock(Line line, Line next, double blockRight, double blockLeft, double spacing)
    {
        var em = line.Height;
        var room = blockRight - line.Right;
        if (next.FirstWordWidth + (0.25 * em) <= room)
        {
            return false;
        }

        if (next.Left - blockLeft > 0.8 * em && line.Left - blockLeft < 0.3 * em)
        {
            return false; // an indented first line
        }

        var gap = line.Bottom - next.Bottom;
        return spacing <= 0 || gap <= 1.4 * spacing;
    }

    // Across blocks: a sentence cut mid-way, the next block going on in lower case; or, at a column or page break (the
    // next block starts higher up), a full last line (the next line's first word would not have fitted on it) followed
    // by a body line (a block of several lines, or one nearly as wide as a column), which a heading is not.
    private static bool ContinuesAcrossBlocks(Line last, Line next, (double Left, double Right, double Spacing) lastBlock,
        (double Left, double Right, double Spacing) nextBlock, bool nextBlockGoesOn)
    {
        if (last.Text.Length == 0 || next.Text.Length == 0)
        {
            return false;
        }

        // Whether the last line is full: the next line's first word would not have fitted after it within the wider of
        // the two blocks (a block of one line is as wide as its line, so its own width says nothing).
        var width = Math.Max(lastBlock.Right - lastBlock.Left, nextBlock.Right - nextBlock.Left);
        var full = width - (last.Right - lastBlock.Left) < next.FirstWordWidth + (0.25 * last.Height);
        if ((char.IsLetterOrDigit(last.Text[^1]) || last.Text[^1] is ',' or '-' or '\u00AD') && char.IsLower(next.Text[0])
            && (full || next.Top > last.Top))
        {
            // Cut mid-sentence at a column or page break, or at a block's end after a full line. A short line, then a
            // block further down starting in lower case, is a paragraph ending without its final mark and the next one
            // (a comment's "who's right" / "no, it's only a statue").
            return true;
        }

        var bodyLine = nextBlockGoesOn || next.Right - next.Left >= 0.8 * (last.Right - last.Left);
        return next.Top > last.Top && full && bodyLine;
    }

    /// <summary>Appends <paramref name="line"/> to a paragraph: after a space, or rejoining a word broken at the line end.</summary>
    private static void Join(StringBuilder paragraph, string line, HashSet<string> words, Func<string, bool>? knownWord)
    {
        if (paragraph.Length >= 2 && paragraph[^1] == '\u00AD' && line.Length > 0 && char.IsLetter(line[0]))
        {
            paragraph.Length--;
            paragraph.Append(line);
            return;
        }

        if (paragraph.Length >= 2 && paragraph[^1] == '-' && char.IsLetterOrDigit(paragraph[^2]) && line.Length > 0 && char.IsLetterOrDigit(line[0]))
        {
            // A hyphen right after a letter or digit at a line end, the next line going on with one: a word broken there
            // or a compound ("Al-" / "Qaeda", "16-" / "nation", "620-294-" / "1909"), never two words.
            var start = LastWordStart(paragraph);

            // The broken part: after a compound's own hyphen when the compound is broken again ("self-expres-" / "sion").
            var head = paragraph.ToString(start, paragraph.Length - 1 - start).TrimStart(TrimMarks);
            var address = IsAddress(head); // a web or mail address keeps its hyphens
            head = head[(head.LastIndexOf('-') + 1)..];
            var end = line.IndexOf(' ', StringComparison.Ordinal);
            var tail = (end < 0 ? line : line[..end]).TrimEnd(TrimMarks);
            tail = tail.IndexOf('-', StringComparison.Ordinal) is > 0 and var dash ? tail[..dash] : tail; // "rocket-" / "propelled-grenade"
            var lower = char.IsLower(line[0]);
            var capitals = head.Length >= 2 && IsCapitals(head) && IsCapitals(tail); // "MAIL-" / "ING"
            if ((lower || capitals) && !address && head.Length > 0 && head.All(char.IsLetter)
                && Rejoin(head.ToLowerInvariant(), tail.ToLowerInvariant(), words, knownWord))
            {
                paragraph.Length--; // "infor-" + "mation": the word "information"
            }

            paragraph.Append(line);
            return;
        }

        if (line.Length > 0 && paragraph.Length > 0 && (ClosesAWord(line, paragraph[^1]) || BreaksInsideAWord(paragraph)))
        {
            paragraph.Append(line); // "AWOL" / "”", "http://www.example.com/" / "page.html", "and/" / "or"
            return;
        }

        paragraph.Append(' ').Append(line);
    }

    /// <summary>How far back a line's last word is looked for: longer words are not words but data, and looking further would make joining quadratic.</summary>
    private const int MaxWordLength = 256;

    // Where the paragraph's last word starts (after its last space), looking back at most MaxWordLength characters.
    private static int LastWordStart(StringBuilder paragraph)
    {
        var start = paragraph.Length - 1;
        var stop = Math.Max(0, paragraph.Length - MaxWordLength);
        while (start > stop && paragraph[start - 1] != ' ')
        {
            start--;
        }

        return start;
    }

    // A line cannot start with closing punctuation after a space: the line was broken before the mark, not before a word.
    private static bool ClosesAWord(string line, char before) => line[0] is '”' or ')' or ']' or '}' or ',' or ';' or '!' or '?' or '%'
        || (line[0] is '.' or ':' && char.IsLetterOrDigit(before) && (line.Length == 1 || line[1] != line[0])); // "OBSF" / ". The", not an ellipsis or "for." / ". Do"

    // A line ending in a word that goes on: a slash ("and/", "www.example.com/"), a dash set close after a word, or a web address
    // ending in ?, &, = or # (line breaking rules allow a break there; a space never follows them in an address).
    private static bool BreaksInsideAWord(StringBuilder paragraph)
    {
        if (paragraph.Length < 2 || paragraph[^2] == ' ')
        {
            return false;
        }

        var last = paragraph[^1];

        if (last == '/' || (last == '\u2014' && char.IsLetter(paragraph[^2]))
            || (last == '-' && paragraph[^2] == '-' && paragraph.Length >= 3 && char.IsLetter(paragraph[^3])))
        {
            return true; // "and/" / "or"; a dash set close, "Democrat—" or "Democrat--" / "didn't"
        }

        if (last is not ('?' or '&' or '=' or '#'))
        {
            return false;
        }

        var start = LastWordStart(paragraph);
        return IsAddress(paragraph.ToString(start, paragraph.Length - start));
    }

    // A web address ("http://…", "www.…") or a mail address ("name@host").
    private static bool IsAddress(string word) =>
        word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || word.Contains('@', StringComparison.Ordinal);

    /// <summary>
    /// Whether a word broken at a line end after <paramref name="head"/> and its hyphen, going on with
    /// <paramref name="tail"/> (both lower case), is one word rather than a compound. The document's own words decide
    /// first ("information" elsewhere: one word; "well-known" elsewhere: a compound). Then, with a word list: a known
    /// whole word is one word ("impor-" + "tant"); a tail that is a word after a head that is one too, or a prefix
    /// written with a hyphen, is a compound ("well-" + "known", "non-" + "profit"), unless the tail is a suffix
    /// ("inhal-" + "able"); anything else is a word broken inside ("disin-" + "formation", "coun-" + "terterrorism"):
    /// typesetters break long words at syllables far more often than at a compound's hyphen. Without a word list the
    /// hyphen stays unless the document shows the whole word (a compound read as one word reads worse than a broken
    /// word kept whole with its hyphen).
    /// </summary>
    internal static bool Rejoin(string head, string tail, HashSet<string> words, Func<string, bool>? knownWord)
    {
        if (words.Contains(head + tail))
        {
            return true;
        }

        if (knownWord is null || words.Contains(head + "-" + tail))
        {
            return false;
        }

        if (knownWord(head + tail))
        {
            return true;
        }

        return !(tail.Length >= 3 && knownWord(tail) && !Suffixes.Contains(tail) && (knownWord(head) || Prefixes.Contains(head)));
    }

    // First parts of compounds the word list lacks: prefixes written with a hyphen ("non-", "co-"; "anti-" and "self-" are
    // words of the list) and a word newer than the list ("covid-").
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal)
    {
        "non", "co", "neo", "pre", "re", "un", "bi", "tri", "mid", "semi", "quasi", "pseudo", "intra", "inter", "multi",
        "ultra", "mega", "micro", "macro", "socio", "geo", "bio", "eco", "agro", "afro", "euro", "anglo", "sino", "indo",
        "covid", "e",
    };

    // Endings that are words of the list too ("ing", "able", "ism") but end a word broken before them, never a compound.
    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "able", "ible", "ing", "ings", "ism", "isms", "ist", "ists", "tion", "tions", "sion", "sions", "ment", "ments",
        "ness", "ity", "ities", "ance", "ence", "ous", "ive", "ives", "ful", "less", "ly", "ed", "er", "ers", "est",
        "al", "ial", "ate", "ates", "ated", "ize", "izes", "ized", "ise", "ised", "ship", "ships",
    };

    private static bool IsCapitals(string word) => word.Length > 0 && word.All(c => char.IsLetter(c) && char.IsUpper(c));

    [GeneratedRegex(@"^(?:page\s+)?(?:\d{1,5}(?:\s*(?:of|/)\s*\d{1,5})?|[-–—]\s*\d{1,5}\s*[-–—]|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s|$)|(?:https?|file)://\S+(?:\s+\d{1,4}\s*(?:/|of)\s*\d{1,4})?$)", RegexOptions.CultureInvariant)]
    private static partial Regex BrowserMargin();

    [GeneratedRegex(@"\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"(^microsoft \w+ - )|\.(docx?|odt|rtf|pdf|txt|pages|indd|tex|dvi|ps|html?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNameTitle();
}
