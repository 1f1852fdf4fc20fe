using ArgMiner.Classification;

namespace ArgMiner.Tests.Classification;

public sealed class MetricsTests
{
    [Fact]
    public void GivenAHandComputedConfusionMatrix_WhenMetricsAreComputed_ThenTheyMatchTheHandFigures()
    {
        // gold\pred   claim evidence opinion
        //   claim       3      1       0
        //   evidence    0      2       2
        //   opinion     1      0       1
        // A right prediction gives the gold label 0.5; a wrong one gives the predicted label 0.5 and gold 0.45.
        var rows = new List<LabelledSentence>();
        var preds = new List<SentencePrediction>();
        void Add(int g, int p, int n)
        {
            for (var i = 0; i < n; i++)
            {
                var probs = new double[4];
                if (g == p)
                {
                    probs[g] = 0.5;
                    probs[(g + 1) % 3] = 0.25;
                    probs[(g + 2) % 3] = 0.25;
                }
                else
                {
                    probs[p] = 0.5;
                    probs[g] = 0.45;
                    probs[3 - g - p] = 0.05;
                }

                rows.Add(new LabelledSentence("s", SentenceLabels.All[g]));
                preds.Add(new SentencePrediction(SentenceLabels.All[p], 0.5, [.. probs]));
            }
        }

        Add(0, 0, 3);
        Add(0, 1, 1);
        Add(1, 1, 2);
        Add(1, 2, 2);
        Add(2, 0, 1);
        Add(2, 2, 1);
        var m = MulticlassMetrics.Evaluate(rows, preds, ["claim", "evidence", "opinion"]);

        Assert.Equal(["claim", "evidence", "opinion"], m.Classes.ToArray());
        Assert.Equal(10, m.Count);
        Assert.Equal(6.0 / 10, m.MicroAccuracy, 6);
        // recalls 3/4, 2/4, 1/2; precisions 3/4, 2/3, 1/3
        Assert.Equal((0.75 + 0.5 + 0.5) / 3, m.MacroAccuracy, 6);
        double F(double p, double r) => 2 * p * r / (p + r);
        Assert.Equal(F(0.75, 0.75), m.PerClass[0].F1, 6);
        Assert.Equal(2.0 / 3, m.PerClass[1].Precision, 6);
        Assert.Equal(1.0 / 3, m.PerClass[2].Precision, 6);
        Assert.Equal((F(0.75, 0.75) + F(2.0 / 3, 0.5) + F(1.0 / 3, 0.5)) / 3, m.MacroF1, 6);
        var logLoss = -((6 * Math.Log(0.5)) + (4 * Math.Log(0.45))) / 10;
        Assert.Equal(logLoss, m.LogLoss, 5);
        var prior = -((0.4 * Math.Log(0.4)) + (0.4 * Math.Log(0.4)) + (0.2 * Math.Log(0.2)));
        Assert.Equal((prior - logLoss) / prior, m.LogLossReduction, 5);
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
        Assert.Equal(2.0 / 3, m.MicroAccuracy, 6);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.65) + Math.Log(0.3)) / 3, m.LogLoss, 5);
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
        Assert.Equal(1.0, m.MicroAccuracy, 6);
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
    public void GivenDocumentsWhoseOnlyCueIsTheirOwnWord_WhenCrossValidated_ThenNoDocumentLeaksAcrossFolds()
    {
        // Each document's sentences share one made-up word and the document's label, and nothing else tells the
        // labels apart. Were a document split across folds, its word would give its label away out of fold.
        var random = new Random(3);
        var rows = new List<LabelledSentence>();
        for (var d = 0; d < 60; d++)
        {
            var label = SentenceLabels.All[random.Next(4)];
            var word = "zq" + new string([.. Enumerable.Range(0, 6).Select(_ => (char)('a' + random.Next(26)))]);
            for (var s = 0; s < 6; s++)
            {
                rows.Add(new LabelledSentence($"{word} the same plain words here {s}", label) { Doc = "d" + d, Origin = $"t:{rows.Count}" });
            }
        }

        var oof = CrossValidation.OutOfFold(new SentenceClassifierTrainer(TinyData.Options() with { Vectors = null }), rows, 5);
        var right = rows.Where((r, i) => oof[i].Label == r.Label).Count();
        Assert.True(right < rows.Count * 0.5, $"{right} of {rows.Count} right out of fold: documents leak");

        // Keyed by sentence instead (no document), the same data does leak: the test can tell the difference.
        var undocumented = rows.Select(r => r with { Doc = null }).ToList();
        var leaked = CrossValidation.OutOfFold(new SentenceClassifierTrainer(TinyData.Options()), undocumented, 5);
        Assert.True(undocumented.Where((r, i) => leaked[i].Label == r.Label).Count() > rows.Count * 0.7);
    }

    [Fact]
    public void GivenTwoDocuments_WhenCrossValidated_ThenEveryRowIsScoredOrOneClearArgumentErrorIsRaised()
    {
        // ML.NET hashes each document into a fold, so two documents often share one and leave a fold with nothing
        // to train on; that must be a refusal naming the cause, not SDCA's exception from inside a fold.
        var refused = 0;
        for (var pair = 0; pair < 12; pair++)
        {
            var rows = new List<LabelledSentence>();
            foreach (var (doc, label) in new[] { ($"a{pair}", "claim"), ($"b{pair}", "evidence") })
            {
                for (var s = 0; s < 4; s++)
                {
                    rows.Add(new LabelledSentence($"plain words of {doc} number {s}", label) { Doc = doc, Origin = $"t:{rows.Count}" });
                }
            }

            try
            {
                Assert.Equal(rows.Count, CrossValidation.OutOfFold(new SentenceClassifierTrainer(TinyData.Options() with { Vectors = null }), rows, 2).Length);
            }
            catch (ArgumentException ex)
            {
                Assert.Contains("do not spread over 2 folds", ex.Message, StringComparison.Ordinal);
                refused++;
            }
        }

        Assert.InRange(refused, 1, 11);
    }

    [Fact]
    public void GivenFnv1a_WhenHashingAnAsciiLetter_ThenItMatchesThePublishedValue() =>
        Assert.Equal(0xE40C292Cu, FeatureHash.Add(FeatureHash.Offset, 'a'));
}
