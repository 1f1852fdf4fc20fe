using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Reads an amount: digits with their scale words ("1.5 million", "3 dozens", "2.33 k"), a negative sign or word
/// ("-5", "minus 5"), a number in words (<see cref="NumberWords"/>) or a vague count ("hundreds of", "tens of
/// thousands of"). Refuses what only looks like one: codes and versions ("F-16", "iOS 17.2"), labels ("Section
/// 7"), times of day ("10 a.m."), phone numbers and area codes.
/// </summary>
internal static class AmountReader
{
    /// <summary>
    /// An amount at token <paramref name="i"/> ("-5", "minus 5", "3 hundred", "1.5 million", "hundreds of",
    /// "twenty-one"); <paramref name="money"/> when a currency precedes it, so that "3m" is three million.
    /// </summary>
    internal static bool TryRead(in SentenceView sentence, int i, bool money, out Amount amount)
    {
        amount = default;
        if (i >= sentence.Count || sentence.DateEnds[i] > 0 || sentence.InsideLiteral[i])
        {
            return false;
        }

        var negative = false;
        var start = i;
        if ((sentence.WordIs(i, "minus") || sentence.WordIs(i, "negative")) && i + 1 < sentence.Count)
        {
            negative = true;
            i++;
        }
        else if (sentence.IsDash(i) && i + 1 < sentence.Count && sentence.TouchesPrevious(i + 1) && sentence.Literals[i + 1].Valid && !(sentence.TouchesPrevious(i) && !sentence.IsPunctuation(i - 1)) && !(i > 0 && sentence.TouchesPrevious(i) && sentence.Literals[i - 1].Valid))
        {
            negative = true;
            i++;
        }

        bool ok;
        if (sentence.Literals[i].Valid && NumberWords.IsSmallInteger(sentence, i) && i + 1 < sentence.Count && (sentence.WordIs(i + 1, "hundred") || (TryLookup(Scales, sentence.Word(i + 1), out var sc) && sc >= 1e3 && sentence.Word(i + 1).Length > 3)))
        {
            ok = NumberWords.TryRead(sentence, i, out amount) && !sentence.Literals[i].Identifier;
        }
        else if (sentence.Literals[i].Valid)
        {
            ok = TryReadDigits(sentence, i, money, out amount);
        }
        else if (TryLookup(PluralScales, sentence.Word(i), out _))
        {
            ok = TryReadVague(sentence, i, out amount);
        }
        else
        {
            ok = NumberWords.TryRead(sentence, i, out amount);
        }

        if (!ok)
        {
            return false;
        }

        if (negative)
        {
            amount.Value = -amount.Value;
            amount.BaseValue = -amount.BaseValue;
            amount.Start = start;
            amount.BareOne = false;
            amount.YearLike = false;
        }

        return true;
    }

    /// <summary>
    /// The literal at <paramref name="i"/> with its glued suffix or the scale words after it ("1.5 million", "322
    /// hundred", "3 dozens", "10 M"), unless it is a code, version, label, time of day or phone number.
    /// </summary>
    internal static bool TryReadDigits(in SentenceView sentence, int i, bool money, out Amount amount)
    {
        var literal = sentence.Literals[i];
        money |= literal.PrefixCurrency is not null;
        amount = new Amount { Start = i, End = literal.End, Value = literal.Value, BaseValue = literal.Value, Integer = literal.Integer, LeadingZero = literal.LeadingZero };
        if (literal.Identifier || sentence.DateEnds[i] > 0 || literal.Suffix == LiteralSuffix.Decade)
        {
            return false;
        }

        // Codes and versions: "F-16", "COVID-19", "v2.1" (the letter-led token never lexes), "Trump 2.0", "iOS 17.2".
        if (i > 0 && sentence.IsDash(i - 1) && sentence.TouchesPrevious(i) && sentence.TouchesPrevious(i - 1) && sentence.StartsWithLetter(i - 2) && !IsIn(DateModifiers, sentence.Word(i - 2)) && !(i > 2 && sentence.TouchesPrevious(i - 2) && sentence.Literals[i - 3].Valid))
        {
            return false;
        }

        if (i > 0 && !literal.Integer && (IsIn(VersionWords, sentence.Word(i - 1)) || (sentence.IsCapitalized(i - 1) && sentence.StartsWithLetter(i - 1) && sentence.Text[sentence.Tokens[literal.End - 1].End - 1] == '0' && sentence.Text[sentence.Tokens[literal.End - 1].End - 2] == '.')))
        {
            return false;
        }

        // Labels: "Section 7", "Flight 370", "Route 66", "No. 10".
        if (i > 0 && literal.Integer && !literal.Grouped && IsIn(VersionWords, sentence.Word(i - 1)) && !sentence.WordIs(i - 1, "number") && !sentence.WordIs(i - 1, "no"))
        {
            return false;
        }

        // Times of day ("10 a.m.", "5 pm") and area codes ("(713) 853-3242").
        if (literal.End < sentence.Count && (sentence.WordIs(literal.End, "a.m.") || sentence.WordIs(literal.End, "p.m.") || sentence.WordIs(literal.End, "am") || sentence.WordIs(literal.End, "pm") || sentence.WordIs(literal.End, "a.m") || sentence.WordIs(literal.End, "p.m") || sentence.WordIs(literal.End, "o'clock")))
        {
            return false;
        }

        if (i > 0 && sentence.Word(i - 1) is "(" && sentence.TouchesPrevious(i) && literal.End + 1 < sentence.Count && sentence.Word(literal.End) is ")" && sentence.TouchesPrevious(literal.End) && sentence.Literals[literal.End + 1].Valid)
        {
            return false;
        }

        // Phone numbers and similar: "+1-222-2222" or three number pieces joined by hyphens.
        if (i > 0 && sentence.Word(i - 1) is "+" && sentence.TouchesPrevious(i))
        {
            return false;
        }

        if (literal.End + 1 < sentence.Count && sentence.IsDash(literal.End) && sentence.TouchesPrevious(literal.End) && sentence.TouchesPrevious(literal.End + 1) && sentence.Literals[literal.End + 1].Valid
            && sentence.Literals[literal.End + 1].End + 1 < sentence.Count && sentence.IsDash(sentence.Literals[literal.End + 1].End) && sentence.TouchesPrevious(sentence.Literals[literal.End + 1].End) && sentence.Literals[Math.Min(sentence.Count - 1, sentence.Literals[literal.End + 1].End + 1)].Valid)
        {
            return false;
        }

        amount.YearLike = literal.Integer && !literal.Grouped && literal.IntDigits == 4 && literal.Value is >= 1000 and <= 2199 && literal.PrefixCurrency is null;
        amount.Currency = literal.PrefixCurrency;
        switch (literal.Suffix)
        {
            case LiteralSuffix.Ordinal:
                amount.Ordinal = true;
                return true;
            case LiteralSuffix.Scale:
                amount.Value *= literal.Scale;
                amount.HasScale = true;
                amount.YearLike = false;
                break;
            case LiteralSuffix.MetreOrMillion:
                if (money || MillionsFollow(sentence, literal.End))
                {
                    amount.Value *= 1e6;
                    amount.HasScale = true;
                }
                else
                {
                    amount.Unit = "m";
                    amount.GluedUnit = true;
                }

                amount.YearLike = false;
                return true;
            case LiteralSuffix.Unit:
                amount.Unit = literal.Unit;
                amount.GluedUnit = true;
                amount.YearLike = false;
                return true;
            case LiteralSuffix.Currency:
                amount.Currency = literal.Unit;
                amount.GluedUnit = true;
                amount.YearLike = false;
                return true;
            case LiteralSuffix.Percent:
                amount.Percent = true;
                amount.YearLike = false;
                return true;
            default:
                break;
        }

        // Scale words after the digits: "1.5 million", "322 hundred", "3 dozens", "2.33 k", "10 M".
        var j = amount.End;
        for (var n = 0; n < 3 && j < sentence.Count; n++)
        {
            var word = sentence.Word(j);
            if (TryLookup(Scales, word, out var scale))
            {
                amount.Value *= scale;
            }
            else if (n == 0 && sentence.TouchesPrevious(j) && word is "b" or "B" or "Bn" or "BN")
            {
                amount.Value *= 1e9;
            }
            else if (word is "M" or "MM")
            {
                amount.Value *= 1e6;
            }
            else if (word is "m" && (money || (n == 0 && sentence.TouchesPrevious(j) && MillionsFollow(sentence, j + 1))))
            {
                amount.Value *= 1e6;
            }
            else if (word.Equals("dozen", StringComparison.OrdinalIgnoreCase) || word.Equals("dozens", StringComparison.OrdinalIgnoreCase)
                || word.Equals("dzs", StringComparison.OrdinalIgnoreCase) || word.Equals("dozs", StringComparison.OrdinalIgnoreCase))
            {
                amount.Value *= 12;
            }
            else
            {
                break;
            }

            amount.HasScale = true;
            amount.YearLike = false;
            j++;
        }

        amount.End = j;
        return true;
    }

    /// <summary>
    /// Whether a glued "m" before token <paramref name="i"/> is millions rather than metres: a currency word, a
    /// unit or a plural noun follows ("4m euros", "4m tonnes", "4m viewers"; but "25m long", "a 100m sprint").
    /// </summary>
    internal static bool MillionsFollow(in SentenceView sentence, int i) =>
        i < sentence.Count && sentence.StartsWithLetter(i) && !sentence.TouchesPrevious(i)
        && ((TryLookup(CurrencyWords, sentence.Word(i), out _) && !sentence.WordIs(i, "won")) || (TryLookup(Units, sentence.Word(i), out _) && sentence.Word(i).Length > 2) || sentence.IsPluralNoun(i));

    /// <summary>
    /// A vague count at <paramref name="i"/>: "hundreds of", "tens of thousands of", "millions of" (at least two
    /// of the scale).
    /// </summary>
    internal static bool TryReadVague(in SentenceView sentence, int i, out Amount amount)
    {
        // "hundreds of", "tens of thousands of", "millions of": at least two of the scale.
        amount = default;
        TryLookup(PluralScales, sentence.Word(i), out var scale);
        var j = i + 1;
        if (sentence.WordIs(j, "of") && TryLookup(PluralScales, sentence.Word(j + 1), out var inner) && inner > scale && sentence.WordIs(j + 2, "of"))
        {
            scale *= inner;
            j += 2;
        }

        if (!sentence.WordIs(j, "of"))
        {
            return false;
        }

        if (sentence.Word(i) is "tens" or "Tens" && j == i + 1)
        {
            return false;
        }

        amount = new Amount { Start = i, End = j, Value = 2 * scale, BaseValue = 2 * scale, Integer = true, Words = true, Vague = true };
        return true;
    }
}
