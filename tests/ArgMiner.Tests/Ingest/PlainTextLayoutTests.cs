using ArgMiner.Ingest;
using ArgMiner.Text;

namespace ArgMiner.Tests.Ingest;

public class PlainTextLayoutTests
{
    private static (Section Section, int? Comment, string Text)[] Layout(string text) =>
        [.. PlainTextLayout.Parse(text).Select(p => (p.Section, p.Comment, text[p.Start..p.End]))];

    [Fact]
    public void Given_a_short_first_line_without_final_punctuation_When_parsed_Then_it_is_the_title()
    {
        var layout = Layout("A Withdrawal Risks Everything\nThe first paragraph says something.\n");
        Assert.Equal((Section.Title, null, "A Withdrawal Risks Everything"), layout[0]);
        Assert.Equal(Section.Body, layout[1].Section);
    }

    [Fact]
    public void Given_a_first_line_that_is_a_sentence_When_parsed_Then_there_is_no_title()
    {
        var layout = Layout("In July 2025, Baghdad and Washington finalized a framework.\nMore text here.");
        Assert.All(layout, p => Assert.Equal(Section.Body, p.Section));
    }

    [Theory]
    [InlineData("Mostly Theater", Section.Heading)]
    [InlineData("Who Really Wins?", Section.Heading)]
    [InlineData("Is this really what we want from our leaders in the end?", Section.Body)]
    [InlineData("The quiet winner is the Kurdistan Regional Government (KRG).", Section.Body)]
    [InlineData("Middle East Uncovered is powered by Ideas Beyond Borders. The views expressed are the authors'.", Section.Footer)]
    [InlineData("The views expressed here are the author's own.", Section.Footer)]
    public void Given_a_body_line_When_classified_Then_its_section_follows_the_layout_rules(string line, Section expected) =>
        Assert.Equal(expected, PlainTextLayout.ClassifyBodyLine(line));

    [Fact]
    public void Given_two_blank_lines_When_parsed_Then_every_later_line_is_a_numbered_comment()
    {
        var layout = Layout("Title Here\nBody sentence one.\n\n\nfirst comment!\n\nsecond comment 🖤\n");
        Assert.Equal((Section.Comment, 0, "first comment!"), layout[2]);
        Assert.Equal((Section.Comment, 1, "second comment 🖤"), layout[3]);
    }

    [Fact]
    public void Given_a_single_blank_line_When_parsed_Then_no_comments_start()
    {
        var layout = Layout("Body sentence one.\n\nBody sentence two.\n");
        Assert.All(layout, p => Assert.Equal(Section.Body, p.Section));
    }

    [Fact]
    public void Given_crlf_line_ends_and_padding_When_parsed_Then_spans_exclude_them()
    {
        const string text = "  First paragraph here.  \r\nSecond one.\r\n\r\n\r\nA comment.\r\n";
        var layout = Layout(text);
        Assert.Equal("First paragraph here.", layout[0].Text);
        Assert.Equal("Second one.", layout[1].Text);
        Assert.Equal((Section.Comment, 0, "A comment."), layout[2]);
    }

    [Fact]
    public void Given_lone_carriage_returns_When_parsed_Then_they_end_lines_too()
    {
        var layout = Layout("One sentence here.\rAnother sentence here.");
        Assert.Equal(2, layout.Length);
    }
}
