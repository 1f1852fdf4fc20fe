using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

/// <summary>A file a command writes (classify's --out, evaluate's --predictions, train's --out) at a path it cannot use.</summary>
public class OutputFilePathTests
{
    private static string[] Listing(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    private static TempDirectory WithInputs()
    {
        var dir = new TempDirectory();
        dir.Write("a.txt", "Taxes rose by 4 % last year.\nI think that is wrong.\n");
        dir.Write("d.csv", "text,label\nTaxes rose by 4 % last year.,evidence\nI think that is wrong.,opinion\nWe must act now.,claim\nThe sky is blue.,other\n");
        return dir;
    }

    private static (int Exit, string Out, string Err)[] EachCommandWriting(TempDirectory dir, string path) =>
    [
        Support.Cli.Run("classify", "--input", dir.File("a.txt"), "--out", path),
        Support.Cli.Run("evaluate", "--data", dir.File("d.csv"), "--predictions", path),
        Support.Cli.Run("train", "--data", dir.File("d.csv"), "--folds", "0", "--no-tag", "--out", path),
    ];

    [Theory]
    [InlineData(247)]
    [InlineData(250)]
    [InlineData(255)]
    public void GivenAnOutputFileNameTooLongForItsPartialFile_WhenClassifyEvaluateOrTrainWrite_ThenOneLineSaysSoWithExit2(int bytes)
    {
        // Until session 32 .NET's own words ("The path '…' is too long, or a component of the specified path is too long."), exit 1.
        using var dir = WithInputs();
        var path = dir.File(new string('p', bytes - 4) + ".csv");
        var options = new[] { "--out", "--predictions", "--out" };
        foreach (var (result, option) in EachCommandWriting(dir, path).Zip(options))
        {
            Assert.Equal(2, result.Exit);
            var line = Assert.Single(result.Err.TrimEnd('\n').Split('\n'));
            Assert.Equal($"argminer: {option} {path}: its name is too long ({bytes} bytes; it is written first as .NAME.partial beside it, so at most 246); give a shorter name", line);
        }

        Assert.Equal(["a.txt", "d.csv"], Listing(dir.Path));
    }

    [Fact]
    public void GivenAnOutputFileUnderAFile_WhenClassifyEvaluateOrTrainWrite_ThenOneLineNamesTheFileInTheWayWithExit2()
    {
        // Until session 32 .NET's own words ("The file '…/notes.txt' already exists."), exit 1, train's after the whole training.
        using var dir = WithInputs();
        dir.Write("notes.txt", "mine");
        var path = dir.File("notes.txt/sub/pred.csv");
        var options = new[] { "--out", "--predictions", "--out" };
        foreach (var (result, option) in EachCommandWriting(dir, path).Zip(options))
        {
            Assert.Equal(2, result.Exit);
            var line = Assert.Single(result.Err.TrimEnd('\n').Split('\n'));
            Assert.Equal($"argminer: {option} {path}: its folder cannot be made ({dir.File("notes.txt")} is a file); give another path", line);
        }

        Assert.Equal("mine", File.ReadAllText(dir.File("notes.txt")));
        Assert.Equal(["a.txt", "d.csv", "notes.txt"], Listing(dir.Path));
    }

    [Fact]
    public void GivenAnOutputFileNameWithALineBreakUnderAFile_WhenClassifyWrites_ThenTheOneLineShowsItEscaped()
    {
        using var dir = WithInputs();
        dir.Write("notes.txt", "mine");
        var (exit, _, stderr) = Support.Cli.Run("classify", "--input", dir.File("a.txt"), "--out", dir.File("notes.txt/p\nq.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("p\\nq.csv", Assert.Single(stderr.TrimEnd('\n').Split('\n')), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ro/pred.csv")]
    [InlineData("ro/sub/pred.csv")]
    public void GivenPredictionsInAFolderThisUserMayNotWriteIn_WhenEvaluateRuns_ThenOneLineSaysSoBeforeAnyScoringWithExit2(string predictions)
    {
        // Until session 33 found only when the file was written, after the scoring (exit 1, .NET's words naming the
        // hidden .pred.csv.partial). Root writes in any folder, so as root the command runs as 'nobody' (setpriv, util-linux).
        var root = Environment.UserName == "root";
        if (OperatingSystem.IsWindows() || (root && ExternalProgram.Find("setpriv") is null))
        {
            return;
        }

        using var dir = WithInputs();
        Directory.CreateDirectory(dir.File("ro"));
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(dir.File("ro"), (UnixFileMode)0b101_101_101);
        var user = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : string.Empty;
        var (exit, err) = ChildRun.Run($"{user}\"$ARGMINER\" evaluate --data '{dir.File("d.csv")}' --predictions '{dir.File(predictions)}'", new Dictionary<string, string> { ["HOME"] = dir.Path });
        File.SetUnixFileMode(dir.File("ro"), (UnixFileMode)0b111_101_101);
        Assert.Equal(2, exit);
        var line = Assert.Single(err.TrimEnd('\n').Split('\n'));
        Assert.Equal($"argminer: --predictions {dir.File(predictions)}: {dir.File("ro")} is read-only for this user; make it writable (chmod u+w) or give another path", line);
        Assert.Empty(Listing(dir.File("ro")));
    }

    [ProgramFact("mkfifo")]
    public async Task GivenANamedPipeAsTheOutputFile_WhenClassifyAndEvaluateWrite_ThenTheReaderGetsTheCsvAndThePipeStays()
    {
        // `--out >(gzip > x.gz)` and `--out /dev/stdout` hand a pipe, `--out /dev/null` a device: until session 33 the
        // file was written beside it and renamed over it (or refused where nothing can be made beside it, /proc/self/fd).
        using var dir = WithInputs();
        var pipe = dir.File("pipe.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe))
        {
            mkfifo.WaitForExit();
        }

        foreach (var (command, option, input) in new[] { ("classify", "--out", "--input"), ("evaluate", "--predictions", "--data") })
        {
            var reader = Task.Run(() => File.ReadAllText(pipe));
            var (exit, _, err) = await Task.Run(() => Support.Cli.Run(command, input, dir.File(command == "classify" ? "a.txt" : "d.csv"), option, pipe)).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(exit == 0, err);
            Assert.StartsWith(command == "classify" ? "text,label," : "origin,doc,gold,label,", await reader.WaitAsync(TimeSpan.FromMinutes(1)), StringComparison.Ordinal);
            Assert.True(ArgMiner.Output.OutputPath.IsSpecialFile(pipe));
        }

        Assert.Equal(["a.txt", "d.csv", "pipe.csv"], Listing(dir.Path));
    }
}
