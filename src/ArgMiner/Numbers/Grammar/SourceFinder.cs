using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Who a sentence attributes its figures to: "according to X" (X up to the next punctuation), or the subject
/// before a reporting verb at a clause start ("U.S. officials estimate", "Reuters reported"). Pronouns are not
/// sources, and a lone sentence-initial word counts only before a verb of saying.
/// </summary>
internal static class SourceFinder
{
    /// <summary>The source the sentence attributes its figures to, or null.</summary>
    internal static string? Find(in SentenceView sentence)
    {
        for (var i = 0; i < sentence.Count; i++)
        {
            // "according to UN reporting"
            if (sentence.WordIs(i, "according") && sentence.WordIs(i + 1, "to"))
            {
                var first = i + 2;
                var end = first;
                while (end < sentence.Count && end - first < 8 && (sentence.StartsWithLetter(end) || (sentence.Word(end) is "." or "-" or "'s" or "’s" && sentence.TouchesPrevious(end) && (sentence.Word(end) is "'s" or "’s" || (end + 1 < sentence.Count && sentence.TouchesPrevious(end + 1))))) && !sentence.WordIs(end, "that") && !sentence.WordIs(end, "which"))
                {
                    end++;
                }

                while (end > first && sentence.Word(end - 1) is "." or "-")
                {
                    end--;
                }

                if (end > first)
                {
                    return sentence.TextOf(first, end);
                }
            }

            // "U.S. officials estimate", "Reuters reported"
            if (i > 0 && IsIn(ReportingVerbs, sentence.Word(i)) && !sentence.IsCapitalized(i))
            {
                var end = i;
                var first = i;
                while (first > 0 && i - first < 6)
                {
                    var previous = first - 1;
                    var word = sentence.Word(previous);
                    if (sentence.StartsWithLetter(previous) && !IsIn(PhraseStops, word))
                    {
                        first = previous;
                    }
                    else if (word is "." && sentence.TouchesPrevious(previous) && sentence.StartsWithLetter(previous - 1))
                    {
                        first = previous;
                    }
                    else
                    {
                        break;
                    }
                }

                // The subject must start a clause (sentence start, after a comma or "that"), not be a pronoun.
                if (first < end && (first == 0 || sentence.IsPunctuation(first - 1) || sentence.WordIs(first - 1, "that") || sentence.WordIs(first - 1, "the")))
                {
                    if (first < end && sentence.Word(first) is ".")
                    {
                        first++;
                    }

                    // A lone sentence-initial word ("Attached find …") is a subject only before a verb of saying.
                    var subject = sentence.TextOf(first, end);
                    var lone = first == 0 && end == first + 1;
                    if (!IsPronoun(subject) && (!lone || IsIn(SayingVerbs, sentence.Word(i))))
                    {
                        return subject;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Pronouns and quantifiers that are never a source ("they said", "some estimate").</summary>
    internal static bool IsPronoun(string subject) => subject.ToLowerInvariant() is "he" or "she" or "it" or "they" or "we" or "i" or "you" or "some" or "others" or "many";
}
