using ArgMiner.Ingest;
using ArgMiner.Text;

namespace ArgMiner.Tests.Ingest;

/// <summary>
/// Comment sections exported after a single blank line, as an article parts its own paragraphs: a comments heading or
/// writers' lines must find them, and the article's own paragraphs must stay article, also when they speak in the first
/// person (made-up texts; corpus/tools/comment_start_eval.py measures the same on real ones).
/// </summary>
public sealed class CommentMarkersTests
{
    private const string Article = """
        Tidal power

        Tidal power turns the energy of the tides into electricity. Barrages hold water back at high tide and release it through turbines.

        The first large plant opened at La Rance in 1966 and still runs today. Its output is predictable years ahead, unlike wind.

        Critics point to the cost of the barrages and to the mudflats they flood, where wading birds feed.
        """;

    private static List<(Section Section, int? Comment, string Text)> Layout(string text) =>
        [.. PlainTextLayout.Parse(text).Select(p => (p.Section, p.Comment, text[p.Start..p.End]))];

    private static string Comment(string text) => Article + "\n\n" + text;

    [Theory]
    [InlineData("Comments")]
    [InlineData("12 comments")]
    [InlineData("Reader comments")]
    [InlineData("Comments (3)")]
    public void GivenACommentsHeadingAfterOneBlankLine_WhenParsed_ThenTheCommentsStartBelowIt(string heading)
    {
        var layout = Layout(Comment(heading + "\n\nthe mudflats bit is overblown tbh\n\nGood overview, thanks."));
        Assert.Equal((Section.Heading, (int?)null, heading), layout[^3]);
        Assert.Equal([(Section.Comment, (int?)0), (Section.Comment, 1)], layout.Where(p => p.Section == Section.Comment).Select(p => (p.Section, p.Comment)));
        Assert.Equal("the mudflats bit is overblown tbh", layout.First(p => p.Section == Section.Comment).Text);
    }

    [Fact]
    public void GivenTwoWritersLinesAfterOneBlankLine_WhenParsed_ThenTheCommentsStartAtTheFirst()
    {
        var layout = Layout(Comment("harbourwatcher wrote:\nLa Rance is hardly a success story.\n\nJ. Miller wrote:\nWhat about lagoons instead of barrages?"));
        var first = layout.FindIndex(p => p.Section == Section.Comment);
        Assert.Equal("harbourwatcher wrote:", layout[first].Text);
        Assert.Equal(4, layout.Count - first);
        Assert.All(layout.Take(first), p => Assert.NotEqual(Section.Comment, p.Section));
    }

    [Fact]
    public void GivenOneDatedPostedByLine_WhenParsed_ThenTheCommentStartsThere()
    {
        var layout = Layout(Comment("Posted by oldtimer at 10:42\nSpent my childhood on those mudflats."));
        Assert.Equal([(Section.Comment, "Posted by oldtimer at 10:42"), (Section.Comment, "Spent my childhood on those mudflats.")],
            layout.Where(p => p.Section == Section.Comment).Select(p => (p.Section, p.Text)));
    }

    [Fact]
    public void GivenAFirstPersonPostPartedBySingleBlankLines_WhenParsed_ThenNothingIsAComment()
    {
        // A review or e-mail speaks in the first person all through and parts its paragraphs by one blank line: without a
        // heading or writers' lines, one blank line never starts comments (session 37 tried it: 364 of 5,504 sentences of
        // UD EWT web documents became comments).
        var text = """
            Great little bakery

            We stopped here on our way to the coast and I am so glad we did.

            I had the almond croissant and my husband had the rye loaf. You will not find better bread in this town!!

            My only complaint is parking, but you can walk from the square.
            """;
        Assert.DoesNotContain(Layout(text), p => p.Section == Section.Comment);
    }

    [Fact]
    public void GivenAnArticleQuotingOneWriterAndEndingShort_WhenParsed_ThenNothingIsAComment()
    {
        var text = Comment("""
            One historian of engineering writes:

            "The barrage was a monument to confidence in the state."

            Einstein wrote:

            World War I delayed the first surveys. Title I of the 1920 act funded them.

            It closed in 1921.
            """);
        Assert.DoesNotContain(Layout(text), p => p.Section == Section.Comment);
    }

    [Theory]
    [InlineData("harbourwatcher wrote:", true)]
    [InlineData("J. Miller said:", true)]
    [InlineData("Sarah K says...", true)]
    [InlineData("Posted by Concerned Reader on 3 May 2024", true)]
    [InlineData("As Amory Lovins has said:", false)]
    [InlineData("One author writes:", false)]
    [InlineData("The committee wrote in its report that costs had doubled.", false)]
    public void GivenALine_WhenAskedIfItNamesACommentsWriter_ThenOnlyShortNamesBeforeWroteOrPostedByDo(string line, bool expected) =>
        Assert.Equal(expected, CommentMarkers.IsUserLine(line, out _));

    [Theory]
    [InlineData("@harbourwatcher the barrage floods every spring", 1)]
    [InlineData("RT @coastnews: barrage vote tonight", 1)]
    [InlineData("Write to press@example.org for tickets.", 0)]
    public void GivenALineAnsweringAHandleOrRetweeting_WhenScored_ThenItIsAReadersVoice(string line, int expected) =>
        Assert.Equal(expected, CommentRegister.Score(line));
}
