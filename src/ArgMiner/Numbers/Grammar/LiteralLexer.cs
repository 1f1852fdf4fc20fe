using System.Globalization;
using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Finds the numbers written in digits and reads each once: its value, thousands grouping or decimal comma,
/// and what is glued after it (scale, unit, currency, ordinal or decade suffix). It accepts both the UD
/// tokenisation ("1,500" whole) and a finer one that splits at every punctuation mark ("1" "," "500"): number
/// pieces that touch are glued back together.
/// </summary>
internal static class LiteralLexer
{
    /// <summary>A literal longer than this (in characters) is an identifier, not an amount.</summary>
    public const int MaxLiteralLength = 40;

    /// <summary>
    /// Marks the literals of <paramref name="sentence"/> in one pass: each run of touching number pieces becomes
    /// one literal, lexed once, at its first token; its later pieces are marked as inside it.
    /// </summary>
    public static void Lex(in SentenceView sentence)
    {
        var i = 0;
        while (i < sentence.Count)
        {
            var word = sentence.Word(i);
            var prefix = GluedCurrencyPrefix(word, out var prefixCode);
            var startsNumber = char.IsAsciiDigit(word[0]) || (word[0] == '.' && word.Length > 1 && char.IsAsciiDigit(word[1])) || prefix > 0
                || VulgarFraction(word[0]) > 0;
            var dotThenDigits = word.Length == 1 && word[0] == '.' && i + 1 < sentence.Count && sentence.TouchesPrevious(i + 1) && char.IsAsciiDigit(sentence.Word(i + 1)[0])
                && !(sentence.TouchesPrevious(i) && char.IsAsciiDigit(sentence.Word(i - 1)[^1]));
            if (!startsNumber && !dotThenDigits)
            {
                i++;
                continue;
            }

            var end = dotThenDigits ? i + 2 : i + 1;
            // "1 000 000", "12 345,6" with a non-breaking or thin space between the groups (SI and European typesetting): one
            // number. Until session 37 they were three, 1, 0 and 0.
            if (!dotThenDigits && prefix == 0 && word.Length <= 3 && IsDigits(word))
            {
                while (end < sentence.Count && IsGroupSpace(sentence, end) && sentence.Word(end) is { Length: >= 3 } group && IsDigits(group[..3])
                    && (group.Length == 3 || group[3] is ',' or '.' || !char.IsAsciiDigit(group[3])))
                {
                    end++;
                    if (group.Length > 3)
                    {
                        break;
                    }
                }
            }

            while (end + 1 < sentence.Count && sentence.Word(end) is [',' or '.'] && sentence.TouchesPrevious(end) && sentence.TouchesPrevious(end + 1)
                && char.IsAsciiDigit(sentence.Word(end - 1)[^1]) && char.IsAsciiDigit(sentence.Word(end + 1)[0]))
            {
                end += 2;
            }

            var first = sentence.Tokens[i].Start + prefix;
            sentence.Literals[i] = Parse(sentence.Text.AsSpan(first, sentence.Tokens[end - 1].End - first), end);
            // "2 1/2 years", "$1 1/2 billion": whole digits, one space and a proper fraction in digits are one mixed number
            // (news agencies' style for "2½"). Until session 38 the whole part was read alone ("2 years" lost its half).
            // A year before a share ("In 2009 2/3 of forests …") is no mixed number: the whole part is below 1,000 and no "of" follows.
            if (end == i + 1 && sentence.Literals[i] is { Valid: true, Identifier: false, Integer: true, Grouped: false, Suffix: LiteralSuffix.None, Value: < 1000 }
                && TryMixedFraction(sentence, end, out var part) && !sentence.WordIs(end + 1, "of"))
            {
                sentence.Literals[i].Value += part;
                sentence.Literals[i].Integer = false;
                sentence.Literals[i].End = ++end;
            }
            if (prefix > 0)
            {
                // "RM45,000", "Rs500", "RM2.3bn": the currency glued before the digits; a suffix other than a
                // scale ("RM5G") makes it a name.
                sentence.Literals[i].PrefixCurrency = prefixCode;
                if (sentence.Literals[i].Suffix is not (LiteralSuffix.None or LiteralSuffix.Scale or LiteralSuffix.MetreOrMillion))
                {
                    sentence.Literals[i].Identifier = true;
                }
            }

            for (var k = i + 1; k < end; k++)
            {
                sentence.InsideLiteral[k] = true;
            }

            i = end;
        }
    }

    /// <summary>
    /// A power of ten glued to the digits: "e6", "E-3" after any number ("1.2e6" → 1e6), superscript digits after
    /// a 10 ("10⁶" → 1e5, so that the literal's 10 times it is 1e6). <paramref name="scale"/> is the multiplier.
    /// </summary>
    internal static bool TryReadExponent(ReadOnlySpan<char> suffix, double value, out double scale)
    {
        scale = 1;
        var superscript = suffix.Length > 0 && IsSuperscript(suffix[0]);
        if (superscript ? value != 10 : suffix.Length < 2 || suffix[0] is not ('e' or 'E'))
        {
            return false;
        }

        var rest = superscript ? suffix : suffix[1..];
        var negative = rest.Length > 0 && rest[0] is '-' or '−' or '⁻';
        if (negative || (rest.Length > 0 && rest[0] is '+'))
        {
            rest = rest[1..];
        }

        if (rest.IsEmpty || rest.Length > 3)
        {
            return false;
        }

        var exponent = 0;
        foreach (var c in rest)
        {
            var digit = superscript ? "⁰¹²³⁴⁵⁶⁷⁸⁹".IndexOf(c, StringComparison.Ordinal) : c - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            exponent = (exponent * 10) + digit;
        }

        scale = Math.Pow(10, negative ? -exponent : exponent) / (superscript ? 10 : 1);
        return true;
    }

    // The spaces that group digits ("1 000 000"): no-break (U+00A0), thin (U+2009) and narrow no-break (U+202F), never a plain space.
    private static readonly System.Buffers.SearchValues<char> GroupingSpaces = System.Buffers.SearchValues.Create("\u00A0\u2009\u202F");

    /// <summary>A space that groups digits ("1 000 000"): no-break, thin or narrow no-break, never a plain space.</summary>
    internal static bool IsGroupingSpace(char c) => GroupingSpaces.Contains(c);

    // Token k follows token k - 1 after exactly one grouping space, with a digit before it.
    private static bool IsGroupSpace(in SentenceView sentence, int k) =>
        sentence.Tokens[k].Start == sentence.Tokens[k - 1].End + 1 && IsGroupingSpace(sentence.Text[sentence.Tokens[k - 1].End])
        && char.IsAsciiDigit(sentence.Text[sentence.Tokens[k - 1].End - 1]);

    /// <summary>
    /// A proper fraction in digits ("1/2", "3/4", "7/16": denominator 2 to 16) at token <paramref name="k"/>, one plain
    /// space after a whole number, ending its word ("2 1/2-year" too, not "1/2/2025" or "1/2nd").
    /// </summary>
    private static bool TryMixedFraction(in SentenceView sentence, int k, out double part)
    {
        part = 0;
        if (k >= sentence.Count || sentence.Tokens[k].Start != sentence.Tokens[k - 1].End + 1 || sentence.Text[sentence.Tokens[k - 1].End] != ' ')
        {
            return false;
        }

        part = ProperFraction(sentence.Word(k), 16);
        if (part == 0 || (k + 1 < sentence.Count && sentence.TouchesPrevious(k + 1) && sentence.Word(k + 1) is not ("-" or "," or "." or ";" or ":" or ")" or "!" or "?")))
        {
            part = 0;
            return false;
        }

        return true;
    }

    /// <summary>
    /// The value of a proper fraction written in digits as one token ("2/3", "7/16"): a numerator of one or two digits, at
    /// least 1 and below the denominator, which is 2 to <paramref name="maxDenominator"/> and written in no more digits
    /// than it; 0 for anything else. Mixed numbers here and shares in <see cref="ProportionReader"/> read them alike.
    /// </summary>
    internal static double ProperFraction(ReadOnlySpan<char> word, int maxDenominator)
    {
        var maxDigits = 0;
        for (var m = maxDenominator; m > 0; m /= 10)
        {
            maxDigits++;
        }

        var slash = word.IndexOf('/');
        if (slash is < 1 or > 2 || word.Length - slash - 1 < 1 || word.Length - slash - 1 > maxDigits || !IsDigits(word[..slash]) || !IsDigits(word[(slash + 1)..]))
        {
            return 0;
        }

        var numerator = int.Parse(word[..slash], NumberStyles.None, CultureInfo.InvariantCulture);
        var denominator = int.Parse(word[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
        return numerator < 1 || numerator >= denominator || denominator > maxDenominator ? 0 : (double)numerator / denominator;
    }

    /// <summary>
    /// The value of a vulgar fraction character ("½" 0.5, "¾" 0.75, "⅓", "⅛" …: U+00BC–U+00BE and U+2150–U+215E), or 0
    /// for any other character.
    /// </summary>
    internal static double VulgarFraction(char c) => c switch
    {
        '\u00BC' => 0.25,
        '\u00BD' => 0.5,
        '\u00BE' => 0.75,
        >= '\u2150' and <= '\u215E' => VulgarFractions[c - '\u2150'],
        _ => 0,
    };

    // ⅐ ⅑ ⅒ ⅓ ⅔ ⅕ ⅖ ⅗ ⅘ ⅙ ⅚ ⅛ ⅜ ⅝ ⅞, in code point order from U+2150.
    private static readonly double[] VulgarFractions =
        [1.0 / 7, 1.0 / 9, 0.1, 1.0 / 3, 2.0 / 3, 0.2, 0.4, 0.6, 0.8, 1.0 / 6, 5.0 / 6, 0.125, 0.375, 0.625, 0.875];

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static bool IsSuperscript(char c) => c is '⁰' or '¹' or '²' or '³' or '⁴' or '⁵' or '⁶' or '⁷' or '⁸' or '⁹' or '⁻';

    /// <summary>
    /// The length of a currency written before digits in the same token ("RM" in "RM45", "Rs" in "Rs500", "USD"
    /// in "USD45"), with its ISO code; 0 when the token does not start so.
    /// </summary>
    internal static int GluedCurrencyPrefix(ReadOnlySpan<char> word, out string? code)
    {
        code = null;
        var letters = 0;
        while (letters < word.Length && letters < 4 && char.IsAsciiLetter(word[letters]))
        {
            letters++;
        }

        if (letters is < 2 or > 3 || letters >= word.Length || !char.IsAsciiDigit(word[letters]))
        {
            return 0;
        }

        var prefix = word[..letters];
        if (TryLookup(GluedCurrencyPrefixes, prefix, out var glued) && prefix.SequenceEqual(glued.Spelling))
        {
            code = glued.Code;
        }
        else if (letters == 3 && IsAllUpper(prefix) && IsIn(PrefixCodes, prefix) && TryLookup(CurrencyWords, prefix, out var cw))
        {
            code = cw.Code;
        }

        return code is null ? 0 : letters;
    }

    /// <summary>Lexes the characters of one literal ("1,500", "2.5bn", "21st") that ends before token <paramref name="end"/>.</summary>
    internal static NumberLiteral Parse(ReadOnlySpan<char> characters, int end)
    {
        var literal = new NumberLiteral { End = end, Valid = true };
        var j = 0;
        int dots = 0, commas = 0, digits = 0, spaces = 0;
        while (j < characters.Length)
        {
            var c = characters[j];
            if (char.IsAsciiDigit(c))
            {
                digits++;
                j++;
            }
            else if (IsGroupingSpace(c) && j + 1 < characters.Length && char.IsAsciiDigit(characters[j + 1]))
            {
                spaces++;
                j++;
            }
            else if ((c == ',' || c == '.') && j + 1 < characters.Length && char.IsAsciiDigit(characters[j + 1]))
            {
                if (c == '.')
                {
                    dots++;
                }
                else
                {
                    commas++;
                }

                j++;
            }
            else
            {
                break;
            }
        }

        var number = characters[..j];
        // "2½ million", "3¾ hours", "½ per cent": a vulgar fraction glued after whole digits, or alone. Until session 38
        // such a number was a name and claimed nothing.
        var fraction = dots == 0 && commas == 0 && spaces == 0 && j < characters.Length ? VulgarFraction(characters[j]) : 0;
        if (fraction > 0)
        {
            j++;
        }

        var suffix = characters[j..];
        if (fraction > 0 && digits == 0)
        {
            literal.Value = fraction;
            ClassifySuffix(ref literal, suffix);
            return literal;
        }

        if (j > MaxLiteralLength || dots > 1 || digits == 0)
        {
            literal.Identifier = true;
            return literal;
        }

        // Thousands grouping: 1-3 digits, then groups of exactly three; otherwise one comma and 1-2
        // digits is a decimal comma ("1,3"); anything else is a list or a code.
        var decimalComma = false;
        if (spaces > 0)
        {
            // "1 000 000", "12 345,67", "1 234.5": 1-3 digits, then groups of exactly three after each space; a comma
            // after them is a decimal comma.
            var point = number.IndexOfAny(',', '.');
            var intPart = point >= 0 ? number[..point] : number;
            var groupsOk = commas + dots <= 1;
            var firstSpace = intPart.IndexOfAny(GroupingSpaces);
            groupsOk &= firstSpace is >= 1 and <= 3;
            var rest = groupsOk ? intPart[(firstSpace + 1)..] : [];
            while (groupsOk && !rest.IsEmpty)
            {
                var next = rest.IndexOfAny(GroupingSpaces);
                groupsOk = (next < 0 ? rest.Length : next) == 3;
                rest = next < 0 ? [] : rest[(next + 1)..];
            }

            if (!groupsOk)
            {
                literal.Identifier = true;
                return literal;
            }

            decimalComma = commas == 1;
            literal.Grouped = true;
        }
        else if (commas > 0)
        {
            var intPart = number;
            var dot = number.IndexOf('.');
            if (dot >= 0)
            {
                intPart = number[..dot];
            }

            var groupsOk = true;
            var firstComma = intPart.IndexOf(',');
            if (firstComma < 0 || firstComma > 3)
            {
                groupsOk = false;
            }
            else
            {
                var rest = intPart[(firstComma + 1)..];
                while (groupsOk && !rest.IsEmpty)
                {
                    var next = rest.IndexOf(',');
                    var group = next < 0 ? rest : rest[..next];
                    groupsOk = group.Length == 3;
                    rest = next < 0 ? [] : rest[(next + 1)..];
                }
            }

            // Indian grouping ("7,50,000", "1,23,45,678"): lakhs and crores, groups of two before the last three.
            if (!groupsOk && IsIndianGrouping(intPart))
            {
                groupsOk = true;
            }

            if (!groupsOk)
            {
                if (commas == 1 && dots == 0 && number.Length - number.IndexOf(',') - 1 <= 2)
                {
                    decimalComma = true;
                }
                else
                {
                    literal.Identifier = true;
                    return literal;
                }
            }

            literal.Grouped = !decimalComma;
        }

        Span<char> buffer = stackalloc char[MaxLiteralLength + 1];
        var b = 0;
        var seenPoint = false;
        foreach (var c in number)
        {
            if ((c == ',' && !decimalComma) || IsGroupingSpace(c))
            {
                continue;
            }

            if (c is '.' or ',')
            {
                seenPoint = true;
                buffer[b++] = '.';
            }
            else
            {
                if (!seenPoint)
                {
                    literal.IntDigits++;
                }

                buffer[b++] = c;
            }
        }

        literal.Value = double.Parse(buffer[..b], NumberStyles.Float, CultureInfo.InvariantCulture) + fraction;
        literal.Integer = !seenPoint && fraction == 0;
        literal.LeadingZero = number.Length > 1 && number[0] == '0' && char.IsAsciiDigit(number[1]);
        ClassifySuffix(ref literal, suffix);
        return literal;
    }

    /// <summary>
    /// Reads what is glued after the digits: ordinal, decade, scale, unit, currency or percent; anything else
    /// makes the literal a name ("5G").
    /// </summary>
    private static void ClassifySuffix(ref NumberLiteral literal, ReadOnlySpan<char> suffix)
    {
        if (suffix.IsEmpty)
        {
            return;
        }

        if (literal.Integer && (suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
        {
            literal.Suffix = LiteralSuffix.Ordinal;
            return;
        }

        if (literal.Integer && (suffix is "s" or "'s") && literal.Value % 10 == 0 && (literal.IntDigits is 2 or 4))
        {
            literal.Suffix = LiteralSuffix.Decade;
            return;
        }

        switch (suffix)
        {
            case "k" or "K":
                literal.Suffix = LiteralSuffix.Scale;
                literal.Scale = 1e3;
                return;
            case "M" or "MM" or "mn" or "mln" or "mil" or "Mn":
                literal.Suffix = LiteralSuffix.Scale;
                literal.Scale = 1e6;
                return;
            case "m":
                literal.Suffix = LiteralSuffix.MetreOrMillion;
                return;
            case "b" or "B" or "bn" or "Bn" or "BN" or "bln":
                literal.Suffix = LiteralSuffix.Scale;
                literal.Scale = 1e9;
                return;
            case "tn" or "trn" or "tln":
                literal.Suffix = LiteralSuffix.Scale;
                literal.Scale = 1e12;
                return;
            case "%" or "pc":
                // "12pc": British papers' per cent.
                literal.Suffix = LiteralSuffix.Percent;
                return;
            case "G" or "D":
                literal.Suffix = LiteralSuffix.Unknown;
                literal.Identifier = true;
                return;
            case "t":
                literal.Suffix = LiteralSuffix.Unit;
                literal.Unit = "t";
                return;
            default:
                break;
        }

        // "1.2e6" and "10⁶": powers of ten.
        if (TryReadExponent(suffix, literal.Value, out var power))
        {
            literal.Suffix = LiteralSuffix.Scale;
            literal.Scale = power;
            return;
        }

        if (TryLookup(Units, suffix, out var unit))
        {
            literal.Suffix = LiteralSuffix.Unit;
            literal.Unit = unit;
        }
        else if (TryLookup(Symbols, suffix, out var code) || (suffix.Length == 3 && IsIn(PrefixCodes, suffix) && TryLookup(CurrencyWords, suffix, out var cw) && (code = cw.Code) is not null))
        {
            literal.Suffix = LiteralSuffix.Currency;
            literal.Unit = code;
        }
        else
        {
            literal.Suffix = LiteralSuffix.Unknown;
            literal.Identifier = true;
        }
    }

    /// <summary>
    /// Indian digit grouping: one or two digits, one or more groups of two, then a last group of three
    /// ("7,50,000" = 750,000; "1,23,45,678"); a list of small numbers ("1,2,3", "10,20,30") is none.
    /// </summary>
    private static bool IsIndianGrouping(ReadOnlySpan<char> intPart)
    {
        var groups = 0;
        var rest = intPart;
        var first = rest.IndexOf(',');
        if (first is < 1 or > 2)
        {
            return false;
        }

        rest = rest[(first + 1)..];
        while (true)
        {
            var next = rest.IndexOf(',');
            if (next < 0)
            {
                return groups >= 1 && rest.Length == 3;
            }

            if (next != 2)
            {
                return false;
            }

            groups++;
            rest = rest[(next + 1)..];
        }
    }

}
