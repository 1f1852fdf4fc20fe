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

    /// <summary>
    /// With a positive count, the stacker also reads the label shares of this many nearest training sentences (a
    /// <see cref="NeighbourBank"/> stored in the model, format 3); 0 (the default) for none.
    /// </summary>
    public int Neighbours { get; init; }

    /// <summary>Which training rows go into the neighbour bank (null: all); the others still get shares from it.</summary>
    public Func<LabelledSentence, bool>? InBank { get; init; }

    /// <summary>What <see cref="InBank"/> keeps, for the card.</summary>
    public string BankDescription { get; init; } = "every training sentence";

    /// <summary>The card as JSON.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["folds"] = Folds, ["gate"] = Gate, ["l2"] = L2, ["seed"] = Seed, ["tierContext"] = Context };
        if (Neighbours > 0)
        {
            json["neighbours"] = Neighbours;
            json["neighbourBank"] = BankDescription;
        }

        return json;
    }
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
        var (bank, groups) = Options.Neighbours > 0 ? BuildBank(rows, vectors) : (null, null);
        var features = new float[rows.Count][];
        // Each row's input depends on that row alone (and the fixed bank), so the rows can be spread over the cores.
        Parallel.For(0, rows.Count, i => features[i] = AccurateClassifier.StackerFeatures(vectors[i], stackerInput[i], bank, groups?[i] ?? -1));

        var (weights, bias, mlnet) = FitStacker(rows, features);
        var stackerOutOfFold = Options.Context ? CrossValidateStacker(rows, features) : null;
        var tierContext = stackerOutOfFold is null ? null : FastTrainer.FitContext(rows, stackerOutOfFold);
        var card = new JsonObject
        {
            ["date"] = fast.Card["date"]?.DeepClone(),
            ["stacker"] = Options.ToJson(),
            ["stackerTrainer"] = "LbfgsMaximumEntropyMulticlassTrainer (Microsoft.ML " + (typeof(MLContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?") + ")",
            ["stackerFeatures"] = $"{string.Join(" ++ ", Embedders.Select(e => $"{e.Name} vector ({e.Dimension})"))} ++ fast model's out-of-fold probabilities (claim, evidence, opinion, other){(context is null ? string.Empty : ", rescored by its document-context stage")}"
                + (bank is null ? string.Empty : $" ++ similarity-weighted label shares of the {bank.Neighbours} nearest of {bank.Count} bank sentences ({Options.BankDescription}; a training sentence's own document left out)"),
            ["tierContextStage"] = tierContext is null ? "none" : $"DocumentContextTrainer (SdcaMaximumEntropy, L2 {DocumentContextTrainer.L2}) on the stacker's {Options.Folds}-fold out-of-fold probabilities",
            ["training"] = fast.Card["training"]?.DeepClone(),
        };
        return (new AccurateClassifier(fast, Embedders, weights, bias, Options.Gate, card, mlnet, tierContext, bank), outOfFold, stackerOutOfFold);
    }

    /// <summary>
    /// The bank of the rows <see cref="AccurateTrainerOptions.InBank"/> keeps, and every row's document number (the
    /// cross-validation key), so that a training row's shares never come from its own document: at run time a
    /// sentence's document is never in the bank either.
    /// </summary>
    private (NeighbourBank Bank, int[] Groups) BuildBank(IReadOnlyList<LabelledSentence> rows, float[][] vectors)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var key = GroupKey(rows[i]);
            if (!numbers.TryGetValue(key, out groups[i]))
            {
                groups[i] = numbers[key] = numbers.Count;
            }
        }

        var kept = Enumerable.Range(0, rows.Count).Where(i => Options.InBank?.Invoke(rows[i]) ?? true).ToList();
        if (kept.Count == 0)
        {
            throw new ArgumentException("no training sentence is left for the neighbour bank");
        }

        var bank = NeighbourBank.Build([.. kept.Select(i => vectors[i])], [.. kept.Select(i => FeatureData.LabelIndex(rows[i]))], Options.Neighbours, [.. kept.Select(i => groups[i])]);
        return (bank, groups);
    }

    private static string GroupKey(LabelledSentence row) => row.Doc is { } d ? "doc:" + d : "text:" + row.Text;

    /// <summary>Fits the stacker by ML.NET and copies its weights (label-major rows) and biases.</summary>
    internal (float[] Weights, float[] Bias, byte[] MlNet) FitStacker(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<float[]> features)
    {
        var (ml, view) = StackerData(rows, features);
        var model = StackerEstimator(ml).Fit(view);
        var (weights, bias) = SentenceClassifierTrainer.LabelMajor(model.Model, features[0].Length, "the stacker");
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
        var dimension = features[0].Length;
        var rowWeights = FastTrainer.RowWeights(rows);
        var data = new FeatureRow[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            data[i] = new FeatureRow
            {
                Label = (uint)FeatureData.LabelIndex(rows[i]),
                Features = new VBuffer<float>(dimension, features[i]),
                Weight = (float)rowWeights[i],
                Group = GroupKey(rows[i]),
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
