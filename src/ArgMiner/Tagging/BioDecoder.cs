namespace ArgMiner.Tagging;

/// <summary>A run of tokens tagged as one entity: tokens <c>[First, First + Count)</c> of a sentence.</summary>
/// <param name="First">Index of the first token (within the sentence).</param>
/// <param name="Count">Number of tokens.</param>
/// <param name="Type">The entity type, e.g. <c>PERSON</c>.</param>
public readonly record struct TokenSpan(int First, int Count, string Type);

/// <summary>
/// Reads entities from BIO tags, repairing what a greedy tagger can emit (the shipped entity tagger no longer emits
/// either since session 34: it decodes under <see cref="BioTransitions"/>; the repairs serve tag sequences from
/// elsewhere, such as other taggers' output read for evaluation): an <c>I-X</c> after <c>O</c>
/// starts an entity (read as <c>B-X</c>); an <c>I-X</c> right after an entity of another type continues
/// that entity, which keeps its first type ("Operation Midnight Hammer" tagged B-EVENT I-ORG I-PERSON is
/// one EVENT, not three fragments; measured better on GMB and UNER than starting a new entity).
/// </summary>
public sealed class BioDecoder
{
    // Per class: the entity type it names (null for O) and whether it continues an entity.
    private readonly string?[] _types;
    private readonly bool[] _inside;

    /// <summary>Prepares decoding for the classes of a tagger.</summary>
    public BioDecoder(IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        _types = new string?[classes.Count];
        _inside = new bool[classes.Count];
        for (var k = 0; k < classes.Count; k++)
        {
            var tag = classes[k];
            if (tag.Length > 2 && tag[1] == '-' && (tag[0] == 'B' || tag[0] == 'I'))
            {
                _types[k] = string.Intern(tag[2..]);
                _inside[k] = tag[0] == 'I';
            }
        }
    }

    /// <summary>Appends the entities of one sentence's tags (class indexes) to <paramref name="spans"/>.</summary>
    public void Decode(ReadOnlySpan<int> tags, List<TokenSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        string? open = null;
        var first = 0;
        for (var i = 0; i < tags.Length; i++)
        {
            var type = _types[tags[i]];
            var continues = type is not null && _inside[tags[i]] && open is not null;
            if (continues)
            {
                continue;
            }

            if (open is not null)
            {
                spans.Add(new TokenSpan(first, i - first, open));
            }

            open = type;
            first = i;
        }

        if (open is not null)
        {
            spans.Add(new TokenSpan(first, tags.Length - first, open));
        }
    }

    /// <summary>The entities of a sequence of BIO tag strings (for evaluation and tests).</summary>
    public static List<TokenSpan> Decode(IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var classes = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new int[tags.Count];
        for (var i = 0; i < tags.Count; i++)
        {
            if (!index.TryGetValue(tags[i], out var k))
            {
                k = classes.Count;
                index[tags[i]] = k;
                classes.Add(tags[i]);
            }

            ids[i] = k;
        }

        var spans = new List<TokenSpan>();
        new BioDecoder(classes).Decode(ids, spans);
        return spans;
    }
}
