using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// The period of a rate after a claim: "a year", "per month", "each week", "annually", "daily", "per annum";
/// not "a year ago/earlier/later" nor "in a year".
/// </summary>
internal static class RatePeriodFinder
{
    /// <summary>
    /// The period of a rate within seven tokens after token <paramref name="i"/> (the end of a claim), or null.
    /// </summary>
    internal static string? After(in SentenceView sentence, int i)
    {
        var k = i;
        for (var n = 0; n < 7 && k < sentence.Count; n++, k++)
        {
            var word = sentence.Word(k);
            if (TryLookup(PeriodAdverbs, word, out var adverb) && !word.Equals("annual", StringComparison.OrdinalIgnoreCase))
            {
                return adverb;
            }

            if ((sentence.WordIs(k, "a") || sentence.WordIs(k, "an") || sentence.WordIs(k, "per") || sentence.WordIs(k, "each") || sentence.WordIs(k, "every") || sentence.Word(k) is "/") && TryLookup(PeriodNouns, sentence.Word(k + 1), out var period))
            {
                var after = sentence.Word(k + 2);
                if (after is "ago" or "earlier" or "later" or "before" or "after" or "old" or "long" or "-" || sentence.WordIs(k - 1, "in") || sentence.WordIs(k - 1, "within") || sentence.WordIs(k - 1, "for") || sentence.WordIs(k - 1, "over"))
                {
                    return null;
                }

                return period;
            }

            if (sentence.WordIs(k, "per") && sentence.WordIs(k + 1, "annum"))
            {
                return "year";
            }

            if (!sentence.StartsWithLetter(k) || (IsIn(PhraseStops, word) && n > 0))
            {
                break;
            }
        }

        return null;
    }
}
