namespace ArgMiner.Output.Xlsx;

/// <summary>
/// The data rows of one table, written as sheet XML (<see cref="SheetRowXml"/>) and deflated as they arrive, while the
/// batch runs, into a temporary file per sheet (<see cref="DeflatingWriter"/>): a sheet's column widths and row count
/// come before its rows in its XML, so the rows are compressed on their own and the XML around them is added when the
/// workbook is assembled (<see cref="WorkbookWriter.Commit"/>). A table with more rows than a sheet holds goes on in
/// the next sheet's piece. Memory stays flat however many rows there are. The temporary files go when closed; a
/// process killed outright leaves them in the hidden staging folder, which the next run removes.
/// </summary>
internal sealed class SheetRows : IDisposable
{
    private readonly string _directory;
    private readonly long _perSheet;
    private readonly string[] _letters;
    private readonly uint[] _styles;
    private readonly Func<int, uint> _style;
    private readonly int[] _widths;
    private readonly List<DeflatedPiece> _sheets = [];
    private DeflatingWriter? _writer;
    private SheetRowXml? _xml;
    private long _inSheet;
    private bool _finished;

    /// <summary>
    /// Opens the rows of table <paramref name="name"/> (its sheets' temporary files go in <paramref name="directory"/>),
    /// at most <paramref name="perSheet"/> rows a sheet below the header; <paramref name="wrap"/> lists the columns whose
    /// text wraps (the others are then aligned to the top).
    /// </summary>
    public SheetRows(string directory, string name, IReadOnlyList<string> headers, long perSheet, IReadOnlySet<int> wrap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSheet, 1);
        _directory = directory;
        Name = name;
        _perSheet = perSheet;
        Headers = headers;
        Wrap = wrap;
        _letters = WorksheetXml.Letters(headers.Count);
        _styles = [.. Enumerable.Range(0, headers.Count).Select(i => WorksheetXml.ColumnStyle(wrap, i))];
        _style = i => _styles[i];
        _widths = [.. headers.Select(h => h.Length)];
    }

    /// <summary>The table's name (its first sheet's).</summary>
    public string Name { get; }

    /// <summary>The header row.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>Columns whose long text wraps.</summary>
    public IReadOnlySet<int> Wrap { get; }

    /// <summary>Rows written so far (without the header).</summary>
    public long Rows { get; private set; }

    /// <summary>Longest cell text per column, header included (for column widths).</summary>
    public IReadOnlyList<int> Widths => _widths;

    /// <summary>Text cells cut to <see cref="CellText.MaxLength"/>.</summary>
    public long CutCells { get; private set; }

    /// <summary>Appends one row; <paramref name="cells"/> holds one (kind, text) per header, and its texts are encoded in place.</summary>
    public void Write((CellKind Kind, string? Value)[] cells)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        for (var i = 0; i < cells.Length; i++)
        {
            var (kind, value) = cells[i];
            if (kind == CellKind.Empty || value is null)
            {
                cells[i] = (CellKind.Empty, null);
                continue;
            }

            if (kind == CellKind.Text)
            {
                value = CellText.Encode(value, out var cut);
                CutCells += cut ? 1 : 0;
                cells[i] = (kind, value);
            }

            _widths[i] = Math.Max(_widths[i], CellText.DisplayWidth(value, WorksheetXml.MaxWidth));
        }

        if (_xml is null || _inSheet == _perSheet)
        {
            EndSheet();
            _writer = new DeflatingWriter(_directory, $"{Name}-rows-{_sheets.Count + 1}");
            _xml = new SheetRowXml(_writer.Stream, WorksheetXml.RowPrefix);
            _inSheet = 0;
        }

        _inSheet++;
        Rows++;
        _xml.Write(_inSheet + 1, _letters, cells, _style);
    }

    /// <summary>
    /// Ends the rows: each sheet's deflated rows in order (left open, for the XML after them), none for a table
    /// without rows. The caller owns the pieces from here.
    /// </summary>
    public IReadOnlyList<DeflatedPiece> Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        EndSheet();
        _finished = true;
        return _sheets;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            _writer?.Dispose();
            _sheets.ForEach(s => s.Dispose());
        }
    }

    private void EndSheet()
    {
        if (_xml is null || _writer is null)
        {
            return;
        }

        _xml.Dispose();
        _xml = null;
        _sheets.Add(_writer.Finish(final: false));
        _writer.Dispose();
        _writer = null;
    }
}
