using ArgMiner.Evaluation;
using ArgMiner.Segmentation;
using ArgMiner.Tests.Support;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Evaluation;

/// <summary>
/// Scores on UD English EWT dev (never used to write rules from whole sentences; see the model of the
/// tokenizer's doc). Reported Skipped when ../shared is not next to the repository.
/// </summary>
public sealed class UdEwtEvaluationTests
{
    private const string Dev = "ud-english-ewt/en_ewt-ud-dev.conllu";

    [SharedCorpusFact(Dev)]
    public void GivenUdEwtDev_WhenTokenized_ThenWordF1IsAtLeast099()
    {
        var path = SharedCorpus.Get(Dev);
        var score = TokenizationEvaluation.EvaluateWords(Conllu.ReadFile(path), new RuleTokenizer());
        Assert.True(score.F1 >= 0.99, $"word {score}");
    }

    [SharedCorpusFact(Dev)]
    public void GivenUdEwtDev_WhenSplitByParagraph_ThenSentenceF1IsAtLeastTheMeasuredFloor()
    {
        var path = SharedCorpus.Get(Dev);
        var score = TokenizationEvaluation.EvaluateSentences(Conllu.ReadFile(path), new RuleTokenizer(), new RuleSentenceSplitter());
        Assert.True(score.F1 >= 0.941, $"sentence {score}");
    }
}
