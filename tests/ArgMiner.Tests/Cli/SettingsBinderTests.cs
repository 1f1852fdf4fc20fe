using ArgMiner.Cli.Commands;
using ArgMiner.Cli.Settings;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Tests.Support;
using ArgMiner.Training.Classification;

namespace ArgMiner.Tests.Cli;

/// <summary>Each command's binder maps its options to its settings record; bad values are usage errors that name the option.</summary>
public class SettingsBinderTests
{
    private static TSettings Bind<TSettings>(SettingsBinder<TSettings> binder, params string[] args)
    {
        var parse = binder.Command.Parse(args);
        Assert.Empty(parse.Errors);
        return binder.Bind(parse);
    }

    [Fact]
    public void GivenTrainOptions_WhenBound_ThenTheSettingsHoldThem()
    {
        var settings = Bind(new TrainCommand.Binder(),
            "--data", "a.csv", "b.tsv@2", "--text-column", "Sentence", "--label-column", "Label", "--doc-column", "Article",
            "--map", "SUBJ=claim|opinion", "--map", "OBJ=evidence,other", "--out", "m.model", "--folds", "3", "--seed", "7",
            "--l2", "0.5", "--trainer", "lbfgs", "--class-weight", "opinion=2", "--class-weight", "Claim=1.5",
            "--hash-bits", "16", "--no-sentiment", "--no-stance-pairs", "--no-tag", "--vectors", "none", "--compare", "old.model", "--predictions", "p.csv");
        Assert.Equal(["a.csv", "b.tsv@2"], settings.Data.Paths);
        Assert.Equal(("Sentence", "Label", "Article"), (settings.Data.TextColumn, settings.Data.LabelColumn, settings.Data.DocColumn));
        Assert.Equal(["SUBJ", "OBJ"], settings.Data.Map.Keys);
        Assert.Equal("m.model", settings.Out);
        Assert.Equal((3, 7, 0.5), (settings.Folds, settings.Seed!.Value, settings.L2!.Value));
        Assert.Equal(SentenceTrainer.Lbfgs, settings.Trainer);
        Assert.Equal(new Dictionary<string, double> { ["opinion"] = 2, ["claim"] = 1.5 }, settings.ClassWeights);
        Assert.Equal(16, settings.Featurizer.HashBits);
        Assert.False(settings.Featurizer.Sentiment);
        Assert.False(settings.Featurizer.StancePairs);
        Assert.True(settings.NoTag);
        Assert.Equal(("none", "old.model", "p.csv"), (settings.Vectors, settings.Compare, settings.Predictions));
        Assert.False(settings.FromShipped);
        Assert.Null(settings.LeaveOut);
    }

    [Fact]
    public void GivenTrainWithoutTrainerSettings_WhenBound_ThenTheyAreNullSoTheRecipesDefaultsApply()
    {
        var settings = Bind(new TrainCommand.Binder(), "--from-shipped", "--leave-out", "seeds", "ibm", "--out", "m.model");
        Assert.True(settings.FromShipped);
        Assert.Empty(settings.Data.Paths);
        Assert.Equal(["seeds", "ibm"], settings.LeaveOut);
        Assert.Null(settings.Seed);
        Assert.Null(settings.L2);
        Assert.Null(settings.Tolerance);
        Assert.Null(settings.Trainer);
        Assert.Empty(settings.ClassWeights);
        Assert.Equal(5, settings.Folds);
        Assert.Equal("shipped", settings.Vectors);
    }

    [Fact]
    public void GivenRunOptions_WhenBound_ThenTheSettingsHoldThem()
    {
        var settings = Bind(new RunCommand.Binder(), "in", "more.jsonl", "-o", "out", "--format", "csv,parquet", "-j", "3", "-m", "my.model", "--pipeline", "text", "--encoding", "windows-1252", "--comments", "blank-lines");
        Assert.Equal(["in", "more.jsonl"], settings.Inputs);
        Assert.Equal(new RunSettings([], "out", OutputFormats.Csv | OutputFormats.Parquet, 3, "my.model", true, TextEncodingChoice.Windows1252, CommentDetection.BlankLines), settings with { Inputs = [] });
    }

    [Fact]
    public void GivenRunWithDefaults_WhenBound_ThenTheSettingsHoldTheDefaults()
    {
        var settings = Bind(new RunCommand.Binder(), "in", "--out", "out");
        Assert.Equal(OutputFormats.Csv | OutputFormats.JsonLines, settings.Formats);
        Assert.Equal(Environment.ProcessorCount, settings.Jobs);
        Assert.Null(settings.Model);
        Assert.False(settings.TextOnly);
        Assert.Equal(TextEncodingChoice.Auto, settings.Encoding);
        Assert.Equal(CommentDetection.Auto, settings.Comments);
    }

    [Fact]
    public void GivenClassifyOptions_WhenBound_ThenTheSettingsHoldThem()
    {
        var settings = Bind(new ClassifyCommand.Binder(), "--model", "m.model", "--input", "lines.txt", "--out", "labels.csv", "--explain", "--tag", "--engine", "mlnet", "--encoding", "utf-8", "--jobs", "3");
        Assert.Equal(new ClassifySettings("m.model", "lines.txt", "labels.csv", true, true, true, TextEncodingChoice.Utf8, Jobs: 3), settings);
        Assert.Equal(new ClassifySettings(null, "-", "-", false, false, false, TextEncodingChoice.Auto, Jobs: Environment.ProcessorCount), Bind(new ClassifyCommand.Binder()));
    }

    [Fact]
    public void GivenEvaluateOptions_WhenBound_ThenTheLabelledDataGroupAndLabelsAreBound()
    {
        var settings = Bind(new EvaluateCommand.Binder(), "--data", "d.csv", "--labels", "Claim, evidence", "--map", "SUBJ=claim");
        Assert.Equal(["d.csv"], settings.Data.Paths);
        Assert.Equal(("text", "label", "doc"), (settings.Data.TextColumn, settings.Data.LabelColumn, settings.Data.DocColumn));
        Assert.Equal(["claim", "evidence"], settings.Labels);
        Assert.Equal(["SUBJ"], settings.Data.Map.Keys);
    }

    [Theory]
    [InlineData("opinion=x")]
    [InlineData("rant=2")]
    [InlineData("opinion=-1")]
    [InlineData("opinion")]
    [InlineData("opinion=Infinity")]
    public void GivenAMalformedClassWeight_WhenTrained_ThenOneUsageErrorLineNamesTheOption(string value)
    {
        using var dir = new TempDirectory();
        var (exit, stdout, stderr) = Support.Cli.Run("train", "--data", dir.File("none.csv"), "--out", dir.File("m.model"), "--class-weight", value);
        Assert.Equal(2, exit);
        Assert.Equal($"argminer: --class-weight '{value}' is not LABEL=positive number with LABEL one of claim, evidence, opinion, other", stderr.TrimEnd());
        Assert.Equal(string.Empty, stdout);
        Assert.False(File.Exists(dir.File("m.model")));
    }

    [Theory]
    [InlineData("train", "SUBJ=claim|rant", "label mapping 'SUBJ=claim|rant': 'rant' is not one of claim, evidence, opinion, other")]
    [InlineData("train", "SUBJ", "label mapping 'SUBJ' is not FOREIGN=label|label")]
    [InlineData("evaluate", "=claim", "label mapping '=claim' is not FOREIGN=label|label")]
    [InlineData("evaluate", "SUBJ=|", "label mapping 'SUBJ=|' maps to no label")]
    public void GivenAMalformedMap_WhenTrainedOrEvaluated_ThenOneUsageErrorLineNamesTheOption(string command, string value, string message)
    {
        using var dir = new TempDirectory();
        var data = dir.Write("d.csv", "text,label,doc\nA good thing.,SUBJ,d1\n");
        string[] args = command == "train" ? ["train", "--data", data, "--out", dir.File("m.model"), "--map", value] : ["evaluate", "--data", data, "--map", value];
        var (exit, stdout, stderr) = Support.Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal($"argminer: --map: {message}", stderr.TrimEnd());
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void GivenAMalformedClassWeight_WhenParsedByTheBinder_ThenTheParseErrorNamesTheOption()
    {
        var parse = new TrainCommand.Binder().Command.Parse(["--data", "d.csv", "--out", "m.model", "--class-weight", "opinion=two"]);
        var error = Assert.Single(parse.Errors);
        Assert.StartsWith("--class-weight 'opinion=two'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenSeveralBadValues_WhenRun_ThenEachIsNamedAndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "xml", "--jobs", "0");
        Assert.Equal(2, exit);
        Assert.Equal(["argminer: --format takes csv, jsonl, xlsx, html, parquet or several (csv,xlsx), not 'xml'", "argminer: --jobs must be between 1 and 1024"], stderr.TrimEnd().Split(Environment.NewLine));
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
