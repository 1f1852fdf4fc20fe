namespace ArgMiner.Numbers.Grammar;

/// <summary>Looks words up in <see cref="NumberLexicon"/>'s tables straight from the text, without making strings.</summary>
internal static class LexiconLookup
{
    /// <summary>The entry for <paramref name="word"/> (case-insensitive); false for an empty word.</summary>
    public static bool TryLookup<T>(Dictionary<string, T> table, ReadOnlySpan<char> word, out T value)
    {
        if (word.IsEmpty)
        {
            value = default!;
            return false;
        }

        return table.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word, out value!);
    }

    /// <summary>Whether <paramref name="word"/> is in <paramref name="set"/> (case-insensitive); false for an empty word.</summary>
    public static bool IsIn(HashSet<string> set, ReadOnlySpan<char> word) =>
        !word.IsEmpty && set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    /// <summary>Whether every character of <paramref name="word"/> is an upper-case letter ("USD", "MEUR").</summary>
    public static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
