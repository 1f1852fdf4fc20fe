using ArgMiner.Text;
using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Numbers that name or code something rather than count it, marked as identifiers before dates and claims are
/// read, so that neither reads them: phone numbers ("+44 20 7946 0000", "020 7946 0000", "(020) 7946 0000", "call
/// 555-0143"), scores and hyphenated tallies ("won 3-1", "ruled 6-3", "a 2-2 draw", "voted 52-48"; but "voted 52
/// to 48" is two counts of votes), and numbers in
/// names ("Model 3", "the FTSE 250 Index", "Boeing 737", "Fortune 500 companies", "Type 2 diabetes", "Firefox 1.5"),
/// and times of day ("Game tonight at 7", "meet at 10 tomorrow", "open from 9 to 5"). Labels after
/// a version word ("Section 230", "Route 66", "Windows 10") and codes ("F-16") are refused by
/// <see cref="AmountReader"/>.
/// </summary>
internal static class CodeMarker
{
    /// <summary>
    /// Marks the literals of <paramref name="sentence"/> that are phone numbers, scores or numbers in names as
    /// identifiers; appends each phone number and score to <paramref name="codes"/> when given.
    /// </summary>
    internal static void Mark(in SentenceView sentence, List<CodeSpan>? codes)
    {
        var titleCase = IsTitleCase(sentence);
        var i = 0;
        while (i < sentence.Count)
        {
            var end = MatchPhoneNumber(sentence, i);
            if (end == i)
            {
                end = MatchScore(sentence, i);
            }

            if (end > i)
            {
                for (var k = i; k < end; k++)
                {
                    if (sentence.Literals[k].Valid)
                    {
                        sentence.Literals[k].Identifier = true;
                    }
                }

                codes?.Add(new CodeSpan(sentence.Tokens[i].Start, sentence.Tokens[end - 1].End, sentence.Index));
                i = end;
                continue;
            }

            // "open from 9 to 5": office hours, both bounds times of day.
            if (IsOfficeHours(sentence, i))
            {
                sentence.Literals[i].Identifier = true;
                sentence.Literals[i + 2].Identifier = true;
                i += 3;
                continue;
            }

            if (IsAddressOrMarker(sentence, i) || IsTimeOfDay(sentence, i))
            {
                sentence.Literals[i].Identifier = true;

                // "CA 94720-1900": a ZIP+4 code's last four digits too.
                if (sentence.Literals[i].IntDigits == 5 && sentence.IsDash(i + 1) && sentence.TouchesPrevious(i + 1) && sentence.TouchesPrevious(i + 2)
                    && IsGroup(sentence, i + 2) && sentence.Literals[i + 2].IntDigits == 4)
                {
                    sentence.Literals[i + 2].Identifier = true;
                    i += 2;
                }

                i++;
                continue;
            }

            if (IsNumberInName(sentence, i, titleCase))
            {
                sentence.Literals[i].Identifier = true;

                // "Boeing 737-800": the variant after the hyphen too.
                if (sentence.IsDash(i + 1) && sentence.TouchesPrevious(i + 1) && sentence.TouchesPrevious(i + 2) && IsGroup(sentence, i + 2))
                {
                    sentence.Literals[i + 2].Identifier = true;
                    i += 2;
                }
            }

            i++;
        }
    }

    /// <summary>
    /// The end of a phone number starting at <paramref name="i"/>, or <paramref name="i"/>: "+" and two groups of
    /// digits or more ("+44 20 7946 0000", "+1-202-555-0143"); an area code in brackets and more groups ("(020)
    /// 7946 0000", "(713) 853-3242"); three groups or more led by a zero ("020 7946 0000") or with a later group of
    /// four digits ("202 555 0143"), nine digits in all; two groups or more after a word such as "call", "phone"
    /// or "hotline" ("call 555-0143").
    /// </summary>
    internal static int MatchPhoneNumber(in SentenceView sentence, int i)
    {
        if (sentence.Word(i) is "+" && sentence.TouchesPrevious(i + 1) && IsGroup(sentence, i + 1))
        {
            // "+1 (212) 899-4310": a country code, then an area code in brackets.
            // (The tokenizer keeps "899-4310" whole, already an identifier.)
            if (sentence.Literals[i + 1].IntDigits <= 3 && sentence.Word(i + 2) is "(" && IsGroup(sentence, i + 3) && sentence.Word(i + 4) is ")")
            {
                if (IsGroup(sentence, i + 5))
                {
                    return ReadGroups(sentence, i + 5).Last + 1;
                }

                if (i + 5 < sentence.Count && sentence.Literals[i + 5].Valid && sentence.Literals[i + 5].Identifier)
                {
                    return i + 6;
                }
            }

            var (groups, digits, last, _) = ReadGroups(sentence, i + 1);
            return groups >= 2 || digits >= 10 ? last + 1 : i;
        }

        if (sentence.Word(i) is "(" && IsGroup(sentence, i + 1) && sentence.Literals[i + 1].IntDigits is >= 2 and <= 5 && sentence.Word(i + 2) is ")" && IsGroup(sentence, i + 3))
        {
            var (groups, digits, last, _) = ReadGroups(sentence, i + 3);
            return digits + sentence.Literals[i + 1].IntDigits >= 7 && groups >= 1 ? last + 1 : i;
        }

        if (!IsGroup(sentence, i) || (i > 0 && sentence.TouchesPrevious(i) && !sentence.IsPunctuation(i - 1)))
        {
            return i;
        }

        var (count, total, end, fourAfterFirst) = ReadGroups(sentence, i);
        var first = sentence.Literals[i];
        var phoneWord = false;
        for (var k = i - 1; k >= 0 && k >= i - 4 && !phoneWord; k--)
        {
            phoneWord = IsIn(PhoneWords, sentence.Word(k));
        }

        var isPhone = (count >= 3 && total >= 9 && (first.LeadingZero || (fourAfterFirst && first.IntDigits <= 3)))
            || (count >= 2 && first.LeadingZero && first.IntDigits >= 3 && total >= 9)
            || (phoneWord && count >= 2 && total >= 7);
        return isPhone ? end + 1 : i;
    }

    /// <summary>
    /// The end of a score or tally starting at <paramref name="i"/>, or <paramref name="i"/>: two whole numbers of
    /// up to three digits joined by a hyphen or dash ("3-1", "6–3") or, after a word of scoring or voting, by "to"
    /// when the second is not larger ("voted 52 to 48"), with nothing counted after them ("won 10-15 seats" is a range); a pair that does not
    /// rise ("3-1", "2-2") is a score wherever it stands, a rising one ("lost 1-3", "a 0-2 defeat") after a word of
    /// scoring or voting or before a word of result.
    /// </summary>
    internal static int MatchScore(in SentenceView sentence, int i)
    {
        if (!IsSmallGroup(sentence, i) || (i > 0 && sentence.TouchesPrevious(i) && !sentence.IsPunctuation(i - 1)) || IsChained(sentence, i - 1, -1))
        {
            return i;
        }

        var dash = sentence.IsDash(i + 1) && sentence.TouchesPrevious(i + 1) && sentence.TouchesPrevious(i + 2);
        var to = sentence.WordIs(i + 1, "to");
        if (!(dash || to) || !IsSmallGroup(sentence, i + 2) || (i + 3 < sentence.Count && sentence.TouchesPrevious(i + 3) && !sentence.IsPunctuation(i + 3)))
        {
            return i;
        }

        // "18-13-105", "76-9-404": a code of three pieces, not a score.
        var after = i + 3;
        if (IsChained(sentence, after, 1) || sentence.IsPluralNoun(after) || TryLookup(Units, sentence.Word(after), out _) || TryLookup(CurrencyWords, sentence.Word(after), out _) || TryLookup(Scales, sentence.Word(after), out _)
            || sentence.IsPercentWord(after) || sentence.Word(after) is "%")
        {
            return i;
        }

        // "voted 52 to 48", "a vote of 54 to 12": the votes on each side are counts (ClaimMatcher keeps them apart).
        if (to && VoteWordBefore(sentence, i))
        {
            return i;
        }

        var context = ScoreWordBefore(sentence, i) || IsIn(ResultWords, sentence.Word(after)) || (IsIn(ResultModifiers, sentence.Word(after)) && IsIn(ResultWords, sentence.Word(after + 1)));
        var rising = sentence.Literals[i + 2].Value > sentence.Literals[i].Value;
        return dash ? (!rising || context ? i + 3 : i) : (context && !rising ? i + 3 : i);
    }

    /// <summary>
    /// Whether the whole number at <paramref name="i"/> is part of a name: after a capitalised naming word ("Model
    /// 3", "Index 250", "Type 2", "Boeing 737", "FTSE 100"), or, in a sentence that is not in title case, after any
    /// capitalised word that does not open the sentence when nothing counted follows ("the Tesla Model Y 3", "Apollo
    /// 11 landed"); a version with one or two digits before its point is read so too ("Firefox 1.5", "Para 3.2"); not
    /// after a month, a currency code, a qualifier or a number word ("Jan 9.95", "Mach 2.2"), and never a year.
    /// </summary>
    internal static bool IsNumberInName(in SentenceView sentence, int i, bool titleCase)
    {
        if (!(IsGroup(sentence, i) || IsVersionNumber(sentence, i)) || sentence.Literals[i].Identifier || i == 0 || !sentence.StartsWithLetter(i - 1) || sentence.TouchesPrevious(i))
        {
            return false;
        }

        // A year stays a date ("the Equality Act 2010", "Victoria Day 2001"); a currency makes money ("MAUD 60").
        var name = sentence.Word(i - 1);
        var literal = sentence.Literals[i];
        if (!HasCapital(name) || (literal.IntDigits == 4 && literal.Value is >= 1000 and <= 2199) || CurrencyReader.ReadBefore(sentence, i - 1, out _, out _) == i)
        {
            return false;
        }

        // "Rugby League 12%", "Index 3 points"… a unit, currency, percent or scale makes it a quantity.
        var next = i + 1;
        if (IsQuantityAfter(sentence, next) || sentence.WordIs(next, "times"))
        {
            return false;
        }

        if (IsIn(NameWords, name) || (name is "P" && sentence.Word(i - 2) is "&" && sentence.WordIs(i - 3, "S")))
        {
            return true;
        }

        if (titleCase || OpensSentence(sentence, i - 1) || name is "I" or "A")
        {
            return false;
        }

        if (TryLookup(Months, name.TrimEnd('.'), out _) || IsIn(Weekdays, name) || IsIn(QualifierFirstWords, name) || IsIn(NotNames, name)
            || TryLookup(Cardinals, name, out _) || TryLookup(Ordinals, name, out _) || TryLookup(Scales, name, out _) || TryLookup(CurrencyWords, name, out _)
            || IsIn(PrefixCodes, name) || TryLookup(DollarPrefixes, name, out _) || TryLookup(GluedCurrencyPrefixes, name, out _) || TryLookup(Units, name, out _))
        {
            return false;
        }

        // Nor may a counted noun or a second bound follow: "CNN 40 people", "the U.S. 10-year yield", "Iraq 3 to 5".
        return !(sentence.IsPluralNoun(next) || sentence.IsDash(next) || sentence.WordIs(next, "to") || sentence.WordIs(next, "and") || sentence.WordIs(next, "or"));
    }

    /// <summary>
    /// Numbers of web text and e-mail that locate or label rather than count (issue 10: "numbers inside names, models,
    /// indexes, codes and addresses" are not numeric claims): a house number before a street ("4783 Bay Rd", "220 South
    /// Michigan Avenue", "111 Market Place"); a postal code after a US state ("Baltimore, MD 21202", "Michigan 48604");
    /// a telephone extension or passcode ("ext. 37625", "passcode: 5107"); a number after "#" ("#2"); a list marker
    /// opening a sentence ("1) what island…") or a reference in brackets ("(1)"); a product or part code
    /// ("5765-NTKB"); a decade with an apostrophe ("the 70's"). Found in UD EWT's web text, where each came out as a
    /// count.
    /// </summary>
    internal static bool IsAddressOrMarker(in SentenceView sentence, int i)
    {
        if (!IsGroup(sentence, i) || (i > 0 && sentence.TouchesPrevious(i) && !sentence.IsPunctuation(i - 1)))
        {
            return false;
        }

        var literal = sentence.Literals[i];
        var next = sentence.Word(i + 1);

        // "1) what island…", "2. Is there…" opening the sentence (with words after it); "(1)" alone in brackets.
        if (literal.IntDigits <= 2 && ((OpensSentence(sentence, i) && sentence.TouchesPrevious(i + 1) && (next is ")" || (next is "." && i + 2 < sentence.Count)))
            || (i > 0 && sentence.Word(i - 1) is "(" && next is ")" && (i < 2 || !sentence.Literals[i - 2].Valid))))
        {
            return true;
        }

        // "the 70's", "the 1990’s": a decade written with an apostrophe, as "the 80s" is read.
        if (literal.Value % 10 == 0 && literal.IntDigits is 2 or 4 && sentence.TouchesPrevious(i + 1) && (next is "'s" or "\u2019s"))
        {
            return true;
        }

        // "#2", "job#0000108806", "<<ld2d-#69397-1.DOC>>": a number after "#" labels something.
        if (i > 0 && sentence.Word(i - 1) is "#" && sentence.TouchesPrevious(i))
        {
            return true;
        }

        // "ext. 37625", "extension: 4410" (right before, or with a dot or colon between: "an extension of 30 days" stays),
        // "the passcode to participate is: 5107" (up to five tokens before, no punctuation but a dot or colon between).
        var gap = i > 0 && sentence.Word(i - 1) is "." or ":" ? 1 : 0;
        if (i - 1 - gap >= 0 && IsIn(ExtensionWords, sentence.Word(i - 1 - gap)))
        {
            return true;
        }

        for (var k = i - 1; k >= 0 && k >= i - 5; k--)
        {
            if (sentence.WordIs(k, "passcode"))
            {
                return true;
            }

            if (sentence.IsPunctuation(k) && sentence.Word(k) is not ("." or ":"))
            {
                break;
            }
        }

        // "5765-NTKB": digits glued by a hyphen to a code of capitals that is no unit or currency ("15-MW" stays).
        if (sentence.IsDash(i + 1) && sentence.TouchesPrevious(i + 1) && sentence.TouchesPrevious(i + 2) && sentence.Word(i + 2) is { Length: >= 2 } code
            && IsAllUpper(code) && !TryLookup(Units, code, out _) && !TryLookup(CurrencyWords, code, out _) && !TryLookup(Scales, code, out _))
        {
            return true;
        }

        // "MD 21202", "Michigan 48604": five digits after a US state.
        if (literal.IntDigits == 5 && i > 0 && IsIn(UsStates, sentence.Word(i - 1)) && !sentence.IsPluralNoun(i + 1))
        {
            return true;
        }

        // "4783 Bay Rd", "220 South Michigan Avenue": a house number, up to three capitalised words, a street word.
        if (literal.IntDigits <= 6 && literal.Value >= 1)
        {
            for (var k = i + 1; k < sentence.Count && k <= i + 4; k++)
            {
                var word = sentence.Word(k);
                if (k > i + 1 && IsIn(StreetWords, word.TrimEnd('.')) && sentence.IsCapitalized(k))
                {
                    return true;
                }

                if (!sentence.StartsWithLetter(k) || !sentence.IsCapitalized(k))
                {
                    break;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A bare number read as a clock time (issue 10: times of day are no counts): an hour (1–12) or an hour and
    /// minutes run together ("230", "945") right after "at", "by", "until", "before"… (an "about" or "around" may
    /// stand between), with a word of the time of day right after it or right before the preposition ("at 10
    /// tomorrow", "at 7 in the morning", "Game tonight at 7", "Sunday at about 230"). A unit, currency, percent,
    /// scale or other word after the number keeps it a quantity ("at 7 percent", "at 5 stores tonight", "tomorrow at
    /// 5 polling places"), but for a word of the time of day.
    /// </summary>
    internal static bool IsTimeOfDay(in SentenceView sentence, int i)
    {
        if (!IsClockNumber(sentence, i))
        {
            return false;
        }

        var preposition = i - 1;
        if (sentence.WordIs(preposition, "about") || sentence.WordIs(preposition, "around") || sentence.WordIs(preposition, "approximately"))
        {
            preposition--;
        }

        if (!IsIn(ClockPrepositions, sentence.Word(preposition)) || (preposition > 0 && sentence.WordIs(preposition - 1, "least")))
        {
            return false;
        }

        // After the number: "at 10 tomorrow", "at 7 tonight", "at 7 in the morning", "by 9 this evening".
        var next = i + 1;
        var word = sentence.Word(next);
        var after = IsIn(ClockWords, word)
            || ((sentence.WordIs(next, "in") || sentence.WordIs(next, "this"))
                && (IsIn(ClockWords, sentence.Word(next + 1)) || (sentence.WordIs(next + 1, "the") && IsIn(ClockWords, sentence.Word(next + 2)))));

        // Before the preposition: "tonight at 7", "Sunday at 10".
        var before = preposition > 0 && (IsIn(ClockWords, sentence.Word(preposition - 1)) || (IsIn(Weekdays, sentence.Word(preposition - 1)) && sentence.IsCapitalized(preposition - 1)));
        // With the word of time before it, only punctuation or a function word may follow ("tonight at 7, …", "Sunday at 10
        // and"), not what it might count ("tomorrow at 5 polling places").
        return after || (before && !IsQuantityAfter(sentence, next) && (next >= sentence.Count || !sentence.StartsWithLetter(next) || IsIn(NotNames, word)));
    }

    /// <summary>
    /// Office hours: "from 9 to 5" (or "9-5") with two hours (1–12) after a word of opening hours or of the time of
    /// day up to four tokens back in the clause ("open from 9 to 5", "work 9 to 5"), or before one ("from 9 to 5
    /// tomorrow"), with no quantity after them ("from 9 to 5 percent" stays a range).
    /// </summary>
    internal static bool IsOfficeHours(in SentenceView sentence, int i)
    {
        if (!IsClockNumber(sentence, i) || !(sentence.WordIs(i + 1, "to") || sentence.WordIs(i + 1, "till") || sentence.WordIs(i + 1, "until") || sentence.IsDash(i + 1))
            || !IsClockNumber(sentence, i + 2) || sentence.Literals[i].IntDigits > 2 || sentence.Literals[i + 2].IntDigits > 2 || IsQuantityAfter(sentence, i + 3) || sentence.IsPluralNoun(i + 3))
        {
            return false;
        }

        if (IsIn(ClockWords, sentence.Word(i + 3)))
        {
            return true;
        }

        for (var k = i - 1; k >= 0 && k >= i - 5; k--)
        {
            if (IsIn(HoursWords, sentence.Word(k)) || IsIn(ClockWords, sentence.Word(k)))
            {
                return true;
            }

            if (sentence.IsPunctuation(k))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>A bare hour (1–12) or an hour with its minutes run together (100–1259, minutes under 60) at <paramref name="i"/>.</summary>
    private static bool IsClockNumber(in SentenceView sentence, int i)
    {
        if (!IsGroup(sentence, i) || sentence.Literals[i].LeadingZero || (i > 0 && sentence.TouchesPrevious(i) && !sentence.IsPunctuation(i - 1)))
        {
            return false;
        }

        var value = sentence.Literals[i].Value;
        return sentence.Literals[i].IntDigits <= 2 ? value is >= 1 and <= 12 : sentence.Literals[i].IntDigits == 3 && value % 100 < 60;
    }

    /// <summary>Whether a unit, currency, percent or scale stands at <paramref name="i"/>, making the number before it a quantity.</summary>
    private static bool IsQuantityAfter(in SentenceView sentence, int i)
    {
        var word = sentence.Word(i);
        return TryLookup(Units, word, out _) || TryLookup(CurrencyWords, word, out _) || TryLookup(Scales, word, out _) || TryLookup(PluralScales, word, out _)
            || sentence.IsPercentWord(i) || word is "%";
    }

    /// <summary>
    /// The groups of digits from <paramref name="i"/> joined by spaces, hyphens or points ("020 7946 0000",
    /// "202-555-0143"): how many, their digits, the last group's token and whether a group after the first has four
    /// digits.
    /// </summary>
    private static (int Groups, int Digits, int Last, bool FourAfterFirst) ReadGroups(in SentenceView sentence, int i)
    {
        var groups = 1;
        var digits = sentence.Literals[i].IntDigits;
        var last = i;
        var four = false;
        while (groups < 6)
        {
            int next;
            if (IsGroup(sentence, last + 1) && !sentence.TouchesPrevious(last + 1))
            {
                next = last + 1;
            }
            else if ((sentence.IsDash(last + 1) || sentence.Word(last + 1) is ".") && sentence.TouchesPrevious(last + 1) && sentence.TouchesPrevious(last + 2) && IsGroup(sentence, last + 2))
            {
                next = last + 2;
            }
            else
            {
                break;
            }

            groups++;
            digits += sentence.Literals[next].IntDigits;
            four |= sentence.Literals[next].IntDigits == 4;
            last = next;
        }

        return (groups, digits, last, four);
    }

    /// <summary>Whether token <paramref name="i"/> is a hyphen glued between the pair and another number, before it (<paramref name="direction"/> -1) or after it (+1).</summary>
    private static bool IsChained(in SentenceView sentence, int i, int direction) =>
        sentence.IsDash(i) && (direction < 0 ? sentence.TouchesPrevious(i + 1) && sentence.FollowsNumber(i)
            : sentence.TouchesPrevious(i) && sentence.TouchesPrevious(i + 1) && i + 1 < sentence.Count && sentence.Literals[i + 1].Valid);

    /// <summary>A group of digits at <paramref name="i"/>: a whole number in one token, without grouping, suffix or currency.</summary>
    private static bool IsGroup(in SentenceView sentence, int i)
    {
        if (i < 0 || i >= sentence.Count || sentence.InsideLiteral[i])
        {
            return false;
        }

        var literal = sentence.Literals[i];
        return literal.Valid && !literal.Identifier && literal.Integer && !literal.Grouped && literal.Suffix == LiteralSuffix.None && literal.PrefixCurrency is null && literal.End == i + 1;
    }

    /// <summary>A version number at <paramref name="i"/>: one or two digits, a point and decimals, in one token, without suffix or currency ("1.5", "3.6").</summary>
    private static bool IsVersionNumber(in SentenceView sentence, int i)
    {
        if (i < 0 || i >= sentence.Count || sentence.InsideLiteral[i])
        {
            return false;
        }

        var literal = sentence.Literals[i];
        return literal.Valid && !literal.Identifier && !literal.Integer && !literal.Grouped && literal.IntDigits is >= 1 and <= 2 && literal.Suffix == LiteralSuffix.None
            && literal.PrefixCurrency is null && literal.End == i + 1;
    }

    /// <summary>A group of one to three digits at <paramref name="i"/> (a score: "3", "102").</summary>
    private static bool IsSmallGroup(in SentenceView sentence, int i) => IsGroup(sentence, i) && sentence.Literals[i].IntDigits <= 3;

    /// <summary>A word of scoring or voting up to four tokens before <paramref name="i"/>, within the clause ("won 3-1", "beat Arsenal 2-1").</summary>
    private static bool ScoreWordBefore(in SentenceView sentence, int i) => WordBefore(sentence, i, ScoreWords);

    /// <summary>Whether a word of voting ("voted", "a vote of") stands within four tokens before <paramref name="i"/>, in the same clause.</summary>
    internal static bool VoteWordBefore(in SentenceView sentence, int i) => WordBefore(sentence, i, VoteWords);

    private static bool WordBefore(in SentenceView sentence, int i, HashSet<string> words)
    {
        for (var k = i - 1; k >= 0 && k >= i - 4; k--)
        {
            if (IsIn(words, sentence.Word(k)))
            {
                return true;
            }

            if (sentence.IsPunctuation(k))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Whether token <paramref name="i"/> is the sentence's first word (only punctuation before it).</summary>
    private static bool OpensSentence(in SentenceView sentence, int i)
    {
        for (var k = 0; k < i; k++)
        {
            if (!sentence.IsPunctuation(k))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether <paramref name="word"/> starts with a capital or has one inside ("Boeing", "FTSE", "iPhone").</summary>
    private static bool HasCapital(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A headline in title case ("Army Sends 300 More Troops"): of its words of four letters or more after the first,
    /// at least three and seven in ten are capitalised.
    /// </summary>
    private static bool IsTitleCase(in SentenceView sentence)
    {
        int words = 0, capitalised = 0;
        for (var k = 1; k < sentence.Count; k++)
        {
            if (sentence.StartsWithLetter(k) && sentence.Word(k).Length >= 4)
            {
                words++;
                capitalised += sentence.IsCapitalized(k) ? 1 : 0;
            }
        }

        return words >= 3 && capitalised * 10 >= words * 7;
    }
}
