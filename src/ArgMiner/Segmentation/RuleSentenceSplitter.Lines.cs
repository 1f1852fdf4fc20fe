using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// Lines that a joined-up paragraph lost, issue 10 §1 (second round): the sender line before an e-mail header's
/// time stamp ("… Thanks, Kim Dana Lee 10/20/2000 11:32 AM", "Kim Lee@ACME 10/20/2000 …", "a@b.com 10/20/2000 …");
/// the next item of a numbered list run together ("… Ann Wu, CEO 9. Bob Li …" starts at "9"); marks and quotes
/// left alone at a paragraph's end close its last sentence; bare step numbers "1 Know … 2 Mount …" stand alone; a contact line ends
/// at a phone number before the next person's full name; a line that is only a date ends before "I"; a lone name after a final
/// mark before a full sender and a stamp ("… off. Jeff David Hoog 01/26/2001 …") is a signature.
/// Each rule looks a constant number of tokens around the current one (the look for a step "2" after a paragraph's opening "1" scans
/// the paragraph once): linear time.
/// </summary>
public sealed partial class RuleSentenceSplitter
{
    // The first token of the sender line that ends just before the stamp's date at index date, or -1: a plain
    // address ("kim@example.org"), or a name of two or three words whose last may carry a Notes domain
    // ("Dana Lee", "Dana R Lee@ACME"). A lone name opening the sentence stays with it ("Carol St Clair 10/20/2000").
    private static int SenderStart(string text, ReadOnlySpan<Token> tokens, int start, int date)
    {
        var k = date - 1;
        if (k <= start)
        {
            return -1;
        }

        var last = tokens[k].In(text);
        if (last.Contains('@'))
        {
            if (char.IsLower(last[0]))
            {
                return tokens[k - 1].In(text) is ":" ? -1 : k; // "Sent by: kim@example.org" is one line
            }
        }
        else if (!IsName(last))
        {
            return -1;
        }

        if (!char.IsAsciiLetterUpper(last[0]))
        {
            return -1;
        }

        var hasFirst = false;
        var hasInitial = false;
        if (k - 1 > start && IsInitial(tokens[k - 1].In(text)))
        {
            k--;
            hasInitial = true;
        }

        if (k - 1 >= start && IsName(tokens[k - 1].In(text)) && !StarterLookup.Contains(tokens[k - 1].In(text)))
        {
            k--;
            hasFirst = true;
        }

        if (!hasFirst && !last.Contains('@'))
        {
            return -1; // a lone capitalised word is no sender
        }

        // "… signed off. Jeff David Hoog 01/26/2001 …", "… let me know. Sara Dan R Lee@ACME 05/17/99 …": after a final mark a lone name
        // before a full sender (with a middle initial, or a first name of three letters or more: not "Carol St Clair") is a signature.
        var signature = k - 1 == start && start > 0 && IsFinalMarks(tokens[start - 1].In(text)) && !StarterLookup.Contains(tokens[start].In(text))
            && (hasInitial || tokens[k].Length >= 3);
        if (k == start || (k - 1 == start && IsName(tokens[start].In(text)) && !signature) || tokens[k - 1].In(text) is ":")
        {
            return -1; // "Carol St Clair 05/25/2001", "Sent by: Kim Lee@ACME 10/20/2000"
        }

        return k;
    }

    // "R", "R.": a middle initial.
    private static bool IsInitial(ReadOnlySpan<char> s) =>
        (s.Length == 1 && char.IsAsciiLetterUpper(s[0])) || (s.Length == 2 && char.IsAsciiLetterUpper(s[0]) && s[1] == '.');

    private static int ItemValue(string text, Token t) =>
        t.Length == 1 ? text[t.Start] - '0' : ((text[t.Start] - '0') * 10) + (text[t.Start + 1] - '0');

    // The "." at mark closes "N" (spaced from the word before it, inside the current sentence) that follows the
    // last item's number (one more or one less), and a capital follows: "… CEO 9. Ann …" after "10.".
    private static bool IsNextItem(string text, ReadOnlySpan<Token> tokens, int start, int mark, Kind kind, int lastItem)
    {
        if (lastItem < 0 || kind != Kind.Final || mark - 1 <= start || mark + 1 >= tokens.Length || tokens[mark].Length != 1
            || text[tokens[mark].Start] != '.')
        {
            return false;
        }

        var number = tokens[mark - 1];
        if (!IsSmallNumber(text, number) || number.End != tokens[mark].Start || tokens[mark - 2].End == number.Start
            || !char.IsUpper(text[tokens[mark + 1].Start]))
        {
            return false;
        }

        var value = ItemValue(text, number);
        return value == lastItem + 1 || value == lastItem - 1;
    }

    // Token i, opening a sentence, is a bare step number before a capitalised word and a lower-case one ("2 Mount the …"): the next
    // number after a final mark, or "1" opening the paragraph when a "2" opens a sentence of it later. Not "1 The rank of …" after
    // a final mark, nor "1 World Trade Center" (a capital after the word), nor a footnote "1 Year of entry …" (a noun and a
    // preposition: a step opens with a verb). The look for a "2" runs once per paragraph: linear time.
    private static bool IsStepNumber(string text, ReadOnlySpan<Token> tokens, int i, int lastStep)
    {
        if (i + 2 >= tokens.Length || !IsSmallNumber(text, tokens[i]) || tokens[i + 1].Start == tokens[i].End
            || !IsName(tokens[i + 1].In(text)) || !char.IsLower(text[tokens[i + 2].Start])
            || tokens[i + 2].In(text) is "of" or "by" or "for" or "in" or "on" or "at" or "with" or "from")
        {
            return false;
        }

        var value = ItemValue(text, tokens[i]);
        if (i > 0)
        {
            return lastStep > 0 && value == lastStep + 1 && IsFinalMarks(tokens[i - 1].In(text));
        }

        if (value != 1)
        {
            return false;
        }

        for (var k = 3; k + 1 < tokens.Length; k++)
        {
            if (tokens[k].In(text) is "2" && IsFinalMarks(tokens[k - 1].In(text)) && IsName(tokens[k + 1].In(text)))
            {
                return true;
            }
        }

        return false;
    }

    // Only marks and closing quotes and brackets from token k to the paragraph's end, not after an address or URL
    // ("E-mail:? kim@example.org ?" is a lost line of its own).
    private static bool IsResidue(string text, ReadOnlySpan<Token> tokens, int k)
    {
        if (k == 0 || IsAddress(tokens[k - 1].In(text)) || IsUrl(tokens[k - 1].In(text)))
        {
            return false;
        }

        for (; k < tokens.Length; k++)
        {
            var t = tokens[k];
            if (!IsClosing(text, t) && !IsFinalMarks(t.In(text)))
            {
                return false;
            }
        }

        return true;
    }

    // Words that open a paragraph with a comma as often as a name does ("First, I …", "Hmm, I …").
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "First", "Second", "Third", "Fourth", "Fifth", "Afterwards", "Afterward", "Regardless", "Nonetheless", "Tonight", "Anyhow",
        "Alright", "Right", "Hmm", "Ah", "Um", "Uh", "Btw", "Whatever", "Ugh", "Hmmm", "Haha", "Lol",
    };

    // The longest capitalised line the rule above looks back over (a constant: the splitter stays linear).
    private const int MaxCapitalisedLine = 8;

    // Words that open an e-mail's body after its signature or heading line, besides the clause openers.
    // Not "I" (a roman numeral: "Additional Protocol I prohibits …"; "Easiest Time I ever had") nor an auxiliary ("Rent Control Is a
    // Band-Aid", "Fare Caps Aren't Charity": title case capitalises verbs).
    private static readonly HashSet<string> LineOpeners = new(StringComparer.Ordinal) { "Attached", "Congratulations", "Sorry", "Hope", "See", "Despite" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LineOpenerLookup = LineOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    // Tokens start to end (exclusive) are a line of capitalised words, numbers, codes and joiners ("Angie Buis EBS-Tax x-37097",
    // "Blumenfeld & Cohen"), with title case's lower-case small words inside ("Virgo in 2005"): no comma or colon (a greeting
    // "Dear Kim," or a label "STEP ONE:"), not opening with a function word, not ending in a joiner or a small word.
    private static bool IsCapitalisedLine(string text, ReadOnlySpan<Token> tokens, int start, int end)
    {
        // "Re: Cargill Ferrous International It was …": a subject line's label opens the line.
        if (end - start >= 3 && tokens[start + 1].In(text) is ":" && SubjectLabelLookup.Contains(tokens[start].In(text)))
        {
            start += 2;
        }

        var s0 = tokens[start].In(text);
        if (StarterLookup.Contains(s0) || !(char.IsUpper(s0[0]) || char.IsAsciiDigit(s0[0])) || !char.IsLetterOrDigit(text[tokens[end - 1].End - 1])
            || TitleSmallWordLookup.Contains(tokens[end - 1].In(text)))
        {
            return false;
        }

        for (var k = start + 1; k < end; k++)
        {
            var t = tokens[k].In(text);
            if (!(char.IsUpper(t[0]) || char.IsAsciiDigit(t[0]) || t is "&" or "-" or "(" or ")" or "/" || (t[0] == 'x' && char.IsAsciiDigit(t[^1]))
                || TitleSmallWordLookup.Contains(t)))
            {
                return false;
            }
        }

        return true;
    }

    // The labels of a subject line: "Re:", "RE:", "Fw:", "Subject:".
    private static readonly HashSet<string> SubjectLabels = new(StringComparer.OrdinalIgnoreCase) { "Re", "Fw", "Fwd", "Subject" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectLabelLookup = SubjectLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    // The words title case leaves in lower case.
    private static readonly HashSet<string> TitleSmallWords = new(StringComparer.Ordinal) { "of", "in", "and", "the", "for", "to", "a", "on", "at", "with", "by" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleSmallWordLookup = TitleSmallWords.GetAlternateLookup<ReadOnlySpan<char>>();

    // Words that open a clause and are not verbs or prepositions (title case capitalises those inside a heading).
    private static readonly HashSet<string> ClauseOpeners = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You", "My", "Our", "Your", "His", "Their",
        "There", "Here", "How", "What", "Why", "Where", "Who", "Which", "Since", "If", "Although", "Though", "Because", "Please",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseOpenerLookup = ClauseOpeners.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = Openers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The token that starts a new sentence because of a lost line break (<paramref name="i"/> itself to cut before it,
    /// an earlier one after <paramref name="start"/> to cut before that), or -1: a short label line "Rhonda:", "STEP TWO:"
    /// before a capital; a paragraph's opening name or heading before a sentence ("Kay Since it …", "Kim, The new …");
    /// a signature line of names and a phone number before a sentence ("Kim Lee 713-555-0100 Please …").
    /// </summary>
    private static int LineBoundary(string text, ReadOnlySpan<Token> tokens, int start, int i, Kind kind, int lastLower)
    {
        if (kind != Kind.None || i == start || i + 1 >= tokens.Length)
        {
            return -1;
        }

        var s = tokens[i].In(text);
        if (!char.IsUpper(s[0]))
        {
            return -1;
        }

        var prev = tokens[i - 1].In(text);
        // A function word, or a capitalised word before a lower-case word ("Attached is"; not a label before an address, "Email kim@…").
        var after = tokens[i + 1].In(text);
        var opensSentence = StarterLookup.Contains(s)
            || (IsName(s) && !ContactLabelLookup.Contains(s) && char.IsLower(after[0]) && !IsAddress(after) && !IsUrl(after));
        if (prev is ":")
        {
            return LabelLineEnd(text, tokens, start, i);
        }

        // "Kim X33098 John, sorry for …", "Earl Lee 505-555-0131 All, …": a signature line ending in a number before the next message's
        // greeting. Not an address's "94720-1900 Berkeley, CA".
        if (after is "," && lastLower < start && i - start >= 2 && IsName(s) && IsPhoneOrCode(prev)
            && !(i + 2 < tokens.Length && IsCapitals(tokens[i + 2].In(text)) && tokens[i + 2].Length == 2))
        {
            return i;
        }

        // "Kim Lee 713-555-0100 Please call …", "Kim x35172 I …": a signature line (no lower-case word) ends at its number.
        if (opensSentence && lastLower < start && i - start >= 2 && IsPhoneOrCode(prev))
        {
            return i;
        }

        // "… Ontario M5J 1S9 416-865-3700 Paul DeVries - Director …": a contact line (no lower-case word) ends at a phone number
        // before the next person's full name. Not before a contact label ("… 713-555-0100 Fax …"), nor after a ZIP+4 or a box number.
        if (lastLower < start && i - start >= 2 && IsName(s) && IsPhone(prev) && IsProperWord(after)
            && !ContactLabelLookup.Contains(s) && !ContactLabelLookup.Contains(after) && !StarterLookup.Contains(s))
        {
            return i;
        }

        // "… trading margin is $1,922,000 Not bad for …", "… Religious Leaders April 19, 2004 The most …", "… by Friday, May 4th Thank
        // you": a line ending in an amount or a full date before a pronoun, determiner or wh-word and a lower-case word. Not any
        // number: "In 2005 The band split", "Please call 713-555-0100 The desk answers" read as one sentence.
        if (char.IsLower(after[0]) && IsAmountOrDate(text, tokens, i - 1)
            && (ClauseOpenerLookup.Contains(s) || s is "Let" or "Not" or "Thank" or "Thanks" or "Its" or "Some"))
        {
            return i;
        }

        // "November 22th 2005 I got these …", "March 30, 2004 I was …": a line that is only a date before "I" and a lower-case word.
        if (s is "I" && char.IsLower(after[0]) && IsDateLine(text, tokens, start, i))
        {
            return i;
        }

        // "Jeremy Meier Blumenfeld & Cohen Attached for your review …", "Apple Computers It was …", "Virgo in 2005 - Perseverance
        // Your working life …": a line of capitalised words
        // (a signature with a title or company, a heading) before a pronoun, determiner, wh-word or auxiliary and a lower-case word (not a
        // preposition or conjunction, which title case capitalises: "Make You Feel Like a Number"). A line that opens with a function
        // word ("In New York I was …") is a sentence; one ending in a bracket is a list item ("… 2) The …"); a small word after the
        // opener is title case ("Stop Calling It a Park").
        if (i - start is >= 2 and <= MaxCapitalisedLine && char.IsLower(after[0]) && (ClauseOpenerLookup.Contains(s) || LineOpenerLookup.Contains(s))
            && (!TitleSmallWordLookup.Contains(after) || s is "Attached") && IsCapitalisedLine(text, tokens, start, i))
        {
            return i;
        }

        // "Tori Wells Executive Secretary Hi - …", "Kim Lee Sales Hello Dana, …": a signature line before the next message's greeting.
        // (Not before an addressee "Tanya:": "Salary Listing in Job Group:" is a label as often.)
        if (i - start is >= 2 and <= MaxCapitalisedLine && s is "Hi" or "Hello" or "Dear" or "Hey" or "Greetings" && (after is "-" or "," or ":" || IsName(after))
            && IsCapitalisedLine(text, tokens, start, i))
        {
            return i;
        }

        // "… 2001 By KIM LEE The Daily …": a byline in capitals is a line of its own.
        if (s is "By" && IsByline(text, tokens, i) > 0)
        {
            return i;
        }

        if (i - start is 3 or 4 && tokens[start].In(text) is "By" && IsByline(text, tokens, start) == i)
        {
            return i;
        }

        if (start != 0)
        {
            return -1;
        }

        var head = tokens[0].In(text);
        if (!IsName(head) || StarterLookup.Contains(head) || NotSignatureLookup.Contains(head) || OpenerLookup.Contains(head) || head.EndsWith("ly"))
        {
            return -1;
        }

        // "Kim, The new line …", "Kyle, Sorry for …": a name and a comma opening the paragraph greet.
        if (i == 2 && prev is "," && tokens[1].Start == tokens[0].End && !GreetingLookup.Contains(head)
            && (StarterLookup.Contains(s) || NotSignatureLookup.Contains(s)))
        {
            return i;
        }

        // "Kay Since it is …", "Acme Widgets This name …": a name or a heading of capitalised words opening the paragraph, then a
        // determiner, pronoun, wh-word or conjunction opening a clause and a lower-case word (not "I": "Sunday I went …"; not
        // a verb or preposition, which title case capitalises: "Israel Has a …").
        if (i <= 3 && ClauseOpenerLookup.Contains(s) && char.IsLower(text[tokens[i + 1].Start])
            && (i + 2 == tokens.Length || !char.IsUpper(text[tokens[i + 2].Start]))) // not a title "Make You Feel Like a Number"
        {
            for (var k = 1; k < i; k++)
            {
                if (!IsName(tokens[k].In(text)) && !IsCapitals(tokens[k].In(text)))
                {
                    return -1;
                }
            }

            return i;
        }

        return -1;
    }

    // The colon before token i closes a label line "… kim@example.org Rhonda: As …": cut before the name, then (the
    // name opening the sentence) after the colon, before a capitalised word. Not a field ("Note: The …"), nor a speaker's label in capitals ("SMITH: The …").
    private static int LabelLineEnd(string text, ReadOnlySpan<Token> tokens, int start, int i)
    {
        var s = tokens[i].In(text);
        if (i - 2 < start || i - 2 == 0 || s.Length < 2 || !AsciiRanges.Any(s[1..], 'a', 'z'))
        {
            return -1;
        }

        var label = tokens[i - 2].In(text);
        if (FieldLabelLookup.Contains(label) || HeaderLabelLookup.Contains(label) || ContactLabelLookup.Contains(label))
        {
            return -1;
        }

        if (!IsName(label) || StarterLookup.Contains(label))
        {
            return -1;
        }

        // The label opens a line after an address (after a final mark it is as often a heading, "Questions: If …").
        return !IsAddress(tokens[i - 3].In(text)) ? -1 : i - 2 > start ? i - 2 : i;
    }

    // "713-555-0100", "46093", "x35172", "EB1774": a phone number, an extension or a code (no lower-case letter but a leading "x"),
    // not a year.
    private static bool IsPhoneOrCode(ReadOnlySpan<char> s)
    {
        var digits = 0;
        for (var k = 0; k < s.Length; k++)
        {
            var c = s[k];
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsLower(c) && !(k == 0 && c == 'x') || c == ':')
            {
                return false;
            }
        }

        return digits >= 5 || (digits == 4 && s.Length > 4);
    }

    // "713-555-0100", "416.865.3700", "345-9945": seven digits or more in groups joined by dashes or dots (not a ZIP+4 "77042-2016").
    private static bool IsPhone(ReadOnlySpan<char> s)
    {
        var digits = 0;
        var joins = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is '-' or '.')
            {
                joins++;
            }
            else
            {
                return false;
            }
        }

        return digits >= 7 && joins > 0 && !(s.Length == 10 && s[5] == '-');
    }

    // Tokens start to end (exclusive) are a date and nothing else: a month's name, a day ("22", "22th", "22nd") and a comma if
    // any, and a year ("November 22th 2005", "March 30, 2004", "June 2005").
    private static bool IsDateLine(string text, ReadOnlySpan<Token> tokens, int start, int end)
    {
        if (end - start is < 2 or > 4 || !MonthLookup.Contains(tokens[start].In(text)))
        {
            return false;
        }

        var year = tokens[end - 1].In(text);
        if (year.Length != 4 || !AsciiRanges.All(year, '0', '9'))
        {
            return false;
        }

        for (var k = start + 1; k < end - 1; k++)
        {
            var t = tokens[k].In(text);
            if (t is not "," && !(t.Length <= 4 && char.IsAsciiDigit(t[0])))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> Months = new(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthLookup = Months.GetAlternateLookup<ReadOnlySpan<char>>();

    // "DeVries", "Wilson", "IBM": a capital, then letters.
    private static bool IsProperWord(ReadOnlySpan<char> s) => s.Length >= 2 && char.IsAsciiLetterUpper(s[0]) && !s[1..].ContainsAnyExcept(AsciiLetters);

    private static readonly System.Buffers.SearchValues<char> AsciiLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    // Token k is an amount ("$47,500") or ends a date: a day "4th", or a year after a comma ("April 19, 2004").
    private static bool IsAmountOrDate(string text, ReadOnlySpan<Token> tokens, int k)
    {
        var s = tokens[k].In(text);
        if (s.Length < 3 || !char.IsAsciiDigit(s[^3]))
        {
            return false;
        }

        var dollar = s[0] == '$' || (k > 0 && tokens[k - 1].In(text) is "$" && tokens[k - 1].End == tokens[k].Start);
        return (dollar && char.IsAsciiDigit(s[^1])) || s[^2..] is "th" or "st" or "nd" or "rd"
            || (s.Length == 4 && AsciiRanges.All(s, '0', '9') && k >= 2 && tokens[k - 1].In(text) is "," && char.IsAsciiDigit(text[tokens[k - 2].End - 1]));
    }

    // "By KIM LEE The …": "By" at index by, two or three words in capitals, then a capitalised word; the index of that word, or -1.
    private static int IsByline(string text, ReadOnlySpan<Token> tokens, int by)
    {
        var k = by + 1;
        while (k < tokens.Length && k <= by + 3 && IsCapitals(tokens[k].In(text)))
        {
            k++;
        }

        return k - by >= 3 && k < tokens.Length && IsName(tokens[k].In(text)) ? k : -1;
    }
}
