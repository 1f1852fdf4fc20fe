using System.Collections.Immutable;
using ArgMiner.Text;

namespace ArgMiner.Classification;

/// <summary>
/// One labelled sentence for training or evaluation.
/// </summary>
/// <param name="Text">The sentence.</param>
/// <param name="Label">The gold label as the data writes it: an ArgMiner label, or a foreign one (SUBJ) that a <see cref="LabelMap"/> maps.</param>
/// <param name="Targets">The ArgMiner labels the gold label allows (one, or a set such as claim|opinion for SUBJ).</param>
public sealed record LabelledSentence(string Text, string Label, ImmutableArray<string> Targets)
{
    /// <summary>Creates a sentence with one ArgMiner label.</summary>
    public LabelledSentence(string text, string label)
        : this(text, label, [label])
    {
    }

    /// <summary>The document it comes from (keeps a document's sentences in one cross-validation fold); null when unknown.</summary>
    public string? Doc { get; init; }

    /// <summary>
    /// Whether the rows of its <see cref="Doc"/> are that document's sentences in reading order, so that its
    /// neighbours in the data are its neighbours in the text (the document-context stage reads them). False for
    /// data whose document id only groups sentences (IBM Debater's motions, a sample of an article's sentences).
    /// </summary>
    public bool InReadingOrder { get; init; } = true;

    /// <summary>Its section, when the data says.</summary>
    public Section? Section { get; init; }

    /// <summary>Its relative position in its document (0 to 1), when the data lets one tell.</summary>
    public double? Position { get; init; }

    /// <summary>Where it was read: <c>file:row</c>.</summary>
    public string Origin { get; init; } = string.Empty;

    /// <summary>The data source (the path given to <see cref="LabelledData.Read"/>) it came from, for per-source metrics.</summary>
    public string Source { get; init; } = string.Empty;

    /// <summary>Weight of the sentence in the training loss.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>Kinds of its numeric claims, when it was tagged (<see cref="SentenceTagger"/>); null otherwise.</summary>
    public IReadOnlyList<string>? NumberKinds { get; init; }

    /// <summary>Types of its entities, when it was tagged (<see cref="SentenceTagger"/>); null otherwise.</summary>
    public IReadOnlyList<string>? EntityTypes { get; init; }

    /// <summary>The featurizer context the data (and tagging, when done) gives.</summary>
    public SentenceContext Context => new() { Section = Section, Position = Position, NumberKinds = NumberKinds, EntityTypes = EntityTypes };
}

/// <summary>
/// Maps foreign gold labels to sets of ArgMiner labels (<c>SUBJ=claim|opinion</c>): a gold label mapped to a
/// set counts as correct when the prediction is any label of the set, and trains the probability of the set.
/// </summary>
public sealed class LabelMap
{
    private readonly Dictionary<string, ImmutableArray<string>> _map = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The empty map: only ArgMiner's own labels are known.</summary>
    public static LabelMap Empty { get; } = new();

    /// <summary>Foreign labels in the order they were given.</summary>
    public IReadOnlyList<string> Keys { get; private set; } = [];

    /// <summary>Parses <c>FOREIGN=label|label</c> entries (a comma may stand for the bar, which shells treat as a pipe).</summary>
    /// <exception cref="FormatException">An entry is malformed or names an unknown ArgMiner label.</exception>
    public static LabelMap Parse(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new LabelMap();
        var keys = new List<string>();
        foreach (var entry in entries)
        {
            var eq = entry.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == entry.Length - 1)
            {
                throw new FormatException($"label mapping '{entry}' is not FOREIGN=label|label");
            }

            var key = entry[..eq].Trim();
            var targets = new List<string>();
            foreach (var part in entry[(eq + 1)..].Split(['|', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var label = part.ToLowerInvariant();
                if (!SentenceLabels.All.Contains(label))
                {
                    throw new FormatException($"label mapping '{entry}': '{part}' is not one of {string.Join(", ", SentenceLabels.All)}");
                }

                if (!targets.Contains(label))
                {
                    targets.Add(label);
                }
            }

            if (targets.Count == 0)
            {
                throw new FormatException($"label mapping '{entry}' maps to no label");
            }

            if (!map._map.ContainsKey(key))
            {
                keys.Add(key);
            }

            map._map[key] = [.. SentenceLabels.All.Where(targets.Contains)];
        }

        map.Keys = keys;
        return map;
    }

    /// <summary>This map with <paramref name="other"/>'s entries added where this one has none.</summary>
    public LabelMap Merge(LabelMap other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var merged = new LabelMap();
        var keys = new List<string>(Keys);
        foreach (var (k, v) in _map)
        {
            merged._map[k] = v;
        }

        foreach (var k in other.Keys)
        {
            if (merged._map.TryAdd(k, other._map[k]))
            {
                keys.Add(k);
            }
        }

        merged.Keys = keys;
        return merged;
    }

    /// <summary>
    /// The ArgMiner labels <paramref name="label"/> stands for: itself when it is an ArgMiner label (any case)
    /// and not mapped, the mapped set otherwise; false when unknown.
    /// </summary>
    public bool TryResolve(string label, out string canonical, out ImmutableArray<string> targets)
    {
        ArgumentNullException.ThrowIfNull(label);
        var trimmed = label.Trim();
        if (_map.TryGetValue(trimmed, out targets))
        {
            canonical = Keys.First(k => string.Equals(k, trimmed, StringComparison.OrdinalIgnoreCase));
            return true;
        }

        var lower = trimmed.ToLowerInvariant();
        if (SentenceLabels.All.Contains(lower))
        {
            canonical = lower;
            targets = [lower];
            return true;
        }

        canonical = trimmed;
        targets = default;
        return false;
    }
}
