using System.Globalization;

namespace ArgMiner.Classification;

/// <summary>The featurizer's first two steps over a sentence's chars: normalising them and cutting the tokens.</summary>
public sealed partial class SentenceFeaturizer
{
    internal readonly record struct Surface(int Caps, bool Emoji, bool Shouting, bool Year, int Words, int CapitalisedWords, bool StartsLowercase);

    internal static Surface Normalize(ReadOnlySpan<char> text, Span<char> norm)
    {
        var caps = 0;
        var emoji = false;
        var shouting = false;
        var year = false;
        var wordStart = true;
        var firstWord = true;
        var upperRun = 0;
        var words = 0;
        var capitalised = 0;
        bool? startsLower = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            // The two commonest chars first, each doing exactly what its branch below does (a lower-case ASCII
            // letter: a letter, not upper case; a space: white space): most of a line takes these few steps.
            if ((uint)(c - 'a') <= 'z' - 'a')
            {
                if (wordStart)
                {
                    words++;
                    startsLower ??= true;
                }

                upperRun = 0;
                wordStart = false;
                norm[i] = c;
                continue;
            }

            if (c == ' ')
            {
                upperRun = 0;
                if (!wordStart)
                {
                    firstWord = false;
                }

                wordStart = true;
                norm[i] = c;
                continue;
            }

            var n = c;
            if (char.IsLetter(c))
            {
                if (wordStart)
                {
                    words++;
                    startsLower ??= char.IsLower(c);
                    if (char.IsUpper(c))
                    {
                        capitalised++;
                    }
                }

                if (char.IsUpper(c))
                {
                    if (wordStart && !firstWord)
                    {
                        caps++;
                    }

                    upperRun++;
                    if (upperRun >= 4)
                    {
                        shouting = true;
                    }

                    n = char.ToLowerInvariant(c);
                }
                else
                {
                    upperRun = 0;
                }

                wordStart = false;
            }
            else if (char.IsDigit(c))
            {
                if (c is '1' or '2' && i + 3 < text.Length && (i == 0 || !char.IsDigit(text[i - 1]))
                    && (i + 4 == text.Length || !char.IsDigit(text[i + 4]))
                    && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]) && char.IsDigit(text[i + 3])
                    && ((c == '1' && text[i + 1] is '8' or '9') || (c == '2' && text[i + 1] == '0')))
                {
                    year = true;
                }

                n = '0';
                wordStart = false;
                upperRun = 0;
            }
            else
            {
                upperRun = 0;
                if (char.IsWhiteSpace(c))
                {
                    n = ' ';
                    if (!wordStart)
                    {
                        firstWord = false;
                    }

                    wordStart = true;
                }
                else if (char.IsSurrogate(c))
                {
                    emoji = true;
                    n = '\u25a1';
                }
                else
                {
                    n = c switch
                    {
                        '\u2018' or '\u2019' or '\u201b' or '\u2032' or '`' or '\u00b4' => '\'',
                        '\u201c' or '\u201d' or '\u201e' or '\u00ab' or '\u00bb' or '\u2033' => '"',
                        '\u2013' or '\u2014' or '\u2012' or '\u2212' => '-',
                        '\u2026' => '.',
                        '\u00a0' => ' ',
                        _ => c,
                    };
                    if (n != '\'')
                    {
                        if (!wordStart)
                        {
                            firstWord = false;
                        }

                        wordStart = true;
                    }
                }
            }

            norm[i] = n;
        }

        return new Surface(caps, emoji, shouting, year, words, capitalised, startsLower == true);
    }

    /// <summary>Writes (start, length) pairs of word and punctuation tokens; returns the token count.</summary>
    internal static int Tokenize(ReadOnlySpan<char> norm, Span<int> tokens)
    {
        var count = 0;
        var i = 0;
        while (i < norm.Length)
        {
            var c = norm[i];
            if (c == ' ' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < norm.Length)
                {
                    var d = norm[i];

                    // No non-spacing mark lies below U+0300, so ASCII punctuation skips the category lookup; a
                    // lower-case ASCII letter (most chars) is tested first.
                    if ((uint)(d - 'a') <= 'z' - 'a' || char.IsLetterOrDigit(d) || (d >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark))
                    {
                        i++;
                    }
                    else if (i + 1 < norm.Length && char.IsLetterOrDigit(norm[i + 1])
                        && (d == '\'' || ((d == ',' || d == '.') && norm[i - 1] == '0' && norm[i + 1] == '0')))
                    {
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }
            }
            else
            {
                i++;
                while (i < norm.Length && norm[i] == c && i - start < 3)
                {
                    i++;
                }
            }

            tokens[count * 2] = start;
            tokens[count * 2 + 1] = i - start;
            count++;
        }

        return count;
    }
}
