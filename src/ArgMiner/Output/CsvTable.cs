using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace ArgMiner.Output;

/// <summary>One column of an output table: its header and how a row gives its cell.</summary>
/// <typeparam name="TRow">What one row is made from.</typeparam>
/// <param name="Header">The header cell.</param>
/// <param name="Value">The cell; null writes an empty cell.</param>
/// <param name="IsText">Text cells are neutralised against formula injection; numeric cells are not.</param>
public sealed record CsvColumn<TRow>(string Header, Func<TRow, string?> Value, bool IsText = false);

/// <summary>
/// Writes one CSV table through CsvHelper: UTF-8 with BOM (so Excel reads Unicode), RFC 4180 quoting and
/// CRLF record ends, invariant culture. Columns are a list, so later stages add theirs without a new writer.
/// </summary>
/// <typeparam name="TRow">What one row is made from.</typeparam>
public sealed class CsvTable<TRow> : IDisposable
{
    private readonly AtomicFile _file;
    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<CsvColumn<TRow>> _columns;
    private bool _closed;

    /// <summary>Opens the table at <paramref name="path"/> and writes the header.</summary>
    public CsvTable(string path, IReadOnlyList<CsvColumn<TRow>> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
        _file = new AtomicFile(path);
        _writer = new StreamWriter(_file.Stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        _csv = new CsvWriter(_writer, Configuration(CultureInfo.InvariantCulture));
        foreach (var column in columns)
        {
            _csv.WriteField(column.Header);
        }

        _csv.NextRecord();
    }

    /// <summary>The settings of every ArgMiner CSV writer, for <paramref name="culture"/>.</summary>
    public static CsvConfiguration Configuration(CultureInfo culture) => new(culture)
    {
        NewLine = "\r\n",
        // Neutralisation is ArgMiner's own and applies to text cells only (CsvSafety).
        InjectionOptions = InjectionOptions.None,
        ShouldQuote = args => NeedsQuotes(args.Field),
    };

    /// <summary>Writes one row.</summary>
    public void Write(TRow row)
    {
        foreach (var column in _columns)
        {
            var value = column.Value(row) ?? string.Empty;
            _csv.WriteField(column.IsText ? CsvSafety.Neutralise(value) : value);
        }

        _csv.NextRecord();
    }

    /// <summary>Finishes the file and gives it its final name.</summary>
    public void Commit()
    {
        _csv.Dispose();
        _writer.Dispose();
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
                _writer.Dispose();
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

    // RFC 4180: quote a field holding a comma, a quote or a line break; also leading or trailing spaces,
    // which some readers would otherwise trim.
    private static bool NeedsQuotes(string? field) =>
        field is { Length: > 0 } f
        && (f.AsSpan().IndexOfAny(",\"\r\n") >= 0 || f[0] == ' ' || f[^1] == ' ');
}
