using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

/// <summary>What a run does to the output folder when the user makes an ordinary mistake.</summary>
public class OutputSafetyTests
{
    private static string[] Listing(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    private static void AssertUnchanged(Dictionary<string, byte[]> before, string folder)
    {
        var after = Snapshot(folder);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, bytes) in before)
        {
            Assert.Equal(bytes, after[name]);
        }
    }

    private static TempDirectory WithEarlierRun(out Dictionary<string, byte[]> outputs)
    {
        var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        Assert.Equal(0, Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out")).Exit);
        outputs = Snapshot(dir.File("out"));
        return dir;
    }

    [Fact]
    public void GivenAMistypedInputPath_WhenRun_ThenTheEarlierOutputsStayAsTheyWere()
    {
        using var dir = WithEarlierRun(out var before);
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("inn"), "--out", dir.File("out"));
        Assert.Equal(1, exit);
        Assert.Contains("no document was read", stderr, StringComparison.Ordinal);
        AssertUnchanged(before, dir.File("out"));
        Assert.Equal(["in", "out"], Listing(dir.Path));
    }

    [Fact]
    public void GivenARunWithFewerFormats_WhenRunIntoAnEarlierOutputFolder_ThenTheStaleFileGoesAndTheRunSaysSo()
    {
        using var dir = WithEarlierRun(out _);
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv");
        Assert.Equal(0, exit);
        Assert.False(File.Exists(dir.File("out/documents.jsonl")));
        Assert.Contains("documents.jsonl", stderr, StringComparison.Ordinal);
        Assert.Contains("earlier run", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenOutEqualToTheInputFolder_WhenRun_ThenItIsRefusedAndNothingChanges()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        var before = Snapshot(dir.File("in"));
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("in"));
        Assert.Equal(2, exit);
        Assert.Contains("input", stderr, StringComparison.Ordinal);
        AssertUnchanged(before, dir.File("in"));
    }

    [Fact]
    public void GivenOutInsideAnInputFolder_WhenRun_ThenItIsRefusedBecauseTheNextRunWouldReadIt()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("in/out"));
        Assert.Equal(2, exit);
        Assert.Contains("inside the input folder", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("in/out")));
    }

    [Fact]
    public void GivenOutInsideAnInputFolderGivenThroughALink_WhenRun_ThenItIsRefusedBecauseTheNextRunWouldReadIt()
    {
        using var dir = new TempDirectory();
        dir.Write("data/in/a.txt", "A first article. It has two sentences.");
        Directory.CreateSymbolicLink(dir.File("in"), dir.File("data/in"));
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("data/in/out"));
        Assert.Equal(2, exit);
        Assert.Contains("inside the input folder", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("data/in/out")));
        (exit, _, stderr) = Support.Cli.Run("run", dir.File("data/in"), "--out", dir.File("in/out"));
        Assert.Equal(2, exit);
        Assert.Contains("inside the input folder", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenOutALinkToAFolderElsewhere_WhenRunTwice_ThenTheOutputsGoWhereItLeadsAndTheLinkStays()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        Directory.CreateDirectory(dir.File("scratch/out"));
        Directory.CreateSymbolicLink(dir.File("out"), dir.File("scratch/out"));
        for (var run = 0; run < 2; run++)
        {
            var (exit, _, _) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"));
            Assert.Equal(0, exit);
            Assert.NotNull(new DirectoryInfo(dir.File("out")).LinkTarget);
            Assert.True(File.Exists(dir.File("scratch/out/documents.csv")));
            Assert.Equal(["in", "out", "scratch"], Listing(dir.Path));
            Assert.Equal(["out"], Listing(dir.File("scratch")));
        }
    }

    [Fact]
    public void GivenOutNamingAnExistingFile_WhenRun_ThenAClearUsageErrorAndTheFileIsKept()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        dir.Write("results.csv", "precious");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("results.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("is a file, not a folder", stderr, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(dir.File("results.csv")));
    }

    [Fact]
    public void GivenAnOutputFolderHoldingOtherFiles_WhenRun_ThenItIsRefusedAndTheyAreKept()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        dir.Write("mine/notes.md", "my notes");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("mine"));
        Assert.Equal(2, exit);
        Assert.Contains("notes.md", stderr, StringComparison.Ordinal);
        Assert.Equal(["notes.md"], Listing(dir.File("mine")));
    }

    [Fact]
    public void GivenLeftoversOfAnInterruptedRun_WhenRunAgain_ThenTheyAreRemovedAndNamed()
    {
        using var dir = WithEarlierRun(out _);
        dir.Write(".out.partial/sentences.csv", new string('x', 5000));
        dir.Write("out/.documents.csv.partial", "half a file from an older version");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"));
        Assert.Equal(0, exit);
        Assert.Contains("interrupted run", stderr, StringComparison.Ordinal);
        Assert.Equal(["in", "out"], Listing(dir.Path));
        Assert.DoesNotContain(Listing(dir.File("out")), n => n!.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenAnInterrupt_WhenRun_ThenNothingIsWrittenTheOldOutputsStayAndTheRunSaysSo()
    {
        using var dir = WithEarlierRun(out var before);
        dir.Write("in/b.txt", "A second article. It changes the outputs.");
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        var stderr = new StringWriter();
        var exit = ArgMiner.Cli.Commands.RunCommand.Run(
            [dir.File("in")], dir.File("out"), ArgMiner.Output.OutputFormats.All, 1, new StringWriter(), stderr, ArgMiner.Pipeline.TextPipeline.CreateDefault(), interrupt.Token);
        Assert.Equal(130, exit);
        Assert.Contains("interrupted", stderr.ToString(), StringComparison.Ordinal);
        AssertUnchanged(before, dir.File("out"));
        Assert.Equal(["in", "out"], Listing(dir.Path));
    }

    [Fact]
    public void GivenAnOutputFolderMadeReadOnly_WhenRunIntoIt_ThenItIsRefusedAndItsFilesStay()
    {
        // Root writes in any folder, so as root the runs are made as the unprivileged user 'nobody' (setpriv, util-linux).
        var root = Environment.UserName == "root";
        if (OperatingSystem.IsWindows() || (root && ExternalProgram.Find("setpriv") is null))
        {
            return;
        }

        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_111_111);
        var user = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : string.Empty;
        var home = new Dictionary<string, string> { ["HOME"] = dir.Path };
        Assert.Equal(0, ChildRun.Run($"{user}\"$ARGMINER\" run '{dir.File("in")}' --out '{dir.File("out")}'", home).Exit);
        var before = Snapshot(dir.File("out"));
        File.SetUnixFileMode(dir.File("out"), (UnixFileMode)0b101_101_101);
        var (exit, err) = ChildRun.Run($"{user}\"$ARGMINER\" run '{dir.File("in")}' --out '{dir.File("out")}' --format csv", home);
        File.SetUnixFileMode(dir.File("out"), (UnixFileMode)0b111_101_101);
        Assert.Equal(2, exit);
        Assert.Contains("read-only", err, StringComparison.Ordinal);
        AssertUnchanged(before, dir.File("out"));
        Assert.Equal(["in", "out"], Listing(dir.Path));
    }

    [Fact]
    public void GivenClassifyWithOutEqualToInput_WhenRun_ThenItIsRefusedAndTheInputIsKept()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.txt", "One sentence.\nAnother one.\n");
        var (exit, _, stderr) = Support.Cli.Run("classify", "--input", path, "--out", path);
        Assert.Equal(2, exit);
        Assert.Contains("also an input", stderr, StringComparison.Ordinal);
        Assert.Equal("One sentence.\nAnother one.\n", File.ReadAllText(path));
    }

    [Fact]
    public void GivenTrainWithOutEqualToItsData_WhenRun_ThenItIsRefusedAndTheDataIsKept()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mine.csv", "text,label\nIt is bad.,opinion\nIt rose 5%.,evidence\n");
        var (exit, _, stderr) = Support.Cli.Run("train", "--data", path, "--out", path, "--folds", "0");
        Assert.Equal(2, exit);
        Assert.Contains("also an input", stderr, StringComparison.Ordinal);
        Assert.Equal("text,label\nIt is bad.,opinion\nIt rose 5%.,evidence\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("evaluate", "--predictions")]
    [InlineData("evaluate", "--against-predictions")]
    [InlineData("train", "--predictions")]
    public void GivenASideFileEqualToTheData_WhenRun_ThenItIsRefusedAndTheDataIsKept(string command, string option)
    {
        using var dir = new TempDirectory();
        const string data = "text,label\nIt is bad.,opinion\nIt rose 5%.,evidence\n";
        var path = dir.Write("mine.csv", data);
        var predictions = dir.Write("old-predictions.csv", "origin,doc,gold,label\n");

        // --against-predictions is read: writing --predictions over it is the clash there.
        string[] args = option == "--against-predictions"
            ? [command, "--data", path, "--against-predictions", predictions, "--predictions", predictions]
            : command == "train" ? [command, "--data", path, option, path, "--out", dir.File("m.model")] : [command, "--data", path, option, path];
        var (exit, _, stderr) = Support.Cli.Run(args);

        Assert.Equal(2, exit);
        Assert.Contains("refusing to write over it", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(data, File.ReadAllText(path));
        Assert.Equal("origin,doc,gold,label\n", File.ReadAllText(predictions));
        Assert.False(File.Exists(dir.File("m.model")));
    }

    [Fact]
    public void GivenASideFileThatIsALinkToTheData_WhenRun_ThenItIsRefusedAndTheDataIsKept()
    {
        using var dir = new TempDirectory();
        const string data = "text,label\nIt is bad.,opinion\nIt rose 5%.,evidence\n";
        var path = dir.Write("mine.csv", data);
        var link = dir.File("predictions.csv");
        File.CreateSymbolicLink(link, path);

        var (exit, _, stderr) = Support.Cli.Run("evaluate", "--data", path, "--predictions", link);

        Assert.Equal(2, exit);
        Assert.Contains("refusing to write over it", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Equal(data, File.ReadAllText(path));
    }

    [Fact]
    public void GivenAShardsOutputFolderWithANameTooLong_WhenRun_ThenOneLineSaysSoWithExit2SoNoEngineRetriesIt()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File(new string('s', 250)), "--shard", "0/2", "--resume");
        Assert.Equal(2, exit);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("too long", stderr, StringComparison.Ordinal);
        Assert.Equal(["in"], Listing(dir.Path));
    }

    [Fact]
    public void GivenAnOutputFolderNameWithALineBreak_WhenRunRerunAndRefused_ThenEachThingSaidIsOneLine()
    {
        // A line break in --out was printed as it is: the summary, a note and a refusal each took two lines, the second
        // without "argminer:", as a file name's did before InputError showed it as \n.
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        var output = dir.File("o\nx");
        var runs = new[]
        {
            Support.Cli.Run("run", dir.File("in"), "--out", output),
            Support.Cli.Run("run", dir.File("in"), "--out", output, "--format", "csv"),
        };
        File.WriteAllText(Path.Combine(output, "mine.txt"), "mine");
        var refused = Support.Cli.Run("run", dir.File("in"), "--out", output);

        Assert.Equal([0, 0, 2], runs.Append(refused).Select(r => r.Exit));
        Assert.Contains("documents.jsonl was from an earlier run", runs[1].Err, StringComparison.Ordinal);
        Assert.Contains("files ArgMiner did not write", refused.Err, StringComparison.Ordinal);
        var said = runs.Append(refused).SelectMany(r => (r.Out + r.Err).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Contains(said, line => line.Contains("1 document, 2 sentences, ", StringComparison.Ordinal)); // the summary line
        Assert.All(said, line => Assert.StartsWith("argminer: ", line, StringComparison.Ordinal));
        Assert.Contains("o\\nx", refused.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnOutputFolderThatIsALinkLoop_WhenRun_ThenOneLineSaysSoWithExit2()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        File.CreateSymbolicLink(dir.File("a"), dir.File("L"));
        File.CreateSymbolicLink(dir.File("L"), dir.File("a"));
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("L"));
        Assert.Equal(2, exit);
        Assert.Equal($"argminer: --out {dir.File("L")} is a symbolic link that leads nowhere (a loop); give another folder", Assert.Single(stderr.TrimEnd('\n').Split('\n')));
        Assert.Equal(["L", "a", "in"], Listing(dir.Path));
    }

    [Fact]
    public void GivenOutputFolderNamesWithALineBreak_WhenRunAndMergeReadNothingOrFindTheShardDone_ThenEachThingSaidIsOneLine()
    {
        // These lines printed --out as it is after session 32's first pass, a line break taking each onto two lines.
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", string.Empty);
        var runs = new[]
        {
            Support.Cli.Run("run", dir.File("in"), "--out", dir.File("o\nx")),
            Support.Cli.Run("run", dir.File("in"), "--out", dir.File("o\nx"), "--resume"),
            Support.Cli.Run("run", dir.File("in"), "--out", dir.File("s\nx"), "--shard", "0/1", "--resume"),
            Support.Cli.Run("run", dir.File("in"), "--out", dir.File("s\nx"), "--shard", "0/1", "--resume"),
            Support.Cli.Run("merge", dir.File("s\nx"), "--out", dir.File("m\nx")),
            Support.Cli.Run("merge", dir.File("n\nx"), "--out", dir.File("m\nx")),
        };

        Assert.Equal([1, 1, 0, 0, 1, 1], runs.Select(r => r.Exit));
        Assert.Contains(dir.File("n\\nx"), runs[5].Err, StringComparison.Ordinal);
        Assert.Contains("already complete in " + dir.File("s\\nx"), runs[3].Out, StringComparison.Ordinal);
        Assert.Contains("nothing written, " + dir.File("m\\nx"), runs[4].Err, StringComparison.Ordinal);
        var said = runs.SelectMany(r => (r.Out + r.Err).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(2, said.Count(line => line.Contains("no document was read; nothing written, " + dir.File("o\\nx"), StringComparison.Ordinal)));
        Assert.All(said, line => Assert.StartsWith("argminer: ", line, StringComparison.Ordinal));
    }
}
