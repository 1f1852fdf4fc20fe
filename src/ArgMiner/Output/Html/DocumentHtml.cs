using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ArgMiner.Text;

namespace ArgMiner.Output.Html;

/// <summary>
/// One document of the report as HTML: its title, headings, paragraphs and footer, then its reader comments set
/// apart; every sentence a <c>span</c> shaded by its label (<c>data-label</c>, the label's two-letter mark, its
/// confidence on hover); entities and numeric claims marked inside (<c>data-entity</c>, <c>data-number</c>, the
/// details on hover). Every character of the document text is written once, so a sentence element's text is
/// exactly the sentence (up to where a full page stops a document: <see cref="Write"/>).
/// </summary>
internal static class DocumentHtml
{
    /// <summary>Encodes text and attribute values; letters of every script stay as they are.</summary>
    public static HtmlEncoder Encoder { get; } = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Writes <paramref name="context"/> as an <c>article</c>, open (<c>details open</c>) or collapsed, and returns how many
    /// of its sentences it shows: all of them, unless <paramref name="full"/> says the page is full before one of them,
    /// where the document stops (its open elements closed) with a note saying how much of it is not shown.
    /// </summary>
    public static int Write(TextWriter html, DocumentContext context, int index, bool open, Func<bool>? full = null)
    {
        var document = context.Document;
        var marks = Marks(context);
        var (sentencesOf, firstOf) = SentencesByParagraph(document);
        html.Write($"<article class=\"doc\" id=\"doc-{index.ToString(CultureInfo.InvariantCulture)}\" data-doc=\"{Attr(document.Id)}\">\n");
        html.Write(open ? "<details open>" : "<details>");
        html.Write($"<summary><span class=\"doc-title\" dir=\"auto\">{Encode(document.Title ?? document.Id)}</span> <span class=\"meta\"><bdi>{Encode(document.Id)}</bdi> · {Count(document.Sentences.Length, "sentence")}, {Count(document.Entities.Length, "entity", "entities")}, {Count(document.Numbers.Length, "numeric claim")}, {Count(document.CommentCount, "comment")}</span></summary>\n");
        var inComments = false;
        var shown = 0;
        var cut = false;
        for (var p = 0; p < document.Paragraphs.Length && !cut; p++)
        {
            var paragraph = document.Paragraphs[p];
            var inParagraph = sentencesOf.AsSpan(firstOf[p]..firstOf[p + 1]);
            if (paragraph.Comment is int comment)
            {
                if (!inComments)
                {
                    html.Write($"<section class=\"comments\" aria-label=\"Reader comments\"><h3>Reader comments ({document.CommentCount.ToString("N0", CultureInfo.InvariantCulture)})</h3>\n");
                    inComments = true;
                }

                html.Write($"<blockquote class=\"comment\" data-comment=\"{comment.ToString(CultureInfo.InvariantCulture)}\">");
                cut = !WriteParagraph(html, context, p, inParagraph, marks, full, ref shown);
                html.Write("</blockquote>\n");
                continue;
            }

            var tag = paragraph.Section switch
            {
                Section.Title => "h2 class=\"title\"",
                Section.Heading => "h3 class=\"heading\"",
                Section.Footer => "p class=\"footer\"",
                _ => "p",
            };
            html.Write($"<{tag}>");
            cut = !WriteParagraph(html, context, p, inParagraph, marks, full, ref shown);
            html.Write($"</{tag.Split(' ')[0]}>\n");
        }

        if (inComments)
        {
            html.Write("</section>\n");
        }

        if (cut)
        {
            html.Write(string.Create(CultureInfo.InvariantCulture, $"<p class=\"note\">The report stops here, after {shown:N0} of this document's {document.Sentences.Length:N0} sentences, so that a browser can open it; the CSV, JSON Lines and xlsx outputs hold every sentence.</p>\n"));
        }

        html.Write("</details></article>\n");
        return shown;
    }

    /// <summary>An attribute value, encoded.</summary>
    public static string Attr(string? value) => Encode(value);

    /// <summary>
    /// Text or an attribute value, encoded. The encoder writes a C1 control (U+0080–U+009F) as a character reference,
    /// which browsers read as Windows-1252 (<c>&amp;#x85;</c> showed "…", <c>&amp;#x93;</c> a curly quote), so such a
    /// reference is written as the character itself, which browsers keep. (HTML cannot carry U+0000: it shows as U+FFFD.)
    /// </summary>
    public static string Encode(string? value)
    {
        var encoded = Encoder.Encode(value ?? string.Empty);
        if (!encoded.Contains("&#x8", StringComparison.Ordinal) && !encoded.Contains("&#x9", StringComparison.Ordinal))
        {
            return encoded;
        }

        var sb = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            // "&#x85;": a reference of two hex digits from 80 to 9F.
            if (i + 5 < encoded.Length && encoded[i] == '&' && encoded[i + 1] == '#' && encoded[i + 2] == 'x'
                && encoded[i + 3] is '8' or '9' && char.IsAsciiHexDigit(encoded[i + 4]) && encoded[i + 5] == ';')
            {
                sb.Append((char)int.Parse(encoded.AsSpan(i + 3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
            else
            {
                sb.Append(encoded[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>"1 sentence", "1,289 sentences": a count, grouped by thousands as the page's notes are, with its noun in the number it takes.</summary>
    internal static string Count(long n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {(n == 1 ? one : many ?? one + "s")}");

    /// <summary>A mark inside a sentence: its UTF-16 span and the opening tag.</summary>
    private readonly record struct Mark(int Start, int End, string Open);

    /// <summary>Entity and numeric-claim marks per sentence, longest first where they start together (a claim holds its date).</summary>
    private static List<Mark>[] Marks(DocumentContext context)
    {
        var document = context.Document;
        var marks = new List<Mark>[document.Sentences.Length];
        for (var i = 0; i < marks.Length; i++)
        {
            marks[i] = [];
        }

        foreach (var n in document.Numbers)
        {
            var details = new StringBuilder(n.Kind);
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value))
                {
                    details.Append('\n').Append(name).Append(": ").Append(value);
                }
            }

            Add("value", OutputSchema.Number(n.Value));
            Add("low", OutputSchema.Number(n.Low));
            Add("high", OutputSchema.Number(n.High));
            Add("qualifier", n.Qualifier);
            Add("unit", n.Unit);
            Add("period", n.Period);
            Add("counted", n.Counted);
            Add("time", n.Time);
            Add("source", n.Source);
            marks[n.Sentence].Add(new Mark(n.Start, n.End, $"<mark class=\"num\" data-number=\"{Attr(n.Kind)}\" title=\"{Attr(details.ToString())}\">"));
        }

        foreach (var e in document.Entities)
        {
            marks[e.Sentence].Add(new Mark(e.Start, e.End, $"<mark class=\"ent\" data-entity=\"{Attr(e.Type)}\" title=\"{Attr(e.Type + " (" + OutputSchema.SourceName(e.Source) + ")")}\">"));
        }

        foreach (var list in marks)
        {
            list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        }

        return marks;
    }

    /// <summary>
    /// The sentence indexes grouped by paragraph, in document order within each (a counting sort), and where each
    /// paragraph's group starts (one more entry than paragraphs). Searching every sentence for each paragraph's
    /// made a document of many one-line paragraphs quadratic (145,000 lines: 38 s for the report alone).
    /// </summary>
    internal static (int[] Sentences, int[] First) SentencesByParagraph(Document document)
    {
        var paragraphs = document.Paragraphs.Length;
        var first = new int[paragraphs + 1];
        foreach (var sentence in document.Sentences)
        {
            if ((uint)sentence.Paragraph < (uint)paragraphs)
            {
                first[sentence.Paragraph + 1]++;
            }
        }

        for (var p = 0; p < paragraphs; p++)
        {
            first[p + 1] += first[p];
        }

        var sentences = new int[first[paragraphs]];
        var filled = first[..paragraphs];
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            var p = document.Sentences[s].Paragraph;
            if ((uint)p < (uint)paragraphs)
            {
                sentences[filled[p]++] = s;
            }
        }

        return (sentences, first);
    }

    // Writes the paragraph's text and sentences; false when the page was full before one of them (the paragraph ends there).
    private static bool WriteParagraph(TextWriter html, DocumentContext context, int paragraphIndex, ReadOnlySpan<int> sentences, List<Mark>[] marks, Func<bool>? full, ref int shown)
    {
        var document = context.Document;
        var paragraph = document.Paragraphs[paragraphIndex];
        var position = paragraph.Start;
        foreach (var s in sentences)
        {
            if (full?.Invoke() == true)
            {
                return false;
            }

            var sentence = document.Sentences[s];

            WriteText(html, document.Text, position, Math.Max(position, sentence.Start));
            var prediction = document.Labels.Length == document.Sentences.Length ? document.Labels[s] : null;
            var label = prediction?.Label ?? "none";
            var style = LabelPalette.Of(label);
            // Four decimals, as sentences.csv: with two, 0.9962 read "1.00", as sure as a title, and the page disagreed with the CSV.
            var title = prediction is null ? "not labelled" : string.Create(CultureInfo.InvariantCulture, $"{label} · confidence {prediction.Confidence:0.0000}");
            html.Write($"<span class=\"s\" data-label=\"{label}\" data-mark=\"{style?.Mark ?? "–"}\" data-sentence=\"{s.ToString(CultureInfo.InvariantCulture)}\" title=\"{Attr(title)}\" dir=\"auto\">");
            var k = 0;
            WriteMarked(html, document.Text, sentence.Start, sentence.End, marks[s], ref k);
            html.Write("</span>");
            shown++;
            position = Math.Max(position, sentence.End);
        }

        WriteText(html, document.Text, position, Math.Max(position, paragraph.End));
        return true;
    }

    // Marks nest: one that starts inside another is written inside it, cut at its end if it runs past, so
    // every mark gets an element and every character is written once.
    private static void WriteMarked(TextWriter html, string text, int start, int end, List<Mark> marks, ref int k)
    {
        var position = start;
        while (k < marks.Count && marks[k].Start < end)
        {
            var mark = marks[k++];
            var from = Math.Clamp(mark.Start, position, end);
            var to = Math.Clamp(mark.End, from, end);
            WriteText(html, text, position, from);
            html.Write(mark.Open);
            WriteMarked(html, text, from, to, marks, ref k);
            html.Write("</mark>");
            position = to;
        }

        WriteText(html, text, position, end);
    }

    private static void WriteText(TextWriter html, string text, int start, int end)
    {
        if (end > start)
        {
            html.Write(Encode(text[start..end]));
        }
    }
}
