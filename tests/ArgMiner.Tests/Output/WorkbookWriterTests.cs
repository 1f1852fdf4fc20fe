using System.Collections.Immutable;
using ArgMiner.Classification;
using ArgMiner.Output;
using ArgMiner.Output.Xlsx;
using ArgMiner.Tests.Support;
using ArgMiner.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CsvHelper;

namespace ArgMiner.Tests.Output;

public class WorkbookWriterTests
{
    /// <summary>A CSV file's rows, the header included.</summary>
    internal static List<string[]> Csv(string path)
    {
        using var reader = CsvReader.Create(new StreamReader(path), new CsvReaderOptions { HasHeader = false, AllowLineBreaksInQuotes = true }, false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }

    /// <summary>The seed articles, processed as run processes them.</summary>
    internal static List<Document> SeedDocuments()
    {
        var pipeline = ArgMiner.Pipeline.TextPipeline.CreateFull();
        return [.. Directory.GetFiles(Repository.Articles, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => pipeline.Process(ArgMiner.Ingest.DocumentReaders.ReadPlainText(File.ReadAllBytes(f), f, Path.GetFileNameWithoutExtension(f)).Document!))];
    }

    private static string RunSeeds(TempDirectory dir, string format = "csv,xlsx")
    {
        var (exit, _, err) = Support.Cli.Run("run", Repository.Articles, "--out", dir.File("out"), "--format", format, "--jobs", "1");
        Assert.True(exit == 0, err);
        return dir.File("out/" + WorkbookWriter.FileName);
    }

    // /dev/full stands in for a disk that fills while the workbook is assembled (see DiskFullTests): the writes fail with
    // ENOSPC once the file's 64 KB buffer is flushed, inside the zip. Until session 37 the zip's closing then threw "compressed size
    // was …, but … expected" over the disk's error, and 'run' stopped with that and a stack trace.
    [PathFact("/dev/full")]
    public void GivenAFullDisk_WhenTheWorkbookIsAssembled_ThenTheErrorSaysTheDiskIsFull()
    {
        using var dir = new TempDirectory();
        var path = dir.File(WorkbookWriter.FileName);
        File.CreateSymbolicLink(dir.File("." + WorkbookWriter.FileName + ".partial"), "/dev/full");
        var documents = SeedDocuments();

        var ex = Record.Exception(() =>
        {
            using var writer = new WorkbookWriter(path);
            for (var copy = 0; copy < 20; copy++)
            {
                documents.ForEach(d => writer.Write(DocumentContext.Of(d)));
            }

            writer.Commit();
        });

        Assert.NotNull(ex);
        Assert.True(OutputPath.NoSpace(ex) is not null, ex.ToString());
    }

    [Fact]
    public void GivenTheSeedRun_WhenWrittenAsXlsx_ThenEachDataSheetHoldsItsCsvWithTypedCells()
    {
        using var dir = new TempDirectory();
        var workbook = RunSeeds(dir);
        Assert.Equal(["Summary", "Documents", "Sentences", "Entities", "Numbers"], Workbooks.SheetNames(workbook));
        foreach (var (sheet, csv) in new[] { ("Documents", "documents.csv"), ("Sentences", "sentences.csv"), ("Entities", "entities.csv"), ("Numbers", "numbers.csv") })
        {
            var expected = Csv(dir.File("out/" + csv));
            using var doc = SpreadsheetDocument.Open(workbook, false);
            var rows = Workbooks.Sheet(doc, sheet).Descendants<Row>().ToList();
            Assert.Equal(expected.Count, rows.Count);
            for (var r = 0; r < rows.Count; r++)
            {
                var cells = rows[r].Elements<Cell>().ToDictionary(c => c.CellReference!.Value!.TrimEnd("0123456789".ToCharArray()));
                for (var c = 0; c < expected[r].Length; c++)
                {
                    var want = CsvSafety.Restore(expected[r][c]);
                    if (!cells.TryGetValue(WorksheetXml.ColumnName(c), out var cell) || cell.ChildElements.Count == 0)
                    {
                        Assert.True(want.Length == 0, $"{sheet} row {r + 1} column {c}: empty cell, csv has '{want}'");
                        continue;
                    }

                    Assert.Null(cell.CellFormula);
                    var header = expected[0][c];
                    var numeric = r > 0 && header is "sentence_id" or "paragraph" or "comment" or "start" or "end" or "sentences" or "comments" or "entities" or "numbers" or "confidence" or "value" or "low" or "high" || (r > 0 && header.StartsWith("p_", StringComparison.Ordinal));
                    if (numeric)
                    {
                        Assert.Null(cell.DataType);
                        Assert.Equal(double.Parse(want, System.Globalization.CultureInfo.InvariantCulture), double.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        Assert.Equal(CellValues.InlineString, cell.DataType!.Value);
                        Assert.Equal(want, CellText.Decode(cell.InlineString!.InnerText));
                    }
                }
            }
        }
    }

    [Fact]
    public void GivenTheSeedWorkbook_WhenItsSentencesSheetIsRead_ThenHeaderIsFrozenFilteredAndLabelsAreAValidatedColouredList()
    {
        using var dir = new TempDirectory();
        using var doc = SpreadsheetDocument.Open(RunSeeds(dir), false);
        var sheet = Workbooks.Sheet(doc, "Sentences");
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1.0, pane.VerticalSplit!.Value);
        var headers = OutputSchema.SentenceColumns.Select(c => c.Header).ToList();
        Assert.Equal($"A1:{WorksheetXml.ColumnName(headers.Count - 1)}146", sheet.Elements<AutoFilter>().Single().Reference!.Value);
        var validation = sheet.Descendants<DataValidation>().Single();
        Assert.Equal(DataValidationValues.List, validation.Type!.Value);
        Assert.True(validation.ShowErrorMessage!.Value);
        Assert.Equal("\"claim,evidence,opinion,other\"", validation.Formula1!.Text);
        var label = WorksheetXml.ColumnName(headers.IndexOf("label"));
        Assert.Equal($"{label}2:{label}146", validation.SequenceOfReferences!.InnerText);
        var rules = sheet.Descendants<ConditionalFormattingRule>().ToList();
        Assert.Equal(SentenceLabels.All.Select(l => $"\"{l}\""), rules.Select(r => r.GetFirstChild<Formula>()!.Text));
        var dxfs = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.DifferentialFormats!.Elements<DifferentialFormat>().ToList();
        Assert.Equal(LabelPalette.All.Select(s => "FF" + s.Tint), rules.Select(r => dxfs[(int)r.FormatId!.Value].Descendants<BackgroundColor>().Single().Rgb!.Value));
        var widths = sheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.Equal(80, widths[headers.IndexOf("text")]); // text: wide, and its cells wrap
        Assert.True(widths[headers.IndexOf("sentence_id")] < 20);
        var wrap = doc.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)WorksheetXml.WrapStyle);
        Assert.True(wrap.Alignment!.WrapText!.Value);
    }

    [Fact]
    public void GivenTheSeedWorkbook_WhenItsSummaryIsRead_ThenCountsMatchTheTablesAndAChartDrawsTheLabelColumns()
    {
        using var dir = new TempDirectory();
        var workbook = RunSeeds(dir);
        var summary = Workbooks.Cells(workbook, "Summary");
        var header = summary[0].ToList();
        var sentences = Csv(dir.File("out/sentences.csv"));
        var label = Array.IndexOf(sentences[0], "label");
        foreach (var l in SentenceLabels.All)
        {
            Assert.Equal(sentences.Skip(1).Count(r => r[label] == l).ToString(System.Globalization.CultureInfo.InvariantCulture), summary[1][header.IndexOf(l)]);
        }

        Assert.Equal("all documents", summary[1][0]);
        Assert.Equal((Csv(dir.File("out/numbers.csv")).Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), summary[1][header.IndexOf("numbers")]);
        Assert.Equal(Csv(dir.File("out/documents.csv")).Count - 1 + 2, summary.Count);

        using var doc = SpreadsheetDocument.Open(workbook, false);
        var chart = doc.WorkbookPart!.WorksheetParts.Single(p => p.DrawingsPart is not null).DrawingsPart!.ChartParts.Single().ChartSpace!;
        var series = chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChartSeries>().ToList();
        Assert.Equal(["'Summary'!$D$1", "'Summary'!$E$1", "'Summary'!$F$1", "'Summary'!$G$1"], series.Select(s => s.SeriesText!.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>().Single().Text));
        Assert.Equal("'Summary'!$D$3:$D$4", series[0].Descendants<DocumentFormat.OpenXml.Drawing.Charts.Values>().Single().InnerText);
        Assert.Equal(LabelPalette.All.Select(s => s.Colour), series.Select(s => s.Descendants<DocumentFormat.OpenXml.Drawing.RgbColorModelHex>().Single().Val!.Value));
    }

    [Fact]
    public void GivenOneDocument_WhenItsSummaryIsRead_ThenTheTotalsRowSaysOneDocument()
    {
        // The totals row said "1 documents".
        using var dir = new TempDirectory();
        var input = dir.Write("one.txt", "Paris has 3 bridges.\n");
        var (exit, _, err) = Support.Cli.Run("run", input, "--out", dir.File("out"), "--format", "xlsx");
        Assert.True(exit == 0, err);
        var summary = Workbooks.Cells(dir.File("out/argminer.xlsx"), "Summary");
        Assert.Equal(["all documents", "1 document"], summary[1][..2]);
    }

    [Fact]
    public void GivenAThousandDocuments_WhenItsSummaryIsRead_ThenTheTotalsRowGroupsTheThousands()
    {
        // The totals row said "1000 documents" above the chart's note "The chart shows the first 50 of 1,000 documents.".
        using var dir = new TempDirectory();
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < 1000; i++)
        {
            lines.Append("{\"id\":\"d").Append(i).Append("\",\"body\":\"A short one.\"}\n");
        }

        var (exit, _, err) = Support.Cli.Run("run", dir.Write("many.jsonl", lines.ToString()), "--out", dir.File("out"), "--format", "xlsx", "--pipeline", "text");
        Assert.True(exit == 0, err);
        var summary = Workbooks.Cells(dir.File("out/argminer.xlsx"), "Summary");
        Assert.Equal(["all documents", "1,000 documents"], summary[1][..2]);
        Assert.Equal("The chart shows the first 50 of 1,000 documents.", summary[2][0]);
    }

    [Fact]
    public void GivenTheSeedWorkbook_WhenValidatedAgainstTheOfficeSchemas_ThenNoPartHasAnError()
    {
        // Excel refuses (or "repairs") a workbook that breaks the schema where Calc may not: the SDK's validator checks what Calc cannot.
        using var dir = new TempDirectory();
        using var doc = SpreadsheetDocument.Open(RunSeeds(dir, "xlsx"), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
    }

    [Fact]
    public void GivenTheSameInputTwice_WhenWrittenAsXlsx_ThenTheFilesAreByteIdentical()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        Assert.Equal(File.ReadAllBytes(RunSeeds(a, "xlsx")), File.ReadAllBytes(RunSeeds(b, "xlsx")));
    }

    [Fact]
    public void GivenMoreRowsThanASheetHolds_WhenWritten_ThenTheyGoOnInNumberedSheetsAndTrainingReadsThemAll()
    {
        using var dir = new TempDirectory();
        var documents = SeedDocuments();
        var path = dir.File("small.xlsx");
        using (var writer = new WorkbookWriter(path, rowLimit: 40))
        {
            documents.ForEach(d => writer.Write(DocumentContext.Of(d)));
            writer.Commit();
        }

        var sentences = documents.Sum(d => d.Sentences.Length);
        var names = Workbooks.SheetNames(path);
        var parts = names.Where(n => n.StartsWith("Sentences", StringComparison.Ordinal)).ToList();
        Assert.Equal((sentences + 38) / 39, parts.Count);
        Assert.Equal("Sentences (2)", parts[1]);
        Assert.All(parts, p => Assert.True(Workbooks.Cells(path, p).Count <= 40));
        Assert.Equal(sentences, parts.Sum(p => Workbooks.Cells(path, p).Count - 1));
        Assert.Contains(Workbooks.Cells(path, "Summary"), row => row[0].StartsWith("Sentences: 145 rows are more than a sheet holds", StringComparison.Ordinal));

        var read = LabelledData.Read([path], new LabelledDataOptions());
        Assert.Equal(sentences, read.Count);
        Assert.Equal(documents.SelectMany(d => d.Sentences.Select(s => d.Text[s.Start..s.End].Trim())), read.Select(r => r.Text));
    }

    [Fact]
    public void GivenATableThatGoesOnInOneSheetAndOneInTwo_WhenWritten_ThenTheSummaryNamesASheetAndSheets()
    {
        // "they go on in sheets Sentences (2)" until session 38, for the one further sheet of a batch of 1.1 million sentences.
        using var dir = new TempDirectory();
        var path = dir.File("split.xlsx");
        using (var writer = new WorkbookWriter(path, rowLimit: 100))
        {
            SeedDocuments().ForEach(d => writer.Write(DocumentContext.Of(d)));
            writer.Commit();
        }

        var notes = Workbooks.Cells(path, "Summary").Select(row => row[0]).ToList();
        Assert.Contains("Sentences: 145 rows are more than a sheet holds; they go on in sheet Sentences (2).", notes);
        Assert.Contains("Entities: 277 rows are more than a sheet holds; they go on in sheets Entities (2), Entities (3).", notes);
    }

    [Fact]
    public void GivenContinuedSheets_WhenRowsAreWrittenByTheCallerOrOnARowsThread_ThenTheFilesAreByteIdenticalAndWhole()
    {
        using var dir = new TempDirectory();
        var documents = SeedDocuments();
        byte[] Written(int threads)
        {
            var path = dir.File($"t{threads}.xlsx");
            using (var writer = new WorkbookWriter(path, rowLimit: 40, threads))
            {
                documents.ForEach(d => writer.Write(DocumentContext.Of(d)));
                writer.Commit();
            }

            return File.ReadAllBytes(path);
        }

        var one = Written(1);
        Assert.Equal(one, Written(4));

        // Every part's CRC and sizes as the zip records them (the passthrough entries are checked on reading).
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(one));
        Assert.All(zip.Entries, e =>
        {
            using var data = new MemoryStream();
            using (var input = e.Open())
            {
                input.CopyTo(data);
            }

            Assert.Equal(e.Length, data.Length);
            Assert.Equal(e.Crc32, Crc32Reference.Of(data.ToArray()));
        });
        Assert.Equal(documents.Sum(d => d.Sentences.Length), Workbooks.SheetNames(dir.File("t1.xlsx")).Where(n => n.StartsWith("Sentences", StringComparison.Ordinal)).Sum(p => Workbooks.Cells(dir.File("t1.xlsx"), p).Count - 1));
    }

    [Fact]
    public void GivenTheOutputFolderGoneBeforeCommit_WhenRowsAreWrittenOnARowsThread_ThenTheIoErrorItselfIsThrown()
    {
        // The command line reports an I/O error in one line; the rows thread must not hide it or leave Commit waiting.
        using var dir = new TempDirectory();
        var folder = dir.File("out");
        Directory.CreateDirectory(folder);
        using var writer = new WorkbookWriter(Path.Combine(folder, WorkbookWriter.FileName), threads: 4);
        SeedDocuments().ForEach(d => writer.Write(DocumentContext.Of(d)));

        // The rows thread may be making its temporary files while the folder goes ("Directory not empty"): delete until gone.
        for (var attempt = 0; Directory.Exists(folder) && attempt < 100; attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                Thread.Sleep(10);
            }
        }

        Assert.False(Directory.Exists(folder));
        Assert.Throws<DirectoryNotFoundException>(writer.Commit);
    }

    [Fact]
    public void GivenTheOutputFolderGoneBeforeTheFirstRow_WhenTheRowsThreadFails_ThenWriteOrCommitThrowsItsErrorAndNothingWaits()
    {
        using var dir = new TempDirectory();
        var folder = dir.File("out");
        Directory.CreateDirectory(folder);
        using var writer = new WorkbookWriter(Path.Combine(folder, WorkbookWriter.FileName), threads: 2);
        Directory.Delete(folder, recursive: true);

        // The rows thread cannot open its first temporary file; more documents than the queue holds must not block.
        var documents = SeedDocuments();
        Assert.Throws<DirectoryNotFoundException>(() =>
        {
            for (var k = 0; k < 20; k++)
            {
                documents.ForEach(d => writer.Write(DocumentContext.Of(d)));
            }

            writer.Commit();
        });
    }

    [Fact]
    public void GivenACellOverTheLimitControlCharactersAndAFormula_WhenWrittenAndRead_ThenTextIsCutWithANoteAndTheRestRoundTrips()
    {
        var longText = string.Concat(Enumerable.Repeat("Forty words are not enough here. ", 1200)) + "End.";
        var odd = "=SUM(A1) said a\u0001b with _x0041_ inside.";
        var text = longText + " " + odd;
        var document = new Document
        {
            Id = "  d ",
            Source = "d.txt",
            Text = text,
            Paragraphs = [new Paragraph(0, text.Length, Section.Body, null)],
            Sentences = [new Sentence(0, longText.Length, Section.Body, 0, null, 0, 0), new Sentence(longText.Length + 1, text.Length, Section.Body, 0, null, 0, 0)],
            Labels = [new SentencePrediction("claim", 0.6, [0.6, 0.2, 0.1, 0.1]), new SentencePrediction("other", 0.7, [0.1, 0.1, 0.1, 0.7])],
        };
        using var dir = new TempDirectory();
        var path = dir.File("t.xlsx");
        using (var writer = new WorkbookWriter(path))
        {
            writer.Write(DocumentContext.Of(document));
            writer.Commit();
        }

        var rows = Workbooks.Cells(path, "Sentences");
        Assert.Equal(CellText.MaxLength, rows[1][7].Length);
        Assert.EndsWith("…", rows[1][7], StringComparison.Ordinal);
        Assert.StartsWith(longText[..1000], rows[1][7], StringComparison.Ordinal);
        Assert.Contains(Workbooks.Cells(path, "Summary"), row => row[0].StartsWith("1 cell held more than 32,767 characters and was cut", StringComparison.Ordinal));
        using (var doc = SpreadsheetDocument.Open(path, false))
        {
            Assert.Empty(doc.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet!.Descendants<CellFormula>()));
            // Spreadsheets trim a cell's outer spaces unless told to keep them.
            var id = Workbooks.Sheet(doc, "Sentences").Descendants<Cell>().Single(c => c.CellReference == "A2").InlineString!.GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.Text>()!;
            Assert.Equal("  d ", id.Text);
            Assert.Equal(DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve, id.Space!.Value);
        }

        var read = LabelledData.Read([path], new LabelledDataOptions());
        Assert.Equal(odd, read[1].Text);
        Assert.Equal("other", read[1].Label);
    }

    [Fact]
    public void GivenIdsThatLookLikeNumbers_WhenWrittenAsXlsx_ThenTheyAreTextCellsAsInTheCsv()
    {
        // Ids were number cells when they parsed as one: "00123" showed as 123, a 19-digit id lost its last digits.
        var document = ArgMiner.Ingest.DocumentReaders.Compose("00123", "in.jsonl:1", null, "Body.", [("A comment.", "1234567890123456789", "1e5")]);
        var comment = document.Paragraphs.First(p => p.Comment == 0);
        document = document with { Sentences = [new Sentence(0, 5, Section.Body, 0, null, 0, 0), new Sentence(comment.Start, comment.End, Section.Comment, 1, 0, 0, 0)] };
        using var dir = new TempDirectory();
        var path = dir.File("t.xlsx");
        using (var writer = new WorkbookWriter(path))
        {
            writer.Write(DocumentContext.Of(document));
            writer.Commit();
        }

        using var doc = SpreadsheetDocument.Open(path, false);
        foreach (var (sheet, reference, want) in new[] { ("Documents", "A2", "00123"), ("Sentences", "A3", "00123"), ("Sentences", "Q3", "1234567890123456789"), ("Sentences", "R3", "1e5") })
        {
            var cell = Workbooks.Sheet(doc, sheet).Descendants<Cell>().Single(c => c.CellReference == reference);
            Assert.Equal(CellValues.InlineString, cell.DataType?.Value);
            Assert.Equal(want, cell.InlineString!.InnerText);
        }
    }

    [Fact]
    public void GivenEscapes_WhenEncodedAndDecoded_ThenEveryStringComesBack()
    {
        foreach (var s in new[] { "plain", "_x0041_", "a\u0001b\u001Fc\rd", "_x005F_x0041_", "\uD83D\uDDA4 emoji", "lone \uD83D high", "_x12", string.Empty })
        {
            var encoded = CellText.Encode(s, out var cut);
            Assert.False(cut);
            Assert.DoesNotContain('\u0001', encoded);
            Assert.Equal(s.Replace("\uD83D high", "\uD83D high", StringComparison.Ordinal), CellText.Decode(encoded));
        }
    }

    [Fact]
    public void GivenNotesOnTheSummary_WhenWritten_ThenTheyComeRightUnderTheTotalsAndTheChartStillDrawsTheDocuments()
    {
        // The notes came after every document row: row 1,292 of the IBM articles' workbook, where nobody saw that a cell
        // had been cut or that the chart leaves documents out.
        var documents = Enumerable.Range(0, WorkbookWriter.ChartDocuments + 10).Select(i =>
        {
            var text = i == 3 ? new string('x', CellText.MaxLength + 10) : "Prices rose.";
            return new Document
            {
                Id = "d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Source = "d.txt",
                Text = text,
                Paragraphs = [new Paragraph(0, text.Length, Section.Body, null)],
                Sentences = [new Sentence(0, text.Length, Section.Body, 0, null, 0, 1)],
                Labels = [new SentencePrediction("claim", 0.6, [0.6, 0.2, 0.1, 0.1])],
            };
        }).ToList();
        using var dir = new TempDirectory();
        var path = dir.File("t.xlsx");
        using (var writer = new WorkbookWriter(path))
        {
            documents.ForEach(d => writer.Write(DocumentContext.Of(d)));
            writer.Commit();
        }

        var summary = Workbooks.Cells(path, "Summary");
        Assert.Equal("all documents", summary[1][0]);
        Assert.StartsWith("1 cell held more than 32,767 characters and was cut", summary[2][0], StringComparison.Ordinal);
        Assert.Equal("The chart shows the first 50 of 60 documents.", summary[3][0]);
        Assert.All(summary[4], c => Assert.Equal(string.Empty, c));
        Assert.Equal(documents.Select(d => d.Id), summary.Skip(5).Select(r => r[0]));

        using var doc = SpreadsheetDocument.Open(path, false);
        var chart = doc.WorkbookPart!.WorksheetParts.Single(p => p.DrawingsPart is not null).DrawingsPart!.ChartParts.Single().ChartSpace!;
        var series = chart.Descendants<DocumentFormat.OpenXml.Drawing.Charts.BarChartSeries>().First();
        Assert.Equal("'Summary'!$A$6:$A$55", series.Descendants<DocumentFormat.OpenXml.Drawing.Charts.CategoryAxisData>().Single().InnerText);
        Assert.Equal("'Summary'!$D$6:$D$55", series.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Values>().Single().InnerText);
    }

    [Fact]
    public void GivenEveryNoteTheSummaryCanHave_WhenTheSheetsAreFull_ThenTheSummaryStaysWithinASheetAndListsWhatFits()
    {
        // The Summary kept room for six notes, but it can have seven (four tables going on, cut cells, the Summary and the
        // chart leaving documents out): a row past the sheet's last.
        const string text = "Ohio rose 5 percent.";
        var documents = Enumerable.Range(0, WorkbookWriter.ChartDocuments + 10).Select(i => new Document
        {
            Id = "d" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Source = i == 3 ? new string('s', CellText.MaxLength + 1) : "d.txt",
            Text = text,
            Paragraphs = [new Paragraph(0, text.Length, Section.Body, null)],
            Sentences = [new Sentence(0, text.Length, Section.Body, 0, null, 0, 5)],
            Entities = [new Entity(0, 4, "LOC", EntitySource.Model, 0)],
            Numbers = [new NumericClaim { Start = 10, End = 19, Sentence = 0, Kind = "percent", Value = 5 }],
            Labels = [new SentencePrediction("claim", 0.6, [0.6, 0.2, 0.1, 0.1])],
        }).ToList();
        using var dir = new TempDirectory();
        foreach (var limit in new[] { 12, 20 })
        {
            var path = dir.File(limit.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".xlsx");
            using (var writer = new WorkbookWriter(path, rowLimit: limit))
            {
                documents.ForEach(d => writer.Write(DocumentContext.Of(d)));
                writer.Commit();
            }

            Assert.All(Workbooks.SheetNames(path), sheet => Assert.True(Workbooks.Cells(path, sheet).Count <= limit, $"{sheet} has more than {limit} rows"));
            var summary = Workbooks.Cells(path, "Summary");
            var listed = summary.Count(r => r[0].StartsWith('d') && r[0].Length <= 3);
            var notes = summary.Skip(2).TakeWhile(r => r[0].Length > 0).Select(r => r[0]).ToList();
            Assert.Equal(limit, summary.Count);
            Assert.True(listed >= 1, $"no document listed with a limit of {limit}");
            Assert.Contains($"Summary lists the first {listed} of 60 documents; the totals row counts all.", notes);
        }
    }
}
