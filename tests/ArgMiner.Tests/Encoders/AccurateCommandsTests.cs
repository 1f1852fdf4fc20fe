using System.Text;
using ArgMiner.Classification;
using ArgMiner.Encoders.Classification;
using ArgMiner.Encoders.Embedding;
using ArgMiner.Tests.Classification;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Encoders;

/// <summary>
/// train-accurate, then classify and run with the accurate model, through the real encoder from its NuGet
/// package (no ../shared needed) on a few dozen invented sentences.
/// </summary>
public sealed class AccurateCommandsTests
{
    [Fact]
    public void GivenATinyAccurateModel_WhenClassifyingAndRunningWithIt_ThenEveryLineAndSentenceGetsALabel()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("tiny.csv", TinyData.Csv());
        var model = dir.File("accurate.model");
        var (code, stdout, stderr) = Support.Cli.Run("train-accurate", "--data", data, "--out", model, "--folds", "2", "--gate", "0.9", "--evaluate", data);
        Assert.True(code == 0, stderr);
        Assert.Contains("macro-F1", stdout, StringComparison.Ordinal);

        var input = dir.Write("in.txt", "The council should reject the deal.\n\nI love this so much!\nThe survey of 900 voters found 52 percent support.\n");
        (code, _, stderr) = Support.Cli.Run("classify", "--model", model, "--input", input, "--out", dir.File("out.csv"));
        Assert.True(code == 0, stderr);
        var lines = File.ReadAllText(dir.File("out.csv"), Encoding.UTF8).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text,label,confidence,p_claim,p_evidence,p_opinion,p_other", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.Equal(",other,1.0000,0.0000,0.0000,0.0000,1.0000", lines[2]);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            Assert.Contains(cells[^6], SentenceLabels.All);
            Assert.Equal(1.0, cells[^4..].Sum(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)), 3);
        }

        dir.Write("articles/a.txt", "Why the Deal Fails\n\nThe council should reject the deal. The survey of 900 voters found 52 percent support.\n");
        (code, stdout, stderr) = Support.Cli.Run("run", dir.File("articles"), "--out", dir.File("run"), "--model", model, "--format", "csv");
        Assert.True(code == 0, stderr);
        Assert.Contains("1 document,", stdout, StringComparison.Ordinal);
        var sentences = File.ReadAllLines(dir.File("run/sentences.csv"));
        Assert.True(sentences.Length >= 3, string.Join('\n', sentences));
        Assert.All(sentences.Skip(1), s => Assert.Contains(SentenceLabels.All, l => s.Contains("," + l + ",", StringComparison.Ordinal)));

        // A tier trained here has no tuned encoders, so --encoders tuned has nothing to run: one error line naming the file.
        (code, stdout, stderr) = Support.Cli.Run("classify", "--model", model, "--encoders", "tuned", "--input", input, "--out", dir.File("tuned.csv"));
        Assert.Equal(1, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(model, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("tuned.csv")));
    }

    [Fact]
    public void GivenATinyAccurateModel_WhenCalibrated_ThenTheTierIsWrittenWithItsTemperatureAndTheSameLabels()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("tiny.csv", TinyData.Csv());
        var model = dir.File("accurate.model");
        var (code, stdout, stderr) = Support.Cli.Run("train-accurate", "--data", data, "--out", model, "--folds", "2");
        Assert.True(code == 0, stderr);
        var calibrated = dir.File("calibrated.model");
        (code, stdout, stderr) = Support.Cli.Run("calibrate", "--model", model, "--data", data, "--out", calibrated);
        Assert.True(code == 0, stderr);
        Assert.Matches(@"(?m)^temperature \d+\.\d{4}, fitted on \d+ of \d+ sentences", stdout);
        var card = ArgMiner.Models.ModelPackage.Load(calibrated, AccurateClassifier.Kind, AccurateClassifier.FormatVersion).Card;
        var temperature = (double)card[AccurateClassifier.TemperatureKey]!;
        Assert.True(temperature > 0 && temperature != 1);
        Assert.True((double)card[AccurateClassifier.CalibrationKey]!["logLossAfter"]! <= (double)card[AccurateClassifier.CalibrationKey]!["logLossBefore"]!);

        var input = dir.Write("in.txt", "The council should reject the deal.\nI love this so much!\nThe survey of 900 voters found 52 percent support.\n");
        (code, var plain, stderr) = Support.Cli.Run("classify", "--model", model, "--input", input);
        Assert.True(code == 0, stderr);
        (code, var scaled, stderr) = Support.Cli.Run("classify", "--model", calibrated, "--input", input);
        Assert.True(code == 0, stderr);
        static string[] Labels(string csv) => [.. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[^6])];
        Assert.Equal(Labels(plain), Labels(scaled));
        Assert.NotEqual(plain, scaled);

        // The fast model has no temperature to fit; gold labels outside ArgMiner's four are refused: one line each.
        (code, _, stderr) = Support.Cli.Run("calibrate", "--model", TinyModelOf(dir, data), "--data", data, "--out", dir.File("fast-calibrated.model"));
        Assert.Equal(1, code);
        Assert.Contains("not an accurate-tier model", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var foreign = dir.Write("foreign.csv", "text,label\nThe plan will fail.,SUBJ\n");
        (code, _, stderr) = Support.Cli.Run("calibrate", "--model", model, "--data", foreign, "--out", dir.File("never.model"));
        Assert.Equal(1, code);
        Assert.Contains("'SUBJ'", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // A damaged tier is named as damaged, not as another kind of model.
        var bytes = File.ReadAllBytes(model);
        var cut = dir.WriteBytes("cut.model", bytes[..(bytes.Length / 2)]);
        (code, _, stderr) = Support.Cli.Run("calibrate", "--model", cut, "--data", data, "--out", dir.File("never.model"));
        Assert.Equal(1, code);
        Assert.Contains("corrupt", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(dir.File("fast-calibrated.model")) || File.Exists(dir.File("never.model")));
    }

    private static string TinyModelOf(TempDirectory dir, string data)
    {
        var path = dir.File("fast.model");
        var (code, _, stderr) = Support.Cli.Run("train", "--data", data, "--out", path);
        Assert.True(code == 0, stderr);
        return path;
    }

    [Fact]
    public void GivenNeighbours_WhenTrainingATinyAccurateModel_ThenItKeepsEveryRowInItsBankAndClassifies()
    {
        using var dir = new TempDirectory();
        var rows = TinyData.Rows();
        var data = dir.Write("tiny.csv", TinyData.Csv());
        var model = dir.File("accurate.model");
        var (code, _, stderr) = Support.Cli.Run("train-accurate", "--data", data, "--out", model, "--folds", "2", "--neighbours", "3");
        Assert.True(code == 0, stderr);
        var package = ArgMiner.Models.ModelPackage.Load(model, AccurateClassifier.Kind, AccurateClassifier.FormatVersion);
        Assert.Equal(3, package.FormatVersion);

        // Without --from-shipped there is no written corpus to leave out: every training sentence is in the bank.
        Assert.Equal(rows.Count, (int?)package.Card["neighbourBank"]?["rows"]);
        Assert.Equal(3, (int?)package.Card["neighbourBank"]?["neighbours"]);

        var input = dir.Write("in.txt", "The council should reject the deal.\nI love this so much!\n");
        (code, var stdout, stderr) = Support.Cli.Run("classify", "--model", model, "--input", input);
        Assert.True(code == 0, stderr);
        Assert.Equal(3, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void GivenTheShippedAccurateModel_WhenClassifyingWithModelAccurate_ThenEveryLineGetsTheStackersLabel()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.txt", "The council should reject the deal.\nI love this so much, thank you!\n");
        var (code, stdout, stderr) = Support.Cli.Run("classify", "--model", "accurate", "--input", input);
        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);

        // Gate 1 (the shipped setting): every non-blank line goes through the stacker, so its probabilities are
        // the stacker's, not the fast model's that 'classify' without --model accurate prints.
        var fastPath = dir.File("fast.model");
        var shipped = AccurateClassifier.LoadDefault(SentenceEncoders.Create);
        shipped.Fast.Save(fastPath);
        foreach (var embedder in shipped.Embedders)
        {
            embedder.Dispose();
        }

        // The shipped tier mixes in its fine-tuned encoder (format 4, models/accurate-classifier.md).
        Assert.NotEmpty(shipped.Tuned);
        var (_, fastOut, _) = Support.Cli.Run("classify", "--model", fastPath, "--input", input);
        var fastLines = fastOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            Assert.Contains(cells[^6], SentenceLabels.All);
            Assert.Equal(1.0, cells[^4..].Sum(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)), 3);
            Assert.NotEqual(fastLines[i], lines[i]);
        }
    }

    [Fact]
    public void GivenAGateNoSentenceFallsBelow_WhenClassifyingWithTheAccurateTier_ThenEveryLineKeepsTheFastModelsOutput()
    {
        // A top probability of four is at least 1/4, so at gate 0.25 the fast model is never unsure: no line reaches the
        // encoders, and the output is the fast model's byte for byte; at the shipped gate (1) every line is stacked.
        using var dir = new TempDirectory();
        var input = dir.Write("in.txt", "The council should reject the deal.\nI love this so much, thank you!\nThe survey of 900 voters found 52 percent support.\n");
        var fastPath = dir.File("fast.model");
        var shipped = AccurateClassifier.LoadDefault(SentenceEncoders.Create);
        shipped.Fast.Save(fastPath);
        foreach (var embedder in shipped.Embedders)
        {
            embedder.Dispose();
        }

        var (code, gated, stderr) = Support.Cli.Run("classify", "--model", "accurate", "--gate", "0.25", "--input", input);
        Assert.True(code == 0, stderr);
        var (_, fast, _) = Support.Cli.Run("classify", "--model", fastPath, "--input", input);
        Assert.Equal(fast, gated);
        var (_, stacked, _) = Support.Cli.Run("classify", "--model", "accurate", "--input", input);
        Assert.NotEqual(fast, stacked);
    }

    [Theory]
    [InlineData("classify", "--gate", "0.8")]
    [InlineData("classify", "--model", "accurate", "--gate", "0")]
    [InlineData("classify", "--model", "accurate", "--gate", "1.5")]
    [InlineData("evaluate", "--gate", "0.8")]
    [InlineData("run", "--gate", "0.8")]
    [InlineData("run", "--model", "accurate", "--pipeline", "text", "--gate", "0.8")]
    [InlineData("classify", "--encoders", "tuned")]
    [InlineData("evaluate", "--encoders", "tuned")]
    [InlineData("run", "--encoders", "tuned")]
    public void GivenATierOptionWithoutTheAccurateTierOrOutOfRange_WhenRun_ThenOneUsageErrorAndNothingWritten(params string[] arguments)
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.txt", "The council should reject the deal.\n");
        var data = dir.Write("gold.csv", "text,label,doc\nThe council should reject the deal.,claim,a\n");
        string[] io = arguments[0] switch
        {
            "classify" => ["--input", input, "--out", dir.File("out.csv")],
            "evaluate" => ["--data", data],
            _ => [input, "--out", dir.File("out")],
        };
        var (code, stdout, stderr) = Support.Cli.Run([.. arguments, .. io]);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // With --pipeline text the model itself is refused (since session 36: "--gate applies to the accurate tier only
        // (--model accurate, …)" was said to a command line that gave --model accurate).
        Assert.Contains(arguments.Contains("--pipeline") ? "--pipeline text" : arguments.Contains("--gate") ? "--gate" : "--encoders", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("out.csv")) || Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void GivenTheShippedTierWithTunedEncodersOnly_WhenClassifying_ThenLinesDifferFromTheWholeTiersAndAResumedRunKeepsThemApart()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.txt", "The council should reject the deal.\nI love this so much, thank you!\nThe survey of 900 voters found 52 percent support.\n");
        var (code, tuned, stderr) = Support.Cli.Run("classify", "--model", "accurate", "--encoders", "tuned", "--input", input);
        Assert.True(code == 0, stderr);
        var (_, all, _) = Support.Cli.Run("classify", "--model", "accurate", "--encoders", "all", "--input", input);
        Assert.Equal(4, tuned.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.NotEqual(all, tuned);

        var settings = new ArgMiner.Cli.Commands.RunSettings(["in"], "out", ArgMiner.Output.OutputFormats.Csv, 1, "accurate", false, ArgMiner.Ingest.TextEncodingChoice.Auto);
        var plain = ArgMiner.Cli.Commands.CheckpointedRun.ModelIdentity(settings);
        Assert.Equal(plain + " encoders tuned", ArgMiner.Cli.Commands.CheckpointedRun.ModelIdentity(settings with { TunedOnly = true }));
    }

    [Fact]
    public void GivenAnotherGate_WhenARunIsNamedForResuming_ThenItsModelIdentityDiffers()
    {
        var settings = new ArgMiner.Cli.Commands.RunSettings(["in"], "out", ArgMiner.Output.OutputFormats.Csv, 1, "accurate", false, ArgMiner.Ingest.TextEncodingChoice.Auto);
        var plain = ArgMiner.Cli.Commands.CheckpointedRun.ModelIdentity(settings);
        var gated = ArgMiner.Cli.Commands.CheckpointedRun.ModelIdentity(settings with { Gate = 0.8 });
        Assert.StartsWith(plain, gated, StringComparison.Ordinal);
        Assert.EndsWith(" gate 0.8", gated, StringComparison.Ordinal);
        Assert.NotEqual(gated, ArgMiner.Cli.Commands.CheckpointedRun.ModelIdentity(settings with { Gate = 0.7 }));
    }

    [Fact]
    public void GivenTheShippedAccurateModel_WhenEvaluatingWithModelAccurate_ThenTheTiersPredictionsAreMeasured()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("gold.csv", "text,label,doc\nThe council should reject the deal.,claim,a\nThe survey of 900 voters found 52 percent support.,evidence,a\nI love this so much!,opinion,b\nSee you on Monday.,other,b\n");
        var tierPredictions = dir.File("tier.csv");
        var (code, stdout, stderr) = Support.Cli.Run("evaluate", "--model", "accurate", "--data", data, "--predictions", tierPredictions);
        Assert.True(code == 0, stderr);
        Assert.Contains("macro-F1", stdout, StringComparison.Ordinal);

        // The same rows through the tier's own PredictRows, and through its fast model alone: the command must give the first.
        var shipped = AccurateClassifier.LoadDefault(SentenceEncoders.Create);
        var rows = LabelledData.Read([data], new LabelledDataOptions());
        var tagged = ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger().TagRows(rows);
        var expected = shipped.PredictRows(tagged);
        var fast = shipped.Fast.PredictRows(tagged);
        foreach (var embedder in shipped.Embedders)
        {
            embedder.Dispose();
        }

        var lines = File.ReadAllLines(tierPredictions, Encoding.UTF8).Skip(1).ToList();
        Assert.Equal(4, lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var cells = lines[i].Split(',');
            Assert.Equal(expected[i].Label, cells[3]);
            var pClaim = double.Parse(cells[5], System.Globalization.CultureInfo.InvariantCulture);
            // The file holds four decimals: compare within their rounding, not by rounding both sides (0.7425 vs 0.74254).
            Assert.Equal(expected[i].Probabilities[0], pClaim, 0.0001);
            Assert.NotEqual(Math.Round(fast[i].Probabilities[0], 4), pClaim);
        }
    }

    [Fact]
    public void GivenTheAccurateTier_WhenAskedToExplain_ThenAUsageErrorInsteadOfIgnoringTheOption()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.txt", "The council should reject the deal.\n");
        var (code, stdout, stderr) = Support.Cli.Run("classify", "--model", "accurate", "--explain", "--input", input);
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--explain", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from-shipped", "--balance")]
    [InlineData("--from-shipped", "--l1", "1e-5")]
    [InlineData("--shared", "/nowhere")]
    [InlineData("--leave-out", "seeds")]
    [InlineData("--from-shipped", "--leave-out", "nothing-of-the-recipe")]
    [InlineData("--neighbours", "-1")]
    public void GivenTrainAccurateOptionsThatDoNotGoTogether_WhenRun_ThenOneUsageErrorAndNothingTrained(params string[] options)
    {
        using var dir = new TempDirectory();
        var data = dir.Write("tiny.csv", "text,label,doc\nThe council should reject the deal.,claim,a\n");
        var (code, _, stderr) = Support.Cli.Run(["train-accurate", "--data", data, "--out", dir.File("m.model"), .. options]);
        Assert.Equal(2, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(dir.File("m.model")));
    }
}
