using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ArgMiner.Classification;

/// <summary>Precision, recall and F1 of one class.</summary>
/// <param name="Label">The class.</param>
/// <param name="Precision">Correct predictions of the class over all its predictions (0 when never predicted).</param>
/// <param name="Recall">Correct predictions over its gold count (0 when it has none).</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Gold count.</param>
public readonly record struct ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Evaluation of a multiclass classifier, like ML.NET's <c>MulticlassClassificationMetrics</c>: micro accuracy
/// (share correct), macro accuracy (mean per-class recall), per-class precision/recall/F1, macro-F1 (mean F1
/// over the classes that occur in gold or predictions, as scikit-learn), log-loss, log-loss reduction
/// (relative to predicting the evaluated set's own class frequencies) and the confusion matrix.
/// </summary>
public sealed class MulticlassMetrics
{
    private const double Epsilon = 1e-15;

    private MulticlassMetrics(ImmutableArray<string> classes, int[,] confusion, double logLoss, double priorLogLoss)
    {
        Classes = classes;
        Confusion = confusion;
        var n = classes.Length;
        var perClass = ImmutableArray.CreateBuilder<ClassMetrics>(n);
        long total = 0, correct = 0;
        double recallSum = 0, f1Sum = 0;
        int recallClasses = 0, f1Classes = 0;
        for (var c = 0; c < n; c++)
        {
            int gold = 0, predicted = 0;
            for (var j = 0; j < n; j++)
            {
                gold += confusion[c, j];
                predicted += confusion[j, c];
            }

            var tp = confusion[c, c];
            total += gold;
            correct += tp;
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = gold == 0 ? 0 : (double)tp / gold;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(classes[c], precision, recall, f1, gold));
            if (gold > 0)
            {
                recallSum += recall;
                recallClasses++;
            }

            if (gold > 0 || predicted > 0)
            {
                f1Sum += f1;
                f1Classes++;
            }
        }

        PerClass = perClass.MoveToImmutable();
        Count = (int)total;
        MicroAccuracy = total == 0 ? 0 : (double)correct / total;
        MacroAccuracy = recallClasses == 0 ? 0 : recallSum / recallClasses;
        MacroF1 = f1Classes == 0 ? 0 : f1Sum / f1Classes;
        LogLoss = logLoss;
        LogLossReduction = priorLogLoss <= 0 ? 0 : (priorLogLoss - logLoss) / priorLogLoss;
    }

    /// <summary>The classes, in confusion-matrix order.</summary>
    public ImmutableArray<string> Classes { get; }

    /// <summary>Counts by [gold, predicted] class index.</summary>
    public int[,] Confusion { get; }

    /// <summary>Number of evaluated sentences.</summary>
    public int Count { get; }

    /// <summary>Share of sentences predicted correctly.</summary>
    public double MicroAccuracy { get; }

    /// <summary>Mean recall over classes with gold sentences.</summary>
    public double MacroAccuracy { get; }

    /// <summary>Mean F1 over classes that occur in gold or predictions.</summary>
    public double MacroF1 { get; }

    /// <summary>Mean negative natural log of the probability given to the gold class.</summary>
    public double LogLoss { get; }

    /// <summary>1 - LogLoss / (log-loss of predicting the class frequencies); 0 is no better than the prior.</summary>
    public double LogLossReduction { get; }

    /// <summary>Per-class precision, recall, F1 and support.</summary>
    public ImmutableArray<ClassMetrics> PerClass { get; }

    /// <summary>Computes the metrics from (gold class, predicted class, probability given to the gold class) outcomes.</summary>
    public static MulticlassMetrics Compute(IReadOnlyList<string> classes, IEnumerable<(int Gold, int Predicted, double GoldProbability)> outcomes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(outcomes);
        var n = classes.Count;
        var confusion = new int[n, n];
        var goldCounts = new double[n];
        double logLoss = 0;
        var count = 0;
        foreach (var (gold, predicted, p) in outcomes)
        {
            confusion[gold, predicted]++;
            goldCounts[gold]++;
            logLoss -= Math.Log(Math.Clamp(p, Epsilon, 1.0));
            count++;
        }

        double prior = 0;
        for (var c = 0; c < n; c++)
        {
            if (goldCounts[c] > 0)
            {
                var q = goldCounts[c] / count;
                prior -= goldCounts[c] * Math.Log(q);
            }
        }

        return new MulticlassMetrics([.. classes], confusion, count == 0 ? 0 : logLoss / count, count == 0 ? 0 : prior / count);
    }

    /// <summary>
    /// Evaluates <paramref name="predictions"/> against the rows' gold labels. Each distinct gold label is a
    /// class (a mapped foreign label such as SUBJ counts a prediction as correct when it is any label of its
    /// set); a predicted ArgMiner label no class covers becomes a class of its own. With
    /// <paramref name="restrictTo"/>, the probabilities are renormalised over those labels before the argmax.
    /// </summary>
    public static MulticlassMetrics Evaluate(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions, IReadOnlyCollection<string>? restrictTo = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predictions);
        if (rows.Count != predictions.Count)
        {
            throw new ArgumentException("one prediction per row is needed", nameof(predictions));
        }

        var labels = SentenceLabels.All;
        var allowed = new bool[labels.Length];
        for (var k = 0; k < labels.Length; k++)
        {
            allowed[k] = restrictTo is null || restrictTo.Contains(labels[k]);
        }

        // Classes: ArgMiner labels in their fixed order first, then foreign labels in ordinal order.
        var targetsOf = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            targetsOf.TryAdd(r.Label, r.Targets);
        }

        var classes = labels.Where(targetsOf.ContainsKey).Concat(targetsOf.Keys.Where(k => !labels.Contains(k)).Order(StringComparer.Ordinal)).ToList();

        // When the gold classes partition the allowed labels (SUBJ = claim|opinion, OBJ = evidence|other), the
        // decision is made in the gold label space: the class whose labels have the most probability together.
        // Taking the argmax of the four labels first would throw away how the rest of the probability splits.
        var classOfLabel = new int[labels.Length];
        var partition = true;
        for (var k = 0; k < labels.Length && partition; k++)
        {
            classOfLabel[k] = -1;
            for (var c = 0; c < classes.Count; c++)
            {
                if (targetsOf[classes[c]].Contains(labels[k]))
                {
                    partition &= classOfLabel[k] < 0;
                    classOfLabel[k] = c;
                }
            }

            partition &= !allowed[k] || classOfLabel[k] >= 0;
        }

        var classCount = classes.Count;
        var mass = new double[classCount];
        var outcomes = new List<(int, int, double)>(rows.Count);
        Span<double> p = stackalloc double[labels.Length];
        for (var i = 0; i < rows.Count; i++)
        {
            double sum = 0;
            for (var k = 0; k < labels.Length; k++)
            {
                p[k] = allowed[k] ? predictions[i].Probabilities[k] : 0;
                sum += p[k];
            }

            var best = -1;
            for (var k = 0; k < labels.Length; k++)
            {
                p[k] = sum > 0 ? p[k] / sum : (allowed[k] ? 1.0 / allowed.Count(a => a) : 0);
                if (allowed[k] && (best < 0 || p[k] > p[best]))
                {
                    best = k;
                }
            }

            var predictedLabel = labels[best];
            var goldClass = classes.IndexOf(rows[i].Label);
            if (partition)
            {
                Array.Clear(mass);
                for (var k = 0; k < labels.Length; k++)
                {
                    if (allowed[k])
                    {
                        mass[classOfLabel[k]] += p[k];
                    }
                }

                var top = 0;
                for (var c = 1; c < classCount; c++)
                {
                    top = mass[c] > mass[top] ? c : top;
                }

                outcomes.Add((goldClass, top, mass[goldClass]));
                continue;
            }

            // Correct when the prediction is any label the gold label allows; otherwise it goes to the class
            // that names it (its own, or the first mapped class whose set holds it).
            var predicted = rows[i].Targets.Contains(predictedLabel) ? goldClass : classes.IndexOf(predictedLabel);
            if (predicted < 0)
            {
                predicted = classes.FindIndex(c => targetsOf.TryGetValue(c, out var t) && t.Contains(predictedLabel));
            }

            if (predicted < 0)
            {
                classes.Add(predictedLabel);
                predicted = classes.Count - 1;
            }

            double gold = 0;
            foreach (var t in rows[i].Targets)
            {
                gold += p[labels.IndexOf(t)];
            }

            outcomes.Add((goldClass, predicted, gold));
        }

        return Compute(classes, outcomes);
    }

    /// <summary>The metrics as JSON for a model card.</summary>
    public JsonObject ToJson()
    {
        var perClass = new JsonObject();
        foreach (var c in PerClass)
        {
            perClass[c.Label] = new JsonObject
            {
                ["precision"] = Math.Round(c.Precision, 4),
                ["recall"] = Math.Round(c.Recall, 4),
                ["f1"] = Math.Round(c.F1, 4),
                ["support"] = c.Support,
            };
        }

        var matrix = new JsonArray();
        for (var g = 0; g < Classes.Length; g++)
        {
            var row = new JsonArray();
            for (var p = 0; p < Classes.Length; p++)
            {
                row.Add(Confusion[g, p]);
            }

            matrix.Add(row);
        }

        return new JsonObject
        {
            ["sentences"] = Count,
            ["microAccuracy"] = Math.Round(MicroAccuracy, 4),
            ["macroAccuracy"] = Math.Round(MacroAccuracy, 4),
            ["macroF1"] = Math.Round(MacroF1, 4),
            ["logLoss"] = Math.Round(LogLoss, 4),
            ["logLossReduction"] = Math.Round(LogLossReduction, 4),
            ["perClass"] = perClass,
            ["classes"] = new JsonArray([.. Classes.Select(c => (JsonNode)c)]),
            ["confusion"] = matrix,
        };
    }
}
