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
        var data = Featurize(rows, outOfFold, rowWeights);
        if (data.Select(d => d.Label).Distinct().Count() < 2)
        {
            return null;
        }

        var ml = new MLContext(seed);
        var view = ml.Data.LoadFromEnumerable(data, FeatureData.Schema(DocumentContextModel.FeatureCount));
        var model = Estimator(ml).Fit(view);
        var (weights, bias) = SentenceClassifierTrainer.LabelMajor(model.Model, DocumentContextModel.FeatureCount, "the context stage");
        return new DocumentContextModel(weights, bias, SentenceClassifierTrainer.SaveModel(ml, model, view.Schema));
    }

    /// <summary>
    /// The second stage cross-validated on the first stage's out-of-fold predictions: ML.NET's folds
    /// (<c>Data.CrossValidationSplit</c>, the document as the sampling key, so a document's sentences stay in one
    /// fold), the stage fitted on the other folds' documents and scoring this fold's. Returns a prediction per row:
    /// the rescored one for sentences with neighbours, <paramref name="outOfFold"/>'s for the rest; null when the
    /// stage cannot be fitted (as <see cref="Fit"/>).
    /// </summary>
    public static SentencePrediction[]? CrossValidate(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> outOfFold, IReadOnlyList<double> rowWeights, int seed, int folds)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(outOfFold);
        ArgumentNullException.ThrowIfNull(rowWeights);
        var data = Featurize(rows, outOfFold, rowWeights);
        if (folds < 2 || data.Select(d => d.Label).Distinct().Count() < 2 || data.Select(d => d.Group).Distinct().Count() < folds)
        {
            return null;
        }

        var ml = new MLContext(seed);
        var view = ml.Data.LoadFromEnumerable(data, FeatureData.Schema(DocumentContextModel.FeatureCount));
        var result = outOfFold.ToArray();
        foreach (var split in ml.Data.CrossValidationSplit(view, folds, FeatureData.Group, seed))
        {
            var scored = Estimator(ml).Fit(split.TrainSet).Transform(split.TestSet);
            foreach (var row in ml.Data.CreateEnumerable<ScoredFeatureRow>(scored, reuseRowObject: false))
            {
                result[row.Row] = CrossValidation.Prediction(row.Score);
            }
        }

        return result;
    }

    private static IEstimator<Microsoft.ML.Data.MulticlassPredictionTransformer<MaximumEntropyModelParameters>> Estimator(MLContext ml) =>
        ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = FeatureData.Label,
            FeatureColumnName = FeatureData.Features,
            ExampleWeightColumnName = FeatureData.Weight,
            L2Regularization = (float)L2,
            L1Regularization = 0,
            MaximumNumberOfIterations = 200,
            NumberOfThreads = 1,
        });

    /// <summary>The stage's training rows: the features of every sentence that has neighbours, in row order.</summary>
    private static List<FeatureRow> Featurize(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> outOfFold, IReadOnlyList<double> rowWeights)
    {
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

            var features = DocumentContextModel.FeatureRows(outOfFold, start, count);
            for (var i = 0; i < count; i++)
            {
                var x = features[i];
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

        return data;
    }

    private sealed class ScoredFeatureRow
    {
        public int Row { get; set; }

        public float[] Score { get; set; } = [];
    }
}
