using ArgMiner.Classification;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ArgMiner.Training.Classification;

/// <summary>
/// k-fold cross-validation of the sentence classifier by ML.NET's
/// <c>MulticlassClassification.CrossValidate</c>, with the document as the sampling key so every sentence of a
/// document stays in one fold (a sentence without a document is keyed by its text, so duplicates never
/// straddle folds). Folds depend on the key and the seed only.
/// </summary>
public static class CrossValidation
{
    /// <summary>
    /// Trains one model per fold on the other folds and scores the fold's sentences with it: one out-of-fold
    /// prediction per row, in row order (ML.NET's scores of each fold's held-out set).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 folds, fewer documents than 2, or a row without one ArgMiner label.</exception>
    public static SentencePrediction[] OutOfFold(SentenceClassifierTrainer trainer, IReadOnlyList<LabelledSentence> rows, int folds)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(rows);
        if (folds < 2)
        {
            throw new ArgumentException("cross-validation needs at least 2 folds", nameof(folds));
        }

        var groups = rows.Select(r => r.Doc ?? r.Text).Distinct(StringComparer.Ordinal).Count();
        if (groups < 2)
        {
            throw new ArgumentException($"the data has too few documents for {folds} folds", nameof(rows));
        }

        trainer.Options.Validate();
        var ml = new MLContext(trainer.Options.Seed);
        var featurizer = trainer.CreateFeaturizer();
        var view = FeatureData.Load(ml, featurizer, rows, trainer.RowWeights(rows));
        var results = ml.MulticlassClassification.CrossValidate(view, trainer.CreateEstimator(ml), folds, FeatureData.Label, FeatureData.Group, trainer.Options.Seed);
        var predictions = new SentencePrediction?[rows.Count];
        foreach (var fold in results)
        {
            foreach (var scored in ml.Data.CreateEnumerable<ScoredRow>(fold.ScoredHoldOutSet, reuseRowObject: false))
            {
                predictions[scored.Row] = Prediction(scored.Score);
            }
        }

        return [.. predictions.Select(p => p ?? throw new InvalidOperationException("ML.NET's folds left a sentence unscored"))];
    }

    /// <summary>A prediction from ML.NET's four class probabilities.</summary>
    internal static SentencePrediction Prediction(float[] score)
    {
        Span<double> p = stackalloc double[score.Length];
        for (var k = 0; k < score.Length; k++)
        {
            p[k] = score[k];
        }

        return SentenceClassifier.ToPrediction(p);
    }

    private sealed class ScoredRow
    {
        public int Row { get; set; }

        public float[] Score { get; set; } = [];
    }
}
