using ArgMiner.Ingest;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Tokenization;

public class TokenizerStageTests
{
    private static Token[] Tokens(TokenizerStage stage, string text) =>
        [.. stage.Process(DocumentReaders.Compose("d", "d", null, text, [])).Tokens];

    [Fact]
    public void GivenDocumentsOneAfterAnotherOnOneThread_WhenTokenized_ThenEachGetsOnlyItsOwnTokens()
    {
        // The stage reuses its token list across documents: a long document, then a short one, then a huge one
        // (whose list is not kept), then the short one again.
        var stage = new TokenizerStage(new RuleTokenizer());
        var shortText = "Prices rose. Wages did not.";
        var alone = Tokens(new TokenizerStage(new RuleTokenizer()), shortText);
        var longText = string.Join(" ", Enumerable.Repeat("A sentence of several words.", 500));
        var hugeText = string.Join(" ", Enumerable.Repeat("word", 200_000));

        Assert.Equal(3000, Tokens(stage, longText).Length);
        Assert.Equal(alone, Tokens(stage, shortText));
        Assert.Equal(200_000, Tokens(stage, hugeText).Length);
        Assert.Equal(alone, Tokens(stage, shortText));
    }
}
