namespace ArgMiner.Tagging;

/// <summary>
/// Which BIO tag may follow which, for the entity tagger's greedy decoding: <c>I-X</c> only after <c>B-X</c> or
/// <c>I-X</c>; every other tag anywhere. The tagger then takes the best-scoring tag the previous one allows, as a
/// CRF's constrained decoding would, instead of emitting <c>O I-ORG I-ORG</c> for "Freedom of Information Act" and
/// leaving <see cref="BioDecoder"/> to read an entity "of Information Act" out of it.
/// </summary>
/// <remarks>
/// Measured on the shipped entity model, nothing retrained, exact-span F1 (session 34, `argminer evaluate-tagger
/// ner`): GMB held-out 0.820 → 0.824, UNER EWT dev 0.668 → 0.672, BTC test 0.716 → 0.719, WNUT-17 test 0.389 →
/// 0.393, precision up on each, recall equal or within two entities. A beam of 2 or 4 hypotheses with the same
/// constraint lost recall on every set (0.667–0.671 on UNER, 0.688–0.696 on BTC): the greedy-trained perceptron's
/// summed scores favour paths of O. Written by hand: no package here decodes a hashed perceptron's tags.
/// </remarks>
internal sealed class BioTransitions
{
    // Per class: the entity type an I- tag continues (its number), or -1 for O and B- tags.
    private readonly int[] _continues;

    // Per class: the entity type a B- or I- tag belongs to, or -1 for O.
    private readonly int[] _type;

    private BioTransitions(int[] continues, int[] type)
    {
        _continues = continues;
        _type = type;
    }

    /// <summary>The transitions of a tagger's classes, or null when none of them is an <c>I-</c> tag.</summary>
    public static BioTransitions? For(IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var continues = new int[classes.Count];
        var type = new int[classes.Count];
        var any = false;
        for (var k = 0; k < classes.Count; k++)
        {
            continues[k] = -1;
            type[k] = -1;
            var tag = classes[k];
            if (tag.Length > 2 && tag[1] == '-' && (tag[0] == 'B' || tag[0] == 'I'))
            {
                var name = tag[2..];
                if (!types.TryGetValue(name, out var id))
                {
                    id = types.Count;
                    types[name] = id;
                }

                type[k] = id;
                if (tag[0] == 'I')
                {
                    continues[k] = id;
                    any = true;
                }
            }
        }

        return any ? new BioTransitions(continues, type) : null;
    }

    /// <summary>Whether class <paramref name="k"/> may follow class <paramref name="previous"/> (-1 before the first token).</summary>
    public bool Allows(int previous, int k)
    {
        var c = _continues[k];
        return c < 0 || (previous >= 0 && _type[previous] == c);
    }

    /// <summary>
    /// The best-scoring class that may follow <paramref name="previous"/>: <paramref name="best"/> (the unconstrained
    /// best) when it may, else the highest of the others in <paramref name="scores"/>, the lowest index on a tie.
    /// </summary>
    public int Best(int previous, int best, ReadOnlySpan<int> scores)
    {
        if (Allows(previous, best))
        {
            return best;
        }

        best = -1;
        for (var k = 0; k < _continues.Length; k++)
        {
            if (Allows(previous, k) && (best < 0 || scores[k] > scores[best]))
            {
                best = k;
            }
        }

        return best;
    }
}
