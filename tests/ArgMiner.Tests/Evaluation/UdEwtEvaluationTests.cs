using ArgMiner.Evaluation;
using ArgMiner.Segmentation;
using ArgMiner.Tests.Segmentation;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Evaluation;

/// <summary>
/// Scores on UD English EWT dev (never used to write rules from whole sentences; see the model of the
/// tokenizer's doc). Skips, passing, when ../shared is not next to the repository.
/// </summary>
public sealed class UdEwtEvaluationTests
{
    private static string? DevPath()
    {
        var path = Path.GetFullPath(Path.Combine(SeedSentencesGoldenTests.RepositoryRoot(), "..", "shared", "corpora", "ud-english-ewt", "en_ewt-ud-dev.conllu"));
        return File.Exists(path) ? path : null;
    }

    [Fact]
    public void GivenUdEwtDev_WhenTokenized_ThenWordF1IsAtLeast099()
    {
        if (DevPath() is not { } path)
        {
            return; // ../shared is absent: nothing to measure here.
        }

        var score = TokenizationEvaluation.EvaluateWords(Conllu.ReadFile(path), new RuleTokenizer());
        Assert.True(score.F1 >= 0.99, $"word {score}");
    }

    [Fact]
    public void GivenUdEwtDev_WhenSplitByParagraph_ThenSentenceF1IsAtLeastTheMeasuredFloor()
    {
        if (DevPath() is not { } path)
        {
            return;
        }

        var score = TokenizationEvaluation.EvaluateSentences(Conllu.ReadFile(path), new RuleTokenizer(), new RuleSentenceSplitter());
        Assert.True(score.F1 >= 0.926, $"sentence {score}");
    }
}
