using System.Globalization;
using System.Text;
using ArgMiner.Output;
using ArgMiner.Output.Html;
using ArgMiner.Tests.Support;
using ArgMiner.Text;
using CsvHelper;

namespace ArgMiner.Tests.Output;

public class ReportWriterTests
{
    internal static List<Dictionary<string, string>> CsvRows(string path)
    {
        using var reader = CsvReader.Create(new StreamReader(path), new CsvReaderOptions { HasHeader = true, AllowLineBreaksInQuotes = true }, false);
        reader.ReadHeader();
        var header = reader.Headers!.ToArray();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.Select((h, i) => (h, reader.GetString(i))).ToDictionary(p => p.h, p => ArgMiner.Output.CsvSafety.Restore(p.Item2)));
        }

        return rows;
    }

    /// <summary>Checks that a page (as written or as a browser's DOM) shows every sentence, entity and numeric claim of the CSV files, and the filters.</summary>
    internal static void AssertShowsEverything(string html, string outDir)
    {
        var sentences = CsvRows(Path.Combine(outDir, "sentences.csv"));
        var shown = ReportPage.Sentences(html);
        Assert.Equal(sentences.Select(r => (r["label"], r["text"])), shown);
        Assert.Equal(CsvRows(Path.Combine(outDir, "entities.csv")).Select(r => r["type"]), ReportPage.Values(html, "data-entity"));
        Assert.Equal(CsvRows(Path.Combine(outDir, "numbers.csv")).Select(r => r["kind"]), ReportPage.Values(html, "data-number"));
        Assert.Equal(["all", "claim", "evidence", "opinion", "other", "document"], ReportPage.Values(html, "data-filter"));
    }

    private static string RunSeeds(TempDirectory dir)
    {
        var (exit, _, err) = Support.Cli.Run("run", Repository.Articles, "--out", dir.File("out"), "--format", "csv,html", "--jobs", "1");
        Assert.True(exit == 0, err);
        return dir.File("out/" + ReportWriter.FileName);
    }

    [Fact]
    public void GivenTheSeedRun_WhenWrittenAsHtml_ThenEverySentenceEntityAndNumericClaimIsMarkedInOrder()
    {
        using var dir = new TempDirectory();
        AssertShowsEverything(File.ReadAllText(RunSeeds(dir)), dir.File("out"));
    }

    [Fact]
    public void GivenTheSeedReport_WhenRead_ThenItFetchesNothingSetsCommentsApartAndMarksLabelsWithLetters()
    {
        using var dir = new TempDirectory();
        var html = File.ReadAllText(RunSeeds(dir));
        foreach (var outside in new[] { " src=", "href=", "<link", "@import", "url(", "http://", "https://" })
        {
            Assert.DoesNotContain(outside, html.Replace("http://www.w3.org/2000/svg", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }

        var comments = CsvRows(dir.File("out/sentences.csv")).Count(r => r["section"] == "comment");
        var inComments = html.Split("<section class=\"comments\"").Skip(1).Sum(part => ReportPage.Sentences(part.Split("</section>")[0]).Count);
        Assert.Equal(comments, inComments);
        Assert.Equal(["CL", "EV", "OP", "OT"], ReportPage.Values(html, "data-mark").Distinct().Order(StringComparer.Ordinal));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        var sentences = CsvRows(dir.File("out/sentences.csv"));
        var claims = sentences.Count(r => r["label"] == "claim");
        Assert.Contains($"<title>claim: {claims} of {sentences.Count} ({100.0 * claims / sentences.Count:0} %)</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTheSeedReport_WhenASentencesConfidenceIsShownOnHover_ThenItReadsAsInSentencesCsv()
    {
        // The hover rounded to two decimals: 0.9962 showed "confidence 1.00", as sure as a title, and unlike the CSV.
        using var dir = new TempDirectory();
        var html = File.ReadAllText(RunSeeds(dir));
        var shown = System.Text.RegularExpressions.Regex.Matches(html, "<span class=\"s\" data-label=\"(\\w+)\"[^>]* title=\"\\w+ · confidence ([0-9.]+)\"")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value));
        Assert.Equal(CsvRows(dir.File("out/sentences.csv")).Select(r => (r["label"], r["confidence"])), shown);
    }

    [Fact]
    public void GivenTheSameInputTwice_WhenWrittenAsHtml_ThenTheFilesAreByteIdentical()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        Assert.Equal(File.ReadAllBytes(RunSeeds(a)), File.ReadAllBytes(RunSeeds(b)));
    }

    [Fact]
    public void GivenMoreDocumentsThanTheReportShows_WhenWritten_ThenLaterOnesAreCollapsedTheRestLeftOutAndBothSaid()
    {
        using var dir = new TempDirectory();
        var lines = new StringBuilder();
        for (var i = 0; i < ReportWriter.MaxDocuments + 5; i++)
        {
            lines.Append("{\"id\":\"d").Append(i).Append("\",\"body\":\"Prices rose by 5 percent in Ohio. We must act.\"}\n");
        }

        var input = dir.Write("many.jsonl", lines.ToString());
        var (exit, _, err) = Support.Cli.Run("run", input, "--out", dir.File("out"), "--format", "html", "--pipeline", "text");
        Assert.True(exit == 0, err);
        var html = File.ReadAllText(dir.File("out/report.html"));
        Assert.Equal(ReportWriter.MaxDocuments, ReportPage.Count(html, "data-doc"));
        Assert.Equal(ReportWriter.OpenDocuments, html.Split("<details open>").Length - 1);
        Assert.Equal(ReportWriter.MaxDocuments - ReportWriter.OpenDocuments, html.Split("<details>").Length - 1);
        Assert.Contains("This report shows the first 1,000 of 1,005 documents", html, StringComparison.Ordinal);
        Assert.Contains("1,005 documents, 2,010 sentences", html, StringComparison.Ordinal); // "1005 documents" until session 36, above "of 1,005 documents"
        Assert.Equal(ReportWriter.MaxDocuments + 1, html.Split("<option ").Length - 1);
    }

    [Fact]
    public void GivenOneDocumentOfOneSentence_WhenWrittenAsHtml_ThenTheHeaderCountsInTheSingular()
    {
        // The header said "1 documents, 1 sentences, 1 entities, 1 numeric claims" (each document's own line said "1 sentence").
        using var dir = new TempDirectory();
        var input = dir.Write("one.txt", "Paris has 3 bridges.\n");
        var (exit, _, err) = Support.Cli.Run("run", input, "--out", dir.File("out"), "--format", "csv,html");
        Assert.True(exit == 0, err);
        Assert.Equal(2, ReportWriterTests.CsvRows(dir.File("out/entities.csv")).Count + ReportWriterTests.CsvRows(dir.File("out/numbers.csv")).Count);
        Assert.Contains("<p class=\"meta\">1 document, 1 sentence, 1 entity, 1 numeric claim</p>", File.ReadAllText(dir.File("out/report.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportWriter.ChartDocuments, false)]
    [InlineData(ReportWriter.ChartDocuments + 1, true)]
    public void GivenMoreDocumentsThanTheChartDraws_WhenWritten_ThenTheTopSaysItDrawsTheFirstOnly(int documents, bool said)
    {
        // The chart drew the first 50 documents, and nothing on the page said so (the workbook's Summary did).
        using var dir = new TempDirectory();
        var lines = new StringBuilder();
        for (var i = 0; i < documents; i++)
        {
            lines.Append("{\"id\":\"d").Append(i).Append("\",\"body\":\"Prices rose by 5 percent in Ohio. We must act.\"}\n");
        }

        var input = dir.Write("many.jsonl", lines.ToString());
        var (exit, _, err) = Support.Cli.Run("run", input, "--out", dir.File("out"), "--format", "html");
        Assert.True(exit == 0, err);
        var html = File.ReadAllText(dir.File("out/report.html"));
        var header = html[..html.IndexOf("</header>", StringComparison.Ordinal)];
        Assert.Equal(ReportWriter.ChartDocuments + 1, html.Split("<text x=\"214\"").Length - 1); // "All documents" and 50
        Assert.Equal(said, header.Contains($"The chart shows the first 50 of {documents} documents", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenATitleWithAnEmojiWhereTheChartCutsIt_WhenWritten_ThenTheChartLabelHoldsNoHalfOfIt()
    {
        // The chart's label cut the title after 29 UTF-16 units, between the two halves of the emoji: the page showed U+FFFD.
        using var dir = new TempDirectory();
        var input = dir.Write("e.jsonl", "{\"id\":\"e\",\"title\":\"" + new string('a', 28) + "\ud83d\ude00 and more words\",\"body\":\"Prices rose by 5 percent.\"}\n");
        var (exit, _, err) = Support.Cli.Run("run", input, "--out", dir.File("out"), "--format", "html", "--pipeline", "text");
        Assert.True(exit == 0, err);
        var html = File.ReadAllText(dir.File("out/report.html"));
        Assert.DoesNotContain("&#xFFFD;", html, StringComparison.Ordinal);
        Assert.Contains(">" + new string('a', 28) + "…<title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnUnclosedRightToLeftOverride_WhenWrittenAsHtml_ThenItIsIsolatedToItsSentenceTitleOrName()
    {
        // An unclosed U+202E in a title reversed the id and counts after it ("stnemmoc 0 ... 1ltr"), and one in a
        // sentence reversed the next sentence: sentences, titles, ids and names are now isolates of their own direction (dir="auto", bdi, U+2068/U+2069).
        using var dir = new TempDirectory();
        var input = dir.Write("r.jsonl", "{\"id\":\"rtl1\",\"title\":\"Evil \\u202etitle\",\"body\":\"Prices rose by 5 percent, the \\u202egroup said. We must act now.\"}\n");
        var (exit, _, err) = Support.Cli.Run("run", input, "--out", dir.File("out"), "--format", "html", "--pipeline", "text");
        Assert.True(exit == 0, err);
        var html = File.ReadAllText(dir.File("out/report.html"));
        Assert.Equal(ReportPage.Count(html, "data-sentence"), System.Text.RegularExpressions.Regex.Count(html, "<span class=\"s\" [^>]*dir=\"auto\">"));
        Assert.Contains("<span class=\"doc-title\" dir=\"auto\">", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"meta\"><bdi>rtl1</bdi> · ", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"rtl1\">\u2068Evil \u202Etitle\u2069 (\u2068rtl1\u2069)</option>", html, StringComparison.Ordinal);
    }

    /// <summary>A document of <paramref name="sentences"/> labelled sentences in one paragraph, each about 60 characters.</summary>
    private static Document ManySentences(string id, int sentences)
    {
        var text = new StringBuilder();
        var spans = new Sentence[sentences];
        for (var i = 0; i < sentences; i++)
        {
            var start = text.Length;
            text.Append("Sentence ").Append(i).Append(" says that the prices rose sharply again this year.");
            spans[i] = new Sentence(start, text.Length, Section.Body, 0, null, i, 1);
            text.Append(' ');
        }

        var label = new SentencePrediction("claim", 0.6, [0.6, 0.2, 0.1, 0.1]);
        return new Document
        {
            Id = id,
            Source = id + ".txt",
            Text = text.ToString(),
            Paragraphs = [new Paragraph(0, text.Length, Section.Body, null)],
            Sentences = [.. spans],
            Labels = [.. spans.Select(_ => label)],
        };
    }

    [Fact]
    public void GivenDocumentsWhoseHtmlPassesTheCap_WhenWritten_ThenThePageStopsAtItInsideADocumentAndSaysSo()
    {
        // Only the number of documents was capped: 1,100 documents of 1,000 sentences made a 420 MB page that headless
        // Chromium had not loaded after five minutes. Ten documents of 40,000 sentences here make 84 MB of HTML uncapped.
        using var dir = new TempDirectory();
        var path = dir.File(ReportWriter.FileName);
        const int PerDocument = 40_000;
        var document = ManySentences("d", PerDocument);
        using (var writer = new ReportWriter(path))
        {
            for (var i = 0; i < 10; i++)
            {
                writer.Write(DocumentContext.Of(document with { Id = "d" + i.ToString(CultureInfo.InvariantCulture) }));
            }

            writer.Commit();
        }

        var size = new FileInfo(path).Length;
        Assert.True(size < ReportWriter.MaxDocumentBytes + (1 << 20), string.Create(CultureInfo.InvariantCulture, $"the page is {size:N0} bytes"));
        var html = File.ReadAllText(path);
        var shown = ReportPage.Sentences(html);
        var documents = ReportPage.Count(html, "data-doc");
        Assert.InRange(documents, 2, 9);
        Assert.Equal(documents + 1, html.Split("<option ").Length - 1);
        var inLast = shown.Count - ((documents - 1) * PerDocument);
        Assert.InRange(inLast, 1, PerDocument - 1);
        Assert.Equal(Enumerable.Range(0, shown.Count).Select(i => document.Text[document.Sentences[i % PerDocument].Start..document.Sentences[i % PerDocument].End]), shown.Select(s => s.Text));
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<p class=\"note\">This report shows {shown.Count:N0} of the 400,000 sentences: the first {documents} of 10 documents, the last of them in part, since a page of more would be too large for a browser to open."), html, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"<p class=\"note\">The report stops here, after {inLast:N0} of this document's 40,000 sentences, so that a browser can open it;"), html, StringComparison.Ordinal);

        // The document cut short closes what it opened.
        var main = html[html.IndexOf("<main>", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        foreach (var tag in new[] { "article", "details", "summary", "p", "span", "mark" })
        {
            Assert.Equal(System.Text.RegularExpressions.Regex.Count(main, "<" + tag + "[ >]"), System.Text.RegularExpressions.Regex.Count(main, "</" + tag + ">"));
        }

        Assert.Equal(documents, System.Text.RegularExpressions.Regex.Count(main, "</article>"));
    }

    [Fact]
    public void GivenACapThatTheFirstDocumentFillsExactly_WhenWritten_ThenItIsShownWholeAndTheNextNotAtAll()
    {
        using var dir = new TempDirectory();
        var first = ManySentences("a", 40);
        var alone = dir.File("alone.html");
        using (var writer = new ReportWriter(alone))
        {
            writer.Write(DocumentContext.Of(first));
            writer.Commit();
        }

        var page = File.ReadAllText(alone);
        var article = page[page.IndexOf("<article ", StringComparison.Ordinal)..(page.IndexOf("</article>", StringComparison.Ordinal) + "</article>\n".Length)];
        var path = dir.File(ReportWriter.FileName);
        using (var writer = new ReportWriter(path, Encoding.UTF8.GetByteCount(article)))
        {
            writer.Write(DocumentContext.Of(first));
            writer.Write(DocumentContext.Of(ManySentences("b", 40)));
            writer.Commit();
        }

        var html = File.ReadAllText(path);
        Assert.Contains(article, html, StringComparison.Ordinal);
        Assert.Equal(["a"], ReportPage.Values(html, "data-doc"));
        Assert.Contains("<p class=\"note\">This report shows 40 of the 80 sentences: the first 1 of 2 documents, since a page of more", html, StringComparison.Ordinal);
        Assert.DoesNotContain("The report stops here", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Documents after the first", html, StringComparison.Ordinal);
    }
}
