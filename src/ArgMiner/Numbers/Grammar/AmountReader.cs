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

        var start = i;
        var sign = ReadSign(sentence, i, out var afterSign);
        var negative = sign < 0;
        if (sign != 0 && (sentence.Literals[afterSign].Valid || !sentence.IsPunctuation(i)))
        {
            i = afterSign;
        }
        else
        {
            negative = false;
        }

        bool ok;
        if (sentence.Literals[i].Valid && NumberWords.IsSmallInteger(sentence, i) && i + 1 < sentence.Count && (sentence.WordIs(i + 1, "hundred") || (TryLookup(Scales, sentence.Word(i + 1), out var sc) && sc >= 1e3 && sentence.Word(i + 1).Length > 3)
            || (sentence.WordIs(i + 1, "and") && sentence.WordIs(i + 2, "a") && sentence.WordIs(i + 3, "half"))))
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
        else if (sentence.WordIs(i, "several"))
        {
            ok = TryReadSeveral(sentence, i, out amount);
        }
        else
        {
            ok = NumberWords.TryRead(sentence, i, out amount) && !IsLabelledWordNumber(sentence, i, amount);
        }

        if (!ok)
        {
            return false;
        }

        if (i > start)
        {
            amount.Start = start;
            amount.BareOne = false;
            amount.YearLike = false;
        }

        if (negative)
        {
            amount.Value = -amount.Value;
            amount.BaseValue = -amount.BaseValue;
        }

        return true;
    }

    /// <summary>
    /// A small number in words that labels the thing named before it rather than counting: "Line two", "Page two",
    /// "Chapter three", "Stage three", "World War Two", "option two" (as "Section 7" does for digits). Only a whole
    /// number without a scale, right after a labelling noun, and not followed by a unit ("waited in line two hours" keeps
    /// its count).
    /// </summary>
    private static bool IsLabelledWordNumber(in SentenceView sentence, int i, in Amount amount)
    {
        if (i == 0 || amount.HasScale || amount.Ordinal || !amount.Integer || amount.Vague || amount.End > sentence.Count)
        {
            return false;
        }

        // The tail of a hyphenated number whose head a label refused ("Section Twenty-seven") is refused with it.
        while (i >= 2 && sentence.IsDash(i - 1) && sentence.TouchesPrevious(i) && sentence.TouchesPrevious(i - 1) && TryLookup(Cardinals, sentence.Word(i - 2), out _))
        {
            i -= 2;
        }

        if (i == 0)
        {
            return false;
        }

        // A label word at the end of a compound is an adjective: "a state-level three-member board".
        var before = sentence.Word(i - 1);
        if (i >= 3 && sentence.TouchesPrevious(i - 1) && sentence.IsDash(i - 2))
        {
            return false;
        }

        var labelling = IsIn(VersionWords, before) || IsIn(LabelNouns, before) || (IsIn(NameWords, before) && sentence.IsCapitalized(i - 1));
        // "version two" stays a number, as Recognizers-Text's number specs read it; "build two reactors" is a verb.
        if (!labelling || IsIn(NotWordLabels, before))
        {
            return false;
        }

        // A first bound is not a label when the second bound counts: "at 'O' level six to ten subjects".
        var next = amount.End;
        if ((sentence.WordIs(next, "to") || sentence.WordIs(next, "or") || sentence.IsDash(next)) && CountsAfter(sentence, next + 2))
        {
            return false;
        }

        return !CountsAfter(sentence, next);
    }

    /// <summary>
    /// Whether token <paramref name="next"/> makes the number before it a count or measure: a unit ("waited in line two
    /// hours"), a scale, "times", a percent or a plural noun ("the 2006 season eight teams"), but not a verb in -s that
    /// follows a label ("Line two costs", "Chapter three discusses": <see cref="LabelVerbs"/>).
    /// </summary>
    private static bool CountsAfter(in SentenceView sentence, int next) =>
        next < sentence.Count && (TryLookup(Units, sentence.Word(next), out _) || TryLookup(Scales, sentence.Word(next), out _)
            || sentence.WordIs(next, "times") || sentence.IsPercentWord(next) || sentence.Word(next) is "%"
            || (sentence.IsPluralNoun(next) && !IsIn(LabelVerbs, sentence.Word(next))));

    /// <summary>
    /// A sign at <paramref name="i"/>: "minus", "negative" (-1), or a minus, dash or plus sign touching the number or
    /// currency symbol after it ("-3", "+0.4%", "-$40 million"; -1 or +1) and not glued to a word or number
    /// before it ("F-16", "3-1"); 0 when there is none. <paramref name="after"/> is the token after the sign.
    /// </summary>
    internal static int ReadSign(in SentenceView sentence, int i, out int after)
    {
        after = i + 1;
        if (after >= sentence.Count)
        {
            return 0;
        }

        if (sentence.WordIs(i, "minus") || sentence.WordIs(i, "negative"))
        {
            return -1;
        }

        var plus = sentence.Word(i) is "+";
        if (!(plus || sentence.IsDash(i)) || !sentence.TouchesPrevious(after) || (sentence.TouchesPrevious(i) && !sentence.IsPunctuation(i - 1))
            || (i > 0 && sentence.TouchesPrevious(i) && sentence.Literals[i - 1].Valid))
        {
            return 0;
        }

        return sentence.Literals[after].Valid || TryLookup(Symbols, sentence.Word(after), out _) ? (plus ? 1 : -1) : 0;
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

        // The same for nouns that label in any case when nothing counted follows: "line 2", "option 3", "step 4".
        if (i > 0 && literal.Integer && !literal.Grouped && literal.Suffix == LiteralSuffix.None && IsIn(LabelNouns, sentence.Word(i - 1)) && !CountsAfter(sentence, literal.End))
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

        // Phone numbers and similar: "+1-222-2222", "+44 20…" or three number pieces joined by hyphens.
        if (i > 0 && sentence.Word(i - 1) is "+" && sentence.TouchesPrevious(i) && literal.End < sentence.Count
            && (sentence.Literals[literal.End].Valid || (sentence.IsDash(literal.End) && sentence.TouchesPrevious(literal.End) && sentence.Literals[literal.End + 1 < sentence.Count ? literal.End + 1 : literal.End].Valid)))
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

        // Powers of ten: "10^9", "1.2×10^6", "3 x 10^-4", "1.2×10⁶".
        if (literal.Suffix == LiteralSuffix.None && literal.Value == 10 && literal.Integer && TryReadPower(sentence, literal.End, out var exponent, out var powerEnd))
        {
            amount.Value = amount.BaseValue = Math.Pow(10, exponent);
            amount.End = powerEnd;
            amount.Integer = exponent >= 0;
            amount.YearLike = false;
            return true;
        }

        if (literal.Suffix == LiteralSuffix.None && sentence.Word(literal.End) is "×" or "x" or "X" or "*" or "·" && TryReadPowerOfTen(sentence, literal.End + 1, out var power, out powerEnd))
        {
            amount.Value = power < 1 ? amount.Value / Math.Round(1 / power) : amount.Value * power;
            amount.End = powerEnd;
            amount.HasScale = true;
            amount.YearLike = false;
            return true;
        }

        // Scale words after the digits: "1.5 million", "322 hundred", "3 dozens", "2.33 k", "10 M".
        var j = amount.End;
        for (var n = 0; n < 3 && j < sentence.Count; n++)
        {
            var word = sentence.Word(j);
            if (TryLookup(Scales, word, out var scale) || (n == 0 && !amount.YearLike && TryLookup(PluralScales, word, out scale) && scale >= 1e3))
            {
                // "1.5 million", "7 millions".
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

    /// <summary>"^" and an exponent at <paramref name="i"/> ("^6", "^-4"); <paramref name="end"/> is the token after it.</summary>
    private static bool TryReadPower(in SentenceView sentence, int i, out int exponent, out int end)
    {
        exponent = 0;
        end = i;
        if (sentence.Word(i) is not "^")
        {
            return false;
        }

        var k = i + 1;
        var negative = sentence.IsDash(k) && k + 1 < sentence.Count && sentence.TouchesPrevious(k + 1);
        if (negative)
        {
            k++;
        }

        if (k >= sentence.Count || !sentence.Literals[k].Valid || !sentence.Literals[k].Integer || sentence.Literals[k].Suffix != LiteralSuffix.None || sentence.Literals[k].Value > 308)
        {
            return false;
        }

        exponent = (int)sentence.Literals[k].Value * (negative ? -1 : 1);
        end = sentence.Literals[k].End;
        return true;
    }

    /// <summary>A power of ten at <paramref name="i"/>: "10^6" or "10⁶"; <paramref name="power"/> is its value.</summary>
    private static bool TryReadPowerOfTen(in SentenceView sentence, int i, out double power, out int end)
    {
        power = 1;
        end = i;
        if (i >= sentence.Count || !sentence.Literals[i].Valid || sentence.Literals[i].Value != 10 || !sentence.Literals[i].Integer)
        {
            return false;
        }

        var literal = sentence.Literals[i];
        if (literal.Suffix == LiteralSuffix.None && TryReadPower(sentence, literal.End, out var exponent, out end))
        {
            power = Math.Pow(10, exponent);
            return true;
        }

        var word = sentence.Word(literal.End - 1);
        if (literal.Suffix == LiteralSuffix.Scale && word.Length > 0 && word[^1] is '⁰' or '¹' or '²' or '³' or '⁴' or '⁵' or '⁶' or '⁷' or '⁸' or '⁹')
        {
            power = 10 * literal.Scale;
            end = literal.End;
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether a glued "m" before token <paramref name="i"/> is millions rather than metres: a currency word, a
    /// unit or a plural noun follows ("4m euros", "4m tonnes", "4m viewers"; but "25m long", "a 100m sprint").
    /// </summary>
    internal static bool MillionsFollow(in SentenceView sentence, int i) =>
        i < sentence.Count && sentence.StartsWithLetter(i) && !sentence.TouchesPrevious(i)
        && ((TryLookup(CurrencyWords, sentence.Word(i), out _) && !sentence.WordIs(i, "won")) || (TryLookup(Units, sentence.Word(i), out _) && sentence.Word(i).Length > 2) || sentence.IsPluralNoun(i));

    /// <summary>
    /// A vague count at <paramref name="i"/>, one order of magnitude from its base (issue 10: "tens of thousands"
    /// as low/high orders of magnitude, applied to every vague count): "hundreds (of)" 100 to 1,000, "dozens (of)"
    /// 12 to 120, "millions (of)" a million to ten million; "tens of thousands (of)", "hundreds of millions (of)"
    /// run from the product of the two scales to ten times the first one's order (10,000 to 100,000; 100 million
    /// to a billion). <see cref="Amount.Value"/> is the low end, <see cref="Amount.VagueHigh"/> the high one. It
    /// ends before the "of" that follows it; "tens" alone is no amount.
    /// </summary>
    internal static bool TryReadVague(in SentenceView sentence, int i, out Amount amount)
    {
        amount = default;
        TryLookup(PluralScales, sentence.Word(i), out var scale);
        var j = i + 1;
        double high;
        if (sentence.WordIs(j, "of") && TryLookup(PluralScales, sentence.Word(j + 1), out var inner) && inner > scale && inner >= 1e3)
        {
            high = Math.Pow(10, Math.Floor(Math.Log10(scale)) + 1) * inner;
            scale *= inner;
            j += 2;
        }
        else if (sentence.WordIs(i, "tens"))
        {
            return false;
        }
        else
        {
            high = 10 * scale;
        }

        amount = new Amount { Start = i, End = j, Value = scale, BaseValue = scale, Integer = true, Words = true, Vague = true, VagueHigh = high };
        return true;
    }

    /// <summary>
    /// "several" and scale words at <paramref name="i"/> ("several hundred", "several thousand", "several dozen",
    /// "several hundred thousand"): read like the plural scale, one order of magnitude from the scales' product
    /// ("several hundred" 100 to 1,000). "several" alone is no amount.
    /// </summary>
    internal static bool TryReadSeveral(in SentenceView sentence, int i, out Amount amount)
    {
        amount = default;
        var j = i + 1;
        double scale = 1;
        while (j < sentence.Count && j < i + 4 && ScaleWord(sentence.Word(j).ToString()) is var s && s > 0)
        {
            scale *= s;
            j++;
        }

        if (j == i + 1)
        {
            return false;
        }

        amount = new Amount { Start = i, End = j, Value = scale, BaseValue = scale, Integer = true, Words = true, Vague = true, VagueHigh = 10 * scale };
        return true;

        // Only the written-out scale words: "several k" is no English.
        static double ScaleWord(string word) => word.ToLowerInvariant() switch
        {
            "dozen" => 12,
            "hundred" => 1e2,
            "thousand" => 1e3,
            "million" => 1e6,
            "billion" => 1e9,
            "trillion" => 1e12,
            _ => 0,
        };
    }
}
