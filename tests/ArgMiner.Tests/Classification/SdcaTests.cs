using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ArgMiner.Classification;

namespace ArgMiner.Tests.Classification;

/// <summary>The SDCA optimiser: deterministic for a seed, the same optimum as L-BFGS, weights and label sets honoured, L1 refused.</summary>
public sealed class SdcaTests : IDisposable
{
    private static readonly string[] Probes =
    [
        "The mayor must resign before the vote.",
        "In 2022, 3,100 residents signed the petition, the clerk said.",
        "What a wonderful column, thank you!",
        "Share this story",
        "The plan will cost the district more than it saves.",
        "I am furious about this.",
        "Officials counted 75 flooded homes on Friday.",
        "Letters to the editor",
    ];

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("argminer-sdca-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static SentenceClassifierTrainerOptions Sdca(double l2 = 1e-3) => TinyData.Options(l2) with { Optimizer = SentenceOptimizer.Sdca, SdcaTolerance = 1e-6, MaxIterations = 500 };

    [Fact]
    public void GivenTheSameDataAndSeed_WhenSdcaTrainsTwice_ThenTheFilesAreByteIdentical_AndAnotherSeedShufflesDifferently()
    {
        var rows = TinyData.Rows();
        byte[] Bytes(SentenceClassifierTrainerOptions options, string name)
        {
            var path = Path.Combine(_dir.FullName, name);
            new SentenceClassifierTrainer(options).Fit(rows).Save(path);
            return File.ReadAllBytes(path);
        }

        var options = Sdca() with { SdcaTolerance = 1e-3 };
        var first = Bytes(options, "a.model");
        Assert.Equal(first, Bytes(options, "b.model"));
        Assert.NotEqual(first, Bytes(options with { Seed = 2 }, "c.model"));
    }

    [Fact]
    public void GivenSyntheticData_WhenSdcaAndLbfgsTrain_ThenTheyReachTheSameObjectiveAndAgreeOnHeldOutSentences()
    {
        var all = ArgMiner.Benchmarks.SyntheticSentences.Generate(480, seed: 3, perDocument: 10);
        var train = all.Where(r => int.Parse(r.Doc![3..], CultureInfo.InvariantCulture) % 4 != 0).ToList();
        var test = all.Where(r => int.Parse(r.Doc![3..], CultureInfo.InvariantCulture) % 4 == 0).Select(r => r.Text).Concat(Probes).ToList();
        var lbfgs = new SentenceClassifierTrainer(TinyData.Options(1e-3) with { GradientTolerance = 1e-7 }).Fit(train);
        var sdca = new SentenceClassifierTrainer(Sdca()).Fit(train);

        var lbfgsObjective = (double)lbfgs.Card["optimiser"]!["objective"]!;
        var sdcaObjective = (double)sdca.Card["optimiser"]!["objective"]!;
        Assert.True(Math.Abs(sdcaObjective - lbfgsObjective) <= 1e-3 * lbfgsObjective, $"SDCA {sdcaObjective} vs L-BFGS {lbfgsObjective}");

        var agree = 0;
        double largest = 0;
        foreach (var text in test)
        {
            var a = lbfgs.Predict(text);
            var b = sdca.Predict(text);
            agree += a.Label == b.Label ? 1 : 0;
            Assert.Equal(1.0, b.Probabilities.Sum(), 9);
            largest = Math.Max(largest, a.Probabilities.Zip(b.Probabilities, (x, y) => Math.Abs(x - y)).Max());
        }

        Assert.True(agree >= 0.95 * test.Count, $"{agree} of {test.Count} agree");
        Assert.True(largest < 0.05, $"largest probability difference {largest}");
        Assert.Equal("Sdca", (string?)sdca.Card["trainer"]!["optimizer"]);
        Assert.Equal("duality-gap", (string?)sdca.Card["optimiser"]!["stop"]);
    }

    [Fact]
    public void GivenTinyData_WhenSdcaTrains_ThenItFitsItsSentencesWithProbabilitiesSummingToOne()
    {
        var rows = TinyData.Rows();
        var model = new SentenceClassifierTrainer(Sdca()).Fit(rows);
        var fitted = 0;
        foreach (var row in rows)
        {
            var p = model.Predict(row.Text);
            Assert.Equal(1.0, p.Probabilities.Sum(), 9);
            Assert.All(p.Probabilities, x => Assert.InRange(x, 0.0, 1.0));
            fitted += p.Label == row.Label ? 1 : 0;
        }

        Assert.True(fitted >= rows.Count - 1, $"{fitted} of {rows.Count}");
        Assert.Equal("SDCA (built-in, after ML.NET SdcaMaximumEntropy)", (string?)model.Card["optimiser"]!["method"]);
    }

    [Fact]
    public void GivenAHeavilyWeightedRow_WhenSdcaTrains_ThenThatRowPullsTheModelTowardsItsLabel()
    {
        const string probe = "Honestly the council report was fine.";
        var rows = TinyData.Rows();
        var light = rows.Append(new LabelledSentence(probe, "opinion") { Doc = "extra" }).ToList();
        var heavy = rows.Append(new LabelledSentence(probe, "opinion") { Doc = "extra", Weight = 20 }).ToList();
        var before = new SentenceClassifierTrainer(Sdca()).Fit(light).Predict(probe).Probabilities[2];
        var after = new SentenceClassifierTrainer(Sdca()).Fit(heavy).Predict(probe).Probabilities[2];
        Assert.True(after > before, $"{after} <= {before}");

        var plain = new SentenceClassifierTrainer(Sdca()).Fit(rows).Predict(probe).Probabilities[2];
        var classWeighted = new SentenceClassifierTrainer(Sdca() with { ClassWeights = new Dictionary<string, double> { ["opinion"] = 5 } }).Fit(rows).Predict(probe).Probabilities[2];
        Assert.True(classWeighted > plain, $"{classWeighted} <= {plain}");
    }

    [Fact]
    public void GivenRowsWithALabelSet_WhenSdcaTrains_ThenTheSetGainsProbabilityAsWithLbfgs()
    {
        string[] subjective = ["Frankly the council is hopeless.", "Frankly this budget is a disgrace.", "Frankly nobody believes the ministry."];
        var rows = TinyData.Rows();
        rows.AddRange(subjective.Select((t, i) => new LabelledSentence(t, "SUBJ", ImmutableArray.Create("claim", "opinion")) { Doc = "subj" + i }));
        const string probe = "Frankly the ministry is hopeless.";
        var lbfgs = new SentenceClassifierTrainer(TinyData.Options() with { GradientTolerance = 1e-7 }).Fit(rows);
        var sdca = new SentenceClassifierTrainer(Sdca()).Fit(rows);
        var without = new SentenceClassifierTrainer(Sdca()).Fit(TinyData.Rows());

        static double SetProbability(SentenceClassifier m, string text) => m.Predict(text).Probabilities[0] + m.Predict(text).Probabilities[2];
        Assert.True(SetProbability(sdca, probe) > SetProbability(without, probe), $"{SetProbability(sdca, probe)} <= {SetProbability(without, probe)}");
        foreach (var text in subjective.Append(probe))
        {
            Assert.Equal(SetProbability(lbfgs, text), SetProbability(sdca, text), 2);
        }

        var lbfgsObjective = (double)lbfgs.Card["optimiser"]!["objective"]!;
        var sdcaObjective = (double)sdca.Card["optimiser"]!["objective"]!;
        Assert.True(Math.Abs(sdcaObjective - lbfgsObjective) <= 1e-3 * lbfgsObjective, $"SDCA {sdcaObjective} vs L-BFGS {lbfgsObjective}");
    }

    [Fact]
    public void GivenSdcaWithL1OrWithoutL2_WhenFitted_ThenItRefusesWithAClearMessage()
    {
        var l1 = Assert.Throws<ArgumentOutOfRangeException>(() => new SentenceClassifierTrainer(Sdca() with { L1 = 1e-3 }).Fit(TinyData.Rows()));
        Assert.Contains("--l1 cannot be used with --optimizer sdca", l1.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentenceClassifierTrainer(Sdca(l2: 0)).Fit(TinyData.Rows()));
    }

    private static (int Code, string Out, string Err) Run(params string[] args) => Support.Cli.Run(args);

    private string TinyCsv()
    {
        var path = Path.Combine(_dir.FullName, "tiny.csv");
        var sb = new StringBuilder("text,label,doc\n");
        foreach (var r in TinyData.Rows())
        {
            sb.Append('"').Append(r.Text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\",").Append(r.Label).Append(',').Append(r.Doc).Append('\n');
        }

        File.WriteAllText(path, sb.ToString());
        return path;
    }

    [Fact]
    public void GivenOptimizerSdca_WhenTrainRuns_ThenTheModelCardRecordsSdca()
    {
        var model = Path.Combine(_dir.FullName, "sdca.model");
        var (code, output, err) = Run("train", "--data", TinyCsv(), "--out", model, "--folds", "2", "--hash-bits", "14", "--optimizer", "sdca");
        Assert.True(code == 0, err);
        Assert.Contains("macro-F1", output, StringComparison.Ordinal);
        var loaded = SentenceClassifier.Load(model);
        Assert.Equal("Sdca", (string?)loaded.Card["trainer"]!["optimizer"]);
    }

    [Theory]
    [InlineData("--optimizer", "newton")]
    [InlineData("--optimizer", "sdca", "--l1", "0.001")]
    [InlineData("--optimizer", "sdca", "--l2", "0")]
    public void GivenAnInvalidOptimizerSetting_WhenTrainRuns_ThenItIsAOneLineUsageError(params string[] extra)
    {
        var model = Path.Combine(_dir.FullName, "bad.model");
        var (code, _, err) = Run(["train", "--data", TinyCsv(), "--out", model, "--folds", "0", .. extra]);
        Assert.Equal(2, code);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(model));
    }
}
