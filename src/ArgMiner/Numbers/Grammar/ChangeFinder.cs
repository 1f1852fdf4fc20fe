using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Words of change before an amount ("rose", "fell", "was cut", "an increase"), which make "from 40 to 55" a
/// change from one level to another rather than a range, and "rose 3% to 120" a change of 3% to a level of 120.
/// Looks back a bounded number of tokens.
/// </summary>
internal static class ChangeFinder
{
    /// <summary>How many tokens before a "from" a word of change may stand ("fell sharply from", "rose 3% from").</summary>
    private const int Window = 5;

    /// <summary>
    /// Whether a word of change stands in the few tokens before <paramref name="i"/>, in the same clause (no
    /// comma, stop or conjunction between): "grew from", "was cut from", "an increase from", "fell sharply from".
    /// </summary>
    internal static bool Before(in SentenceView sentence, int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - Window; k--)
        {
            var word = sentence.Word(k);
            if (IsIn(ChangeWords, word))
            {
                return true;
            }

            if (word is "," or ";" or ":" or "." or "(" or ")" or "!" or "?" or "\"" || sentence.WordIs(k, "and") || sentence.WordIs(k, "or") || sentence.WordIs(k, "but"))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word of change stands right before the amount at <paramref name="i"/>, perhaps with "by" ("rose
    /// 3%", "increased by 4%"); <paramref name="by"/> tells whether "by" was there.
    /// </summary>
    internal static bool RightBefore(in SentenceView sentence, int i, out bool by)
    {
        by = sentence.WordIs(i - 1, "by");
        var k = by ? i - 2 : i - 1;
        return k >= 0 && IsIn(ChangeWords, sentence.Word(k));
    }
}
