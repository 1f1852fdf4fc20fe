using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Segmentation;

namespace ArgMiner.Tests.Segmentation;

public class SentenceLengthCapTests
{
    private static ArgMiner.Text.Document Split(string text) =>
        TextPipeline.CreateDefault().Process(DocumentReaders.ReadPlainText(System.Text.Encoding.UTF8.GetBytes(text), "long.txt", "long").Document!);

    [Fact]
    public void GivenAParagraphFarLongerThanTheCapWithoutASentenceEnd_WhenSplit_ThenEverySentenceFitsAndAllTokensAreKeptInOrder()
    {
        var words = new[] { "prices", "rose", "and", "people", "were", "angry", "about", "it" };
        var text = string.Join(' ', Enumerable.Range(0, 6000).Select(i => words[i % words.Length]));
        var d = Split(text);
        Assert.True(d.Sentences.Length >= text.Length / SentenceSplitterStage.MaxSentenceLength);
        Assert.All(d.Sentences, s => Assert.InRange(s.End - s.Start, 1, SentenceSplitterStage.MaxSentenceLength));
        Assert.Equal(d.Tokens.Length, d.Sentences.Sum(s => s.TokenCount));
        for (var i = 1; i < d.Sentences.Length; i++)
        {
            Assert.Equal(d.Sentences[i - 1].FirstToken + d.Sentences[i - 1].TokenCount, d.Sentences[i].FirstToken);
        }
    }

    [Fact]
    public void GivenALongRunWithCommas_WhenCapped_ThenItIsCutAfterACommaNearTheLimit()
    {
        var clause = "the council said that prices rose again this year, ";
        var text = string.Concat(Enumerable.Repeat(clause, 3 * SentenceSplitterStage.MaxSentenceLength / clause.Length));
        var d = Split(text);
        Assert.True(d.Sentences.Length > 1);
        var first = d.Sentences[0];
        Assert.Equal(',', d.Text[first.End - 1]);
        Assert.True(first.End - first.Start > SentenceSplitterStage.MaxSentenceLength / 2);
    }

    [Fact]
    public void GivenOrdinarySentences_WhenSplit_ThenTheCapChangesNothing()
    {
        var d = Split("Prices rose. People were angry, and said so.");
        Assert.Equal(2, d.Sentences.Length);
    }
}
