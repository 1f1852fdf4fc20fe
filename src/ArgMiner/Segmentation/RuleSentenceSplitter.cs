using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// Rule-based sentence splitter over one paragraph's tokens (the hand-written counterpart of the
/// punkt-style splitters in NLTK/Catalyst/spaCy's sentencizer). A sentence ends after a run of final marks
/// (".", "!", "?", "?!", "…", "...", and Chinese and Japanese "。", "！", "？" with no space after them), together with the closing quotes and brackets that touch it, unless
/// a comma or closing bracket follows, or a closed quotation runs on into a lower-case word ("“Stop!” he
/// said"), or it is the "!" of "Yahoo!" before anything but a capitalised function word. A mark inside
/// brackets before a dot ("(?).") leaves the end to the dot; a "?" glued to a colon or comma ("Dial:?", a
/// lost non-breaking space) ends nothing; a smiley right after a final mark stays with its sentence. An
/// ellipsis ends a sentence only before a capital. An abbreviation's own dot ("U.S.", "etc.") ends a
/// sentence only when the next word clearly starts a new one: a capitalised function word ("The", "It",
/// "But"…), or any capitalised word after "etc."; never after a title ("Mr.", "Gen."), and after an
/// initial ("M.") only before a function word. "1." opening a numbered item is not a sentence. The dot of a
/// label abbreviation before a number ("Ph. (03) …", "Art. 208", "(c. 350 BCE)", "p. 155", "6th Cir. 1996") ends nothing.
/// Web and e-mail text add boundaries without a final mark: after a greeting, a reply's "@handle," or a sign-off ("Hi John,",
/// "Best regards,", "Best,"; not "Yes,", "Ok,", "Well,"); after a sign-off's name before a function word
/// ("Best, Jeff Are you …"); after a salutation's dash ("Kay - Can you …"); after "Jill:" opening a
/// paragraph (not a header label such as "Subject:") or a message after its header's time stamp; before
/// a paragraph's closing "Name," ("… Fax: 713-790-2605 Mansoor,"); after laughter ("haha") before a
/// capital; around an e-mail header's time stamp (12- or 24-hour) and address; after an emoticon or emoji
/// before a word; around separator lines ("*****", also standing alone) and stand-alone URLs; before items
/// "1)"; and before each "- file.pdf" of an attachment list.
/// One pass over the tokens with constant look-ahead: linear time.
/// </summary>
public sealed partial class RuleSentenceSplitter : ISentenceSplitter
{
    // Abbreviations after which a capitalised word is a name, not a new sentence ("Gen. Soleimani").
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Gen.", "Sen.", "Rep.", "Reps.", "Gov.", "Lt.", "Col.", "Capt.",
        "Maj.", "Sgt.", "Cpl.", "Adm.", "Cmdr.", "Pres.", "Rev.", "Hon.", "Fr.", "St.", "Mt.", "Ft.", "Sec.",
        "Spec.", "Supt.", "Insp.", "Messrs.", "Mme.", "No.", "Nos.", "Vol.", "Fig.", "pp.", "vs.", "Vs.", "cf.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        "e.g.", "i.e.", "Drs.", "Sts.", "P.S.", "PS.",
    };

    // Lower-case abbreviations that sit inside a sentence ("Roe v. Wade", "(pop. 5,000)", "approx. 300"), matched
    // case-sensitively: "Charles V." and a street's "Ave." can end one.
    private static readonly HashSet<string> InnerAbbreviations = new(StringComparer.Ordinal)
    {
        "v", "pop", "approx", "appr", "est", "ca", "cca", "incl", "avg", "ext", "dept",
    };

    // Abbreviated labels that a number follows ("Ph. (03) 9221 4101", "Para. 13", "Art. 5"), matched case-sensitively.
    private static readonly HashSet<string> NumberLabels = new(StringComparer.Ordinal)
    {
        "Ph", "Tel", "Fax", "Mob", "Ext", "ext", "Para", "para", "Art", "art", "Ch", "ch", "Rm", "Apt", "Ste", "Pg", "Ref", "Acct", "c", "p", "pp",
        "qq", "Cir", "Res", "vol", "Vol", "no", "No", "sec", "Sec", "fig", "Fig",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberLabelLookup = NumberLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InnerAbbreviationLookup = InnerAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    // Abbreviations that often end a sentence: any capitalised word after them starts a new one.
    private static readonly HashSet<string> OftenFinal = new(StringComparer.OrdinalIgnoreCase) { "etc.", "ect.", "Etc." };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OftenFinalLookup = OftenFinal.GetAlternateLookup<ReadOnlySpan<char>>();

    // Capitalised words that begin sentences but rarely continue a name ("U.S. The …" vs "U.S. Army").
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
        "His", "Her", "Their", "Our", "My", "Your", "There", "Here", "But", "And", "Or", "So", "Yet", "If",
        "When", "While", "Although", "Though", "Because", "As", "In", "On", "At", "For", "With", "After",
        "Before", "Since", "During", "Meanwhile", "However", "Instead", "Still", "Then", "Now", "Today",
        "Also", "Many", "Most", "Some", "Such", "Both", "Neither", "Either", "What", "Why", "How", "Who",
        "Where", "Which", "Despite", "Without", "Moreover", "Furthermore", "Nevertheless", "Thus", "Indeed",
        "Yes", "No", "Not", "Please", "Thanks", "Thank", "Let", "Do", "Does", "Did", "Is", "Are", "Was",
        "Were", "Has", "Have", "Had", "Can", "Could", "Will", "Would", "Should", "Must", "May", "Might",
        "Every", "Each", "All", "Any", "Another", "Other", "Others", "One", "Two", "Three", "Over", "Under",
        "By", "From", "To", "Of", "Unlike", "Like", "Once", "Until", "Whether", "Even", "Only", "Just",
        "Yesterday", "Tomorrow", "Last", "Next", "Earlier", "Later", "Instead", "Otherwise", "Overall", "Therefore", "Hence",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup = SentenceStarters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc/>
    public void Split(string text, ReadOnlySpan<Token> tokens, List<int> sentenceLengths)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentenceLengths);
        var start = 0;
        var i = 0;
        var hasWord = false; // the current sentence has more than punctuation
        var rows = default(FieldRow);
        var lastLower = -1; // the last token opening with a lower-case letter
        var lastItem = -1; // the number of the last "N." item opening a sentence
        var lastStep = -1; // the number of the last bare step number "N" standing alone
        var first = sentenceLengths.Count;
        while (i < tokens.Length)
        {
            var kind = Classify(text, tokens, i);
            if (kind is not (Kind.Final or Kind.Ellipsis))
            {
                hasWord |= IsWordLike(text[tokens[i].Start]);
            }

            if (char.IsLower(text[tokens[i].Start]) && !char.IsAsciiDigit(text[tokens[i].End - 1])) // not a code "x35172"
            {
                lastLower = i;
            }

            // Web and e-mail layout that a joined-up paragraph lost: a signature marker, a bracketed source, a
            // repeated signature name, a sign-off after an attachment, a field row (RuleSentenceSplitter.Layout.cs).
            if ((LayoutBoundary(text, tokens, start, i, kind, ref rows) is var layoutCut and > 0 ? layoutCut : LineBoundary(text, tokens, start, i, kind, lastLower)) is var cut and > 0)
            {
                // A cut before token i looks at it again as a sentence's first token (no rule cuts before a sentence's first token).
                sentenceLengths.Add(cut - start);
                start = cut;
                hasWord = false;
                i = cut;
                continue;
            }

            // "1 Know the rules. 2 Mount the sight …": a bare step number opening a sentence is a line of its own (RuleSentenceSplitter.Lines.cs).
            if (kind == Kind.None && i == start && IsStepNumber(text, tokens, i, lastStep))
            {
                lastStep = ItemValue(text, tokens[i]);
                sentenceLengths.Add(1);
                start = i + 1;
                hasWord = false;
                i++;
                continue;
            }

            // A URL on its own starts a sentence unless a linking word introduces it ("at www.x.com") or the sentence goes on after
            // it ("Check out www.x.com lots of …", "I built www.x.com and www.y.com").
            if (kind == Kind.Url && i > start && hasWord && IsUrl(tokens[i].In(text)) && !UrlLinkerLookup.Contains(tokens[i - 1].In(text))
                && char.IsLetter(text[tokens[i - 1].End - 1]) && (i + 1 == tokens.Length || !char.IsLower(text[tokens[i + 1].Start])))
            {
                sentenceLengths.Add(i - start);
                start = i;
            }

            // "… some better options IMO: http://…": a URL after a colon closing a clause is a line of its own (RuleSentenceSplitter.Colons.cs).
            // A list of links goes on with another URL.
            if (kind == Kind.Url && hasWord && IsUrl(tokens[i].In(text)) && IsUrlAfterClauseColon(text, tokens, start, i)
                && (i + 1 == tokens.Length || !char.IsLower(text[tokens[i + 1].Start]) || IsUrl(tokens[i + 1].In(text))))
            {
                sentenceLengths.Add(i - start);
                start = i;
            }

            // A separator line after a word starts a new sentence ("… www.bbc.co.uk/news ------").
            // Not a dash standing for a pause: "… cut off to CPS --- do you know …".
            if (kind == Kind.Rule && i > start && hasWord && tokens[i - 1].End < tokens[i].Start && IsWordLike(text[tokens[i - 1].End - 1])
                && !(i + 1 < tokens.Length && char.IsLower(text[tokens[i + 1].Start])))
            {
                sentenceLengths.Add(i - start);
                start = i;
            }

            // A numbered item ("… four nights 1) what island …") starts a sentence.
            if (kind == Kind.None && i > start && i + 1 < tokens.Length && hasWord && IsItemNumber(text, tokens, i))
            {
                sentenceLengths.Add(i - start);
                start = i;
            }

            // An e-mail header's time stamp ("Sean Boyle 08/17/2000 11:21 AM", "kim@example.org 10/20/2000 11:32 AM") starts a sentence.
            if (kind == Kind.None && i > start && i + 1 < tokens.Length && hasWord && IsDate(tokens[i].In(text))
                && IsTime(tokens[i + 1].In(text)) && (!IsLowerWord(tokens[i - 1].In(text)) || IsAddress(tokens[i - 1].In(text))))
            {
                // The sender before the stamp is a line of its own too ("… Thanks, Kim Dana Lee 10/20/2000 …").
                if (SenderStart(text, tokens, start, i) is var sender and > 0 && sender > start)
                {
                    sentenceLengths.Add(sender - start);
                    start = sender;
                }

                sentenceLengths.Add(i - start);
                start = i;
                hasWord = true;
            }

            // An attachment list "… a.pdf - b.pdf" or "<< File: a.xls >> - b.xls": each "- file" is a sentence.
            if (kind == Kind.None && i > start && hasWord && IsBullet(text, tokens, i)
                && (IsFileOrAttachmentEnd(tokens[i - 1].In(text)) || IsFileName(tokens[i + 1].In(text))))
            {
                sentenceLengths.Add(i - start);
                start = i;
            }

            // "Jill: As discussed, …", "… 02/13/2001 08:02 PM All: It is …": a name and a colon opening a
            // paragraph or a message after its header's time stamp address someone.
            if (i == start + 2 && tokens[start + 1].In(text) is ":" && IsName(tokens[start].In(text))
                && !FieldLabelLookup.Contains(tokens[start].In(text)) // "… Time: 11:30am Location: Room 5" is a form
                && (start == 0 ? !StarterLookup.Contains(tokens[0].In(text)) : IsAmPm(tokens[start - 1].In(text)) || IsTime(tokens[start - 1].In(text)))
                && FirstWordChar(text, tokens, i, out var addressed) is var a0 && char.IsUpper(a0) && !addressed.IsEmpty)
            {
                sentenceLengths.Add(2);
                start = i;
                hasWord = false;
            }

            // "… start saving now hehe Thanks for …": laughter ends a sentence before a capital.
            if (kind == Kind.None && i > start && hasWord && char.IsUpper(text[tokens[i].Start]) && LaughLookup.Contains(tokens[i - 1].In(text)))
            {
                sentenceLengths.Add(i - start);
                start = i;
            }

            // "Thanks, Sharon I think …": a sign-off and a name end before a capitalised function word.
            if (kind == Kind.None && i > start && i >= 3 && StarterLookup.Contains(tokens[i].In(text)) && IsName(tokens[i - 1].In(text))
                && tokens[i - 2].In(text) is "," && SignOffLookup.Contains(tokens[i - 3].In(text)))
            {
                sentenceLengths.Add(i - start);
                start = i;
            }

            // A salutation line "Kay - Can you …", "Good Morning Debra - I have …" ends at its dash.
            // "Sara- Happy …", "Mark and Steve- Erin …" (the dash touching a first name: not "Crayola Air- Dry Clay") and, after
            // a message header's time stamp, "Jeff - instead of …" too.
            if (kind == Kind.None && i > start && i + 1 < tokens.Length && (IsBullet(text, tokens, i) || (IsGluedDash(text, tokens, i) && !HasFullName(text, tokens, start, i)))
                && IsSalutation(text, tokens, start, i)
                && FirstWordChar(text, tokens, i + 1, out var salutee) is var s0 && !salutee.IsEmpty
                && (char.IsUpper(s0) || (char.IsLower(s0) && start > 0 && Classify(text, tokens, start - 1) == Kind.Stamp))
                && (salutee.Length == 1 || !AsciiRanges.All(salutee[1..], 'A', 'Z')) // "Dana Smith - ACME-CPS.doc" is no salutation
                && !(i + 2 < tokens.Length && IsPhone(tokens[i + 2].In(text)))) // "Jan Wilson - Manager 416-555-0104" is a contact line
            {
                sentenceLengths.Add(i + 1 - start);
                start = i + 1;
                hasWord = false;
                i++;
                continue;
            }

            if (kind == Kind.None || (kind == Kind.Greeting && !IsGreeting(text, tokens, start, i)))
            {
                i++;
                continue;
            }

            // Closing quotes and brackets that touch the final mark stay with its sentence.
            var last = i;
            var closedQuote = false;
            // A closing bracket after a space still closes ("… next day. ) Hop on …"); a spaced quote may open the next one.
            while (last + 1 < tokens.Length && (tokens[last + 1].Start == tokens[last].End || text[tokens[last + 1].Start] is ')' or ']') && IsClosing(text, tokens[last + 1]))
            {
                closedQuote |= text[tokens[last + 1].Start] is '"' or '\u201D' or '\'' or '\u2019';
                last++;
            }

            // "Great time. =) I'm …": a smiley after a final mark closes that sentence, and so does a run of them
            // ("What a day! 😀😀😀 We …"), which would otherwise leave all but the first as a sentence of its own.
            if (kind == Kind.Final)
            {
                while (last + 1 < tokens.Length && IsEmoticon(tokens[last + 1].In(text)))
                {
                    last++;
                }
            }

            var next = last + 1;
            // "1." or "*2." opening a numbered item is not a sentence of its own.
            var itemMarker = kind == Kind.Final && i - start is 1 or 2 && IsSmallNumber(text, tokens[i - 1]) && tokens[i - 1].End == tokens[i].Start;
            if (itemMarker)
            {
                lastItem = ItemValue(text, tokens[i - 1]);
            }
            else if (IsNextItem(text, tokens, start, i, kind, lastItem))
            {
                // "… 10. Jack Lee, CEO 9. Ann Wu, …": the next number of a list run together starts its item.
                lastItem = ItemValue(text, tokens[i - 1]);
                sentenceLengths.Add(i - 1 - start);
                start = i - 1;
                hasWord = true;
                i = next;
                continue;
            }

            // "“Stop!” he shouted": a quotation ending in a final mark, then a lower-case word, goes on; so does "「行きます。」と言った",
            // a corner quote with a word right after it.
            var quotedGoesOn = (closedQuote && char.IsLower(text[tokens[next < tokens.Length ? next : last].Start]))
                || (last > i && text[tokens[last].Start] is '\u300D' or '\u300F' && next < tokens.Length && tokens[next].Start == tokens[last].End
                    && char.IsLetter(text[tokens[next].Start]));
            // "(?)." or "(and more!)." : the mark inside the brackets leaves the end to the mark after them.
            var markFollows = last > i && next < tokens.Length && Classify(text, tokens, next) == Kind.Final;
            // A separator line standing alone ("… Graae. *** Bush also …", "… form. ---->===}*{===<---- How has …", which the tokenizer
            // splits into marks) is a sentence of its own.
            var standaloneRule = kind == Kind.Rule && (i == start || (!hasWord && next < tokens.Length && char.IsLetter(text[tokens[next].Start]))) && Classify(text, tokens, next < tokens.Length ? next : i) != Kind.Rule;
            // "… the contract. ? Do not …": a "?" standing alone for a lost line (a non-breaking space misread) is a sentence.
            var standaloneMark = kind == Kind.Final && i == start && last == i && next < tokens.Length && tokens[i].In(text) is "?"
                && (char.IsUpper(text[tokens[next].Start]) || Classify(text, tokens, next) == Kind.Rule);
            if (next < tokens.Length && (hasWord || standaloneRule || standaloneMark) && !itemMarker && !quotedGoesOn && !markFollows && EndsHere(text, tokens, i, kind, next))
            {
                sentenceLengths.Add(next - start);
                start = next;
                hasWord = false;
            }

            i = next;
        }

        // "… Best regards, Dale Dale,": a paragraph ending in "Name," opens the next message (not in "Dear Dr. Vincent Kaminski,").
        var n = tokens.Length;
        if (n - start >= 3 && tokens[n - 1].In(text) is "," && IsName(tokens[n - 2].In(text)) && !OpensSalutation(tokens[n - 3].In(text))
            && tokens[start].In(text) is not ("Dear" or "Hi" or "Hello" or "Hey"))
        {
            sentenceLengths.Add(n - 2 - start);
            start = n - 2;
        }

        if (start < tokens.Length)
        {
            // Marks, quotes or a separator left over at the paragraph's end ("… about that. \"", "… at? ?") close the last sentence.
            if (sentenceLengths.Count > first && IsResidue(text, tokens, start))
            {
                sentenceLengths[^1] += tokens.Length - start;
            }
            else
            {
                sentenceLengths.Add(tokens.Length - start);
            }
        }
    }

    // "Hi", "Dear", "Good Morning", "John and", "Sam &", "John,", "In": the name belongs to what comes before it.
    private static bool OpensSalutation(ReadOnlySpan<char> s) =>
        s is "," or "&" or "/" or "and" or "Afternoon" or "Morning" or "Evening" or "Good" || GreetingLookup.Contains(s) || StarterLookup.Contains(s);

    private enum Kind
    {
        None,
        Final,        // ".", "!", "?", "?!", "!!!"
        Ellipsis,     // "...", "…", ".." (may continue the sentence)
        Abbreviation, // "U.S.", "etc."
        Rule,         // a separator line such as "*****", "=====", "_____": ends a sentence
        Url,          // a URL: ends a sentence before another URL or a capitalised function word
        Emoticon,     // ":)", ":-)", an emoji: ends a sentence before a capitalised word
        Greeting,     // the comma of "Hi John," before a capitalised word
        Stamp,        // "AM"/"PM" closing an e-mail header's time stamp, or the ">" closing an address
    }

    private static Kind Classify(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var s = tokens[i].In(text);
        var c = s[^1];
        var head = s[0];

        // Fast path for the common case, a plain word or number.
        if (char.IsAsciiLetterOrDigit(c) && char.IsAsciiLetterOrDigit(head))
        {
            if ((head is 'h' or 'H' or 'w' or 'W' && IsUrl(s)) || (s.Length > 4 && s.Contains('@') && IsAddress(s)))
            {
                return Kind.Url;
            }

            if (char.IsAsciiDigit(head) && i > 0 && IsTime(s) && IsDate(tokens[i - 1].In(text)) && (i + 1 == tokens.Length || !IsAmPm(tokens[i + 1].In(text))))
            {
                return Kind.Stamp; // a 24-hour stamp "Mike Jordan 26/09/2000 14:14 Fernley …"
            }

            return s.Length == 2 && s[1] == 'M' && head is 'A' or 'P' && i > 0 && tokens[i - 1].In(text).Contains(':') ? Kind.Stamp : Kind.None;
        }

        if (s.Length == 1)
        {
            switch (c)
            {
                case ',':
                    return Kind.Greeting;
                case '>':
                    return i > 0 && tokens[i - 1].In(text).Contains('@') ? Kind.Stamp : Kind.None;
                default:
                    break;
            }
        }

        if (s is ">>")
        {
            return Kind.Stamp; // the end of an attachment line "<< File: a.xls >>"
        }

        // "Direct Dial:? 203…": a "?" glued to a colon or comma stands for a lost non-breaking space.
        if (s.Length == 1 && c == '?' && i > 0 && tokens[i - 1].End == tokens[i].Start && text[tokens[i].Start - 1] is ':' or ',')
        {
            return Kind.None;
        }

        if (IsUrl(s) || IsAddress(s))
        {
            return Kind.Url;
        }

        if (IsRule(s))
        {
            return Kind.Rule;
        }

        if (IsEmoticon(s))
        {
            return Kind.Emoticon;
        }

        if (s.Length == 2 && s[1] == 'M' && s[0] is 'A' or 'P' && i > 0 && tokens[i - 1].In(text).Contains(':'))
        {
            return Kind.Stamp;
        }

        if (c is not ('.' or '!' or '?' or '\u2026') && !IsCjkFinal(c))
        {
            return Kind.None;
        }

        var allMarks = true;
        var hasBang = false;
        foreach (var ch in s)
        {
            if (ch is not ('.' or '!' or '?' or '\u2026') && !IsCjkFinal(ch))
            {
                allMarks = false;
                break;
            }

            // "。", "！", "？" end a sentence as "!" does: Chinese and Japanese put no space after them and have no capitals to wait for.
            hasBang |= ch is '!' or '?' || IsCjkFinal(ch);
        }

        if (allMarks)
        {
            return hasBang || s is "." ? Kind.Final : Kind.Ellipsis;
        }

        return c == '.' ? Kind.Abbreviation : Kind.None;
    }

    private static bool EndsHere(string text, ReadOnlySpan<Token> tokens, int mark, Kind kind, int next)
    {
        var first = FirstWordChar(text, tokens, next, out var word);
        switch (kind)
        {
            case Kind.Final:
                // The tokenizer's lone dot glued to the word before it ("v.", "Ph.", "LA."): the rules below ask what that word is.
                var gluedDot = mark > 0 && tokens[mark - 1].End == tokens[mark].Start && tokens[mark].Length == 1 && text[tokens[mark].Start] == '.';

                // ". . ." spaced out is one ellipsis; a final mark before a comma or another mark ends nothing.
                if (tokens[mark].Length == 1 && text[tokens[mark].Start] == '.' && text[tokens[next].Start] == '.')
                {
                    return false;
                }

                // "Roe v. Wade", "(pop. 5,000)": the tokenizer's lone dot after an abbreviation that sits inside sentences.
                if (gluedDot
                    && InnerAbbreviationLookup.Contains(tokens[mark - 1].In(text)))
                {
                    return false;
                }

                // "et. al.", "w/r.t. the CSA": the last dot of an abbreviation the tokenizer does not know (RuleSentenceSplitter.Abbreviations.cs).
                if (gluedDot && IsAbbreviationDot(text, tokens, mark, next, first))
                {
                    return false;
                }

                // "Lysa Akin Ass't. to Paul …", "the Nat'l. team": the dot of a contraction abbreviation before a lower-case word.
                if (gluedDot
                    && char.IsLower(first) && !word.IsEmpty && IsApostropheAbbreviation(tokens[mark - 1].In(text)))
                {
                    return false;
                }

                // "Ph. (03) 9221 4101", "Fax.(03) …", "the Para. 13 relative to …": the dot of a label that a number follows.
                if (gluedDot
                    && NumberLabelLookup.Contains(tokens[mark - 1].In(text))
                    && (char.IsAsciiDigit(text[tokens[next].Start]) || (text[tokens[next].Start] == '(' && tokens[next].Length == 1 && next + 1 < tokens.Length && char.IsAsciiDigit(text[tokens[next + 1].Start]))))
                {
                    return false;
                }

                // "(although LA. is …", "in Bellevue, WA. and in …": the dot after a short capitalised word (a state, an abbreviation the
                // tokenizer does not know) before a lower-case word is the abbreviation's.
                if (gluedDot
                    && tokens[mark - 1].Length <= 3 && (IsName(tokens[mark - 1].In(text)) || IsCapitals(tokens[mark - 1].In(text)))
                    && char.IsLower(first) && !word.IsEmpty)
                {
                    return false;
                }

                // "sendIM?mayursha", "online?u=1", "Y!A": a "?" or "!" with a letter or digit touching it on both sides is part of an
                // address or a name, not a sentence end.
                if (mark > 0 && tokens[mark].Length == 1 && text[tokens[mark].Start] is '?' or '!' && tokens[mark - 1].End == tokens[mark].Start
                    && tokens[next].Start == tokens[mark].End && char.IsLetterOrDigit(text[tokens[mark].Start - 1]) && char.IsLetterOrDigit(text[tokens[next].Start]))
                {
                    return false;
                }

                // "Yahoo!" is a name: "with Yahoo! Messenger", "Yahoo! and AOL".
                if (mark > 0 && tokens[mark - 1].End == tokens[mark].Start && tokens[mark - 1].In(text).Equals("Yahoo", StringComparison.OrdinalIgnoreCase)
                    && text[tokens[mark].Start] == '!' && tokens[mark].Length == 1 && !StarterLookup.Contains(word))
                {
                    return false;
                }

                return first is not (',' or ';' or ':' or ')' or ']');
            case Kind.Ellipsis:
                // "… and then": an ellipsis before a lower-case word is a pause; "the sun ... ." ends at the lone mark.
                if (Classify(text, tokens, next) == Kind.Final && tokens[next].Start > tokens[mark].End)
                {
                    return false;
                }

                return (first != '\0' && !char.IsLower(first) && first is not (',' or ';' or ':' or ')' or ']')) || IsUrl(tokens[next].In(text));
            case Kind.Abbreviation:
                if (!char.IsUpper(first) || word.IsEmpty)
                {
                    return false;
                }

                var abbreviation = tokens[mark].In(text);
                if (TitleLookup.Contains(abbreviation) || InnerAbbreviationLookup.Contains(abbreviation[..^1]))
                {
                    return false; // a title: "Gen. Soleimani"
                }

                if (abbreviation.Length == 2)
                {
                    // An initial ("Jennifer M. Anderson") ends a sentence only before a function word: "because of X. So I …".
                    return word.Length > 1 && StarterLookup.Contains(word);
                }

                return StarterLookup.Contains(word) || OftenFinalLookup.Contains(abbreviation);
            case Kind.Url:
                // A URL or address ends a line of a signature or header: "… at x@y.com Our web address …".
                return (char.IsUpper(first) && !word.IsEmpty) || IsUrl(tokens[next].In(text));
            case Kind.Emoticon:
                return !word.IsEmpty && char.IsUpper(first);
            case Kind.Greeting:
                // "Hi, I want to …", "Thanks, I know you are busy": a bare greeting before "I" or "We" and a verb opens that sentence.
                if (word is "I" or "We" && tokens[mark - 1].In(text) is "Hi" or "Hello" or "Hey" or "Thanks" && next + 1 < tokens.Length
                    && tokens[next].In(text) == word && (char.IsLower(text[tokens[next + 1].Start]) || text[tokens[next + 1].Start] is '\'' or '\u2019'))
                {
                    return false;
                }

                // "Hello, Bill! Stan will …", "Hi, Liz: …": a one-word greeting's comma before a lone name that a mark, colon or comma
                // closes stays with the name (not "Thanks, Kim.", which is split as often as not).
                if (tokens[mark - 1].In(text) is "Hi" or "Hello" or "Hey" or "Dear" && next + 1 < tokens.Length && tokens[next].In(text) == word
                    && IsName(word) && tokens[next + 1].In(text) is "!" or ":" or ",")
                {
                    return false;
                }

                return char.IsUpper(first) && !word.IsEmpty;
            case Kind.Rule:
                return !char.IsLower(first) && tokens[next].Start > tokens[mark].End;
            case Kind.Stamp:
                // After a full "date time AM" stamp any word starts the message.
                return (char.IsUpper(first) && !word.IsEmpty) || IsDate(tokens[next].In(text))
                    || (!word.IsEmpty && mark >= 2 && IsDate(tokens[mark - 2].In(text)));
            default:
                return false;
        }
    }

    // "Ass't", "Gov't", "Nat'l", "Int'l": letters, an apostrophe, then a final "t" or "l".
    private static bool IsApostropheAbbreviation(ReadOnlySpan<char> s) =>
        s.Length is >= 4 and <= 6 && s[^2] is '\'' or '\u2019' && s[^1] is 't' or 'l' && s[^3] is not 'n' && char.IsLetter(s[0]) && !s[..^2].ContainsAnyExcept(AsciiLetters);

    // "1)" after a word: a digit or two, then a touching ")" , not inside "(…)".
    private static bool IsItemNumber(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var t = tokens[i];
        if (t.Length > 2 || !char.IsAsciiDigit(text[t.Start]) || !char.IsAsciiDigit(text[t.End - 1]))
        {
            return false;
        }

        var close = tokens[i + 1];
        var before = tokens[i - 1];
        return close.Start == t.End && close.Length == 1 && text[close.Start] == ')' && before.End < t.Start
            && char.IsLetter(text[before.End - 1]) && !(before.Length == 1 && text[before.Start] == '(');
    }

    // "Kay-- I", "Sara- Happy": a dash touching the word before it, then a space.
    private static bool IsGluedDash(string text, ReadOnlySpan<Token> tokens, int i) =>
        i > 0 && tokens[i].Length is 1 or 2 && text[tokens[i].Start] == '-' && text[tokens[i].End - 1] == '-'
            && tokens[i - 1].End == tokens[i].Start && char.IsLetter(text[tokens[i - 1].End - 1]) && i + 1 < tokens.Length && tokens[i + 1].Start > tokens[i].End;

    // Two capitalised words in a row ("Crayola Air", "Jackie Taylor"): a title or a full name rather than a greeting's first name.
    private static bool HasFullName(string text, ReadOnlySpan<Token> tokens, int start, int end)
    {
        for (var k = start + 1; k < end; k++)
        {
            if (IsName(tokens[k].In(text)) && IsName(tokens[k - 1].In(text)))
            {
                return true;
            }
        }

        return false;
    }

    // A dash standing alone after a space: "- b.pdf", "Kay - Can".
    private static bool IsBullet(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var t = tokens[i];
        return t.Length is 1 or 2 && text[t.Start] == '-' && text[t.End - 1] == '-' && i > 0 && tokens[i - 1].End < t.Start
            && i + 1 < tokens.Length && tokens[i + 1].Start > t.End;
    }

    // "UnleadedStocks.pdf", "Sam3102.doc", ".DOC" (split off "ld2d-#69345-1.DOC"), ">>" (the end of an Outlook attachment line).
    private static bool IsFileOrAttachmentEnd(ReadOnlySpan<char> s) =>
        s.EndsWith(">>") || IsFileName(s) || (s.Length is 4 or 5 && s[0] == '.' && FileExtensionLookup.Contains(s[1..]));

    private static bool IsFileName(ReadOnlySpan<char> s)
    {
        var dot = s.LastIndexOf('.');
        return dot > 0 && s.Length - dot - 1 is >= 3 and <= 4 && FileExtensionLookup.Contains(s[(dot + 1)..]);
    }

    // "Kay", "Debra": a capital, then lower-case letters.
    private static bool IsName(ReadOnlySpan<char> s) => s.Length >= 2 && char.IsAsciiLetterUpper(s[0]) && AsciiRanges.All(s[1..], 'a', 'z');

    private static readonly HashSet<string> SignOffs = new(StringComparer.Ordinal) { "Thanks", "Regards", "Cheers", "Best", "Sincerely", "Cordially" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SignOffLookup = SignOffs.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "zip", "jpg", "gif", "png", "htm", "html", "xml", "csv", "rtf", "wpd", "tif", "bmp",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FileExtensionLookup = FileExtensions.GetAlternateLookup<ReadOnlySpan<char>>();

    // The sentence so far is a salutation: one to four capitalised words, "and", "&" and commas ("Steve, Rod and Elyse").
    private static bool IsSalutation(string text, ReadOnlySpan<Token> tokens, int start, int dash)
    {
        if (dash - start is < 1 or > 7)
        {
            return false;
        }

        var words = 0;
        for (var k = start; k < dash; k++)
        {
            var w = tokens[k].In(text);
            if (w is "," or "&" or "and")
            {
                continue;
            }

            if (!IsName(w) || (k == start && StarterLookup.Contains(w)))
            {
                return false; // "This Friday - Michael goes …" is a sentence.
            }

            words++;
        }

        return words is >= 1 and <= 4;
    }

    private static bool IsSmallNumber(string text, Token t) =>
        t.Length <= 2 && char.IsAsciiDigit(text[t.Start]) && char.IsAsciiDigit(text[t.End - 1]);

    // "08/17/2000", "10/08/99".
    private static bool IsDate(ReadOnlySpan<char> s) =>
        s.Length is >= 6 and <= 10 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[^1]) && s.Count('/') == 2;

    // Header and form labels that a colon follows without addressing anyone ("Subject: Re …").
    private static readonly HashSet<string> FieldLabels = new(StringComparer.Ordinal)
    {
        "Subject", "Date", "Email", "Re", "Fw", "Fwd", "To", "From", "Cc", "Bcc", "Place", "Time", "Location", "Note", "Notes", "Update",
        "Edit", "Response", "Conclusion", "Question", "Answer", "Category", "Phone", "Fax", "Tel", "Cell", "Mobile", "Address", "Website",
        "Web", "Url", "Source", "Summary", "Title", "Name", "Price", "Attachment", "Attachments", "Importance", "Priority", "Sent", "Reply",
        "Comments", "Comment", "Description", "Status", "Type", "Attendees", "Participants", "Agenda", "Where", "When", "What", "Who",
        "Why", "Venue", "Cost", "Contact", "Host", "Hours", "Admission", "Deadline",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FieldLabelLookup = FieldLabels.GetAlternateLookup<ReadOnlySpan<char>>();


    private static bool IsAmPm(ReadOnlySpan<char> s) => s.Length == 2 && s[0] is 'A' or 'P' or 'a' or 'p' && s[1] is 'M' or 'm';

    private static readonly HashSet<string> Laughs = new(StringComparer.OrdinalIgnoreCase) { "haha", "hahah", "hahaha", "hahahaha", "hehe", "hehehe" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LaughLookup = Laughs.GetAlternateLookup<ReadOnlySpan<char>>();

    // "11:21", "12:42:55".
    private static bool IsTime(ReadOnlySpan<char> s) => s.Length is >= 4 and <= 8 && char.IsAsciiDigit(s[0]) && s.Contains(':');

    // "on", "at": a lower-case word before a date makes it part of the sentence.
    private static bool IsLowerWord(ReadOnlySpan<char> s) => s.Length > 0 && char.IsLower(s[0]);

    // An e-mail address: "a.b@c.com" (a handle "@jack" is not).
    private static bool IsAddress(ReadOnlySpan<char> s)
    {
        var at = s.IndexOf('@');
        return at > 0 && at < s.Length - 1 && s[(at + 1)..].Contains('.');
    }

    // "*****", "=====", "_____", "-----", "~~~~~": a separator line.
    private static bool IsRule(ReadOnlySpan<char> s) =>
        s.Length >= 3 && s[0] is '*' or '=' or '_' or '-' or '~' or '#' && !s.ContainsAnyExcept(s[0]);

    private static bool IsUrl(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool IsEmoticon(ReadOnlySpan<char> s)
    {
        // "^_^", "^^": the eastern smileys.
        if (s.Length is >= 2 and <= 3 && s[0] == '^' && s[^1] == '^')
        {
            return true;
        }

        if (s.Length is >= 2 and <= 3 && s[0] is ':' or ';' or '=' && s[^1] is ')' or '(' or 'D' or 'P' or 'p')
        {
            return true;
        }

        // An emoji (a surrogate pair in the pictographic planes, or a BMP symbol with its modifiers).
        return s.Length >= 1 && ((char.IsHighSurrogate(s[0]) && s.Length >= 2 && char.IsLowSurrogate(s[1]) && char.ConvertToUtf32(s[0], s[1]) is >= 0x1F000 and <= 0x1FAFF)
            || s[0] is >= '\u2600' and <= '\u27BF');
    }

    // "Hi John," / "Dear all," / "Thanks," at the start of a sentence (at most four tokens before the comma).
    private static bool IsGreeting(string text, ReadOnlySpan<Token> tokens, int start, int comma)
    {
        if (comma - start is < 1 or > 4)
        {
            return false;
        }

        if (GreetingLookup.Contains(tokens[start].In(text)))
        {
            return true;
        }

        // "@Ryan B, I'm …": a forum reply addressing a user by handle alone (not "@kim before seeing you, I …", "@kim Yeah, I …").
        if (tokens[start].Length >= 2 && text[tokens[start].Start] == '@' && char.IsLetter(text[tokens[start].Start + 1])
            && (comma - start == 1 || (comma - start == 2 && IsInitial(tokens[start + 1].In(text)))))
        {
            return true;
        }

        // "Best regards," "Thank you," "Take care,".
        return comma - start is 2 or 3 && ClosingLookup.Contains(text.AsSpan(tokens[start].Start, tokens[comma - 1].End - tokens[start].Start));
    }

    // Words that introduce a URL inside a sentence.
    private static readonly HashSet<string> UrlLinkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "at", "to", "from", "on", "in", "see", "visit", "is", "are", "was", "and", "or", "via", "here", "the", "of", "website",
        "site", "link", "page", "check", "try", "go", "with", "by", "under", "like", "www",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UrlLinkerLookup = UrlLinkers.GetAlternateLookup<ReadOnlySpan<char>>();

    // Sign-offs of more than one word (compared with the text between the first word and the comma).
    private static readonly HashSet<string> Closings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Thank you", "Many thanks", "Take care", "Best regards", "Kind regards", "Warm regards", "Kindest regards",
        "With best regards", "Best wishes", "Yours truly", "All the best", "With thanks", "Warmest regards",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ClosingLookup = Closings.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        // Not "Yes", "No", "Ok", "Well", "Oh": "Yes, I will attend" is one sentence.
        "Hi", "Hello", "Hey", "Dear", "Thanks", "Best", "Greetings", "Regards", "Cheers", "Sincerely", "Cordially", "Respectfully",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GreetingLookup = Greetings.GetAlternateLookup<ReadOnlySpan<char>>();

    // The first character of the next token (skipping opening quotes and brackets) and, when that is a
    // word, the word. Looks at most two tokens ahead.
    private static char FirstWordChar(string text, ReadOnlySpan<Token> tokens, int next, out ReadOnlySpan<char> word)
    {
        word = default;
        for (var k = next; k < tokens.Length && k < next + 3; k++)
        {
            var t = tokens[k].In(text);
            var c = t[0];
            if (c is '"' or '\'' or '\u201C' or '\u2018' or '(' or '[' or '\u00AB' && t.Length == 1)
            {
                continue;
            }

            if (char.IsLetter(c))
            {
                word = t;
            }

            return c;
        }

        return '\0';
    }

    private static bool IsClosing(string text, Token token)
    {
        // "action.'' What …": two apostrophes are the typewriter's closing double quote.
        if (token.Length == 2 && text[token.Start] == '\'' && text[token.Start + 1] == '\'')
        {
            return true;
        }

        if (token.Length != 1)
        {
            return false;
        }

        // The CJK closing brackets and corner quotes too: 「…。」
        return text[token.Start] is '"' or '\'' or ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB'
            or '\u300D' or '\u300F' or '\u3011' or '\u300B' or '\u3009' or '\uFF09' or '\uFF3D';
    }

    /// <summary>The Chinese and Japanese full stop, exclamation and question marks: "。", "｡", "！", "？".</summary>
    internal static bool IsCjkFinal(char c) => c is '\u3002' or '\uFF61' or '\uFF01' or '\uFF1F';

    // A sentence needs more than punctuation: "..." at the start of a paragraph does not stand alone.
    private static bool IsWordLike(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c) || c > 0x2000;
}
