using ArgMiner.Text;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Models;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ArgMiner.Training.Classification;

/// <summary>The ML.NET trainer behind <see cref="SentenceClassifierTrainer"/>.</summary>
public enum SentenceTrainer
{
    /// <summary>
    /// ML.NET's <c>SdcaMaximumEntropy</c> (multinomial logistic regression by stochastic dual coordinate ascent,
    /// L2): the default. Chosen by cross-validation on the real web text of UD EWT train (macro-F1 0.624 against
    /// L-BFGS's 0.628 at its best L2, within noise) because it trains about 20 times faster.
    /// </summary>
    Sdca,

    /// <summary>ML.NET's <c>LbfgsMaximumEntropy</c> (the same model class by L-BFGS, with L1 and L2).</summary>
    Lbfgs,

    /// <summary>
    /// ML.NET's <c>LightGbm</c> multiclass gradient-boosted trees, for cross-validation only (<c>train --trainer
    /// lightgbm --folds N</c>): the issue asked for it to be tried. It is not a model the product ships, because
    /// both engines score a linear model (see the model card for the figures that decided it).
    /// </summary>
    LightGbm,
}

/// <summary>Settings of <see cref="SentenceClassifierTrainer"/> (ML.NET's trainer options plus ArgMiner's featurizer and data weighting).</summary>
public sealed record SentenceClassifierTrainerOptions
{
    /// <summary>Featurizer settings.</summary>
    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>Which ML.NET trainer fits the weights.</summary>
    public SentenceTrainer Trainer { get; init; } = SentenceTrainer.Sdca;

    /// <summary>L2 penalty (ML.NET's <c>L2Regularization</c>; SDCA scales it per sentence, L-BFGS over the sum, so L-BFGS wants a far larger value, about 1).</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>L1 penalty (ML.NET's <c>L1Regularization</c>; L-BFGS only).</summary>
    public double L1 { get; init; }

    /// <summary>Most L-BFGS iterations; with SDCA, most passes over the data (0: ML.NET's default).</summary>
    public int MaxIterations { get; init; } = 250;

    /// <summary>L-BFGS's <c>OptimizationTolerance</c> or SDCA's <c>ConvergenceTolerance</c> (duality gap); null: 1e-7 for L-BFGS, 0.001 for SDCA.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Seed of ML.NET's context: cross-validation folds and SDCA's row order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Weigh classes inversely to their frequency.</summary>
    public bool BalanceClasses { get; init; }

    /// <summary>Explicit class weights by label (missing labels weigh 1), applied after <see cref="BalanceClasses"/>.</summary>
    public IReadOnlyDictionary<string, double>? ClassWeights { get; init; }

    /// <summary>How many feature names (the most weighted) the model keeps for explanations.</summary>
    public int MaxFeatureNames { get; init; } = 20000;

    /// <summary>The date written in the card (yyyy-MM-dd); today (UTC) when null. Fixed in tests for byte-identical files.</summary>
    public string? Date { get; init; }

    /// <summary>Pretrained word vectors whose sentence average joins the features (null: none); stored inside the model.</summary>
    public WordVectors? Vectors { get; init; }

    /// <summary>Descriptions of the data used, for the card.</summary>
    public IReadOnlyList<string> DataSources { get; init; } = [];

    /// <summary>
    /// A teacher's probabilities by <see cref="Classification.SoftTargets.Key"/> (null: none): each listed
    /// sentence is trained towards <c>(1 - SoftWeight) * gold + SoftWeight * teacher</c>.
    /// </summary>
    public IReadOnlyDictionary<string, float[]>? SoftTargets { get; init; }

    /// <summary>How much of a listed sentence's target is the teacher's probabilities (0 to 1).</summary>
    public double SoftWeight { get; init; } = 0.5;

    /// <summary>Where <see cref="SoftTargets"/> came from, for the card.</summary>
    public string? SoftTargetsSource { get; init; }

    /// <summary>Throws when the settings cannot train together.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The combination is not supported.</exception>
    public void Validate()
    {
        if (!(L2 >= 0) || !(L1 >= 0) || double.IsInfinity(L2) || double.IsInfinity(L1))
        {
            throw new ArgumentOutOfRangeException(nameof(L2), "--l1 and --l2 must be finite and not negative");
        }

        if (Trainer == SentenceTrainer.Sdca && L1 > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(L1), "--l1 cannot be used with --trainer sdca (use lbfgs for L1)");
        }

        if (MaxIterations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), "--max-iterations must not be negative");
        }

        if (!(SoftWeight >= 0 && SoftWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SoftWeight), "--soft-weight must be from 0 to 1");
        }
    }

    /// <summary>The settings as JSON for the model card.</summary>
    public JsonObject ToJson()
    {
        var json = Settings();
        if (SoftTargets is not null)
        {
            // Only a distilled model names it, so the card of every other model reads as before.
            json["softTargets"] = new JsonObject { ["source"] = SoftTargetsSource, ["sentences"] = SoftTargets.Count, ["weight"] = SoftWeight };
        }

        return json;
    }

    private JsonObject Settings() => new()
    {
        ["trainer"] = Trainer switch { SentenceTrainer.Sdca => "ML.NET SdcaMaximumEntropy", SentenceTrainer.LightGbm => "ML.NET LightGbm", _ => "ML.NET LbfgsMaximumEntropy" },
        ["l2"] = L2,
        ["l1"] = L1,
        ["maxIterations"] = MaxIterations,
        ["tolerance"] = Tolerance,
        ["seed"] = Seed,
        ["balanceClasses"] = BalanceClasses,
        ["classWeights"] = ClassWeights is null ? null : new JsonObject(ClassWeights.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
    };
}

/// <summary>
/// The sentence classifier's estimator: ArgMiner's featurizer (n-grams, cues, tagged entities and numbers, word
/// vectors) produces a sparse <c>Features</c> column and an ML.NET maximum-entropy trainer
/// (<c>LbfgsMaximumEntropy</c> or <c>SdcaMaximumEntropy</c>, one thread, seeded) fits it. <see cref="Fit"/>
/// returns an immutable <see cref="SentenceClassifier"/> that holds both the ML.NET model as
/// <c>MLContext.Model.Save</c> wrote it (scored by <see cref="MlNetSentenceScorer"/>) and a compiled copy of
/// its weights (the default engine, which <c>run</c> uses without loading ML.NET).
/// </summary>
public sealed class SentenceClassifierTrainer(SentenceClassifierTrainerOptions options)
{
    private const int K = 4;

    /// <summary>The settings.</summary>
    public SentenceClassifierTrainerOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The featurizer these settings train with.</summary>
    public SentenceFeaturizer CreateFeaturizer() => new(Options.Featurizer with { Vectors = Options.Vectors?.Fingerprint }, Options.Vectors);

    /// <summary>The ML.NET estimator over <see cref="FeatureData"/>'s columns.</summary>
    internal IEstimator<ITransformer> CreateEstimator(MLContext ml) => Options.Trainer switch
    {
        SentenceTrainer.Sdca => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = FeatureData.Label,
            FeatureColumnName = FeatureData.Features,
            ExampleWeightColumnName = FeatureData.Weight,
            L2Regularization = (float)Options.L2,
            L1Regularization = 0,
            MaximumNumberOfIterations = Options.MaxIterations == 0 ? null : Options.MaxIterations,
            ConvergenceTolerance = (float)(Options.Tolerance ?? 0.001),
            NumberOfThreads = 1,
        }),
        SentenceTrainer.LightGbm => ml.MulticlassClassification.Trainers.LightGbm(new Microsoft.ML.Trainers.LightGbm.LightGbmMulticlassTrainer.Options
        {
            LabelColumnName = FeatureData.Label,
            FeatureColumnName = FeatureData.Features,
            ExampleWeightColumnName = FeatureData.Weight,
            NumberOfIterations = Options.MaxIterations == 0 ? 200 : Options.MaxIterations,
            LearningRate = 0.1,
            NumberOfLeaves = 31,
            MinimumExampleCountPerLeaf = 10,
            UseSoftmax = true,
            Seed = Options.Seed,
            NumberOfThreads = 1,
            Silent = true,
        }),
        _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = FeatureData.Label,
            FeatureColumnName = FeatureData.Features,
            ExampleWeightColumnName = FeatureData.Weight,
            L2Regularization = (float)Options.L2,
            L1Regularization = (float)Options.L1,
            OptimizationTolerance = (float)(Options.Tolerance ?? 1e-7),
            MaximumNumberOfIterations = Options.MaxIterations == 0 ? int.MaxValue : Options.MaxIterations,
            NumberOfThreads = 1,
        }),
    };

    /// <summary>
    /// The target of <paramref name="row"/> as four class shares summing to 1 when the options hold soft targets
    /// for it (<see cref="SentenceClassifierTrainerOptions.SoftTargets"/>), else null (its gold label alone).
    /// </summary>
    internal double[]? SoftTarget(LabelledSentence row)
    {
        if (Options.SoftTargets is not { } soft || !soft.TryGetValue(Classification.SoftTargets.Key(row), out var teacher))
        {
            return null;
        }

        var a = Options.SoftWeight;
        var target = new double[K];
        for (var k = 0; k < K; k++)
        {
            target[k] = a * teacher[k];
        }

        target[FeatureData.LabelIndex(row)] += 1 - a;
        return target;
    }

    /// <summary>Each row's training weight: its own weight, times the class weights the options ask for.</summary>
    internal double[] RowWeights(IReadOnlyList<LabelledSentence> rows)
    {
        var weights = new double[rows.Count];
        var classCounts = new double[K];
        for (var r = 0; r < rows.Count; r++)
        {
            weights[r] = rows[r].Weight;
            classCounts[FeatureData.LabelIndex(rows[r])] += rows[r].Weight;
        }

        if (Options.BalanceClasses)
        {
            var total = classCounts.Sum();
            var present = classCounts.Count(c => c > 0);
            for (var r = 0; r < rows.Count; r++)
            {
                weights[r] *= total / (present * classCounts[FeatureData.LabelIndex(rows[r])]);
            }
        }

        if (Options.ClassWeights is { } classWeights)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                weights[r] *= classWeights.TryGetValue(rows[r].Targets[0], out var cw) ? cw : 1.0;
            }
        }

        return weights;
    }

    /// <summary>
    /// The document-context stage for <paramref name="rows"/> from their out-of-fold predictions
    /// (<see cref="DocumentContextTrainer"/>), with the rows' data weights (<see cref="ContextWeights"/>) and these
    /// settings' seed; null when the data has no document of two sentences.
    /// </summary>
    public DocumentContextModel? FitContext(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> outOfFold) => DocumentContextTrainer.Fit(rows, outOfFold, ContextWeights(rows), Options.Seed);

    /// <summary>The document-context stage cross-validated on <paramref name="outOfFold"/> (<see cref="DocumentContextTrainer.CrossValidate"/>).</summary>
    public SentencePrediction[]? CrossValidateContext(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> outOfFold, int folds) => DocumentContextTrainer.CrossValidate(rows, outOfFold, ContextWeights(rows), Options.Seed, folds);

    /// <summary>
    /// The second stage's row weights: each row's data weight, without the class weights (<c>--balance</c>,
    /// <c>--class-weight</c>). Those raise the first stage's recall of a rare label, which its probabilities
    /// already carry; weighing the label again in the second stage pushed it twice (cross-validated on the shipped
    /// recipe: see the model card).
    /// </summary>
    private static double[] ContextWeights(IReadOnlyList<LabelledSentence> rows) => [.. rows.Select(r => r.Weight)];

    /// <summary>Below this many sentences of a label, <see cref="CheckLabels"/> warns: the model will rarely predict it.</summary>
    public const int MinimumPerLabel = 20;

    /// <summary>
    /// Checks that <paramref name="rows"/> can train a classifier: at least two labels (a model that has seen
    /// one label would give it probability 1 for everything). Returns one warning per label with fewer than
    /// <see cref="MinimumPerLabel"/> sentences, or none of them.
    /// </summary>
    /// <exception cref="ArgumentException">The rows hold fewer than two labels.</exception>
    public static IReadOnlyList<string> CheckLabels(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = SentenceLabels.All.ToDictionary(l => l, _ => 0);
        foreach (var r in rows)
        {
            counts[SentenceLabels.All[FeatureData.LabelIndex(r)]]++;
        }

        var present = counts.Where(kv => kv.Value > 0).Select(kv => kv.Key).ToList();
        if (present.Count < 2)
        {
            throw new ArgumentException($"training needs sentences of at least two labels; the data has {(present.Count == 0 ? "none" : "only '" + present[0] + "'")} ({rows.Count} sentences)");
        }

        return [.. counts.Where(kv => kv.Value < MinimumPerLabel).Select(kv => $"only {kv.Value} sentences labelled '{kv.Key}' (fewer than {MinimumPerLabel}): the model will rarely predict it")];
    }

    /// <summary>Trains a classifier on <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">No rows, or a row without exactly one ArgMiner label.</exception>
    public SentenceClassifier Fit(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Options.Validate();
        if (rows.Count == 0)
        {
            throw new ArgumentException("no training sentences", nameof(rows));
        }

        _ = CheckLabels(rows);
        if (Options.Trainer == SentenceTrainer.LightGbm)
        {
            throw new ArgumentException("--trainer lightgbm cross-validates only (a LightGBM model cannot be compiled into the linear model both engines score); use --folds N to measure it");
        }

        var featurizer = CreateFeaturizer();
        var ml = new MLContext(Options.Seed);
        var view = FeatureData.Load(ml, featurizer, rows, RowWeights(rows), SoftTarget, Options.Trainer == SentenceTrainer.Sdca);
        var model = CreateEstimator(ml).Fit(view);
        return Compile(ml, model, view.Schema, featurizer, rows);
    }

    /// <summary>
    /// Copies a fitted ML.NET maximum-entropy model's weights into ArgMiner's compiled layout and packs the
    /// ML.NET model itself beside them.
    /// </summary>
    internal SentenceClassifier Compile(MLContext ml, ITransformer model, DataViewSchema schema, SentenceFeaturizer featurizer, IReadOnlyList<LabelledSentence> rows)
    {
        var parameters = model is ISingleFeaturePredictionTransformer<MaximumEntropyModelParameters> p ? p.Model
            : throw new InvalidOperationException("the trainer did not produce a maximum-entropy model");
        VBuffer<float>[] classWeights = [];
        parameters.GetWeights(ref classWeights, out var classes);
        if (classes != K)
        {
            throw new InvalidOperationException($"the model has {classes} classes, not {K}");
        }

        var dim = featurizer.Dimension;
        var weights = new float[dim * K];
        for (var k = 0; k < K; k++)
        {
            foreach (var (index, value) in classWeights[k].Items())
            {
                weights[(index * K) + k] = value;
            }
        }

        var bias = parameters.GetBiases().ToArray();
        var names = KeepNames(featurizer, rows, weights);
        var card = BuildCard(rows, featurizer);
        card["mlnet"] = new JsonObject
        {
            ["package"] = "Microsoft.ML " + typeof(MLContext).Assembly.GetName().Version?.ToString(3),
            ["trainer"] = Options.Trainer == SentenceTrainer.Sdca ? "SdcaMaximumEntropyMulticlassTrainer" : "LbfgsMaximumEntropyMulticlassTrainer",
            ["featuresColumn"] = $"{FeatureData.Features}: Vector<Single, {dim}> (ArgMiner featurizer)",
            ["nonZeroWeights"] = weights.Count(w => w != 0),
        };
        return SentenceClassifier.FromWeights(featurizer, weights, bias, names, card, SaveModel(ml, model, schema));
    }

    /// <summary>
    /// The ML.NET model as <c>MLContext.Model.Save</c> writes it, with every zip entry's time stamp fixed so that
    /// the same data and settings give the same bytes (ML.NET stamps entries with the current time).
    /// </summary>
    internal static byte[] SaveModel(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        using var saved = new MemoryStream();
        ml.Model.Save(model, schema, saved);
        saved.Position = 0;
        using var normalised = new MemoryStream();
        using (var source = new ZipArchive(saved, ZipArchiveMode.Read))
        using (var target = new ZipArchive(normalised, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                copy.LastWriteTime = ModelPackage.FixedTime;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return normalised.ToArray();
    }

    /// <summary>
    /// A fitted maximum-entropy model's weights over <paramref name="dimension"/> dense features as label-major
    /// rows (<see cref="LinearSoftmax"/>'s layout) and its biases; <paramref name="what"/> names it in errors.
    /// </summary>
    internal static (float[] Weights, float[] Bias) LabelMajor(MaximumEntropyModelParameters model, int dimension, string what)
    {
        VBuffer<float>[] classWeights = [];
        model.GetWeights(ref classWeights, out var classes);
        if (classes != K)
        {
            throw new InvalidOperationException($"{what} has {classes} classes, not {K}");
        }

        var weights = new float[K * dimension];
        for (var k = 0; k < K; k++)
        {
            foreach (var (index, value) in classWeights[k].Items())
            {
                weights[(k * dimension) + index] = value;
            }
        }

        return (weights, model.GetBiases().ToArray());
    }

    /// <summary>SHA-256 over the rows (text, label, targets, doc, section, weight), hex: identifies the training data.</summary>
    public static string Fingerprint(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in rows)
        {
            var line = string.Join('\u001f', r.Text, r.Label, string.Join('|', r.Targets), r.Doc ?? string.Empty, r.Section?.ToString() ?? string.Empty, r.Weight.ToString("R", CultureInfo.InvariantCulture)) + "\u001e";
            sha.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private Dictionary<int, string> KeepNames(SentenceFeaturizer featurizer, IReadOnlyList<LabelledSentence> rows, float[] weights)
    {
        var names = featurizer.NameFeatures(rows.Select(r => (r.Text, r.Context)));
        double Strength(int index)
        {
            double s = 0;
            for (var k = 0; k < K; k++)
            {
                s = Math.Max(s, Math.Abs(weights[(index * K) + k]));
            }

            return s;
        }

        return names
            .Select(kv => (kv.Key, kv.Value, Strength: Strength(kv.Key)))
            .Where(x => x.Strength > 0)
            .OrderByDescending(x => x.Strength)
            .ThenBy(x => x.Key)
            .Take(Options.MaxFeatureNames)
            .ToDictionary(x => x.Key, x => x.Value);
    }

    private JsonObject BuildCard(IReadOnlyList<LabelledSentence> rows, SentenceFeaturizer featurizer)
    {
        var counts = new JsonObject();
        foreach (var g in rows.GroupBy(r => r.Label).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            counts[g.Key] = g.Count();
        }

        return new JsonObject
        {
            ["labels"] = new JsonArray([.. SentenceLabels.All.Select(l => (JsonNode)l)]),
            ["date"] = Options.Date ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["toolVersion"] = ModelPackage.CurrentToolVersion,
            ["featurizer"] = featurizer.Options.ToJson(),
            ["vectors"] = featurizer.Vectors is { } v ? new JsonObject
            {
                ["fingerprint"] = v.Fingerprint,
                ["words"] = v.Count,
                ["dimension"] = v.Dimension,
                ["source"] = v.Card["source"]?.DeepClone(),
                ["licence"] = v.Card["licence"]?.DeepClone(),
            } : null,
            ["trainer"] = Options.ToJson(),
            ["training"] = new JsonObject
            {
                ["sentences"] = rows.Count,
                ["labelCounts"] = counts,
                ["fingerprint"] = "sha256:" + Fingerprint(rows),
                ["sources"] = new JsonArray([.. Options.DataSources.Select(s => (JsonNode)s)]),
            },
        };
    }
}
