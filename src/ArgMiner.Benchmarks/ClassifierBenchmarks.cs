using ArgMiner.Pipeline;
using System.Diagnostics;
using ArgMiner.Classification;
using ArgMiner.Training.Classification;
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

    /// <summary>
    /// Stopwatch measurement printed to the console (medians of a few runs), for the two featurizer settings:
    /// hashed n-grams and cues only, and with the shipped word vectors as the shipped model is trained; then
    /// the shipped model itself classifying the same sentences.
    /// </summary>
    public static void Quick(TextWriter output)
    {
        var data = Data(10_000);
        var sentences = data.Select(r => r.Text).ToArray();
        output.WriteLine($"data: {data.Count} sentences ({(Environment.GetEnvironmentVariable("ARGMINER_BENCH_DATA") is { Length: > 0 } d ? d : "synthetic")}), mean length {sentences.Average(s => s.Length):0} chars");
        var vectors = ShippedModels.WordVectors;
        var settings = new (string Name, SentenceClassifierTrainerOptions Options)[]
        {
            ("n-grams + cues, L-BFGS", new SentenceClassifierTrainerOptions { Trainer = SentenceTrainer.Lbfgs, L2 = 1 }),
            ("n-grams + cues, SDCA", new SentenceClassifierTrainerOptions { Trainer = SentenceTrainer.Sdca }),
            ("n-grams + cues + word vectors, L-BFGS", new SentenceClassifierTrainerOptions { Vectors = vectors, Trainer = SentenceTrainer.Lbfgs, L2 = 1 }),
            ("n-grams + cues + word vectors, SDCA", new SentenceClassifierTrainerOptions { Vectors = vectors, Trainer = SentenceTrainer.Sdca }),
        };
        foreach (var (name, options) in settings)
        {
            var trainTimes = new List<double>();
            SentenceClassifier? model = null;
            for (var i = 0; i < 3; i++)
            {
                var w = Stopwatch.StartNew();
                model = new SentenceClassifierTrainer(options).Fit(data);
                trainTimes.Add(w.Elapsed.TotalSeconds);
            }

            output.WriteLine($"{name}: train 10,000 sentences in {trainTimes.Order().ElementAt(1):0.00} s (median of 3; runs {string.Join(", ", trainTimes.Select(t => t.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}; {model!.Card["mlnet"]!["nonZeroWeights"]} non-zero weights)");
            output.WriteLine($"{name}: classify {ClassifyRate(model!, sentences):0} sentences/s on one thread (median of 5 x 100,000)");
            var builder = new FeatureVectorBuilder();
            var fw = Stopwatch.StartNew();
            for (var r = 0; r < 10; r++)
            {
                foreach (var sentence in sentences)
                {
                    model!.Featurizer.Featurize(sentence, default, builder);
                }
            }

            output.WriteLine($"{name}: featurize only {10 * sentences.Length / fw.Elapsed.TotalSeconds:0} sentences/s");
        }

        output.WriteLine($"shipped model: classify {ClassifyRate(ShippedModels.SentenceClassifier, sentences):0} sentences/s on one thread (median of 5 x 100,000)");
    }

    private static double ClassifyRate(SentenceClassifier model, string[] sentences)
    {
        var b = new ClassifierBenchmarks { _model = model, _sentences = sentences };
        b.Classify10k();
        var rates = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var w = Stopwatch.StartNew();
            const int reps = 10;
            for (var r = 0; r < reps; r++)
            {
                b.Classify10k();
            }

            rates.Add(reps * sentences.Length / w.Elapsed.TotalSeconds);
        }

        return rates.Order().ElementAt(2);
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

        return SyntheticSentences.Generate(count);
    }
}
