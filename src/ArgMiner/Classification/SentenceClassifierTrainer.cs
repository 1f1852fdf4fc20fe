using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ArgMiner.Models;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Optimization;

namespace ArgMiner.Classification;

/// <summary>Settings of <see cref="SentenceClassifierTrainer"/> (like ML.NET's <c>LbfgsMaximumEntropyMulticlassTrainer.Options</c>).</summary>
public sealed record SentenceClassifierTrainerOptions
{
    /// <summary>Featurizer settings.</summary>
    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>L2 penalty on the weights (the bias is not penalised), relative to the mean loss per sentence.</summary>
    public double L2 { get; init; } = 1e-4;

    /// <summary>L1 penalty on the weights (0: none); when positive the built-in optimiser runs OWL-QN and many weights become exactly 0, shrinking the model file.</summary>
    public double L1 { get; init; }

    /// <summary>Most L-BFGS iterations; with <see cref="SentenceOptimizer.Sdca"/>, most passes over the data.</summary>
    public int MaxIterations { get; init; } = 250;

    /// <summary>SDCA stops when the duality gap falls below this fraction of the objective.</summary>
    public double SdcaTolerance { get; init; } = 1e-4;

    /// <summary>L-BFGS stops when the gradient's norm falls below this.</summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>Seed: recorded in the card and used for cross-validation folds; training itself starts from zero and is deterministic.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Which L-BFGS implementation minimises the loss.</summary>
    public SentenceOptimizer Optimizer { get; init; } = SentenceOptimizer.Lbfgs;

    /// <summary>Weigh classes inversely to their frequency (single-label rows only).</summary>
    public bool BalanceClasses { get; init; }

    /// <summary>Explicit class weights by label (missing labels weigh 1); a row with a set of labels takes the mean of its set's weights. Applied after <see cref="BalanceClasses"/>.</summary>
    public IReadOnlyDictionary<string, double>? ClassWeights { get; init; }

    /// <summary>How many feature names (the most weighted) the model keeps for explanations.</summary>
    public int MaxFeatureNames { get; init; } = 20000;

    /// <summary>The date written in the card (yyyy-MM-dd); today (UTC) when null. Fixed in tests for byte-identical files.</summary>
    public string? Date { get; init; }

    /// <summary>
    /// Pretrained word vectors whose sentence average joins the features (null: none). The table is stored
    /// inside the trained model, so the model stays self-contained.
    /// </summary>
    public WordVectors? Vectors { get; init; }

    /// <summary>Descriptions of the data used, for the card.</summary>
    public IReadOnlyList<string> DataSources { get; init; } = [];

    /// <summary>Throws when the settings cannot train together (SDCA with L1, or without L2).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The combination is not supported.</exception>
    public void Validate()
    {
        if (Optimizer == SentenceOptimizer.Sdca && L1 > 0)
        {
            throw new ArgumentOutOfRangeException(nameof(L1), "--l1 cannot be used with --optimizer sdca (SDCA here has L2 only; use lbfgs for L1)");
        }

        if (Optimizer == SentenceOptimizer.Sdca && !(L2 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(L2), "--optimizer sdca needs a positive --l2");
        }
    }

    /// <summary>The settings as JSON for the model card (SDCA's tolerance only when SDCA trains, so L-BFGS cards stay as they were).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["l2"] = L2,
            ["l1"] = L1,
            ["maxIterations"] = MaxIterations,
            ["gradientTolerance"] = GradientTolerance,
            ["seed"] = Seed,
            ["balanceClasses"] = BalanceClasses,
            ["classWeights"] = ClassWeights is null ? null : new JsonObject(ClassWeights.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
            ["optimizer"] = Optimizer.ToString(),
        };
        if (Optimizer == SentenceOptimizer.Sdca)
        {
            json["sdcaTolerance"] = SdcaTolerance;
        }

        return json;
    }
}

/// <summary>The optimiser of <see cref="SentenceClassifierTrainer"/>.</summary>
public enum SentenceOptimizer
{
    /// <summary>ArgMiner's own L-BFGS (two-loop recursion, backtracking Armijo line search, buffers reused): the default.</summary>
    Lbfgs,

    /// <summary>MathNet.Numerics' <c>LimitedMemoryBfgsMinimizer</c>; same optimum, but it allocates fresh vectors at every step, which costs more than the loss itself on large feature spaces.</summary>
    MathNetLbfgs,

    /// <summary>Stochastic Dual Coordinate Ascent (<see cref="Classification.Sdca"/>, after ML.NET's <c>SdcaMaximumEntropy</c>): same L2 objective, no L1, rows in a seeded random order.</summary>
    Sdca,
}

/// <summary>
/// The untrained estimator, shaped after ML.NET's <c>LbfgsMaximumEntropy</c> trainer (written by hand because
/// ML.NET does not restore here): <see cref="Fit"/> featurizes the sentences and trains a multinomial
/// logistic regression (softmax) with L2 by L-BFGS (MathNet.Numerics' <c>LimitedMemoryBfgsMinimizer</c>, or
/// the built-in <see cref="Lbfgs"/>) or by SDCA (<see cref="Sdca"/>, after ML.NET's <c>SdcaMaximumEntropy</c>),
/// single-threaded from zero so the same data and options give the same bytes. A row whose gold label maps
/// to a set of labels (NewsSD SUBJ = claim|opinion) trains the probability of the set.
/// </summary>
public sealed class SentenceClassifierTrainer(SentenceClassifierTrainerOptions options)
{
    private const int K = 4;

    /// <summary>The settings.</summary>
    public SentenceClassifierTrainerOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Trains a classifier on <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">No rows, or a row with no target label.</exception>
    public SentenceClassifier Fit(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Options.Validate();
        if (rows.Count == 0)
        {
            throw new ArgumentException("no training sentences", nameof(rows));
        }

        var featurizer = new SentenceFeaturizer(Options.Featurizer with { Vectors = Options.Vectors?.Fingerprint }, Options.Vectors);
        var names = new Dictionary<int, string>();
        var builder = new FeatureVectorBuilder(names);
        var rowStart = new int[rows.Count + 1];
        var hashed = new List<int>();
        var values = new List<float>();
        var targetMask = new int[rows.Count];
        var weight = new double[rows.Count];
        var classCounts = new double[K];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            featurizer.Featurize(row.Text, row.Context, builder);
            hashed.AddRange(builder.Indices);
            values.AddRange(builder.Values);
            rowStart[r + 1] = hashed.Count;
            foreach (var t in row.Targets)
            {
                var k = SentenceLabels.All.IndexOf(t);
                if (k < 0)
                {
                    throw new ArgumentException($"{row.Origin}: unknown target label '{t}'", nameof(rows));
                }

                targetMask[r] |= 1 << k;
            }

            if (targetMask[r] == 0)
            {
                throw new ArgumentException($"{row.Origin}: no target label", nameof(rows));
            }

            weight[r] = row.Weight;
            if (row.Targets.Length == 1)
            {
                classCounts[SentenceLabels.All.IndexOf(row.Targets[0])] += row.Weight;
            }
        }

        if (Options.BalanceClasses)
        {
            var total = classCounts.Sum();
            var present = classCounts.Count(c => c > 0);
            for (var r = 0; r < rows.Count; r++)
            {
                if (rows[r].Targets.Length == 1)
                {
                    weight[r] *= total / (present * classCounts[SentenceLabels.All.IndexOf(rows[r].Targets[0])]);
                }
            }
        }

        if (Options.ClassWeights is { } classWeights)
        {
            for (var r = 0; r < rows.Count; r++)
            {
                weight[r] *= rows[r].Targets.Average(t => classWeights.TryGetValue(t, out var cw) ? cw : 1.0);
            }
        }

        // Compact the hashed space to the slots training saw, so the optimiser works on a short vector.
        var dim = featurizer.Dimension;
        var compactOf = new int[dim];
        var seen = hashed.Distinct().Order().ToArray();
        for (var j = 0; j < seen.Length; j++)
        {
            compactOf[seen[j]] = j;
        }

        var cols = new int[hashed.Count];
        for (var i = 0; i < cols.Length; i++)
        {
            cols[i] = compactOf[hashed[i]];
        }

        var vals = values.ToArray();
        var m = seen.Length;
        var theta = Optimise(rowStart, cols, vals, targetMask, weight, m, out var stats);

        var weights = new float[dim * K];
        for (var j = 0; j < m; j++)
        {
            for (var k = 0; k < K; k++)
            {
                weights[(seen[j] * K) + k] = (float)theta[(j * K) + k];
            }
        }

        var bias = new float[K];
        for (var k = 0; k < K; k++)
        {
            bias[k] = (float)theta[(m * K) + k];
        }

        var kept = KeepNames(names, weights, featurizer);
        var card = BuildCard(rows, featurizer);
        card["optimiser"] = new JsonObject
        {
            ["method"] = Options.Optimizer switch
            {
                SentenceOptimizer.MathNetLbfgs => "L-BFGS (MathNet.Numerics LimitedMemoryBfgsMinimizer)",
                SentenceOptimizer.Sdca => "SDCA (built-in, after ML.NET SdcaMaximumEntropy)",
                _ => Options.L1 > 0 ? "OWL-QN (built-in L-BFGS with L1)" : "L-BFGS (built-in, allocation-free)",
            },
            ["features"] = m,
            ["nonZeros"] = cols.Length,
            ["evaluations"] = stats.Evaluations,
            ["iterations"] = stats.Iterations,
            ["objective"] = Math.Round(stats.Loss, 6),
            ["stop"] = stats.Stop,
        };
        if (stats.Gap is { } gap)
        {
            card["optimiser"]!["dualityGap"] = gap;
        }

        return new SentenceClassifier(featurizer, weights, bias, kept, card);
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

    private double[] Optimise(int[] rowStart, int[] cols, float[] vals, int[] targetMask, double[] weight, int m, out (int Evaluations, int Iterations, double Loss, string Stop, double? Gap) stats)
    {
        var n = targetMask.Length;
        var size = (m + 1) * K;
        var biasAt = m * K;
        var weightSum = weight.Sum();
        var l2 = Options.L2;
        var evaluations = 0;

        double Evaluate(double[] th, double[] grad)
        {
            evaluations++;
            Array.Clear(grad);
            Span<double> z = stackalloc double[K];
            double loss = 0;
            for (var r = 0; r < n; r++)
            {
                for (var k = 0; k < K; k++)
                {
                    z[k] = th[biasAt + k];
                }

                for (var i = rowStart[r]; i < rowStart[r + 1]; i++)
                {
                    var at = cols[i] * K;
                    double v = vals[i];
                    z[0] += v * th[at];
                    z[1] += v * th[at + 1];
                    z[2] += v * th[at + 2];
                    z[3] += v * th[at + 3];
                }

                var max = Math.Max(Math.Max(z[0], z[1]), Math.Max(z[2], z[3]));
                double sum = 0, inSet = 0;
                for (var k = 0; k < K; k++)
                {
                    z[k] = Math.Exp(z[k] - max);
                    sum += z[k];
                    if ((targetMask[r] & (1 << k)) != 0)
                    {
                        inSet += z[k];
                    }
                }

                var w = weight[r] / weightSum;
                loss -= w * Math.Log(inSet / sum);

                // d(-log p_S)/dz_k = p_k - [k in S] p_k / p_S
                for (var k = 0; k < K; k++)
                {
                    var p = z[k] / sum;
                    var g = p - ((targetMask[r] & (1 << k)) != 0 ? z[k] / inSet : 0);
                    z[k] = w * g;
                    grad[biasAt + k] += z[k];
                }

                for (var i = rowStart[r]; i < rowStart[r + 1]; i++)
                {
                    var at = cols[i] * K;
                    double v = vals[i];
                    grad[at] += v * z[0];
                    grad[at + 1] += v * z[1];
                    grad[at + 2] += v * z[2];
                    grad[at + 3] += v * z[3];
                }
            }

            for (var i = 0; i < biasAt; i++)
            {
                loss += 0.5 * l2 * th[i] * th[i];
                grad[i] += l2 * th[i];
            }

            return loss;
        }

        double[] result;
        if (Options.Optimizer == SentenceOptimizer.Sdca)
        {
            result = Sdca.Minimize(rowStart, cols, vals, targetMask, weight, m, K, l2, Options.MaxIterations, Options.SdcaTolerance, Options.Seed, out var run);
            stats = (run.Epochs, run.Epochs, run.Objective, run.Stop, run.Gap);
        }
        else if (Options.Optimizer == SentenceOptimizer.MathNetLbfgs)
        {
            if (Options.L1 > 0)
            {
                throw new ArgumentException("MathNet's L-BFGS cannot minimise an L1 penalty; use the built-in optimiser (OWL-QN)");
            }

            result = MathNetLbfgs(Evaluate, size, out var iterations, out var loss, out var stop);
            stats = (evaluations, iterations, loss, stop, null);
        }
        else
        {
            result = Lbfgs.Minimize(Evaluate, size, Options.MaxIterations, Options.GradientTolerance, out var iterations, out var loss, out var stop, Options.L1, biasAt);
            stats = (evaluations, iterations, loss, stop, null);
        }

        return result;
    }

    private double[] MathNetLbfgs(Func<double[], double[], double> evaluate, int size, out int iterations, out double loss, out string stop)
    {
        var bestLoss = double.PositiveInfinity;
        double[]? best = null;
        (double, Vector<double>) Evaluate(Vector<double> point)
        {
            var th = point is DenseVector dv ? dv.Values : point.ToArray();
            var grad = new double[size];
            var f = evaluate(th, grad);
            if (f < bestLoss)
            {
                bestLoss = f;
                best = (double[])th.Clone();
            }

            return (f, DenseVector.OfArray(grad));
        }

        var minimizer = new LimitedMemoryBfgsMinimizer(Options.GradientTolerance, 1e-10, 1e-10, 10, Options.MaxIterations);
        try
        {
            var result = minimizer.FindMinimum(ObjectiveFunction.Gradient(Evaluate), new DenseVector(size));
            iterations = result.Iterations;
            loss = bestLoss;
            stop = "converged";
            return result.MinimizingPoint.ToArray();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && best is not null)
        {
            // MathNet throws when it hits the iteration limit or its line search stalls; the best point
            // evaluated so far is a valid (if not fully converged) solution.
            iterations = Options.MaxIterations;
            loss = bestLoss;
            stop = ex.GetType().Name;
            return best;
        }
    }

    private Dictionary<int, string> KeepNames(Dictionary<int, string> names, float[] weights, SentenceFeaturizer featurizer)
    {
        foreach (var (index, name) in featurizer.CueSlots())
        {
            names.TryAdd(index, name);
        }

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
