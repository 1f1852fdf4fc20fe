using System.Globalization;
using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Fractions and multipliers. Fractions (kind fraction, the share as value): "a third (of)", "two thirds",
/// "two-thirds", "one-quarter", "half (of the)", "cut by half", "more than half", "2/3 of", "one in five", "nine
/// out of ten". Multipliers (kind multiplier, the factor as value): "threefold", "10-fold", "three times higher",
/// "3 times as many", "2.5x larger", "twice as likely". Not fractions: ranks and periods ("a third term", "the
/// fourth quarter", "the first half", "the last three quarters"); "half a million" is a count
/// (<see cref="NumberWords"/>).
/// </summary>
internal static class ProportionReader
{
    /// <summary>
    /// A fraction at <paramref name="i"/>: its share (1/3 for "a third") and the token after it.
    /// <paramref name="qualified"/> when a qualifier precedes it, so that a bare "half" needs nothing after it
    /// ("more than half said").
    /// </summary>
    internal static bool TryReadFraction(in SentenceView sentence, int i, bool qualified, out double value, out int end) =>
        TryReadShare(sentence, i, qualified, out value, out end) && !OfAScale(sentence, end, out _);

    /// <summary>
    /// A fraction of a scale at <paramref name="i"/>, which is a number: "a quarter of a million" (250,000), "three
    /// quarters of a billion"; its value and the token after it.
    /// </summary>
    internal static bool TryReadFractionOfScale(in SentenceView sentence, int i, out double value, out int end)
    {
        if (!TryReadShare(sentence, i, false, out var share, out var shareEnd) || !OfAScale(sentence, shareEnd, out var scale))
        {
            value = 0;
            end = i;
            return false;
        }

        value = share * scale;
        end = shareEnd + 3;
        return true;
    }

    /// <summary>"of a million", "of a billion"… at <paramref name="i"/> (a thousand or more, in words).</summary>
    private static bool OfAScale(in SentenceView sentence, int i, out double scale)
    {
        scale = 0;
        return sentence.WordIs(i, "of") && (sentence.WordIs(i + 1, "a") || sentence.WordIs(i + 1, "an"))
            && TryLookup(Scales, sentence.Word(i + 2), out scale) && scale >= 1e3 && sentence.Word(i + 2).Length > 3;
    }

    /// <summary>A share at <paramref name="i"/>, whatever follows it (see <see cref="TryReadFraction"/>).</summary>
    private static bool TryReadShare(in SentenceView sentence, int i, bool qualified, out double value, out int end)
    {
        value = 0;
        end = i;
        if (i >= sentence.Count || sentence.DateEnds[i] > 0)
        {
            return false;
        }

        if (sentence.WordIs(i, "half"))
        {
            return TryReadHalf(sentence, i, qualified, out value, out end);
        }

        if (TryReadSlashFraction(sentence, i, qualified, out value, out end) || TryReadRatio(sentence, i, out value, out end))
        {
            return true;
        }

        // A numerator in words: "a", "an", "one" … "nineteen" ("3 quarters" are periods).
        double numerator;
        if (sentence.WordIs(i, "a") || sentence.WordIs(i, "an"))
        {
            numerator = 1;
        }
        else if (sentence.StartsWithLetter(i) && TryLookup(Cardinals, sentence.Word(i), out var n) && n is > 0 and < 20)
        {
            numerator = n;
        }
        else
        {
            return false;
        }

        // "a half" after "and" is the half of "two and a half".
        if (sentence.WordIs(i - 1, "and"))
        {
            return false;
        }

        var k = i + 1;
        if (sentence.IsDash(k) && sentence.TouchesPrevious(k) && sentence.TouchesPrevious(k + 1))
        {
            k++;
        }

        if (!TryDenominator(sentence.Word(k), out var denominator, out var plural) || plural != (numerator > 1) || (denominator == 2 && numerator > 1))
        {
            return false;
        }

        // "the three quarters", "the last two halves": periods, not shares; so are quarters of a span of time that
        // share nothing out ("grew over three quarters", "in two quarters"; "over three quarters of voters" is a share).
        if (denominator is 2 or 4 && IsIn(PeriodDeterminers, sentence.Word(i - 1)))
        {
            return false;
        }

        if (denominator == 4 && plural && IsQuartersOfTime(sentence, i, k))
        {
            return false;
        }

        // "fell by a quarter over five years", "cut by a third last year": after "by" a singular fraction is the size
        // of a change when a preposition or time word follows it ("separated by a third member", "by a third party"
        // and "by a third-person view" are ranks).
        var byChange = !plural && sentence.WordIs(i - 1, "by") && IsIn(AfterChangeSize, sentence.Word(k + 1));

        // "a third term", "a quarter century" are ranks and periods: a singular denominator after "a" must end the
        // phrase or lead to "of", "more"…; after "one" (or hyphenated: "one-third") or a qualifier ("just over a third
        // said") it is a share anyway.
        if (!plural && !byChange && !IsIn(FractionFollowers, sentence.Word(k + 1)) && !EndsClause(sentence, k + 1)
            && !((sentence.WordIs(i, "one") || k > i + 1 || (qualified && !IsIn(PeriodDeterminers, sentence.Word(k + 1)) && !TryLookup(PeriodNouns, sentence.Word(k + 1), out _) && !TryLookup(Units, sentence.Word(k + 1), out _)))
                 && !sentence.IsDash(k + 1)))
        {
            return false;
        }

        value = numerator / denominator;
        end = k + 1;
        return true;
    }

    /// <summary>
    /// Whether the number at <paramref name="i"/> and "quarters" at <paramref name="quarters"/> are quarters of a year
    /// after a preposition of a span ("grew over three quarters", "fell in two quarters"), not a share: nothing that a
    /// share needs ("of", "the", "more"…) follows. <see cref="NumberWords"/> reads them as a count of quarters.
    /// </summary>
    internal static bool IsQuartersOfTime(in SentenceView sentence, int i, int quarters) =>
        i > 0 && IsIn(SpanPrepositions, sentence.Word(i - 1)) && !IsIn(FractionFollowers, sentence.Word(quarters + 1)) && !sentence.IsDash(quarters + 1);

    /// <summary>
    /// A multiplier at <paramref name="i"/>: "threefold", "10-fold", "2.5-fold", "three times higher", "3 times
    /// as many", "2.5x larger", "twice as likely"; its factor and the token after it.
    /// </summary>
    internal static bool TryReadMultiplier(in SentenceView sentence, int i, out double factor, out int end)
    {
        factor = 0;
        end = i;
        if (i >= sentence.Count || sentence.DateEnds[i] > 0)
        {
            return false;
        }

        // "threefold", "tenfold", "hundredfold".
        var word = sentence.Word(i);
        if (word.Length > 4 && word.EndsWith("fold", StringComparison.OrdinalIgnoreCase) && sentence.StartsWithLetter(i))
        {
            var stem = word[..^4];
            if (stem.EndsWith('-'))
            {
                stem = stem[..^1];
            }

            if (TryLookup(Cardinals, stem, out var c) && c > 1)
            {
                factor = c;
            }
            else if (TryLookup(Scales, stem, out var s) && stem.Length > 3)
            {
                factor = s;
            }
            else
            {
                return false;
            }

            end = i + 1;
            return true;
        }

        // "twice as many", "thrice the size".
        if ((sentence.WordIs(i, "twice") || sentence.WordIs(i, "thrice")) && IsIn(Comparisons, sentence.Word(i + 1)))
        {
            factor = sentence.WordIs(i, "twice") ? 2 : 3;
            end = i + 1;
            return true;
        }

        // A number, then "-fold", "times" or a glued "x" before a comparison.
        int after;
        var literal = sentence.Literals[i];
        if (literal.Valid && !literal.Identifier && literal.Suffix == LiteralSuffix.None && literal.PrefixCurrency is null)
        {
            factor = literal.Value;
            after = literal.End;
        }
        else if (sentence.StartsWithLetter(i) && TryLookup(Cardinals, word, out var w) && w > 1)
        {
            factor = w;
            after = i + 1;
        }
        else
        {
            return false;
        }

        if (factor <= 0)
        {
            return false;
        }

        // "10-fold", "four-fold".
        if (sentence.IsDash(after) && sentence.TouchesPrevious(after) && sentence.TouchesPrevious(after + 1) && sentence.WordIs(after + 1, "fold"))
        {
            end = after + 2;
            return true;
        }

        if ((sentence.WordIs(after, "times") || (sentence.Word(after) is "x" or "X" or "×" && sentence.TouchesPrevious(after))) && IsIn(Comparisons, sentence.Word(after + 1)))
        {
            end = after + 1;
            return true;
        }

        return false;
    }

    /// <summary>
    /// "half" at <paramref name="i"/> as a share: before "of", "the", "their"… ("half of the budget", "half the
    /// staff"), at the end of a clause after "by" or "in" ("cut by half"), or after a qualifier ("more than half
    /// said"); not "a half", "the first half", "half a million" or "half-time".
    /// </summary>
    private static bool TryReadHalf(in SentenceView sentence, int i, bool qualified, out double value, out int end)
    {
        value = 0.5;
        end = i + 1;
        var before = sentence.Word(i - 1);
        if (sentence.WordIs(i - 1, "a") || sentence.WordIs(i - 1, "an") || sentence.WordIs(i - 1, "and") || sentence.WordIs(i - 1, "one")
            || IsIn(PeriodDeterminers, before) || TryLookup(Ordinals, before, out _) || (sentence.IsDash(i + 1) && sentence.TouchesPrevious(i + 1)))
        {
            return false;
        }

        var next = sentence.Word(i + 1);
        if (IsIn(FractionFollowers, next) || ((sentence.WordIs(i - 1, "by") || sentence.WordIs(i - 1, "in")) && EndsClause(sentence, i + 1)))
        {
            return true;
        }

        // "more than half said", "nearly half." — but "almost half a million" is a count, "about half an hour" a time.
        return qualified && !sentence.WordIs(i + 1, "a") && !sentence.WordIs(i + 1, "an") && !TryLookup(Units, next, out _) && !TryLookup(PeriodNouns, next, out _);
    }

    /// <summary>
    /// "2/3", "1/4" in one token, the numerator below the denominator (at most 100), or a vulgar fraction ("⅓", "¾"), before "of", "the", "more"…
    /// or after a qualifier: "2/3 of voters", "nearly 1/4"; "9/11", "24/7" and dates are not shares.
    /// </summary>
    private static bool TryReadSlashFraction(in SentenceView sentence, int i, bool qualified, out double value, out int end)
    {
        value = 0;
        end = i + 1;
        var word = sentence.Word(i);
        // "⅓ of the seats", "¾ the size": a vulgar fraction alone is a share as "1/3" is.
        var share = word.Length == 1 ? LiteralLexer.VulgarFraction(word[0]) : LiteralLexer.ProperFraction(word, 100);
        if (share == 0 || (!qualified && !IsIn(FractionFollowers, sentence.Word(i + 1)) && !sentence.WordIs(i + 1, "majority")))
        {
            return false;
        }

        value = share;
        return true;
    }

    /// <summary>
    /// "one in five", "1 in 4 adults", "nine out of ten", "9 out of 10 doctors": a share when the first number is
    /// below the second and neither a unit, a currency nor a percent follows ("1 in 10 minutes" is no share); in
    /// digits, only before a plural noun or "of".
    /// </summary>
    private static bool TryReadRatio(in SentenceView sentence, int i, out double value, out int end)
    {
        value = 0;
        end = i;
        if (!NumberWords.IsCardinal(sentence, i, out var numerator) || numerator < 1)
        {
            return false;
        }

        var k = i + 1;
        if (sentence.WordIs(k, "in"))
        {
            k++;
        }
        else if (sentence.WordIs(k, "out") && sentence.WordIs(k + 1, "of"))
        {
            k += 2;
        }
        else
        {
            return false;
        }

        double denominator;
        var literal = k < sentence.Count ? sentence.Literals[k] : default;
        if (literal.Valid && !literal.Identifier && literal.Integer && literal.Suffix == LiteralSuffix.None && literal.PrefixCurrency is null)
        {
            denominator = literal.Value;
            end = literal.End;
        }
        else if (NumberWords.IsCardinal(sentence, k, out var d))
        {
            denominator = d;
            end = k + 1;
        }
        else if (sentence.WordIs(k, "a") && sentence.WordIs(k + 1, "hundred"))
        {
            denominator = 100;
            end = k + 2;
        }
        else
        {
            return false;
        }

        if (denominator <= numerator || sentence.DateEnds[k] > 0)
        {
            return false;
        }

        // "1 in 10 minutes", "one in 20 percent", "three in 10 million": no share.
        var next = sentence.Word(end);
        if (TryLookup(Units, next, out _) || TryLookup(Scales, next, out _) || TryLookup(CurrencyWords, next, out _) || sentence.IsPercentWord(end) || next is "%")
        {
            return false;
        }

        // In digits it needs what is counted: "1 in 4 adults" ("more than 2 in 5" may be a time).
        if (!sentence.StartsWithLetter(i) && !sentence.IsPluralNoun(end) && !sentence.WordIs(end, "of"))
        {
            return false;
        }

        value = numerator / denominator;
        return true;
    }

    /// <summary>A denominator word: "half" (2), "third(s)", "quarter(s)", "fifth(s)" … "hundredth(s)"; <paramref name="plural"/> when it ends in s.</summary>
    private static bool TryDenominator(ReadOnlySpan<char> word, out double denominator, out bool plural)
    {
        denominator = 0;
        plural = word.Length > 3 && (word[^1] is 's' or 'S');
        if (word.Equals("halves", StringComparison.OrdinalIgnoreCase) || word.Equals("half", StringComparison.OrdinalIgnoreCase))
        {
            denominator = 2;
            return true;
        }

        var singular = plural ? word[..^1] : word;
        if (singular.Equals("quarter", StringComparison.OrdinalIgnoreCase))
        {
            denominator = 4;
            return true;
        }

        if (TryLookup(Ordinals, singular, out var o) && o >= 3)
        {
            denominator = o;
            return true;
        }

        if (TryLookup(ScaleOrdinals, singular, out var so))
        {
            denominator = so;
            return true;
        }

        return false;
    }

    /// <summary>Whether token <paramref name="i"/> ends a clause: the end of the sentence or a punctuation mark.</summary>
    private static bool EndsClause(in SentenceView sentence, int i) => i >= sentence.Count || sentence.Word(i) is "." or "," or ";" or ":" or "!" or "?" or ")" or "\"" or "”";
}
