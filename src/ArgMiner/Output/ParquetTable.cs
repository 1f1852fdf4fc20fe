using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace ArgMiner.Output;

/// <summary>
/// Writes one output table as Apache Parquet through Parquet.Net, for data tools (DuckDB, Spark, pandas, Polars):
/// the same columns, rows and order as the CSV table of <see cref="OutputSchema"/>, with typed columns:
/// offsets, indexes and counts as 32-bit integers, probabilities and values as doubles, everything else as
/// UTF-8 strings, and null where the CSV cell is empty. Text is written as it is (no formula guard: a Parquet
/// reader never evaluates a cell). Rows are buffered and written as row groups of <see cref="RowGroupSize"/>
/// rows, so memory stays bounded however long the batch; the file is written under a temporary name and
/// renamed by <see cref="Commit"/>, like every output file.
/// </summary>
/// <typeparam name="TRow">What one row is made from.</typeparam>
public sealed class ParquetTable<TRow> : IRowTable<TRow>
{
    /// <summary>
    /// Rows per row group: each table buffers this many rows as text until its group is written. With 50,000 the
    /// peak working set of a Parquet run grew with the batch (IBM Debater's 1,289 articles, 165,000 sentences: 405 MB
    /// against 219 MB for CSV); with 10,000 it is 280-293 MB there and 257 MB on 4 MB of web text (issue 12), and
    /// 210-218 MB once the tool capped its gen0 budget (ArgMiner.Cli.csproj). DuckDB, pandas and Spark read groups
    /// of any size.
    /// </summary>
    public const int RowGroupSize = 10_000;

    private readonly AtomicFile _file;
    private readonly IReadOnlyList<CsvColumn<TRow>> _columns;
    private readonly DataField[] _fields;
    private readonly List<string?>[] _buffers;

    // One array of each numeric kind, reused by every group and column: a fresh double?[10,000] per column and
    // group is 160 KB on the large-object heap, garbage that waits for a full collection (issue 12).
    private readonly int?[] _integers = new int?[RowGroupSize];
    private readonly double?[] _numbers = new double?[RowGroupSize];
    private readonly ParquetWriter _writer;
    private bool _closed;

    /// <summary>Opens the table at <paramref name="path"/>.</summary>
    public ParquetTable(string path, IReadOnlyList<CsvColumn<TRow>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
        _fields = [.. columns.Select(Field)];
        _buffers = [.. columns.Select(_ => new List<string?>())];
        _file = new AtomicFile(path);
        try
        {
            _writer = ParquetWriter.CreateAsync(new ParquetSchema(_fields), _file.Stream).GetAwaiter().GetResult();
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>The Parquet field of a column, typed as the schema says (nullable: an empty cell is null).</summary>
    public static DataField Field(CsvColumn<TRow> column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Type switch
        {
            ColumnType.Integer => new DataField<int?>(column.Header),
            ColumnType.Number => new DataField<double?>(column.Header),
            _ => new DataField<string>(column.Header, true),
        };
    }

    /// <summary>Adds one row (written with its row group).</summary>
    public void Write(TRow row)
    {
        for (var c = 0; c < _columns.Count; c++)
        {
            var value = _columns[c].Value(row);
            _buffers[c].Add(string.IsNullOrEmpty(value) ? null : value);
        }

        if (_buffers[0].Count >= RowGroupSize)
        {
            Flush();
        }
    }

    /// <summary>Writes the remaining rows, finishes the file and gives it its final name.</summary>
    public void Commit()
    {
        if (_buffers[0].Count > 0)
        {
            Flush();
        }

        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _closed = true;
        _file.Commit();
    }

    private void Flush()
    {
        using (var group = _writer.CreateRowGroup())
        {
            for (var c = 0; c < _fields.Length; c++)
            {
                var cells = _buffers[c];
                var field = _fields[c];
                if (field.ClrType == typeof(int))
                {
                    for (var r = 0; r < cells.Count; r++)
                    {
                        _integers[r] = cells[r] is { } v ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;
                    }

                    group.WriteAsync<int>(field, _integers.AsMemory(0, cells.Count)).GetAwaiter().GetResult();
                }
                else if (field.ClrType == typeof(double))
                {
                    for (var r = 0; r < cells.Count; r++)
                    {
                        _numbers[r] = cells[r] is { } v ? double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) : null;
                    }

                    group.WriteAsync<double>(field, _numbers.AsMemory(0, cells.Count)).GetAwaiter().GetResult();
                }
                else
                {
                    group.WriteAsync(field, (IReadOnlyCollection<string>)cells!).GetAwaiter().GetResult();
                }

                cells.Clear();
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            try
            {
                _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                // Abandoning a file that failed to write: the temporary file goes anyway.
            }
            finally
            {
                _file.Dispose();
            }
        }
    }
}

/// <summary>A table of output rows that is written, then committed (renamed into place) or disposed (abandoned).</summary>
/// <typeparam name="TRow">What one row is made from.</typeparam>
internal interface IRowTable<in TRow> : IDisposable
{
    /// <summary>Adds a row.</summary>
    void Write(TRow row);

    /// <summary>Finishes the file and gives it its final name.</summary>
    void Commit();
}

/// <summary>
/// Opens the Parquet tables of a batch, so that <see cref="BatchWriter"/> sees them only as <see cref="IRowTable{TRow}"/>.
/// </summary>
/// <remarks>
/// Parquet.Net is precompiled apart from the published tool's composite image (to keep its pages out of a run's
/// memory), and a method that names <see cref="ParquetTable{TRow}"/> of a row struct cannot be precompiled into the
/// image: BatchWriter's constructor, Write, Commit and Dispose, and with them the CSV tables of the row structs, were
/// compiled at run time on every run, Parquet or not (issue 12: 24 of a one-document run's 66 compiled methods).
/// </remarks>
internal static class ParquetTables
{
    public static IRowTable<DocumentContext> Documents(string path) => new ParquetTable<DocumentContext>(path, OutputSchema.DocumentColumns);

    public static IRowTable<SentenceRow> Sentences(string path) => new ParquetTable<SentenceRow>(path, OutputSchema.SentenceColumns);

    public static IRowTable<EntityRow> Entities(string path) => new ParquetTable<EntityRow>(path, OutputSchema.EntityColumns);

    public static IRowTable<NumberRow> Numbers(string path) => new ParquetTable<NumberRow>(path, OutputSchema.NumberColumns);
}
