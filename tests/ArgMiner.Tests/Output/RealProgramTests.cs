using System.Globalization;
using System.IO.Compression;
using ArgMiner.Classification;
using ArgMiner.Tests.Support;
using CsvHelper;

namespace ArgMiner.Tests.Output;

/// <summary>
/// The workbook and the report in the programs people open them with: LibreOffice Calc (headless) and Chromium
/// (headless). Skipped, and reported so, where the program is not installed.
/// </summary>
public class RealProgramTests
{
    private static readonly string[] NumericColumns = ["sentence_id", "paragraph", "comment", "start", "end", "sentences", "comments", "entities", "numbers", "confidence", "p_claim", "p_evidence", "p_opinion", "p_other", "value", "low", "high"];

    private static string RunSeeds(TempDirectory dir, string format)
    {
        var (exit, _, err) = Support.Cli.Run("run", Repository.Articles, "--out", dir.File("out"), "--format", format, "--jobs", "1");
        Assert.True(exit == 0, err);
        return dir.File("out");
    }

    /// <summary>Runs soffice headless with its own profile (so it never meets another instance), converting <paramref name="file"/>.</summary>
    private static void Soffice(TempDirectory dir, string file, string format, string outDir)
    {
        var profile = new Uri(dir.File("soffice-profile")).AbsoluteUri;
        var (exit, stdout, stderr) = ExternalProgram.Run("soffice", ["-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, file]);
        Assert.True(exit == 0, $"soffice failed ({exit}): {stdout} {stderr}");
    }

    [ProgramFact("soffice")]
    public void GivenTheSeedWorkbook_WhenCalcExportsEachSheet_ThenRowsTextsAndNumbersMatchTheCsvFilesAndTheChartIsAChart()
    {
        using var dir = new TempDirectory();
        var outDir = RunSeeds(dir, "csv,xlsx");
        // Comma, double quote, UTF-8, full precision (not as shown), every sheet to its own file.
        Soffice(dir, Path.Combine(outDir, "argminer.xlsx"), "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", dir.File("calc"));
        foreach (var (sheet, csv) in new[] { ("Documents", "documents.csv"), ("Sentences", "sentences.csv"), ("Entities", "entities.csv"), ("Numbers", "numbers.csv") })
        {
            var expected = WorkbookWriterTests.Csv(Path.Combine(outDir, csv));
            var actual = WorkbookWriterTests.Csv(dir.File($"calc/argminer-{sheet}.csv"));
            Assert.Equal(expected.Count, actual.Count);
            Assert.Equal(expected[0], actual[0]);
            for (var r = 1; r < expected.Count; r++)
            {
                for (var c = 0; c < expected[0].Length; c++)
                {
                    var want = ArgMiner.Output.CsvSafety.Restore(expected[r][c]);
                    var got = c < actual[r].Length ? actual[r][c] : string.Empty;
                    if (NumericColumns.Contains(expected[0][c]) && want.Length > 0)
                    {
                        Assert.True(double.Parse(want, CultureInfo.InvariantCulture) == double.Parse(got, CultureInfo.InvariantCulture), $"{sheet} row {r + 1} {expected[0][c]}: csv {want}, Calc {got}");
                    }
                    else
                    {
                        Assert.True(want == got, $"{sheet} row {r + 1} {expected[0][c]}: csv '{want}', Calc '{got}'");
                    }
                }
            }
        }

        var summary = WorkbookWriterTests.Csv(dir.File("calc/argminer-Summary.csv"));
        var sentences = ReportWriterTests.CsvRows(Path.Combine(outDir, "sentences.csv"));
        foreach (var label in SentenceLabels.All)
        {
            Assert.Equal(sentences.Count(s => s["label"] == label).ToString(CultureInfo.InvariantCulture), summary[1][Array.IndexOf(summary[0], label)]);
        }

        // Calc keeps the chart as a native chart object when it saves its own format.
        Soffice(dir, Path.Combine(outDir, "argminer.xlsx"), "ods", dir.File("ods"));
        using var ods = ZipFile.OpenRead(dir.File("ods/argminer.ods"));
        var charts = ods.Entries.Where(e => e.FullName.StartsWith("Object ", StringComparison.Ordinal) && e.Name == "content.xml").ToList();
        var chart = Assert.Single(charts);
        using var content = new StreamReader(chart.Open());
        var xml = content.ReadToEnd();
        Assert.Contains("chart:class=\"chart:bar\"", xml, StringComparison.Ordinal);
        Assert.Contains("chart:percentage=\"true\"", xml, StringComparison.Ordinal);
    }

    [ProgramFact("soffice")]
    public void GivenTenCorrectionsInAWorkbookCalcResaved_WhenRetrained_ThenTheWorkbookReadsAsBeforeAndTheCorrectionsWin()
    {
        using var dir = new TempDirectory();
        var outDir = RunSeeds(dir, "csv,xlsx");
        var workbook = Path.Combine(outDir, "argminer.xlsx");
        var corrected = Workbooks.TenCommentsToCorrect(Path.Combine(outDir, "sentences.csv"));
        Assert.Equal(10, Workbooks.Relabel(workbook, corrected.ToDictionary(t => t, _ => "opinion")));
        Soffice(dir, workbook, "xlsx:Calc MS Excel 2007 XML", dir.File("resaved"));
        var resaved = dir.File("resaved/argminer.xlsx");
        using (var zip = ZipFile.OpenRead(resaved))
        {
            // Calc writes its own package: shared strings instead of ArgMiner's inline strings.
            Assert.Contains(zip.Entries, e => e.FullName == "xl/sharedStrings.xml");
        }

        var before = LabelledData.Read([workbook], new LabelledDataOptions());
        var after = LabelledData.Read([resaved], new LabelledDataOptions());
        Assert.Equal(before.Select(r => (r.Text, r.Label, r.Doc, r.Section)), after.Select(r => (r.Text, r.Label, r.Doc, r.Section)));

        var (exit, _, stderr) = Support.Cli.Run("train", "--data", Path.Combine(Repository.Root, "corpus", "labelled"), resaved, "--out", dir.File("mine.model"), "--folds", "0");
        Assert.True(exit == 0, stderr);
        var opinion = Workbooks.CountLabelled(dir.File("mine.model"), corrected, "opinion");
        Assert.True(opinion >= 8, $"{opinion} of 10 corrected comments come out opinion");
    }

    [ProgramFact("chromium")]
    public void GivenTheSeedReport_WhenChromiumRendersIt_ThenTheDOMShowsEverySentenceEntityAndNumericClaimAndTheFilters()
    {
        using var dir = new TempDirectory();
        var outDir = RunSeeds(dir, "csv,html");
        var (exit, dom, stderr) = ExternalProgram.Run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + dir.File("chromium-profile"), "--dump-dom", new Uri(Path.Combine(outDir, "report.html")).AbsoluteUri]);
        Assert.True(exit == 0, stderr);
        Assert.Contains("data-ready=\"true\"", dom, StringComparison.Ordinal); // the filter script ran without an error
        ReportWriterTests.AssertShowsEverything(dom, outDir);
        Assert.Contains("<select id=\"document-filter\" data-filter=\"document\">", dom, StringComparison.Ordinal);
        Assert.Equal(3, ReportPage.Count(dom, "value")); // "All documents" and the two seed articles
    }

    [ProgramFact("chromium")]
    public void GivenC1ControlsInTheText_WhenChromiumRendersTheReport_ThenEachSentenceReadsAsTheCsvAndNotAsWindows1252()
    {
        // The encoder wrote U+0085 as "&#x85;", which browsers read as Windows-1252: the page showed "…" (and "“" for U+0093).
        using var dir = new TempDirectory();
        var input = dir.Write("c1.jsonl", "{\"id\":\"c1\",\"title\":\"Odd \\u0080 title\",\"body\":\"Prices rose \\u0085 by 5 percent. He said \\u0093no\\u0094 and \\u009f.\"}\n");
        var (run, _, err) = Support.Cli.Run("run", input, "--out", dir.File("out"), "--format", "csv,html");
        Assert.True(run == 0, err);
        var (exit, dom, stderr) = ExternalProgram.Run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + dir.File("chromium-profile"), "--dump-dom", new Uri(dir.File("out/report.html")).AbsoluteUri]);
        Assert.True(exit == 0, stderr);
        ReportWriterTests.AssertShowsEverything(dom, dir.File("out"));
        Assert.Contains("\u0085", string.Concat(ReportPage.Sentences(dom).Select(s => s.Text)), StringComparison.Ordinal);
        Assert.DoesNotContain("…", dom, StringComparison.Ordinal);
    }

    [ProgramFact("chromium")]
    public void GivenALongTitleAndAWordLongerThanTheLine_WhenChromiumLaysOutTheReport_ThenThePageIsNoWiderThanTheWindow()
    {
        // A select is as wide as its longest option: a 315-character title made the page 2,568 pixels wide in a 1,400-pixel
        // window, the document list off screen; a word of thousands of characters (a hash, "!!!…") ran off the page too.
        using var dir = new TempDirectory();
        var title = string.Concat(Enumerable.Repeat("A very long headline ", 15));
        var input = dir.Write("long.jsonl",
            "{\"id\":\"t\",\"title\":\"" + title + "\",\"body\":\"Prices rose by 5 percent.\"}\n"
            + "{\"id\":\"w\",\"body\":\"It said " + new string('x', 3_000) + " and left.\",\"comments\":[\"" + new string('!', 2_000) + "\"]}\n");
        var (run, _, err) = Support.Cli.Run("run", input, "--out", dir.File("out"), "--format", "html", "--pipeline", "text");
        Assert.True(run == 0, err);

        AssertNoWiderThanTheWindow(dir, dir.File("out/report.html"), 1400);
    }

    [ProgramFact("chromium")]
    public void GivenTheSeedReport_WhenChromiumLaysItOutInANarrowWindow_ThenTheChartShrinksAndThePageIsNoWiderThanTheWindow()
    {
        // The chart was drawn 670 pixels wide whatever the window: in a phone-sized window (500 pixels, headless
        // Chromium's narrowest) the page was 694 pixels wide, the bars' right end and the legend's "other" off screen.
        using var dir = new TempDirectory();
        var outDir = RunSeeds(dir, "csv,html");
        AssertNoWiderThanTheWindow(dir, Path.Combine(outDir, "report.html"), 500);
    }

    /// <summary>Lays out <paramref name="report"/> in Chromium at <paramref name="windowWidth"/> pixels and checks that nothing scrolls sideways.</summary>
    private static void AssertNoWiderThanTheWindow(TempDirectory dir, string report, int windowWidth)
    {
        // The page measures itself once laid out and writes the widths into the DOM that --dump-dom prints.
        var probe = "<script>window.addEventListener('load', function () { var p = document.createElement('pre'); p.id = 'widths';"
            + " p.textContent = document.documentElement.scrollWidth + ' ' + window.innerWidth; document.body.appendChild(p); });</script>";
        var page = dir.Write("probe.html", File.ReadAllText(report).Replace("</body>", probe + "</body>", StringComparison.Ordinal));
        var (exit, dom, stderr) = ExternalProgram.Run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--window-size=" + windowWidth.ToString(CultureInfo.InvariantCulture) + ",900", "--user-data-dir=" + dir.File("chromium-profile"), "--dump-dom", new Uri(page).AbsoluteUri]);
        Assert.True(exit == 0, stderr);
        var widths = System.Text.RegularExpressions.Regex.Match(dom, "<pre id=\"widths\">(\\d+) (\\d+)</pre>");
        Assert.True(widths.Success, "the page did not measure itself");
        var (scroll, window) = (int.Parse(widths.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(widths.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.True(scroll <= window, $"the page is {scroll} pixels wide in a {window}-pixel window");
    }
}
