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

    [Theory]
    [InlineData("evaluate-text", "--ud")]
    [InlineData("classify", "--input")]
    [InlineData("import-vectors", "--text")]
    public void GivenAFolderWhereAFileIsRead_WhenTheCommandRuns_ThenOneLineSaysItIsAFolderAndExitCode1(string command, string option)
    {
        var folder = Directory.CreateTempSubdirectory("argminer-folder-").FullName;
        try
        {
            var stderr = new StringWriter();
            var code = CommandLine.Run([command, option, folder, .. command == "import-vectors" ? new[] { "--out", Path.Combine(folder, "v.model") } : []], new StringWriter(), stderr);
            Assert.Equal(1, code);
            var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"argminer: {folder} is a folder; give a file", Assert.Single(lines).TrimEnd('\r'));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Prices rose 5% last year.\nI think this is wrong.\n", "no CoNLL-U word lines (tab-separated ID, FORM, …); not a CoNLL-U file")]
    [InlineData("# text = It works.\n\n", "no CoNLL-U word lines (tab-separated ID, FORM, …); not a CoNLL-U file")]
    [InlineData("# text = It works.\n1\tIt\t_\t_\t_\t_\t0\troot\t_\t_\n2\twork\xE9s\t_\t_\t_\t_\t0\troot\t_\t_\n\n", "cannot read CoNLL-U (line 3: not valid UTF-8 (bad byte 0xE9 at byte 49))")]
    public void GivenAFileThatIsNotCoNllU_WhenEvaluateTextRuns_ThenOneErrorLineAndExitCode1(string content, string message)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [.. content.Select(c => (byte)c)]);
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = CommandLine.Run(["evaluate-text", "--ud", path], stdout, stderr);
            Assert.Equal(1, code);
            Assert.Empty(stdout.ToString());
            var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal($"argminer: {path}: {message}", Assert.Single(lines).TrimEnd('\r'));
        }
        finally
        {
            File.Delete(path);
        }
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

    [Fact]
    public void GivenTwoGenres_WhenEvaluateTextRuns_ThenEachGenreGetsItsOwnSentenceLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path,
                "# newdoc id = a\n# sent_id = email-a-1\n# text = It works.\n1\tIt\t_\t_\t_\t_\t0\troot\t_\t_\n2\tworks\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n3\t.\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
                + "# newdoc id = b\n# sent_id = reviews-b-1\n# text = Good food\n1\tGood\t_\t_\t_\t_\t0\troot\t_\t_\n2\tfood\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
                + "# sent_id = reviews-b-2\n# text = Go.\n1\tGo\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t0\troot\t_\t_\n\n");
            var stdout = new StringWriter();
            var code = CommandLine.Run(["evaluate-text", "--ud", path], stdout, new StringWriter());
            Assert.Equal(0, code);
            var output = stdout.ToString();
            Assert.Contains("sentences [email]: precision 1.0000 recall 1.0000 f1 1.0000 (gold 1, predicted 1, correct 1)", output, StringComparison.Ordinal);
            // "Good food Go." is one paragraph with no mark after "food": one predicted sentence, two gold.
            Assert.Contains("sentences [reviews]: precision 0.0000 recall 0.0000 f1 0.0000 (gold 2, predicted 1, correct 0)", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
