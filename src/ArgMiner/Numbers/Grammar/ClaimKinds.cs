namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Claim kinds the grammar emits beyond <see cref="ArgMiner.Text.NumericKinds"/>'s (which lives with
/// <see cref="ArgMiner.Text.NumericClaim"/> and should take these constants over): a change from one level to
/// another, a fraction and a multiplier. Numbers/README.md describes each.
/// </summary>
internal static class ClaimKinds
{
    /// <summary>A change from one level to another ("rose from 40 to 55"): <c>Low</c> is the level before, <c>High</c> the level after (lower when it fell).</summary>
    public const string Change = "change";

    /// <summary>A part of a whole ("a third of", "half of"): <c>Value</c> is the share, 1/3 for "a third".</summary>
    public const string Fraction = "fraction";

    /// <summary>A factor ("threefold", "10-fold", "three times higher"): <c>Value</c> is the factor.</summary>
    public const string Multiplier = "multiplier";
}
