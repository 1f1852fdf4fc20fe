namespace ArgMiner.Numbers.Grammar;

/// <summary>A number read at some tokens, before a currency, percent or unit word around it is looked at.</summary>
internal struct Amount
{
    /// <summary>First token.</summary>
    public int Start;

    /// <summary>One past the last token.</summary>
    public int End;

    /// <summary>The value with its scale ("2.5 million" → 2500000).</summary>
    public double Value;

    /// <summary>
    /// The value without its last scale word ("3 million" → 3), so that a bare first bound of a range can take
    /// the second's scale ("2 to 3 million").
    /// </summary>
    public double BaseValue;

    /// <summary>Whether a scale multiplied it ("million", "k", "hundred", "dozen").</summary>
    public bool HasScale;

    /// <summary>Whether it is written in words ("twenty-one", "hundreds of").</summary>
    public bool Words;

    /// <summary>Whether it is a rank ("3rd", "twenty-first").</summary>
    public bool Ordinal;

    /// <summary>Whether its value is whole.</summary>
    public bool Integer;

    /// <summary>The word "one" alone, which is often a pronoun or determiner.</summary>
    public bool BareOne;

    /// <summary>Four digits between 1000 and 2199 with nothing glued: it may be a year.</summary>
    public bool YearLike;

    /// <summary>A vague count ("hundreds of": 100 to 1,000, <see cref="Value"/> to <see cref="VagueHigh"/>).</summary>
    public bool Vague;

    /// <summary>The upper end of a vague count, one order of magnitude above its low end (<see cref="Value"/>): "tens of thousands" 10,000 to 100,000, "hundreds" 100 to 1,000; 0 for others.</summary>
    public double VagueHigh;

    /// <summary>Whether a unit or currency is glued to the digits ("3m", "100€").</summary>
    public bool GluedUnit;

    /// <summary>Whether the digits start with a zero ("07").</summary>
    public bool LeadingZero;

    /// <summary>The glued measurement unit, if any.</summary>
    public string? Unit;

    /// <summary>The glued currency's ISO code, if any.</summary>
    public string? Currency;

    /// <summary>Whether "%" is glued to it.</summary>
    public bool Percent;
}
