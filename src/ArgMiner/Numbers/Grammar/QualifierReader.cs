using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// Qualifier phrases before an amount ("more than", "at least", "roughly", "up to") or after it ("or more",
/// "or less"), longest phrase first, from <see cref="NumberLexicon.Qualifiers"/> and
/// <see cref="NumberLexicon.PostQualifiers"/>.
/// </summary>
internal static class QualifierReader
{
    /// <summary>
    /// The longest phrase of <paramref name="table"/> starting at <paramref name="i"/>: its qualifier name and
    /// the token after it.
    /// </summary>
    internal static bool TryMatch(in SentenceView sentence, (string[] Words, string Qualifier)[] table, int i, out string qualifier, out int end)
    {
        qualifier = "";
        end = i;
        if (i >= sentence.Count || !sentence.StartsWithLetter(i) || !IsIn(QualifierFirstWords, sentence.Word(i)))
        {
            return false;
        }

        foreach (var (words, q) in table)
        {
            if (!sentence.Word(i).Equals(words[0], StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var ok = true;
            for (var k = 1; k < words.Length && ok; k++)
            {
                ok = sentence.WordIs(i + k, words[k]);
            }

            if (ok)
            {
                qualifier = q;
                end = i + words.Length;
                return true;
            }
        }

        return false;
    }

    /// <summary>more_than or at_least.</summary>
    internal static bool IsLowerBound(string qualifier) => qualifier is QualifierNames.MoreThan or QualifierNames.AtLeast;

    /// <summary>less_than or at_most.</summary>
    internal static bool IsUpperBound(string qualifier) => qualifier is QualifierNames.LessThan or QualifierNames.AtMost;
}
