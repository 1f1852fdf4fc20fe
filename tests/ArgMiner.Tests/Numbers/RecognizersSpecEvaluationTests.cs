using ArgMiner.Cli;
using ArgMiner.Numbers.Evaluation;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Numbers;

/// <summary>The Recognizers-Text spec evaluation (needs ../shared; skips cleanly without it).</summary>
public class RecognizersSpecEvaluationTests
{
    private static string? SpecsDirectory()
    {
        var root = NumbersTestKit.RepositoryRoot();
        var dir = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "recognizers-text-specs"));
        return dir is not null && Directory.Exists(dir) ? dir : null;
    }

    [Fact]
    public void GivenTheSpecs_WhenEvaluated_ThenEveryNumberFileHasCasesInScopeAndMostPass()
    {
        var dir = SpecsDirectory();
        if (dir is null)
        {
            return; // ../shared is absent (a fresh clone): nothing to evaluate.
        }

        var results = RecognizersSpecEvaluation.EvaluateDirectory(dir, new RuleTokenizer());
        foreach (var name in new[] { "NumberModel.json", "NumberRangeModel.json", "PercentModel.json", "CurrencyModel.json" })
        {
            var r = Assert.Single(results, x => x.File == name);
            Assert.True(r.InScope > 0, $"{name}: nothing in scope");
            Assert.True(r.InScope <= r.Total);
            Assert.Equal(r.InScope - r.Passed, r.Failures.Count);

            // Not a tuning target: a floor that catches a broken grammar or tokenizer.
            Assert.True(r.PassRate >= 0.8, $"{name}: {r.Passed}/{r.InScope}");
        }
    }

    [Fact]
    public void GivenTheSpecs_WhenTheCommandRuns_ThenItPrintsOneLinePerFile()
    {
        var dir = SpecsDirectory();
        if (dir is null)
        {
            return;
        }

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(["evaluate-numbers", "--specs", dir], stdout, stderr);
        Assert.Equal(0, code);
        Assert.Contains("NumberModel.json", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("CurrencyModel.json", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAMissingFolder_WhenTheCommandRuns_ThenOneLineOnStderrAndExitCode1()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CommandLine.Run(["evaluate-numbers", "--specs", Path.Combine(Path.GetTempPath(), "no-such-specs-" + Guid.NewGuid())], stdout, stderr);
        Assert.Equal(1, code);
        Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void GivenNoArguments_WhenTheCommandRuns_ThenItIsAUsageError()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, CommandLine.Run(["evaluate-numbers"], new StringWriter(), stderr));
        Assert.StartsWith("argminer:", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenASmallSpecFile_WhenEvaluated_ThenScopeAndPassesAreCounted()
    {
        var dir = Directory.CreateTempSubdirectory();
        try
        {
            var path = Path.Combine(dir.FullName, "PercentModel.json");
            File.WriteAllText(path, """
                [
                  { "Input": "It rose 35 percent", "Results": [ { "Text": "35 percent", "TypeName": "percentage", "Resolution": { "value": "35%" }, "Start": 8, "End": 17 } ] },
                  { "Input": "It rose 35 percent", "Results": [ { "Text": "35 percent", "TypeName": "percentage", "Resolution": { "value": "36%" }, "Start": 8, "End": 17 } ] },
                  { "Input": "x", "NotSupported": "dotnet", "Results": [] }
                ]
                """);
            var r = RecognizersSpecEvaluation.EvaluateFile(path, new RuleTokenizer());
            Assert.Equal(3, r.Total);
            Assert.Equal(2, r.InScope);
            Assert.Equal(1, r.Passed);
            Assert.Single(r.Failures);
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
