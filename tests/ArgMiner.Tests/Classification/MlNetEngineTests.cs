using ArgMiner.Pipeline;
using ArgMiner.Classification;
using ArgMiner.Models;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Classification;

/// <summary>
/// The compiled engine (ArgMiner scoring the copied weights) and the ML.NET engine (ML.NET's prediction engine
/// on the saved ML.NET model) must give the same labels on at least 99.9 % of sentences, with probabilities
/// within 0.001.
/// </summary>
public sealed class MlNetEngineTests
{
    private static IReadOnlyList<string> CorpusSentences(int most) =>
        [.. LabelledData.Read([Path.Combine(Repository.Root, "corpus", "labelled")], new LabelledDataOptions()).Select(r => r.Text).Take(most)];

    private static void AssertEnginesAgree(SentenceClassifier model, IReadOnlyList<string> sentences)
    {
        using var mlnet = new MlNetSentenceScorer(model, "test model");
        var sameLabel = 0;
        double worst = 0;
        foreach (var s in sentences)
        {
            var compiled = model.Predict(s);
            var viaMlNet = mlnet.Predict(s);
            sameLabel += compiled.Label == viaMlNet.Label ? 1 : 0;
            for (var k = 0; k < 4; k++)
            {
                worst = Math.Max(worst, Math.Abs(compiled.Probabilities[k] - viaMlNet.Probabilities[k]));
            }
        }

        Assert.True(sameLabel >= sentences.Count * 0.999, $"{sameLabel} of {sentences.Count} labels agree");
        Assert.True(worst <= 0.001, $"probabilities differ by up to {worst}");
    }

    [Fact]
    public void GivenAModelTrainedWithVectors_WhenBothEnginesScoreCorpusSentences_ThenTheyAgree()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options() with { Vectors = TinyVectors.Create() }).Fit(TinyData.Rows());
        AssertEnginesAgree(model, CorpusSentences(1000));
    }

    [Fact]
    public void GivenASavedAndLoadedLbfgsModel_WhenBothEnginesScore_ThenTheyAgree()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "lbfgs.model");
        new SentenceClassifierTrainer(TinyData.Options() with { Trainer = SentenceTrainer.Lbfgs }).Fit(TinyData.Rows()).Save(path);
        AssertEnginesAgree(SentenceClassifier.Load(path), CorpusSentences(500));
    }

    [Fact]
    public void GivenTheShippedModel_WhenBothEnginesScoreTheCorpus_ThenTheyAgree()
    {
        var shipped = ShippedModels.SentenceClassifier;
        Assert.NotNull(shipped.MlNetModel);
        AssertEnginesAgree(shipped, CorpusSentences(int.MaxValue));
    }

    [Fact]
    public void GivenClassifyWithEngineMlnet_WhenRun_ThenItWritesTheDefaultEnginesLabels()
    {
        using var dir = new TempDirectory();
        var input = Path.Combine(dir.Path, "in.txt");
        File.WriteAllLines(input, ["Officials said 40 people were hurt on Monday.", "I love this piece!", "Taxes must fall.", string.Empty, "Contact us"]);
        var compiled = Support.Cli.Run("classify", "--input", input);
        var mlnet = Support.Cli.Run("classify", "--input", input, "--engine", "mlnet");
        Assert.Equal(0, mlnet.Exit);
        string[] Labels(string csv) => [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[^6])];
        Assert.Equal(6, mlnet.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(Labels(compiled.Out), Labels(mlnet.Out));
    }

    [Fact]
    public void GivenAModelWrittenBeforeMlNet_WhenScoredWithEngineMlnet_ThenOneLineSaysToRetrain()
    {
        var fixture = Path.Combine(Repository.Root, "tests", "ArgMiner.Tests", "Fixtures", "sentence-classifier-v1.model");
        var (exit, _, err) = Support.Cli.Run("classify", "--model", fixture, "--engine", "mlnet", "--input", fixture);
        Assert.Equal(1, exit);
        Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("holds no ML.NET model", err, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenACorruptMlNetEntry_WhenScoredWithMlNet_ThenAModelFormatErrorNamesTheFile()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        var package = model.ToPackage();
        package.Entries[SentenceClassifier.MlNetEntry] = [1, 2, 3, 4];
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "broken.model");
        package.Save(path);
        var ex = Assert.Throws<ModelFormatException>(() => new MlNetSentenceScorer(SentenceClassifier.Load(path), path));
        Assert.Contains("broken.model", ex.Message, StringComparison.Ordinal);
    }
}
