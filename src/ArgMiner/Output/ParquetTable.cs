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

    // A column's cells wait for their group in one array of the column's own type, parsed as the row arrives: the
    // numeric cells' texts then die young instead of waiting in the group (about 120,000 short strings a group of
    // sentences), which the collector had to promote and later sweep from its oldest generation (issue 12: peak
    // memory with every format). Text columns keep their strings; every cell is the same value as before.
    private readonly string?[]?[] _texts;
    private readonly int?[]?[] _integers;
    private readonly double?[]?[] _numbers;
    private int _count;
    private readonly ParquetWriter _writer;
    private bool _closed;

    /// <summary>Opens the table at <paramref name="path"/>.</summary>
    public ParquetTable(string path, IReadOnlyList<CsvColumn<TRow>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
        _fields = [.. columns.Select(Field)];
        _texts = [.. columns.Select(c => c.Type == ColumnType.String ? new string?[RowGroupSize] : null)];
        _integers = [.. columns.Select(c => c.Type == ColumnType.Integer ? new int?[RowGroupSize] : null)];
        _numbers = [.. columns.Select(c => c.Type == ColumnType.Number ? new double?[RowGroupSize] : null)];
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
            var cell = string.IsNullOrEmpty(value) ? null : value;
            if (_integers[c] is { } integers)
            {
                integers[_count] = cell is null ? null : int.Parse(cell, NumberStyles.Integer, CultureInfo.InvariantCulture);
            }
            else if (_numbers[c] is { } numbers)
            {
                numbers[_count] = cell is null ? null : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
            else
            {
                _texts[c]![_count] = cell;
            }
        }

        if (++_count >= RowGroupSize)
        {
            Flush();
        }
    }

    /// <summary>Writes the remaining rows, finishes the file and gives it its final name.</summary>
    public void Commit()
    {
        if (_count > 0)
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
                var field = _fields[c];
                if (_integers[c] is { } integers)
                {
                    group.WriteAsync<int>(field, integers.AsMemory(0, _count)).GetAwaiter().GetResult();
                }
                else if (_numbers[c] is { } numbers)
                {
                    group.WriteAsync<double>(field, numbers.AsMemory(0, _count)).GetAwaiter().GetResult();
                }
                else
                {
                    var texts = _texts[c]!;
                    group.WriteAsync(field, new ArraySegment<string>(texts!, 0, _count)).GetAwaiter().GetResult();
                    Array.Clear(texts, 0, _count);
                }
            }
        }

        _count = 0;
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
