using System.Globalization;
using ArgMiner.Classification;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Classification;

/// <summary>
/// The featurizer's normalising and token cutting take the commonest chars (lower-case ASCII letters, spaces)
/// first since issue 12; they must do exactly what the code before did, which is kept here as the reference.
/// </summary>
public sealed class NormalizeFastPathTests
{
    private static readonly string[] Tricky =
    [
        string.Empty,
        " ",
        "a",
        "The 1990s saw 2,000 people (12.5%) say \u201cno\u201d \u2014 or didn't they?",
        "I don't think they'll ever admit it, and people's patience isn't endless!",
        "WOW this is SO bad :( Cant believe it... 2019 1850 3000 20201",
        "Na\u00efve caf\u00e9 owners wouldn't've guessed \u2013 could they?",
        "emoji \ud83d\ude00 and a lone \ud83d surrogate, \u00a0non-breaking\tspace\r\nnew line",
        "\u0130stanbul \u00c9COLE \u03a3\u03b9\u03c3\u03c5\u03c6\u03bf\u03c2 MIXED case ABCD abcd",
        "combining e\u0301 marks and digits 0,5 1.000 9'9 o'clock `quoted' \u00b4x\u2032",
        "   leading and trailing   ",
        "!!!??? ... --- \u2026\u2026",
        "x\u0300 \u0300 a\u20ac5 \u00a3 \u00a5 $",
    ];

    [Fact]
    public void GivenTrickyStrings_WhenNormalisedAndCut_ThenTheResultIsTheReferences()
    {
        foreach (var text in Tricky)
        {
            Assert.True(Same(text), text);
        }
    }

    [Fact]
    public void GivenAnyStrings_WhenNormalisedAndCut_ThenTheResultIsTheReferences()
    {
        Prop.ForAll<string>(text => Same(text ?? string.Empty)).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GivenEveryChar_WhenNormalisedBetweenLetters_ThenTheResultIsTheReferences()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            Assert.True(Same("a" + ch + "b " + ch + "A" + ch + ch), $"U+{c:X4}");
        }
    }

    private static bool Same(string text)
    {
        var norm = new char[text.Length];
        var reference = new char[text.Length];
        var surface = SentenceFeaturizer.Normalize(text, norm);
        var expected = ReferenceNormalize(text, reference);
        if (!norm.AsSpan().SequenceEqual(reference)
            || (surface.Caps, surface.Emoji, surface.Shouting, surface.Year, surface.Words, surface.CapitalisedWords, surface.StartsLowercase) != expected)
        {
            return false;
        }

        var tokens = new int[text.Length * 3 + 4];
        var expectedTokens = new int[text.Length * 3 + 4];
        var count = SentenceFeaturizer.Tokenize(norm, tokens);
        return count == ReferenceTokenize(reference, expectedTokens) && tokens.AsSpan(0, count * 2).SequenceEqual(expectedTokens.AsSpan(0, count * 2));
    }

    // The code of SentenceFeaturizer.Normalize and Tokenize before issue 12's fast paths (commit 1225044).
    private static (int Caps, bool Emoji, bool Shouting, bool Year, int Words, int CapitalisedWords, bool StartsLowercase) ReferenceNormalize(ReadOnlySpan<char> text, Span<char> norm)
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

        return (caps, emoji, shouting, year, words, capitalised, startsLower == true);
    }

    private static int ReferenceTokenize(ReadOnlySpan<char> norm, Span<int> tokens)
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

                    // No non-spacing mark lies below U+0300, so ASCII punctuation skips the category lookup.
                    if (char.IsLetterOrDigit(d) || (d >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(d) == UnicodeCategory.NonSpacingMark))
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
