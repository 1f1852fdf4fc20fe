namespace ArgMiner.Output;

/// <summary>Which files <c>run</c> writes.</summary>
[Flags]
public enum OutputFormats
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>documents.csv and sentences.csv (and the later stages' tables).</summary>
    Csv = 1,

    /// <summary>documents.jsonl.</summary>
    JsonLines = 2,

    /// <summary>argminer.xlsx (<see cref="Xlsx.WorkbookWriter"/>).</summary>
    Xlsx = 4,

    /// <summary>report.html (<see cref="Html.ReportWriter"/>).</summary>
    Html = 8,

    /// <summary>documents.parquet, sentences.parquet, entities.parquet and numbers.parquet (<see cref="ParquetTable{TRow}"/>).</summary>
    Parquet = 16,

    /// <summary>The default: CSV and JSON Lines.</summary>
    All = Csv | JsonLines,
}

/// <summary>
/// All the output files of one batch, written document by document in input order. Every file is written
/// under a temporary name and renamed only by <see cref="Commit"/>, after the whole batch.
/// </summary>
public sealed class BatchWriter : IDisposable
{
    private readonly CsvTable<DocumentContext>? _documents;
    private readonly CsvTable<SentenceRow>? _sentences;
    private readonly CsvTable<EntityRow>? _entities;
    private readonly CsvTable<NumberRow>? _numbers;
    private readonly IRowTable<DocumentContext>? _documentsParquet;
    private readonly IRowTable<SentenceRow>? _sentencesParquet;
    private readonly IRowTable<EntityRow>? _entitiesParquet;
    private readonly IRowTable<NumberRow>? _numbersParquet;
    private readonly DocumentJsonWriter? _json;
    private readonly Xlsx.WorkbookWriter? _workbook;
    private readonly Html.ReportWriter? _report;

    /// <summary>
    /// Creates <paramref name="directory"/> if needed and opens the files; with more than one of <paramref name="threads"/>,
    /// the workbook's rows are written on a thread of their own beside the caller. The files are the same either way.
    /// </summary>
    public BatchWriter(string directory, OutputFormats formats, int threads = 1)
    {
        Directory.CreateDirectory(directory);
        try
        {
            if (formats.HasFlag(OutputFormats.Csv))
            {
                _documents = new CsvTable<DocumentContext>(Path.Combine(directory, "documents.csv"), OutputSchema.DocumentColumns);
                _sentences = new CsvTable<SentenceRow>(Path.Combine(directory, "sentences.csv"), OutputSchema.SentenceColumns);
                _entities = new CsvTable<EntityRow>(Path.Combine(directory, "entities.csv"), OutputSchema.EntityColumns);
                _numbers = new CsvTable<NumberRow>(Path.Combine(directory, "numbers.csv"), OutputSchema.NumberColumns);
            }

            if (formats.HasFlag(OutputFormats.Parquet))
            {
                _documentsParquet = ParquetTables.Documents(Path.Combine(directory, "documents.parquet"));
                _sentencesParquet = ParquetTables.Sentences(Path.Combine(directory, "sentences.parquet"));
                _entitiesParquet = ParquetTables.Entities(Path.Combine(directory, "entities.parquet"));
                _numbersParquet = ParquetTables.Numbers(Path.Combine(directory, "numbers.parquet"));
            }

            if (formats.HasFlag(OutputFormats.JsonLines))
            {
                _json = new DocumentJsonWriter(Path.Combine(directory, "documents.jsonl"));
            }

            _workbook = formats.HasFlag(OutputFormats.Xlsx) ? new Xlsx.WorkbookWriter(Path.Combine(directory, Xlsx.WorkbookWriter.FileName), threads) : null;
            _report = formats.HasFlag(OutputFormats.Html) ? new Html.ReportWriter(Path.Combine(directory, Html.ReportWriter.FileName)) : null;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The final paths of the files this batch writes.</summary>
    public IEnumerable<string> Files
    {
        get
        {
            if (_documents is not null)
            {
                yield return "documents.csv";
                yield return "sentences.csv";
                yield return "entities.csv";
                yield return "numbers.csv";
            }

            if (_documentsParquet is not null)
            {
                yield return "documents.parquet";
                yield return "sentences.parquet";
                yield return "entities.parquet";
                yield return "numbers.parquet";
            }

            if (_json is not null)
            {
                yield return "documents.jsonl";
            }

            if (_workbook is not null)
            {
                yield return Xlsx.WorkbookWriter.FileName;
            }

            if (_report is not null)
            {
                yield return Html.ReportWriter.FileName;
            }
        }
    }

    /// <summary>Writes one processed document to every file.</summary>
    public void Write(DocumentContext context) => Write(context, CancellationToken.None);

    /// <summary>
    /// Writes one processed document to every file, checking <paramref name="cancellation"/> every
    /// <see cref="Pipeline.StageCancellation.Every"/> rows and between files: one 46 MB document took seconds to write,
    /// and a stop request waited for it. A stopped write leaves the files unfinished, so the caller must abandon them
    /// (<see cref="Dispose"/>), never <see cref="Commit"/> them.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; the files are unfinished.</exception>
    public void Write(DocumentContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        cancellation.ThrowIfCancellationRequested();
        _documents?.Write(context);
        _documentsParquet?.Write(context);
        for (var i = 0; i < context.Document.Sentences.Length && (_sentences is not null || _sentencesParquet is not null); i++)
        {
            Pipeline.StageCancellation.Check(i, cancellation);
            var row = new SentenceRow(context, i);
            _sentences?.Write(row);
            _sentencesParquet?.Write(row);
        }

        for (var i = 0; i < context.Document.Entities.Length && (_entities is not null || _entitiesParquet is not null); i++)
        {
            Pipeline.StageCancellation.Check(i, cancellation);
            var row = new EntityRow(context, i);
            _entities?.Write(row);
            _entitiesParquet?.Write(row);
        }

        for (var i = 0; i < context.Document.Numbers.Length && (_numbers is not null || _numbersParquet is not null); i++)
        {
            Pipeline.StageCancellation.Check(i, cancellation);
            var row = new NumberRow(context, i);
            _numbers?.Write(row);
            _numbersParquet?.Write(row);
        }

        cancellation.ThrowIfCancellationRequested();
        _json?.Write(context);
        cancellation.ThrowIfCancellationRequested();
        _workbook?.Write(context);
        cancellation.ThrowIfCancellationRequested();
        _report?.Write(context);
    }

    /// <summary>Finishes every file and gives each its final name.</summary>
    public void Commit()
    {
        _documents?.Commit();
        _sentences?.Commit();
        _entities?.Commit();
        _numbers?.Commit();
        _documentsParquet?.Commit();
        _sentencesParquet?.Commit();
        _entitiesParquet?.Commit();
        _numbersParquet?.Commit();
        _json?.Commit();
        _workbook?.Commit();
        _report?.Commit();
    }

    /// <summary>
    /// After <see cref="Commit"/>: what the workbook and the report leave out or cut (tables going on in further sheets,
    /// cells cut, documents the report does not show), by file name. They say it inside; a run that does not open them
    /// said nothing of it until session 38.
    /// </summary>
    public IEnumerable<(string File, string Note)> OutputNotes =>
        (_workbook?.OutputNotes ?? []).Select(n => (Xlsx.WorkbookWriter.FileName, n))
            .Concat((_report?.OutputNotes ?? []).Select(n => (Html.ReportWriter.FileName, n)));

    /// <summary>
    /// Abandons uncommitted files (their temporary files are deleted). Every file is abandoned even when closing
    /// one fails (a full disk fails each flush again): one failure used to leave the rest of the temporary files behind.
    /// </summary>
    public void Dispose()
    {
        IDisposable?[] parts = [_documents, _sentences, _entities, _numbers, _documentsParquet, _sentencesParquet, _entitiesParquet, _numbersParquet, _json, _workbook, _report];
        foreach (var part in parts)
        {
            try
            {
                part?.Dispose();
            }
            catch (IOException)
            {
                // Abandoned anyway; the caller is already handling the error that stopped the batch.
            }
        }
    }
}
