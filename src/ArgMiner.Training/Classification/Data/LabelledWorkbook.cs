using System.Globalization;
using ArgMiner.Output.Xlsx;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ArgMiner.Classification;

/// <summary>
/// Reads labelled sentences from an xlsx workbook: ArgMiner's own <c>argminer.xlsx</c> (its Sentences sheet and
/// any continuation sheets "Sentences (2)"…) or any workbook whose first sheet with <c>text</c> and <c>label</c>
/// columns holds the sentences, as Excel or LibreOffice Calc save it (shared strings, inline strings, rich text,
/// rows and cells with or without references). Rows are streamed with the Open XML SDK's reader. A bad cell is
/// one <see cref="LabelledDataException"/> naming the file, sheet and row.
/// </summary>
internal static class LabelledWorkbook
{
    /// <summary>The sheet <c>argminer.xlsx</c> keeps its sentences in.</summary>
    public const string SentencesSheet = "Sentences";

    /// <summary>The sheet of documents beside <see cref="SentencesSheet"/> in <c>argminer.xlsx</c>.</summary>
    private const string DocumentsSheet = "Documents";

    /// <summary>Reads the sentences of the workbook at <paramref name="path"/>.</summary>
    public static List<LabelledSentence> Read(string path, LabelledDataOptions options) => Read(path, options, WorkbookLimits.Default);

    /// <summary>Reads the sentences of the workbook at <paramref name="path"/> within <paramref name="limits"/>.</summary>
    internal static List<LabelledSentence> Read(string path, LabelledDataOptions options, WorkbookLimits limits)
    {
        CheckSize(path, limits);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or InvalidOperationException)
        {
            if (IsCompoundFile(path))
            {
                throw new LabelledDataException(path, "not a readable xlsx workbook (a password-protected workbook, or an Excel 97-2003 file named .xlsx); save it without a password as Excel 2007-365 (.xlsx)");
            }

            throw new LabelledDataException(path, $"not a readable xlsx workbook ({ex.Message.TrimEnd('.')})");
        }

        using (document)
        {
            try
            {
                return ReadSheets(path, document, options, new CellBudget(limits.Cells));
            }
            catch (System.Xml.XmlException ex)
            {
                // A part whose XML is damaged (a workbook cut short, or written by a faulty tool) is found only as it is
                // read: an unhandled XmlException, a stack trace and exit 134, until session 33.
                throw new LabelledDataException(path, $"not a readable xlsx workbook (damaged XML: {ex.Message.TrimEnd('.')})");
            }
            catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException)
            {
                // A part whose compressed bytes are damaged: the zip reader's words alone, without the file's name, until session 33.
                throw new LabelledDataException(path, $"not a readable xlsx workbook (damaged: {ex.Message.TrimEnd('.')})");
            }
        }
    }

    /// <summary>The sentences of the chosen sheets (<see cref="Read"/>).</summary>
    private static List<LabelledSentence> ReadSheets(string path, SpreadsheetDocument document, LabelledDataOptions options, CellBudget budget)
    {
        var workbook = document.WorkbookPart ?? throw new LabelledDataException(path, "not a readable xlsx workbook (no workbook part)");
        var strings = SharedStrings(workbook, budget, path);
        var sheets = (workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            .Select(s => (Name: s.Name?.Value ?? string.Empty, Part: s.Id?.Value is { } id ? workbook.GetPartById(id) as WorksheetPart : null))
            .Where(s => s.Part is not null)
            .ToList();
        var chosen = sheets.Where(s => IsSentencesSheet(s.Name)).ToList();
        if (chosen.Count > 0)
        {
            // A copy of Sentences that Calc names "Sentences_2" (or any other sheet of sentences and labels) is not
            // read: say so, since the corrections may be in it.
            foreach (var other in sheets.Where(s => !IsSentencesSheet(s.Name)))
            {
                if (Header(other.Part!, strings, budget, path) is { } header && Find(header.Cells, options.TextColumn) >= 0 && Find(header.Cells, options.LabelColumn) >= 0)
                {
                    options.OnWarning?.Invoke($"{path}: sheet {other.Name} has '{options.TextColumn}' and '{options.LabelColumn}' columns but is not read (only {SentencesSheet} and the sheets a batch too large for it goes on in are); correct the labels in {SentencesSheet}, or delete it and rename the sheet you corrected {SentencesSheet}");
                }
            }
        }
        else
        {
            foreach (var sheet in sheets)
            {
                if (Header(sheet.Part!, strings, budget, path) is { } header && Find(header.Cells, options.TextColumn) >= 0 && Find(header.Cells, options.LabelColumn) >= 0)
                {
                    chosen.Add(sheet);
                    break;
                }
            }
        }

        if (chosen.Count == 0)
        {
            throw new LabelledDataException(path, $"no sheet named {SentencesSheet} and no sheet with '{options.TextColumn}' and '{options.LabelColumn}' columns (sheets: {string.Join(", ", sheets.Select(s => s.Name))})");
        }

        var rows = new List<LabelledSentence>();
        var sentenceIds = new List<string?>();
        Dictionary<(string Doc, string Id), string>? sheetOf = chosen.Count > 1 ? [] : null;
        // ArgMiner's own workbook (its Documents sheet beside Sentences, also once Excel or Calc saved it) holds ids and
        // text as they are: undoing the CSV's formula guard there turned an id or a sentence "'=x" into "=x", so two
        // documents "=x" and "'=x" were read as one. Other workbooks may be a sentences.csv saved as xlsx, guard and all.
        var guarded = !sheets.Any(s => string.Equals(s.Name, DocumentsSheet, StringComparison.OrdinalIgnoreCase));
        foreach (var (name, part) in chosen)
        {
            ReadSheet(path, name, part!, strings, budget, options, rows, sentenceIds, sheetOf, guarded);
        }

        // A sorted Sentences sheet is read in reading order (a document may go on in a continuation sheet).
        return options.LabelsFromOverlay ? rows : LabelledData.InReadingOrder(rows, sentenceIds);
    }

    /// <summary>
    /// Whether the file is an OLE compound file: what Excel and Calc write for an xlsx saved with a password (the
    /// package encrypted inside one) and for the old .xls format. The zip reader's own words, "File contains corrupted
    /// data", sent the person looking for damage.
    /// </summary>
    private static bool IsCompoundFile(string path)
    {
        ReadOnlySpan<byte> magic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        Span<byte> head = stackalloc byte[8];
        using var file = File.OpenRead(path);
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(magic);
    }

    /// <summary>
    /// Whether <paramref name="name"/> is Sentences or a continuation sheet of it. Excel names a copy of a sheet the
    /// same way ("Sentences (2)"), so a person who copies Sentences before correcting it has two; read as one
    /// batch, every sentence was read twice, its corrected and its old label side by side. <see cref="ReadSheet"/>
    /// refuses a sentence (document and sentence id) that two of these sheets hold.
    /// </summary>
    private static bool IsSentencesSheet(string name) =>
        string.Equals(name, SentencesSheet, StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith(SentencesSheet + " (", StringComparison.OrdinalIgnoreCase) && name.EndsWith(')')
            && int.TryParse(name.AsSpan(SentencesSheet.Length + 2, name.Length - SentencesSheet.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out _));

    private static void ReadSheet(string path, string sheet, WorksheetPart part, List<string> strings, CellBudget budget, LabelledDataOptions options, List<LabelledSentence> rows, List<string?> sentenceIds, Dictionary<(string Doc, string Id), string>? sheetOf, bool guarded)
    {
        string Origin(long row) => string.Create(CultureInfo.InvariantCulture, $"{path}, sheet {sheet}, row {row}");
        string[]? header = null;
        int textAt = -1, labelAt = -1, docAt = -1, sectionAt = -1, sentenceIdAt = -1;
        foreach (var (index, cells) in Rows(part, strings, budget, path, sheet))
        {
            if (cells.All(c => string.IsNullOrWhiteSpace(c.Value)))
            {
                continue;
            }

            if (header is null)
            {
                header = [.. cells.Select(c => c.Value.Trim())];
                textAt = Find(header, options.TextColumn);
                labelAt = Find(header, options.LabelColumn);
                docAt = Find(header, options.DocColumn) is var d and >= 0 ? d : Find(header, "doc_id");
                sectionAt = Find(header, options.SectionColumn);
                sentenceIdAt = Find(header, LabelledData.SentenceIdColumn);
                foreach (var (column, at) in new[] { (options.TextColumn, textAt), (options.LabelColumn, labelAt) })
                {
                    if (at < 0 && !(options.LabelsFromOverlay && column == options.LabelColumn))
                    {
                        throw new LabelledDataException(Origin(index), $"missing column '{column}' (columns: {string.Join(", ", header.Where(h => h.Length > 0))}; choose others with --text-column / --label-column)");
                    }
                }

                continue;
            }

            string? Cell(int at, string name, bool mustBeText)
            {
                if (at < 0 || at >= cells.Length)
                {
                    return null;
                }

                var (kind, value) = cells[at];
                if (kind == "e" || (mustBeText && kind is "n" or "b" && value.Length > 0))
                {
                    throw new LabelledDataException(Origin(index), $"the {name} cell ({WorksheetXml.ColumnName(at)}{index.ToString(CultureInfo.InvariantCulture)}) holds {(kind == "e" ? "an error" : "a number")} '{value}', not text");
                }

                return value;
            }

            rows.Add(LabelledData.MakeRow(
                Origin(index),
                path,
                Cell(textAt, options.TextColumn, false),
                options.LabelsFromOverlay ? null : Cell(labelAt, options.LabelColumn, true),
                Cell(docAt, "document", false),
                Cell(sectionAt, "section", false),
                options.Map,
                options.LabelsFromOverlay,
                guarded));
            var sentenceId = Cell(sentenceIdAt, LabelledData.SentenceIdColumn, false);
            sentenceIds.Add(sentenceId);
            if (sheetOf is not null && rows[^1].Doc is { } doc && sentenceId?.Trim() is { Length: > 0 } id
                && !sheetOf.TryAdd((doc, id), sheet) && sheetOf[(doc, id)] is var other && other != sheet)
            {
                throw new LabelledDataException(Origin(index), $"sentence {id} of document {doc} is in sheet {other} too: is one sheet a copy of the other? Delete or rename it (only {SentencesSheet} and the sheets a batch too large for it goes on in are read)");
            }
        }
    }

    private static (long Index, string[] Cells)? Header(WorksheetPart part, List<string> strings, CellBudget budget, string path)
    {
        foreach (var (index, cells) in Rows(part, strings, budget, path, string.Empty))
        {
            if (cells.Any(c => c.Value.Length > 0))
            {
                return (index, [.. cells.Select(c => c.Value.Trim())]);
            }
        }

        return null;
    }

    /// <summary>Each row's number and cells (type letter, text), gaps filled with empty cells.</summary>
    private static IEnumerable<(long Index, (string Kind, string Value)[] Cells)> Rows(WorksheetPart part, List<string> strings, CellBudget budget, string path, string sheet)
    {
        using var reader = OpenXmlReader.Create(part);
        long previous = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var index = row.RowIndex?.Value is uint r ? r : previous + 1;
            previous = index;
            var cells = new List<(string, string)>();
            foreach (var cell in row.Elements<Cell>())
            {
                budget.Take(path);
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                if (column >= MaxColumns)
                {
                    // Every cell before it was filled in as empty: "ZZZZZZ2" took 8 GB and more, until session 33.
                    throw new LabelledDataException(string.Create(CultureInfo.InvariantCulture, $"{path}, sheet {sheet}, row {index}"), $"a cell reference '{cell.CellReference!.Value}' lies beyond column XFD, the last a sheet has");
                }

                while (cells.Count < column)
                {
                    cells.Add((string.Empty, string.Empty));
                }

                var type = cell.DataType?.Value;
                string kind, value;
                if (type == CellValues.SharedString)
                {
                    kind = "s";
                    var at = int.TryParse(cell.CellValue?.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : -1;
                    if (at < 0 || at >= strings.Count)
                    {
                        throw new LabelledDataException(string.Create(CultureInfo.InvariantCulture, $"{path}, sheet {sheet}, row {index}"), "a cell refers to a shared string the workbook does not have");
                    }

                    value = strings[at];
                }
                else if (type == CellValues.InlineString)
                {
                    kind = "s";
                    value = cell.InlineString is { } inline ? Flatten(inline) : string.Empty;
                }
                else
                {
                    kind = type == CellValues.Error ? "e" : type == CellValues.Boolean ? "b" : type == CellValues.String ? "s" : "n";
                    value = cell.CellValue?.Text ?? string.Empty;
                }

                cells.Add((kind, CellText.Decode(value)));
            }

            yield return (index, [.. cells]);
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook, CellBudget budget, string path)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is { } table)
        {
            using var reader = OpenXmlReader.Create(table);
            while (reader.Read())
            {
                if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
                {
                    budget.Take(path);
                    strings.Add(Flatten((SharedStringItem)reader.LoadCurrentElement()!));
                }
            }
        }

        return strings;
    }

    /// <summary>A string item's text: its plain text or its rich-text runs, without phonetic hints.</summary>
    private static string Flatten(OpenXmlElement item) =>
        string.Concat(item.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Where(t => t.Ancestors<PhoneticRun>().FirstOrDefault() is null).Select(t => t.Text));

    /// <summary>The columns a sheet has (A to XFD).</summary>
    private const int MaxColumns = 16_384;

    /// <summary>The column a cell reference names, from 0; <see cref="MaxColumns"/> for any beyond the last (no overflow).</summary>
    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }

            if (column > MaxColumns)
            {
                return MaxColumns;
            }
        }

        return column - 1;
    }

    private static int Find(string[] header, string name) =>
        Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Refuses, before the Open XML SDK reads anything, a workbook whose parts inflate beyond <paramref name="limits"/>
    /// (a zip bomb: a few megabytes that inflate to gigabytes), with one <see cref="LabelledDataException"/> naming the
    /// file and the part. Each part is inflated once here, counted and thrown away, stopping at the first cap passed.
    /// Until session 34 nothing was capped: a 5 MB workbook inflating to 5 GB of one sheet was read to its end, and a
    /// shared string or cell of gigabytes was built in memory. A file that is no zip, or a damaged one, is left to the
    /// SDK, whose errors <see cref="Read(string, LabelledDataOptions, WorkbookLimits)"/> words.
    /// </summary>
    private static void CheckSize(string path, WorkbookLimits limits)
    {
        System.IO.Compression.ZipArchive zip;
        try
        {
            zip = System.IO.Compression.ZipFile.OpenRead(path);
        }
        catch (InvalidDataException)
        {
            return;
        }

        using (zip)
        {
            var buffer = new byte[1 << 16];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var part = ArgMiner.Ingest.InputError.OneLine(entry.FullName);
                long inPart = 0, run = 0;
                try
                {
                    using var stream = entry.Open();
                    int n;
                    while ((n = stream.Read(buffer)) > 0)
                    {
                        inPart += n;
                        total += n;
                        if (inPart > limits.PartBytes)
                        {
                            throw new LabelledDataException(path, $"not read: its part {part} inflates to more than {Size(limits.PartBytes)} (a damaged file or a zip bomb; the largest part of a real million-sentence workbook is about 1 GB)");
                        }

                        if (total > limits.TotalBytes)
                        {
                            throw new LabelledDataException(path, $"not read: its parts inflate to more than {Size(limits.TotalBytes)} in all (a damaged file or a zip bomb; a real million-sentence workbook is about 2 GB)");
                        }

                        // The longest stretch without '<' or '>': one text or attribute value read as one string.
                        var bytes = buffer.AsSpan(0, n);
                        var first = bytes.IndexOfAny((byte)'<', (byte)'>');
                        run += first < 0 ? n : first;
                        if (run > limits.Stretch)
                        {
                            throw new LabelledDataException(path, $"not read: its part {part} holds a value of more than {Size(limits.Stretch)} (a damaged file or a zip bomb; a cell holds at most 32,767 characters)");
                        }

                        if (first >= 0)
                        {
                            run = n - 1 - bytes.LastIndexOfAny((byte)'<', (byte)'>');
                        }
                    }
                }
                catch (Exception ex) when (ex is InvalidDataException or NotSupportedException)
                {
                    // Damaged, encrypted or compressed in a way the zip reader lacks: the SDK says so.
                    return;
                }
            }
        }
    }

    private static string Size(long bytes) =>
        bytes >= 1L << 30 ? $"{bytes >> 30} GiB" : bytes >= 1L << 20 ? $"{bytes >> 20} MiB" : $"{bytes} bytes";

    /// <summary>
    /// How much of a workbook is read at most (<see cref="CheckSize"/>, <see cref="CellBudget"/>). The defaults are far above
    /// any real corrected workbook: argminer.xlsx of corpus/articles (145 sentences) holds 136 KB of Sentences sheet and 282 KB
    /// in all its parts, about 0.94 KB and 1.9 KB a sentence, so a million-sentence run's is about 0.94 GB in its largest part
    /// and 1.9 GB in all; a part may inflate to 4 GiB and all of them to 8 GiB (over four times that). Its Sentences sheet has
    /// 18 columns, 18 million cells for a million sentences (and the shared strings Excel makes of them at most as many):
    /// 100 million cells in all. A cell holds at most 32,767 characters (Excel's limit; 196,602 bytes even if each were
    /// written as a six-byte escape), so a stretch of 64 MiB without markup is no cell of a real workbook.
    /// </summary>
    internal sealed record WorkbookLimits(long PartBytes, long TotalBytes, long Cells, long Stretch)
    {
        /// <summary>The limits every command reads workbooks with.</summary>
        public static WorkbookLimits Default { get; } = new(4L << 30, 8L << 30, 100_000_000, 64L << 20);
    }

    /// <summary>Counts the cells and shared strings read from one workbook against <see cref="WorkbookLimits.Cells"/>.</summary>
    private sealed class CellBudget(long limit)
    {
        private long _used;

        public void Take(string path)
        {
            if (++_used > limit)
            {
                throw new LabelledDataException(path, string.Create(CultureInfo.InvariantCulture, $"not read: more than {limit:N0} cells (a damaged file or a zip bomb; a real million-sentence workbook has about 18 million)"));
            }
        }
    }
}
