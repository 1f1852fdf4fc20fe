using ArgMiner.Text;
using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Reads a quantity: an amount (<see cref="AmountReader"/>) with the currency before or after it ("$1 billion",
/// "USD 20", "5 euros", "10 €", "3 dollars 50 cents"), a percent ("35%", "3.5 percentage points") or a unit
/// ("29 km", "16,000 metric tons", "5 feet 2 inches"); otherwise it is a count, or a rank when ordinal.
/// </summary>
internal static class QuantityReader
{
    /// <summary>
    /// A quantity at token <paramref name="i"/>: a currency before the amount, the amount, then a currency,
    /// percent or unit after it.
    /// </summary>
    internal static bool TryRead(in SentenceView sentence, int i, out Quantity quantity)
    {
        quantity = default;
        if (i >= sentence.Count)
        {
            return false;
        }

        var start = i;

        // "%10 off": a percent sign written before the number, as some web writers do (not the sign of a number before).
        if (sentence.Word(i) is "%" && !sentence.InsideLiteral[i] && sentence.TouchesPrevious(i + 1) && sentence.Literals[i + 1].Valid
            && !sentence.FollowsNumber(i))
        {
            if (!AmountReader.TryRead(sentence, i + 1, false, out var share) || share.Ordinal || share.Percent || share.Currency is not null || share.Unit is not null
                || sentence.Word(share.End) is "%" || UnitReader.TryReadPercent(sentence, share.End, out _, out _))
            {
                return false;
            }

            quantity = new Quantity { Start = start, End = share.End, Kind = NumericKinds.Percent, Value = share.Value, Unit = "%", Amount = share };
            return true;
        }

        // "-$40 million", "minus £3bn": the sign before the currency.
        var negative = AmountReader.ReadSign(sentence, i, out var afterSign) < 0 && CurrencyReader.ReadBefore(sentence, afterSign, out _, out _) > afterSign;
        var j = CurrencyReader.ReadBefore(sentence, negative ? afterSign : i, out var code, out var prefixScale);
        if (!AmountReader.TryRead(sentence, j, code is not null, out var amount) || (negative && amount.Value < 0))
        {
            return false;
        }

        amount.Value *= negative ? -prefixScale : prefixScale;
        amount.BaseValue *= negative ? -1 : 1;

        if (amount.Ordinal)
        {
            if (code is not null)
            {
                return false;
            }

            quantity = new Quantity { Start = start, End = amount.End, Kind = NumericKinds.Ordinal, Value = amount.Value, Amount = amount };
            return true;
        }

        var end = amount.End;
        var kind = NumericKinds.Count;
        string? unit = null;
        var value = amount.Value;
        if (code is not null)
        {
            kind = NumericKinds.Money;
            unit = code;
            end = EndAfterCents(sentence, end, amount, ref value, false);
            if (end < sentence.Count && TryLookup(CurrencyWords, sentence.Word(end), out var redundant) && redundant.Code == code && redundant.Divisor == 1)
            {
                end++;
            }
        }
        else if (amount.Currency is not null)
        {
            kind = NumericKinds.Money;
            unit = amount.Currency;
        }
        else if (end < sentence.Count && TryLookup(Symbols, sentence.Word(end), out var symbolAfter) && !(end + 1 < sentence.Count && sentence.Literals[end + 1].Valid && !sentence.TouchesPrevious(end)))
        {
            // "10 €", "100₾": the symbol after the amount (European style).
            kind = NumericKinds.Money;
            unit = symbolAfter;
            end++;
        }
        else if (amount.Percent || (end < sentence.Count && sentence.Word(end) is "%"))
        {
            kind = NumericKinds.Percent;
            unit = "%";
            if (!amount.Percent)
            {
                end++;
            }
        }
        else if (amount.Unit is not null)
        {
            kind = NumericKinds.Measure;
            unit = amount.Unit;
        }
        else if (end < sentence.Count && UnitReader.TryReadPercent(sentence, end, out var pEnd, out var pUnit))
        {
            kind = NumericKinds.Percent;
            unit = pUnit;
            end = pEnd;
        }
        else if (amount.Vague && sentence.WordIs(end, "of") && CurrencyReader.TryReadAfter(sentence, end + 1, true, out var vEnd, out var vCode, out var vDivisor) && vDivisor == 1)
        {
            // "millions of dollars", "tens of thousands of pounds": vague money.
            kind = NumericKinds.Money;
            unit = vCode;
            end = vEnd;
        }
        else if (end < sentence.Count && CurrencyReader.TryReadAfter(sentence, end, amount.HasScale, out var cEnd, out var cCode, out var divisor))
        {
            kind = NumericKinds.Money;
            unit = cCode;
            value /= divisor;
            end = cEnd;
            if (divisor == 1)
            {
                end = EndAfterCents(sentence, end, amount, ref value, true);
            }
        }
        else if (end < sentence.Count && UnitReader.TryReadAfter(sentence, end, out var uEnd, out var u))
        {
            kind = NumericKinds.Measure;
            unit = u;
            end = uEnd;

            // "5 feet 2 inches", "12 ft 2 in", "5 feet and 2 inches": feet with inches.
            if (u == "ft" && end < sentence.Count)
            {
                var k = sentence.WordIs(end, "and") ? end + 1 : end;
                if (AmountReader.TryRead(sentence, k, false, out var inches) && !inches.Ordinal && inches.Value is > 0 and < 12
                    && (sentence.WordIs(inches.End, "inches") || sentence.WordIs(inches.End, "inch") || (sentence.WordIs(inches.End, "in") && (inches.End + 1 >= sentence.Count || !sentence.StartsWithLetter(inches.End + 1) || IsIn(PhraseStops, sentence.Word(inches.End + 1))))))
                {
                    value += inches.Value / 12;
                    end = inches.End + 1;
                }
            }
        }

        if (kind == NumericKinds.Count && amount.YearLike && sentence.DateEnds[amount.Start] > 0)
        {
            return false;
        }

        quantity = new Quantity { Start = start, End = end, Kind = kind, Value = value, Unit = unit, Amount = amount, Vague = amount.Vague };
        return true;
    }

    /// <summary>
    /// Adds the cents after a whole amount of money ("3 dollars 50 cents", "thirteen dollars and forty-five
    /// cents", "c $ 100 and fifty") to <paramref name="value"/>; returns the token after them, or <paramref
    /// name="end"/> when none follow.
    /// </summary>
    internal static int EndAfterCents(in SentenceView sentence, int end, Amount main, ref double value, bool wordCurrency)
    {
        if (!main.Integer || main.HasScale || end >= sentence.Count)
        {
            return end;
        }

        var k = sentence.WordIs(end, "and") ? end + 1 : end;
        if (k >= sentence.Count || !AmountReader.TryRead(sentence, k, false, out var cents) || !cents.Integer || cents.Ordinal || cents.Value is <= 0 or >= 100 || cents.HasScale)
        {
            return end;
        }

        var after = cents.End;
        var centWord = sentence.WordIs(after, "cents") || sentence.WordIs(after, "cent") || sentence.WordIs(after, "pence");
        // Digits without "cents" only close a word-written amount at the end of a clause: "15 dollars and 50."
        if (!centWord && !cents.Words && !(wordCurrency && (after >= sentence.Count || sentence.IsPunctuation(after))))
        {
            return end;
        }

        value += cents.Value / 100;
        return centWord ? after + 1 : after;
    }
}
