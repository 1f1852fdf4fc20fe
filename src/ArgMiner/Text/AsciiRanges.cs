namespace ArgMiner.Text;

/// <summary>
/// Whether a short span (a token, a word) holds characters of one ASCII range, written as plain loops.
/// </summary>
/// <remarks>
/// Not <c>ContainsAnyInRange</c>, <c>ContainsAnyExceptInRange</c> or <c>IndexOfAnyInRange</c>: the published tool's
/// precompiled (ReadyToRun composite) code of those generic methods boxed a char at every call, about 480,000 boxes
/// (11.5 MB) on the 4 MB benchmark text from the numbers stage alone and 3.5 MB from the sentence splitter (issue 12,
/// session 33's allocation trace); the JIT's code does not. Tokens are a few characters long, so vectorising gains
/// nothing here.
/// </remarks>
public static class AsciiRanges
{
    /// <summary>Whether <paramref name="s"/> holds a character in <c>[<paramref name="low"/>, <paramref name="high"/>]</c>.</summary>
    public static bool Any(ReadOnlySpan<char> s, char low, char high)
    {
        foreach (var c in s)
        {
            if ((uint)(c - low) <= (uint)(high - low))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether every character of <paramref name="s"/> is in <c>[<paramref name="low"/>, <paramref name="high"/>]</c>
    /// (true for an empty span, as <c>!ContainsAnyExceptInRange</c> is).
    /// </summary>
    public static bool All(ReadOnlySpan<char> s, char low, char high)
    {
        foreach (var c in s)
        {
            if ((uint)(c - low) > (uint)(high - low))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="s"/> holds an ASCII digit.</summary>
    public static bool AnyDigit(ReadOnlySpan<char> s) => Any(s, '0', '9');
}
