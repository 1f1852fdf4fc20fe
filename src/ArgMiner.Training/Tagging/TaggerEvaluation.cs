namespace ArgMiner.Tagging;

/// <summary>Precision, recall and F1 of one entity type (exact span and type).</summary>
/// <param name="Type">The type, or <c>ALL</c>.</param>
/// <param name="Gold">Entities in the gold data.</param>
/// <param name="Predicted">Entities predicted.</param>
/// <param name="Correct">Predicted entities with the exact gold span and type.</param>
public readonly record struct EntityScore(string Type, int Gold, int Predicted, int Correct)
{
    /// <summary>Correct / predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct / gold.</summary>
    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Measures a tagger on gold sentences it was not trained on.</summary>
public static class TaggerEvaluation
{
    /// <summary>Token accuracy: the share of tokens whose predicted tag equals the gold tag.</summary>
    public static double Accuracy(AveragedPerceptronTagger tagger, IReadOnlyList<TaggedSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        long correct = 0, total = 0;
        foreach (var s in sentences)
        {
            var predicted = tagger.Predict(s);
            for (var i = 0; i < predicted.Length; i++)
            {
                correct += predicted[i] == s.Tags[i] ? 1 : 0;
                total++;
            }
        }

        return total == 0 ? 0 : (double)correct / total;
    }

    /// <summary>
    /// Exact-span entity scores per type and overall (<c>ALL</c>, last). Only the types in
    /// <paramref name="types"/> count when it is given (other predicted types are ignored).
    /// </summary>
    public static List<EntityScore> Entities(
        IReadOnlyList<TaggedSentence> sentences,
        Func<TaggedSentence, IReadOnlyList<TokenSpan>> predict,
        IReadOnlySet<string>? types = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(predict);
        var gold = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var pred = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var correct = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            var g = BioDecoder.Decode(s.Tags).Where(e => types is null || types.Contains(e.Type)).ToHashSet();
            var p = predict(s).Where(e => types is null || types.Contains(e.Type)).ToList();
            foreach (var e in g)
            {
                Add(gold, e.Type);
            }

            foreach (var e in p)
            {
                Add(pred, e.Type);
                if (g.Contains(e))
                {
                    Add(correct, e.Type);
                }
            }
        }

        var result = new List<EntityScore>();
        foreach (var t in gold.Keys.Union(pred.Keys).Order(StringComparer.Ordinal))
        {
            result.Add(new EntityScore(t, gold.GetValueOrDefault(t), pred.GetValueOrDefault(t), correct.GetValueOrDefault(t)));
        }

        result.Add(new EntityScore("ALL", result.Sum(r => r.Gold), result.Sum(r => r.Predicted), result.Sum(r => r.Correct)));
        return result;
    }

    private static void Add(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
