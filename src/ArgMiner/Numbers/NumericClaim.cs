namespace ArgMiner.Numbers;

/// <summary>
/// A number a sentence stakes its case on, normalised ("more than 180 such attacks since October 2023").
/// Offsets are UTF-16 indexes into the document text, <c>[Start, End)</c>, on token boundaries.
/// </summary>
public sealed record NumericClaim
{
    /// <summary>First character.</summary>
    public required int Start { get; init; }

    /// <summary>One past the last character.</summary>
    public required int End { get; init; }

    /// <summary>Index of its sentence in <c>Document.Sentences</c>.</summary>
    public required int Sentence { get; init; }

    /// <summary>count, money, percent, range, ordinal or measure.</summary>
    public required string Kind { get; init; }

    /// <summary>The value, for a single number.</summary>
    public double? Value { get; init; }

    /// <summary>The lower bound, for a range.</summary>
    public double? Low { get; init; }

    /// <summary>The upper bound, for a range.</summary>
    public double? High { get; init; }

    /// <summary>more_than, at_least, approximately, less_than or at_most.</summary>
    public string? Qualifier { get; init; }

    /// <summary>ISO currency code or measurement unit.</summary>
    public string? Unit { get; init; }

    /// <summary>year, month, week or day, for a rate.</summary>
    public string? Period { get; init; }

    /// <summary>The counted noun ("attacks", "troops").</summary>
    public string? Counted { get; init; }

    /// <summary>The time anchor the sentence gives ("since October 2023").</summary>
    public string? Time { get; init; }

    /// <summary>Who the sentence attributes the figure to ("UN reporting").</summary>
    public string? Source { get; init; }
}
