using System.Diagnostics;
using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Tests.Support;
using ArgMiner.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ArgMiner.Tests.Ingest;

/// <summary>
/// PDF input (<see cref="PdfInput"/>, <see cref="PdfText"/>): PDFs made here with PdfPig's builder (standard 14 fonts,
/// prose greedily wrapped to a column as a typesetter would) or written byte by byte for the bad ones, so no external
/// program and no ../shared is needed.
/// </summary>
public sealed class PdfInputTests
{
    private const double Size = 11;
    private const double Leading = 13.5;

    private const string First = "Cities that invest in buses see congestion fall within a few years, and the evidence from "
        + "Bogota, London and Seoul points the same way: frequent service and low fares bring drivers out of their cars.";

    private const string Second = "Critics say the taxes needed would drive businesses away. They are wrong, because a "
        + "congested city costs its businesses far more in lost hours than any levy on fuel or parking ever could.";

    private const string Third = "The council should therefore fund the new routes this year rather than build another "
        + "bypass that will fill with traffic as soon as it opens, as every bypass before it has done.";

    /// <summary>A page writer: greedy wrapping of paragraphs into a column, as a word processor sets ragged-right text.</summary>
    private sealed class Writer
    {
        private readonly PdfDocumentBuilder _builder = new();
        private readonly PdfDocumentBuilder.AddedFont _font;
        private readonly PdfDocumentBuilder.AddedFont _bold;

        public Writer(string? title = null)
        {
            _font = _builder.AddStandard14Font(Standard14Font.Helvetica);
            _bold = _builder.AddStandard14Font(Standard14Font.HelveticaBold);
            if (title is not null)
            {
                _builder.DocumentInformation.Title = title;
            }
        }

        public PdfPageBuilder Page { get; private set; } = null!;

        public PdfDocumentBuilder.AddedFont Font => _font;

        public PdfPageBuilder NewPage(string? header = null, int? number = null)
        {
            Page = _builder.AddPage(PageSize.A4);
            if (header is not null)
            {
                Page.AddText(header, 9, new PdfPoint(72, 800), _font);
            }

            if (number is int n)
            {
                Page.AddText(n.ToString(System.Globalization.CultureInfo.InvariantCulture), 9, new PdfPoint(295, 40), _font);
            }

            return Page;
        }

        public void Heading(string text, double x, double y) => Page.AddText(text, 18, new PdfPoint(x, y), _bold);

        /// <summary>Writes <paramref name="text"/> wrapped to <paramref name="width"/> from (x, y) down; returns the next baseline.</summary>
        public double Paragraph(string text, double x, double y, double width, int? maxLines = null, Action? pageBreak = null)
        {
            var line = new StringBuilder();
            var lines = 0;
            foreach (var word in text.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Width(candidate) > width)
                {
                    Page.AddText(line.ToString(), Size, new PdfPoint(x, y), _font);
                    y -= Leading;
                    line.Clear().Append(word);
                    if (++lines == maxLines && pageBreak is not null)
                    {
                        pageBreak();
                        y = 750;
                    }

                    continue;
                }

                line.Clear().Append(candidate);
            }

            Page.AddText(line.ToString(), Size, new PdfPoint(x, y), _font);
            return y - (2 * Leading);
        }

        private double Width(string text)
        {
            var letters = Page.MeasureText(text, Size, new PdfPoint(0, 0), _font);
            return letters.Count == 0 ? 0 : letters[^1].EndBaseLine.X - letters[0].StartBaseLine.X;
        }

        public byte[] Build() => _builder.Build();
    }

    /// <summary>A line of block 0 from x = 72 to <paramref name="right"/>, its baseline at <paramref name="y"/>.</summary>
    private static PdfText.Line L(string text, double y, double right = 500) => new(text, 0, 72, right, y + 10, y, 30);

    private static Document ReadDocument(byte[] pdf)
    {
        var item = PdfInput.Read(pdf, "test.pdf", "test");
        Assert.Null(item.Error);
        return Assert.IsType<Document>(item.Document);
    }

    private static string[] Paragraphs(Document d) => [.. d.Paragraphs.Select(p => d.Text[p.Start..p.End])];

    [Fact]
    public void GivenAOneColumnArticleWithItsTitleAndAPageNumber_WhenRead_ThenTheTextIsTheTitleAndOneParagraphALine()
    {
        var w = new Writer(title: "Why Buses Beat Bypasses");
        w.NewPage(number: 1);
        w.Heading("Why Buses Beat Bypasses", 72, 760);
        var y = w.Paragraph(First, 72, 730, 400);
        y = w.Paragraph(Second, 72, y, 400);
        w.Paragraph(Third, 72, y, 400);

        var d = ReadDocument(w.Build());

        Assert.Equal($"Why Buses Beat Bypasses\n\n{First}\n\n{Second}\n\n{Third}", d.Text);
        Assert.Equal([Section.Title, Section.Body, Section.Body, Section.Body], d.Paragraphs.Select(p => p.Section));
        Assert.Equal(["Why Buses Beat Bypasses", First, Second, Third], Paragraphs(d));
    }

    [Fact]
    public void GivenAPdfOnStandardInput_WhenRead_ThenItIsReadAsAPdf()
    {
        var w = new Writer(title: "Why Buses Beat Bypasses");
        w.NewPage();
        w.Paragraph(First, 72, 730, 400);
        using var stdin = new MemoryStream(w.Build());

        var item = new InputEnumerator(["-"], () => stdin).Read().Single();

        Assert.Null(item.Error);
        Assert.Equal($"Why Buses Beat Bypasses\n\n{First}", item.Document?.Text);
    }

    [Fact]
    public void GivenAPdfWithAWordBrokenAtALineEndAndAWordList_WhenReadThroughTheEnumerator_ThenTheWordIsWhole()
    {
        var w = new Writer();
        w.NewPage();
        w.Page.AddText("The council needs a more impor-", 11, new PdfPoint(72, 730), w.Font);
        w.Page.AddText("tant debate.", 11, new PdfPoint(72, 716), w.Font);
        using var stdin = new MemoryStream(w.Build());

        var item = new InputEnumerator(["-"], () => stdin, knownWord: word => word == "important").Read().Single();

        Assert.Null(item.Error);
        Assert.Equal("The council needs a more important debate.", item.Document?.Text);
    }

    [Fact]
    public void GivenThePdfTitleAfterARunningHeaderOnAOnePagePdf_WhenRead_ThenTheTitleIsMovedFirstNotSaidTwice()
    {
        var w = new Writer(title: "Why Buses Beat Bypasses");
        w.NewPage(header: "The Daily Argument");
        w.Heading("Why Buses Beat Bypasses", 72, 760);
        w.Paragraph(First, 72, 730, 400);

        var d = ReadDocument(w.Build());

        Assert.Equal(["Why Buses Beat Bypasses", "The Daily Argument", First], Paragraphs(d));
        Assert.Equal(Section.Title, d.Paragraphs[0].Section);
    }

    [Fact]
    public void GivenAMeaningfulPdfTitleNotOnThePage_WhenRead_ThenItComesFirstAsTheTitle()
    {
        var w = new Writer(title: "The Case for Buses");
        w.NewPage();
        w.Paragraph(First, 72, 730, 400);

        var d = ReadDocument(w.Build());

        Assert.Equal($"The Case for Buses\n\n{First}", d.Text);
        Assert.Equal(Section.Title, d.Paragraphs[0].Section);
    }

    [Theory]
    [InlineData("Microsoft Word - oped.docx", null)]
    [InlineData("draft.pdf", null)]
    [InlineData("Untitled document", null)]
    [InlineData("  ", null)]
    [InlineData("test", null)]
    [InlineData("Why  Buses\tWin", "Why Buses Win")]
    public void GivenAPdfTitleEntry_WhenJudged_ThenOnlyAMeaningfulOneIsKept(string title, string? expected) =>
        Assert.Equal(expected, PdfText.MeaningfulTitle(title, "in/test.pdf"));

    [Fact]
    public void GivenATwoColumnPage_WhenRead_ThenTheLeftColumnIsReadWholeBeforeTheRight()
    {
        var w = new Writer();
        w.NewPage();
        w.Heading("Two Views on Congestion", 72, 780);
        var y = w.Paragraph(First, 72, 740, 215);
        w.Paragraph(Second, 72, y, 215);
        w.Paragraph(Third, 310, 740, 215);

        var d = ReadDocument(w.Build());

        Assert.Equal(["Two Views on Congestion", First, Second, Third], Paragraphs(d));
        Assert.Equal(Section.Title, d.Paragraphs[0].Section);
    }

    [Fact]
    public void GivenAParagraphAcrossAPageBreakWithRunningHeaders_WhenRead_ThenItIsOneParagraphAndTheHeadersAndNumbersAreGone()
    {
        var w = new Writer();
        var pageNumber = 1;
        w.NewPage(header: "The Daily Argument | Opinion | page 1", number: pageNumber);
        w.Heading("Why Buses Beat Bypasses", 72, 760);
        var y = w.Paragraph(First, 72, 730, 400);
        w.Paragraph(Second + " " + Third, 72, y, 400, maxLines: 1, pageBreak: () => w.NewPage(header: $"The Daily Argument | Opinion | page {++pageNumber}", number: pageNumber));
        w.NewPage(header: "The Daily Argument | Opinion | page 3", number: 3);
        w.Paragraph(First, 72, 750, 400);

        var d = ReadDocument(w.Build());

        Assert.Equal(["Why Buses Beat Bypasses", First, Second + " " + Third, First], Paragraphs(d));
        Assert.DoesNotContain("Daily Argument", d.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAWordBrokenAtALineEnd_WhenComposed_ThenItsHyphenGoesOnlyWhenTheWholeWordOccursElsewhere()
    {
        IReadOnlyList<PdfText.Line> page =
        [
            L("The council needs better infor-", 700),
            L("mation, not more well-", 686),
            L("known slogans about information.", 672, 300),
        ];

        var text = PdfText.Compose([page], null, out _);

        Assert.Equal("The council needs better information, not more well-known slogans about information.", text);
    }

    [Fact]
    public void GivenWordsBrokenOnceAtLineEnds_WhenComposedWithAWordList_ThenWordsAreRejoinedAndCompoundsKeepTheirHyphen()
    {
        IReadOnlyList<PdfText.Line> page =
        [
            L("An impor-", 700),
            L("tant step for coun-", 686),
            L("terterrorism, not a well-", 672),
            L("known and covid-", 658),
            L("related slogan.", 644, 300),
        ];
        HashSet<string> english = ["important", "an", "step", "for", "not", "a", "well", "known", "and", "related", "slogan"];

        var text = PdfText.Compose([page], null, out _, english.Contains);
        var withoutList = PdfText.Compose([page], null, out _);

        Assert.Equal("An important step for counterterrorism, not a well-known and covid-related slogan.", text);
        Assert.Equal("An impor-tant step for coun-terterrorism, not a well-known and covid-related slogan.", withoutList);
    }

    [Fact]
    public void GivenCompoundsNumbersAndCapitalsBrokenAtLineEnds_WhenComposedWithAWordList_ThenEachIsJoinedAsWritten()
    {
        IReadOnlyList<PdfText.Line> page =
        [
            L("Her self-expres-", 700),
            L("sion, an inhal-", 686),
            L("able al-", 672),
            L("Qaeda threat, a 16-", 658),
            L("nation deal, call 620-294-", 644),
            L("1909, a CONFI-", 630),
            L("DENTIAL rocket-", 616),
            L("propelled-grenade.", 602, 300),
        ];
        HashSet<string> english = ["expression", "able", "her", "an", "threat", "a", "deal", "call", "confidential", "rocket", "propelled", "grenade"];

        var text = PdfText.Compose([page], null, out _, english.Contains);

        Assert.Equal("Her self-expression, an inhalable al-Qaeda threat, a 16-nation deal, call 620-294-1909, a CONFIDENTIAL rocket-propelled-grenade.", text);
    }

    [Fact]
    public void GivenAddressesAndMarksBrokenAtLineEnds_WhenComposed_ThenNoSpaceIsPutInside()
    {
        IReadOnlyList<PdfText.Line> page =
        [
            L("Read http://www.example.com/news/", 700),
            L("page.asp?", 686),
            L("id=42 and/", 672),
            L("or went \u201CAWOL", 658),
            L("\u201D, okay? A Democrat--", 644),
            L("who, by the way\u2014", 630),
            L("did not.", 616, 300),
        ];

        var text = PdfText.Compose([page], null, out _);

        Assert.Equal("Read http://www.example.com/news/page.asp?id=42 and/or went \u201CAWOL\u201D, okay? A Democrat--who, by the way\u2014did not.", text);
    }

    [Fact]
    public void GivenLigaturesInAPdfLine_WhenCleaned_ThenTheyAreSpeltOutInLetters()
    {
        Assert.Equal("The first traffic flow is efficient", PdfText.Clean("The \uFB01rst tra\uFB03c \uFB02ow is e\uFB03cient"));
    }

    [Theory]
    [InlineData("12/7/26, 10:09 PM Why congestion pricing works | The Civic Ledger", true)]
    [InlineData("07.12.2026, 22:09", true)]
    [InlineData("file:///home/dana/op-ed.html", true)]
    [InlineData("https://example.com/opinion/congestion 1/2", true)]
    [InlineData("12/7/26 was the day the charge began.", false)]
    [InlineData("See https://example.com for more.", false)]
    [InlineData("10:09 PM", false)]
    public void GivenAPageEdgeLine_WhenAskedWhetherABrowserPrintedIt_ThenOnlyItsDateLineAndAddressLineAre(string text, bool expected)
    {
        Assert.Equal(expected, PdfText.IsBrowserMargin(text));
    }

    [Fact]
    public void GivenAOnePageWebPageSavedAsPdf_WhenRead_ThenTheBrowsersDateAndAddressLinesAreLeftOut()
    {
        var w = new Writer();
        w.NewPage();
        w.Page.AddText("12/7/26, 10:09 PM", 8, new PdfPoint(20, 820), w.Font);
        w.Heading("Why Buses Beat Bypasses", 72, 760);
        w.Paragraph(First, 72, 730, 400);
        w.Page.AddText("https://example.com/opinion/buses", 8, new PdfPoint(20, 15), w.Font);

        var d = ReadDocument(w.Build());

        Assert.Equal($"Why Buses Beat Bypasses\n\n{First}", d.Text);
    }

    [Fact]
    public void GivenAWebAddressSetLikeTheTextAtAPagesFoot_WhenRead_ThenItIsKept()
    {
        var w = new Writer();
        w.NewPage();
        w.Heading("Why Buses Beat Bypasses", 72, 760);
        w.Paragraph(First, 72, 730, 400);
        w.Page.AddText("https://example.com/opinion/buses", Size, new PdfPoint(72, 60), w.Font);

        var d = ReadDocument(w.Build());

        Assert.Equal($"Why Buses Beat Bypasses\n\n{First}\n\nhttps://example.com/opinion/buses", d.Text);
    }

    [Theory]
    [InlineData("e", "mail", "e-mail", true, false)] // the compound elsewhere in the document wins over the word list
    [InlineData("infor", "mation", "information", false, true)] // the whole word elsewhere in the document
    [InlineData("self", "made", null, false, false)] // both parts are words: a compound
    [InlineData("non", "profit", null, false, false)] // a prefix that is no word of its own, and a word: a compound
    [InlineData("disin", "formation", null, false, true)] // the tail is a word but the head is none: a word broken there
    public void GivenABrokenWord_WhenRejoinIsAsked_ThenTheDocumentDecidesBeforeTheWordList(string head, string tail, string? elsewhere, bool listKnowsWhole, bool expected)
    {
        HashSet<string> words = elsewhere is null ? [] : [elsewhere];
        bool Known(string w) => w == tail || (w == head && head is "self" or "e") || (listKnowsWhole && w == head + tail);

        Assert.Equal(expected, PdfText.Rejoin(head, tail, words, Known));
    }

    [Fact]
    public void GivenABlockOfFiftyThousandFullLines_WhenComposed_ThenTheyAreOneParagraph()
    {
        var page = Enumerable.Range(0, 50_000).Select(i => new PdfText.Line("word", 0, 72, 100, 50_000 - i + 1, 50_000 - i, 20)).ToList();
        var text = PdfText.Compose([page], null, out _);

        Assert.Equal(5 * 50_000 - 1, text.Length); // each line full, so one paragraph
    }

    [Theory]
    [InlineData("7", true)]
    [InlineData("Page 12", true)]
    [InlineData("3 of 30", true)]
    [InlineData("- 4 -", true)]
    [InlineData("xiv", true)]
    [InlineData("did", false)]
    [InlineData("2 cities", false)]
    public void GivenAnEdgeLine_WhenJudged_ThenOnlyABarePageNumberIsOne(string text, bool expected) =>
        Assert.Equal(expected, PdfText.IsPageNumber(text));

    // A PDF written byte by byte: objects 1 (catalog), 2 (pages), 3 (page), 4 (font), 5 (content), then any more.
    private static byte[] RawPdf(string content, string pageExtra = "", string trailerExtra = "", string kids = "3 0 R", params string[] more)
    {
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{kids}] /Count 1 >>",
            $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] {pageExtra} /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Length {Encoding.Latin1.GetByteCount(content)} >>\nstream\n{content}\nendstream",
        };
        objects.AddRange(more);
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        }

        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R {trailerExtra}>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void GivenBadPdfsAmongGoodFiles_WhenRun_ThenEachBadOneGetsOneLineAndTheBatchGoesOn()
    {
        using var dir = new TempDirectory();
        var good = new Writer(title: "Why Buses Beat Bypasses");
        good.NewPage();
        good.Paragraph(First, 72, 730, 400);
        var goodBytes = good.Build();
        dir.WriteBytes("in/a-good.pdf", goodBytes);
        dir.WriteBytes("in/b-truncated.pdf", goodBytes[..(goodBytes.Length / 3)]);
        dir.Write("in/c-not-a-pdf.pdf", "Just some text saved with the wrong name.\n");
        dir.WriteBytes("in/d-empty.pdf", []);
        var images = new Writer(title: "A Chart of Bus Use"); // a Title alone is no document
        images.NewPage().DrawRectangle(new PdfPoint(100, 100), 300, 200, 1, fill: true);
        dir.WriteBytes("in/e-images-only.pdf", images.Build());
        dir.WriteBytes("in/f-encrypted.pdf", RawPdf("BT /F1 12 Tf 72 700 Td (Secret.) Tj ET", trailerExtra:
            "/Encrypt << /Filter /Standard /V 1 /R 2 /O <" + new string('a', 64) + "> /U <" + new string('b', 64) + "> /P -4 >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] "));
        dir.Write("in/g-header-only.pdf", "%PDF-1.7\n");
        dir.Write("in/h-real.txt", "A real article. It has two sentences.\n");

        var (exit, stdout, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "jsonl");

        Assert.Equal(1, exit);
        var lines = Lines(stderr);
        Assert.Equal(6, lines.Length);
        Assert.All(lines, l => Assert.StartsWith($"argminer: {dir.File("in")}/", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("b-truncated.pdf: damaged or unreadable PDF (", StringComparison.Ordinal) && l.EndsWith("skipped", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("c-not-a-pdf.pdf: not a PDF (no %PDF- header in its first KB), skipped", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("d-empty.pdf: empty file, skipped", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("e-images-only.pdf: no text found", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("f-encrypted.pdf: encrypted PDF (it needs a password to open), skipped", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("g-header-only.pdf: damaged or unreadable PDF (", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // no stack trace
        Assert.Contains("2 documents,", stdout, StringComparison.Ordinal);
        Assert.Contains("6 skipped", stdout, StringComparison.Ordinal);
        var written = File.ReadAllText(dir.File("out/documents.jsonl"));
        Assert.Contains("\"id\":\"a-good\"", written, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"h-real\"", written, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenHostilePdfs_WhenRead_ThenEachEndsQuicklyWithADocumentOrOneProblem()
    {
        // Nesting 100,000 deep, a form that draws itself, 100,000 nested save states, a page tree that loops, and
        // 60,000 one-letter text runs: none may overflow the stack (which no catch survives) or take long.
        var random = new Random(1);
        var runs = new StringBuilder("BT /F1 4 Tf\n");
        for (var i = 0; i < 60_000; i++)
        {
            runs.Append(System.Globalization.CultureInfo.InvariantCulture, $"1 0 0 1 {random.Next(20, 570)} {random.Next(20, 820)} Tm ({(char)random.Next('a', 'z' + 1)}) Tj\n");
        }

        runs.Append("ET");
        const string hello = "BT /F1 12 Tf 72 700 Td (Hello world.) Tj ET";
        const string formContent = "BT /F1 12 Tf 72 600 Td (Inside the form.) Tj ET /X1 Do";
        var form = "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> "
            + $"/Length {formContent.Length} >>\nstream\n{formContent}\nendstream";
        byte[][] hostile =
        [
            RawPdf(hello, pageExtra: "/Junk " + new string('[', 100_000) + new string(']', 100_000)),
            RawPdf(hello + " /X1 Do", more: form),
            RawPdf(string.Concat(Enumerable.Repeat("q ", 100_000)) + hello + string.Concat(Enumerable.Repeat(" Q", 100_000))),
            RawPdf(hello, kids: "3 0 R 2 0 R"),
            RawPdf(runs.ToString()),
        ];

        foreach (var pdf in hostile)
        {
            var item = PdfInput.Read(pdf, "hostile.pdf", "hostile");
            Assert.True(item.Document is not null || item.Error is not null);
        }
    }

    [Fact]
    public void GivenAPdfThatTakesTooLong_WhenRead_ThenItIsSkippedWithOneLineSayingSo()
    {
        var w = new Writer();
        w.NewPage();
        w.Paragraph(First, 72, 730, 400);

        var item = PdfInput.Read(w.Build(), "slow.pdf", "slow", TimeSpan.Zero, TimeSpan.Zero);

        Assert.Equal("slow.pdf: reading it took more than 0 s (0 of 1 pages read), skipped", item.Error?.ToString());
    }
}
