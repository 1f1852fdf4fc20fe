using ArgMiner.Cli;

namespace ArgMiner.Tests.Cli;

/// <summary>
/// What the native tool hands to the full build (<see cref="FullRuntime"/>). The tests run in the full runtime, so they
/// hold the decision itself; tests/native/check-native.sh holds the native tool to it.
/// </summary>
public class FullRuntimeTests
{
    [Theory]
    [InlineData("run", "in", "--out", "out")]
    [InlineData("run", "in", "--out", "out", "--jobs", "2", "--format", "csv,xlsx,parquet")]
    [InlineData("classify", "--input", "lines.txt")]
    [InlineData("classify", "--input", "lines.txt", "--engine", "compiled", "--tag")]
    [InlineData("merge", "a", "b", "--out", "out")]
    [InlineData("--version")]
    public void GivenWhatTheNativeToolRuns_WhenAsked_ThenNothingIsHandedOver(params string[] args) =>
        Assert.Null(FullRuntime.Needed(Parse(args)));

    [Theory]
    [InlineData("'train'", "train", "--data", "d.csv", "--out", "m.model")]
    [InlineData("'train-accurate'", "train-accurate", "--out", "m.model")]
    [InlineData("'evaluate'", "evaluate", "--data", "d.csv")]
    [InlineData("'evaluate-text'", "evaluate-text", "--ud", "x.conllu")]
    [InlineData("'train-tagger'", "train-tagger", "pos", "--data", "x", "--out", "m")]
    [InlineData("--engine mlnet", "classify", "--input", "lines.txt", "--engine", "mlnet")]
    [InlineData("the accurate tier (--model accurate)", "classify", "--input", "lines.txt", "--model", "accurate")]
    [InlineData("the accurate tier (--model accurate)", "run", "in", "--out", "out", "--model", "accurate")]
    public void GivenWhatNeedsTheJit_WhenAsked_ThenItIsNamed(string expected, params string[] args) =>
        Assert.Equal(expected, FullRuntime.Needed(Parse(args)));

    [Theory]
    [InlineData(null, "run", "in", "--out", "out")]
    [InlineData(null, "classify", "--input", "x")]
    [InlineData(null, "merge", "a", "--out", "o")]
    [InlineData(null, "--version")]
    [InlineData("'train'", "train", "--help")]
    [InlineData("'--help'", "--help")]
    [InlineData("'help'", "help", "run")]
    [InlineData("'rnu'", "rnu", "in")]
    [InlineData("the list of commands")]
    public void GivenACommandLine_WhenTheNativeToolLooksAtItsFirstWord_ThenWhatItCannotParseIsNamed(string? expected, params string[] args) =>
        Assert.Equal(expected, FullRuntime.NeededBeforeParsing(args));

    [Fact]
    public void GivenAFastModelFile_WhenRunWithIt_ThenTheNativeToolRunsIt()
    {
        // A model file is handed over only when it is an accurate-tier model: a retrained fast model runs natively.
        using var dir = new Support.TempDirectory();
        var model = dir.File("mine.model");
        File.Copy(ShippedModelPath(), model);
        Assert.Null(FullRuntime.Needed(Parse("run", "in", "--out", "out", "--model", model)));
    }

    private static System.CommandLine.ParseResult Parse(params string[] args) =>
        CommandLine.CreateRoot(TextWriter.Null, TextWriter.Null).Parse(args);

    private static string ShippedModelPath() => Path.Combine(Support.Repository.Root, "models", "sentence-classifier.model");
}
