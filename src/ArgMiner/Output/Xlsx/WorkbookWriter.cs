using ArgMiner.Text;
using System.Globalization;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Runtime.ExceptionServices;
using ArgMiner.Classification;
using ICSharpCode.SharpZipLib.Zip;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ArgMiner.Output.Xlsx;

/// <summary>
/// Writes <c>argminer.xlsx</c>: sheets Summary, Documents, Sentences, Entities and Numbers. The data sheets have
/// the CSV files' columns (<see cref="OutputSchema"/>, so a column added there appears here too) as typed cells:
/// a text column (<see cref="CsvColumn{TRow}.IsText"/>) is always a string cell, never a formula and so needs no
/// formula guard; another column is a number cell when its invariant text is a number (offsets, counts,
/// probabilities, values), a string otherwise (labels, kinds). Summary holds label, entity and numeric-claim
/// counts per document and in total, and a native chart of the label shares per document.
/// <para>
/// Limits: a sheet holds 1,048,576 rows. A table with more rows goes on in sheets "Sentences (2)",
/// "Sentences (3)"… with the same header, validation and filter, and Summary says so; nothing is dropped (reading
/// the workbook for training takes the continuation sheets too). Summary lists at most 1,048,000 documents (the
/// totals row counts all) and its chart the first 50. Text longer than a cell's 32,767 characters is cut
/// (<see cref="CellText"/>) and Summary gives the count.
/// </para>
/// <para>
/// Library, chosen by measurement (200,000 rows × 16 cells, half text, half numbers, one sheet, this 2-core
/// machine, release build, /usr/bin/time peak RSS): ClosedXML 0.95.4 took 52.7 s and 3,219 MB; the Open XML SDK
/// 3.3.0 with its streaming <see cref="OpenXmlWriter"/> took 7.3 s and 626 MB when its package held the parts
/// (the SDK cannot write into a write-only package, and a read-write one keeps every part in memory). So the
/// SDK it is, with its package used only for the small parts (workbook, styles, chart, relationships, content
/// types). The data rows are written as sheet XML (<see cref="SheetRowXml"/>) and deflated as they arrive, while the
/// batch runs, into a temporary file per sheet (<see cref="SheetRows"/>), on a thread of their own when the run has
/// more than one; a sheet's column widths and row count come before its rows, so at <see cref="Commit"/> the XML around
/// the rows (<see cref="WorksheetXml.Frame"/>: the SDK's writer) is deflated on its own and the pieces are joined into
/// one zip entry with a combined CRC (<see cref="DeflatedPart"/>). Memory stays flat. Copying the parts into the final
/// zip in a fixed order with a fixed time (and fixed relationship ids and package times) makes equal input give
/// byte-identical files, which the SDK alone does not, for any number of threads.
/// Cost: on the IBM Debater articles (165,000 sentence rows, 300 MB of sheet XML) assembling took 9.4–10.1 s with
/// the SDK's writer for every cell and one sheet after another, 3.1 s with the rows written by hand and two sheets
/// at a time, and a `--jobs 1` xlsx run 13.8 → 9.2 s once the rows were deflated during the batch, the main thread
/// having time to spare beside the stages (README, "What the workbook costs").
/// </para>
/// </summary>
public sealed class WorkbookWriter : IDisposable
{
    /// <summary>The workbook's file name.</summary>
    public const string FileName = "argminer.xlsx";

    /// <summary>
    /// After <see cref="Commit"/>: what a reader of the workbook must know that its Summary sheet says (tables that go on
    /// in further sheets, cells cut), for the command to say it too.
    /// </summary>
    public IReadOnlyList<string> OutputNotes { get; private set; } = [];

    /// <summary>Most rows a sheet holds (Excel's and Calc's limit).</summary>
    public const int SheetRowLimit = 1_048_576;

    /// <summary>Documents whose label shares the chart draws.</summary>
    public const int ChartDocuments = 50;

    /// <summary>Documents waiting for the rows thread (with more than one thread) before <see cref="Write"/> waits.</summary>
    private const int QueuedDocuments = 32;

    /// <summary>The most rows of one document handed on at once (<see cref="QueuedDocuments"/> such chunks may wait).</summary>
    private const int ChunkRows = 1024;

    private static readonly string[] EntityTypes = ["PERSON", "ORG", "LOC", "NORP", "DATE", "EVENT"];

    private readonly AtomicFile _file;
    private readonly int _rowLimit;
    private readonly SheetSpool _summary;
    private readonly SheetRows _documents;
    private readonly SheetRows _sentences;
    private readonly SheetRows _entities;
    private readonly SheetRows _numbers;
    private readonly long[] _totals;
    private readonly BlockingCollection<List<(SheetRows Table, (CellKind, string?)[] Cells)>>? _queue;
    private readonly Thread? _rowsThread;
    private ExceptionDispatchInfo? _rowsFailure;
    private bool _done;

    /// <summary>
    /// Opens <paramref name="path"/> (written under a temporary name until <see cref="Commit"/>). With more than one
    /// <paramref name="threads"/>, the data rows are written and deflated on a thread of their own while the caller
    /// goes on; with one, by the caller. The file is the same either way.
    /// </summary>
    public WorkbookWriter(string path, int threads = 1)
        : this(path, SheetRowLimit, threads)
    {
    }

    /// <summary>Opens the workbook with a smaller sheet row limit (tests of the continuation sheets).</summary>
    internal WorkbookWriter(string path, int rowLimit, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowLimit, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _rowLimit = rowLimit;
        _file = new AtomicFile(path);
        var directory = Path.GetDirectoryName(_file.FinalPath)!;
        var opened = new List<IDisposable>();
        try
        {
            string[] summary = ["doc_id", "title", "sentences", .. SentenceLabels.All, "numbers", .. EntityTypes, "other_entities"];
            _totals = new long[summary.Length];
            opened.Add(_summary = new SheetSpool(directory, "summary", summary));
            opened.Add(_documents = Table(directory, "Documents", OutputSchema.DocumentColumns, rowLimit));
            opened.Add(_sentences = Table(directory, "Sentences", OutputSchema.SentenceColumns, rowLimit));
            opened.Add(_entities = Table(directory, "Entities", OutputSchema.EntityColumns, rowLimit));
            opened.Add(_numbers = Table(directory, "Numbers", OutputSchema.NumberColumns, rowLimit));
        }
        catch
        {
            opened.ForEach(s => s.Dispose());
            _file.Dispose();
            throw;
        }

        if (threads > 1)
        {
            _queue = new BlockingCollection<List<(SheetRows, (CellKind, string?)[])>>(QueuedDocuments);
            _rowsThread = new Thread(WriteQueuedRows) { IsBackground = true, Name = "workbook rows" };
            _rowsThread.Start();
        }
    }

    /// <summary>Adds one processed document to every sheet.</summary>
    public void Write(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ObjectDisposedException.ThrowIf(_done, this);
        _rowsFailure?.Throw();
        var document = context.Document;

        // A document's rows go on in chunks, in order: a document dense with figures (350,000 numeric claims in 1 MB of
        // "5% 5% …") held all its rows' cells as strings at once, 150 MB, until session 39.
        var rows = new List<(SheetRows, (CellKind, string?)[])>(Math.Min(ChunkRows, 1 + document.Sentences.Length + document.Entities.Length + document.Numbers.Length))
        {
            (_documents, Cells(OutputSchema.DocumentColumns, context)),
        };
        for (var i = 0; i < document.Sentences.Length; i++)
        {
            Add(_sentences, Cells(OutputSchema.SentenceColumns, new SentenceRow(context, i)));
        }

        for (var i = 0; i < document.Entities.Length; i++)
        {
            Add(_entities, Cells(OutputSchema.EntityColumns, new EntityRow(context, i)));
        }

        for (var i = 0; i < document.Numbers.Length; i++)
        {
            Add(_numbers, Cells(OutputSchema.NumberColumns, new NumberRow(context, i)));
        }

        Send(rows);

        var counts = new long[_totals.Length];
        counts[2] = document.Sentences.Length;
        foreach (var label in document.Labels)
        {
            counts[3 + SentenceLabels.All.IndexOf(label.Label)]++;
        }

        var numbersAt = 3 + SentenceLabels.All.Length;
        counts[numbersAt] = document.Numbers.Length;
        foreach (var entity in document.Entities)
        {
            var type = Array.IndexOf(EntityTypes, entity.Type);
            counts[type >= 0 ? numbersAt + 1 + type : counts.Length - 1]++;
        }

        var summary = new (CellKind, string?)[counts.Length];
        summary[0] = (CellKind.Text, document.Id);
        summary[1] = (CellKind.Text, document.Title);
        for (var i = 2; i < counts.Length; i++)
        {
            summary[i] = (CellKind.Number, counts[i].ToString(CultureInfo.InvariantCulture));
            _totals[i] += counts[i];
        }

        _summary.Write(summary);

        // A row joins the current chunk, which is sent once full.
        void Add(SheetRows table, (CellKind, string?)[] cells)
        {
            rows.Add((table, cells));
            if (rows.Count >= ChunkRows)
            {
                Send(rows);
                rows = new List<(SheetRows, (CellKind, string?)[])>(ChunkRows);
            }
        }
    }

    /// <summary>Assembles the workbook from the deflated rows and gives it its final name.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        StopRowsThread();
        _rowsFailure?.Throw();
        var sheets = new List<SheetSource>();
        var notes = new List<string>();
        var dataSheets = new List<SheetSource>();
        var rowPieces = new List<DeflatedPiece?>();
        foreach (var table in new[] { _documents, _sentences, _entities, _numbers })
        {
            var parts = Split(table);
            if (parts.Count > 1)
            {
                // "they go on in sheets Sentences (2)" until session 38: a sheet is singular, as the other counts of one are.
                var more = parts.Skip(1).Select(p => p.Name).ToList();
                notes.Add($"{parts[0].Name}: {table.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows are more than a sheet holds; they go on in {(more.Count == 1 ? "sheet" : "sheets")} {string.Join(", ", more)}.");
            }

            var pieces = table.Finish();
            rowPieces.AddRange(Enumerable.Range(0, parts.Count).Select(k => k < pieces.Count ? pieces[k] : null));
            dataSheets.AddRange(parts);
        }

        var deflated = new DeflatedPart?[1 + dataSheets.Count];
        try
        {
            var cut = _documents.CutCells + _sentences.CutCells + _entities.CutCells + _numbers.CutCells + _summary.CutCells;
            if (cut > 0)
            {
                notes.Add($"{cut.ToString(CultureInfo.InvariantCulture)} {(cut == 1 ? "cell" : "cells")} held more than {CellText.MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters and {(cut == 1 ? "was" : "were")} cut (ending in …); the CSV and JSON Lines files have the whole text.");
            }

            OutputNotes = [.. notes];
            sheets.Add(Summary(notes));
            sheets.AddRange(dataSheets);
            var chartRows = (int)Math.Min(_summary.Rows, ChartDocuments);
            using var skeleton = new MemoryStream();
            var sheetParts = BuildSkeleton(skeleton, sheets, FirstDocumentRow(notes), chartRows);
            skeleton.Position = 0;
            using var source = new ZipArchive(skeleton, ZipArchiveMode.Read);

            // A fixed order: every small part by name ([Content_Types].xml first), then the sheets in tab order.
            var entries = source.Entries.OrderBy(e => sheetParts.TryGetValue(e.FullName, out var k) ? k : -1).ThenBy(e => e.FullName, StringComparer.Ordinal).ToList();
            var partOfSheet = sheetParts.ToDictionary(p => p.Value, p => p.Key);
            var directory = Path.GetDirectoryName(_file.FinalPath)!;
            deflated[0] = DeflatedPart.Write(directory, partOfSheet[0], stream =>
            {
                // Deflate compresses every write it gets: fewer, larger writes.
                using var buffered = new BufferedStream(stream, 1 << 20);
                WorksheetXml.Write(buffered, sheets[0], new HashSet<long> { 2 });
            });
            for (var i = 1; i < sheets.Count; i++)
            {
                // The XML around the rows, deflated on its own on either side of the rows deflated during the batch.
                var (before, _, after) = WorksheetXml.Frame(sheets[i]);
                var rows = rowPieces[i - 1];
                rowPieces[i - 1] = null;
                deflated[i] = DeflatedPart.Join(partOfSheet[i], [
                    DeflatedPiece.Write(null, partOfSheet[i], s => s.Write(before), final: false),
                    rows,
                    DeflatedPiece.Write(null, partOfSheet[i], s => s.Write(after), final: true)]);
            }

            var zip = new ZipOutputStream(_file.Stream) { IsStreamOwner = false };
            var finished = false;
            try
            {
                foreach (var entry in entries)
                {
                    if (sheetParts.TryGetValue(entry.FullName, out var sheet))
                    {
                        deflated[sheet]!.CopyTo(zip);
                        continue;
                    }

                    using var part = DeflatedPart.Write(null, entry.FullName, stream =>
                    {
                        using var input = entry.Open();
                        input.CopyTo(stream);
                    });
                    part.CopyTo(zip);
                }

                zip.Finish();
                finished = true;
            }
            finally
            {
                try
                {
                    zip.Dispose();
                }
                catch (Exception) when (!finished)
                {
                    // After a failed write (a full disk) the zip's own closing finds its entry short and throws "compressed size
                    // was …": the failure that matters is the write's. Until session 37 the zip's exception replaced it, and
                    // 'run' stopped with a stack trace instead of saying the disk was full.
                }
            }
        }
        finally
        {
            foreach (var part in deflated)
            {
                part?.Dispose();
            }

            foreach (var piece in rowPieces)
            {
                piece?.Dispose();
            }
        }

        DisposeTables();
        _file.Commit();
        _done = true;
    }

    /// <summary>Abandons the workbook unless committed.</summary>
    public void Dispose()
    {
        StopRowsThread();
        DisposeTables();
        if (!_done)
        {
            _done = true;
            _file.Dispose();
        }
    }

    private static SheetRows Table<TRow>(string directory, string name, IReadOnlyList<CsvColumn<TRow>> columns, int rowLimit)
    {
        string[] headers = [.. columns.Select(c => c.Header)];
        var wrap = new HashSet<int>(new[] { Array.IndexOf(headers, "text"), Array.IndexOf(headers, "title") }.Where(i => i >= 0));
        return new SheetRows(directory, name, headers, rowLimit - 1, wrap);
    }

    private static (CellKind, string?)[] Cells<TRow>(IReadOnlyList<CsvColumn<TRow>> columns, TRow row)
    {
        var cells = new (CellKind, string?)[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var value = columns[i].Value(row);

            // Only the typed columns hold numbers: an id that parses as one ("00123", a 19-digit id) stays text, as in the CSV.
            cells[i] = value is null ? (CellKind.Empty, null)
                : columns[i].Type != ColumnType.String && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? (CellKind.Number, value)
                : (CellKind.Text, value);
        }

        return cells;
    }

    // The rows thread: writes the queued documents' rows in order. After a failure (a full disk) it keeps taking
    // documents, so Write never waits on a full queue, and Write or Commit rethrows the error.
    // Writes a chunk of rows, or hands it to the rows thread.
    private void Send(List<(SheetRows, (CellKind, string?)[])> rows)
    {
        if (_queue is null)
        {
            foreach (var (table, cells) in rows)
            {
                table.Write(cells);
            }
        }
        else
        {
            _queue.Add(rows);
        }
    }

    private void WriteQueuedRows()
    {
        foreach (var rows in _queue!.GetConsumingEnumerable())
        {
            if (_rowsFailure is not null)
            {
                continue;
            }

            try
            {
                foreach (var (table, cells) in rows)
                {
                    table.Write(cells);
                }
            }
            catch (Exception ex)
            {
                _rowsFailure = ExceptionDispatchInfo.Capture(ex);
            }
        }
    }

    private void StopRowsThread()
    {
        if (_queue is { IsAddingCompleted: false })
        {
            _queue.CompleteAdding();
            _rowsThread!.Join();
        }
    }

    /// <summary>
    /// The Summary sheet: the header, a totals row, any notes and an empty row, then one row per document. The notes
    /// (cells cut, tables that go on in another sheet, documents the Summary or the chart leaves out) came after the
    /// documents until session 35: row 1,292 of the IBM articles' workbook, row 9,027 of seven copies of them, where
    /// nobody opening the workbook saw that a cell had been cut or a table went on.
    /// </summary>
    private SheetSource Summary(List<string> notes)
    {
        // Rows beside the documents: the header, the totals, each note and the empty row after them. A fixed reserve of
        // six notes left a Summary with all seven (four tables going on, cut cells, the two below) a row past the sheet.
        var chartNote = _summary.Rows > ChartDocuments ? 1 : 0;
        var room = _rowLimit - 2 - (notes.Count + chartNote + 1);
        var documents = Math.Min(_summary.Rows, room);
        if (documents < _summary.Rows)
        {
            documents = Math.Max(0, room - 1); // the note saying so takes a row
            notes.Add($"Summary lists the first {documents.ToString("N0", CultureInfo.InvariantCulture)} of {_summary.Rows.ToString("N0", CultureInfo.InvariantCulture)} documents; the totals row counts all.");
        }

        if (_summary.Rows > ChartDocuments)
        {
            notes.Add($"The chart shows the first {ChartDocuments} of {_summary.Rows.ToString("N0", CultureInfo.InvariantCulture)} documents.");
        }

        var headers = _summary.Headers;
        var totals = new (CellKind, string?)[headers.Count];
        totals[0] = (CellKind.Text, "all documents");
        totals[1] = (CellKind.Text, Html.DocumentHtml.Count(_summary.Rows, "document"));
        for (var i = 2; i < totals.Length; i++)
        {
            totals[i] = (CellKind.Number, _totals[i].ToString(CultureInfo.InvariantCulture));
        }

        IEnumerable<(CellKind, string?)[]> Rows()
        {
            yield return totals;
            if (notes.Count > 0)
            {
                foreach (var note in notes)
                {
                    var cells = new (CellKind, string?)[headers.Count];
                    cells[0] = (CellKind.Text, note);
                    yield return cells;
                }

                yield return new (CellKind, string?)[headers.Count];
            }

            foreach (var row in _summary.Read().Take((int)documents))
            {
                yield return row;
            }
        }

        var widths = _summary.Widths.ToArray();
        widths[0] = Math.Min(widths[0], 40);
        return new SheetSource
        {
            Name = "Summary",
            Headers = headers,
            Widths = widths,
            RowCount = 1 + documents + (notes.Count > 0 ? notes.Count + 1 : 0),
            Rows = Rows(),
            Filter = false,
            DrawingId = "rId1",
        };
    }

    /// <summary>The Summary's first document row (1-based): after the header, the totals and any notes with an empty row.</summary>
    private static int FirstDocumentRow(List<string> notes) => 3 + (notes.Count > 0 ? notes.Count + 1 : 0);

    /// <summary>A table's sheets: one, or more when its rows pass the sheet row limit (their rows already deflated).</summary>
    private List<SheetSource> Split(SheetRows table)
    {
        var perSheet = _rowLimit - 1L;
        var count = (int)Math.Max(1, (table.Rows + perSheet - 1) / perSheet);
        var label = table == _sentences ? IndexOf(table.Headers, "label") : -1;
        var name = table.Name;
        var sheets = new List<SheetSource>();
        for (var k = 0; k < count; k++)
        {
            sheets.Add(new SheetSource
            {
                Name = k == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} ({k + 1})"),
                Headers = table.Headers,
                Widths = table.Widths,
                RowCount = Math.Min(perSheet, table.Rows - (k * perSheet)),
                Rows = [],
                LabelColumn = label,
                WrapColumns = table.Wrap,
            });
        }

        return sheets;
    }

    private static int IndexOf(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Builds every part but the sheets' rows with the SDK, with fixed relationship ids (the SDK would make random
    /// ones), and returns the zip entry name of each sheet's part with its index in <paramref name="sheets"/>.
    /// </summary>
    private static Dictionary<string, int> BuildSkeleton(Stream stream, List<SheetSource> sheets, int firstDocumentRow, int chartRows)
    {
        var parts = new Dictionary<string, int>(StringComparer.Ordinal);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
        var sheetList = new Sheets();
        var names = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"rId{i + 1}");
            var part = workbook.AddNewPart<WorksheetPart>(id);
            part.Worksheet = new Worksheet(new SheetData());
            parts[part.Uri.OriginalString.TrimStart('/')] = i;
            sheetList.Append(new Sheet { Name = sheets[i].Name, SheetId = (uint)(i + 1), Id = id });
            if (sheets[i].Filter)
            {
                var last = WorksheetXml.ColumnName(sheets[i].Headers.Count - 1);
                names.Append(new DefinedName(string.Create(CultureInfo.InvariantCulture, $"'{sheets[i].Name}'!$A$1:${last}${sheets[i].RowCount + 1}"))
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = (uint)i,
                    Hidden = true,
                });
            }

            if (sheets[i].DrawingId is { } drawingId)
            {
                var drawing = part.AddNewPart<DrawingsPart>(drawingId);
                var chart = drawing.AddNewPart<ChartPart>("rId1");
                var title = chartRows < ChartDocuments ? "Label shares per document" : $"Label shares per document (first {ChartDocuments})";
                chart.ChartSpace = WorkbookParts.Chart(sheets[i].Name, firstDocumentRow, firstDocumentRow - 1 + Math.Max(1, chartRows), 3, title);
                drawing.WorksheetDrawing = WorkbookParts.Drawing("rId1", sheets[i].Headers.Count + 1, Math.Max(18, 6 + (chartRows * 3 / 2)));
            }
        }

        var styles = workbook.AddNewPart<WorkbookStylesPart>(string.Create(CultureInfo.InvariantCulture, $"rId{sheets.Count + 1}"));
        styles.Stylesheet = WorkbookParts.Stylesheet();
        workbook.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheetList, names);
        var core = document.AddNewPart<CoreFilePropertiesPart>("rId2");
        using (var coreStream = core.GetStream(FileMode.Create))
        {
            WorkbookParts.WriteCoreProperties(coreStream);
        }

        var app = document.AddNewPart<ExtendedFilePropertiesPart>("rId3");
        app.Properties = new DocumentFormat.OpenXml.ExtendedProperties.Properties(new DocumentFormat.OpenXml.ExtendedProperties.Application("ArgMiner"));
        return parts;
    }

    private void DisposeTables()
    {
        _summary.Dispose();
        _documents.Dispose();
        _sentences.Dispose();
        _entities.Dispose();
        _numbers.Dispose();
    }
}
