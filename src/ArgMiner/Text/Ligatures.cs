namespace ArgMiner.Text;

/// <summary>
/// Typographic ligatures (U+FB00–U+FB06: "ﬀ", "ﬁ", "ﬂ", "ﬃ", "ﬄ", "ﬅ", "ﬆ") and the letters they stand for. Fonts draw
/// "fi" and "ff" as one glyph, and text copied out of a PDF often keeps the glyph's character: "ﬁnancial" and "traﬃc"
/// are then no words any model has seen. The PDF reader spells them out in the document's text; text from anywhere else
/// is kept exactly as written, and the stages that read words spell them out for themselves.
/// </summary>
public static class Ligatures
{
    private static readonly string[] Letters = ["ff", "fi", "fl", "ffi", "ffl", "st", "st"];

    /// <summary>Whether <paramref name="text"/> holds a ligature (one vectorised pass; false for almost every text).</summary>
    public static bool Any(ReadOnlySpan<char> text) => text.IndexOfAnyInRange('\uFB00', '\uFB06') >= 0;

    /// <summary>The letters <paramref name="c"/> stands for, or null when it is no ligature.</summary>
    public static string? LettersOf(char c) => c is >= '\uFB00' and <= '\uFB06' ? Letters[c - '\uFB00'] : null;

    /// <summary><paramref name="text"/> with every ligature spelt out in its letters.</summary>
    public static string SpellOut(ReadOnlySpan<char> text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (LettersOf(c) is { } letters)
            {
                sb.Append(letters);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
