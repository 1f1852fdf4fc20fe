using System.Globalization;

namespace ArgMiner.Text;

/// <summary>
/// A number a sentence stakes its case on, normalised ("more than 180 such attacks since October 2023").
/// Offsets are UTF-16 indexes into the document text, <c>[Start, End)</c>, on token boundaries.
/// The span is what a reader would highlight as the figure: the qualifier words, the amount and its unit
/// ("more than 180", "roughly $1 billion", "35 percent", "1,500–3,000", "between 2 and 3 million"); the
/// counted noun, the period, the time anchor and the source are fields, not part of the span.
/// </summary>
public sealed record NumericClaim
{
    /// <summary>First character.</summary>
    public required int Start { get; init; }

    /// <summary>One past the last character.</summary>
    public required int End { get; init; }

    /// <summary>First character of the quantity without its qualifier words ("$1 billion" in "roughly $1 billion").</summary>
    public int QuantityStart { get; init; }

    /// <summary>One past the last character of the quantity without its qualifier words.</summary>
    public int QuantityEnd { get; init; }

    /// <summary>Index of its sentence in <c>Document.Sentences</c>.</summary>
    public required int Sentence { get; init; }

    /// <summary>count, money, percent, range, ordinal or measure; change, fraction or multiplier (Numbers/README.md).</summary>
    public required string Kind { get; init; }

    /// <summary>The value, for a single number (money in whole units of <see cref="Unit"/>, percent as 35 for 35%, a fraction as its share, a multiplier as its factor).</summary>
    public double? Value { get => _value; init => _value = Decimal(value); }

    /// <summary>The lower bound, for a range.</summary>
    public double? Low { get => _low; init => _low = Decimal(value); }

    /// <summary>The upper bound, for a range.</summary>
    public double? High { get => _high; init => _high = Decimal(value); }

    private readonly double? _value;
    private readonly double? _low;
    private readonly double? _high;

    /// <summary>more_than, at_least, approximately, less_than, at_most or exactly ("equal to 20").</summary>
    public string? Qualifier { get; init; }

    /// <summary>
    /// ISO currency code (money), measurement unit (measure: km, miles, kg, t, barrels, year…), "%" or "pp"
    /// (percentage points) for percents; a range carries the unit of its bounds.
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>year, month, week or day (or hour, quarter, decade), for a rate.</summary>
    public string? Period { get; init; }

    /// <summary>The counted noun ("attacks", "troops"), for counts and ranges of counts.</summary>
    public string? Counted { get; init; }

    /// <summary>The time anchor the sentence gives, with its preposition ("since October 2023", "as of mid-2025").</summary>
    public string? Time { get; init; }

    /// <summary>Who the sentence attributes the figure to ("UN reporting", "U.S. officials").</summary>
    public string? Source { get; init; }

    /// <summary>
    /// The decimal a figure written in text means, where binary arithmetic missed it by a rounding error: the grammar
    /// scales the digits it reads ("2.05" times a million), and 2.05 × 10⁶ is 2049999.9999999998 in binary, which every
    /// output wrote so ("$2.05 million" in numbers.csv, the report and Parquet; 17 of the IBM articles' 62,531 claims).
    /// A value within two units in the last place of its 15-significant-digit rounding, where that rounding ends in at
    /// least two zeros (at most 13 digits remain), is that rounding; a true fraction keeps every digit ("one in 11",
    /// 0.09090909090909091, is within a unit of 0.0909090909090909 but is no rounding error of a shorter decimal).
    /// </summary>
    public static double? Decimal(double? value)
    {
        if (value is not { } v || !double.IsFinite(v) || v == 0)
        {
            return value;
        }

        var text = v.ToString("G15", CultureInfo.InvariantCulture);
        var rounded = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        var unit = Math.BitIncrement(Math.Abs(v)) - Math.Abs(v);
        return double.IsFinite(rounded) && Math.Abs(rounded - v) <= 2 * unit && SignificantDigits(text) <= 13 ? rounded : v;
    }

    // The significant digits of a number as written ("2050000" has 3, "1.5E-07" 2).
    private static int SignificantDigits(string number)
    {
        var mantissa = number.AsSpan(0, number.IndexOfAny(['E', 'e']) is var e and >= 0 ? e : number.Length);
        var first = mantissa.IndexOfAny("123456789");
        var last = mantissa.LastIndexOfAny("123456789");
        if (first < 0)
        {
            return 0;
        }

        var dot = mantissa.IndexOf('.');
        return last - first + 1 - (dot > first && dot < last ? 1 : 0);
    }
}

/// <summary>Claim kinds.</summary>
public static class NumericKinds
{
    /// <summary>A number of things.</summary>
    public const string Count = "count";

    /// <summary>An amount of money.</summary>
    public const string Money = "money";

    /// <summary>A percentage or percentage points.</summary>
    public const string Percent = "percent";

    /// <summary>Two bounds.</summary>
    public const string Range = "range";

    /// <summary>A rank ("first", "21st").</summary>
    public const string Ordinal = "ordinal";

    /// <summary>A measurement with a unit (km, kg, barrels, years).</summary>
    public const string Measure = "measure";
}

/// <summary>
/// A date or year the numbers grammar recognised so that it is never read as a quantity ("December 2019",
/// "mid-2025", "the 2011 withdrawal" → "2011"). The entity stage may add these as DATE entities.
/// </summary>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Sentence">Index of its sentence.</param>
public readonly record struct DateSpan(int Start, int End, int Sentence);

/// <summary>
/// Digits the numbers grammar read as a code, not as a quantity or a date: a phone number ("+44 20 7946 0000") or a
/// score or tally ("3-1"). An entity recogniser's DATE inside one is dropped by the numbers stage.
/// </summary>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Sentence">Index of its sentence.</param>
public readonly record struct CodeSpan(int Start, int End, int Sentence);

/// <summary>
/// A bare numeral with its value ("2.5 million" → 2500000, "twenty-one" → 21), before any unit or qualifier is
/// attached: the layer Microsoft.Recognizers.Text's NumberModel reports.
/// </summary>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Value">The value.</param>
public readonly record struct Numeral(int Start, int End, double Value);
