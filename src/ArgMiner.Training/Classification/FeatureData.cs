using ArgMiner.Text;
using ArgMiner.Classification;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ArgMiner.Training.Classification;

/// <summary>
/// One featurized sentence as an ML.NET row: ArgMiner's featurizer output as a sparse <c>Features</c> vector,
/// the label as a key (0 to 3 as LoadFromEnumerable reads keys, in <see cref="SentenceLabels.All"/> order, so every model has all four classes
/// whatever the data holds), the row's training weight, the document that groups it in cross-validation, and
/// its position in the caller's list.
/// </summary>
internal sealed class FeatureRow
{
    public uint Label { get; set; }

    public VBuffer<float> Features { get; set; }

    public float Weight { get; set; }

    public string Group { get; set; } = string.Empty;

    public int Row { get; set; }
}

/// <summary>The ML.NET output row of a maximum-entropy model: the four class probabilities.</summary>
internal sealed class ScoreRow
{
    public float[] Score { get; set; } = [];
}

/// <summary>Turns labelled sentences into an ML.NET <see cref="IDataView"/> through ArgMiner's featurizer.</summary>
internal static class FeatureData
{
    public const string Label = nameof(FeatureRow.Label);
    public const string Features = nameof(FeatureRow.Features);
    public const string Weight = nameof(FeatureRow.Weight);
    public const string Group = nameof(FeatureRow.Group);
    public const string Row = nameof(FeatureRow.Row);

    /// <summary>The schema of <see cref="FeatureRow"/> with the featurizer's dimension and four label keys.</summary>
    public static SchemaDefinition Schema(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        schema[Label].ColumnType = new KeyDataViewType(typeof(uint), SentenceLabels.All.Length);
        return schema;
    }

    /// <summary>
    /// The features of one sentence as an ML.NET sparse vector: ArgMiner's (index, value) pairs sorted by index,
    /// repeated indexes (blocks that share a hashed slot) summed, so a dot product with it equals the
    /// featurizer's own sum.
    /// </summary>
    public static VBuffer<float> Vector(SentenceFeaturizer featurizer, string text, in SentenceContext context)
    {
        var (indices, values) = featurizer.Featurize(text, context);
        return Sparse(featurizer.Dimension, indices, values);
    }

    /// <summary>Sorts and merges (index, value) pairs into a sparse vector of <paramref name="dimension"/>.</summary>
    public static VBuffer<float> Sparse(int dimension, int[] indices, float[] values)
    {
        Array.Sort(indices, values);
        var n = 0;
        for (var i = 0; i < indices.Length; i++)
        {
            if (n > 0 && indices[n - 1] == indices[i])
            {
                values[n - 1] += values[i];
                continue;
            }

            indices[n] = indices[i];
            values[n] = values[i];
            n++;
        }

        return new VBuffer<float>(dimension, n, values[..n], indices[..n]);
    }

    /// <summary>
    /// The rows (featurized in order) as a data view; <paramref name="weights"/> gives each row's training weight.
    /// A row that <paramref name="softTarget"/> gives class shares for becomes one row per class with a share
    /// above zero, each weighing the row's weight times its share (all keep the row's <see cref="FeatureRow.Row"/>
    /// and group, so folds and out-of-fold scores are unchanged). <paramref name="averagedLoss"/>: the trainer averages
    /// its loss over rows (SDCA).
    /// </summary>
    public static IDataView Load(MLContext ml, SentenceFeaturizer featurizer, IReadOnlyList<LabelledSentence> rows, IReadOnlyList<double> weights, Func<LabelledSentence, double[]?>? softTarget = null, bool averagedLoss = false)
    {
        var data = new List<FeatureRow>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var features = Vector(featurizer, r.Text, r.Context);
            var group = r.Doc is { } d ? "doc:" + d : "text:" + r.Text;
            var label = LabelIndex(r);
            if (softTarget?.Invoke(r) is not { } shares)
            {
                data.Add(new FeatureRow { Label = (uint)label, Features = features, Weight = (float)weights[i], Group = group, Row = i });
                continue;
            }

            for (var k = 0; k < shares.Length; k++)
            {
                // Shares below 1e-4 of the row's weight change nothing measurable and only cost training time.
                if (shares[k] >= 1e-4)
                {
                    data.Add(new FeatureRow { Label = (uint)k, Features = features, Weight = (float)(weights[i] * shares[k]), Group = group, Row = i });
                }
            }
        }

        // SDCA's objective averages the loss over rows, so splitting a sentence into class rows would dilute the
        // loss against the L2 penalty; scaling every weight by the growth in rows keeps that balance. L-BFGS sums
        // the loss, which the split leaves as it was.
        if (averagedLoss && data.Count > rows.Count)
        {
            var growth = (float)data.Count / rows.Count;
            foreach (var row in data)
            {
                row.Weight *= growth;
            }
        }

        return ml.Data.LoadFromEnumerable(data, Schema(featurizer.Dimension));
    }

    /// <summary>The row's one ArgMiner label as an index.</summary>
    /// <exception cref="ArgumentException">The row's gold label maps to a set of labels or to none.</exception>
    public static int LabelIndex(LabelledSentence row)
    {
        if (row.Targets.Length != 1)
        {
            throw new ArgumentException($"{row.Origin}: label '{row.Label}' maps to {(row.Targets.Length == 0 ? "no label" : string.Join("|", row.Targets))}; training needs one ArgMiner label per sentence (a label set such as claim|opinion is for 'evaluate --map')");
        }

        var k = SentenceLabels.All.IndexOf(row.Targets[0]);
        return k >= 0 ? k : throw new ArgumentException($"{row.Origin}: unknown label '{row.Targets[0]}'");
    }
}
