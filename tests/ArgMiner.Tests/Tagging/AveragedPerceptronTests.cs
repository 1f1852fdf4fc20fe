using System.Text.Json.Nodes;
using ArgMiner.Tagging;

namespace ArgMiner.Tests.Tagging;

public sealed class AveragedPerceptronTests
{
    private static byte[] Bytes(AveragedPerceptronTagger model)
    {
        using var ms = new MemoryStream();
        model.ToPackage(new JsonObject { ["data"] = "synthetic" }).Write(ms);
        return ms.ToArray();
    }

    [Fact]
    public void GivenSameDataAndSeed_WhenTrainedTwice_ThenModelBytesAreIdentical()
    {
        var data = TaggingTestData.PosSentences(200, seed: 1);
        var a = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.PosKind, seed: 5).Fit(data);
        var b = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.PosKind, seed: 5).Fit(data);

        Assert.Equal(Bytes(a), Bytes(b));
    }

    [Fact]
    public void GivenDifferentSeeds_WhenTrained_ThenWeightsDiffer()
    {
        // Guards the determinism test above: the seed must actually reach the shuffling.
        var data = TaggingTestData.NerSentences(300, seed: 2);
        var a = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.NerKind, seed: 1).Fit(data);
        var b = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.NerKind, seed: 2).Fit(data);

        Assert.NotEqual(Bytes(a), Bytes(b));
    }

    [Fact]
    public void GivenSyntheticPosData_WhenTrained_ThenUnseenSentencesAreTaggedCorrectly()
    {
        var model = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.PosKind).Fit(TaggingTestData.PosSentences(300, seed: 1));

        var accuracy = TaggerEvaluation.Accuracy(model, TaggingTestData.PosSentences(100, seed: 99));

        Assert.True(accuracy > 0.95, $"accuracy {accuracy:P1}");
    }

    [Fact]
    public void GivenAModel_WhenSavedAndLoaded_ThenPredictionsAreIdentical()
    {
        var model = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.NerKind).Fit(TaggingTestData.NerSentences(300, seed: 3));
        var path = Path.Combine(Path.GetTempPath(), $"argminer-ner-{Guid.NewGuid():N}.model");
        try
        {
            model.Save(path, new JsonObject { ["data"] = "synthetic" });
            var loaded = AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.NerKind);

            Assert.Equal(model.Classes.ToArray(), loaded.Classes.ToArray());
            Assert.Equal(model.NonZeroWeights, loaded.NonZeroWeights);
            foreach (var s in TaggingTestData.NerSentences(50, seed: 4).Concat(TaggingTestData.PosSentences(20, seed: 4)))
            {
                Assert.Equal(model.Predict(s), loaded.Predict(s));
            }

            Assert.Equal(Bytes(model), Bytes(loaded));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenOneModel_WhenUsedFromManyThreads_ThenEveryThreadGetsTheSameTags()
    {
        var model = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.PosKind).Fit(TaggingTestData.PosSentences(200, seed: 1));
        var sentences = TaggingTestData.PosSentences(200, seed: 8);
        var expected = sentences.Select(model.Predict).ToArray();

        var results = new string[sentences.Count][];
        Parallel.For(0, sentences.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = model.Predict(sentences[i]));

        Assert.Equal(expected, results);
    }

    [Fact]
    public void GivenSureWords_WhenTrainedAndReloaded_ThenTheyKeepTheirOneTagInAnyContext()
    {
        var trainer = new AveragedPerceptronTrainer(new AveragedPerceptronTrainerOptions
        {
            Kind = AveragedPerceptronTagger.PosKind,
            Epochs = 2,
            BucketBits = 12,
            LexiconMinCount = 2,
            SureMinCount = 5,
        });
        var model = trainer.Fit(TaggingTestData.PosSentences(100, seed: 1));
        var odd = TaggedSentence.FromWords(["zebra", "the", "qwerty", ".", "the"], ["X", "X", "X", "X", "X"]);
        using var ms = new MemoryStream();
        model.ToPackage([]).Write(ms);
        ms.Position = 0;
        var loaded = AveragedPerceptronTagger.Read(ms, "memory", AveragedPerceptronTagger.PosKind);

        var tags = loaded.Predict(odd);

        Assert.Equal(["DET", "PUNCT", "DET"], new[] { tags[1], tags[3], tags[4] });
        Assert.Equal(model.Predict(odd), tags);
    }

    [Fact]
    public void GivenAnEmptySentence_WhenPredicted_ThenNothingIsWritten()
    {
        var model = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.PosKind).Fit(TaggingTestData.PosSentences(20, seed: 1));

        model.Predict("", [], Span<int>.Empty);

        Assert.Empty(model.Predict(TaggedSentence.FromWords([], [])));
    }

    [Fact]
    public void GivenAMegabyteToken_WhenPredicted_ThenItIsTagged()
    {
        var model = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.PosKind).Fit(TaggingTestData.PosSentences(20, seed: 1));
        var word = new string('7', 1_000_000);

        var tags = model.Predict(TaggedSentence.FromWords([word, "dog"], ["X", "X"]));

        Assert.Equal(2, tags.Length);
    }
}
