using ArgMiner.Classification;
using ArgMiner.Text;
using ArgMiner.Training.Classification;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Classification;

public sealed class BootstrapIntervalTests
{
    /// <summary>Rows in <paramref name="documents"/> documents, gold and predicted labels drawn from <paramref name="seed"/> (predictions right about two times in three).</summary>
    private static (List<LabelledSentence> Rows, List<SentencePrediction> First, List<SentencePrediction> Second) Sample(int seed, int documents = 12, int perDocument = 6)
    {
        var random = new Random(seed);
        var rows = new List<LabelledSentence>();
        var first = new List<SentencePrediction>();
        var second = new List<SentencePrediction>();
        for (var d = 0; d < documents; d++)
        {
            for (var i = 0; i < perDocument; i++)
            {
                var gold = random.Next(4);
                rows.Add(new LabelledSentence($"sentence {d}.{i}", SentenceLabels.All[gold]) { Doc = $"doc{d}", Source = "test" });
                first.Add(Prediction(random.Next(3) == 0 ? random.Next(4) : gold));
                second.Add(Prediction(random.Next(3) == 0 ? random.Next(4) : gold));
            }
        }

        return (rows, first, second);
    }

    private static SentencePrediction Prediction(int label)
    {
        var p = new double[4];
        Array.Fill(p, 0.1);
        p[label] = 0.7;
        return new SentencePrediction(SentenceLabels.All[label], 0.7, [.. p]);
    }

    [Fact]
    public void GivenTwoModels_WhenTheirDifferenceIsResampled_ThenTheFullSampleFigureIsMlNetsMacroF1Difference() =>
        Prop.ForAll<int>(seed =>
        {
            var (rows, first, second) = Sample(seed);
            var (difference, low, high) = BootstrapInterval.Difference(rows, first, second, resamples: 200);
            var expected = MulticlassMetrics.Evaluate(rows, second).MacroF1 - MulticlassMetrics.Evaluate(rows, first).MacroF1;
            return Math.Abs(difference - expected) < 1e-12 && low <= high;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void GivenAModelAgainstItself_WhenTheDifferenceIsResampled_ThenItIsZeroOnEveryResample()
    {
        var (rows, first, _) = Sample(3);
        Assert.Equal((0.0, 0.0, 0.0), BootstrapInterval.Difference(rows, first, first, resamples: 300));
    }

    [Fact]
    public void GivenPerfectPredictions_WhenResampled_ThenEveryIntervalIsOne()
    {
        var (rows, _, _) = Sample(5);
        var perfect = rows.Select(r => Prediction(Array.IndexOf(SentenceLabels.All.ToArray(), r.Label))).ToList();
        var interval = BootstrapInterval.Compute(rows, perfect, resamples: 300);
        Assert.Equal((1.0, 1.0), (interval.MacroF1Low, interval.MacroF1High));
        Assert.All(interval.PerClass, c => Assert.Equal((1.0, 1.0), (c.Low, c.High)));
    }

    [Fact]
    public void GivenOneDocument_WhenResampled_ThenItsSentencesAreDrawnTogetherAndTheIntervalIsTheFigureItself()
    {
        var (rows, first, _) = Sample(7, documents: 1, perDocument: 40);
        var interval = BootstrapInterval.Compute(rows, first, resamples: 300);
        var macro = MulticlassMetrics.Evaluate(rows, first).MacroF1;
        Assert.Equal(1, interval.Documents);
        Assert.Equal(macro, interval.MacroF1Low, 12);
        Assert.Equal(macro, interval.MacroF1High, 12);

        // The same sentences without documents are resampled one by one, so the interval opens up.
        var loose = rows.Select(r => r with { Doc = null }).ToList();
        var wide = BootstrapInterval.Compute(loose, first, resamples: 300);
        Assert.Equal(40, wide.Documents);
        Assert.True(wide.MacroF1Low < macro && macro < wide.MacroF1High);
    }

    [Fact]
    public void GivenTheSameSeed_WhenResampledTwice_ThenTheIntervalsAreIdenticalAndAnotherSeedDrawsOthers()
    {
        var (rows, first, _) = Sample(11);
        var a = BootstrapInterval.Compute(rows, first, resamples: 500, seed: 4);
        var b = BootstrapInterval.Compute(rows, first, resamples: 500, seed: 4);
        var c = BootstrapInterval.Compute(rows, first, resamples: 500, seed: 5);
        Assert.Equal((a.MacroF1Low, a.MacroF1High), (b.MacroF1Low, b.MacroF1High));
        Assert.Equal(a.PerClass.ToArray(), b.PerClass.ToArray());
        Assert.NotEqual((a.MacroF1Low, a.MacroF1High), (c.MacroF1Low, c.MacroF1High));
        Assert.Equal(12, a.Documents);
    }

    [Fact]
    public void GivenTooFewResamplesOrNoRows_WhenComputed_ThenAnArgumentErrorSaysWhy()
    {
        var (rows, first, _) = Sample(13);
        Assert.Contains("2 resamples", Assert.Throws<ArgumentException>(() => BootstrapInterval.Compute(rows, first, resamples: 1)).Message, StringComparison.Ordinal);
        Assert.Contains("no rows", Assert.Throws<ArgumentException>(() => BootstrapInterval.Compute([], [], resamples: 10)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BootstrapInterval.Compute(rows, first, resamples: 10, level: 1));
    }
}
