namespace ArgMiner.Numbers.Grammar;

/// <summary>An amount with what it measures: a count, money, a percent, a measure or a rank.</summary>
internal struct Quantity
{
    /// <summary>First token (a currency before the amount included).</summary>
    public int Start;

    /// <summary>One past the last token (the unit, currency or percent word included).</summary>
    public int End;

    /// <summary>One of <see cref="NumericKinds"/>.</summary>
    public string Kind;

    /// <summary>The value in whole units (money in whole units of its currency, cents as hundredths).</summary>
    public double Value;

    /// <summary>ISO currency code, "%" or "pp", or the measurement unit.</summary>
    public string? Unit;

    /// <summary>The amount read.</summary>
    public Amount Amount;

    /// <summary>A vague count ("hundreds of").</summary>
    public bool Vague;
}
