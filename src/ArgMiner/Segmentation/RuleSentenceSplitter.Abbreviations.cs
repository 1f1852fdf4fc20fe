using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>
/// Abbreviations the tokenizer does not know, whose dot it splits off as a final mark (issue 10 §1: an abbreviation does not end
/// a sentence). Each check looks at the dot's two neighbours only: linear time.
/// </summary>
public sealed partial class RuleSentenceSplitter
{
    /// <summary>
    /// True when the dot glued to the token before <paramref name="mark"/> belongs to an abbreviation that sits inside a sentence:
    /// the Latin "et. al." (the writer's stray dot after "et"; "al" never opens a sentence), or the last dot of a dotted
    /// abbreviation before a lower-case word ("w/r.t. the CSA", "r.t. the"), where the letters before it are already dotted, so the
    /// dot closes the abbreviation rather than a sentence ("in the U.S. and" is the tokenizer's own; "ends here. the next" is not dotted).
    /// </summary>
    private static bool IsAbbreviationDot(string text, ReadOnlySpan<Token> tokens, int mark, int next, char first)
    {
        var before = tokens[mark - 1].In(text);
        var after = tokens[next].In(text);
        if (before.Equals("et", StringComparison.OrdinalIgnoreCase) && after.StartsWith("al", StringComparison.OrdinalIgnoreCase)
            && (after.Length == 2 || after[2] == '.'))
        {
            return true;
        }

        // "w/r.t", "r.t", "e.g": a single letter after an inner dot, with a letter before that dot.
        return char.IsLower(first) && before.Length >= 3 && char.IsLetter(before[^1]) && before[^2] == '.' && char.IsLetter(before[^3]);
    }
}
