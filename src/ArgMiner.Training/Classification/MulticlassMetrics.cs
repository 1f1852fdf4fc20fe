using ArgMiner.Text;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ArgMiner.Training.Classification;

/// <summary>Precision, recall and F1 of one class.</summary>
/// <param name="Label">The class.</param>
/// <param name="Precision">Correct predictions of the class over all its predictions (0 when never predicted).</param>
/// <param name="Recall">Correct predictions over its gold count (0 when it has none).</param>
/// <param name="F1">Harmonic mean of precision and recall.</param>
/// <param name="Support">Gold count.</param>
public readonly record struct ClassMetrics(string Label, double Precision, double Recall, double F1, int Support);

/// <summary>
/// Evaluation of the sentence classifier, computed by ML.NET's multiclass evaluator
/// (<c>MLContext.MulticlassClassification.Evaluate</c>): micro and macro accuracy, log-loss, log-loss reduction,
/// per-class precision and recall and the confusion matrix come from its
/// <see cref="MulticlassClassificationMetrics"/>; per-class F1 and macro-F1 (mean F1 over the classes that occur
/// in gold or predictions, as scikit-learn) are derived from its per-class figures. What ML.NET lacks, and this
/// class adds, is evaluation in another label space: foreign gold labels mapped to sets of ArgMiner labels
/// (<c>--map SUBJ=claim|opinion</c>) and predictions restricted to some labels (<c>--labels claim,evidence</c>).
/// </summary>
public sealed class MulticlassMetrics
{
    private MulticlassMetrics(ImmutableArray<string> classes, MulticlassClassificationMetrics metrics, double calibrationError)
    {
        CalibrationError = calibrationError;
        Classes = classes;
        var n = classes.Length;
        Confusion = new int[n, n];
        var counts = metrics.ConfusionMatrix.Counts;
        for (var g = 0; g < n; g++)
        {
            for (var p = 0; p < n; p++)
            {
                Confusion[g, p] = (int)Math.Round(counts[g][p]);
            }
        }

        var perClass = ImmutableArray.CreateBuilder<ClassMetrics>(n);
        double f1Sum = 0;
        var f1Classes = 0;
        long total = 0;
        for (var c = 0; c < n; c++)
        {
            var (gold, predicted) = Totals(Confusion, c);

            // ML.NET gives NaN where a class was never predicted or has no gold sentences; both count as 0 here.
            var precision = Finite(metrics.ConfusionMatrix.PerClassPrecision[c]);
            var recall = Finite(metrics.ConfusionMatrix.PerClassRecall[c]);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.Add(new ClassMetrics(classes[c], precision, recall, f1, gold));
            total += gold;
            if (gold > 0 || predicted > 0)
            {
                f1Sum += f1;
                f1Classes++;
            }
        }

        PerClass = perClass.MoveToImmutable();
        Count = (int)total;
        MicroAccuracy = Finite(metrics.MicroAccuracy);
        MacroAccuracy = Finite(metrics.MacroAccuracy);
        MacroF1 = f1Classes == 0 ? 0 : f1Sum / f1Classes;
        LogLoss = Finite(metrics.LogLoss);
        LogLossReduction = Finite(metrics.LogLossReduction);
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

    /// <summary>
    /// Expected calibration error over ten bins of the predicted class's score (<see cref="Calibration.ExpectedError"/>):
    /// how far confidence is from the share of predictions that are right; 0 is a confidence that reads as a probability.
    /// </summary>
    public double CalibrationError { get; }

    /// <summary>Per-class precision, recall, F1 and support.</summary>
    public ImmutableArray<ClassMetrics> PerClass { get; }

    /// <summary>
    /// Evaluates <paramref name="predictions"/> against the rows' gold labels. The classes are the gold labels
    /// (ArgMiner labels in their fixed order, then foreign labels in ordinal order) and every allowed ArgMiner
    /// label no gold class covers. Each class scores the probability of the ArgMiner labels it stands for
    /// (SUBJ: claim + opinion), over the allowed labels only (<paramref name="restrictTo"/>, renormalised), and the
    /// predicted class is the one with the most: the decision is made in the gold label space.
    /// </summary>
    public static MulticlassMetrics Evaluate(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions, IReadOnlyCollection<string>? restrictTo = null)
    {
        var (classes, outcomes) = Outcomes(rows, predictions, restrictTo);
        return Compute(classes, outcomes);
    }

    /// <summary>
    /// Each row's gold and predicted class index, in the classes <see cref="Evaluate"/> scores (the same mapping and
    /// restriction), for measures ML.NET's evaluator does not give, such as <see cref="BootstrapInterval"/>.
    /// </summary>
    public static (IReadOnlyList<string> Classes, IReadOnlyList<(int Gold, int Predicted)> Outcomes) ClassOutcomes(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions, IReadOnlyCollection<string>? restrictTo = null)
    {
        var (classes, outcomes) = Outcomes(rows, predictions, restrictTo);
        return (classes, [.. outcomes.Select(o => ((int)o.Label, (int)o.PredictedLabel))]);
    }

    private static (List<string> Classes, List<Outcome> Outcomes) Outcomes(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions, IReadOnlyCollection<string>? restrictTo)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(predictions);
        if (rows.Count != predictions.Count)
        {
            throw new ArgumentException("one prediction per row is needed", nameof(predictions));
        }

        var labels = SentenceLabels.All;
        var allowed = labels.Select(l => restrictTo is null || restrictTo.Contains(l)).ToArray();
        var targetsOf = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            targetsOf.TryAdd(r.Label, r.Targets);
        }

        var classes = labels.Where(targetsOf.ContainsKey)
            .Concat(targetsOf.Keys.Where(k => !labels.Contains(k)).Order(StringComparer.Ordinal))
            .ToList();
        foreach (var (label, k) in labels.Select((l, k) => (l, k)))
        {
            if (allowed[k] && !classes.Any(c => targetsOf.TryGetValue(c, out var t) && t.Contains(label)))
            {
                classes.Add(label);
                targetsOf[label] = [label];
            }
        }

        // Each ArgMiner label's probability goes to the first class whose set holds it.
        var classOfLabel = labels.Select(l => classes.FindIndex(c => targetsOf[c].Contains(l))).ToArray();
        var n = classes.Count;
        var outcomes = new List<Outcome>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var p = predictions[i].Probabilities;
            double sum = 0;
            for (var k = 0; k < labels.Length; k++)
            {
                sum += allowed[k] ? p[k] : 0;
            }

            var score = new float[n];
            var allowedCount = allowed.Count(a => a);
            for (var k = 0; k < labels.Length; k++)
            {
                if (allowed[k] && classOfLabel[k] >= 0)
                {
                    score[classOfLabel[k]] += (float)(sum > 0 ? p[k] / sum : 1.0 / allowedCount);
                }
            }

            var top = 0;
            for (var c = 1; c < n; c++)
            {
                top = score[c] > score[top] ? c : top;
            }

            // LoadFromEnumerable reads a key column's values 0-based (it stores value + 1, 0 meaning missing).
            outcomes.Add(new Outcome { Label = (uint)classes.IndexOf(rows[i].Label), Score = score, PredictedLabel = (uint)top });
        }

        return (classes, outcomes);
    }

    /// <summary>Runs ML.NET's evaluator over (gold class, class scores, predicted class) outcomes.</summary>
    private static MulticlassMetrics Compute(IReadOnlyList<string> classes, IReadOnlyList<Outcome> outcomes)
    {
        var ml = new MLContext(1);
        var schema = SchemaDefinition.Create(typeof(Outcome));
        var key = new KeyDataViewType(typeof(uint), classes.Count);
        schema[nameof(Outcome.Label)].ColumnType = key;
        schema[nameof(Outcome.PredictedLabel)].ColumnType = key;
        schema[nameof(Outcome.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, classes.Count);
        var view = ml.Data.LoadFromEnumerable(outcomes, schema);
        var metrics = ml.MulticlassClassification.Evaluate(view, nameof(Outcome.Label), nameof(Outcome.Score), nameof(Outcome.PredictedLabel), topKPredictionCount: 0);
        var calibrationError = Calibration.ExpectedError(outcomes.Select(o => ((double)o.Score[o.PredictedLabel], o.Label == o.PredictedLabel)));
        return new MulticlassMetrics([.. classes], metrics, calibrationError);
    }

    private static double Finite(double value) => double.IsFinite(value) ? value : 0;

    /// <summary>Class <paramref name="c"/>'s gold count (its row's sum) and predicted count (its column's sum) in <paramref name="confusion"/>.</summary>
    internal static (int Gold, int Predicted) Totals(int[,] confusion, int c)
    {
        int gold = 0, predicted = 0;
        for (var j = 0; j < confusion.GetLength(0); j++)
        {
            gold += confusion[c, j];
            predicted += confusion[j, c];
        }

        return (gold, predicted);
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
                row.Add((JsonNode)JsonValue.Create(Confusion[g, p]));
            }

            matrix.Add((JsonNode)row);
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

    private sealed class Outcome
    {
        public uint Label { get; set; }

        public float[] Score { get; set; } = [];

        public uint PredictedLabel { get; set; }
    }
}
