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
    public void Given_a_mistyped_input_path_When_run_Then_the_earlier_outputs_stay_as_they_were()
    {
        using var dir = WithEarlierRun(out var before);
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("inn"), "--out", dir.File("out"));
        Assert.Equal(1, exit);
        Assert.Contains("no document was read", stderr, StringComparison.Ordinal);
        AssertUnchanged(before, dir.File("out"));
        Assert.Equal(["in", "out"], Listing(dir.Path));
    }

    [Fact]
    public void Given_a_run_with_fewer_formats_When_run_into_an_earlier_output_folder_Then_the_stale_file_goes_and_the_run_says_so()
    {
        using var dir = WithEarlierRun(out _);
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv");
        Assert.Equal(0, exit);
        Assert.False(File.Exists(dir.File("out/documents.jsonl")));
        Assert.Contains("documents.jsonl", stderr, StringComparison.Ordinal);
        Assert.Contains("earlier run", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_out_equal_to_the_input_folder_When_run_Then_it_is_refused_and_nothing_changes()
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
    public void Given_out_inside_an_input_folder_When_run_Then_it_is_refused_because_the_next_run_would_read_it()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A first article. It has two sentences.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("in/out"));
        Assert.Equal(2, exit);
        Assert.Contains("inside the input folder", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("in/out")));
    }

    [Fact]
    public void Given_out_naming_an_existing_file_When_run_Then_a_clear_usage_error_and_the_file_is_kept()
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
    public void Given_an_output_folder_holding_other_files_When_run_Then_it_is_refused_and_they_are_kept()
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
    public void Given_leftovers_of_an_interrupted_run_When_run_again_Then_they_are_removed_and_named()
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
    public void Given_an_interrupt_When_run_Then_nothing_is_written_the_old_outputs_stay_and_the_run_says_so()
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
    public void Given_classify_with_out_equal_to_input_When_run_Then_it_is_refused_and_the_input_is_kept()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.txt", "One sentence.\nAnother one.\n");
        var (exit, _, stderr) = Support.Cli.Run("classify", "--input", path, "--out", path);
        Assert.Equal(2, exit);
        Assert.Contains("also an input", stderr, StringComparison.Ordinal);
        Assert.Equal("One sentence.\nAnother one.\n", File.ReadAllText(path));
    }

    [Fact]
    public void Given_train_with_out_equal_to_its_data_When_run_Then_it_is_refused_and_the_data_is_kept()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("mine.csv", "text,label\nIt is bad.,opinion\nIt rose 5%.,evidence\n");
        var (exit, _, stderr) = Support.Cli.Run("train", "--data", path, "--out", path, "--folds", "0");
        Assert.Equal(2, exit);
        Assert.Contains("also an input", stderr, StringComparison.Ordinal);
        Assert.Equal("text,label\nIt is bad.,opinion\nIt rose 5%.,evidence\n", File.ReadAllText(path));
    }
}
