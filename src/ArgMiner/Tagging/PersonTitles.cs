namespace ArgMiner.Tagging;

/// <summary>Titles and offices that precede a name but are not part of a PERSON span ("President", "Dr."), in recognition and in training data alike.</summary>
public static class PersonTitles
{
    /// <summary>
    /// Person titles that GMB puts inside person spans and ArgMiner (like UNER and most users) leaves out:
    /// stripped from the start of training spans and of recognised PERSON spans.
    /// </summary>
    public static IReadOnlySet<string> Words => Set;

    /// <summary>Whether <paramref name="word"/> is one of <see cref="Words"/>, without making a string of it.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);

    private static readonly HashSet<string> Set = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr.", "Mrs.", "Ms.", "Miss", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Sir", "Lady", "Lord", "Dame",
        "President", "Vice", "Prime", "Minister", "Foreign", "Defense", "Defence", "Interior", "Finance",
        "Secretary", "General", "Gen.", "Lieutenant", "Lt.", "Colonel", "Col.", "Major", "Maj.", "Captain", "Capt.",
        "Admiral", "Adm.", "Sergeant", "Sgt.", "Commander", "Chancellor", "King", "Queen", "Prince", "Princess",
        "Pope", "Cardinal", "Archbishop", "Bishop", "Reverend", "Rev.", "Father", "Sheikh", "Ayatollah", "Imam",
        "Senator", "Sen.", "Representative", "Rep.", "Governor", "Gov.", "Mayor", "Judge", "Justice",
        "Ambassador", "Envoy", "Chairman", "Chief", "Premier", "Speaker", "Emir", "Sultan", "Crown",
        "Deputy", "Former", "Acting", "Opposition", "Leader", "Commissioner", "Director", "Spokesman",
        "Spokeswoman", "Mullah", "Cleric", "Professor", "Prof.", "Nobel", "Laureate", "Field", "Marshal",
        "Attorney", "Supreme", "Grand", "Brigadier", "Secretary-General",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Set.GetAlternateLookup<ReadOnlySpan<char>>();
}
