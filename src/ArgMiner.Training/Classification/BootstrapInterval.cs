using System.Collections.Immutable;
using ArgMiner.Classification;
using ArgMiner.Text;

namespace ArgMiner.Training.Classification;

/// <summary>A 95 % (or other) interval of one class's F1 over the resamples in which the class occurs.</summary>
/// <param name="Label">The class.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
public readonly record struct ClassInterval(string Label, double Low, double High);

/// <summary>
/// How far a macro-F1 figure could move on another sample of the same kind of text: a percentile bootstrap over
/// documents (a document's sentences are drawn together, as they are labelled and judged together), with a seeded
/// generator so the same data and seed give the same interval. <see cref="Difference"/> is the paired version for
/// two models scored on the same resamples, which is what a decision between two models needs (a test set's own
/// sampling noise, beside the spread of retraining with other seeds).
/// </summary>
/// <remarks>
/// Written by hand: ML.NET's evaluator scores one sample and has no resampling. Each resample's F1 figures come
/// from the confusion counts of the classes <see cref="MulticlassMetrics.ClassOutcomes"/> gives, with the same
/// definitions as <see cref="MulticlassMetrics"/> (macro-F1: mean over the classes that occur in gold or
/// predictions), so the full sample's figure equals <see cref="MulticlassMetrics.MacroF1"/> (a test holds them
/// equal).
/// </remarks>
/// <param name="Resamples">The number of resamples.</param>
/// <param name="Documents">The number of documents drawn from (rows without a document count one each).</param>
/// <param name="Seed">The generator's seed.</param>
/// <param name="Level">The interval's coverage, e.g. 0.95.</param>
/// <param name="MacroF1Low">The macro-F1 interval's lower end.</param>
/// <param name="MacroF1High">The macro-F1 interval's upper end.</param>
/// <param name="PerClass">Each class's F1 interval, in the classes' order.</param>
public sealed record BootstrapInterval(int Resamples, int Documents, int Seed, double Level, double MacroF1Low, double MacroF1High, ImmutableArray<ClassInterval> PerClass)
{
    /// <summary>The interval of <paramref name="predictions"/>' macro-F1 and per-class F1 on <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">No rows, predictions not one per row, fewer than 2 resamples or a level outside (0, 1).</exception>
    public static BootstrapInterval Compute(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions, IReadOnlyCollection<string>? restrictTo = null, int resamples = 1000, int seed = 1, double level = 0.95)
    {
        Check(rows, resamples, level);
        var (classes, outcomes) = MulticlassMetrics.ClassOutcomes(rows, predictions, restrictTo);
        var documents = DocumentCounts(rows, outcomes, classes.Count);
        var macro = new double[resamples];
        var perClass = classes.Select(_ => new List<double>(resamples)).ToArray();
        var random = new Random(seed);
        var drawn = new int[documents.Count];
        var counts = new int[classes.Count, classes.Count];
        for (var r = 0; r < resamples; r++)
        {
            Draw(random, drawn);
            Sum(documents, drawn, counts);
            macro[r] = MacroF1(counts, perClass);
        }

        var (low, high) = Percentiles(macro, level);
        var intervals = ImmutableArray.CreateBuilder<ClassInterval>(classes.Count);
        for (var c = 0; c < classes.Count; c++)
        {
            var (cl, ch) = perClass[c].Count == 0 ? (0, 0) : Percentiles([.. perClass[c]], level);
            intervals.Add(new ClassInterval(classes[c], cl, ch));
        }

        return new BootstrapInterval(resamples, documents.Count, seed, level, low, high, intervals.MoveToImmutable());
    }

    /// <summary>
    /// The macro-F1 of <paramref name="second"/> minus that of <paramref name="first"/> on <paramref name="rows"/>, and
    /// the interval of that difference over resamples of the documents that score both models on the same draw.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, predictions not one per row, fewer than 2 resamples or a level outside (0, 1).</exception>
    public static (double Difference, double Low, double High) Difference(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> first, IReadOnlyList<SentencePrediction> second, IReadOnlyCollection<string>? restrictTo = null, int resamples = 1000, int seed = 1, double level = 0.95)
    {
        Check(rows, resamples, level);
        // The classes come from the gold labels and the restriction only, so both models' outcomes index the same ones.
        var (classes, outcomesA) = MulticlassMetrics.ClassOutcomes(rows, first, restrictTo);
        var (_, outcomesB) = MulticlassMetrics.ClassOutcomes(rows, second, restrictTo);
        var n = classes.Count;
        var documentsA = DocumentCounts(rows, outcomesA, n);
        var documentsB = DocumentCounts(rows, outcomesB, n);
        var countsA = new int[n, n];
        var countsB = new int[n, n];
        var all = Enumerable.Range(0, documentsA.Count).ToArray();
        Sum(documentsA, all, countsA);
        Sum(documentsB, all, countsB);
        var difference = MacroF1(countsB, null) - MacroF1(countsA, null);
        var random = new Random(seed);
        var drawn = new int[documentsA.Count];
        var differences = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            Draw(random, drawn);
            Sum(documentsA, drawn, countsA);
            Sum(documentsB, drawn, countsB);
            differences[r] = MacroF1(countsB, null) - MacroF1(countsA, null);
        }

        var (low, high) = Percentiles(differences, level);
        return (difference, low, high);
    }

    private static void Check(IReadOnlyList<LabelledSentence> rows, int resamples, double level)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            throw new ArgumentException("no rows to resample", nameof(rows));
        }

        if (resamples < 2)
        {
            throw new ArgumentException("at least 2 resamples are needed", nameof(resamples));
        }

        if (!(level > 0 && level < 1))
        {
            throw new ArgumentException("the level is a share between 0 and 1", nameof(level));
        }
    }

    /// <summary>Each document's confusion counts, documents in order of first appearance (a row without one is its own).</summary>
    private static List<int[,]> DocumentCounts(IReadOnlyList<LabelledSentence> rows, IReadOnlyList<(int Gold, int Predicted)> outcomes, int classes)
    {
        var index = new Dictionary<(string, string), int>();
        var documents = new List<int[,]>();
        for (var i = 0; i < rows.Count; i++)
        {
            var key = rows[i].Doc is { } doc ? (rows[i].Source, doc) : ("\0row", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!index.TryGetValue(key, out var d))
            {
                d = documents.Count;
                index[key] = d;
                documents.Add(new int[classes, classes]);
            }

            documents[d][outcomes[i].Gold, outcomes[i].Predicted]++;
        }

        return documents;
    }

    /// <summary>One resample: as many documents as there are, drawn with replacement.</summary>
    private static void Draw(Random random, int[] drawn)
    {
        for (var d = 0; d < drawn.Length; d++)
        {
            drawn[d] = random.Next(drawn.Length);
        }
    }

    private static void Sum(List<int[,]> documents, int[] drawn, int[,] counts)
    {
        Array.Clear(counts);
        var n = counts.GetLength(0);
        foreach (var d in drawn)
        {
            var document = documents[d];
            for (var g = 0; g < n; g++)
            {
                for (var p = 0; p < n; p++)
                {
                    counts[g, p] += document[g, p];
                }
            }
        }
    }

    /// <summary>Macro-F1 of the counts as <see cref="MulticlassMetrics"/> defines it; each occurring class's F1 is added to <paramref name="perClass"/>.</summary>
    private static double MacroF1(int[,] counts, List<double>[]? perClass)
    {
        var n = counts.GetLength(0);
        double sum = 0;
        var occurring = 0;
        for (var c = 0; c < n; c++)
        {
            var (gold, predicted) = MulticlassMetrics.Totals(counts, c);
            if (gold == 0 && predicted == 0)
            {
                continue;
            }

            var precision = predicted == 0 ? 0 : (double)counts[c, c] / predicted;
            var recall = gold == 0 ? 0 : (double)counts[c, c] / gold;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass?[c].Add(f1);
            sum += f1;
            occurring++;
        }

        return occurring == 0 ? 0 : sum / occurring;
    }

    /// <summary>The (1 - level) / 2 and (1 + level) / 2 quantiles, interpolated between the sorted values.</summary>
    private static (double Low, double High) Percentiles(double[] values, double level)
    {
        Array.Sort(values);
        return (Quantile(values, (1 - level) / 2), Quantile(values, (1 + level) / 2));
    }

    private static double Quantile(double[] sorted, double q)
    {
        var at = q * (sorted.Length - 1);
        var below = (int)Math.Floor(at);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((at - below) * (sorted[above] - sorted[below]));
    }
}
