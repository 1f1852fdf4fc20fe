using System.Text;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

public sealed class ClassifyInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GivenAWindows1252File_WhenClassified_ThenItIsReadAsWindows1252WithOneWarningNamingTheFileAndLine()
    {
        var input = _dir.WriteBytes("excel.txt", Encoding.Latin1.GetBytes("The council should act.\nThe caf\u00e9 charges \u00a35 for tea.\n"));
        var output = _dir.File("out.csv");

        var (code, _, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);

        Assert.Equal(0, code);
        Assert.Equal($"argminer: warning: {input}: not valid UTF-8 (byte 0xE9 on line 2), read as Windows-1252", stderr.Trim());
        Assert.Contains("The caf\u00e9 charges \u00a35 for tea.,", File.ReadAllText(output, Encoding.UTF8), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenALineOfMoreThanAMillionCharacters_WhenClassified_ThenItIsScoredAsItsFirstMillionWithOneWarningAndEveryLineHasItsRow()
    {
        // Until session 36 a line was held whole however long (a 600 MB line took 8.3 GB).
        var input = _dir.WriteBytes("long.txt", Encoding.UTF8.GetBytes("The council should act.\n" + new string('w', 1_200_000) + "\nThe caf\u00e9 charges \u00a35 for tea.\n"));
        var output = _dir.File("out.csv");

        var (code, _, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);

        Assert.Equal(0, code);
        Assert.Equal($"argminer: warning: {input}, line 2: 1,200,000 characters, more than the 1,000,000 one line may hold; scored and written as its first 1,000,000", stderr.Trim());
        var rows = File.ReadAllText(output, Encoding.UTF8).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith(new string('w', 1_000_000) + ",", rows[2], StringComparison.Ordinal);
        Assert.StartsWith("The caf\u00e9 charges \u00a35 for tea.,", rows[3], StringComparison.Ordinal);
    }

    [ProgramFact("mkfifo")]
    public async Task GivenDamagedUtf8ThroughAPipe_WhenClassified_ThenOneErrorLineNamesTheLineAndNothingIsWritten()
    {
        // A pipe is read once, so no first pass can find the bad byte: it is found as it is read (session 33; it used
        // to be named with no line).
        var pipe = Fifo("pipe.txt");

        var output = _dir.File("out.csv");
        var write = Task.Run(() => File.WriteAllBytes(pipe, [.. Encoding.UTF8.GetBytes("A na\u00efve plan.\nSecond line.\nThird "), 0xFF, .. " line.\n"u8]));
        var (code, _, stderr) = await Task.Run(() => Support.Cli.Run("classify", "--input", pipe, "--out", output)).WaitAsync(TimeSpan.FromMinutes(1));
        await write.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, code);
        Assert.StartsWith($"argminer: {pipe}, line 3: not valid UTF-8 (bad byte 0xFF; ", stderr.Trim(), StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void GivenDamagedUtf8_WhenClassified_ThenOneErrorLineNamesFileAndLineAndNothingIsWritten()
    {
        var bytes = Encoding.UTF8.GetBytes("A na\u00efve plan.\nSecond line.\nThird ").Concat(new byte[] { 0xFF }).Concat(Encoding.ASCII.GetBytes(" line.\n")).ToArray();
        var input = _dir.WriteBytes("damaged.txt", bytes);
        var output = _dir.File("out.csv");

        var (code, stdout, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);

        Assert.Equal(1, code);
        Assert.Equal($"argminer: {input}, line 3: not valid UTF-8 (bad byte 0xFF at byte 34); nothing written", stderr.Trim());
        Assert.Equal(string.Empty, stdout);
        Assert.False(File.Exists(output));
        Assert.Equal([input], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void GivenAFileNamedLikeATemporaryOne_WhenClassifiedBesideIt_ThenItIsLeftAsItWas()
    {
        var input = _dir.Write("in.txt", "The council should act.\n");
        var output = _dir.File("out.csv");
        var mine = _dir.Write("out.csv.tmp", "my own notes");

        var (code, _, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Equal("my own notes", File.ReadAllText(mine));
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'t'], File.ReadAllBytes(output)[..4]);
        Assert.Equal([input, output, mine], Directory.GetFiles(_dir.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenAnOutputInAFolderNotYetMade_WhenClassifiedAndEvaluated_ThenTheFolderIsMadeAndTheFilesWritten()
    {
        var input = _dir.Write("in.txt", "The council should act.\n");
        var data = _dir.Write("data.csv", "text,label\nThe plan will fail.,claim\nIt rained on Monday.,evidence\n");
        var output = _dir.File("new/sub/out.csv");
        var predictions = _dir.File("other/predictions.csv");

        var (code, _, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = Support.Cli.Run("evaluate", "--data", data, "--predictions", predictions);
        Assert.True(code == 0, stderr);

        Assert.StartsWith("text,label,", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.True(File.Exists(predictions));
    }

    [Fact]
    public void GivenAFileNamedLikeAModelsTemporaryOne_WhenAModelIsSavedBesideIt_ThenItIsLeftAsItWas()
    {
        var model = _dir.File("m.model");
        var mine = _dir.Write("m.model.tmp", "my own notes");
        var package = new ArgMiner.Models.ModelPackage("test", 1, []);
        package.Entries["a.bin"] = [1, 2, 3];

        package.Save(model);

        Assert.Equal("my own notes", File.ReadAllText(mine));
        Assert.Equal([1, 2, 3], ArgMiner.Models.ModelPackage.Load(model, "test", 1).Entries["a.bin"]);
        Assert.Equal([model, mine], Directory.GetFiles(_dir.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenUtf16WithABom_WhenClassified_ThenEveryLineIsClassifiedWithItsText()
    {
        var input = _dir.WriteBytes("utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("D\u00e9j\u00e0 vu all over again.\nPrices rose 3 percent.\n")]);
        var output = _dir.File("out.csv");

        var (code, _, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);

        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(output, Encoding.UTF8);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("D\u00e9j\u00e0 vu all over again.,", lines[1], StringComparison.Ordinal);
    }

    [ProgramFact("mkfifo")]
    public async Task GivenANamedPipe_WhenClassified_ThenEveryLineWrittenIntoItIsClassified()
    {
        // `--input <(command)` hands the command a pipe, which can be read only once: before, the encoding pass
        // read it to the end and seeking back to read it again crashed with a stack trace.
        var input = Fifo("pipe.txt");

        var output = _dir.File("out.csv");
        var writer = Task.Run(() => File.WriteAllText(input, "D\u00e9j\u00e0 vu all over again.\nPrices rose 3 percent.\n"));
        var (code, _, stderr) = await Task.Run(() => Support.Cli.Run("classify", "--input", input, "--out", output)).WaitAsync(TimeSpan.FromMinutes(1));
        await writer.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(output, Encoding.UTF8);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("D\u00e9j\u00e0 vu all over again.,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("Prices rose 3 percent.,", lines[2], StringComparison.Ordinal);
    }

    [ProgramFact("mkfifo")]
    public async Task GivenWindows1252TextThroughANamedPipe_WhenClassified_ThenOneLineSaysHowToReadItAndTheEncodingOptionReadsIt()
    {
        // A pipe cannot be scanned before it is read: UTF-8 is required unless --encoding says otherwise.
        var bytes = Encoding.Latin1.GetBytes("The caf\u00e9 charges \u00a35 for tea.\n");
        var output = _dir.File("out.csv");
        var pipe = Fifo("pipe.txt");

        async Task<(int Code, string Stderr)> Classify(params string[] extra)
        {
            var writer = Task.Run(() => File.WriteAllBytes(pipe, bytes));
            var (code, _, stderr) = await Task.Run(() => Support.Cli.Run(["classify", "--input", pipe, "--out", output, .. extra])).WaitAsync(TimeSpan.FromMinutes(1));
            await writer.WaitAsync(TimeSpan.FromMinutes(1));
            return (code, stderr);
        }

        var strict = await Classify();
        Assert.Equal(1, strict.Code);
        Assert.Equal($"argminer: {pipe}, line 1: not valid UTF-8 (bad byte 0xE9; it can be read only once, so it is read as UTF-8: give --encoding windows-1252, or a file with --input to have its encoding detected); nothing written", strict.Stderr.Trim());
        Assert.False(File.Exists(output));

        var chosen = await Classify("--encoding", "windows-1252");
        Assert.True(chosen.Code == 0, chosen.Stderr);
        Assert.StartsWith("The caf\u00e9 charges \u00a35 for tea.,", File.ReadAllLines(output, Encoding.UTF8)[1], StringComparison.Ordinal);
    }

    [ProgramFact("mkfifo")]
    public void GivenClassifyWritingAFile_WhenTerminated_ThenItsHiddenPartialFileGoesAndTheEarlierFileStays()
    {
        // Until session 33 a classify ended by SIGTERM or Ctrl-C left its hidden .out.csv.partial, as large as the output
        // had grown. The input is a pipe kept open, so the command is surely still writing when it is stopped.
        var input = Fifo("pipe.txt");

        var output = _dir.Write("out.csv", "earlier\n");
        using var stopped = new ManualResetEventSlim();
        var writer = Task.Run(() =>
        {
            using var pipe = new StreamWriter(input);
            pipe.WriteLine("A first line is classified at once.");
            pipe.Flush();
            stopped.Wait(TimeSpan.FromMinutes(2));
        });

        var (exit, err) = ChildRun.TerminateAfterCheckpoint($"\"$ARGMINER\" classify --input '{input}' --out '{output}'", new Dictionary<string, string>(), _dir.File(".out.csv.partial"));
        stopped.Set();
        writer.Wait(TimeSpan.FromMinutes(1));

        Assert.Equal(143, exit);
        Assert.Equal("argminer: interrupted; the file being written is removed (an earlier one stays)", err.Trim());
        Assert.Equal("earlier\n", File.ReadAllText(output));
        Assert.Equal(["out.csv", "pipe.txt"], Directory.EnumerateFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [ProgramFact("mkfifo")]
    public void GivenClassifyKilledWhileWritingAFile_WhenClassifyWritesItAgain_ThenTheLeftoverPartialFileIsRemovedWithOneLineAndTheFileIsWhole()
    {
        // `kill -9` runs no clean-up: the hidden .out.csv.partial stayed, and no later command said or removed it
        // (session 37). The input is a pipe kept open, so the command is surely still writing when it is killed.
        var input = Fifo("pipe.txt");
        var output = _dir.File("out.csv");
        using var killed = new ManualResetEventSlim();
        var writer = Task.Run(() =>
        {
            try
            {
                using var pipe = new StreamWriter(input);
                pipe.WriteLine("A first line is classified at once.");
                pipe.Flush();
                killed.Wait(TimeSpan.FromMinutes(2));
            }
            catch (IOException)
            {
                // The reader is gone.
            }
        });
        ChildRun.KillAfterCheckpoint($"\"$ARGMINER\" classify --input '{input}' --out '{output}'", new Dictionary<string, string>(), _dir.File(".out.csv.partial"));
        killed.Set();
        writer.Wait(TimeSpan.FromMinutes(1));
        Assert.True(File.Exists(_dir.File(".out.csv.partial")));

        var again = _dir.Write("in.txt", "The council should act.\n");
        var (code, _, stderr) = Support.Cli.Run("classify", "--input", again, "--out", output);

        Assert.True(code == 0, stderr);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^argminer: .*out\.csv: removed \.out\.csv\.partial \([0-9]+\.[0-9] MB\), the unfinished temporary file of an earlier command that was killed while writing it$", line);
        Assert.StartsWith("text,label,", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(["in.txt", "out.csv", "pipe.txt"], Directory.EnumerateFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenAModelOrInputFileThisUserMayNotRead_WhenClassifying_ThenOneLineSaysItCannotBeRead()
    {
        // Until session 33 .NET's words alone ("Access to the path '…' is denied."). Root reads any file, so as root the
        // command runs as 'nobody' (setpriv, util-linux).
        var root = Environment.UserName == "root";
        if (OperatingSystem.IsWindows() || (root && ExternalProgram.Find("setpriv") is null))
        {
            return;
        }

        using var dir = new TempDirectory();
        var input = dir.Write("a.txt", "One line.\n");
        var model = dir.Write("m.model", "not read");
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(model, UnixFileMode.None);
        var user = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : string.Empty;
        var (exit, err) = ChildRun.Run($"{user}\"$ARGMINER\" classify --model '{model}' --input '{input}' --out -", new Dictionary<string, string> { ["HOME"] = dir.Path });
        Assert.Equal(1, exit);
        Assert.Equal($"argminer: {model}: cannot be read (Access to the path '{model}' is denied)", err.Trim());

        // and an input file the same way
        File.SetUnixFileMode(input, UnixFileMode.None);
        (exit, err) = ChildRun.Run($"{user}\"$ARGMINER\" classify --input '{input}' --out -", new Dictionary<string, string> { ["HOME"] = dir.Path });
        Assert.Equal(1, exit);
        Assert.Equal($"argminer: {input}: cannot be read (Access to the path '{input}' is denied)", err.Trim());
    }

    /// <summary>A named pipe in the test's folder (the tests that use it need the mkfifo program).</summary>
    private string Fifo(string name)
    {
        var path = _dir.File(name);
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        return path;
    }
}
