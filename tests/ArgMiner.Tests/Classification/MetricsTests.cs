using ArgMiner.Classification;

namespace ArgMiner.Tests.Classification;

public sealed class MetricsTests
{
    [Fact]
    public void GivenAHandComputedConfusionMatrix_WhenMetricsAreComputed_ThenTheyMatchTheHandFigures()
    {
        // gold\pred   a  b  c
        //   a         3  1  0
        //   b         0  2  2
        //   c         1  0  1
        var outcomes = new List<(int, int, double)>();
        void Add(int g, int p, int n)
        {
            for (var i = 0; i < n; i++)
            {
                outcomes.Add((g, p, 0.5));
            }
        }

        Add(0, 0, 3);
        Add(0, 1, 1);
        Add(1, 1, 2);
        Add(1, 2, 2);
        Add(2, 0, 1);
        Add(2, 2, 1);
        var m = MulticlassMetrics.Compute(["a", "b", "c"], outcomes);

        Assert.Equal(10, m.Count);
        Assert.Equal(6.0 / 10, m.MicroAccuracy, 12);
        // recalls 3/4, 2/4, 1/2; precisions 3/4, 2/3, 1/3
        Assert.Equal((0.75 + 0.5 + 0.5) / 3, m.MacroAccuracy, 12);
        double F(double p, double r) => 2 * p * r / (p + r);
        Assert.Equal(F(0.75, 0.75), m.PerClass[0].F1, 12);
        Assert.Equal(2.0 / 3, m.PerClass[1].Precision, 12);
        Assert.Equal(1.0 / 3, m.PerClass[2].Precision, 12);
        Assert.Equal((F(0.75, 0.75) + F(2.0 / 3, 0.5) + F(1.0 / 3, 0.5)) / 3, m.MacroF1, 12);
        Assert.Equal(-Math.Log(0.5), m.LogLoss, 12);
        var prior = -((0.4 * Math.Log(0.4)) + (0.4 * Math.Log(0.4)) + (0.2 * Math.Log(0.2)));
        Assert.Equal((prior - m.LogLoss) / prior, m.LogLossReduction, 12);
        Assert.Equal(2, m.Confusion[1, 2]);
    }

    [Fact]
    public void GivenAMappedForeignLabel_WhenThePredictionIsInItsSet_ThenItCountsAsCorrect()
    {
        var map = LabelMap.Parse(["SUBJ=claim|opinion", "OBJ=evidence|other"]);
        map.TryResolve("SUBJ", out _, out var subj);
        map.TryResolve("OBJ", out _, out var obj);
        var rows = new[] { new LabelledSentence("x", "SUBJ", subj), new LabelledSentence("y", "OBJ", obj), new LabelledSentence("z", "OBJ", obj) };
        var preds = new[]
        {
            new SentencePrediction("opinion", 0.7, [0.2, 0.05, 0.7, 0.05]),
            new SentencePrediction("other", 0.6, [0.3, 0.05, 0.05, 0.6]),
            new SentencePrediction("claim", 0.6, [0.6, 0.2, 0.1, 0.1]),
        };
        var m = MulticlassMetrics.Evaluate(rows, preds);
        Assert.Equal(new[] { "OBJ", "SUBJ" }, m.Classes.ToArray());
        Assert.Equal(2.0 / 3, m.MicroAccuracy, 12);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.65) + Math.Log(0.3)) / 3, m.LogLoss, 12);
    }

    [Fact]
    public void GivenMappedLabelsThatPartitionOurs_WhenTheTopLabelIsOutweighedByTheOtherSet_ThenTheSetWithMoreProbabilityIsPredicted()
    {
        var map = LabelMap.Parse(["SUBJ=claim|opinion", "OBJ=evidence|other"]);
        map.TryResolve("SUBJ", out _, out var subj);
        map.TryResolve("OBJ", out _, out var obj);
        var rows = new[] { new LabelledSentence("x", "OBJ", obj), new LabelledSentence("y", "SUBJ", subj) };

        // claim is the single most probable label, but evidence + other hold 0.6 together.
        var preds = new[]
        {
            new SentencePrediction("claim", 0.4, [0.4, 0.3, 0.0, 0.3]),
            new SentencePrediction("evidence", 0.45, [0.3, 0.45, 0.25, 0.0]),
        };
        var m = MulticlassMetrics.Evaluate(rows, preds);
        Assert.Equal(1.0, m.MicroAccuracy, 12);
        Assert.Equal(0, m.Confusion[0, 1]);
    }

    [Fact]
    public void GivenARestrictionToTwoLabels_WhenEvaluated_ThenTheArgmaxIsTakenAmongThem()
    {
        var rows = new[] { new LabelledSentence("x", "claim"), new LabelledSentence("y", "evidence") };
        var preds = new[]
        {
            new SentencePrediction("opinion", 0.5, [0.3, 0.1, 0.5, 0.1]),
            new SentencePrediction("other", 0.5, [0.2, 0.3, 0.0, 0.5]),
        };
        Assert.Equal(0.0, MulticlassMetrics.Evaluate(rows, preds).MicroAccuracy);
        Assert.Equal(1.0, MulticlassMetrics.Evaluate(rows, preds, ["claim", "evidence"]).MicroAccuracy);
    }

    [Fact]
    public void GivenDocuments_WhenFoldsAreAssigned_ThenADocumentNeverSpansTwoFolds()
    {
        var rows = Enumerable.Range(0, 300).Select(i => new LabelledSentence($"s{i}", "claim") { Doc = "d" + (i % 37) }).ToList();
        foreach (var group in rows.GroupBy(r => r.Doc))
        {
            Assert.Single(group.Select(r => CrossValidation.FoldOf(r, 5, 1)).Distinct());
        }

        Assert.True(rows.Select(r => CrossValidation.FoldOf(r, 5, 1)).Distinct().Count() > 1);
    }

    [Fact]
    public void GivenFnv1a_WhenHashingAnAsciiLetter_ThenItMatchesThePublishedValue() =>
        Assert.Equal(0xE40C292Cu, FeatureHash.Add(FeatureHash.Offset, 'a'));
}
