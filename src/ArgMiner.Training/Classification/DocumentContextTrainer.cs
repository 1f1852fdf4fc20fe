using ArgMiner.Text;
using ArgMiner.Classification;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ArgMiner.Training.Classification;

/// <summary>
/// Fits the sentence classifier's second stage (<see cref="DocumentContextModel"/>): ML.NET's
/// <c>SdcaMaximumEntropy</c> (one thread, seeded) on <see cref="DocumentContextModel.Features"/> computed from
/// the first stage's out-of-fold probabilities, so the stage learns from probabilities like those it will see on
/// new text, not from the first stage's fit to its own training rows. Only sentences with neighbours train it
/// (runs of two or more rows of one document in reading order); the rows' training weights carry over.
/// </summary>
public static class DocumentContextTrainer
{
    private const int K = 4;

    /// <summary>L2 penalty of the stage (ML.NET's <c>L2Regularization</c>): 18 dense features need more than the first stage's 1e-4.</summary>
    public const double L2 = 1e-2;

    /// <summary>
    /// The second stage for <paramref name="rows"/>, from their out-of-fold first-stage predictions; null when
    /// no document has two sentences or the documents hold fewer than two labels.
    /// </summary>
    public static DocumentContextModel? Fit(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> outOfFold, IReadOnlyList<double> rowWeights, int seed)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(outOfFold);
        ArgumentNullException.ThrowIfNull(rowWeights);
        if (outOfFold.Count != rows.Count || rowWeights.Count != rows.Count)
        {
            throw new ArgumentException("one prediction and one weight per row are needed");
        }

        var data = new List<FeatureRow>();
        foreach (var (start, count) in SentenceClassifier.DocumentRuns(rows))
        {
            if (count < 2)
            {
                continue;
            }

            var p = new double[count * K];
            for (var i = 0; i < count; i++)
            {
                outOfFold[start + i].Probabilities.AsSpan().CopyTo(p.AsSpan(i * K, K));
            }

            var sums = new double[K];
            DocumentContextModel.Sums(p, count, sums);
            for (var i = 0; i < count; i++)
            {
                var x = new float[DocumentContextModel.FeatureCount];
                DocumentContextModel.Features(p, sums, count, i, x);
                var row = rows[start + i];
                data.Add(new FeatureRow
                {
                    Label = (uint)FeatureData.LabelIndex(row),
                    Features = new VBuffer<float>(x.Length, x),
                    Weight = (float)rowWeights[start + i],
                    Group = row.Doc ?? row.Text,
                    Row = start + i,
                });
            }
        }

        if (data.Select(d => d.Label).Distinct().Count() < 2)
        {
            return null;
        }

        var ml = new MLContext(seed);
        var view = ml.Data.LoadFromEnumerable(data, FeatureData.Schema(DocumentContextModel.FeatureCount));
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = FeatureData.Label,
            FeatureColumnName = FeatureData.Features,
            ExampleWeightColumnName = FeatureData.Weight,
            L2Regularization = (float)L2,
            L1Regularization = 0,
            MaximumNumberOfIterations = 200,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(view);
        var (weights, bias) = SentenceClassifierTrainer.LabelMajor(model.Model, DocumentContextModel.FeatureCount, "the context stage");
        return new DocumentContextModel(weights, bias, SentenceClassifierTrainer.SaveModel(ml, model, view.Schema));
    }
}
