using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Encoders.Classification;
using ArgMiner.Models;
using ArgMiner.Tests.Classification;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Encoders;

/// <summary>The accurate tier's temperature (<c>argminer calibrate</c>): how it scales, what it leaves alone, how it is kept.</summary>
public sealed class AccurateCalibrationTests
{
    private static AccurateClassifier Train(double gate) =>
        new AccurateClassifierTrainer(new SentenceClassifierTrainer(TinyData.Options()), new FakeEmbedder(), new AccurateTrainerOptions { Folds = 2, Gate = gate })
            .Fit(TinyData.Rows(), fast => fast).Model;

    [Fact]
    public void GivenATemperature_WhenClassifying_ThenConsultedSentencesAreScaledAndEveryLabelIsKept()
    {
        var model = Train(gate: 1);
        Assert.Equal(1, model.Temperature);
        var rows = TinyData.Rows();
        var before = model.PredictRows(rows);
        var hot = model.WithTemperature(2);
        var after = hot.PredictRows(rows);
        Assert.Equal(before.Select(p => p.Label), after.Select(p => p.Label));
        for (var i = 0; i < before.Length; i++)
        {
            var expected = ArgMiner.Training.Classification.Calibration.Scale([.. before[i].Probabilities], 2);
            Assert.Equal(expected, after[i].Probabilities, (a, b) => Math.Abs(a - b) < 1e-12);
        }

        // A higher temperature makes every consulted sentence less sure, never more.
        Assert.All(before.Zip(after), pair => Assert.True(pair.Second.Confidence <= pair.First.Confidence + 1e-12));
        Assert.Contains(before.Zip(after), pair => pair.Second.Confidence < pair.First.Confidence - 0.01);
        Assert.Equal(model.PredictAll(AccurateClassifierTests.Probe).Select(p => p.Label), hot.PredictAll(AccurateClassifierTests.Probe).Select(p => p.Label));
    }

    [Fact]
    public void GivenAGate_WhenClassifyingWithATemperature_ThenSentencesTheFastModelIsSureOfKeepItsProbabilities()
    {
        var rows = TinyData.Rows();
        var trained = Train(gate: 1);
        var fast = trained.Fast.PredictRows(rows);

        // The gate at the fast model's median confidence, so about half the sentences are consulted.
        var model = trained.WithGate(fast.Select(p => p.Confidence).Order().ElementAt(fast.Count / 2));
        Assert.Contains(fast, model.Consults);
        Assert.Contains(fast, p => !model.Consults(p));
        var after = model.WithTemperature(3).PredictRows(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            if (!model.Consults(fast[i]))
            {
                Assert.Equal(fast[i].Probabilities.ToArray(), after[i].Probabilities.ToArray());
            }
        }
    }

    [Fact]
    public void GivenACalibratedTier_WhenSavedAndLoaded_ThenItsTemperatureAndPredictionsAreKept()
    {
        using var dir = new TempDirectory();
        var model = Train(gate: 1).WithTemperature(1.37);
        var path = dir.File("calibrated.model");
        model.Save(path);
        var loaded = AccurateClassifier.Load(path, new FakeEmbedder());
        Assert.Equal(1.37, loaded.Temperature);
        Assert.Equal(model.PredictAll(AccurateClassifierTests.Probe).Select(p => p.Probabilities.ToArray()), loaded.PredictAll(AccurateClassifierTests.Probe).Select(p => p.Probabilities.ToArray()));

        // Tuned encoders only is not what the temperature was fitted on (no tuned encoders here: the setting is refused).
        Assert.Throws<ArgumentOutOfRangeException>(() => model.WithTemperature(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.WithTemperature(double.NaN));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.5")]
    [InlineData("\"warm\"")]
    public void GivenACardWithABadTemperature_WhenLoaded_ThenOneClearErrorNamingTheFile(string value)
    {
        using var dir = new TempDirectory();
        var package = Train(gate: 1).ToPackage();
        package.Card[AccurateClassifier.TemperatureKey] = JsonNode.Parse(value);
        var path = dir.File("bad.model");
        package.Save(path);
        var ex = Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, new FakeEmbedder()));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("temperature", ex.Message, StringComparison.Ordinal);
    }
}
