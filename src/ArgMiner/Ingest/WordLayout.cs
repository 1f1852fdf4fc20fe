using System.IO.Compression;
using System.Text;
using System.Xml;
using ArgMiner.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Paragraph = ArgMiner.Text.Paragraph;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace ArgMiner.Ingest;

/// <summary>
/// Reads a Word document (<c>.docx</c>: op-eds and editorials as writers submit them) with the Open XML SDK, already
/// ArgMiner's for the workbook. The document's text is the text of its body paragraphs, one line each with a blank line
/// between them, so offsets index it exactly as they do every input's; the section of each paragraph is what its style
/// declares: the <c>Title</c> style (or, without one, the first heading) is the title, <c>Heading 1</c> to
/// <c>Heading 9</c> (or an outline level) are headings, and the rest is body (a document with no such style, its title
/// typed in bold, is laid out by <see cref="PlainTextLayout"/>'s rules instead); a table row is one body paragraph, its
/// cells parted by tabs; list items are paragraphs (Word keeps their bullets and numbers out of the text). Page
/// headers and footers, footnotes, comments and text boxes are left out. Reader comments are found in the text as in
/// plain text (<see cref="CommentRegister"/>). Tabs and manual line breaks inside a paragraph are spaces: a paragraph
/// stays one paragraph.
/// <para>
/// The main part is read forward with <see cref="OpenXmlReader"/> (an <see cref="XmlReader"/> underneath: no recursion
/// however deep tables nest) and stops at <see cref="DocumentReaders.MaxDocumentBytes"/> characters of text; a part
/// that would inflate to more than <see cref="MaxPartBytes"/> is refused before it is read (a zip bomb); a file that is not a Word document (a renamed file, an encrypted one, which Word
/// stores in another container, a damaged zip) gives one line. Written here because no available package turns a
/// Word document into text with offsets and sections; the parsing is the SDK's.
/// </para>
/// </summary>
public static class WordLayout
{
    /// <summary>The most bytes one part of the package may inflate to (the document's XML is several times its text).</summary>
    public const long MaxPartBytes = 4L * DocumentReaders.MaxDocumentBytes;

    /// <summary>
    /// The text and paragraphs of the Word document in <paramref name="bytes"/>; null, with the reason, when it cannot
    /// be read as one.
    /// </summary>
    public static (string Text, List<Paragraph> Paragraphs)? TryRead(byte[] bytes, CommentDetection comments, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        problem = null;
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            // An OLE compound file: Word keeps a password-protected document, or an old .doc renamed, in one.
            problem = "a password-protected or old-format (.doc) Word file, which cannot be read; save it as .docx without a password, skipped";
            return null;
        }

        List<(string Text, Section Section)> blocks;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
            {
                // A declared size cannot lie: .NET stops inflating an entry at it.
                if (zip.Entries.FirstOrDefault(e => e.Length > MaxPartBytes) is { } bomb)
                {
                    problem = $"its part {bomb.FullName} would inflate to {bomb.Length >> 20} MB, more than the {MaxPartBytes >> 20} MB read, skipped";
                    return null;
                }
            }

            stream.Position = 0;
            using var document = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = 0 });
            if (document.MainDocumentPart is not { } main)
            {
                problem = "a Word file without a document part, skipped";
                return null;
            }

            blocks = Blocks(main, out var tooLarge);
            if (tooLarge)
            {
                problem = DocumentReaders.TooLarge("its text is", "skipped");
                return null;
            }
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            problem = $"not a Word document that can be read ({FirstSentence(ex.Message)}), skipped";
            return null;
        }

        var text = new StringBuilder();
        var spans = new List<(int Start, int End, Section Section)>(blocks.Count);
        foreach (var (block, section) in blocks)
        {
            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            spans.Add((text.Length, text.Length + block.Length, section));
            text.Append(block);
        }

        var all = text.ToString();

        // A document that declares no title or heading (its title typed in bold in the Normal style) is laid out as
        // plain text is, one paragraph a line: a short first line is its title, short lines without final marks headings.
        if (!spans.Exists(s => s.Section != Section.Body))
        {
            return (all, PlainTextLayout.Parse(all, comments));
        }

        var commentFrom = CommentRegister.CommentOffset(all, comments);
        var paragraphs = new List<Paragraph>(spans.Count);
        var comment = 0;
        var titled = false;
        foreach (var (start, end, section) in spans)
        {
            if (start >= commentFrom)
            {
                paragraphs.Add(new Paragraph(start, end, Section.Comment, comment++));
                continue;
            }

            // The Title style, or the first heading before any body text, is the title; one title only.
            var s = section == Section.Title && titled ? Section.Heading
                : section == Section.Heading && paragraphs.Count == 0 ? Section.Title
                : section;
            titled |= s == Section.Title;
            paragraphs.Add(new Paragraph(start, end, s == Section.Body && PlainTextLayout.IsFooter(all.AsSpan(start, end - start)) ? Section.Footer : s, null));
        }

        return (all, paragraphs);
    }

    // The body's paragraphs and table rows in reading order, trimmed, the empty ones left out.
    private static List<(string Text, Section Section)> Blocks(MainDocumentPart main, out bool tooLarge)
    {
        var blocks = new List<(string, Section)>();
        var paragraph = new StringBuilder();
        var row = new StringBuilder();
        var section = Section.Body;
        var tableDepth = 0;
        var inParagraph = false;
        long characters = 0;
        tooLarge = false;
        var styles = HeadingStyles(main);

        using var reader = OpenXmlReader.Create(main, readMiscNodes: false);
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Table))
            {
                tableDepth += reader.IsStartElement ? 1 : reader.IsEndElement ? -1 : 0;
            }
            else if (type == typeof(TableRow) && tableDepth == 1)
            {
                if (reader.IsEndElement)
                {
                    AddRow(blocks, row.ToString());
                    row.Clear();
                }
            }
            else if (type == typeof(TableCell) && tableDepth == 1 && reader.IsEndElement)
            {
                row.Append('\t');
            }
            else if (type == typeof(WordParagraph))
            {
                if (reader.IsStartElement)
                {
                    inParagraph = true;
                    paragraph.Clear();
                    section = Section.Body;
                }
                else if (reader.IsEndElement && inParagraph)
                {
                    inParagraph = false;
                    if (tableDepth > 0)
                    {
                        // A cell's paragraphs are one cell: spaces within it, a tab between cells.
                        row.Append(' ').Append(paragraph.ToString().Replace('\t', ' '));
                    }
                    else
                    {
                        Add(blocks, paragraph.ToString(), section);
                    }
                }
            }
            else if (inParagraph && reader.IsStartElement && type == typeof(ParagraphStyleId))
            {
                var id = Value(reader);
                section = id is null ? Section.Body : styles.GetValueOrDefault(id, Section.Body);
            }
            else if (inParagraph && reader.IsStartElement && type == typeof(OutlineLevel))
            {
                section = int.TryParse(Value(reader), out var level) && level is >= 0 and < 9 ? Section.Heading : section;
            }
            else if (inParagraph && reader.IsStartElement && type == typeof(DocumentFormat.OpenXml.Wordprocessing.Text))
            {
                var text = reader.GetText();
                characters += text.Length;
                if (characters > DocumentReaders.MaxDocumentBytes)
                {
                    tooLarge = true;
                    return blocks;
                }

                paragraph.Append(text);
            }
            else if (inParagraph && reader.IsStartElement && (type == typeof(TabChar) || type == typeof(Break) || type == typeof(CarriageReturn)))
            {
                paragraph.Append(' ');
            }
        }

        return blocks;
    }

    // The w:val attribute of the current element, read without loading it (loading moves the reader on).
    private static string? Value(OpenXmlReader reader)
    {
        foreach (var attribute in reader.Attributes)
        {
            if (attribute.LocalName == "val")
            {
                return attribute.Value;
            }
        }

        return null;
    }

    // A table row as a line of cells parted by tabs, as Word copies a row to the clipboard (PlainTextLayout reads such a
    // line as a table row, not a heading); the empty cells of its ends left out.
    private static void AddRow(List<(string, Section)> blocks, string row)
    {
        var cells = row.Split('\t').Select(Clean).ToList();
        while (cells.Count > 0 && cells[^1].Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        while (cells.Count > 0 && cells[0].Length == 0)
        {
            cells.RemoveAt(0);
        }

        if (cells.Count > 0)
        {
            blocks.Add((string.Join('\t', cells), Section.Body));
        }
    }

    // A block's text with runs of white space made one space, trimmed; an empty one is left out.
    private static void Add(List<(string, Section)> blocks, string text, Section section)
    {
        var clean = Clean(text);
        if (clean.Length > 0)
        {
            blocks.Add((clean, section));
        }
    }

    // Runs of white space and control characters made one space, trimmed.
    private static string Clean(string text) => WhiteSpaceRuns.Collapse(text, controls: true);

    // The style ids that are a title or a heading: "Title", "Heading1" … "Heading9" by their names (ids are localised:
    // a German document's are "Titel" and "berschrift1"), and any paragraph style with an outline level.
    private static Dictionary<string, Section> HeadingStyles(MainDocumentPart main)
    {
        var styles = new Dictionary<string, Section>(StringComparer.Ordinal) { ["Title"] = Section.Title };
        for (var level = 1; level <= 9; level++)
        {
            styles[$"Heading{level}"] = Section.Heading;
        }

        if (main.StyleDefinitionsPart?.Styles is not { } defined)
        {
            return styles;
        }

        foreach (var style in defined.Elements<Style>())
        {
            var id = style.StyleId?.Value;
            var name = style.StyleName?.Val?.Value;
            if (id is null || name is null)
            {
                continue;
            }

            if (name.Equals("Title", StringComparison.OrdinalIgnoreCase))
            {
                styles[id] = Section.Title;
            }
            else if (name.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) || style.StyleParagraphProperties?.OutlineLevel?.Val?.Value is < 9)
            {
                styles[id] = Section.Heading;
            }
        }

        return styles;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..end] : message).TrimEnd('.');
    }
}
