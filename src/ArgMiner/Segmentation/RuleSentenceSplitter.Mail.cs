using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// Boundaries of e-mail and forum messages whose lines a joined-up paragraph lost (issue 10 §1): a colon that
/// introduces a numbered list ("… the following: 1. Check …") or follows a word announcing a block ("… as follows: Everyone …")
/// ends its sentence; a signature's lone name
/// after a final mark stands alone before a capitalised function word ("… Thanks. Sara The draft …"); a
/// sign-off word and a name closing the paragraph without a comma are two lines ("Thanks Darla"); a Lotus
/// Notes "Sent by:" header line and an Outlook attachment line "&lt;&lt;File: a.doc&gt;&gt;" each start a new sentence; after a
/// sign-off the lone name is a signature before "I" too ("Thanks. Sara I e-mailed …"), and "Regards Delainey Do n't …" is three
/// lines; "Thanks Earl Lee 505-555-0131" splits the sign-off from a full-name signature; a forwarding note "FYI" is a line of its own.
/// Every rule looks at a constant number of tokens around the current one: linear time.
/// </summary>
public sealed partial class RuleSentenceSplitter
{
    // Capitalised words that open sentences and look like names, but are not a signature's name ("Hope I helped!",
    // "Sorry The …" is rare, "Everybody I know …"): with the sentence starters they never stand alone as a signature.
    private static readonly HashSet<string> NotSignatures = new(StringComparer.Ordinal)
    {
        "Hope", "Glad", "Sorry", "Guess", "Maybe", "Perhaps", "Sure", "Either", "Everybody", "Everyone", "Everything", "Anything",
        "Nothing", "Something", "Someone", "Somebody", "Anyway", "Anyways", "Somehow", "Sometimes", "Am", "Wish", "Bet", "Think",
        "Oh", "Well", "Ok", "Okay", "Wow", "Yeah", "Yep", "Lol", "Good", "Great", "Fine", "Done", "See", "Note", "Edit", "Update",
        "Again", "Sadly", "Besides", "Plus", "Except", "Regards", "Best", "Cheers", "Sincerely", "Thx", "Please",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotSignatureLookup = NotSignatures.GetAlternateLookup<ReadOnlySpan<char>>();

    // One-word sign-offs that a name follows on the next line: "Thanks Darla", "Regards Molly" ("Best" is usually "Best regards").
    private static readonly HashSet<string> BareSignOffs = new(StringComparer.OrdinalIgnoreCase) { "Thanks", "Regards", "Cheers", "Thx" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BareSignOffLookup = BareSignOffs.GetAlternateLookup<ReadOnlySpan<char>>();

    // The longest dateline before an agency's bracket, in tokens ("Boulder , CO , Nov. 15").
    private const int MaxDateline = 12;

    // Words before a colon that introduce what follows as a block of its own (a list, steps). Not "said" ("He said: Go home." is one
    // sentence), nor "as follows", which as often introduces a definition in the same sentence ("… defines rights as follows: Rights rest on …").
    private static readonly HashSet<string> BlockCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "following", "below", "examples", "however", "points", "options", "issues", "steps",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockCueLookup = BlockCues.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The token that starts a new sentence because of a message's layout (<paramref name="i"/> itself to cut
    /// before it, a later one to cut after some tokens from <paramref name="i"/> on), or -1.
    /// </summary>
    private static int MessageBoundary(string text, ReadOnlySpan<Token> tokens, int start, int i)
    {
        var s = tokens[i].In(text);
        var n = tokens.Length;
        if (i == start)
        {
            return -1;
        }

        // "Which do you prefer? Kay Are you in …": a name alone after a final mark signs the message before it.
        // Not before "I": "Lucky I had a spare" opens with an adjective as often as with a name.
        // After a sign-off ("Thanks. Sara I e-mailed …", "Regards Delainey Do n't …") the name is a signature before "I" too.
        if (i == start + 1 && start > 0 && IsName(tokens[start].In(text)) && StarterLookup.Contains(s)
            && !StarterLookup.Contains(tokens[start].In(text)) && !NotSignatureLookup.Contains(tokens[start].In(text)) && !tokens[start].In(text).EndsWith("ly")
            && (IsFinalMarks(tokens[start - 1].In(text)) ? s is not "I" || (start >= 2 && BareSignOffLookup.Contains(tokens[start - 2].In(text)))
                : tokens[start - 1].In(text) is "Regards" or "Cheers" && (start == 1 || IsFinalMarks(tokens[start - 2].In(text)))))
        {
            return i;
        }

        // "… this goal? Regards Delainey Do n't worry …": a sign-off word opening a sentence, a name and a function word: the sign-off
        // is a line of its own (the name is cut off by the rule above).
        // Not "Thanks Bill I owe you": after "Thanks" the name is as often the one thanked.
        if (i == start + 2 && tokens[start].In(text) is "Regards" or "Cheers"
            && IsName(tokens[start + 1].In(text)) && StarterLookup.Contains(s)
            && !StarterLookup.Contains(tokens[start + 1].In(text)) && !NotSignatureLookup.Contains(tokens[start + 1].In(text)) && !tokens[start + 1].In(text).EndsWith("ly"))
        {
            return start + 1;
        }

        // "Thanks Darla" closing the paragraph: the sign-off and the signature are two lines (as "Thanks, || Darla" is).
        if (i == start + 1 && i == n - 1 && BareSignOffLookup.Contains(tokens[start].In(text)) && IsName(s) && !NotSignatureLookup.Contains(s))
        {
            return i;
        }

        // "Thanks Earl Lee 505-555-0131": a sign-off word, then a full name closing the paragraph or before a phone number, are two lines.
        if (i == start + 1 && i + 1 < n && BareSignOffLookup.Contains(tokens[start].In(text)) && IsName(s) && IsName(tokens[i + 1].In(text))
            && !StarterLookup.Contains(s) && !StarterLookup.Contains(tokens[i + 1].In(text)) && !NotSignatureLookup.Contains(s)
            && (i + 2 == n || IsPhoneOrCode(tokens[i + 2].In(text))))
        {
            return i;
        }

        // "… 09:40 AM fyi Tom Byargeon, Kevin …", "Paula FYI": a forwarding note "FYI" is a line of its own before a capitalised word or
        // the paragraph's end (not "FYI, we had …", "FYI - See rows …").
        if (i == start + 1 && tokens[start].In(text).Equals("FYI", StringComparison.OrdinalIgnoreCase) && IsProperWord(s))
        {
            return i;
        }

        if (s.Length == 3 && s.Equals("FYI", StringComparison.OrdinalIgnoreCase) && char.IsLetterOrDigit(text[tokens[i - 1].End - 1])
            && (i + 1 == n || IsProperWord(tokens[i + 1].In(text))))
        {
            return i;
        }

        var c0 = s[0]; // most tokens are words: one character test keeps the rules below off the common path

        // "To answer in order: 1) It is …", "check the following: 1. Is …": a colon introducing a numbered list ends there.
        // Not a ratio "3: 1." nor a time.
        if (c0 == ':' && s.Length == 1 && i + 3 < n && char.IsLetter(text[tokens[i - 1].End - 1]) && IsSmallNumber(text, tokens[i + 1]) && tokens[i + 2].In(text) is "." or ")"
            && tokens[i + 2].Start == tokens[i + 1].End && char.IsUpper(text[tokens[i + 3].Start]))
        {
            return i + 1;
        }

        // "… consider the following: Current Salary: …", "… issues, however: IT still …": a colon after a word that announces a
        // list or a block ends its sentence before a capital.
        if (c0 == ':' && s.Length == 1 && i + 1 < n && i - start >= 2 && BlockCueLookup.Contains(tokens[i - 1].In(text)) && tokens[i - 1].End == tokens[i].Start
            && char.IsUpper(text[tokens[i + 1].Start]))
        {
            return i + 1;
        }

        // "Sent by: Ben Jacoby@ECT FYI, see below.": the Lotus Notes header line ends after the sender's name when no time stamp follows.
        if (i - start >= 5 && char.IsUpper(c0) && tokens[i - 3].Length == 1 && text[tokens[i - 3].Start] == ':' && tokens[i - 5].In(text) is "Sent"
            && tokens[i - 4].In(text) is "by" && IsName(tokens[i - 2].In(text)) && (IsName(tokens[i - 1].In(text)) || (char.IsAsciiLetterUpper(text[tokens[i - 1].Start]) && tokens[i - 1].In(text).Contains('@')))
            && !IsDate(s))
        {
            return i;
        }

        // "Boulder, CO, Nov. 15 (UPI) -- Scientists …": a dateline of places and a date, a news agency and a dash stands alone (the
        // capitals-only "TEHRAN (AFP) -" is RuleSentenceSplitter.Layout.cs's).
        if (c0 is '-' or '\u2013' or '\u2014' && s is "-" or "--" or "\u2013" or "\u2014" && i - start is >= 4 and <= MaxDateline && i + 1 < n && tokens[i - 1].In(text) is ")"
            && tokens[i - 3].In(text) is "(" && (IsName(tokens[i - 2].In(text)) || IsCapitals(tokens[i - 2].In(text)))
            && char.IsAsciiDigit(text[tokens[i - 4].End - 1]) // a date before the agency: "Nov. 15 (UPI)", not "The NHS (England) - Reforms"
            && char.IsUpper(text[tokens[i + 1].Start]) && !HasLowerWord(text, tokens, start, i - 3))
        {
            return i + 1;
        }

        // "Jeff Dasovich Sent by: Jeff Dasovich 11/10/2000 …": a Lotus Notes header line.
        if (c0 == 'S' && s is "Sent" && i + 2 < n && tokens[i + 1].In(text) is "by" && tokens[i + 2].In(text) is ":")
        {
            return i;
        }

        // "… Cranston, RI 02920 USA P.S. - I am …": a postscript opens a line of its own after a word or number.
        if (c0 == 'P' && s is "P.S." or "PS" or "P.S" or "PPS" or "P.P.S." && i + 1 < n && char.IsLetterOrDigit(text[tokens[i - 1].End - 1])
            && (char.IsUpper(text[tokens[i + 1].Start]) || tokens[i + 1].In(text) is "-" or "--" or ":" or ","))
        {
            return i;
        }

        // "… 05:17 PM <Embedded Picture (Device Independent Bitmap)>": Outlook's placeholder for a picture is a line of its own.
        if (c0 == '<' && s.Length == 1 && i + 1 < n && tokens[i + 1].In(text) is "Embedded" && tokens[i + 1].Start == tokens[i].End)
        {
            return i;
        }

        // "Thanks, Kim 713-555-0100 << File: a.xls >>": an attachment line opens after a word or number, not after another
        // attachment, a listed file name ("- a.xls << File: a.xls >>" is one line) or a link (often the attachment's own).
        if (c0 == '<' && s is "<<" && i + 1 < n && IsWordLike(text[tokens[i - 1].End - 1]) && !IsFileOrAttachmentEnd(tokens[i - 1].In(text))
            && !IsUrl(tokens[i - 1].In(text)))
        {
            return i;
        }

        return -1;
    }

    // Whether a token from start to end (exclusive) opens with a lower-case letter: a dateline has none.
    private static bool HasLowerWord(string text, ReadOnlySpan<Token> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (char.IsLower(text[tokens[k].Start]))
            {
                return true;
            }
        }

        return false;
    }

    // ".", "?", "!!", "?!", "。": a run of final marks.
    private static bool IsFinalMarks(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExcept(".!?\u3002\uFF61\uFF01\uFF1F");
}
