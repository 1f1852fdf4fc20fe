namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// A number written in digits, lexed once from one token or a run of touching pieces ("1,500", "1" "," "500",
/// "2.5bn", "21st", "1990s"): its value and what the characters glued after it say.
/// </summary>
internal struct NumberLiteral
{
    /// <summary>One past its last token.</summary>
    public int End;

    /// <summary>The value of the digits (before any scale suffix).</summary>
    public double Value;

    /// <summary>Whether a literal starts at this token.</summary>
    public bool Valid;

    /// <summary>A code, list or name rather than an amount ("F-16" pieces, "1.2.3", "5G", 41+ digits).</summary>
    public bool Identifier;

    /// <summary>Whether it has no decimal point.</summary>
    public bool Integer;

    /// <summary>Whether it groups thousands with commas ("1,500").</summary>
    public bool Grouped;

    /// <summary>Digits before the decimal point.</summary>
    public int IntDigits;

    /// <summary>Whether it starts with a zero followed by a digit ("07").</summary>
    public bool LeadingZero;

    /// <summary>What is glued after the digits.</summary>
    public LiteralSuffix Suffix;

    /// <summary>The multiplier of a <see cref="LiteralSuffix.Scale"/> suffix ("k" → 1000).</summary>
    public double Scale;

    /// <summary>The unit or ISO currency code of a <see cref="LiteralSuffix.Unit"/> or <see cref="LiteralSuffix.Currency"/> suffix.</summary>
    public string? Unit;

    /// <summary>The ISO code of a currency glued before the digits ("RM45,000" → MYR), if any.</summary>
    public string? PrefixCurrency;
}

/// <summary>What is glued after a literal's digits.</summary>
internal enum LiteralSuffix
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>"st", "nd", "rd", "th".</summary>
    Ordinal,

    /// <summary>"k", "M", "bn", "tn"…</summary>
    Scale,

    /// <summary>"m": millions after a currency, metres otherwise.</summary>
    MetreOrMillion,

    /// <summary>A measurement unit ("km", "kg", "t").</summary>
    Unit,

    /// <summary>A currency symbol or code ("€", "USD").</summary>
    Currency,

    /// <summary>"%" or "pc".</summary>
    Percent,

    /// <summary>"s" or "'s" after a round number of two or four digits ("1990s", "90s").</summary>
    Decade,

    /// <summary>Anything else: the literal is a name ("5G", "3D").</summary>
    Unknown,
}
