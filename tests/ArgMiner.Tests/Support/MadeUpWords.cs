namespace ArgMiner.Tests.Support;

/// <summary>Distinct made-up words for tests that need many word types (the word caches' limits).</summary>
internal static class MadeUpWords
{
    /// <summary>A number written in base-26 letters ("a", "b", …, "ba"): a word with no digits, which the caches treat as any word.</summary>
    public static string Letters(int i)
    {
        var s = string.Empty;
        do
        {
            s = (char)('a' + (i % 26)) + s;
            i /= 26;
        }
        while (i > 0);
        return s;
    }
}
