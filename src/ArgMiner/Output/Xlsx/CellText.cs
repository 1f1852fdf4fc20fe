using System.Globalization;
using System.Text;

namespace ArgMiner.Output.Xlsx;

/// <summary>
/// Text as a spreadsheet cell can hold it. A cell holds at most 32,767 characters (Excel's limit; Calc's is the
/// same for import): longer text is cut there, at a character boundary, ending in "…", and counted, so the
/// Summary sheet can say how many cells were cut (the CSV and JSON Lines files keep the whole text, and
/// start/end still give the whole span). XML 1.0 cannot carry most control characters (and readers turn a carriage return into a line feed): they are written in
/// SpreadsheetML's own <c>_xHHHH_</c> escape (ECMA-376 ST_Xstring), which Excel and Calc decode, and a literal
/// <c>_xHHHH_</c> in the text is protected by escaping its underscore; <see cref="Decode"/> undoes both.
/// </summary>
public static class CellText
{
    /// <summary>The most characters a cell holds.</summary>
    public const int MaxLength = 32_767;

    /// <summary>
    /// How many columns <paramref name="value"/> takes on screen, counted up to <paramref name="cap"/>: East Asian wide
    /// and full-width characters and most emoji take two, combining marks and zero-width characters none, any other
    /// character one, a surrogate pair being one character (the Wcwidth package's tables, from the Unicode Character
    /// Database). Until session 39 column widths counted UTF-16 units, so a column of Chinese or Japanese text came out
    /// half as wide as its text.
    /// </summary>
    public static int DisplayWidth(string value, int cap)
    {
        ArgumentNullException.ThrowIfNull(value);
        var width = 0;
        for (var i = 0; i < value.Length && width < cap; i++)
        {
            var c = value[i];
            if (c < 0x300)
            {
                width++; // Latin, the common case: one column
                continue;
            }

            var code = (int)c;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                code = char.ConvertToUtf32(c, value[++i]);
            }

            // -1 for a control character or an unpaired surrogate: it still takes a column as a cell shows it.
            width += Math.Max(Wcwidth.UnicodeCalculator.GetWidth(code), code is >= 0xD800 and <= 0xDFFF ? 1 : 0);
        }

        return Math.Min(width, cap);
    }

    /// <summary>The cell text for <paramref name="value"/>; <paramref name="cut"/> says whether it was shortened.</summary>
    public static string Encode(string value, out bool cut)
    {
        ArgumentNullException.ThrowIfNull(value);
        cut = value.Length > MaxLength;
        if (cut)
        {
            var keep = MaxLength - 1;
            if (char.IsHighSurrogate(value[keep - 1]))
            {
                keep--;
            }

            value = string.Concat(value.AsSpan(0, keep), "…");
        }

        if (!NeedsEscape(value))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (IsEscapeAt(value, i))
            {
                sb.Append("_x005F");
            }
            else if (!IsXmlChar(value, i))
            {
                sb.Append(CultureInfo.InvariantCulture, $"_x{(int)c:X4}_");
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Undoes the <c>_xHHHH_</c> escapes of a cell read from a workbook.</summary>
    public static string Decode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains("_x", StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (IsEscapeAt(value, i))
            {
                sb.Append((char)int.Parse(value.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 6;
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsEscape(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsXmlChar(value, i) || (value[i] == '_' && IsEscapeAt(value, i)))
            {
                return true;
            }
        }

        return false;
    }

    // _xHHHH_ at i.
    private static bool IsEscapeAt(string s, int i) =>
        i + 6 < s.Length && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_'
        && char.IsAsciiHexDigit(s[i + 2]) && char.IsAsciiHexDigit(s[i + 3]) && char.IsAsciiHexDigit(s[i + 4]) && char.IsAsciiHexDigit(s[i + 5]);

    // Characters XML 1.0 allows; a surrogate is allowed only as half of a pair.
    private static bool IsXmlChar(string s, int i)
    {
        var c = s[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
        }

        if (char.IsLowSurrogate(c))
        {
            return i > 0 && char.IsHighSurrogate(s[i - 1]);
        }

        // A carriage return is legal XML but readers turn it into a line feed: it is escaped to survive.
        return c is '\t' or '\n' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }
}
