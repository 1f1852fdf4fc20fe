using System.Globalization;

namespace ArgMiner.Output.Xlsx;

/// <summary>What a spooled cell holds.</summary>
internal enum CellKind : byte
{
    /// <summary>No value.</summary>
    Empty,

    /// <summary>Text, written as a string cell.</summary>
    Text,

    /// <summary>An invariant number, written as a numeric cell.</summary>
    Number,
}

/// <summary>
/// The Summary's per-document rows, kept in a temporary file beside the outputs until the workbook is assembled: they
/// come after a totals row that is known only at the end, so the Summary is written whole then (the data tables'
/// rows are deflated as they arrive instead: <see cref="SheetRows"/>). Memory stays flat however many rows there
/// are. The file is deleted when closed; a process killed outright leaves it in the hidden staging folder, which the
/// next run removes.
/// </summary>
internal sealed class SheetSpool : IDisposable
{
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private readonly int[] _widths;
    private bool _disposed;

    /// <summary>Opens a spool for rows of <paramref name="headers"/>.Count cells in <paramref name="directory"/>.</summary>
    public SheetSpool(string directory, string name, IReadOnlyList<string> headers)
    {
        Headers = headers;
        _widths = [.. headers.Select(h => h.Length)];
        var path = Path.Combine(directory, "." + name + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".spool");
        _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>The header row.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Rows written so far (without the header).</summary>
    public long Rows { get; private set; }

    /// <summary>Longest cell text per column, header included (for column widths).</summary>
    public IReadOnlyList<int> Widths => _widths;

    /// <summary>Text cells cut to <see cref="CellText.MaxLength"/>.</summary>
    public long CutCells { get; private set; }

    /// <summary>Appends one row; <paramref name="cells"/> holds one (kind, text) per header.</summary>
    public void Write(ReadOnlySpan<(CellKind Kind, string? Value)> cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            var (kind, value) = cells[i];
            if (kind == CellKind.Empty || value is null)
            {
                _writer.Write((byte)CellKind.Empty);
                continue;
            }

            if (kind == CellKind.Text)
            {
                value = CellText.Encode(value, out var cut);
                CutCells += cut ? 1 : 0;
            }

            _writer.Write((byte)kind);
            _writer.Write(value);
            _widths[i] = Math.Max(_widths[i], CellText.DisplayWidth(value, WorksheetXml.MaxWidth));
        }

        Rows++;
    }

    /// <summary>Reads the rows back, in order, into a reused buffer.</summary>
    public IEnumerable<(CellKind Kind, string? Value)[]> Read()
    {
        _writer.Flush();
        _file.Position = 0;
        using var reader = new BinaryReader(_file, System.Text.Encoding.UTF8, leaveOpen: true);
        var row = new (CellKind, string?)[Headers.Count];
        for (long r = 0; r < Rows; r++)
        {
            for (var i = 0; i < row.Length; i++)
            {
                var kind = (CellKind)reader.ReadByte();
                row[i] = (kind, kind == CellKind.Empty ? null : reader.ReadString());
            }

            yield return row;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer.Dispose();
        _file.Dispose();
    }
}
