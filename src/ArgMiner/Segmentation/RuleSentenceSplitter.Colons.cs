using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// A colon that closes a sentence of its own before a block the lost line break set apart (issue 10 §1). Each check looks at a
/// constant number of tokens before the current one: linear time.
/// </summary>
public sealed partial class RuleSentenceSplitter
{
    /// <summary>
    /// True when the URL at <paramref name="i"/> follows a colon that closes a clause ("Here are some better options IMO:
    /// http://…", "… is about the facts: http://…"): the link was the next line, so it starts a sentence. Not a label
    /// ("Website: http://…", "Our favourite Lotte World: http://…": fewer than four tokens since the sentence began, a
    /// title-case name, or no lower-case word just before the colon) nor a linking word before the colon ("go to: http://…", "at this site: http://…").
    /// </summary>
    private static bool IsUrlAfterClauseColon(string text, ReadOnlySpan<Token> tokens, int start, int i)
    {
        if (i - start < 5 || tokens[i - 1].In(text) is not ":")
        {
            return false;
        }

        // Not a title-case name as the label ("Our favourite Lotte World: http://…").
        var before = tokens[i - 2].In(text);
        if (!char.IsLetter(before[^1]) || UrlLinkerLookup.Contains(before) || (IsName(before) && IsName(tokens[i - 3].In(text))))
        {
            return false;
        }

        // A lower-case word among the last three words before the colon: a clause, not a title-case label.
        for (var k = i - 2; k >= i - 4; k--)
        {
            var w = tokens[k].In(text);
            if (char.IsLower(w[0]) && char.IsLetter(w[^1]))
            {
                return true;
            }
        }

        return false;
    }
}
