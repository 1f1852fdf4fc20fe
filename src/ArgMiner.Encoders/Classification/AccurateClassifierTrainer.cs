using ArgMiner.Text;
using System.Reflection;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Encoders.Embedding;
using ArgMiner.Training.Classification;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ArgMiner.Encoders.Classification;

/// <summary>Settings of the accurate tier's stacker.</summary>
public sealed record AccurateTrainerOptions
{
    /// <summary>Folds of the fast model's cross-validation that give the stacker its out-of-fold probabilities.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>The stacker is consulted when the fast top probability is below this (1: always).</summary>
    public double Gate { get; init; } = 1;

    /// <summary>The stacker's L2 penalty (ML.NET L2Regularization); 1 since format 2 (0.01 before: see the model card).</summary>
    public double L2 { get; init; } = 1;

    /// <summary>Fit the tier's own document-context stage on the stacker's out-of-fold probabilities.</summary>
    public bool Context { get; init; } = true;

    /// <summary>Seed of ML.NET's context for the stacker.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The card as JSON.</summary>
    public JsonObject ToJson() => new() { ["folds"] = Folds, ["gate"] = Gate, ["l2"] = L2, ["seed"] = Seed, ["tierContext"] = Context };
}

/// <summary>
/// Trains the accurate tier: the fast model is cross-validated on the data to give every row an out-of-fold
/// probability vector (so the stacker learns how far to trust the fast model on sentences it has not seen,
/// not on its own training rows), then trained on all of it; the stacker, ML.NET's
/// <c>LbfgsMaximumEntropy</c>, learns the label from the encoders' vectors joined with those probabilities,
/// with the fast trainer's row weights (source weights, class balance). With <see cref="AccurateTrainerOptions.Context"/>,
/// the stacker is also cross-validated (ML.NET's folds, a document's sentences in one fold) and the fast model's
/// second stage (<see cref="DocumentContextTrainer"/>, same features and settings) is fitted on the stacker's
/// out-of-fold probabilities: the tier's own context stage.
/// </summary>
public sealed class AccurateClassifierTrainer
{
    private const int K = 4;

    /// <summary>A trainer over the encoders <paramref name="embedders"/>, their vectors joined in that order.</summary>
    public AccurateClassifierTrainer(SentenceClassifierTrainer fastTrainer, IReadOnlyList<ISentenceEmbedder> embedders, AccurateTrainerOptions options)
    {
        FastTrainer = fastTrainer ?? throw new ArgumentNullException(nameof(fastTrainer));
        ArgumentNullException.ThrowIfNull(embedders);
        if (embedders.Count == 0 || embedders.Any(e => e is null))
        {
            throw new ArgumentException("the stacker needs at least one encoder", nameof(embedders));
        }

        Embedders = [.. embedders];
        Options = options ?? throw new ArgumentNullException(nameof(options));
    }

    /// <summary>A trainer over one encoder.</summary>
    public AccurateClassifierTrainer(SentenceClassifierTrainer fastTrainer, ISentenceEmbedder embedder, AccurateTrainerOptions options)
        : this(fastTrainer, [embedder ?? throw new ArgumentNullException(nameof(embedder))], options)
    {
    }

    /// <summary>The fast model's trainer.</summary>
    public SentenceClassifierTrainer FastTrainer { get; }

    /// <summary>The encoders, in the order their vectors are joined.</summary>
    public IReadOnlyList<ISentenceEmbedder> Embedders { get; }

    /// <summary>The stacker's settings.</summary>
    public AccurateTrainerOptions Options { get; }

    private int Dimension => Embedders.Sum(e => e.Dimension);

    /// <summary>
    /// Trains on <paramref name="rows"/> (tagged already when the fast model is to use tagged features; the
    /// caller marks that on <paramref name="finishFast"/>'s card); the fast model's out-of-fold predictions are
    /// returned too, for reporting, and the stacker's (null without the tier's context stage), which
    /// <c>train-accurate --soft-labels-out</c> writes for distilling the tier into the fast model.
    /// </summary>
    /// <exception cref="ArgumentException">Too few rows or documents for the folds, or a row without one ArgMiner label.</exception>
    public (AccurateClassifier Model, SentencePrediction[] OutOfFold, SentencePrediction[]? StackerOutOfFold) Fit(IReadOnlyList<LabelledSentence> rows, Func<SentenceClassifier, SentenceClassifier> finishFast)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(finishFast);
        var outOfFold = CrossValidation.OutOfFold(FastTrainer, rows, Options.Folds);
        // The fast model gets its document-context stage from the same out-of-fold predictions, and the stacker
        // learns from those predictions rescored by that stage, as the fast model will hand them over at run
        // time (the stage was fitted on these very predictions, so its rescoring of them is a little optimistic).
        var context = FastTrainer.FitContext(rows, outOfFold);
        var fast = finishFast(FastTrainer.Fit(rows).WithContext(context));
        var stackerInput = context is null ? outOfFold : SentenceClassifier.ApplyContext(context, rows, outOfFold);
        var vectors = AccurateClassifier.Embed(Embedders, [.. rows.Select(r => r.Text)]);
        var features = new float[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            features[i] = AccurateClassifier.StackerFeatures(vectors[i], stackerInput[i]);
        }

        var (weights, bias, mlnet) = FitStacker(rows, features);
        var stackerOutOfFold = Options.Context ? CrossValidateStacker(rows, features) : null;
        var tierContext = stackerOutOfFold is null ? null : FastTrainer.FitContext(rows, stackerOutOfFold);
        var card = new JsonObject
        {
            ["date"] = fast.Card["date"]?.DeepClone(),
            ["stacker"] = Options.ToJson(),
            ["stackerTrainer"] = "LbfgsMaximumEntropyMulticlassTrainer (Microsoft.ML " + (typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?") + ")",
            ["stackerFeatures"] = $"{string.Join(" ++ ", Embedders.Select(e => $"{e.Name} vector ({e.Dimension})"))} ++ fast model's out-of-fold probabilities (claim, evidence, opinion, other){(context is null ? string.Empty : ", rescored by its document-context stage")}",
            ["tierContextStage"] = tierContext is null ? "none" : $"DocumentContextTrainer (SdcaMaximumEntropy, L2 {DocumentContextTrainer.L2}) on the stacker's {Options.Folds}-fold out-of-fold probabilities",
            ["training"] = fast.Card["training"]?.DeepClone(),
        };
        return (new AccurateClassifier(fast, Embedders, weights, bias, Options.Gate, card, mlnet, tierContext), outOfFold, stackerOutOfFold);
    }

    /// <summary>Fits the stacker by ML.NET and copies its weights (label-major rows) and biases.</summary>
    internal (float[] Weights, float[] Bias, byte[] MlNet) FitStacker(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<float[]> features)
    {
        var (ml, view) = StackerData(rows, features);
        var model = StackerEstimator(ml).Fit(view);
        var (weights, bias) = SentenceClassifierTrainer.LabelMajor(model.Model, Dimension + K, "the stacker");
        return (weights, bias, SentenceClassifierTrainer.SaveModel(ml, model, view.Schema));
    }

    /// <summary>
    /// The stacker's out-of-fold predictions: ML.NET's folds (<c>Data.CrossValidationSplit</c> keyed by the
    /// document, as the fast model's cross-validation, so a document's sentences stay in one fold), the stacker
    /// fitted on the other folds and scoring this fold's rows; null when the documents do not spread over the
    /// folds (one fold holds them all).
    /// </summary>
    internal SentencePrediction[]? CrossValidateStacker(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<float[]> features)
    {
        var (ml, view) = StackerData(rows, features);
        var result = new SentencePrediction?[rows.Count];
        var splits = ml.Data.CrossValidationSplit(view, Options.Folds, FeatureData.Group, Options.Seed);
        if (splits.Any(split => IsEmpty(split.TrainSet)))
        {
            return null;
        }

        foreach (var split in splits)
        {
            var scored = StackerEstimator(ml).Fit(split.TrainSet).Transform(split.TestSet);
            foreach (var row in ml.Data.CreateEnumerable<ScoredStackerRow>(scored, reuseRowObject: false))
            {
                result[row.Row] = CrossValidation.Prediction(row.Score);
            }
        }

        return [.. result.Select(p => p ?? throw new InvalidOperationException("ML.NET's folds left a sentence unscored"))];
    }

    private (MLContext Ml, IDataView View) StackerData(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<float[]> features)
    {
        var dimension = Dimension + K;
        var rowWeights = FastTrainer.RowWeights(rows);
        var data = new FeatureRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            data[i] = new FeatureRow
            {
                Label = (uint)FeatureData.LabelIndex(rows[i]),
                Features = new VBuffer<float>(dimension, features[i]),
                Weight = (float)rowWeights[i],
                Group = rows[i].Doc is { } d ? "doc:" + d : "text:" + rows[i].Text,
                Row = i,
            };
        }

        var ml = new MLContext(Options.Seed);
        return (ml, ml.Data.LoadFromEnumerable(data, FeatureData.Schema(dimension)));
    }

    private LbfgsMaximumEntropyMulticlassTrainer StackerEstimator(MLContext ml) =>
        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = FeatureData.Label,
            FeatureColumnName = FeatureData.Features,
            ExampleWeightColumnName = FeatureData.Weight,
            L2Regularization = (float)Options.L2,
            L1Regularization = 0,
            OptimizationTolerance = 1e-7f,
            NumberOfThreads = 1,
        });

    private static bool IsEmpty(IDataView view)
    {
        using var cursor = view.GetRowCursor([]);
        return !cursor.MoveNext();
    }

    private sealed class ScoredStackerRow
    {
        public int Row { get; set; }

        public float[] Score { get; set; } = [];
    }
}
