using ArgMiner.Classification;
using ArgMiner.Encoders.Classification;
using ArgMiner.Models;
using ArgMiner.Tests.Classification;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Encoders;

public sealed class AccurateClassifierTests
{
    private static readonly string[] Probe =
    [
        "The mayor should resign.",
        "The report, published in 2020, counted 312 cases.",
        "What a wonderful piece, thanks!",
        "Related coverage",
        "Honestly the plan will fail.",
    ];

    private static AccurateClassifier Train(FakeEmbedder embedder, double gate = 1)
    {
        var trainer = new AccurateClassifierTrainer(new SentenceClassifierTrainer(TinyData.Options()), embedder, new AccurateTrainerOptions { Folds = 2, Gate = gate });
        return trainer.Fit(TinyData.Rows(), fast => fast).Model;
    }

    [Fact]
    public void GivenATrainedAccurateModel_WhenSavedAndLoaded_ThenItPredictsExactlyTheSame()
    {
        using var dir = new TempDirectory();
        var model = Train(new FakeEmbedder());
        var path = dir.File("accurate.model");
        model.Save(path);
        Assert.True(AccurateClassifier.IsAccurateModel(path));
        var loaded = AccurateClassifier.Load(path, new FakeEmbedder());
        Assert.Equal(model.PredictAll(Probe), loaded.PredictAll(Probe), new PredictionComparer());
        Assert.Equal(model.Fast.PredictAll(Probe), loaded.Fast.PredictAll(Probe), new PredictionComparer());
        Assert.Equal(model.Gate, loaded.Gate);
    }

    [Fact]
    public void GivenTheSameDataTwice_WhenTrained_ThenTheModelFilesAreByteIdentical()
    {
        using var dir = new TempDirectory();
        Train(new FakeEmbedder()).Save(dir.File("a.model"));
        Train(new FakeEmbedder()).Save(dir.File("b.model"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.model")), File.ReadAllBytes(dir.File("b.model")));
    }

    [Fact]
    public void GivenAGate_WhenClassifying_ThenOnlySentencesTheFastModelIsUnsureOfAreEmbeddedAndChanged()
    {
        var embedder = new FakeEmbedder();
        var model = Train(embedder).WithGate(0.6);
        var fast = model.Fast.PredictAll(Probe);
        var before = embedder.Embedded;
        var accurate = model.PredictAll(Probe);
        var unsure = fast.Count(p => p.Confidence < 0.6);
        Assert.Equal(unsure, embedder.Embedded - before);
        for (var i = 0; i < Probe.Length; i++)
        {
            if (fast[i].Confidence >= 0.6)
            {
                Assert.Equal(fast[i], accurate[i], new PredictionComparer());
            }
            else
            {
                Assert.Equal(1.0, accurate[i].Probabilities.Sum(), 6);
            }
        }
    }

    [Fact]
    public void GivenAModelTrainedOnAnotherEncoder_WhenLoaded_ThenOneClearErrorNamingBothEncoders()
    {
        using var dir = new TempDirectory();
        var path = dir.File("accurate.model");
        Train(new FakeEmbedder()).Save(path);
        var ex = Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, new FakeEmbedder(8)));
        Assert.Contains("fake-test-encoder", ex.Message, StringComparison.Ordinal);
    }

    private sealed class PredictionComparer : IEqualityComparer<SentencePrediction>
    {
        public bool Equals(SentencePrediction? x, SentencePrediction? y) =>
            x is not null && y is not null && x.Label == y.Label && x.Confidence == y.Confidence && x.Probabilities.SequenceEqual(y.Probabilities);

        public int GetHashCode(SentencePrediction obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }
}
