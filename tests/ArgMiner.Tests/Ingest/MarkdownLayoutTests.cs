using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Text;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Ingest;

public sealed class MarkdownLayoutTests
{
    private static List<(Section Section, string Text)> Layout(string text, CommentDetection comments = CommentDetection.Auto) =>
        MarkdownLayout.Parse(text, comments).Select(p => (p.Section, text[p.Start..p.End])).ToList();

    [Fact]
    public void GivenABlogPostInMarkdown_WhenParsed_ThenHeadingsAreDeclaredAndMarkersAreLeftOutOfTheParagraphs()
    {
        var text = "# Why the tram is a waste #\n\nThe council wants **£400m** for a line\nthat few will ride.\n\n"
            + "The numbers\n-----------\n\n- Costs overran by 18 months.\n* Fares cover a third of costs.\n\n> \"We are confident,\" a spokesman said.\n\n"
            + "---\n\n```\nvar x = 1;\n```\n\n<div>raw</div>\n\n| Year | Cost |\n|------|------|\n| 2024 | £120m |\n\n## Is it worth it?\n\nI think it is a vanity project.\n";
        Assert.Equal(
            [
                (Section.Title, "Why the tram is a waste"),
                (Section.Body, "The council wants **£400m** for a line\nthat few will ride."),
                (Section.Heading, "The numbers"),
                (Section.Body, "Costs overran by 18 months."),
                (Section.Body, "Fares cover a third of costs."),
                (Section.Body, "\"We are confident,\" a spokesman said."),
                (Section.Body, "Year | Cost"),
                (Section.Body, "2024 | £120m"),
                (Section.Heading, "Is it worth it?"),
                (Section.Body, "I think it is a vanity project."),
            ],
            Layout(text));
    }

    [Fact]
    public void GivenAQuotationWrappedOverLines_WhenProcessed_ThenItsMarkersAreNoTokensAndItsSentencesCrossTheLines()
    {
        var text = "# Title\n\n> The minister said the plan would cost\n> more than anyone expected. It was a\n> bad deal.\n";
        var document = ArgMiner.Pipeline.TextPipeline.CreateDefault().Process(DocumentReaders.ReadPlainText(Encoding.UTF8.GetBytes(text), "q.md", "q", markdown: true).Document!);
        Assert.DoesNotContain(document.Tokens, t => t.In(document.Text) is ">");
        Assert.Equal(
            ["Title", "The minister said the plan would cost\n> more than anyone expected.", "It was a\n> bad deal."],
            document.Sentences.Select(s => document.Text[s.Start..s.End]));
    }

    [Fact]
    public void GivenFrontMatterWithATitle_WhenParsed_ThenItsValueIsTheTitleAndTheRestIsNotProse()
    {
        var text = "---\r\ntitle: \"Scrap the tram\"\r\ndate: 2025-03-03\r\ntags:\r\n  - transport\r\n---\r\n\r\n## First point\r\n\r\nIt costs too much.\r\n";
        Assert.Equal([(Section.Title, "Scrap the tram"), (Section.Heading, "First point"), (Section.Body, "It costs too much.")], Layout(text));
    }

    [Fact]
    public void GivenACommentsHeadingAfterThePost_WhenParsed_ThenTheBlocksAfterItAreComments()
    {
        var text = "# Trams\n\nThe line costs too much.\n\n## Comments\n\nharbourwatcher wrote:\n\nTotally agree, what a waste!\n\nPriya wrote:\n\nI love the tram.\n";
        var paragraphs = MarkdownLayout.Parse(text);
        Assert.Equal(4, paragraphs.Count(p => p.Section == Section.Comment));
        Assert.Equal("harbourwatcher wrote:", text[paragraphs.First(p => p.Section == Section.Comment).Start..paragraphs.First(p => p.Section == Section.Comment).End]);
        Assert.DoesNotContain(MarkdownLayout.Parse(text, CommentDetection.None), p => p.Section == Section.Comment);
    }

    [Fact]
    public void GivenMarkdownWithNoProse_WhenRead_ThenOneLineSaysSoAndNothingIsMade()
    {
        var item = DocumentReaders.ReadPlainText(Encoding.UTF8.GetBytes("```\ncode only\n```\n\n---\n"), "code.md", "code", markdown: true);
        Assert.Null(item.Document);
        Assert.Equal("code.md: no prose (only code, markup or front matter), skipped", item.Error!.ToString());
    }

    [Fact]
    public void GivenAFolderWithMarkdownFiles_WhenRun_ThenTheyAreReadAsMarkdown()
    {
        using var dir = new TempDirectory();
        dir.Write("in/post.md", "# A Title Here\n\n- The plan failed in 2024.\n");
        dir.Write("in/page.markdown", "Some prose here.\n");
        var (code, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv");
        Assert.True(code == 0, stderr);
        var sentences = File.ReadAllLines(dir.File("out/sentences.csv"));
        Assert.Contains(sentences, l => l.StartsWith("post,0,title,", StringComparison.Ordinal) && l.Contains(",A Title Here,", StringComparison.Ordinal));
        Assert.Contains(sentences, l => l.StartsWith("post,1,body,", StringComparison.Ordinal) && l.Contains(",The plan failed in 2024.,", StringComparison.Ordinal));
        Assert.Contains(sentences, l => l.StartsWith("page,0,body,", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenMarkupNestedTooDeep_WhenRead_ThenItIsReadAsPlainTextWithOneWarningLine()
    {
        // 2,000 nested list items took Markdig 35 s and then threw "too deeply nested" through to the user.
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', 2 * i) + "- item " + i + "\n"));
        var item = DocumentReaders.ReadPlainText(Encoding.UTF8.GetBytes(text), "deep.md", "deep", markdown: true);
        Assert.NotNull(item.Document);
        Assert.Equal(2000, item.Document.Paragraphs.Length);
        Assert.Equal(
            "deep.md: read as plain text, not Markdown: line 51 nests deeper than Markdown is read here (32 quotations or list items, 100 columns)",
            item.Warning!.ToString());
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("[a](", "")]
    [InlineData("*a**", "")]
    public void GivenPathologicalInlineMarkup_WhenRead_ThenItIsOneBodyParagraph(string piece, string closing)
    {
        // Inline markup is not parsed: 200,000 "[" threw "too deeply nested" through to the user, "[a](" took 17 s.
        var text = string.Concat(Enumerable.Repeat(piece, 50_000)) + "a" + string.Concat(Enumerable.Repeat(closing, 50_000));
        var item = DocumentReaders.ReadPlainText(Encoding.UTF8.GetBytes(text), "inline.md", "inline", markdown: true);
        Assert.Null(item.Warning);
        var paragraph = Assert.Single(item.Document!.Paragraphs);
        Assert.Equal((0, text.Length), (paragraph.Start, paragraph.End));
    }
}
