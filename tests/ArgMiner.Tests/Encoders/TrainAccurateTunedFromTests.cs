using System.Text;
using ArgMiner.Encoders.Classification;
using ArgMiner.Encoders.Embedding;
using ArgMiner.Tests.Classification;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Encoders;

/// <summary>
/// <c>train-accurate --tuned-from TIER</c> keeps that tier's fine-tuned encoders in the tier it trains, as
/// <c>models/fine-tune-encoder.sh</c>'s attach step would; a tier without any is refused with one line.
/// </summary>
public sealed class TrainAccurateTunedFromTests(TunedEncoderFixture fixture) : IClassFixture<TunedEncoderFixture>
{
    private static AccurateClassifier Load(string path)
    {
        var tier = AccurateClassifier.Load(path, SentenceEncoders.Create);
        foreach (var embedder in tier.Embedders)
        {
            embedder.Dispose();
        }

        return tier;
    }

    [Fact]
    public void GivenADonorTierWithATunedEncoder_WhenTrainingWithTunedFrom_ThenTheNewTierHoldsTheSameEncoder()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("tiny.csv", TinyData.Csv());
        var plain = dir.File("plain.model");
        var (code, _, stderr) = Support.Cli.Run("train-accurate", "--data", data, "--out", plain, "--folds", "2");
        Assert.True(code == 0, stderr);

        // A tier without tuned encoders has nothing to give: one error line naming it, nothing written.
        (code, _, stderr) = Support.Cli.Run("train-accurate", "--data", data, "--out", dir.File("refused.model"), "--folds", "2", "--tuned-from", plain);
        Assert.Equal(1, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(plain, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("refused.model")));

        var donor = dir.File("donor.model");
        Load(plain).WithTuned([TunedEncoderHead.FromBytes(fixture.Moved, "moved")]).Save(donor);
        var retrained = dir.File("retrained.model");
        (code, var stdout, stderr) = Support.Cli.Run("train-accurate", "--data", data, "--out", retrained, "--folds", "2", "--tuned-from", donor);
        Assert.True(code == 0, stderr);
        Assert.Contains("fine-tuned encoder", stdout, StringComparison.Ordinal);

        var tier = Load(retrained);
        Assert.Equal(fixture.Moved, Assert.Single(tier.Tuned).ToBytes());
        Assert.Equal("donor.model", (string?)tier.Card["tunedEncodersFrom"]);
    }

    [Fact]
    public void GivenAMissingDonorTier_WhenTrainingWithTunedFrom_ThenOneLineSaysSoBeforeTheDataAreRead()
    {
        // Until session 33 found after the data were read and tagged and the encoders loaded.
        using var dir = new TempDirectory();
        var data = dir.Write("tiny.csv", TinyData.Csv());
        var (code, stdout, stderr) = Support.Cli.Run("train-accurate", "--data", data, "--out", dir.File("new.model"), "--folds", "2", "--tuned-from", dir.File("missing.model"));
        Assert.Equal(1, code);
        Assert.Equal($"argminer: --tuned-from {dir.File("missing.model")}: file not found", stderr.TrimEnd('\n'));
        Assert.Equal(string.Empty, stdout);
        Assert.False(File.Exists(dir.File("new.model")));
    }
}
