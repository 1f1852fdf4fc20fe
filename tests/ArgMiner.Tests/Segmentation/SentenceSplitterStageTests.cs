using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tests.Segmentation;

public sealed class SentenceSplitterStageTests
{
    private static Document Split(string text) =>
        TextPipeline.CreateDefault().Process(DocumentReaders.ReadPlainText(System.Text.Encoding.UTF8.GetBytes(text), "t.txt", "t").Document!);

    [Fact]
    public void GivenAShortLineWithTwoSentences_WhenTheLayoutCallsItAHeading_ThenItIsStillTwoSentences()
    {
        var doc = Split("A Title For Us\n\nWe went there on a rainy day and liked it very much indeed.\nGreat place. Will return\nThe staff were kind and the food was good.\n");

        var heading = doc.Sentences.Where(s => s.Section == Section.Heading).Select(s => doc.Text[s.Start..s.End]).ToList();

        Assert.Equal(["Great place.", "Will return"], heading);
    }

    [Fact]
    public void GivenATitleWithAnAbbreviation_WhenSplit_ThenItStaysOneSentence()
    {
        var doc = Split("U.S. Strikes Back At Iran\n\nThe strikes came at night and hit several sites near the border.\n");

        var title = Assert.Single(doc.Sentences, s => s.Section == Section.Title);

        Assert.Equal("U.S. Strikes Back At Iran", doc.Text[title.Start..title.End]);
    }
}
