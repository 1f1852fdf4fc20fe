using ArgMiner.Ingest;
using ArgMiner.Text;

namespace ArgMiner.Tests.Ingest;

public sealed class PlainTextLayoutTests
{
    [Theory]
    [InlineData("Mostly Theater", true)]
    [InlineData("Kurdistan Gains New Leverage", true)]
    [InlineData("Who Really Wins?", true)]
    [InlineData("Iraq, however, has been notably quiet.", false)]
    [InlineData("Who would have thought that this could happen to us?", false)]
    [InlineData("you hit the spot, keep going brother", false)]
    [InlineData("Remnants of the Islamic State still launch over one hundred attacks a year according to UN reporting", false)]
    public void GivenALine_WhenCheckedForAHeading_ThenShortUnpunctuatedOrTitleCaseQuestionsAreHeadings(string line, bool heading) =>
        Assert.Equal(heading, PlainTextLayout.LooksLikeHeading(line));

    [Theory]
    [InlineData("Middle East Uncovered is powered by Ideas Beyond Borders. The views expressed are ours.")]
    [InlineData("The views expressed in this article are the author's own.")]
    [InlineData("© 2025 Example Media")]
    public void GivenAPublisherLine_WhenClassified_ThenItIsAFooter(string line) =>
        Assert.Equal(Section.Footer, PlainTextLayout.ClassifyBodyLine(line));

    [Fact]
    public void GivenTitleBodyHeadingAndCommentsAfterBlankLines_WhenParsed_ThenSectionsAndCommentIndexesAreSet()
    {
        const string text = "A Title Here\r\nFirst body line.\nA Heading\nMore text here.\n\n\n\nnice one\r\nSecond comment.";
        var paragraphs = PlainTextLayout.Parse(text);
        Assert.Equal(
            [(Section.Title, (int?)null), (Section.Body, null), (Section.Heading, null), (Section.Body, null), (Section.Comment, 0), (Section.Comment, 1)],
            paragraphs.Select(p => (p.Section, p.Comment)));
        Assert.Equal("nice one", text[paragraphs[4].Start..paragraphs[4].End]);
    }
}
