using ArgMiner.Classification;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Classification;

public sealed class LabelledWorkbookTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static LabelledDataException ReadFails(string path) =>
        Assert.Throws<LabelledDataException>(() => LabelledData.Read([path], new LabelledDataOptions()));

    [Fact]
    public void GivenAWorkbookWithoutASentencesSheet_WhenRead_ThenTheFirstSheetWithTextAndLabelColumnsIsRead()
    {
        var path = Workbooks.Create(
            _dir.File("mine.xlsx"),
            ("Notes", [["what", "why"], ["a", "b"]]),
            ("Labels", [[], ["doc_id", "Text", "LABEL"], ["d1", "Prices rose 5 percent.", "evidence"], ["", "  ", "   "], ["d2", "We must act.", "Opinion"]]),
            ("Later", [["text", "label"], ["Not read.", "claim"]]));
        var rows = LabelledData.Read([path], new LabelledDataOptions());
        Assert.Equal(["Prices rose 5 percent.", "We must act."], rows.Select(r => r.Text));
        Assert.Equal(["evidence", "opinion"], rows.Select(r => r.Label));
        Assert.Equal(["d1", "d2"], rows.Select(r => r.Doc));
        Assert.Equal($"{path}, sheet Labels, row 5", rows[1].Origin);
    }

    [Fact]
    public void GivenSentencesCsvSavedAsAWorkbook_WhenRead_ThenTheFormulaGuardIsUndoneAsInTheCsv()
    {
        // Excel and Calc name the sheet after the file and keep the guard's apostrophe as text; there is no Documents sheet.
        var path = Workbooks.Create(_dir.File("sentences.xlsx"), ("sentences", [["doc_id", "sentence_id", "text", "label"], ["'=x", "0", "'@you are wrong.", "opinion"], ["''=x", "0", "''-- so it goes.", "other"]]));
        var rows = LabelledData.Read([path], new LabelledDataOptions());
        Assert.Equal(["=x", "'=x"], rows.Select(r => r.Doc));
        Assert.Equal(["@you are wrong.", "'-- so it goes."], rows.Select(r => r.Text));
    }

    [Fact]
    public void GivenOurOwnWorkbookSortedByConfidence_WhenRead_ThenEachDocumentsRowsAreBackInReadingOrder()
    {
        // sentence_id is a number cell ("=N"), as ArgMiner and Calc write it; the rows were sorted by confidence.
        var path = Workbooks.Create(
            _dir.File("sorted.xlsx"),
            ("Sentences", [["doc_id", "sentence_id", "text", "label", "confidence"], ["a", "=2", "A three.", "evidence", "=0.4"], ["b", "=0", "B one.", "other", "=0.5"], ["a", "=0", "A one.", "other", "=0.6"], ["a", "=1", "A two.", "opinion", "=0.7"], ["b", "=1", "B two.", "claim", "=0.8"]]));
        var rows = LabelledData.Read([path], new LabelledDataOptions());
        Assert.Equal(["A one.", "A two.", "A three.", "B one.", "B two."], rows.Select(r => r.Text));
        Assert.Equal([0.0, 0.5, 1.0, 0.0, 1.0], rows.Select(r => r.Position!.Value));
        Assert.Equal([(0, 3), (3, 2)], SentenceClassifier.DocumentRuns(rows));
        Assert.Equal($"{path}, sheet Sentences, row 2", rows[2].Origin);
    }

    [Fact]
    public void GivenAnUnknownLabelInAWorkbook_WhenRead_ThenTheErrorNamesFileSheetRowAndLabel()
    {
        var path = Workbooks.Create(_dir.File("a.xlsx"), ("Sentences", [["text", "label"], ["Good.", "claim"], ["Typo here.", "opnion"]]));
        Assert.StartsWith($"{path}, sheet Sentences, row 3: unknown label 'opnion'", ReadFails(path).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#N/A", "holds an error '#N/A'")]
    [InlineData("=3", "holds a number '3'")]
    public void GivenALabelCellThatIsNotText_WhenRead_ThenTheErrorNamesTheCell(string cell, string problem)
    {
        var path = Workbooks.Create(_dir.File("a.xlsx"), ("Sentences", [["text", "label"], ["Good.", "claim"], ["Bad.", cell]]));
        Assert.Equal($"{path}, sheet Sentences, row 3: the label cell (B3) {problem}, not text", ReadFails(path).Message);
    }

    [Fact]
    public void GivenAWorkbookWithoutTextAndLabel_WhenRead_ThenTheErrorListsTheSheets()
    {
        var path = Workbooks.Create(_dir.File("a.xlsx"), ("One", [["sentence", "tag"]]), ("Two", [["x"]]));
        Assert.Equal($"{path}: no sheet named Sentences and no sheet with 'text' and 'label' columns (sheets: One, Two)", ReadFails(path).Message);
    }

    /// <summary>A workbook of two sentences whose sheet's XML <paramref name="edit"/> changes, as a faulty tool would write it.</summary>
    private string Edited(string name, Func<string, string> edit)
    {
        var path = Workbooks.Create(_dir.File(name), ("Sentences", [["text", "label"], ["Good.", "claim"], ["Fine.", "other"]]));
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Update);
        var entry = zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal));
        string xml;
        using (var reader = new StreamReader(entry.Open()))
        {
            xml = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entry.FullName).Open());
        writer.Write(edit(xml));
        return path;
    }

    [Fact]
    public void GivenASheetWhoseXmlIsCutShort_WhenRead_ThenOneErrorNamesTheFile()
    {
        // Until session 33 an unhandled XmlException: a stack trace and exit 134 from train and evaluate.
        var path = Edited("cut.xlsx", xml => xml[..(xml.IndexOf("Fine.", StringComparison.Ordinal) + 2)]);
        Assert.StartsWith($"{path}: not a readable xlsx workbook (damaged XML: ", ReadFails(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenASheetWhoseCompressedBytesAreDamaged_WhenRead_ThenOneErrorNamesTheFile()
    {
        // Until session 33 the zip reader's words alone ("The archive entry was compressed using an unsupported
        // compression method."), without the file's name.
        var path = Workbooks.Create(_dir.File("flipped.xlsx"), ("Sentences", [["text", "label"], .. Enumerable.Range(0, 200).Select(i => new[] { $"Sentence number {i} is here.", "claim" })]));
        var bytes = File.ReadAllBytes(path);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
        {
            // The sheet's local header: its name follows 30 bytes of fields, then its compressed bytes.
            var name = System.Text.Encoding.UTF8.GetBytes(zip.Entries.Single(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal)).FullName);
            var at = bytes.AsSpan().IndexOf(name) + name.Length + BitConverter.ToUInt16(bytes, bytes.AsSpan().IndexOf(name) - 2);
            for (var k = at + 10; k < at + 300; k++)
            {
                bytes[k] ^= 0x55;
            }
        }

        File.WriteAllBytes(path, bytes);
        Assert.StartsWith($"{path}: not a readable xlsx workbook (damaged", ReadFails(path).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ZZZZZZ3")]
    [InlineData("AAAAAAAAAAAAAAAA3")]
    [InlineData("XFE3")]
    public void GivenACellReferenceBeyondTheLastColumn_WhenRead_ThenOneErrorNamesTheRowAtOnce(string reference)
    {
        // Until session 33 every cell before it was filled in: gigabytes of empty cells, for minutes.
        var path = Edited("wide.xlsx", xml => xml.Replace("r=\"A3\"", $"r=\"{reference}\"", StringComparison.Ordinal));
        Assert.Equal($"{path}, sheet Sentences, row 3: a cell reference '{reference}' lies beyond column XFD, the last a sheet has", ReadFails(path).Message);
    }

    [Fact]
    public void GivenAFileThatIsNotAWorkbook_WhenRead_ThenTheErrorNamesIt()
    {
        var path = _dir.Write("fake.xlsx", "text,label\nA.,claim\n");
        Assert.StartsWith($"{path}: not a readable xlsx workbook", ReadFails(path).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenACopyOfTheSentencesSheetNamedAsExcelNamesIt_WhenRead_ThenTheErrorNamesBothSheetsInsteadOfReadingEverySentenceTwice()
    {
        // Excel's Move or Copy names a copy of Sentences "Sentences (2)", the name of a continuation sheet; one copy was then corrected.
        string[] header = ["doc_id", "sentence_id", "text", "label"];
        var path = Workbooks.Create(
            _dir.File("copied.xlsx"),
            ("Sentences (2)", [header, ["a", "=0", "A one.", "other"], ["a", "=1", "A two.", "claim"]]),
            ("Sentences", [header, ["a", "=0", "A one.", "other"], ["a", "=1", "A two.", "opinion"]]));
        Assert.Equal($"{path}, sheet Sentences, row 2: sentence 0 of document a is in sheet Sentences (2) too: is one sheet a copy of the other? Delete or rename it (only Sentences and the sheets a batch too large for it goes on in are read)", ReadFails(path).Message);
    }

    [Theory]
    [InlineData("corrected.ods")]
    [InlineData("corrected.xls")]
    [InlineData("corrected.numbers")]
    public void GivenAWorkbookInAFormatTrainDoesNotRead_WhenRead_ThenTheErrorSaysToSaveItAsXlsxOrCsv(string name)
    {
        // What Calc's own format starts with (a zip whose first entry is the mimetype): read as CSV it was "binary file (contains NUL bytes)".
        var path = _dir.File(name);
        File.WriteAllBytes(path, [.. "PK\u0003\u0004\u0014\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet"u8]);
        Assert.Equal($"{path}: a {Path.GetExtension(name)} spreadsheet is not read; save it as Excel 2007-365 (.xlsx) or as Text CSV", ReadFails(path).Message);
    }

    [Fact]
    public void GivenACopyOfTheSentencesSheetNamedAsCalcNamesIt_WhenRead_ThenAWarningNamesTheSheetNotRead()
    {
        // Calc's Move/Copy Sheet names a copy "Sentences_2"; corrections made in the copy were passed over without a word.
        string[] header = ["doc_id", "sentence_id", "text", "label"];
        var path = Workbooks.Create(
            _dir.File("copied.xlsx"),
            ("Sentences", [header, ["a", "=0", "A one.", "other"]]),
            ("Sentences_2", [header, ["a", "=0", "A one.", "opinion"]]),
            ("Entities", [["doc_id", "sentence_id", "text", "type"], ["a", "=0", "A", "ORG"]]));
        var warnings = new List<string>();
        var rows = LabelledData.Read([path], new LabelledDataOptions { OnWarning = warnings.Add });
        Assert.Equal(["A one.|other"], rows.Select(r => r.Text + "|" + r.Label));
        Assert.Equal([$"{path}: sheet Sentences_2 has 'text' and 'label' columns but is not read (only Sentences and the sheets a batch too large for it goes on in are); correct the labels in Sentences, or delete it and rename the sheet you corrected Sentences"], warnings);
    }

    [Fact]
    public void GivenAPasswordProtectedWorkbook_WhenRead_ThenTheErrorSaysToSaveItWithoutAPassword()
    {
        // Excel and Calc save an xlsx with a password as an encrypted OLE compound file; it said "File contains corrupted data".
        var path = _dir.File("protected.xlsx");
        File.WriteAllBytes(path, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[4088]]);
        Assert.Equal($"{path}: not a readable xlsx workbook (a password-protected workbook, or an Excel 97-2003 file named .xlsx); save it without a password as Excel 2007-365 (.xlsx)", ReadFails(path).Message);
    }

    [Fact]
    public void GivenAFolderWithAnOdsWorkbook_WhenRead_ThenAWarningNamesItAsNotRead()
    {
        var folder = _dir.File("data");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.csv"), "text,label\nIt rose 5%.,evidence\n");
        File.WriteAllBytes(Path.Combine(folder, "corrected.ods"), [.. "PK\u0003\u0004"u8]);
        var warnings = new List<string>();
        var rows = LabelledData.Read([folder], new LabelledDataOptions { OnWarning = warnings.Add });
        Assert.Equal(["It rose 5%."], rows.Select(r => r.Text));
        Assert.Equal([$"{Path.Combine(folder, "corrected.ods")}: a .ods spreadsheet is not read; save it as Excel 2007-365 (.xlsx) or as Text CSV"], warnings);
    }

    [Fact]
    public void GivenAFolderWithNoDataFile_WhenRead_ThenTheErrorNamesEveryFormatRead()
    {
        var folder = _dir.File("empty");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "nothing");
        Assert.Equal($"{folder}: folder holds no .csv, .tsv, .jsonl or .xlsx file", ReadFails(folder).Message);
    }

    [Fact]
    public void GivenTheSameSentenceInTwoPaths_WhenRead_ThenTheLaterLabelWinsAndTheOverrideIsCounted()
    {
        var corpus = _dir.Write("corpus.csv", "text,label\nTaxes fell.,evidence\nTaxes  fell.,evidence\nKeep me.,claim\nSame label.,other\nTwice in one file.,claim\nTwice in one file.,other\n");
        var corrected = _dir.Write("corrected.csv", "text,label\n Taxes fell. ,opinion\nSame label.,other\nNew one.,claim\n");
        var rows = LabelledData.Read([corpus, corrected], new LabelledDataOptions());
        Assert.Equal(2, rows.Overridden);
        Assert.Equal(
            ["Keep me.|claim", "Same label.|other", "Twice in one file.|claim", "Twice in one file.|other", "Taxes fell.|opinion", "Same label.|other", "New one.|claim"],
            rows.Select(r => r.Text + "|" + r.Label));
        Assert.Equal([1, 1, 1, 1, Corrections.CorrectionWeight, 1, 1], rows.Select(r => r.Weight));
        Assert.True(Corrections.CorrectionWeight > 1);

        // The other order: the corpus is the correction.
        var reversed = LabelledData.Read([corrected, corpus], new LabelledDataOptions());
        Assert.Equal(1, reversed.Overridden);
        Assert.DoesNotContain(reversed, r => r.Label == "opinion");
    }

    /// <summary>
    /// <paramref name="path"/>, a workbook of <see cref="Workbooks.Create"/>, rewritten with its first sheet replaced by
    /// <paramref name="head"/>, <paramref name="repeated"/> until the part holds <paramref name="bytes"/>, then
    /// <paramref name="tail"/>: compressed as it is written, so a part of gigabytes takes a few megabytes on disk.
    /// </summary>
    private static string Bomb(string path, string head, string repeated, long bytes, string tail)
    {
        var original = File.ReadAllBytes(path);
        using (var source = new System.IO.Compression.ZipArchive(new MemoryStream(original), System.IO.Compression.ZipArchiveMode.Read))
        using (var target = new System.IO.Compression.ZipArchive(File.Create(path), System.IO.Compression.ZipArchiveMode.Create))
        {
            var sheet = source.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)).FullName;
            foreach (var entry in source.Entries)
            {
                using var to = target.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal).Open();
                if (entry.FullName != sheet)
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                    continue;
                }

                var chunk = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(repeated, (1 << 20) / repeated.Length)));
                to.Write(System.Text.Encoding.UTF8.GetBytes(head));
                for (long written = 0; written < bytes; written += chunk.Length)
                {
                    to.Write(chunk);
                }

                to.Write(System.Text.Encoding.UTF8.GetBytes(tail));
            }
        }

        return path;
    }

    private const string SheetHead = """<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c t="inlineStr"><is><t>text</t></is></c><c t="inlineStr"><is><t>label</t></is></c></row>""";

    [Fact]
    public void GivenAWorkbookWhoseSheetInflatesToGigabytes_WhenRead_ThenOneErrorNamesTheFileAndPartBeforeAnyRowIsRead()
    {
        // 4.1 GiB of rows, 4 MB on disk: read row by row, a sentence each kept in memory, still going after two
        // minutes, until session 34.
        var path = Bomb(
            Workbooks.Create(_dir.File("bomb.xlsx"), ("Sentences", [["text", "label"], ["Good.", "claim"]])),
            SheetHead,
            """<row><c t="inlineStr"><is><t>Prices rose.</t></is></c><c t="inlineStr"><is><t>claim</t></is></c></row>""",
            (4L << 30) + (100L << 20),
            "</sheetData></worksheet>");
        Assert.True(new FileInfo(path).Length < 64 << 20);
        var message = ReadFails(path).Message;
        Assert.StartsWith($"{path}: not read: its part xl/worksheets/", message, StringComparison.Ordinal);
        Assert.Contains("inflates to more than 4 GiB", message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAWorkbookWithAValueOfGigabytes_WhenRead_ThenOneErrorNamesTheFileInsteadOfBuildingTheString()
    {
        // One cell of 1.2 GB: a string past .NET's longest, an OutOfMemoryException and a stack trace until session 34.
        var path = Bomb(
            Workbooks.Create(_dir.File("cell.xlsx"), ("Sentences", [["text", "label"], ["Good.", "claim"]])),
            SheetHead + """<row><c t="inlineStr"><is><t>""",
            "aaaaaaaa",
            1200L << 20,
            "</t></is></c></row></sheetData></worksheet>");
        var message = ReadFails(path).Message;
        Assert.StartsWith($"{path}: not read: its part xl/worksheets/", message, StringComparison.Ordinal);
        Assert.Contains("holds a value of more than 64 MiB", message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenWorkbookLimits_WhenTheirPartsInAllOrTheirCellsPassThem_ThenOneErrorNamesTheFile()
    {
        var path = Workbooks.Create(_dir.File("many.xlsx"), ("Sentences", [["text", "label"], .. Enumerable.Range(0, 50).Select(i => new[] { $"Sentence {i}.", "claim" })]));
        var options = new LabelledDataOptions();
        Assert.Equal(50, LabelledWorkbook.Read(path, options, LabelledWorkbook.WorkbookLimits.Default).Count);

        var total = Assert.Throws<LabelledDataException>(() => LabelledWorkbook.Read(path, options, LabelledWorkbook.WorkbookLimits.Default with { TotalBytes = 2000 }));
        Assert.Equal($"{path}: not read: its parts inflate to more than 2000 bytes in all (a damaged file or a zip bomb; a real million-sentence workbook is about 2 GB)", total.Message);

        // 102 cells and 53 shared strings.
        var cells = Assert.Throws<LabelledDataException>(() => LabelledWorkbook.Read(path, options, LabelledWorkbook.WorkbookLimits.Default with { Cells = 120 }));
        Assert.Equal($"{path}: not read: more than 120 cells (a damaged file or a zip bomb; a real million-sentence workbook has about 18 million)", cells.Message);
    }

    [Fact]
    public void GivenAZipBombWorkbook_WhenEvaluatingOnIt_ThenOneErrorLineNamesTheFile()
    {
        var path = Bomb(
            Workbooks.Create(_dir.File("bomb.xlsx"), ("Sentences", [["text", "label"], ["Good.", "claim"]])),
            SheetHead,
            "<row/>",
            (4L << 30) + (100L << 20),
            "</sheetData></worksheet>");
        var (code, _, stderr) = Support.Cli.Run("evaluate", "--data", path);
        Assert.Equal(1, code);
        Assert.StartsWith($"argminer: {path}: not read: its part xl/worksheets/", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
