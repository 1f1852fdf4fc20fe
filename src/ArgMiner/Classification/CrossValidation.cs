namespace ArgMiner.Classification;

/// <summary>
/// k-fold cross-validation that keeps every sentence of a document in one fold (a sentence without a document
/// is keyed by its text, so duplicates never straddle folds). The fold is a stable hash of the key and the seed.
/// </summary>
public static class CrossValidation
{
    /// <summary>The fold (0 to <paramref name="folds"/> - 1) of <paramref name="row"/>.</summary>
    public static int FoldOf(LabelledSentence row, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = row.Doc is { } d ? "doc:" + d : "text:" + row.Text;
        var h = FeatureHash.Add(FeatureHash.Add(FeatureHash.Offset, seed.ToString(System.Globalization.CultureInfo.InvariantCulture)), key);
        return (int)(FeatureHash.Mix(h) % (uint)folds);
    }

    /// <summary>
    /// Trains one model per fold on the other folds and predicts the fold's sentences: one out-of-fold prediction
    /// per row, in row order.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 2 folds, or fewer documents than folds.</exception>
    public static SentencePrediction[] OutOfFold(SentenceClassifierTrainer trainer, IReadOnlyList<LabelledSentence> rows, int folds, int seed, Action<int, SentenceClassifier>? onFold = null)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(rows);
        if (folds < 2)
        {
            throw new ArgumentException("cross-validation needs at least 2 folds", nameof(folds));
        }

        var foldOf = rows.Select(r => FoldOf(r, folds, seed)).ToArray();
        if (foldOf.Distinct().Count() < 2)
        {
            throw new ArgumentException($"the data has too few documents for {folds} folds", nameof(rows));
        }

        var result = new SentencePrediction[rows.Count];
        for (var f = 0; f < folds; f++)
        {
            var train = new List<LabelledSentence>();
            var test = new List<int>();
            for (var i = 0; i < rows.Count; i++)
            {
                if (foldOf[i] == f)
                {
                    test.Add(i);
                }
                else
                {
                    train.Add(rows[i]);
                }
            }

            if (test.Count == 0)
            {
                continue;
            }

            var model = trainer.Fit(train);
            onFold?.Invoke(f, model);
            foreach (var i in test)
            {
                result[i] = model.Predict(rows[i].Text, rows[i].Context);
            }
        }

        return result;
    }
}
