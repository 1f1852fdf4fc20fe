using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// The counted noun of a count: the head noun after the number, skipping modifiers (capitalised words,
/// "such", hyphen compounds), the first plural noun within six tokens before a stop word ("180 such attacks",
/// "1,500–3,000 Islamic State fighters" → fighters).
/// </summary>
internal static class CountedNounFinder
{
    // ---------------------------------------------------------------- context

    /// <summary>
    /// The counted noun after token <paramref name="i"/> (the end of a count), or null; after a vague count
    /// ("hundreds of") the "of" is skipped; for a count of one (<paramref name="singular"/>) the first lower-case
    /// word serves when no plural noun follows.
    /// </summary>
    internal static string? After(in SentenceView sentence, int i, bool vague, bool singular)
    {
        // The head noun after the number, skipping modifiers: "180 such attacks", "1,500–3,000 Islamic State fighters".
        var k = i;
        if (vague && sentence.WordIs(k, "of"))
        {
            k++;
        }

        string? fallback = null;
        for (var n = 0; n < 6 && k < sentence.Count; n++, k++)
        {
            var word = sentence.Word(k);
            if (sentence.IsDash(k) && sentence.TouchesPrevious(k))
            {
                continue;
            }

            if (!sentence.StartsWithLetter(k) && !(word is "." && sentence.TouchesPrevious(k)))
            {
                break;
            }

            if (IsIn(PhraseStops, word) && !(word.Length > 1 && IsAllUpper(word)))
            {
                if ((sentence.WordIs(k, "of") && n == 0) || ((sentence.WordIs(k, "the") || sentence.WordIs(k, "these") || sentence.WordIs(k, "those") || sentence.WordIs(k, "its") || sentence.WordIs(k, "their")) && sentence.WordIs(k - 1, "of")))
                {
                    continue;
                }

                break;
            }

            if (sentence.IsPluralNoun(k))
            {
                return word.ToString();
            }

            if (fallback is null && sentence.StartsWithLetter(k) && !sentence.IsCapitalized(k))
            {
                fallback = word.ToString();
            }

            if (TryLookup(PeriodAdverbs, word, out _))
            {
                break;
            }
        }

        return singular ? fallback : null;
    }
}
