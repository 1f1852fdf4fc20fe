using ArgMiner.Classification;

namespace ArgMiner.Output.Html;

/// <summary>
/// Mentions per entity (type and text) for the report's table of the most named entities, in bounded memory. Every
/// name is counted exactly until the batch has named more than <see cref="HeldPerKept"/> × <see cref="Kept"/>
/// (100,000) different ones; then only the <see cref="Kept"/> most named are kept (ties by a stable hash, so the same
/// input keeps the same names), and counting goes on. An exact tally grew with every new name: 80,000 short documents
/// naming 1.27 million different people, companies and places took the report's run from 158 to 334–340 MB (issue 12:
/// memory flat as the batch grows), and millions of real articles name millions. After a pruning, a name that was
/// dropped and came back has lost the mentions counted before, at most <see cref="MostDropped"/> each time
/// (<see cref="Pruned"/>; the report says so); a name never dropped keeps its exact count. Written by hand: a
/// heavy-hitters count of this kind is a few lines, and no package here offers one.
/// </summary>
internal sealed class EntityTally
{
    /// <summary>Names kept after a pruning: far more than the dozen the report shows.</summary>
    public const int DefaultKept = 10_000;

    /// <summary>Names held before a pruning, as a multiple of those kept: a pruning sorts them all, so not too often.</summary>
    public const int HeldPerKept = 10;

    private readonly Dictionary<(string Type, string Text), int> _counts = [];

    /// <summary>Counts with at most <paramref name="kept"/> × <see cref="HeldPerKept"/> names held at once.</summary>
    public EntityTally(int kept = DefaultKept)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(kept, 1);
        Kept = kept;
    }

    /// <summary>Names kept after a pruning.</summary>
    public int Kept { get; }

    /// <summary>Names held now.</summary>
    public int Count => _counts.Count;

    /// <summary>Whether names were ever dropped (the counts may then be lower than the true ones).</summary>
    public bool Pruned => MostDropped > 0;

    /// <summary>The largest count a dropped name had when dropped (0: none dropped).</summary>
    public int MostDropped { get; private set; }

    /// <summary>Counts one mention.</summary>
    public void Add(string type, string text)
    {
        var key = (type, text);
        _counts[key] = _counts.GetValueOrDefault(key) + 1;
        if (_counts.Count > HeldPerKept * Kept)
        {
            Prune();
        }
    }

    /// <summary>The <paramref name="n"/> most named: by count, then text, then type (ordinal).</summary>
    public IEnumerable<((string Type, string Text) Key, int Count)> Top(int n) =>
        _counts.OrderByDescending(e => e.Value).ThenBy(e => e.Key.Text, StringComparer.Ordinal).ThenBy(e => e.Key.Type, StringComparer.Ordinal)
            .Take(n).Select(e => (e.Key, e.Value));

    // Keeps the Kept most named: by count, ties by a stable hash of the text and type (cheap to sort, unlike the
    // strings themselves; a pruning sorts 100,000 names), then by the strings, so the same input keeps the same names.
    private void Prune()
    {
        var entries = new (int Count, uint Hash, (string Type, string Text) Key)[_counts.Count];
        var i = 0;
        foreach (var (key, count) in _counts)
        {
            entries[i++] = (count, StableHash(key.Text, key.Type), key);
        }

        Array.Sort(entries, static (a, b) =>
        {
            var c = b.Count.CompareTo(a.Count);
            if (c == 0)
            {
                c = a.Hash.CompareTo(b.Hash);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Key.Text, b.Key.Text);
            }

            return c != 0 ? c : string.CompareOrdinal(a.Key.Type, b.Key.Type);
        });
        for (var k = Kept; k < entries.Length; k++)
        {
            _counts.Remove(entries[k].Key);
            MostDropped = Math.Max(MostDropped, entries[k].Count);
        }
    }

    // FNV-1a (the classifier's stable hash) over both strings: string.GetHashCode is randomised per process and would
    // make the kept names differ from run to run.
    private static uint StableHash(string text, string type) =>
        FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Offset, text), '\0'), type);
}
