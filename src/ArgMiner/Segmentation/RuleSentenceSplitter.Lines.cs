using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// Lines that a joined-up paragraph lost, issue 10 §1 (second round): the sender line before an e-mail header's
/// time stamp ("… Thanks, Kim Dana Lee 10/20/2000 11:32 AM", "Kim Lee@ACME 10/20/2000 …", "a@b.com 10/20/2000 …");
/// the next item of a numbered list run together ("… Ann Wu, CEO 9. Bob Li …" starts at "9"); marks and quotes
/// left alone at a paragraph's end close its last sentence.
/// Each rule looks a constant number of tokens around the current one: linear time.
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
        if (k - 1 > start && IsInitial(tokens[k - 1].In(text)))
        {
            k--;
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

        if (k == start || (k - 1 == start && IsName(tokens[start].In(text))) || tokens[k - 1].In(text) is ":")
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
}
