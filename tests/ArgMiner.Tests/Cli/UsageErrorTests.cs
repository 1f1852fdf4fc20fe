using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

public class UsageErrorTests
{
    [Fact]
    public void GivenAnUnknownOption_WhenRun_ThenItIsAUsageErrorNotAFile()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--bogus", "x", "--out", dir.File("out"));
        Assert.Equal(2, exit);
        Assert.Contains("unknown option '--bogus'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void GivenAnUnknownOption_WhenRun_ThenOneLineNamesItAndTheCommandsHelp()
    {
        // It was followed by "Try 'argminer --help'.", a second line pointing at the list of commands.
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--bogus", "--out", dir.File("out"));
        Assert.Equal(2, exit);
        Assert.Equal(["argminer: unknown option '--bogus' (see 'argminer run --help')"], stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("argminer: unknown command 'bogus' (see 'argminer --help')", "bogus")]
    [InlineData("argminer: unknown command 'bogus' (see 'argminer --help')", "help", "bogus")]
    [InlineData("argminer: unknown option '--bogus' (see 'argminer classify --help')", "classify", "--bogus")]
    [InlineData("argminer: evaluate-numbers takes no argument 'x' (see 'argminer evaluate-numbers --help')", "evaluate-numbers", "--specs", "s", "x")]
    public void GivenATokenNoCommandTakes_WhenRun_ThenOneLineNamesItAndTheHelpToRead(string expected, params string[] args)
    {
        // 'argminer bogus' said "Required command was not provided.", "Unrecognized command or argument 'bogus'." and
        // "Try 'argminer --help'."; 'classify --bogus' did not say "unknown option" as 'run --bogus' does; 'help bogus'
        // listed the commands and exited 0.
        var (exit, stdout, stderr) = Support.Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal([expected], stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Theory]
    [InlineData("run", "in.txt")]
    [InlineData("train", "--data", "x.csv")]
    public void GivenARequiredOptionLeftOut_WhenTheCommandRuns_ThenTheHintNamesThatCommandsHelp(string command, params string[] args)
    {
        // "Try 'argminer --help'." showed only the list of commands, not the options of the command that was run.
        var (exit, _, stderr) = Support.Cli.Run([command, .. args]);
        Assert.Equal(2, exit);
        Assert.Contains("'--out' is required", stderr, StringComparison.Ordinal);
        Assert.Contains($"Try 'argminer {command} --help'.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("argminer: --model applies to the full pipeline only (--pipeline text labels nothing)", "--pipeline", "text", "--model", "no-such.model")]
    [InlineData("argminer: --model applies to the full pipeline only (--pipeline text labels nothing)", "--pipeline", "text", "--model", "accurate", "--gate", "0.8")]
    [InlineData("argminer: --checkpoint-every applies with --resume or --shard only (a plain run keeps no checkpoints)", "--checkpoint-every", "10")]
    public void GivenAnOptionTheRestOfTheCommandLineMakesIdle_WhenRun_ThenOneLineSaysSoAndNothingIsWritten(string expected, params string[] options)
    {
        // Each ran without a word: the model (even a missing file) was never loaded, no checkpoint was kept; and
        // --gate with '--model accurate --pipeline text' was told that it needs --model accurate.
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");
        var (exit, _, stderr) = Support.Cli.Run(["run", dir.File("in"), "--out", dir.File("out"), .. options]);
        Assert.Equal(2, exit);
        Assert.Equal([expected], stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void GivenTheListOfCommands_WhenShown_ThenRunSaysItWritesEveryFormat()
    {
        // run was described as writing "CSV and JSON Lines", the defaults, so --format's other outputs went unseen.
        var (exit, stdout, _) = Support.Cli.Run("--help");
        Assert.Equal(0, exit);
        var run = stdout.Split('\n').Single(line => line.TrimStart().StartsWith("run <inputs>", StringComparison.Ordinal));
        Assert.All(new[] { "CSV", "JSON Lines", "xlsx", "HTML", "Parquet" }, format => Assert.Contains(format, run, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("train")]
    [InlineData("evaluate")]
    public void GivenTheHelpOfACommandReadingLabelledData_WhenShown_ThenDataSaysAWorkbookIsRead(string command)
    {
        // The README's retraining loop gives --data out/argminer.xlsx, but --help listed only CSV/TSV/JSONL files.
        var (exit, stdout, _) = Support.Cli.Run(command, "--help");
        Assert.Equal(0, exit);
        var data = stdout.Split('\n').Single(line => line.TrimStart().StartsWith("--data", StringComparison.Ordinal));
        Assert.Contains("xlsx", data, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate", false)]
    [InlineData("calibrate", false)]
    [InlineData("train", true)]
    public void GivenTheHelpOfACommandReadingLabelledData_WhenShown_ThenASourcesWeightIsOfferedOnlyWhereItTrains(string command, bool offered)
    {
        // evaluate's and calibrate's --data said "append @W to weigh a source W in training"; neither trains.
        var (exit, stdout, _) = Support.Cli.Run(command, "--help");
        Assert.Equal(0, exit);
        var data = stdout.Split('\n').Single(line => line.TrimStart().StartsWith("--data", StringComparison.Ordinal));
        Assert.Equal(offered, data.Contains("@W", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenASoftWeightWithoutSoftLabels_WhenTrained_ThenItIsAUsageErrorAndNoModelIsWritten()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("data.csv", "text,label\nThe plan will fail.,claim\nIt rained on Monday.,evidence\n");
        var (exit, _, stderr) = Support.Cli.Run("train", "--data", data, "--out", dir.File("m.model"), "--folds", "0", "--soft-weight", "0.5");
        Assert.Equal(2, exit);
        Assert.Contains("--soft-weight goes with --soft-labels", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("m.model")));
    }

    [Fact]
    public void GivenAMissingSoftLabelFile_WhenTrained_ThenOneErrorLineNamesItAndNoModelIsWritten()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("data.csv", "text,label\nThe plan will fail.,claim\nIt rained on Monday.,evidence\n");
        var (exit, _, stderr) = Support.Cli.Run("train", "--data", data, "--out", dir.File("m.model"), "--folds", "0", "--soft-labels", dir.File("none.csv"));
        Assert.Equal(1, exit);
        Assert.Equal($"argminer: {dir.File("none.csv")}: no such soft-label file", stderr.Trim());
        Assert.False(File.Exists(dir.File("m.model")));
    }

    [Theory]
    [InlineData("train", "--out")]
    [InlineData("train", "--predictions")]
    [InlineData("evaluate", "--predictions")]
    [InlineData("classify", "--out")]
    [InlineData("import-vectors", "--out")]
    [InlineData("train-tagger", "--out")]
    [InlineData("evaluate-text", "--errors")]
    public void GivenAFolderWhereAFileIsWritten_WhenTheCommandRuns_ThenItIsAUsageErrorBeforeAnythingIsRead(string command, string option)
    {
        using var dir = new TempDirectory();
        var data = dir.Write("data.csv", "text,label\nThe plan will fail.,claim\nIt rained on Monday.,evidence\n");
        var folder = dir.File("folder");
        Directory.CreateDirectory(folder);
        string[] reads = command switch
        {
            "train" => ["--data", data, "--folds", "0"],
            "evaluate" => ["--data", data],
            "classify" => ["--input", data],
            "import-vectors" => ["--text", data],
            "train-tagger" => ["pos", "--data", dir.Write("d.conllu", "1\tIt\t_\tPRON\t_\t_\t_\t_\t_\t_\n\n")],
            _ => ["--ud", dir.Write("d.conllu", "1\tIt\t_\tPRON\t_\t_\t_\t_\t_\t_\n\n")],
        };
        string[] more = option == "--out" || command is "evaluate" or "evaluate-text" ? [] : ["--out", dir.File("m.model")];

        var (exit, stdout, stderr) = Support.Cli.Run([command, .. reads, option, folder, .. more]);

        Assert.Equal(2, exit);
        Assert.Equal($"argminer: {option} {folder} is a folder, not a file; give a file name", stderr.Trim());
        Assert.Empty(stdout);
        Assert.Empty(Directory.GetFileSystemEntries(folder));
    }

    [Theory]
    [InlineData("--cue-weight", "NaN", "--cue-weight must be a number not below 0")]
    [InlineData("--cue-weight", "Infinity", "--cue-weight must be a number not below 0")]
    [InlineData("--cue-weight", "-1", "--cue-weight must be a number not below 0")]
    [InlineData("--tolerance", "NaN", "--tolerance must be above 0 and at most 1")]
    [InlineData("--tolerance", "-1", "--tolerance must be above 0 and at most 1")]
    [InlineData("--hash-bits", "40", "--hash-bits must be between 10 and 24")]
    [InlineData("--char-max", "9", "--char-min and --char-max must satisfy 0 < --char-min <= --char-max <= 8 (or --char-min 0: no character n-grams)")]
    [InlineData("--char-min", "-1", "--char-min and --char-max must satisfy 0 < --char-min <= --char-max <= 8 (or --char-min 0: no character n-grams)")]
    public void GivenABadTrainingValue_WhenTrained_ThenItIsAUsageErrorAndNoModelIsWritten(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var data = dir.Write("data.csv", "text,label\nThe plan will fail.,claim\nIt rained on Monday.,evidence\n");

        var (exit, _, stderr) = Support.Cli.Run("train", "--data", data, "--out", dir.File("m.model"), "--folds", "0", option, value);

        Assert.Equal(2, exit);
        Assert.Equal($"argminer: {message}", stderr.Trim());
        Assert.False(File.Exists(dir.File("m.model")));
    }

    [Theory]
    [InlineData("--l1", "NaN", "--l1 and --stacker-l2 must be finite and not negative")]
    [InlineData("--stacker-l2", "Infinity", "--l1 and --stacker-l2 must be finite and not negative")]
    [InlineData("--embedding-cache", "data.csv", "--embedding-cache {0} is a file, not a folder; give a folder")]
    public void GivenABadTierTrainingValue_WhenTrained_ThenItIsAUsageErrorBeforeAnythingIsTagged(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        var data = dir.Write("data.csv", "text,label\nThe plan will fail.,claim\nIt rained on Monday.,evidence\n");
        var given = value == "data.csv" ? data : value;

        var (exit, stdout, stderr) = Support.Cli.Run("train-accurate", "--data", data, "--out", dir.File("m.model"), option, given);

        Assert.Equal(2, exit);
        Assert.Equal($"argminer: {string.Format(System.Globalization.CultureInfo.InvariantCulture, message, given)}", stderr.Trim());
        Assert.Empty(stdout);
        Assert.False(File.Exists(dir.File("m.model")));
    }

    [Theory]
    [InlineData("argminer: --encoding takes auto, utf-8 or windows-1252, not 'latin1'", "run", "in", "--out", "o", "--encoding", "latin1")]
    [InlineData("argminer: --comments takes auto, none or blank-lines, not 'bogus'", "run", "in", "--out", "o", "--comments", "bogus")]
    [InlineData("argminer: --encoders takes all or tuned, not 'x'", "evaluate", "--data", "d.csv", "--encoders", "x")]
    public void GivenAValueOutsideAnOptionsChoices_WhenTheCommandRuns_ThenOneLineNamesTheChoices(string expected, params string[] args)
    {
        // Until session 33 System.CommandLine's words, each choice on a line of its own, then "Try 'argminer --help'.".
        var (exit, _, stderr) = Support.Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.Equal(expected, stderr.TrimEnd('\n'));
    }

    [Fact]
    public void GivenAnUnknownTaggerKind_WhenTrainingOrEvaluatingATagger_ThenOneLineNamesTheKinds()
    {
        var (exit, _, stderr) = Support.Cli.Run("evaluate-tagger", "chunk", "--model", "m.model", "--data", "d.conllu");
        Assert.Equal(2, exit);
        var line = Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Matches("^argminer: <[a-z]+> takes pos or ner, not 'chunk'$", line);
    }

    [Fact]
    public void GivenAnEmbeddingCacheUnderAFile_WhenTierTrainingStarts_ThenItIsAUsageErrorBeforeAnythingIsTagged()
    {
        // Until session 33 found when the first vectors were written, after tagging and loading the encoders, in .NET's words.
        using var dir = new TempDirectory();
        var data = dir.Write("data.csv", "text,label\nThe plan will fail.,claim\nIt rained on Monday.,evidence\n");
        var cache = Path.Combine(data, "cache");

        var (exit, stdout, stderr) = Support.Cli.Run("train-accurate", "--data", data, "--out", dir.File("m.model"), "--embedding-cache", cache);

        Assert.Equal(2, exit);
        Assert.Equal($"argminer: --embedding-cache {cache}: {data} is a file", stderr.Trim());
        Assert.Empty(stdout);
        Assert.False(File.Exists(dir.File("m.model")));
    }

    [Theory]
    [InlineData("run", "inputs", "", "--out", "{dir}/o")]
    [InlineData("run", "--out", "{dir}/in", "--out", "")]
    [InlineData("merge", "shards", "", "--out", "{dir}/o")]
    [InlineData("classify", "--out", "--input", "{dir}/in/a.txt", "--out", "")]
    [InlineData("classify", "--input", "--input", "")]
    [InlineData("train", "--out", "--data", "{dir}/in/a.txt", "--out", "")]
    [InlineData("evaluate", "--data", "--data", "")]
    [InlineData("evaluate-text", "--ud", "--ud", "")]
    public void GivenAnEmptyPath_WhenTheCommandRuns_ThenItIsAUsageErrorWithoutAStackTrace(string command, string name, params string[] args)
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");

        var (exit, stdout, stderr) = Support.Cli.Run([command, .. args.Select(a => a.Replace("{dir}", dir.Path, StringComparison.Ordinal))]);

        Assert.Equal(2, exit);
        Assert.Equal($"argminer: {name}: an empty string is not a path", stderr.Trim());
        Assert.Empty(stdout);
        Assert.False(Directory.Exists(dir.File("o")));
    }

    [Fact]
    public void GivenStandardInputAsDash_WhenRun_ThenItIsNotTakenForAnOption()
    {
        var (exit, _, stderr) = Support.Cli.Run("run", "-", "--bogus");
        Assert.Equal(2, exit);
        Assert.Contains("'--bogus'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'-'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenStandardInputTwice_WhenRun_ThenItIsAUsageErrorSayingSo()
    {
        using var dir = new TempDirectory();
        var (exit, _, stderr) = Support.Cli.Run("run", "-", "-", "--out", dir.File("out"));
        Assert.Equal(2, exit);
        Assert.Contains("argminer: standard input (-) can be given once", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void GivenHelpAsACommand_WhenRun_ThenItListsTheCommands()
    {
        var (exit, stdout, _) = Support.Cli.Run("help");
        Assert.Equal(0, exit);
        Assert.Contains("train-tagger", stdout, StringComparison.Ordinal);
        Assert.Contains("classify", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenHelpWithACommand_WhenRun_ThenItShowsThatCommandsOptions()
    {
        var (exit, stdout, _) = Support.Cli.Run("help", "run");
        Assert.Equal(0, exit);
        Assert.Contains("--jobs", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--jobs", "abc")]
    [InlineData("--jobs", "1.5")]
    public void GivenANonNumberForAnIntegerOption_WhenRun_ThenTheMessageAsksForAWholeNumber(string option, string value)
    {
        var (exit, _, stderr) = Support.Cli.Run("run", "x.txt", "--out", "o", option, value);
        Assert.Equal(2, exit);
        Assert.Contains("a whole number", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Int32", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenANonNumberForADecimalOption_WhenRun_ThenTheMessageAsksForANumber()
    {
        var (exit, _, stderr) = Support.Cli.Run("train-tagger", "ner", "--data", "x.csv", "--out", "m.model", "--prune", "lots");
        Assert.Equal(2, exit);
        Assert.Contains("--prune takes a number", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("100000")]
    public void GivenMoreJobsThanTheToolAllows_WhenRun_ThenAUsageErrorGivesTheRange(string jobs)
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--jobs", jobs);
        Assert.Equal(2, exit);
        Assert.Contains("--jobs must be between 1 and ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTrainTaggerWithoutOut_WhenRun_ThenItRefusesInsteadOfOverwritingTheShippedModel()
    {
        using var dir = new TempDirectory();
        var data = dir.Write("small.conllu", "1\tHi\t_\tINTJ\t_\t_\t0\troot\t_\t_\n\n");
        var shipped = Path.Combine(Repository.Root, "models", "pos.model");
        var before = File.GetLastWriteTimeUtc(shipped);
        var (exit, _, stderr) = Support.Cli.Run("train-tagger", "pos", "--data", data, "--epochs", "1");
        Assert.Equal(2, exit);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.GetLastWriteTimeUtc(shipped));
    }

    [Fact]
    public void GivenAFolderAsTheModel_WhenRun_ThenOneLineSaysItIsAFolder()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");
        Directory.CreateDirectory(dir.File("models"));
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--model", dir.File("models"));
        Assert.Equal(1, exit);
        Assert.Equal($"argminer: {dir.File("models")}: is a folder, not a model file", stderr.Trim());
        Assert.False(Directory.Exists(dir.File("out")));
    }
}
