using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// Boundaries that a paragraph's lost line breaks would have made, found from the tokens alone (issue 10 §1):
/// a signature marker <c>--</c> opening a sentence before a capital ("-- Posted by …"); a bracketed source
/// opening one ("(BBC) The …", "(Hat Tip: Some Blog) (BBC)"); a signature's name written twice ("Sincerely,
/// Dana Dana Smith …": the first stands alone); a sign-off right after an attachment's bracket ("(See
/// attached file: a.doc) Regards, Dana"); and field rows: a sentence opening with a label and a colon
/// ("Slope: 0.12 (0.01)", "From: Kim Lee") ends before the next label when its value is a number (not
/// between two contact labels, "Phone: … Fax: …" being one contact line) or both labels are header fields,
/// before a capitalised function word after a number ("R Square: 0.06 Therefore …"), and after an address
/// or URL that is the whole value ("Email: kim@example.org lol …"); a news dateline ("CAIRO (AP) - The …");
/// and a spaced "?" after an address at the paragraph's end (a lost line).
/// Each rule looks a constant number of tokens ahead; the field-row scan only moves forward: linear time.
/// </summary>
public sealed partial class RuleSentenceSplitter
{
    // Labels of a contact line: "Phone: … Fax: …", "Direct Dial: … E-mail: …" stay one line.
    private static readonly HashSet<string> ContactLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Phone", "Telephone", "Tel", "Fax", "Cell", "Mobile", "Pager", "Dial", "Office", "Home", "Work", "Email", "E-mail", "Web", "Website",
        "SMS", "WWW", "Skype", "Mob",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ContactLabelLookup = ContactLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    // An e-mail header's fields: "From: … Sent: … To: … Subject: …" is one field each.
    private static readonly HashSet<string> HeaderLabels = new(StringComparer.Ordinal) { "From", "To", "Cc", "Bcc", "Subject", "Sent", "Date" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HeaderLabelLookup = HeaderLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>What is known about the current sentence as a field row; recomputed when the sentence changes.</summary>
    private struct FieldRow
    {
        public bool Known;
        public int Start;          // the sentence it describes
        public int Colon;          // the label's colon, or -1 when the sentence does not open with a label
        public int NumericThrough; // the value's tokens up to here are all numeric
    }

    /// <summary>
    /// The token that starts a new sentence because of layout (<paramref name="i"/> itself to cut before it,
    /// a later one to cut after some tokens from <paramref name="i"/> on), or -1.
    /// </summary>
    private static int LayoutBoundary(string text, ReadOnlySpan<Token> tokens, int start, int i, Kind kind, ref FieldRow rows)
    {
        if (MessageBoundary(text, tokens, start, i) is var message and > 0)
        {
            return message; // RuleSentenceSplitter.Mail.cs
        }

        var s = tokens[i].In(text);
        var n = tokens.Length;
        if (i == start && i + 1 < n)
        {
            // "-- Posted by Kim": a signature marker before a capital. Not an attribution "-- Sally" or "-- Paul, Atlanta":
            // a name closing the paragraph or followed by a comma belongs to its dash, and so does a full name ("-- John B, Windermere",
            // "-- Ann Lee" closing the paragraph).
            if (s is "--" && char.IsUpper(text[tokens[i + 1].Start])
                && !(IsName(tokens[i + 1].In(text)) && (i + 2 == n || tokens[i + 2].In(text) is "," || IsAttributionSurname(text, tokens, i + 2))))
            {
                return i + 1;
            }

            // "(BBC) The Palestinian …": a source in brackets.
            if (s is "(" && BracketedSourceEnd(text, tokens, i) is var close and > 0)
            {
                return close + 1;
            }
        }

        // "… A Looming Folly By William Rivers Pitt", "By Dan Whipple UNITED PRESS …": a byline stands alone (RuleSentenceSplitter.Bylines.cs).
        if (kind == Kind.None && BylineBoundary(text, tokens, start, i) is var byline and > 0)
        {
            return byline;
        }

        // "TEHRAN (AFP) - An international …": a news dateline stands alone.
        if (kind == Kind.None && (i == start || tokens[i - 1].In(text) is ":") && DatelineEnd(text, tokens, i) is var dash and > 0)
        {
            return i > start ? i : dash + 1;
        }

        // "E-mail:? kim@example.org ?": a spaced "?" closing the paragraph after an address is a lost line of its own.
        if (s is "?" && i == n - 1 && i > start && tokens[i - 1].End < tokens[i].Start && (IsAddress(tokens[i - 1].In(text)) || IsUrl(tokens[i - 1].In(text))))
        {
            return i;
        }

        if (kind == Kind.None && i == start + 1 && IsName(s) && s.SequenceEqual(tokens[start].In(text)))
        {
            return i; // "Dana Dana Smith": the name signed, then the signature.
        }

        if (kind == Kind.None && i > start && i + 2 < n && SignOffLookup.Contains(s) && tokens[i + 1].In(text) is ","
            && IsName(tokens[i + 2].In(text)) && text[tokens[i - 1].End - 1] is ')' or '>')
        {
            return i; // "(See attached file: a.doc) Regards, Dana"
        }

        if (kind is not (Kind.None or Kind.Url) || i == start)
        {
            return -1;
        }

        if (!rows.Known || rows.Start != start)
        {
            rows = new FieldRow { Known = true, Start = start, Colon = LabelColon(text, tokens, start) };
            rows.NumericThrough = rows.Colon;
        }

        if (i <= rows.Colon)
        {
            return -1;
        }

        var colon = kind == Kind.None ? LabelColon(text, tokens, i) : -1;
        var cut = rows.Colon < 0 ? -1 : FieldRowEnd(text, tokens, start, i, kind, colon, ref rows);
        if (cut < 0 && colon > 0)
        {
            rows.Colon = colon; // "… as follows: Slope: 0.12 Intercept: 0.3": a label later in the sentence starts a row too
            rows.NumericThrough = colon;
        }

        return cut;
    }

    // Whether the field row that the label before rows.Colon opened ends at token i (see the type's summary).
    private static int FieldRowEnd(string text, ReadOnlySpan<Token> tokens, int start, int i, Kind kind, int colon, ref FieldRow rows)
    {
        var n = tokens.Length;
        while (rows.NumericThrough + 1 < i && IsNumericValue(tokens[rows.NumericThrough + 1].In(text)))
        {
            rows.NumericThrough++;
        }

        var label = tokens[rows.Colon - 1].In(text);
        if (kind == Kind.Url)
        {
            // "Email: kim@example.org lol, …", "Fax: 555-0101 Email: kim@example.org actually …": the address is the whole value.
            return i == rows.Colon + 1 && i + 1 < n && FieldLabelLookup.Contains(label) && char.IsLower(text[tokens[i + 1].Start])
                ? i + 1 : -1;
        }

        if (i == rows.Colon + 1)
        {
            return -1; // a value is needed first
        }

        var numeric = rows.NumericThrough >= i - 1;
        if (colon > 0)
        {
            var next = tokens[colon - 1].In(text);
            var contacts = ContactLabelLookup.Contains(label) && ContactLabelLookup.Contains(next);
            var headers = HeaderLabelLookup.Contains(label) && HeaderLabelLookup.Contains(next) && colon == i + 1;
            // "WHO: Ann WHAT: Lunch", "Date: Monday Time: 11:30", "Game 1: Monday … Game 2: Friday": a form's or a
            // schedule's rows, whatever their values.
            var form = IsFormLabel(text, tokens, LabelStart(text, tokens, rows.Colon), rows.Colon) && IsFormLabel(text, tokens, i, colon);
            var numbered = colon == i + 2 && rows.Colon >= 2 && IsLabelIndex(tokens[colon - 1].In(text)) && IsLabelIndex(tokens[rows.Colon - 1].In(text))
                && tokens[i].In(text).SequenceEqual(tokens[rows.Colon - 2].In(text));
            return ((numeric || form) && !contacts) || headers || numbered ? i : -1;
        }

        return numeric && StarterLookup.Contains(tokens[i].In(text)) ? i : -1;
    }

    // "TEHRAN (AFP) -", "NEW YORK (Reuters) --": capitals, an agency in brackets and a dash before a capital; the dash's index, or -1.
    private static int DatelineEnd(string text, ReadOnlySpan<Token> tokens, int k)
    {
        if (!IsCapitals(tokens[k].In(text)) || (k > 0 && IsCapitals(tokens[k - 1].In(text))))
        {
            return -1;
        }

        var open = k + 1 < tokens.Length && IsCapitals(tokens[k + 1].In(text)) ? k + 2 : k + 1; // "NEW YORK"
        if (open + 4 >= tokens.Length || tokens[open].In(text) is not "(" || tokens[open + 2].In(text) is not ")"
            || !char.IsAsciiLetterUpper(text[tokens[open + 1].Start]) || tokens[open + 3].In(text) is not ("-" or "--" or "\u2013" or "\u2014")
            || !char.IsUpper(text[tokens[open + 4].Start]))
        {
            return -1;
        }

        return open + 3;
    }

    // The first token of the label whose colon is at index colon: "R" of "R Square:", "Game" of "Game 2:".
    private static int LabelStart(string text, ReadOnlySpan<Token> tokens, int colon) =>
        colon >= 2 && LabelColon(text, tokens, colon - 2) == colon ? colon - 2 : colon - 1;

    // A form's label: a known field ("Date", "Where") or capitals ("WHO", "STEP TWO"), but not a numbered one.
    private static bool IsFormLabel(string text, ReadOnlySpan<Token> tokens, int from, int colon)
    {
        if (colon - from == 1 && FieldLabelLookup.Contains(tokens[from].In(text)))
        {
            return true;
        }

        for (var k = from; k < colon; k++)
        {
            if (!IsCapitals(tokens[k].In(text)))
            {
                return false;
            }
        }

        return true;
    }

    // "1", "12", "A": the index of a numbered label ("Game 2:", "Option B:").
    private static bool IsLabelIndex(ReadOnlySpan<char> s) =>
        (s.Length is 1 or 2 && AsciiRanges.All(s, '0', '9')) || (s.Length == 1 && char.IsAsciiLetterUpper(s[0]));

    // "TEHRAN", "NEW": capital letters only, two or more.
    private static bool IsCapitals(ReadOnlySpan<char> s) => s.Length >= 2 && AsciiRanges.All(s, 'A', 'Z');

    // "Slope:", "R Square:", "E-mail:": one or two capitalised words and a colon from token k; the colon's index, or -1.
    private static int LabelColon(string text, ReadOnlySpan<Token> tokens, int k)
    {
        if (!IsLabelWord(tokens[k].In(text)))
        {
            return -1;
        }

        if (k + 1 < tokens.Length && tokens[k + 1].In(text) is ":")
        {
            return k + 1;
        }

        // Not "Lee Sent:" in "From: Kim Lee Sent: Monday": a label word on its own is the label; nor "Ann WHEN:" (capitals
        // after a capitalised word). "Game 2:" is numbered.
        return k + 2 < tokens.Length && tokens[k + 2].In(text) is ":"
            && ((IsLabelWord(tokens[k + 1].In(text)) && (IsCapitals(tokens[k].In(text)) || !IsCapitals(tokens[k + 1].In(text)))) || IsLabelIndex(tokens[k + 1].In(text)))
            && !HeaderLabelLookup.Contains(tokens[k + 1].In(text)) && !FieldLabelLookup.Contains(tokens[k + 1].In(text)) ? k + 2 : -1;
    }

    private static bool IsLabelWord(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty || !char.IsAsciiLetterUpper(s[0]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsAsciiLetter(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    // "0.1171", "-0.39", "(", ")", "713-555-0100", "$5": a number or the punctuation around one.
    private static bool IsNumericValue(ReadOnlySpan<char> s) =>
        char.IsAsciiDigit(s[0])
        || (s.Length > 1 && s[0] is '-' or '+' or '$' or '.' && char.IsAsciiDigit(s[1]))
        || (s.Length <= 2 && !s.ContainsAnyExcept("()-+$%.,/"));

    // "(BBC)", "(Jerusalem Post)", "(Hat Tip: Some Blog )" opening a sentence, then a capital, a bracket or a
    // quote: the closing bracket's index, or -1. Capitalised words only (the first of two letters or more), at most six.
    private static int BracketedSourceEnd(string text, ReadOnlySpan<Token> tokens, int open)
    {
        for (var k = open + 1; k < tokens.Length && k <= open + 7; k++)
        {
            var t = tokens[k].In(text);
            if (t is ")")
            {
                if (k == open + 1 || k + 1 >= tokens.Length)
                {
                    return -1;
                }

                var after = text[tokens[k + 1].Start];
                return char.IsUpper(after) || after is '(' or '"' or '\u201C' ? k : -1;
            }

            var word = char.IsUpper(t[0]) && (k > open + 1 || t.Length >= 2);
            if (!word && t is not (":" or "&" or "/" or "-"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// True when the token at <paramref name="k"/> is the surname or initial of an attribution "-- John B, Windermere" or
    /// "-- Ann Lee" (a capitalised word or initial that a comma follows or that closes the paragraph): the reader's name signs the quote
    /// before the dash, so it stays with the dash rather than starting a line of its own as "-- Posted by Kim" does.
    /// </summary>
    private static bool IsAttributionSurname(string text, ReadOnlySpan<Token> tokens, int k)
    {
        if (k >= tokens.Length)
        {
            return false;
        }

        var surname = tokens[k].In(text);
        return (IsName(surname) || (surname.Length == 1 && char.IsAsciiLetterUpper(surname[0])))
            && (k + 1 == tokens.Length || tokens[k + 1].In(text) is ",");
    }
}
