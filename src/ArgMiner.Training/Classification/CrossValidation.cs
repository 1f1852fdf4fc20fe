using ArgMiner.Text;
using ArgMiner.Classification;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ArgMiner.Training.Classification;

/// <summary>
/// k-fold cross-validation of the sentence classifier on ML.NET's folds (<c>Data.CrossValidationSplit</c>, the
/// split <c>MulticlassClassification.CrossValidate</c> makes), with the document as the sampling key so every
/// sentence of a document stays in one fold (a sentence without a document is keyed by its text, so duplicates
/// never straddle folds). Folds depend on the key and the seed only. The folds are fitted one after another
/// here, rather than inside <c>CrossValidate</c>, so a caller can show progress after each.
/// </summary>
public static class CrossValidation
{
    /// <summary>
    /// Trains one model per fold on the other folds and scores the fold's sentences with it: one out-of-fold
    /// prediction per row, in row order (ML.NET's scores of each fold's held-out set).
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 folds, fewer documents than folds, or a row without one ArgMiner label.</exception>
    /// <param name="trainer">The estimator's settings.</param>
    /// <param name="rows">The labelled sentences.</param>
    /// <param name="folds">How many folds.</param>
    /// <param name="onFold">Called after each fold is fitted and scored: the fold's number from 1, the number of folds, the time it took.</param>
    public static SentencePrediction[] OutOfFold(SentenceClassifierTrainer trainer, IReadOnlyList<LabelledSentence> rows, int folds, Action<int, int, TimeSpan>? onFold = null)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(rows);
        if (folds < 2)
        {
            throw new ArgumentException("cross-validation needs at least 2 folds", nameof(folds));
        }

        var groups = rows.Select(r => r.Doc ?? r.Text).Distinct(StringComparer.Ordinal).Count();
        // More folds than documents leaves folds empty, each still fitted: --folds 2147483647 ran for good.
        if (groups < folds)
        {
            throw new ArgumentException($"the data has too few documents ({groups}) for {folds} folds; use at most {Math.Max(2, groups)} folds", nameof(rows));
        }

        trainer.Options.Validate();
        var ml = new MLContext(trainer.Options.Seed);
        var featurizer = trainer.CreateFeaturizer();
        var view = FeatureData.Load(ml, featurizer, rows, trainer.RowWeights(rows), trainer.SoftTarget, trainer.Options.Trainer == SentenceTrainer.Sdca);
        var splits = ml.Data.CrossValidationSplit(view, folds, FeatureData.Group, trainer.Options.Seed);
        var estimator = trainer.CreateEstimator(ml);
        // ML.NET assigns a document to a fold by a hash of its key, so with few documents one fold can hold them
        // all and leave another nothing to train on (SDCA would abort with an exception after the earlier folds).
        if (splits.Any(split => IsEmpty(split.TrainSet)))
        {
            throw new ArgumentException($"the data's {groups} documents do not spread over {folds} folds (one fold holds them all); add documents or use fewer folds (--folds 0 skips cross-validation)", nameof(rows));
        }

        var predictions = new SentencePrediction?[rows.Count];
        for (var f = 0; f < splits.Count; f++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var scoredSet = estimator.Fit(splits[f].TrainSet).Transform(splits[f].TestSet);
            foreach (var scored in ml.Data.CreateEnumerable<ScoredRow>(scoredSet, reuseRowObject: false))
            {
                predictions[scored.Row] = Prediction(scored.Score);
            }

            onFold?.Invoke(f + 1, splits.Count, watch.Elapsed);
        }

        return [.. predictions.Select(p => p ?? throw new InvalidOperationException("ML.NET's folds left a sentence unscored"))];
    }

    private static bool IsEmpty(IDataView view)
    {
        using var cursor = view.GetRowCursor([]);
        return !cursor.MoveNext();
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
