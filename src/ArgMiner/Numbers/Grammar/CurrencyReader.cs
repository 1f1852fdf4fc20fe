using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Currencies around an amount: symbols and codes before it ("$", "HK$", "USD 20"), currency words after it
/// ("dollars", "Australian dollars", "pounds sterling", "cents"), millions of a code ("30 MUSD"). "$" alone is
/// USD (news default); "pounds" without a scale is a weight, since news writes "£" for small sums.
/// </summary>
internal static class CurrencyReader
{
    /// <summary>
    /// Reads a currency before an amount ("$", "US$", "C $", "U.S. $", "USD", "RM", "Rs.", "MAUD" for millions of AUD) at
    /// <paramref name="i"/>; returns where the amount should start (<paramref name="i"/> when there is none).
    /// </summary>
    internal static int ReadBefore(in SentenceView sentence, int i, out string? code, out double prefixScale)
    {
        code = null;
        prefixScale = 1.0;
        var j = i;
        var word = sentence.Word(j);
        if (TryLookup(Symbols, word, out var sym))
        {
            code = sym;
            j++;
        }
        else if (word.Length > 1 && word[^1] == '$' && TryLookup(DollarPrefixes, word[..^1], out var dp))
        {
            code = dp;
            j++;
        }
        else if (sentence.StartsWithLetter(j) && j + 1 < sentence.Count && sentence.Word(j + 1) is "$" && TryLookup(DollarPrefixes, word, out var dp2) && (sentence.TouchesPrevious(j + 1) || (word.Length > 1 && !word.Equals("can", StringComparison.OrdinalIgnoreCase)) || word is "c" or "C"))
        {
            code = dp2;
            j += 2;
        }
        else if (sentence.StartsWithLetter(j) && j + 3 < sentence.Count && sentence.Word(j + 1) is "." && sentence.Word(j + 3) is "$" && sentence.WordIs(j, "u") && sentence.WordIs(j + 2, "s"))
        {
            code = "USD";
            j += 4;
        }
        else if (TryLookup(GluedCurrencyPrefixes, word.TrimEnd('.'), out var letters) && word.TrimEnd('.').SequenceEqual(letters.Spelling)
            && (sentence.Literals[j + 1 < sentence.Count ? j + 1 : j].Valid || (sentence.Word(j + 1) is "." && sentence.TouchesPrevious(j + 1) && j + 2 < sentence.Count && sentence.Literals[j + 2].Valid)))
        {
            // "RM 45,000", "Rs. 500".
            code = letters.Code;
            j += sentence.Literals[j + 1].Valid ? 1 : 2;
        }
        else if (word.Length == 3 && IsIn(PrefixCodes, word) && (IsAllUpper(word) || sentence.Count <= 4) && j + 1 < sentence.Count && sentence.Literals[j + 1].Valid)
        {
            TryLookup(CurrencyWords, word, out var cw);
            code = cw.Code;
            j++;
        }
        else if (IsMillionsOfCode(word, out var mCode) && j + 1 < sentence.Count && (sentence.Literals[j + 1].Valid || NumberWords.IsCardinal(sentence, j + 1, out _)))
        {
            // "MAUD 60": millions of Australian dollars.
            code = mCode;
            prefixScale = 1e6;
            j++;
        }
        return j;
    }

    /// <summary>"MUSD", "MEUR": millions of a currency, as financial reports write them.</summary>
    internal static bool IsMillionsOfCode(ReadOnlySpan<char> word, out string code)
    {
        code = "";
        if (word.Length == 4 && word[0] == 'M' && IsAllUpper(word) && IsIn(PrefixCodes, word[1..]) && TryLookup(CurrencyWords, word[1..], out var c))
        {
            code = c.Code;
            return true;
        }

        return false;
    }

    /// <summary>
    /// A currency word after an amount at <paramref name="i"/> ("dollars", "Australian dollars", "euros",
    /// "cents", "MUSD", "-cent"): its code, the divisor to whole units (100 for cents) and the token after it;
    /// <paramref name="scaled"/> when the amount has a scale word, which makes "pounds" money.
    /// </summary>
    internal static bool TryReadAfter(in SentenceView sentence, int i, bool scaled, out int end, out string code, out double divisor)
    {
        end = i;
        code = "";
        divisor = 1;

        // Nationality words first: "Australian dollars", "Hong Kong dollars", "US dollar".
        for (var width = 2; width >= 1; width--)
        {
            var cur = i + width;
            if (cur < sentence.Count && TryLookup(CurrencyWords, sentence.Word(cur), out var c) && sentence.StartsWithLetter(i))
            {
                var lemma = SingularCurrencyName(sentence.Word(cur));
                var key = string.Concat(sentence.Word(cur - 1), "|", lemma);
                if (width == 2)
                {
                    key = $"{sentence.Word(i)} {sentence.Word(i + 1)}|{lemma}";
                }

                if (TryLookup(CurrencyNationalities, key, out var nat) || (width == 2 && TryLookup(CurrencyNationalities, string.Concat(sentence.Word(i + 1), "|", lemma), out nat)))
                {
                    code = nat;
                    divisor = c.Divisor;
                    end = cur + 1;
                    return true;
                }
            }
        }

        if (IsMillionsOfCode(sentence.Word(i), out var mc))
        {
            code = mc;
            divisor = 1e-6;
            end = i + 1;
            return true;
        }

        if (TryLookup(CurrencyWords, sentence.Word(i), out var cw))
        {
            var word = sentence.Word(i);
            if (word.Length == 3 && IsIn(PrefixCodes, word) && !IsAllUpper(word) && !(word is "rmb" or "usd" or "eur" or "gbp"))
            {
                return false;
            }

            // "5 pounds of sugar" and "drop 25 pounds" weigh, "361 million pounds" is money (news writes
            // "£" for small sums); "won" after a number is usually the verb.
            if ((word.StartsWith("pound", StringComparison.OrdinalIgnoreCase) && (sentence.WordIs(i + 1, "of") || !scaled)) || word.Equals("won", StringComparison.Ordinal) && !sentence.IsCapitalized(i)
                || (word.Equals("try", StringComparison.OrdinalIgnoreCase) && !IsAllUpper(word)))
            {
                return false;
            }

            code = cw.Code;
            divisor = cw.Divisor;
            end = i + 1;
            if (sentence.WordIs(end, "sterling") && code == "GBP")
            {
                end++;
            }

            return true;
        }

        // "12-cent", "one-yen": a hyphenated money adjective.
        if (sentence.IsDash(i) && sentence.TouchesPrevious(i) && sentence.TouchesPrevious(i + 1) && TryLookup(CurrencyWords, sentence.Word(i + 1), out var hc) && !IsAllUpper(sentence.Word(i + 1)))
        {
            code = hc.Code;
            divisor = hc.Divisor;
            end = i + 2;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The lower-case singular of a currency word, the key of <see cref="NumberLexicon.CurrencyNationalities"/>
    /// ("Dollars" → "dollar").
    /// </summary>
    internal static string SingularCurrencyName(ReadOnlySpan<char> word)
    {
        var lower = word.ToString().ToLowerInvariant();
        return lower switch
        {
            "dollars" => "dollar",
            "francs" => "franc",
            "guilders" => "guilder",
            "rupees" => "rupee",
            "dinars" => "dinar",
            "pounds" => "pound",
            "riyals" => "riyal",
            "rials" => "rial",
            "pesos" => "peso",
            "roubles" => "rouble",
            "rubles" => "ruble",
            "shekels" => "shekel",
            "liras" => "lira",
            "kronor" => "krona",
            "kroner" => "krone",
            _ => lower,
        };
    }
}
