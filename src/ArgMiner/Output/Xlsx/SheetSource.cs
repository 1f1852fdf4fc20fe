namespace ArgMiner.Output.Xlsx;

/// <summary>One sheet to write: its name, header, rows and how it is laid out.</summary>
internal sealed record SheetSource
{
    /// <summary>The tab's name.</summary>
    public required string Name { get; init; }

    /// <summary>The header row.</summary>
    public required IReadOnlyList<string> Headers { get; init; }

    /// <summary>Longest cell text per column (for widths).</summary>
    public required IReadOnlyList<int> Widths { get; init; }

    /// <summary>Rows below the header.</summary>
    public required long RowCount { get; init; }

    /// <summary>The rows below the header (each array may be reused by the next row).</summary>
    public required IEnumerable<(CellKind Kind, string? Value)[]> Rows { get; init; }

    /// <summary>Column of the sentence label (list validation, label colours), or -1.</summary>
    public int LabelColumn { get; init; } = -1;

    /// <summary>Columns whose long text wraps (e.g. the sentence).</summary>
    public IReadOnlySet<int> WrapColumns { get; init; } = new HashSet<int>();

    /// <summary>Whether the sheet has an autofilter over its rows.</summary>
    public bool Filter { get; init; } = true;

    /// <summary>Relationship id of the sheet's drawing (the Summary chart), or null.</summary>
    public string? DrawingId { get; init; }
}
