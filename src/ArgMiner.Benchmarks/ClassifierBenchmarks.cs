using System.Diagnostics;
using ArgMiner.Classification;
using BenchmarkDotNet.Attributes;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Speed of the sentence classifier: classification throughput (sentences per second on one thread) and
/// training time on 10,000 sentences (quick mode: L-BFGS and SDCA). The data is the labelled files named by <c>ARGMINER_BENCH_DATA</c>
/// (paths separated by <c>;</c>) when set, else deterministic synthetic news-like sentences.
/// Quick run without BenchmarkDotNet: <c>dotnet run -c Release --project src/ArgMiner.Benchmarks -- --quick-classifier</c>.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private List<LabelledSentence> _train = [];
    private string[] _sentences = [];
    private SentenceClassifier? _model;

    /// <summary>Loads or makes the data and trains the model to classify with.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _train = Data(10_000);
        _sentences = [.. _train.Select(r => r.Text)];
        _model = new SentenceClassifierTrainer(new SentenceClassifierTrainerOptions()).Fit(_train);
    }

    /// <summary>Classifies all sentences (10,000) one by one.</summary>
    [Benchmark]
    public int Classify10k()
    {
        var n = 0;
        foreach (var p in _model!.PredictAll(_sentences))
        {
            n += p.Label.Length;
        }

        return n;
    }

    /// <summary>Trains on 10,000 sentences.</summary>
    [Benchmark]
    public SentenceClassifier Train10k() => new SentenceClassifierTrainer(new SentenceClassifierTrainerOptions()).Fit(_train);

    /// <summary>Stopwatch measurement printed to the console (median of a few runs).</summary>
    public static void Quick(TextWriter output)
    {
        var b = new ClassifierBenchmarks();
        var data = Data(10_000);
        output.WriteLine($"data: {data.Count} sentences ({(Environment.GetEnvironmentVariable("ARGMINER_BENCH_DATA") is { Length: > 0 } d ? d : "synthetic")})");
        SentenceClassifier? model = null;
        foreach (var optimizer in new[] { SentenceOptimizer.Lbfgs, SentenceOptimizer.Sdca })
        {
            var trainTimes = new List<double>();
            SentenceClassifier? trained = null;
            for (var i = 0; i < 3; i++)
            {
                var w = Stopwatch.StartNew();
                trained = new SentenceClassifierTrainer(new SentenceClassifierTrainerOptions { Optimizer = optimizer }).Fit(data);
                trainTimes.Add(w.Elapsed.TotalSeconds);
            }

            var run = trained!.Card["optimiser"]!;
            output.WriteLine($"train 10,000 sentences ({optimizer}): {trainTimes.Order().ElementAt(1):0.00} s (median of 3; runs {string.Join(", ", trainTimes.Select(t => t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}; {run["iterations"]} iterations/epochs, objective {run["objective"]})");
            model ??= trained;
        }

        b._model = model;
        b._sentences = [.. data.Select(r => r.Text)];
        b.Classify10k();
        var rates = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var w = Stopwatch.StartNew();
            var reps = 10;
            for (var r = 0; r < reps; r++)
            {
                b.Classify10k();
            }

            rates.Add(reps * b._sentences.Length / w.Elapsed.TotalSeconds);
        }

        output.WriteLine($"classify: {rates.Order().ElementAt(2):0} sentences/s on one thread (median of 5 x 100,000; mean length {b._sentences.Average(s => s.Length):0} chars)");
    }

    private static List<LabelledSentence> Data(int count)
    {
        if (Environment.GetEnvironmentVariable("ARGMINER_BENCH_DATA") is { Length: > 0 } paths)
        {
            var real = LabelledData.Read(paths.Split(';'), new LabelledDataOptions());
            var rows = new List<LabelledSentence>(count);
            for (var i = 0; rows.Count < count; i++)
            {
                var r = real[i % real.Count];
                rows.Add(i < real.Count ? r : r with { Text = r.Text + " " + (i / real.Count).ToString(System.Globalization.CultureInfo.InvariantCulture), Doc = r.Doc + "#" + (i / real.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }

            return rows;
        }

        return Synthetic(count);
    }

    /// <summary>Deterministic synthetic sentences with the surface cues of each label.</summary>
    internal static List<LabelledSentence> Synthetic(int count)
    {
        var random = new Random(42);
        string[] nouns = ["government", "militias", "withdrawal", "economy", "council", "voters", "budget", "troops", "ministry", "reform", "prices", "schools", "court", "election", "hospital"];
        string[] names = ["Reuters", "the UN", "Senator Whitcombe", "the ministry", "Baghdad", "the central bank", "Dr. Okafor", "the Pentagon"];
        string[] verbs = ["risks", "will weaken", "must protect", "should reform", "undermines", "could destabilise", "is failing", "ignores"];
        string[] feelings = ["I love this piece", "What a brilliant article", "Thank you for writing this", "I am so tired of this nonsense", "Great read", "This made me angry"];
        var rows = new List<LabelledSentence>(count);
        for (var i = 0; i < count; i++)
        {
            string N() => nouns[random.Next(nouns.Length)];
            var kind = i % 4;
            var text = kind switch
            {
                0 => $"The {N()} {verbs[random.Next(verbs.Length)]} the {N()} and the {N()}.",
                1 => $"In {2000 + random.Next(26)}, {names[random.Next(names.Length)]} reported that {random.Next(2, 5000)} {N()} were affected, up {random.Next(1, 90)} percent.",
                2 => $"{feelings[random.Next(feelings.Length)]}, the {N()} part especially{(random.Next(2) == 0 ? "!" : ".")}",
                _ => $"{char.ToUpperInvariant(N()[0])}{N()[1..]} and the {N()}",
            };
            rows.Add(new LabelledSentence(text, SentenceLabels.All[kind]) { Doc = "doc" + (i / 20).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        return rows;
    }
}
