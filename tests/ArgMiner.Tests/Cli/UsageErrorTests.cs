using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

public class UsageErrorTests
{
    [Fact]
    public void Given_an_unknown_option_When_run_Then_it_is_a_usage_error_not_a_file()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--bogus", "x", "--out", dir.File("out"));
        Assert.Equal(2, exit);
        Assert.Contains("unknown option '--bogus'", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void Given_standard_input_as_dash_When_run_Then_it_is_not_taken_for_an_option()
    {
        var (exit, _, stderr) = Support.Cli.Run("run", "-", "--bogus");
        Assert.Equal(2, exit);
        Assert.Contains("'--bogus'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'-'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_help_as_a_command_When_run_Then_it_lists_the_commands()
    {
        var (exit, stdout, _) = Support.Cli.Run("help");
        Assert.Equal(0, exit);
        Assert.Contains("train-tagger", stdout, StringComparison.Ordinal);
        Assert.Contains("classify", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_help_with_a_command_When_run_Then_it_shows_that_commands_options()
    {
        var (exit, stdout, _) = Support.Cli.Run("help", "run");
        Assert.Equal(0, exit);
        Assert.Contains("--jobs", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--jobs", "abc")]
    [InlineData("--jobs", "1.5")]
    public void Given_a_non_number_for_an_integer_option_When_run_Then_the_message_asks_for_a_whole_number(string option, string value)
    {
        var (exit, _, stderr) = Support.Cli.Run("run", "x.txt", "--out", "o", option, value);
        Assert.Equal(2, exit);
        Assert.Contains("a whole number", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Int32", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_non_number_for_a_decimal_option_When_run_Then_the_message_asks_for_a_number()
    {
        var (exit, _, stderr) = Support.Cli.Run("train-tagger", "ner", "--data", "x.csv", "--out", "m.model", "--prune", "lots");
        Assert.Equal(2, exit);
        Assert.Contains("--prune takes a number", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2147483647")]
    [InlineData("100000")]
    public void Given_more_jobs_than_the_tool_allows_When_run_Then_a_usage_error_gives_the_range(string jobs)
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--jobs", jobs);
        Assert.Equal(2, exit);
        Assert.Contains("--jobs must be between 1 and ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_train_tagger_without_out_When_run_Then_it_refuses_instead_of_overwriting_the_shipped_model()
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
    public void Given_a_folder_as_the_model_When_run_Then_one_line_says_it_is_a_folder()
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
