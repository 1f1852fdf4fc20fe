using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using ArgMiner.Text;

namespace ArgMiner.Ingest;

/// <summary>
/// Reads the paragraph structure of a Markdown document (<c>.md</c>, <c>.markdown</c>: blog posts as static-site
/// generators and web scrapers write them) with Markdig's CommonMark parser, so the layout follows what the author
/// declared instead of guessing from line shapes: the first heading (or the front matter's <c>title:</c>) is the title
/// and later headings are headings, whatever their length or punctuation; a paragraph is a Markdown paragraph, its
/// wrapped lines one paragraph; list items and quotations are paragraphs without their markers ("- ", "&gt; "), so a
/// sentence no longer starts with a bullet; each table row is a body paragraph; thematic breaks, code, raw HTML, link
/// definitions and the rest of the front matter are not prose and hold no sentence. Paragraph spans index the
/// document's text exactly (Markdig's precise source locations), which stays whole. Inline markup (<c>**</c>,
/// <c>[text](url)</c>) stays in the sentences' text, as offsets into the exact text require. Reader comments are
/// found as in plain text (<see cref="CommentRegister"/>, over the lines with their heading markers set aside), and
/// every block from the first comment line on is one comment. Until session 38 a folder's <c>.md</c> files were not
/// read at all, and one named on the command line was read as plain text ("# Title" a body sentence, each bullet's
/// "- " kept, "---" a sentence).
/// </summary>
public static class MarkdownLayout
{
    // Inline markup is never read here (a paragraph's span is all the layout needs), and Markdig's inline parsers are
    // where its worst cases lie: 200,000 "[" threw "too deeply nested" through to the user, "[a](" repeated took 17 s,
    // a wide pipe table 73 s. So no inline parser runs, and pipe tables are found here (TableRows) instead.
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UsePreciseSourceLocation().UseYamlFrontMatter();
        builder.InlineParsers.Clear();
        return builder.Build();
    }

    /// <summary>Lines may open at most this many quotations and list items, and be indented at most <see cref="MaxIndent"/> columns.</summary>
    public const int MaxNesting = 32;

    /// <summary>The deepest indentation read as Markdown (a nested list item is indented two columns or more a level).</summary>
    public const int MaxIndent = 100;

    /// <summary>
    /// Finds the paragraphs of a whole Markdown document; null, with the reason, when the markup nests too deep to read
    /// in linear time (a line opening more than <see cref="MaxNesting"/> quotations or list items, or indented more than
    /// <see cref="MaxIndent"/> columns: Markdig matches every line against every open container, and 2,000 nested list
    /// items took 35 s before failing with "too deeply nested") or Markdig fails on it; the caller then reads it as plain text.
    /// </summary>
    /// <param name="text">The document.</param>
    /// <param name="comments">How the reader comments are found (<see cref="CommentRegister"/>).</param>
    /// <param name="problem">Why the text was not read as Markdown.</param>
    public static List<Paragraph>? TryParse(string text, CommentDetection comments, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = TooDeep(text);
        if (problem is not null)
        {
            return null;
        }

        try
        {
            return Parse(text, comments);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            problem = $"Markdig could not parse it ({ex.Message})";
            return null;
        }
    }

    // The first line that opens too many containers or is indented too far, as a reason; null when none does.
    private static string? TooDeep(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var indent = 0;
            var markers = 0;
            var j = i;
            while (j < text.Length)
            {
                var c = text[j];
                if (c is ' ' or '\t')
                {
                    indent += c == '\t' ? 4 : 1;
                }
                else if (c == '>' || (c is '-' or '*' or '+' && j + 1 < text.Length && text[j + 1] is ' ' or '\t'))
                {
                    markers++;
                }
                else
                {
                    break;
                }

                j++;
            }

            if (markers > MaxNesting || indent > MaxIndent)
            {
                return $"line {line} nests deeper than Markdown is read here ({MaxNesting} quotations or list items, {MaxIndent} columns)";
            }

            var next = text.IndexOfAny(['\n', '\r'], j);
            if (next < 0)
            {
                break;
            }

            i = next + (text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1);
            line++;
        }

        return null;
    }

    /// <summary>Finds the paragraphs of a whole Markdown document (without <see cref="TryParse"/>'s guard against deep nesting).</summary>
    /// <param name="text">The document.</param>
    /// <param name="comments">How the reader comments are found (<see cref="CommentRegister"/>).</param>
    internal static List<Paragraph> Parse(string text, CommentDetection comments = CommentDetection.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        var document = Markdown.Parse(text, Pipeline);
        var commentFrom = CommentRegister.CommentOffset(text, comments, l => SkipHeadingMarker(text, l));
        var paragraphs = new List<Paragraph>();
        var comment = 0;
        var seenContent = false;

        void Add(int start, int end, Section section)
        {
            (start, end) = Trim(text, start, end);
            if (start >= end)
            {
                return;
            }

            if (start >= commentFrom)
            {
                paragraphs.Add(new Paragraph(start, end, Section.Comment, comment++));
                return;
            }

            // The first heading is the title, unless the front matter gave one (then it came first).
            if (section == Section.Heading && !seenContent)
            {
                section = Section.Title;
            }

            seenContent = true;
            paragraphs.Add(new Paragraph(start, end, section, null));
        }

        foreach (var block in Leaves(document))
        {
            switch (block)
            {
                case YamlFrontMatterBlock front:
                    if (FrontMatterTitle(text, front) is var (ts, te) && te > ts)
                    {
                        Add(ts, te, Section.Title);
                    }

                    break;
                case HeadingBlock heading:
                    var (hs, he) = HeadingContent(text, heading);
                    Add(hs, he, Section.Heading);
                    break;
                case ParagraphBlock paragraph:
                    var (ps, pe) = Extent(text, paragraph);
                    if (TableRows(text, ps, pe) is { } rows)
                    {
                        foreach (var (rs, re) in rows)
                        {
                            Add(rs, re, Section.Body);
                        }
                    }
                    else
                    {
                        Add(ps, pe, PlainTextLayout.IsFooter(text.AsSpan(ps, pe - ps)) ? Section.Footer : Section.Body);
                    }

                    break;
                default:
                    // Thematic breaks, code, raw HTML, link reference definitions: not prose.
                    break;
            }
        }

        return paragraphs;
    }

    // The leaf blocks in document order, inside lists and quotations.
    private static IEnumerable<Block> Leaves(ContainerBlock container)
    {
        foreach (var block in container)
        {
            if (block is not ContainerBlock)
            {
                yield return block;
                continue;
            }

            foreach (var inner in Leaves((ContainerBlock)block))
            {
                yield return inner;
            }
        }
    }

    // A pipe table (GitHub's): a paragraph whose second line is a delimiter row ("|---|:--:|") and whose every line holds
    // a "|"; its rows without the delimiter row and the outer pipes. Null for any other paragraph. Linear in its length.
    private static List<(int Start, int End)>? TableRows(string text, int start, int end)
    {
        var lines = PlainTextLayout.Lines(text, start, end).Where(l => l.End > l.Start).ToList();
        if (lines.Count < 2 || !IsDelimiterRow(text.AsSpan(lines[1].Start, lines[1].End - lines[1].Start))
            || lines.Exists(l => text.AsSpan(l.Start, l.End - l.Start).IndexOf('|') < 0))
        {
            return null;
        }

        var rows = new List<(int Start, int End)>(lines.Count - 1);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == 1)
            {
                continue;
            }

            var (s, e) = lines[i];
            s += text[s] == '|' ? 1 : 0;
            e -= e > s && text[e - 1] == '|' ? 1 : 0;
            rows.Add(Trim(text, s, e));
        }

        return rows;
    }

    // "|---|:--:|", "--- | ---": pipes, dashes, colons and spaces only, with a dash and a pipe.
    private static bool IsDelimiterRow(ReadOnlySpan<char> line) =>
        line.Contains('-') && line.Contains('|') && !line.ContainsAnyExcept("|-: \t");

    // A block's [start, end) in the text: Markdig's spans end inclusively.
    private static (int Start, int End) Extent(string text, Block block) =>
        (Math.Clamp(block.Span.Start, 0, text.Length), Math.Clamp(block.Span.End + 1, 0, text.Length));

    // "## Why it fails ##" → "Why it fails"; a setext heading's text line without its underline.
    private static (int Start, int End) HeadingContent(string text, HeadingBlock heading)
    {
        var (start, end) = Extent(text, heading);
        if (heading.IsSetext)
        {
            // The underline is the block's last line.
            var lineEnd = text.LastIndexOfAny(['\n', '\r'], Math.Max(start, end - 1), end - start);
            return lineEnd > start ? (start, lineEnd) : (start, start);
        }

        (start, end) = Trim(text, start, end);
        while (start < end && text[start] == '#')
        {
            start++;
        }

        (start, end) = Trim(text, start, end);
        // An optional closing sequence of #s after a space.
        var close = end;
        while (close > start && text[close - 1] == '#')
        {
            close--;
        }

        if (close < end && (close == start || char.IsWhiteSpace(text[close - 1])))
        {
            end = close;
        }

        return Trim(text, start, end);
    }

    // The value of a "title:" line of YAML front matter, without its quotes.
    private static (int Start, int End)? FrontMatterTitle(string text, YamlFrontMatterBlock front)
    {
        var (start, end) = Extent(text, front);
        foreach (var (ls, le) in PlainTextLayout.Lines(text, start, end))
        {
            var line = text.AsSpan(ls, le - ls);
            if (!line.StartsWith("title:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (vs, ve) = Trim(text, ls + "title:".Length, le);
            if (ve - vs >= 2 && text[vs] is '"' or '\'' && text[ve - 1] == text[vs])
            {
                (vs, ve) = (vs + 1, ve - 1);
            }

            return (vs, ve);
        }

        return null;
    }

    private static (int Start, int End) SkipHeadingMarker(string text, (int Start, int End) line)
    {
        var i = line.Start;
        while (i < line.End && i - line.Start < 6 && text[i] == '#')
        {
            i++;
        }

        return i > line.Start && i < line.End && text[i] == ' ' ? Trim(text, i, line.End) : line;
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}
