using ArgMiner.Classification;
using ArgMiner.Tests.Support;
using ArgMiner.Training.Classification;

namespace ArgMiner.Tests.Classification;

/// <summary>Distillation's soft-label file and the trainer's soft targets (<c>train --soft-labels</c>).</summary>
public sealed class SoftTargetsTests
{
    private static SentencePrediction OneHot(string label) =>
        SentenceClassifier.ToPrediction([.. SentenceLabels.All.Select(l => l == label ? 1.0 : 0.0)]);

    [Fact]
    public void GivenPredictions_WhenWrittenAndRead_ThenEachSentenceIsFoundByDocumentAndTextAndTheFileHoldsNoText()
    {
        using var dir = new TempDirectory();
        var rows = TinyData.Rows();
        var predictions = rows.Select((r, i) => SentenceClassifier.ToPrediction([0.1, 0.2, 0.3, 0.4])).ToList();
        var path = dir.File("soft.csv");
        SoftTargets.Write(path, rows, predictions);

        var read = SoftTargets.Read(path);
        Assert.Equal(rows.Select(SoftTargets.Key).Distinct().Count(), read.Count);
        Assert.Equal([0.1f, 0.2f, 0.3f, 0.4f], read[SoftTargets.Key(rows[7])]);
        var content = File.ReadAllText(path);
        Assert.DoesNotContain(rows[7].Text, content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("doc,check,p_claim,p_evidence,p_opinion,p_other\nd1,abcd1234,0.5,0.5,0.5,0\n", ":2", "sum to 1.5")]
    [InlineData("doc,check,p_claim,p_evidence,p_opinion,p_other\nd1,abcd1234,x,0.5,0.5,0\n", ":2", "numbers from 0 to 1")]
    [InlineData("doc,check,claim\n", ":1", "the header must be")]
    public void GivenAMalformedSoftLabelFile_WhenRead_ThenTheErrorNamesTheFileAndLine(string content, string line, string problem)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("soft.csv", content);
        var ex = Assert.Throws<LabelledDataException>(() => SoftTargets.Read(path));
        Assert.Contains(path + line, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenASoftLabelFileWithABadByteOrNulOrAFolder_WhenRead_ThenTheErrorNamesTheFileLineAndProblem()
    {
        using var dir = new TempDirectory();
        var header = "doc,check,p_claim,p_evidence,p_opinion,p_other\n"u8.ToArray();

        // A Latin-1 document id was read as U+FFFD, so its sentences found no soft label, without a word.
        var latin1 = dir.File("latin1.csv");
        File.WriteAllBytes(latin1, [.. header, .. "d1,abcd1234,0.25,0.25,0.25,0.25\nS"u8, 0xE3, .. "o,abcd1234,0.25,0.25,0.25,0.25\n"u8]);
        Assert.StartsWith($"{latin1}:3: not valid UTF-8 (bad byte 0xE3", Assert.Throws<LabelledDataException>(() => SoftTargets.Read(latin1)).Message, StringComparison.Ordinal);

        var binary = dir.File("binary.csv");
        File.WriteAllBytes(binary, [.. header, 0x00, 0x01, 0x02]);
        Assert.Equal($"{binary}:2: binary file (contains NUL bytes)", Assert.Throws<LabelledDataException>(() => SoftTargets.Read(binary)).Message);

        Assert.Equal($"{dir.Path}: is a folder; give the soft-label file", Assert.Throws<LabelledDataException>(() => SoftTargets.Read(dir.Path)).Message);
    }

    [Fact]
    public void GivenSoftWeightZero_WhenTrained_ThenTheModelIsTheOneTrainedOnGoldLabelsAlone()
    {
        var rows = TinyData.Rows();
        var soft = rows.ToDictionary(SoftTargets.Key, _ => new[] { 0.25f, 0.25f, 0.25f, 0.25f });
        var hard = new SentenceClassifierTrainer(TinyData.Options()).Fit(rows).PredictRows(rows);
        var zero = new SentenceClassifierTrainer(TinyData.Options() with { SoftTargets = soft, SoftWeight = 0 }).Fit(rows).PredictRows(rows);
        Assert.Equal(hard.Select(p => p.Probabilities.ToArray()), zero.Select(p => p.Probabilities.ToArray()));
    }

    [Fact]
    public void GivenATeacherThatCallsEveryClaimOpinion_WhenTrainedTowardsItAlone_ThenTheClaimsAreLearnedAsOpinions()
    {
        var rows = TinyData.Rows();
        var soft = rows.ToDictionary(SoftTargets.Key, r => (r.Label == "claim" ? OneHot("opinion") : OneHot(r.Label)).Probabilities.Select(p => (float)p).ToArray());
        var trainer = new SentenceClassifierTrainer(TinyData.Options() with { SoftTargets = soft, SoftWeight = 1 });
        var claims = rows.Where(r => r.Label == "claim").ToList();
        var predicted = trainer.Fit(rows).PredictRows(claims);
        Assert.True(predicted.Count(p => p.Label == "opinion") >= claims.Count - 1, string.Join(", ", predicted.Select(p => p.Label)));

        var hard = new SentenceClassifierTrainer(TinyData.Options()).Fit(rows).PredictRows(claims);
        Assert.True(hard.Count(p => p.Label == "claim") >= claims.Count - 1, string.Join(", ", hard.Select(p => p.Label)));
    }
}
