using ArgMiner.Ingest;
using ArgMiner.Text;

namespace ArgMiner.Tests.Ingest;

public class PlainTextLayoutTests
{
    private static (Section Section, int? Comment, string Text)[] Layout(string text) =>
        [.. PlainTextLayout.Parse(text).Select(p => (p.Section, p.Comment, text[p.Start..p.End]))];

    [Fact]
    public void GivenAShortFirstLineWithoutFinalPunctuation_WhenParsed_ThenItIsTheTitle()
    {
        var layout = Layout("A Withdrawal Risks Everything\nThe first paragraph says something.\n");
        Assert.Equal((Section.Title, null, "A Withdrawal Risks Everything"), layout[0]);
        Assert.Equal(Section.Body, layout[1].Section);
    }

    [Fact]
    public void GivenAFirstLineThatIsASentence_WhenParsed_ThenThereIsNoTitle()
    {
        var layout = Layout("In July 2025, Baghdad and Washington finalized a framework.\nMore text here.");
        Assert.All(layout, p => Assert.Equal(Section.Body, p.Section));
    }

    [Theory]
    [InlineData("Could Yukos be a blessing in disguise?\n\nShares in the oil firm rose on Monday.\n", true)]
    [InlineData("What a week for the markets!\n\nShares rose on Monday.\n", true)]
    [InlineData("Could Yukos be a blessing in disguise?\nShares in the oil firm rose on Monday.\n", false)]
    [InlineData("Shares rose. Could Yukos be a blessing in disguise?\n\nMore text.\n", false)]
    [InlineData("could yukos be a blessing in disguise?\n\nMore text.\n", false)]
    public void GivenAQuestionOrExclamationAsFirstLine_WhenParsed_ThenItIsTheTitleExactlyWhenABlankLineFollows(string text, bool title)
    {
        var layout = Layout(text);
        Assert.Equal(title ? Section.Title : Section.Body, layout[0].Section);
        Assert.All(layout.Skip(1), p => Assert.Equal(Section.Body, p.Section));
    }

    [Theory]
    [InlineData("Mostly Theater", Section.Heading)]
    [InlineData("Who Really Wins?", Section.Heading)]
    [InlineData("Is this really what we want from our leaders in the end?", Section.Body)]
    [InlineData("The quiet winner is the Kurdistan Regional Government (KRG).", Section.Body)]
    [InlineData("Middle East Uncovered is powered by Ideas Beyond Borders. The views expressed are the authors'.", Section.Footer)]
    [InlineData("The views expressed here are the author's own.", Section.Footer)]
    public void GivenABodyLine_WhenClassified_ThenItsSectionFollowsTheLayoutRules(string line, Section expected) =>
        Assert.Equal(expected, PlainTextLayout.ClassifyBodyLine(line));

    [Fact]
    public void GivenTwoBlankLines_WhenParsed_ThenEveryLaterLineIsANumberedComment()
    {
        var layout = Layout("Title Here\nBody sentence one.\n\n\nfirst comment!\n\nsecond comment 🖤\n");
        Assert.Equal((Section.Comment, 0, "first comment!"), layout[2]);
        Assert.Equal((Section.Comment, 1, "second comment 🖤"), layout[3]);
    }

    [Fact]
    public void GivenASingleBlankLine_WhenParsed_ThenNoCommentsStart()
    {
        var layout = Layout("Body sentence one.\n\nBody sentence two.\n");
        Assert.All(layout, p => Assert.Equal(Section.Body, p.Section));
    }

    [Fact]
    public void GivenCrlfLineEndsAndPadding_WhenParsed_ThenSpansExcludeThem()
    {
        // A reader's line ("I agree."): by default only lines that read like comments start the comments.
        const string text = "  First paragraph here.  \r\nSecond one.\r\n\r\n\r\nI agree.\r\n";
        var layout = Layout(text);
        Assert.Equal("First paragraph here.", layout[0].Text);
        Assert.Equal("Second one.", layout[1].Text);
        Assert.Equal((Section.Comment, 0, "I agree."), layout[2]);
    }

    [Fact]
    public void GivenLoneCarriageReturns_WhenParsed_ThenTheyEndLinesToo()
    {
        var layout = Layout("One sentence here.\rAnother sentence here.");
        Assert.Equal(2, layout.Length);
    }
}
