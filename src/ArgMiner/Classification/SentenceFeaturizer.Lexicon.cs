namespace ArgMiner.Classification;

/// <summary>The word lexicons behind the featurizer's linguistic cues, and their lookup (split from the featurizer's file by concern).</summary>
public sealed partial class SentenceFeaturizer
{
    [Flags]
    internal enum Lex
    {
        None = 0,
        Attribution = 1,
        FirstSingular = 2,
        FirstPlural = 4,
        Second = 8,
        Modal = 16,
        Hedge = 32,
        Evaluative = 64,
        Negation = 128,
        Intensifier = 256,
        NumberWord = 512,
        Month = 1024,
        Causal = 2048,
    }

    // Only read to build WordCues below, so a plain dictionary: freezing it cost start-up time for no look-up.
    private static readonly Dictionary<string, Lex> Lexicon = BuildLexicon();

    /// <summary>
    /// The cue lexicon and the sentiment lexicon merged into one open-addressing table on the words' plain
    /// FNV-1a hashes, which the featurizer has already taken for the vector lookup: a word's cues cost one
    /// probe and a compare, not two lookups. Per word: its lexicon flags, whether the cue lexicon lists it, and
    /// its valence (0 when the sentiment lexicon lacks it; the first of a word listed twice, as its own table).
    /// </summary>
    private static readonly (ulong[] Slots, string[] Words, Lex[] Flags, bool[] Listed, sbyte[] Valence) WordCues = BuildWordCues();

    private static (ulong[] Slots, string[] Words, Lex[] Flags, bool[] Listed, sbyte[] Valence) BuildWordCues()
    {
        var entries = new Dictionary<string, (Lex Flags, bool Listed, sbyte Valence)>(StringComparer.Ordinal);
        foreach (var (word, cues) in Lexicon)
        {
            entries[word] = (cues, true, 0);
        }

        var rated = new HashSet<string>(StringComparer.Ordinal);
        var (sentimentWords, valences) = SentimentLexicon.Entries;
        for (var i = 0; i < sentimentWords.Length; i++)
        {
            var word = sentimentWords[i];
            var old = entries.GetValueOrDefault(word);
            if (rated.Add(word))
            {
                entries[word] = (old.Flags, old.Listed, valences[i]);
            }
        }

        // Filled by one loop rather than LINQ projections: their generic code over these value types is not in
        // the precompiled image and was compiled at every start-up (issue 12).
        var words = new string[entries.Count];
        var flags = new Lex[words.Length];
        var listed = new bool[words.Length];
        var valence = new sbyte[words.Length];
        var n = 0;
        foreach (var (word, entry) in entries)
        {
            words[n] = word;
            (flags[n], listed[n], valence[n]) = entry;
            n++;
        }

        // Each slot keeps the word's mixed hash beside its number + 1, so a probe passing another word's slot
        // (most tokens are in neither lexicon) compares hashes in the table instead of fetching its string.
        var slots = new ulong[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)words.Length * 4)];
        var mask = slots.Length - 1;
        for (var i = 0; i < words.Length; i++)
        {
            var mixed = FeatureHash.Mix(FeatureHash.Add(FeatureHash.Offset, words[i]));
            var slot = (int)(mixed & (uint)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = ((ulong)mixed << 32) | (uint)(i + 1);
        }

        return (slots, words, flags, listed, valence);
    }

    /// <summary>What <see cref="AddCues"/> checks a word for besides the lexicons.</summary>
    [Flags]
    internal enum WordKind : byte
    {
        None = 0,
        EndsNt = 1,
        Percent = 2,
        Per = 4,
        Money = 8,
    }

    private static WordKind KindOf(ReadOnlySpan<char> word) =>
        (word.EndsWith("n't") ? WordKind.EndsNt : WordKind.None)
        | (word is "percent" or "percentage" ? WordKind.Percent : word is "per" ? WordKind.Per : word is "dollars" or "dollar" or "euros" or "pounds" or "usd" ? WordKind.Money : WordKind.None);

    /// <summary>
    /// The cues of <paramref name="word"/>, whose plain hash is <paramref name="hash"/>: whether the cue lexicon
    /// lists it (with its <paramref name="flags"/>), and its sentiment <paramref name="valence"/>.
    /// </summary>
    private static bool TryGetWordCues(ReadOnlySpan<char> word, uint hash, out Lex flags, out int valence)
    {
        var (slots, words, all, listed, valences) = WordCues;
        var mask = slots.Length - 1;
        var mixed = FeatureHash.Mix(hash);
        var slot = (int)(mixed & (uint)mask);
        while (slots[slot] is var entry && entry != 0)
        {
            var at = (int)(uint)entry;
            if ((uint)(entry >> 32) == mixed && word.SequenceEqual(words[at - 1]))
            {
                flags = all[at - 1];
                valence = valences[at - 1];
                return listed[at - 1];
            }

            slot = (slot + 1) & mask;
        }

        flags = Lex.None;
        valence = 0;
        return false;
    }

    private static Dictionary<string, Lex> BuildLexicon()
    {
        var d = new Dictionary<string, Lex>(StringComparer.Ordinal);
        void Put(Lex flag, string words)
        {
            foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                d[word] = d.GetValueOrDefault(word) | flag;
            }
        }

        Put(Lex.Attribution, "according said says say told tells reported reports reporting report estimate estimates estimated announced announces stated states claimed claims found find finds showed shows show published revealed confirmed noted cited quoted data study studies survey surveys poll polls statistics figures census research researchers analysis officials spokesman spokeswoman spokesperson testified wrote documented recorded counted");
        Put(Lex.FirstSingular, "i me my mine myself i'm i've i'd i'll im ive");
        Put(Lex.FirstPlural, "we us our ours ourselves we're we've we'll");
        Put(Lex.Second, "you your yours yourself you're you've u ur");
        Put(Lex.Modal, "must should would could might may will can ought shall cannot need needs");
        Put(Lex.Hedge, "perhaps maybe likely unlikely possibly probably seems seem seemingly appears appear apparently suggests suggest arguably presumably might somewhat perhaps");
        Put(Lex.Evaluative, "good bad great terrible wrong right best worst brilliant excellent awful insightful amazing love loved hate hated disgrace disgraceful shameful stupid ridiculous thank thanks applaud impressed impressive wonderful horrible beautiful fantastic superb poor pathetic absurd foolish wise clever naive reckless dangerous disastrous catastrophic failed failure success successful admirable courageous cowardly corrupt evil nonsense shame sad happy glad proud outrageous unacceptable incredible awesome bravo nice well-written spot-on agree disagree");
        Put(Lex.Negation, "not no never nothing nobody none neither nor cannot");
        Put(Lex.Intensifier, "very really so truly extremely absolutely totally utterly deeply highly completely clearly obviously certainly");
        Put(Lex.NumberWord, "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half");
        Put(Lex.Month, "january february march april june july august september october november december monday tuesday wednesday thursday friday saturday sunday");
        Put(Lex.Causal, "because therefore thus hence consequently since so-called leads lead cause causes caused result results");
        return d;
    }
}
