using ArgMiner.Cli.Commands;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Pipeline;
using ArgMiner.Tests.Support;
using ArgMiner.Text;

namespace ArgMiner.Tests.Cli;

/// <summary>
/// A disk that fills while outputs are written: one line naming the output the user asked for (not the hidden
/// <c>.NAME.partial</c> being written) and saying the disk is full, with what was published before kept. Linux's
/// always-full device, <c>/dev/full</c>, stands in for the full disk: a link to it where a temporary file is written
/// makes every write there fail with ENOSPC, as on a full disk, without root or a real small file system.
/// </summary>
public sealed class DiskFullTests
{
    private static readonly string Full = OperatingSystem.IsWindows() ? "the disk is full" : "the disk is full (No space left on device)";

    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(File.ReadAllBytes(f)), StringComparer.Ordinal);

    private static string[] Listing(string folder) => [.. Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Theory]
    [InlineData(28)]
    [InlineData(unchecked((int)0x80070070))]
    [InlineData(unchecked((int)0x80070027))]
    public void GivenTheSystemsNoSpaceError_WhenWorded_ThenItSaysTheDiskIsFullWithoutTheTemporaryPath(int code)
    {
        var ex = new IOException("No space left on device : '/data/.out.partial/.documents.csv.partial'", code);
        var nativeCode = OperatingSystem.IsWindows() ? code != 28 : code == 28;

        Assert.Equal(nativeCode ? "the disk is full (No space left on device)" : null, OutputPath.NoSpace(ex));
        Assert.Equal(nativeCode ? "the disk is full (No space left on device)" : null, OutputPath.NoSpace(new InvalidOperationException("wrapped", ex)));
        Assert.Null(OutputPath.NoSpace(new IOException("Input/output error : '/data/x'", 5)));
        Assert.Null(OutputPath.NoSpace(new UnauthorizedAccessException("denied")));
    }

    [PathFact("/dev/full")]
    public void GivenAFullDisk_WhenAFileIsWritten_ThenTheErrorNamesTheFileAskedForAndTheEarlierOneIsKept()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("pred.csv", "the earlier predictions\n");
        File.CreateSymbolicLink(dir.File(".pred.csv.partial"), "/dev/full");

        var ex = Assert.Throws<NoSpaceException>(() => AtomicFile.WriteText(path, new System.Text.UTF8Encoding(false), w => w.Write(new string('x', 100_000))));

        // .NET's words ("No space left on device : '…/.pred.csv.partial'") named the hidden file until session 35.
        Assert.Equal($"{path}: cannot be written: {Full}; the earlier pred.csv is kept. Free some space and run again", ex.Message);
        Assert.NotNull(OutputPath.NoSpace(ex));
        Assert.Equal("the earlier predictions\n", File.ReadAllText(path));
        Assert.Equal(["pred.csv"], Listing(dir.Path));
    }

    [PathFact("/dev/full")]
    public void GivenAFullDisk_WhenClassifyWritesItsOut_ThenOneLineNamesItAndSaysTheDiskIsFull()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("in.txt", "Prices rose by 10 percent last year.\nI think this is wrong.\n");
        var pred = dir.File("pred.csv");
        File.CreateSymbolicLink(dir.File(".pred.csv.partial"), "/dev/full");

        var (exit, stdout, stderr) = Support.Cli.Run("classify", "--input", input, "--out", pred);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"argminer: {pred}: cannot be written: {Full}. Free some space and run again", stderr.TrimEnd('\n', '\r'));
        Assert.Equal(["in.txt"], Listing(dir.Path));
    }

    [PathFact("/dev/full")]
    public void GivenAFullDisk_WhenAModelIsSaved_ThenOneLineNamesTheModelFileAndItsPathIsNotSaidTwice()
    {
        using var dir = new TempDirectory();
        var path = dir.File("model.model");
        File.CreateSymbolicLink(dir.File(".model.model.partial"), "/dev/full");
        var package = new ArgMiner.Models.ModelPackage("test-kind", 1, []);
        package.Entries["weights.bin"] = new byte[200_000];
        var stderr = new StringWriter();

        // train's and train-tagger's last step, after all the training.
        var exit = ClassifierCli.SaveModel(package.Save, path, new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Equal($"argminer: {path}: cannot be written: {Full}. Free some space and run again", stderr.ToString().TrimEnd('\n', '\r'));
        Assert.Equal([], Listing(dir.Path));
    }

    [PathFact("/dev/full")]
    public void GivenAFullDisk_WhenARunPublishes_ThenOneLineNamesTheOutputFolderAndItsEarlierFilesStay()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        Assert.Equal(0, Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out")).Exit);
        var before = Snapshot(dir.File("out"));
        dir.Write("in/b.txt", "A second article. It changes the outputs.");

        // While the batch runs, the set's list of files in the staging folder is made a link to the full device: writing
        // it, the last step before the swap, fails as on a full disk.
        var stage = new OnFirstDocument(() => File.CreateSymbolicLink(Path.Combine(dir.File(".out.partial"), OutputSet.ManifestName), "/dev/full"));
        var stderr = new StringWriter();
        var exit = RunCommand.Run([dir.File("in")], dir.File("out"), OutputFormats.All, 1, new StringWriter(), stderr, new TextPipeline([.. TextPipeline.CreateDefault().Stages, stage]));

        // Until session 35 the IOException left RunCommand.Run, its message naming the staging folder's .argminer-output.
        Assert.Equal(1, exit);
        var outDir = dir.File("out");
        Assert.Equal($"argminer: {outDir}: {Full}; nothing was written, {outDir} is left as it was. Free some space and run again", stderr.ToString().TrimEnd('\n', '\r'));
        Assert.Equal(before, Snapshot(outDir));
        Assert.Equal(["in", "out"], Listing(dir.Path));
    }

    [PathFact("/dev/full")]
    public void GivenAFullDisk_WhenAResumableRunCheckpoints_ThenOneLineNamesTheOutputFolderAndSaysTheDiskIsFull()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 6; i++)
        {
            dir.Write($"in/doc{i}.txt", $"Article {i}. It has two sentences.");
        }

        var stage = new OnFirstDocument(() => File.CreateSymbolicLink(Path.Combine(dir.File(".out.partial"), "." + ShardState.CheckpointName + ".partial"), "/dev/full"));
        var settings = new RunSettings([dir.File("in")], dir.File("out"), OutputFormats.All, 1, null, TextOnly: true, TextEncodingChoice.Auto, Resume: true, CheckpointEvery: 2);
        var stderr = new StringWriter();

        var exit = CheckpointedRun.Run(settings, new TextPipeline([.. TextPipeline.CreateDefault().Stages, stage]), new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(1, exit);
        var outDir = dir.File("out");
        Assert.Equal(
            $"argminer: {outDir}: {Full}; {outDir} is left as it was; it stopped before its first checkpoint (every --checkpoint-every 2 documents), so the same command with --resume starts over",
            stderr.ToString().TrimEnd('\n', '\r'));
        Assert.False(Directory.Exists(outDir));
    }

    /// <summary>A stage that changes nothing and runs <paramref name="act"/> when it meets the batch's first document.</summary>
    private sealed class OnFirstDocument(Action act) : IProcess
    {
        private int _seen;

        public string Name => "on-first-document";

        public DocumentLayers Requires => DocumentLayers.None;

        public DocumentLayers Assigns => DocumentLayers.None;

        public Document Process(Document document)
        {
            if (Interlocked.Increment(ref _seen) == 1)
            {
                act();
            }

            return document;
        }
    }
}
