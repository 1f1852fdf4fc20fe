using System.Globalization;
using CsvHelper;

namespace ArgMiner.Output;

/// <summary>What a column holds, so every format types it alike (Parquet's column types, JSON's numbers).</summary>
public enum ColumnType
{
    /// <summary>A string (ids, names, labels, text).</summary>
    String,

    /// <summary>A whole number (offsets, indexes, counts), written invariantly.</summary>
    Integer,

    /// <summary>A floating-point number (probabilities, values), written in its shortest round-trip form.</summary>
    Number,
}

/// <summary>
/// One column of an output table: its header, how a row gives its cell and what the cell holds. The CSV, Parquet
/// and workbook writers take their columns from these lists, and documents.jsonl takes the fields of its entity and
/// number objects from them too (<paramref name="JsonName"/>), so a field added to a table reaches every format.
/// </summary>
/// <typeparam name="TRow">What one row is made from.</typeparam>
/// <param name="Header">The header cell.</param>
/// <param name="Value">The cell; null writes an empty cell.</param>
/// <param name="IsText">Cells whose value comes from the input (free text, ids, paths) are neutralised against formula injection; ArgMiner's own values (labels, kinds, numbers) are not.</param>
/// <param name="Type">What the cell holds.</param>
/// <param name="JsonName">Its name in documents.jsonl's nested objects, or null when the nesting already says it (the document id).</param>
/// <param name="Cell">
/// Optional: the same characters as <paramref name="Value"/> (empty where it gives null) without making a string, for the
/// CSV writer's busiest columns (numbers formatted into a scratch buffer, text sliced from the document). CsvTableTests
/// holds every schema column's cell to its value.
/// </param>
public sealed record CsvColumn<TRow>(string Header, Func<TRow, string?> Value, bool IsText = false, ColumnType Type = ColumnType.String, string? JsonName = null, CsvCell<TRow>? Cell = null);

/// <summary>
/// A cell's characters: a slice of something the row holds, or written into <paramref name="scratch"/>
/// (<see cref="CsvCells.ScratchLength"/> characters) and sliced from it.
/// </summary>
/// <typeparam name="TRow">What one row is made from.</typeparam>
/// <param name="row">The row.</param>
/// <param name="scratch">Room for a formatted number.</param>
/// <returns>The cell; empty for an empty cell.</returns>
public delegate ReadOnlySpan<char> CsvCell<TRow>(TRow row, Span<char> scratch);

/// <summary>Cells formatted straight into a scratch buffer, as <see cref="OutputSchema"/>'s string forms write them.</summary>
public static class CsvCells
{
    /// <summary>The scratch buffer's length: any int or four-decimal probability fits.</summary>
    public const int ScratchLength = 64;

    /// <summary>As <see cref="OutputSchema.Int"/>.</summary>
    public static ReadOnlySpan<char> Int(int value, Span<char> scratch) =>
        value.TryFormat(scratch, out var n, default, CultureInfo.InvariantCulture) ? scratch[..n] : OutputSchema.Int(value);

    /// <summary>As <see cref="OutputSchema.Probability"/>.</summary>
    public static ReadOnlySpan<char> Probability(double value, Span<char> scratch) =>
        value.TryFormat(scratch, out var n, "0.0000", CultureInfo.InvariantCulture) ? scratch[..n] : OutputSchema.Probability(value);
}

/// <summary>
/// Writes one CSV table through CsvHelper: UTF-8 with BOM (so Excel reads Unicode), RFC 4180 quoting and
/// CRLF record ends, invariant culture. Columns are a list, so later stages add theirs without a new writer.
/// </summary>
/// <typeparam name="TRow">What one row is made from.</typeparam>
public sealed class CsvTable<TRow> : IDisposable
{
    private readonly AtomicFile _file;
    private readonly CsvWriter _csv;
    // An array, not the caller's IReadOnlyList: a foreach over the interface allocated an enumerator for every row.
    private readonly CsvColumn<TRow>[] _columns;
    private readonly char[] _scratch = new char[CsvCells.ScratchLength];
    private bool _closed;

    /// <summary>Opens the table at <paramref name="path"/> and writes the header.</summary>
    public CsvTable(string path, IReadOnlyList<CsvColumn<TRow>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns];
        _file = new AtomicFile(path);
        _csv = CsvWriter.Create(_file.Stream, Options(CultureInfo.InvariantCulture), true);
        foreach (var column in columns)
        {
            _csv.WriteField(column.Header);
        }

        _csv.EndRecord();
    }

    /// <summary>The settings of every ArgMiner CSV writer, for <paramref name="culture"/>.</summary>
    public static CsvWriterOptions Options(CultureInfo culture) => new()
    {
        WriteByteOrderMark = true,
        NewLine = "\r\n",
        // Also quote cells with leading or trailing spaces, which some readers would otherwise trim.
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        // Neutralisation is ArgMiner's own and applies to text cells only (CsvSafety).
        Injection = CsvInjection.None,
        FormatProvider = culture,
    };

    /// <summary>Writes one row.</summary>
    public void Write(TRow row)
    {
        foreach (var column in _columns)
        {
            if (column.Cell is { } cell)
            {
                // The string-free path: sentences.csv made a string for every number and every sentence's text
                // (issue 12, session 33: about 20 MB of the 4 MB benchmark text's allocations).
                var chars = cell(row, _scratch);
                if (column.IsText && CsvSafety.NeedsGuard(chars))
                {
                    _csv.WriteField(CsvSafety.Neutralise(chars.ToString()));
                }
                else
                {
                    _csv.WriteField(chars);
                }

                continue;
            }

            var value = column.Value(row) ?? string.Empty;
            _csv.WriteField(column.IsText ? CsvSafety.Neutralise(value) : value);
        }

        _csv.EndRecord();
    }

    /// <summary>Finishes the file and gives it its final name.</summary>
    public void Commit()
    {
        _csv.Dispose();
        _closed = true;
        _file.Commit();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            try
            {
                _csv.Dispose();
            }
            catch (IOException)
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
