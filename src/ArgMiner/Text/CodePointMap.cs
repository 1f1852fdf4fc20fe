namespace ArgMiner.Text;

/// <summary>
/// Converts UTF-16 offsets (what .NET strings index) to Unicode code point offsets (what every output
/// file uses, so that Python or JavaScript slicing by code point gets the same substring, emoji
/// included). Texts without surrogate pairs, nearly all of them, map to themselves at no cost.
/// </summary>
public sealed class CodePointMap
{
    // Positions (UTF-16) of the low surrogates of each pair, ascending; empty for BMP-only text.
    private readonly int[] _lowSurrogates;

    /// <summary>Builds the map for <paramref name="text"/> in one pass.</summary>
    public CodePointMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<int>? lows = null;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                (lows ??= []).Add(i + 1);
                i++;
            }
        }

        _lowSurrogates = lows?.ToArray() ?? [];
    }

    /// <summary>True when UTF-16 and code point offsets coincide.</summary>
    public bool IsIdentity => _lowSurrogates.Length == 0;

    /// <summary>The code point offset of UTF-16 offset <paramref name="utf16Offset"/>.</summary>
    public int ToCodePoint(int utf16Offset)
    {
        if (_lowSurrogates.Length == 0)
        {
            return utf16Offset;
        }

        // Every low surrogate strictly before the offset is one UTF-16 unit that is not a code point.
        var idx = Array.BinarySearch(_lowSurrogates, utf16Offset);
        var before = idx >= 0 ? idx : ~idx;
        return utf16Offset - before;
    }
}
