using ArgMiner.Ingest;
using ArgMiner.Text;

namespace ArgMiner.Tests.Ingest;

/// <summary>Issue 10 §4: a run of blank lines inside an article is not always the start of reader comments (made-up texts).</summary>
public sealed class CommentDetectionTests
{
    // A news report whose writer left two blank lines between some paragraphs; its quotations speak in the first person.
    private const string NewsWithBlankRuns = """
        Ferry operator cuts winter crossings

        The island ferry company will run two crossings a day from November, down from five.


        "I know this is hard for people who commute," the chief executive, Ann Marsh, said on Tuesday.

        The company said fuel costs had risen by a third since spring.


        Local councillors told the BBC they would ask the regional government to step in.

        Passenger numbers fell 12% last winter, according to the company's annual report.
        """;

    // An article, its publisher's footer, then readers.
    private const string ArticleWithComments = """
        Harbour Plans Divide The Town
        The council approved the new marina on Monday after a long debate.
        Supporters expect more visitors; opponents fear for the fishing fleet.
        Harbour Weekly is powered by Coast Media. The views expressed are the authors' own.



        great read, thanks for covering this 👍
        I grew up there and my father fished from that harbour for forty years!
        You clearly never spoke to the fishermen themselves.
        """;

    // A columnist writing in the first person throughout: the text after the blank lines is still the column.
    private const string FirstPersonColumn = """
        I have walked the coast path every spring for twenty years.
        My favourite stretch runs from the lighthouse to the old mill.


        I was surprised this year to find the mill gone.
        I asked around, and nobody could tell me when it was pulled down.
        """;

    private static List<(Section Section, int? Comment)> Sections(string text, CommentDetection mode) =>
        PlainTextLayout.Parse(text, mode).Select(p => (p.Section, p.Comment)).ToList();

    [Fact]
    public void GivenANewsReportWithDoubleBlankLines_WhenParsedAutomatically_ThenNoLineIsAComment() =>
        Assert.DoesNotContain(Sections(NewsWithBlankRuns, CommentDetection.Auto), p => p.Section == Section.Comment);

    [Fact]
    public void GivenANewsReportWithDoubleBlankLines_WhenParsedByBlankLines_ThenEverythingAfterTheFirstRunIsAComment()
    {
        var sections = Sections(NewsWithBlankRuns, CommentDetection.BlankLines);
        Assert.Equal(4, sections.Count(p => p.Section == Section.Comment));
        Assert.Equal(Section.Body, sections[1].Section);
    }

    [Fact]
    public void GivenReadersAfterAFooterAndBlankLines_WhenParsedAutomatically_ThenEachLineIsOneComment()
    {
        var sections = Sections(ArticleWithComments, CommentDetection.Auto);
        Assert.Equal([(Section.Comment, (int?)0), (Section.Comment, 1), (Section.Comment, 2)], sections.Where(p => p.Section == Section.Comment));
        Assert.Equal(Section.Footer, sections[3].Section);
    }

    [Fact]
    public void GivenACommentSection_WhenParsedWithNone_ThenTheReadersAreBodyText()
    {
        var sections = Sections(ArticleWithComments, CommentDetection.None);
        Assert.DoesNotContain(sections, p => p.Section == Section.Comment);
        Assert.Equal(7, sections.Count);
    }

    [Fact]
    public void GivenAColumnInTheFirstPerson_WhenItGoesOnAfterBlankLines_ThenItIsNotTakenForComments() =>
        Assert.DoesNotContain(Sections(FirstPersonColumn, CommentDetection.Auto), p => p.Section == Section.Comment);

    [Theory]
    [InlineData("\"I was shocked,\" she told reporters.", -1)]
    [InlineData("“My view has not changed,” the minister said.", -1)]
    [InlineData("I think the minister is wrong about this.", 1)]
    [InlineData("you hit the spot, keep going brother", 1)]
    [InlineData("Great article :)", 1)]
    [InlineData("http://example.org/debates/harbour-plans", 0)]
    [InlineData("The U.S. embassy reopened on Friday.", 0)]
    public void GivenALine_WhenScored_ThenAReadersVoiceOutsideQuotesIsPositiveAndReportingNegative(string line, int expected) =>
        Assert.Equal(expected, CommentRegister.Score(line));

    [Fact]
    public void GivenManyBlankRunsOfProse_WhenParsed_ThenEveryRunIsJudgedInLinearTime()
    {
        // 20,000 paragraphs, each after two blank lines: the suffix counts keep the decision linear.
        var text = string.Concat(Enumerable.Repeat("The tide came in at noon.\n\n\n", 20_000));
        Assert.DoesNotContain(PlainTextLayout.Parse(text), p => p.Section == Section.Comment);
    }
}
