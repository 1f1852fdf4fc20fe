using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// Rule-based sentence splitter over one paragraph's tokens (the hand-written counterpart of the
/// punkt-style splitters in NLTK/Catalyst). A sentence ends after a run of final marks (".", "!", "?",
/// "?!", "…", "..."), together with the closing quotes and brackets that follow it without a space. An
/// abbreviation's own dot ("U.S.", "etc.") ends a sentence only when the next word clearly starts a new
/// one: a capitalised function word ("The", "It", "But"…) after any abbreviation, or any capitalised word
/// after one that often ends sentences ("etc.", "Inc.", "a.m."); never after a title ("Mr.", "Gen.") or
/// an initial ("M."). An ellipsis followed by a lower-case word does not end a sentence. One pass over
/// the tokens with constant look-ahead: linear time.
/// </summary>
public sealed class RuleSentenceSplitter : ISentenceSplitter
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
        "Yesterday", "Tomorrow", "Last", "Next", "Earlier", "Later", "Instead", "Otherwise", "Overall",
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
        while (i < tokens.Length)
        {
            var kind = Classify(text, tokens, i);
            if (kind is not (Kind.Final or Kind.Ellipsis))
            {
                hasWord |= IsWordLike(text[tokens[i].Start]);
            }

            // An e-mail header's time stamp ("Sean Boyle 08/17/2000 11:21 AM") starts a sentence.
            if (kind == Kind.None && i > start && i + 1 < tokens.Length && hasWord && IsDate(tokens[i].In(text))
                && IsTime(tokens[i + 1].In(text)) && !IsLowerWord(tokens[i - 1].In(text)))
            {
                sentenceLengths.Add(i - start);
                start = i;
                hasWord = true;
            }

            if (kind == Kind.None || (kind == Kind.Greeting && !IsGreeting(text, tokens, start, i)))
            {
                i++;
                continue;
            }

            // Closing quotes and brackets that touch the final mark stay with its sentence.
            var last = i;
            while (last + 1 < tokens.Length && tokens[last + 1].Start == tokens[last].End && IsClosing(text, tokens[last + 1]))
            {
                last++;
            }

            var next = last + 1;
            if (next < tokens.Length && hasWord && EndsHere(text, tokens, i, kind, next))
            {
                sentenceLengths.Add(next - start);
                start = next;
                hasWord = false;
            }

            i = next;
        }

        if (start < tokens.Length)
        {
            sentenceLengths.Add(tokens.Length - start);
        }
    }

    private enum Kind
    {
        None,
        Final,        // ".", "!", "?", "?!", "!!!"
        Ellipsis,     // "...", "…", ".." (may continue the sentence)
        Abbreviation, // "U.S.", "etc."
        Url,          // a URL: ends a sentence before another URL or a capitalised function word
        Emoticon,     // ":)", ":-)", an emoji: ends a sentence before a capitalised word
        Greeting,     // the comma of "Hi John," before a capitalised word
        Stamp,        // "AM"/"PM" closing an e-mail header's time stamp, or the ">" closing an address
    }

    private static Kind Classify(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var s = tokens[i].In(text);
        var c = s[^1];
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

        if (IsUrl(s))
        {
            return Kind.Url;
        }

        if (IsEmoticon(s))
        {
            return Kind.Emoticon;
        }

        if (s.Length == 2 && s[1] == 'M' && s[0] is 'A' or 'P' && i > 0 && tokens[i - 1].In(text).Contains(':'))
        {
            return Kind.Stamp;
        }

        if (c is not ('.' or '!' or '?' or '\u2026'))
        {
            return Kind.None;
        }

        var allMarks = true;
        var hasBang = false;
        foreach (var ch in s)
        {
            if (ch is not ('.' or '!' or '?' or '\u2026'))
            {
                allMarks = false;
                break;
            }

            hasBang |= ch is '!' or '?';
        }

        if (allMarks)
        {
            return hasBang || s.Length == 1 ? Kind.Final : Kind.Ellipsis;
        }

        return c == '.' ? Kind.Abbreviation : Kind.None;
    }

    private static bool EndsHere(string text, ReadOnlySpan<Token> tokens, int mark, Kind kind, int next)
    {
        var first = FirstWordChar(text, tokens, next, out var word);
        switch (kind)
        {
            case Kind.Final:
                // ". . ." spaced out is one ellipsis; a final mark before a comma or another mark ends nothing.
                if (tokens[mark].Length == 1 && text[tokens[mark].Start] == '.' && text[tokens[next].Start] == '.')
                {
                    return false;
                }

                return first is not (',' or ';' or ':' or ')' or ']');
            case Kind.Ellipsis:
                // "… and then": an ellipsis before a lower-case word is a pause.
                return first != '\0' && !char.IsLower(first) && first is not (',' or ';' or ':' or ')' or ']');
            case Kind.Abbreviation:
                if (!char.IsUpper(first) || word.IsEmpty)
                {
                    return false;
                }

                var abbreviation = tokens[mark].In(text);
                if (abbreviation.Length == 2 || TitleLookup.Contains(abbreviation))
                {
                    return false; // an initial or a title: "Jennifer M. Anderson", "Gen. Soleimani"
                }

                return StarterLookup.Contains(word) || OftenFinalLookup.Contains(abbreviation);
            case Kind.Url:
                return StarterLookup.Contains(word) || IsUrl(tokens[next].In(text));
            case Kind.Emoticon:
                return char.IsUpper(first) && !word.IsEmpty && word.Length > 1;
            case Kind.Greeting:
                return char.IsUpper(first) && !word.IsEmpty;
            case Kind.Stamp:
                return (char.IsUpper(first) && !word.IsEmpty) || IsDate(tokens[next].In(text));
            default:
                return false;
        }
    }

    // "08/17/2000", "10/08/99".
    private static bool IsDate(ReadOnlySpan<char> s) =>
        s.Length is >= 6 and <= 10 && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[^1]) && s.Count('/') == 2;

    // "11:21", "12:42:55".
    private static bool IsTime(ReadOnlySpan<char> s) => s.Length is >= 4 and <= 8 && char.IsAsciiDigit(s[0]) && s.Contains(':');

    // "on", "at": a lower-case word before a date makes it part of the sentence.
    private static bool IsLowerWord(ReadOnlySpan<char> s) => s.Length > 0 && char.IsLower(s[0]);

    private static bool IsUrl(ReadOnlySpan<char> s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool IsEmoticon(ReadOnlySpan<char> s)
    {
        if (s.Length is >= 2 and <= 3 && s[0] is ':' or ';' or '=' && s[^1] is ')' or '(' or 'D' or 'P' or 'p')
        {
            return true;
        }

        // An emoji (a surrogate pair in the pictographic planes, or a BMP symbol with its modifiers).
        return s.Length >= 1 && ((char.IsHighSurrogate(s[0]) && s.Length >= 2 && char.ConvertToUtf32(s[0], s[1]) is >= 0x1F000 and <= 0x1FAFF)
            || s[0] is >= '\u2600' and <= '\u27BF');
    }

    // "Hi John," / "Dear all," / "Thanks," at the start of a sentence (at most four tokens before the comma).
    private static bool IsGreeting(string text, ReadOnlySpan<Token> tokens, int start, int comma)
    {
        if (comma - start is < 1 or > 4)
        {
            return false;
        }

        return GreetingLookup.Contains(tokens[start].In(text));
    }

    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Hi", "Hello", "Hey", "Dear", "Thanks", "Greetings", "Regards", "Cheers", "Sincerely", "Yes", "No", "Ok", "Okay", "Well", "Oh",
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
        if (token.Length != 1)
        {
            return false;
        }

        return text[token.Start] is '"' or '\'' or ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB';
    }

    // A sentence needs more than punctuation: "..." at the start of a paragraph does not stand alone.
    private static bool IsWordLike(char c) => char.IsLetterOrDigit(c) || char.IsSurrogate(c) || c > 0x2000;
}
