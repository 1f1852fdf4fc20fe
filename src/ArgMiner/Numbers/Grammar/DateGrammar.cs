using ArgMiner.Text;
using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Dates are not quantities: finds months with days or years ("March 3, 2024", "July of 1977"), "early 2024",
/// "mid-2025", decades ("the 1990s"), centuries ("the 19th century", "mid-18th century"), numeric dates ("5/17/2018", "2015.5.13", "11/2016") and bare four-digit
/// years in year position ("in 2011", "the 2011 withdrawal"), and marks where each ends so that the claim
/// matcher skips them. A four-digit number stays a count before a plural noun, unit, currency or percent,
/// after a qualifier, or at the start of a range of counts (Numbers/README.md).
/// </summary>
internal static class DateGrammar
{
    /// <summary>
    /// Marks every date of <paramref name="sentence"/> in <see cref="SentenceView.DateEnds"/> and appends it to
    /// <paramref name="dates"/> when given.
    /// </summary>
    internal static void MarkDates(in SentenceView sentence, List<DateSpan>? dates)
    {
        var i = 0;
        while (i < sentence.Count)
        {
            var end = MatchDate(sentence, i);
            if (end > i)
            {
                end = EndAfterYearSpan(sentence, end);
                sentence.DateEnds[i] = end;
                dates?.Add(new DateSpan(sentence.Tokens[i].Start, sentence.Tokens[end - 1].End, sentence.Index));
                i = end;
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>
    /// A month name at <paramref name="i"/> that is a month here: lower-case or ambiguous names ("may", "March",
    /// "Jan") need a day, a year or a date preposition; <paramref name="afterDay"/> when a day precedes it.
    /// </summary>
    internal static bool IsMonth(in SentenceView sentence, int i, bool afterDay = false)
    {
        if (i < 0 || i >= sentence.Count)
        {
            return false;
        }

        var word = sentence.Word(i);
        if (word.Length > 3 && word[^1] == '.')
        {
            word = word[..^1]; // "Oct." as one token
        }

        if (!TryLookup(Months, word, out _))
        {
            return false;
        }

        var next = i + 1 < sentence.Count && sentence.TouchesPrevious(i + 1) && sentence.Word(i + 1) is "." ? i + 2 : i + 1;
        var anchored = afterDay || IsDay(sentence, next) || IsYear(sentence, next) || ((sentence.WordIs(next, ",") || sentence.WordIs(next, "of")) && IsYear(sentence, next + 1));
        var ambiguous = word.Length <= 4 && !word.Equals("june", StringComparison.OrdinalIgnoreCase) && !word.Equals("july", StringComparison.OrdinalIgnoreCase);
        if (!sentence.IsCapitalized(i))
        {
            // Lower-case months only with a day or a year, and never "may" or "march".
            return anchored && !word.Equals("may", StringComparison.Ordinal) && !word.Equals("march", StringComparison.Ordinal);
        }

        // "May" and "March" are also a verb and a noun, "Jan" a name: they need a day, a year or a date preposition.
        if (ambiguous || word is "March")
        {
            return anchored || (i > 0 && IsIn(YearPrepositions, sentence.Word(i - 1)) && !sentence.WordIs(i - 1, "and") && !sentence.WordIs(i - 1, "to"));
        }

        return true;
    }

    /// <summary>
    /// A day of the month at <paramref name="i"/>: 1 to 31 in one or two digits, or an ordinal ("3rd").
    /// </summary>
    internal static bool IsDay(in SentenceView sentence, int i)
    {
        if (i >= sentence.Count || sentence.InsideLiteral[i])
        {
            return false;
        }

        var literal = sentence.Literals[i];
        return literal.Valid && !literal.Identifier && literal.Integer && !literal.Grouped && literal.Value is >= 1 and <= 31 && literal.IntDigits <= 2
            && literal.Suffix is LiteralSuffix.None or LiteralSuffix.Ordinal && literal.PrefixCurrency is null;
    }

    /// <summary>A year at <paramref name="i"/>: four digits from 1000 to 2199 with nothing glued.</summary>
    internal static bool IsYear(in SentenceView sentence, int i)
    {
        if (i >= sentence.Count || sentence.InsideLiteral[i])
        {
            return false;
        }

        var literal = sentence.Literals[i];
        return literal.Valid && !literal.Identifier && literal.Integer && !literal.Grouped && literal.IntDigits == 4 && literal.Value is >= 1000 and <= 2199
            && literal.Suffix is LiteralSuffix.None && literal.PrefixCurrency is null;
    }

    /// <summary>
    /// The end (exclusive) of a date starting at <paramref name="i"/>, or <paramref name="i"/> when none starts
    /// there.
    /// </summary>
    internal static int MatchDate(in SentenceView sentence, int i)
    {
        if (sentence.InsideLiteral[i])
        {
            return i;
        }

        // early / mid / late [-] YEAR or MONTH; "mid-2020s"
        if (IsIn(DateModifiers, sentence.Word(i)))
        {
            var j = i + 1;
            if (sentence.IsDash(j) && sentence.TouchesPrevious(j) && sentence.TouchesPrevious(j + 1))
            {
                j++;
            }
            else if (sentence.WordIs(j, "of"))
            {
                j++;
            }

            if (IsYear(sentence, j) || IsDecade(sentence, j))
            {
                return j + 1;
            }

            if (EndAfterCentury(sentence, j) is var century && century > j)
            {
                return century;
            }

            if (IsMonth(sentence, j))
            {
                return EndAfterMonth(sentence, j);
            }

            return i;
        }

        // DAY [of] MONTH [YEAR]
        if (IsDay(sentence, i))
        {
            var j = i + 1;

            // "06-Apr", "15-Jan-2020": day and month joined by hyphens, as spreadsheets write dates.
            if (Glued(sentence, j) && IsMonth(sentence, j + 1, afterDay: true))
            {
                return Glued(sentence, j + 2) && IsYear(sentence, j + 3) ? j + 4 : j + 2;
            }

            if (sentence.WordIs(j, "of"))
            {
                j++;
            }

            if (IsMonth(sentence, j, afterDay: true))
            {
                // "to 16 March 1": a day after the month makes the month the American "March 1"; the number
                // before it is no day.
                if (j == i + 1 && IsDay(sentence, j + 1) && !sentence.TouchesPrevious(j + 1))
                {
                    return i;
                }

                var k = j + 1;
                if (k < sentence.Count && sentence.Word(k) is "." && sentence.TouchesPrevious(k))
                {
                    k++;
                }

                if (sentence.WordIs(k, ",") || sentence.WordIs(k, "of"))
                {
                    k++;
                }

                return IsYear(sentence, k) ? k + 1 : (k > j + 1 && sentence.Word(k - 1) is "," or "of" ? k - 1 : k);
            }
        }

        if (IsMonth(sentence, i))
        {
            return EndAfterMonth(sentence, i);
        }

        if (EndAfterCentury(sentence, i) is var centuryEnd && centuryEnd > i)
        {
            return centuryEnd;
        }

        if (IsDecade(sentence, i))
        {
            return i + 1;
        }

        if (IsNumericDateToken(sentence.Word(i)))
        {
            return i + 1;
        }

        // Numeric dates: 5/17/2018, 2019-12-01, 12/2019 (pieces touching, a year among them).
        if (sentence.Literals[i].Valid && !sentence.Literals[i].Identifier && sentence.Literals[i].Integer && !sentence.Literals[i].Grouped && sentence.Literals[i].PrefixCurrency is null)
        {
            var j = i;
            var parts = 1;
            var hasYear = sentence.Literals[i].IntDigits == 4;
            while (j + 2 < sentence.Count && sentence.Word(j + 1) is "/" or "-" && sentence.TouchesPrevious(j + 1) && sentence.TouchesPrevious(j + 2) && sentence.Literals[j + 2].Valid
                && sentence.Literals[j + 2].Integer && !sentence.Literals[j + 2].Grouped && sentence.Literals[j + 2].IntDigits <= 4 && parts < 3)
            {
                hasYear |= sentence.Literals[j + 2].IntDigits == 4;
                j += 2;
                parts++;
            }

            if (parts >= 2 && (hasYear || parts == 3) && !(parts == 2 && IsNumberRange(sentence, i, j)))
            {
                return j + 1;
            }

            if (IsYear(sentence, i) && IsStandaloneYear(sentence, i))
            {
                return i + 1;
            }
        }

        return i;
    }

    /// <summary>A dash at <paramref name="i"/> touching the tokens on both sides ("06-Apr").</summary>
    private static bool Glued(in SentenceView sentence, int i) =>
        i + 1 < sentence.Count && sentence.IsDash(i) && sentence.TouchesPrevious(i) && sentence.TouchesPrevious(i + 1);

    /// <summary>
    /// The end of a span of years after a date that ends with a year at <paramref name="end"/> - 1: "1973 to
    /// 1990", "from 1989 to 1995", "2000 through 2002" (a later year), "2009 - 10", "2006-7", "2009/10" (the last
    /// one or two digits of the next years, after a dash or slash); <paramref name="end"/> when none follows. The
    /// second year is no count unless a unit, currency, percent or counted noun follows it ("1500 to 2000 troops").
    /// </summary>
    internal static int EndAfterYearSpan(in SentenceView sentence, int end)
    {
        var last = end - 1;
        if (!IsYear(sentence, last) || end + 1 >= sentence.Count)
        {
            return end;
        }

        var first = (int)sentence.Literals[last].Value;
        var k = end + 1;
        var literal = sentence.Literals[k];
        if (sentence.InsideLiteral[k] || !literal.Valid || literal.Identifier || !literal.Integer || literal.Grouped || literal.Suffix != LiteralSuffix.None || literal.PrefixCurrency is not null || Counts(sentence, literal.End))
        {
            return end;
        }

        var connector = sentence.Word(end);
        if ((connector is "to" or "through" or "until" or "till" || sentence.IsDash(end)) && IsYear(sentence, k) && literal.Value > first && literal.Value - first <= 100)
        {
            return k + 1;
        }

        // "2009-10", "2006 - 7": the next year by its last digits.
        if ((sentence.IsDash(end) || connector is "/") && literal.IntDigits is 1 or 2 && (!literal.LeadingZero || literal.IntDigits == 2))
        {
            var modulus = literal.IntDigits == 1 ? 10 : 100;
            var year = first - (first % modulus) + (int)literal.Value;
            if (year <= first)
            {
                year += modulus;
            }

            return year - first is >= 1 and <= 10 ? k + 1 : end;
        }

        return end;
    }

    // What makes a number after a year a count: "%", a scale, unit or currency, or a plural noun.
    private static bool Counts(in SentenceView sentence, int next)
    {
        if (next >= sentence.Count)
        {
            return false;
        }

        var word = sentence.Word(next);
        return word is "%" || TryLookup(Scales, word, out _) || TryLookup(Units, word, out _) || TryLookup(CurrencyWords, word, out _)
            || sentence.IsPercentWord(next) || (sentence.IsPluralNoun(next) && !TryLookup(PluralScales, word, out _));
    }

    /// <summary>
    /// One token such as "02/22/2016", "2015.5.13", "11/2016", "21/04/16": two or three groups of digits joined
    /// by one separator, with a four-digit year first or last (or three groups joined by slashes).
    /// </summary>
    internal static bool IsNumericDateToken(ReadOnlySpan<char> word)
    {
        if (word.Length is < 6 or > 10 || !char.IsAsciiDigit(word[0]) || !char.IsAsciiDigit(word[^1]))
        {
            return false;
        }

        var sep = '\0';
        Span<int> lengths = stackalloc int[3];
        Span<int> values = stackalloc int[3];
        var groups = 0;
        foreach (var c in word)
        {
            if (char.IsAsciiDigit(c))
            {
                if (lengths[groups] == 4)
                {
                    return false;
                }

                lengths[groups]++;
                values[groups] = (values[groups] * 10) + (c - '0');
            }
            else if (c is '/' or '.' or '-' && (sep == '\0' || sep == c) && groups < 2 && lengths[groups] > 0)
            {
                sep = c;
                groups++;
            }
            else
            {
                return false;
            }
        }

        groups++;
        if (groups < 2)
        {
            return false;
        }

        static bool Year(int length, int value) => length == 4 && value is >= 1000 and <= 2199;
        var yearFirst = Year(lengths[0], values[0]);
        var yearLast = Year(lengths[groups - 1], values[groups - 1]);
        var monthOk = groups == 2
            ? (yearFirst ? values[1] : values[0]) is >= 1 and <= 12
            : (yearFirst ? values[1] is >= 1 and <= 12 : (values[0] is >= 1 and <= 12 || values[1] is >= 1 and <= 12));
        return monthOk && (yearFirst || yearLast || (groups == 3 && sep == '/'));
    }

    /// <summary>
    /// Whether the two numbers at <paramref name="first"/> and <paramref name="last"/>, joined by a dash, are a
    /// range of numbers ("1,500-3,000", "2-3") rather than a span of years ("1995-2001") or a date.
    /// </summary>
    internal static bool IsNumberRange(in SentenceView sentence, int first, int last)
    {
        var low = sentence.Literals[first];
        var high = sentence.Literals[last];
        if (sentence.Word(first + 1) is "/")
        {
            return false;
        }

        if (low.IntDigits == 4 && high.IntDigits == 4 && low.Value is >= 1000 and <= 2199 && high.Value is >= 1000 and <= 2199)
        {
            return false;
        }

        return !high.LeadingZero && high.Value > low.Value;
    }

    /// <summary>
    /// The end of a century starting at <paramref name="i"/> ("19th century", "the twenty-first century", "13th and
    /// 14th centuries", "18th-century"), or <paramref name="i"/>: the ordinal and the century word are the date, so
    /// that the rank is no claim.
    /// </summary>
    internal static int EndAfterCentury(in SentenceView sentence, int i)
    {
        var k = AfterCenturyOrdinal(sentence, i);
        if (k == i)
        {
            return i;
        }

        // "13th and 14th centuries", "19th to 20th century", "15th-16th centuries".
        if ((sentence.WordIs(k, "and") || sentence.WordIs(k, "or") || sentence.WordIs(k, "to") || sentence.IsDash(k)) && AfterCenturyOrdinal(sentence, k + 1) is var second && second > k + 1)
        {
            var end = CenturyWordEnd(sentence, second);
            if (end > second)
            {
                return end;
            }
        }

        var centuryEnd = CenturyWordEnd(sentence, k);
        return centuryEnd > k ? centuryEnd : i;
    }

    /// <summary>"century" or "centuries" at <paramref name="i"/>, or after a hyphen ("18th-century"): the token after it, or <paramref name="i"/>.</summary>
    private static int CenturyWordEnd(in SentenceView sentence, int i)
    {
        var k = sentence.IsDash(i) && sentence.TouchesPrevious(i) && sentence.TouchesPrevious(i + 1) ? i + 1 : i;
        return sentence.WordIs(k, "century") || sentence.WordIs(k, "centuries") || sentence.WordIs(k, "millennium") ? k + 1 : i;
    }

    /// <summary>An ordinal from 1 to 30 at <paramref name="i"/> ("19th", "third", "twenty-first"): the token after it, or <paramref name="i"/>.</summary>
    private static int AfterCenturyOrdinal(in SentenceView sentence, int i)
    {
        if (i >= sentence.Count)
        {
            return i;
        }

        var literal = sentence.Literals[i];
        if (literal.Valid && !sentence.InsideLiteral[i] && literal.Suffix == LiteralSuffix.Ordinal && literal.Value is >= 1 and <= 30 && literal.End == i + 1)
        {
            return i + 1;
        }

        if (TryLookup(Ordinals, sentence.Word(i), out var o) && o <= 20)
        {
            return i + 1;
        }

        return sentence.WordIs(i, "twenty") && sentence.IsDash(i + 1) && TryLookup(Ordinals, sentence.Word(i + 2), out var u) && u < 10 ? i + 3 : i;
    }

    /// <summary>A decade at <paramref name="i"/> ("1990s", "1990's").</summary>
    internal static bool IsDecade(in SentenceView sentence, int i) => i < sentence.Count && sentence.Literals[i].Valid && sentence.Literals[i].Suffix == LiteralSuffix.Decade && sentence.Literals[i].IntDigits == 4;

    /// <summary>
    /// The end of a date whose month is at <paramref name="month"/>: with its day ("November 19-20"), its year
    /// ("July of 1977", "March 3, 2024"), or the month alone.
    /// </summary>
    internal static int EndAfterMonth(in SentenceView sentence, int month)
    {
        var k = month + 1;
        if (k < sentence.Count && sentence.Word(k) is "." && sentence.TouchesPrevious(k))
        {
            k++;
        }

        if (IsDay(sentence, k))
        {
            k++;

            // "November 19-20"
            if (sentence.IsDash(k) && IsDay(sentence, k + 1) && sentence.Literals[k + 1].Value > sentence.Literals[k - 1].Value)
            {
                k += 2;
            }

            var y = k;
            if (sentence.WordIs(y, ","))
            {
                y++;
            }
            else if (sentence.WordIs(y, "of"))
            {
                y++;
            }

            return IsYear(sentence, y) ? y + 1 : k;
        }

        if ((sentence.WordIs(k, ",") || sentence.WordIs(k, "of")) && IsYear(sentence, k + 1))
        {
            return k + 2;
        }

        return IsYear(sentence, k) ? k + 1 : month + 1;
    }

    /// <summary>
    /// A bare four-digit year at <paramref name="i"/>: "in 2011", "the 2011 withdrawal", "since 2003", "below 2019
    /// levels", "the 2024 elections"; but "2000 troops", "more than 2000" and "1500 to 2000 troops" are counts.
    /// </summary>
    internal static bool IsStandaloneYear(in SentenceView sentence, int i)
    {
        var next = i + 1;

        // "below 2019 levels", "the 2024 elections", "Britain's 2030 targets": a year before what it dates; "the
        // Equality Act 2010 applies": a year after a name inside the sentence.
        if (sentence.Literals[i].Value is >= 1900 and <= 2099 && (IsIn(YearNouns, sentence.Word(next)) || (sentence.IsPluralNoun(next) && IsIn(YearDeterminers, sentence.Word(i - 1)))))
        {
            return true;
        }

        if (i > 1 && sentence.StartsWithLetter(i - 1) && sentence.IsCapitalized(i - 1) && !sentence.IsPunctuation(i - 2) && !IsIn(QualifierFirstWords, sentence.Word(i - 1)))
        {
            return true;
        }
        if (next < sentence.Count)
        {
            var word = sentence.Word(next);
            if (word is "%" || TryLookup(Scales, word, out _) || TryLookup(Units, word, out _) || TryLookup(CurrencyWords, word, out _)
                || sentence.IsPercentWord(next) || (sentence.IsPluralNoun(next) && !TryLookup(PluralScales, word, out _)) || (sentence.IsDash(next) && sentence.TouchesPrevious(next) && sentence.StartsWithLetter(next + 1)))
            {
                return false;
            }

            // "1500 to 2000 troops": the range's end counts something; "1000-5000" is no span of years, "2006-07"
            // and "2006 - 7" are.
            if ((sentence.WordIs(next, "to") || sentence.IsDash(next) || sentence.WordIs(next, "and")) && next + 1 < sentence.Count && sentence.Literals[next + 1].Valid
                && (sentence.IsPluralNoun(sentence.Literals[next + 1].End) || !(sentence.WordIs(next, "and") || IsYear(sentence, next + 1) || (sentence.IsDash(next) && sentence.Literals[next + 1].IntDigits is 1 or 2 && sentence.Literals[next + 1].Integer))))
            {
                return false;
            }
        }

        if (i > 0)
        {
            var p = sentence.Word(i - 1);
            if (TryLookup(Symbols, p, out _) || IsIn(QualifierLastWords, p) || (p is "of" && sentence.WordIs(i - 2, "total")))
            {
                return false;
            }
        }

        return true;
    }
}
