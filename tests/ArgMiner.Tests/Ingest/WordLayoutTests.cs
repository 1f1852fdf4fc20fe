using System.IO.Compression;
using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Tests.Support;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Document = DocumentFormat.OpenXml.Wordprocessing.Document;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using Section = ArgMiner.Text.Section;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace ArgMiner.Tests.Ingest;

public sealed class WordLayoutTests
{
    // A Word document as a writer submits an op-ed: Title and Heading 1 styles, body paragraphs with runs, a tab and a
    // manual line break, a numbered item, a table, a page header and a footnote.
    internal static byte[] OpEd(params OpenXmlElement[] extra)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(new StyleName { Val = "Title" }) { Type = StyleValues.Paragraph, StyleId = "Title" },
                new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
                new Style(new StyleName { Val = "Überschrift 2" }, new StyleParagraphProperties(new OutlineLevel { Val = 1 })) { Type = StyleValues.Paragraph, StyleId = "berschrift2" });
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Styled(null, "The Daily Paper, page 1"));
            var notes = main.AddNewPart<FootnotesPart>();
            notes.Footnotes = new Footnotes(new Footnote(new Paragraph(new Run(new WordText("A footnote nobody labels.")))) { Id = 1 });
            var body = new Body(
                Styled("Title", "Scrap the Tram"),
                new Paragraph(new Run(new WordText("The council wants "), new TabChar(), new WordText("£400m") { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new WordText(" for a line that few will ride.") { Space = SpaceProcessingModeValues.Preserve }), new Run(new FootnoteReference { Id = 1 })),
                Styled("Heading1", "The numbers"),
                new Paragraph(new Run(new WordText("Costs overran by 18 months."), new Break(), new WordText("Fares cover a third of costs."))),
                new Paragraph(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 })), new Run(new WordText("Buses would do the job."))),
                new Table(
                    new TableRow(Cell("Year"), Cell("Cost")),
                    new TableRow(Cell("2024"), Cell("£120m"))),
                Styled("berschrift2", "Is it worth it?"),
                new Paragraph(),
                Styled(null, "I think it is a vanity project."));
            foreach (var element in extra)
            {
                body.Append(element);
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }

    private static Paragraph Styled(string? style, string text) =>
        style is null
            ? new Paragraph(new Run(new WordText(text)))
            : new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new WordText(text)));

    private static TableCell Cell(string text) => new(new Paragraph(new Run(new WordText(text))));

    private static List<(Section Section, string Text)> Layout(byte[] bytes)
    {
        var (text, paragraphs) = WordLayout.TryRead(bytes, CommentDetection.Auto, out var problem) ?? throw new InvalidOperationException(problem);
        return [.. paragraphs.Select(p => (p.Section, text[p.Start..p.End]))];
    }

    [Fact]
    public void GivenAnOpEdInWord_WhenRead_ThenSectionsComeFromItsStylesAndOnlyTheBodyIsText()
    {
        Assert.Equal(
            [
                (Section.Title, "Scrap the Tram"),
                (Section.Body, "The council wants £400m for a line that few will ride."),
                (Section.Heading, "The numbers"),
                (Section.Body, "Costs overran by 18 months. Fares cover a third of costs."),
                (Section.Body, "Buses would do the job."),
                (Section.Body, "Year\tCost"),
                (Section.Body, "2024\t£120m"),
                (Section.Heading, "Is it worth it?"),
                (Section.Body, "I think it is a vanity project."),
            ],
            Layout(OpEd()));
    }

    [Fact]
    public void GivenAWordDocumentWithoutHeadingStyles_WhenRead_ThenItIsLaidOutAsPlainTextIs()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(
                Styled(null, "Scrap the Tram"),
                Styled(null, "The council wants £400m for a line that few will ride."),
                new Table(new TableRow(Cell("Year"), Cell("Cost")))));
        }

        Assert.Equal(
            [(Section.Title, "Scrap the Tram"), (Section.Body, "The council wants £400m for a line that few will ride."), (Section.Body, "Year\tCost")],
            Layout(stream.ToArray()));
    }

    [Fact]
    public void GivenAFolderWithAWordDocument_WhenRun_ThenItsSentencesAreLabelledWithTheTitleOther()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.Write("in/op-ed.docx", string.Empty), OpEd());
        var (exit, _, err) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv", "--jobs", "1");
        Assert.True(exit == 0, err);
        var rows = WorkbookWriterTests_Csv(dir.File("out/sentences.csv"));
        var header = rows[0].ToList();
        Assert.Equal(["op-ed", "title", "Scrap the Tram", "other"], [rows[1][header.IndexOf("doc_id")], rows[1][header.IndexOf("section")], rows[1][header.IndexOf("text")], rows[1][header.IndexOf("label")]]);
        Assert.Contains(rows.Skip(1), r => r[header.IndexOf("text")] == "I think it is a vanity project.");
    }

    private static List<string[]> WorkbookWriterTests_Csv(string path) => ArgMiner.Tests.Output.WorkbookWriterTests.Csv(path);

    [Theory]
    [InlineData("not a zip at all", "not a Word document that can be read")]
    [InlineData("PK\u0003\u0004 a damaged zip", "not a Word document that can be read")]
    public void GivenAFileThatIsNotAWordDocument_WhenRead_ThenOneLineSaysSoAndTheBatchGoesOn(string content, string message)
    {
        using var dir = new TempDirectory();
        dir.Write("in/bad.docx", content);
        dir.Write("in/good.txt", "The council met on Tuesday.\n");
        File.WriteAllBytes(dir.Write("in/empty.docx", string.Empty), []);
        var (exit, _, err) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv", "--jobs", "1");
        Assert.Equal(1, exit); // something was skipped
        Assert.Contains($"bad.docx: {message}", err, StringComparison.Ordinal);
        Assert.Contains("empty.docx: empty file, skipped", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        Assert.Contains("The council met on Tuesday.", File.ReadAllText(dir.File("out/sentences.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAPasswordProtectedWordFile_WhenRead_ThenOneLineSaysWhatToDo()
    {
        byte[] compound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]];
        Assert.Null(WordLayout.TryRead(compound, CommentDetection.Auto, out var problem));
        Assert.StartsWith("a password-protected or old-format (.doc) Word file", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAZipWithoutAWordDocumentPart_WhenRead_ThenItIsRefusedInOneLine()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("hello.txt").Open());
            entry.Write("hello");
        }

        Assert.Null(WordLayout.TryRead(stream.ToArray(), CommentDetection.Auto, out var problem));
        Assert.Equal("a Word file without a document part, skipped", problem);
    }

    [Fact]
    public void GivenAPartThatWouldInflateBeyondTheLimit_WhenRead_ThenItIsRefusedBeforeInflating()
    {
        // An entry whose declared size is above the limit: zeros compress a thousandfold, so 1.1 GB is about 1 MB here.
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < (WordLayout.MaxPartBytes >> 20) + 1; i++)
            {
                entry.Write(zeros);
            }
        }

        Assert.Null(WordLayout.TryRead(stream.ToArray(), CommentDetection.Auto, out var problem));
        Assert.Contains("would inflate to", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTablesNestedThousandsDeep_WhenRead_ThenTheTextIsReadWithoutRecursion()
    {
        // 5,000 tables each inside the last one's cell: a recursive walk of the tree would overflow the stack.
        var inner = new StringBuilder("<w:p><w:r><w:t>deep text</w:t></w:r></w:p>");
        for (var i = 0; i < 5_000; i++)
        {
            inner.Insert(0, "<w:tbl><w:tr><w:tc>").Append("</w:tc></w:tr></w:tbl>");
        }

        var bytes = OpEd();
        using var stream = new MemoryStream();
        stream.Write(bytes);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var part = zip.GetEntry("word/document.xml")!;
            string xml;
            using (var reader = new StreamReader(part.Open()))
            {
                xml = reader.ReadToEnd();
            }

            part.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write(xml.Replace("</w:body>", inner + "</w:body>", StringComparison.Ordinal));
        }

        var layout = Layout(stream.ToArray());
        Assert.Equal((Section.Body, "deep text"), layout[^1]);
    }

    [Fact]
    public void GivenADocumentWithAnEmptyBody_WhenRead_ThenItIsSkippedInOneLine()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph()));
        }

        var item = DocumentReaders.ReadWord(stream.ToArray(), "empty-body.docx", "empty-body");
        Assert.Null(item.Document);
        Assert.Equal("empty-body.docx: no text in the document's body, skipped", item.Error!.ToString());
    }

    [Fact]
    public void GivenAWordDocument_WhenReadTwice_ThenTheTextAndParagraphsAreTheSameAndTheOffsetsIndexTheText()
    {
        var first = WordLayout.TryRead(OpEd(), CommentDetection.Auto, out _)!.Value;
        var second = WordLayout.TryRead(OpEd(), CommentDetection.Auto, out _)!.Value;
        Assert.Equal(first.Text, second.Text);
        Assert.Equal(first.Paragraphs, second.Paragraphs);
        Assert.All(first.Paragraphs, p => Assert.False(char.IsWhiteSpace(first.Text[p.Start]) || char.IsWhiteSpace(first.Text[p.End - 1])));
    }
}
