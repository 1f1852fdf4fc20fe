namespace ArgMiner.Tagging;

/// <summary>
/// The tags each frequent training word was seen with (its ambiguity class, as a bit mask of class
/// indexes), keyed by the stable hash of the word's lower case. Rare words are left out so the model
/// learns how to treat words it has not seen. Immutable.
/// </summary>
internal sealed class TaggerLexicon
{
    /// <summary>
    /// Set in the mask of a frequent word that (nearly) always took one tag: the tagger gives it that tag
    /// without scoring (Honnibal's tag dictionary), which skips most function words and punctuation.
    /// </summary>
    public const ulong SureBit = 1UL << 63;

    /// <summary>The value of a word not in the lexicon.</summary>
    public const ulong Unknown = 0x554E4B4E4F574E00UL;

    private readonly WordHashMap<ulong> _classes;

    /// <summary>Makes a lexicon from (lower-case word hash, class mask) pairs.</summary>
    public TaggerLexicon(IEnumerable<KeyValuePair<ulong, ulong>> classes)
    {
        _classes = new WordHashMap<ulong>(classes);
    }

    /// <summary>A lexicon with no words.</summary>
    public static TaggerLexicon Empty { get; } = new([]);

    /// <summary>The entries, sorted by hash (for saving).</summary>
    public IEnumerable<KeyValuePair<ulong, ulong>> Entries => _classes.Entries;

    /// <summary>The number of words.</summary>
    public int Count => _classes.Count;

    /// <summary>The one class of a word marked <see cref="SureBit"/>, or -1.</summary>
    public static int SureClass(ulong mask) =>
        (mask & SureBit) != 0 && mask != Unknown ? System.Numerics.BitOperations.TrailingZeroCount(mask & ~SureBit) : -1;

    /// <summary>The ambiguity class of a lower-case word hash, or <see cref="Unknown"/>.</summary>
    public ulong Lookup(ulong lowerHash) => _classes.TryGetValue(lowerHash, out var mask) ? mask : Unknown;

    /// <summary>
    /// Builds the lexicon: words seen at least <paramref name="minCount"/> times, each with the classes
    /// that make up at least <paramref name="minShare"/> of its occurrences; words seen at least
    /// <paramref name="sureCount"/> times (0: none) with one class in 99.5 % of them are marked sure.
    /// </summary>
    public static TaggerLexicon Build(IReadOnlyList<TaggedSentence> sentences, IReadOnlyDictionary<string, int> classIndex, int minCount = 3, double minShare = 0.05, int sureCount = 0)
    {
        var counts = new Dictionary<ulong, Dictionary<int, int>>();
        foreach (var s in sentences)
        {
            for (var i = 0; i < s.Tokens.Length; i++)
            {
                var h = TaggerFeatures.HashLower(s.Tokens[i].In(s.Text));
                if (!counts.TryGetValue(h, out var byClass))
                {
                    byClass = [];
                    counts[h] = byClass;
                }

                var c = classIndex[s.Tags[i]];
                byClass[c] = byClass.GetValueOrDefault(c) + 1;
            }
        }

        var result = new List<KeyValuePair<ulong, ulong>>();
        foreach (var (h, byClass) in counts)
        {
            var total = byClass.Values.Sum();
            if (total < minCount)
            {
                continue;
            }

            ulong mask = 0;
            var top = -1;
            foreach (var (c, n) in byClass)
            {
                if (c < 63 && n >= minShare * total)
                {
                    mask |= 1UL << c;
                }

                if (top < 0 || n > byClass[top])
                {
                    top = c;
                }
            }

            if (sureCount > 0 && total >= sureCount && top < 63 && byClass[top] >= 0.995 * total)
            {
                mask = (1UL << top) | SureBit;
            }

            result.Add(new(h, mask));
        }

        return new TaggerLexicon(result);
    }
}
