using ArgMiner.Cli;

namespace ArgMiner.Tests.Cli;

public sealed class EvaluateTextCommandTests
{
    [Fact]
    public void GivenAMissingFile_WhenEvaluateTextRuns_ThenOneErrorLineAndExitCode1()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(["evaluate-text", "--ud", "no/such/file.conllu"], stdout, stderr);
        Assert.Equal(1, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("argminer: no/such/file.conllu: file not found", Assert.Single(lines).TrimEnd('\r'));
    }

    [Fact]
    public void GivenASmallCorpus_WhenEvaluateTextRuns_ThenItPrintsWordAndSentenceScoresWithFourDecimals()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# newpar\n# text = It works.\n1\tIt\t_\t_\t_\t_\t0\troot\t_\t_\n2\tworks\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t0\troot\t_\t_\n\n");
            var stdout = new StringWriter();
            var code = CommandLine.Run(["evaluate-text", "--ud", path], stdout, new StringWriter());
            Assert.Equal(0, code);
            Assert.Contains("words:     precision 1.0000 recall 1.0000 f1 1.0000", stdout.ToString(), StringComparison.Ordinal);
            Assert.Contains("sentences: precision 1.0000 recall 1.0000 f1 1.0000", stdout.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
