using System.Globalization;
using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Numbers written in words, alone or mixed with digits: "twenty-one", "two hundred and six", "a dozen",
/// "4 thousand 3 hundred and 21", "one point five", "two and a half", "half a million", ordinals ("twenty-first",
/// "millionth"). Fractions ("three fifths", "one-third") are not amounts (<see cref="ProportionReader"/>).
/// </summary>
internal static class NumberWords
{
    /// <summary>The kind of the last number word read, which decides what may follow it.</summary>
    private enum LastNumberWord
    {
        None,
        Article,
        Unit,
        Teen,
        Tens,
        Hundred,
        Scale,
        And,
        Dozen,
        Half,
    }

    /// <summary>
    /// A cardinal at <paramref name="i"/>, in words ("seven") or as a small plain integer.
    /// </summary>
    internal static bool IsCardinal(in SentenceView sentence, int i, out int value)
    {
        value = 0;
        if (i < sentence.Count && IsSmallInteger(sentence, i))
        {
            value = (int)sentence.Literals[i].Value;
            return true;
        }

        return i < sentence.Count && TryLookup(Cardinals, sentence.Word(i), out value);
    }

    /// <summary>A plain integer below 1000 that can take part in "3 hundred and 21".</summary>
    internal static bool IsSmallInteger(in SentenceView sentence, int i) =>
        sentence.Literals[i].Valid && !sentence.Literals[i].Identifier && !sentence.InsideLiteral[i] && sentence.Literals[i].Integer && !sentence.Literals[i].Grouped && sentence.Literals[i].Suffix == LiteralSuffix.None && sentence.Literals[i].PrefixCurrency is null
        && sentence.Literals[i].Value < 1000 && sentence.Literals[i].End == i + 1 && sentence.DateEnds[i] == 0;

    /// <summary>
    /// A number in words (possibly mixed with small integers) starting at <paramref name="i"/>: cardinals, "a
    /// hundred", "a dozen", "and", hyphenated tens, scales, "point" decimals and ordinals; not a fraction.
    /// </summary>
    internal static bool TryRead(in SentenceView sentence, int i, out Amount amount)
    {
        amount = default;
        double total = 0, hundreds = 0, small = 0;
        var last = LastNumberWord.None;
        var lastScale = double.MaxValue;
        double firstGroup = 0;
        var j = i;
        var end = i;
        var ordinal = false;
        var words = 0;

        // "a quarter of a million", "three quarters of a billion": a share of the scale.
        if (ProportionReader.TryReadFractionOfScale(sentence, i, out var ofScale, out var ofScaleEnd))
        {
            amount = new Amount { Start = i, End = ofScaleEnd, Value = ofScale, BaseValue = ofScale, Words = true, HasScale = true, Integer = ofScale == Math.Floor(ofScale) };
            return true;
        }

        // "half a million", "half a dozen": half the scale.
        if (sentence.WordIs(i, "half") && (sentence.WordIs(i + 1, "a") || sentence.WordIs(i + 1, "an")) && TryScaleWord(sentence, i + 2, out var halfOf))
        {
            amount = new Amount { Start = i, End = i + 3, Value = halfOf / 2, BaseValue = 0.5, Words = true, HasScale = true, Integer = halfOf % 2 == 0 };
            return true;
        }

        if ((sentence.WordIs(j, "a") || sentence.WordIs(j, "an")) && j + 1 < sentence.Count && (sentence.WordIs(j + 1, "hundred") || sentence.WordIs(j + 1, "dozen")
            || (TryLookup(Scales, sentence.Word(j + 1), out var sc) && sc >= 1e3 && sentence.Word(j + 1).Length > 3)))
        {
            small = 1;
            last = LastNumberWord.Article;
            j++;
        }

        while (j < sentence.Count && words < 40)
        {
            var word = sentence.Word(j);
            if (IsSmallInteger(sentence, j))
            {
                if (small != 0 || last is not (LastNumberWord.None or LastNumberWord.Hundred or LastNumberWord.Scale or LastNumberWord.And))
                {
                    break;
                }

                small = sentence.Literals[j].Value;
                last = LastNumberWord.Teen;
            }
            else if (TryLookup(Cardinals, word, out var v))
            {
                if (v < 10)
                {
                    if (last == LastNumberWord.Tens)
                    {
                        small += v;
                    }
                    else if (last is LastNumberWord.None or LastNumberWord.Hundred or LastNumberWord.Scale or LastNumberWord.And)
                    {
                        small = v;
                    }
                    else
                    {
                        break;
                    }

                    last = LastNumberWord.Unit;
                }
                else if (last is LastNumberWord.None or LastNumberWord.Hundred or LastNumberWord.Scale or LastNumberWord.And && small == 0)
                {
                    small = v;
                    last = v < 20 ? LastNumberWord.Teen : LastNumberWord.Tens;
                }
                else
                {
                    break;
                }
            }
            else if (word.Equals("hundred", StringComparison.OrdinalIgnoreCase))
            {
                if (small == 0 || hundreds != 0 || last is LastNumberWord.Hundred or LastNumberWord.Scale or LastNumberWord.And)
                {
                    break;
                }

                hundreds = small * 100;
                small = 0;
                last = LastNumberWord.Hundred;
            }
            else if ((TryLookup(Scales, word, out var scale) || (words > 0 && TryLookup(PluralScales, word, out scale))) && scale >= 1e3 && word.Length > 3)
            {
                // "seven millions" ends the number.
                var pluralScale = word[^1] is 's' or 'S';
                var group = hundreds + small;
                if (group == 0 || scale >= lastScale || last == LastNumberWord.And)
                {
                    break;
                }

                if (total == 0)
                {
                    firstGroup = group;
                }

                total += group * scale;
                hundreds = small = 0;
                lastScale = scale;
                last = LastNumberWord.Scale;
                if (pluralScale)
                {
                    words++;
                    end = j + 1;
                    break;
                }
            }
            else if (word.Equals("dozen", StringComparison.OrdinalIgnoreCase) || word.Equals("dozens", StringComparison.OrdinalIgnoreCase)
                || word.Equals("dzs", StringComparison.OrdinalIgnoreCase) || word.Equals("dozs", StringComparison.OrdinalIgnoreCase))
            {
                if (small == 0 || last == LastNumberWord.Dozen)
                {
                    break;
                }

                small *= 12;
                last = LastNumberWord.Dozen;
            }
            else if (word.Equals("and", StringComparison.OrdinalIgnoreCase) && last is LastNumberWord.Unit or LastNumberWord.Teen or LastNumberWord.Tens && hundreds == 0
                && sentence.WordIs(j + 1, "a") && sentence.WordIs(j + 2, "half") && !(sentence.IsDash(j + 3) && sentence.TouchesPrevious(j + 3)))
            {
                // "two and a half", "1 and a half million".
                small += 0.5;
                last = LastNumberWord.Half;
                words += 3;
                j += 3;
                end = j;
                continue;
            }
            else if (word.Equals("and", StringComparison.OrdinalIgnoreCase) && last is LastNumberWord.Hundred or LastNumberWord.Scale
                && IsCardinal(sentence, j + 1, out var afterAnd) && afterAnd is > 0 and < 100 && !(last == LastNumberWord.Hundred && sentence.WordIs(j + 2, "hundred")))
            {
                last = LastNumberWord.And;
                j++;
                continue;
            }
            else if (sentence.IsDash(j) && last == LastNumberWord.Tens && small % 10 == 0 && j + 1 < sentence.Count
                && ((IsCardinal(sentence, j + 1, out var u) && u is > 0 and < 10) || (TryLookup(Ordinals, sentence.Word(j + 1), out var o) && o is > 0 and < 10)))
            {
                j++;
                continue;
            }
            else if (TryLookup(Ordinals, word, out var ov) && !IsSmallInteger(sentence, i))
            {
                if (ov < 10 && last == LastNumberWord.Tens && small % 10 == 0)
                {
                    small += ov;
                }
                else if (last is LastNumberWord.None or LastNumberWord.Hundred or LastNumberWord.Scale or LastNumberWord.And)
                {
                    small = ov;
                }
                else
                {
                    break;
                }

                ordinal = true;
                end = j + 1;
                words++;
                break;
            }
            else if (TryLookup(ScaleOrdinals, word, out var so) && !IsSmallInteger(sentence, i) && last is LastNumberWord.Unit or LastNumberWord.Teen or LastNumberWord.Tens or LastNumberWord.Article)
            {
                var group = (hundreds + small) * so;
                total += group;
                hundreds = small = 0;
                ordinal = true;
                end = j + 1;
                words++;
                break;
            }
            else if (word.Equals("point", StringComparison.OrdinalIgnoreCase) && words > 0 && last != LastNumberWord.And && IsCardinal(sentence, j + 1, out _))
            {
                var (frac, k) = ReadDecimalDigits(sentence, j + 1);
                small += frac;
                end = k;
                words++;
                j = k;
                break;
            }
            else
            {
                break;
            }

            words++;
            j++;
            end = j;
        }

        if (words == 0 || (last == LastNumberWord.Article && end <= i + 1))
        {
            return false;
        }

        // Fractions ("three fifths", "one-third", "two thirds") are not amounts (ProportionReader reads them);
        // a rank before "quarter" or "half" is one ("the fourth quarter", "the first half"); "over three quarters" of a
        // year are a count of quarters.
        if (!ordinal && end < sentence.Count && (IsPluralOrdinal(sentence, end) || (sentence.IsDash(end) && sentence.TouchesPrevious(end) && TryLookup(Ordinals, sentence.Word(end + 1), out _)) || sentence.WordIs(end, "half") || sentence.WordIs(end, "halves") || sentence.WordIs(end, "quarter") || (sentence.WordIs(end, "quarters") && !ProportionReader.IsQuartersOfTime(sentence, i, end))))
        {
            return false;
        }

        var value = total + hundreds + small;
        amount = new Amount
        {
            Start = i,
            End = end,
            Value = value,
            BaseValue = hundreds + small == 0 && firstGroup > 0 && total == firstGroup * lastScale ? firstGroup : value,
            Words = true,
            Ordinal = ordinal,
            Integer = value == Math.Floor(value),
            HasScale = total > 0 || hundreds > 0,
            BareOne = !ordinal && end == i + 1 && sentence.WordIs(i, "one"),
        };
        if (ordinal && sentence.WordIs(i, "second") && end == i + 1 && (sentence.WordIs(i - 1, "a") || sentence.WordIs(i - 1, "per") || sentence.WordIs(i - 1, "one") || sentence.Literals[Math.Max(0, i - 1)].Valid))
        {
            return false;
        }

        return true;
    }

    /// <summary>"hundred", "dozen", "thousand", "million"… (not "k" or "bn") at <paramref name="i"/>, with its value.</summary>
    private static bool TryScaleWord(in SentenceView sentence, int i, out double scale)
    {
        if (sentence.WordIs(i, "dozen"))
        {
            scale = 12;
            return true;
        }

        return TryLookup(Scales, sentence.Word(i), out scale) && scale >= 100 && sentence.Word(i).Length > 3;
    }

    /// <summary>
    /// A plural ordinal at <paramref name="i"/> ("fifths", "thirds", "millionths"), the denominator of a
    /// fraction.
    /// </summary>
    internal static bool IsPluralOrdinal(in SentenceView sentence, int i)
    {
        var word = sentence.Word(i);
        if (word.Length < 4 || !word.EndsWith('s'))
        {
            return false;
        }

        return TryLookup(Ordinals, word[..^1], out var v) && v > 2 || TryLookup(ScaleOrdinals, word[..^1], out _) || word.Equals("thirds", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The digits in words after "point", from <paramref name="first"/>: "zero three" → .03, "seventy-one" → .71,
    /// "eleven" → .11.
    /// </summary>
    internal static (double Fraction, int End) ReadDecimalDigits(in SentenceView sentence, int first)
    {
        // "zero three" -> .03; "seventy-one" -> .71; "eleven" -> .11
        var digits = new System.Text.StringBuilder();
        var k = first;
        while (k < sentence.Count && digits.Length < 12)
        {
            if (IsCardinal(sentence, k, out var v))
            {
                if (v >= 20 && v % 10 == 0 && sentence.IsDash(k + 1) && IsCardinal(sentence, k + 2, out var u) && u < 10)
                {
                    v += u;
                    k += 2;
                }

                digits.Append(v.ToString(CultureInfo.InvariantCulture));
                k++;
            }
            else
            {
                break;
            }
        }

        var f = double.Parse("0." + digits, CultureInfo.InvariantCulture);
        return (f, k);
    }
}
