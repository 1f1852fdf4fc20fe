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

    /// <summary>The stacker's L2 penalty (ML.NET L2Regularization).</summary>
    public double L2 { get; init; } = 1e-2;

    /// <summary>Seed of ML.NET's context for the stacker.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The card as JSON.</summary>
    public JsonObject ToJson() => new() { ["folds"] = Folds, ["gate"] = Gate, ["l2"] = L2, ["seed"] = Seed };
}

/// <summary>
/// Trains the accurate tier: the fast model is cross-validated on the data to give every row an out-of-fold
/// probability vector (so the stacker learns how far to trust the fast model on sentences it has not seen,
/// not on its own training rows), then trained on all of it; the stacker, ML.NET's
/// <c>LbfgsMaximumEntropy</c>, learns the label from the encoder's vector joined with those probabilities,
/// with the fast trainer's row weights (source weights, class balance).
/// </summary>
public sealed class AccurateClassifierTrainer(SentenceClassifierTrainer fastTrainer, ISentenceEmbedder embedder, AccurateTrainerOptions options)
{
    private const int K = 4;

    /// <summary>The fast model's trainer.</summary>
    public SentenceClassifierTrainer FastTrainer { get; } = fastTrainer ?? throw new ArgumentNullException(nameof(fastTrainer));

    /// <summary>The encoder.</summary>
    public ISentenceEmbedder Embedder { get; } = embedder ?? throw new ArgumentNullException(nameof(embedder));

    /// <summary>The stacker's settings.</summary>
    public AccurateTrainerOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Trains on <paramref name="rows"/> (tagged already when the fast model is to use tagged features; the
    /// caller marks that on <paramref name="finishFast"/>'s card); the fast model's out-of-fold predictions are
    /// returned too, for reporting.
    /// </summary>
    /// <exception cref="ArgumentException">Too few rows or documents for the folds, or a row without one ArgMiner label.</exception>
    public (AccurateClassifier Model, SentencePrediction[] OutOfFold) Fit(IReadOnlyList<LabelledSentence> rows, Func<SentenceClassifier, SentenceClassifier> finishFast)
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
        var vectors = Embedder.Embed([.. rows.Select(r => r.Text)]);
        var features = new float[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            features[i] = AccurateClassifier.StackerFeatures(vectors[i], stackerInput[i]);
        }

        var (weights, bias, mlnet) = FitStacker(rows, features);
        var card = new JsonObject
        {
            ["date"] = fast.Card["date"]?.DeepClone(),
            ["stacker"] = Options.ToJson(),
            ["stackerTrainer"] = "LbfgsMaximumEntropyMulticlassTrainer (Microsoft.ML " + (typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?") + ")",
            ["stackerFeatures"] = $"encoder vector ({Embedder.Dimension}) ++ fast model's out-of-fold probabilities (claim, evidence, opinion, other){(context is null ? string.Empty : ", rescored by its document-context stage")}",
            ["training"] = fast.Card["training"]?.DeepClone(),
        };
        return (new AccurateClassifier(fast, Embedder, weights, bias, Options.Gate, card, mlnet), outOfFold);
    }

    /// <summary>Fits the stacker by ML.NET and copies its weights (label-major rows) and biases.</summary>
    internal (float[] Weights, float[] Bias, byte[] MlNet) FitStacker(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<float[]> features)
    {
        var dimension = Embedder.Dimension + K;
        var rowWeights = FastTrainer.RowWeights(rows);
        var data = new FeatureRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            data[i] = new FeatureRow
            {
                Label = (uint)FeatureData.LabelIndex(rows[i]),
                Features = new VBuffer<float>(dimension, features[i]),
                Weight = (float)rowWeights[i],
                Group = rows[i].Doc ?? rows[i].Text,
                Row = i,
            };
        }

        var ml = new MLContext(Options.Seed);
        var view = ml.Data.LoadFromEnumerable(data, FeatureData.Schema(dimension));
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = FeatureData.Label,
            FeatureColumnName = FeatureData.Features,
            ExampleWeightColumnName = FeatureData.Weight,
            L2Regularization = (float)Options.L2,
            L1Regularization = 0,
            OptimizationTolerance = 1e-7f,
            NumberOfThreads = 1,
        });
        var model = trainer.Fit(view);
        var (weights, bias) = SentenceClassifierTrainer.LabelMajor(model.Model, dimension, "the stacker");
        return (weights, bias, SentenceClassifierTrainer.SaveModel(ml, model, view.Schema));
    }
}
