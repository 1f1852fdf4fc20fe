using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// A news byline ("By Dan Whipple") that a joined-up paragraph ran into the headline before it and the agency or text after it
/// (issue 10 §1: header lines stand alone). Each check looks at most five tokens ahead: linear time.
/// </summary>
public sealed partial class RuleSentenceSplitter
{
    // The most names a byline holds ("By William Rivers Pitt").
    private const int MaxBylineNames = 3;

    /// <summary>
    /// The cut a byline at <paramref name="i"/> makes, or -1: before "By" when a title-case headline runs into it ("Attack on Iran:
    /// A Looming Folly By William Rivers Pitt"), and after the names when an agency in capitals, a sentence's first word or the
    /// paragraph's end follows ("By Dan Whipple UNITED PRESS INTERNATIONAL", "By Ann Lee The council met …"). Not "Stand By Me"
    /// (one name), nor "killed by John Smith" (a lower-case "by"), nor "By John Smith's account, …" (the name goes on).
    /// </summary>
    private static int BylineBoundary(string text, ReadOnlySpan<Token> tokens, int start, int i)
    {
        if (tokens[i].In(text) is not "By")
        {
            return -1;
        }

        var end = i + 1;
        // A sentence's first word ("The", "In") ends the names.
        while (end < tokens.Length && end - i <= MaxBylineNames && IsBylineName(tokens[end].In(text)) && !StarterLookup.Contains(tokens[end].In(text)))
        {
            end++;
        }

        if (end - i - 1 < 2)
        {
            return -1;
        }

        // A headline's last word, capitalised and with no final mark, runs into the byline.
        if (i > start)
        {
            var before = tokens[i - 1].In(text);
            return IsName(before) || IsCapitals(before) ? i : -1;
        }

        if (end == tokens.Length)
        {
            return -1; // the byline closes the paragraph: it ends there anyway
        }

        var after = tokens[end].In(text);
        return (IsCapitals(after) && tokens[end].Start > tokens[end - 1].End) || (StarterLookup.Contains(after) && after is not "I") ? end : -1;
    }

    // "Dan", "Whipple", "W." or "W": a capitalised name or an initial.
    private static bool IsBylineName(ReadOnlySpan<char> s) =>
        IsName(s) || (s.Length <= 2 && char.IsAsciiLetterUpper(s[0]) && (s.Length == 1 || s[1] == '.'));
}
