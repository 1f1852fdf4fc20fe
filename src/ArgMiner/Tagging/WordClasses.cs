namespace ArgMiner.Tagging;

/// <summary>
/// What an entity model knows of a word beyond its letters, keyed by the stable hash of its lower case:
/// its cluster of pretrained word vectors (a fine and a coarse one, so "london" and "London" and unseen
/// cities share a class whatever their case), whether it is a common first name or a company's legal
/// suffix ("Inc.", "Ltd"), and how the training text capitalises it inside a sentence (mostly lower case:
/// a common word, even when it opens a sentence or a title-case line). Built at training time and stored
/// in the model file, so the model needs no outside list at run time. Immutable.
/// </summary>
public sealed class WordClasses
{
    /// <summary>Bits 0–9: the fine vector cluster + 1 (0: the word has no vector).</summary>
    public const uint FineMask = 0x3FF;

    /// <summary>Bits 10–19: the coarse vector cluster + 1.</summary>
    public const int CoarseShift = 10;

    /// <summary>Set for a common first name.</summary>
    public const uint FirstName = 1u << 20;

    /// <summary>Set for a company's legal suffix.</summary>
    public const uint CompanySuffix = 1u << 21;

    /// <summary>Bits 24–25: 1 mostly lower case inside a sentence, 2 mostly capitalised, 3 both, 0 unseen.</summary>
    public const int CaseShift = 24;

    /// <summary>The most clusters of one granularity.</summary>
    public const int MaxClusters = 1000;

    private readonly WordHashMap<uint> _classes;

    /// <summary>Makes the table from (lower-case word hash, class bits) pairs.</summary>
    internal WordClasses(IEnumerable<KeyValuePair<ulong, uint>> classes)
    {
        _classes = new WordHashMap<uint>(classes);
    }

    /// <summary>The entries, sorted by hash (for saving).</summary>
    internal IEnumerable<KeyValuePair<ulong, uint>> Entries => _classes.Entries;

    /// <summary>The number of words.</summary>
    public int Count => _classes.Count;

    /// <summary>The class bits of a lower-case word hash, or 0.</summary>
    internal uint Lookup(ulong lowerHash) => _classes.TryGetValue(lowerHash, out var bits) ? bits : 0;

    /// <summary>
    /// Builds the table. Words are compared by their invariant lower case.
    /// </summary>
    /// <param name="clusters">Each word with a vector and its fine and coarse cluster numbers (below <see cref="MaxClusters"/>).</param>
    /// <param name="firstNames">Common first names.</param>
    /// <param name="companySuffixes">Legal suffixes of company names.</param>
    /// <param name="sentences">Training text whose capitalisation inside sentences (first tokens left out) is counted.</param>
    public static WordClasses Build(
        IEnumerable<(string Word, int Fine, int Coarse)> clusters,
        IEnumerable<string> firstNames,
        IEnumerable<string> companySuffixes,
        IEnumerable<TaggedSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        ArgumentNullException.ThrowIfNull(firstNames);
        ArgumentNullException.ThrowIfNull(companySuffixes);
        ArgumentNullException.ThrowIfNull(sentences);
        var bits = new Dictionary<ulong, uint>();
        foreach (var (word, fine, coarse) in clusters)
        {
            if (fine is < 0 or >= MaxClusters || coarse is < 0 or >= MaxClusters)
            {
                throw new ArgumentException($"cluster numbers must be below {MaxClusters}", nameof(clusters));
            }

            var h = TaggerFeatures.HashLower(word);
            if (!bits.ContainsKey(h))
            {
                bits[h] = (uint)(fine + 1) | ((uint)(coarse + 1) << CoarseShift);
            }
        }

        foreach (var name in firstNames)
        {
            var h = TaggerFeatures.HashLower(name);
            bits[h] = bits.GetValueOrDefault(h) | FirstName;
        }

        foreach (var suffix in companySuffixes)
        {
            var h = TaggerFeatures.HashLower(suffix);
            bits[h] = bits.GetValueOrDefault(h) | CompanySuffix;
        }

        // Capitalisation inside sentences: a word written in lower case nine times in ten is a common
        // word, whatever a sentence-initial or title-case occurrence suggests.
        var lower = new Dictionary<ulong, int>();
        var upper = new Dictionary<ulong, int>();
        foreach (var s in sentences)
        {
            for (var i = 1; i < s.Tokens.Length; i++)
            {
                var w = s.Tokens[i].In(s.Text);
                if (w.IsEmpty || !char.IsLetter(w[0]))
                {
                    continue;
                }

                var h = TaggerFeatures.HashLower(w);
                var counts = char.IsUpper(w[0]) ? upper : lower;
                counts[h] = counts.GetValueOrDefault(h) + 1;
            }
        }

        foreach (var h in lower.Keys.Union(upper.Keys))
        {
            var l = lower.GetValueOrDefault(h);
            var u = upper.GetValueOrDefault(h);
            if (l + u < 2)
            {
                continue;
            }

            uint kind = l >= 9 * u ? 1u : u >= 9 * l ? 2u : 3u;
            bits[h] = bits.GetValueOrDefault(h) | (kind << CaseShift);
        }

        return new WordClasses(bits);
    }

    /// <summary>
    /// Legal suffixes of company names (written here from common usage: the legal forms of English-speaking
    /// and large European markets); a model learns how far each one says ORG.
    /// </summary>
    public static IReadOnlyList<string> DefaultCompanySuffixes { get; } =
    [
        "Inc", "Inc.", "Incorporated", "Corp", "Corp.", "Corporation", "Co", "Co.", "Cos.", "Ltd", "Ltd.",
        "Limited", "LLC", "L.L.C.", "LLP", "LP", "L.P.", "plc", "PLC", "P.L.C.", "GmbH", "AG", "SA", "S.A.",
        "SE", "NV", "N.V.", "BV", "B.V.", "Pty", "Pty.", "PLLC", "AB", "ASA", "Oyj", "SpA", "S.p.A.",
        "Holdings", "Group", "Bancorp", "Technologies", "Industries", "Enterprises", "Partners", "Associates",
    ];
}
