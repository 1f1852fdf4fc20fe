using System.Diagnostics;
using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Text;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Ingest;

public sealed class HtmlLayoutTests
{
    private static InputItem Read(string html, string path = "page.html", CommentDetection comments = CommentDetection.Auto) =>
        DocumentReaders.ReadHtml(Encoding.UTF8.GetBytes(html), path, "page", comments: comments);

    private static List<(Section Section, int? Comment, string Text)> Layout(InputItem item)
    {
        var d = item.Document ?? throw new InvalidOperationException(item.Error?.ToString());
        return d.Paragraphs.Select(p => (p.Section, p.Comment, d.Text[p.Start..p.End])).ToList();
    }

    [Fact]
    public void GivenASavedBlogPage_WhenRead_ThenTitleHeadingsParagraphsAndCommentsComeFromTheMarkupAndTheRestIsLeftOut()
    {
        // corpus/pages/congestion-pricing.html: a page as a browser saves it, with a site header and navigation, scripts,
        // an aside, a newsletter form, code, a comments section and a site footer.
        var html = File.ReadAllText(Path.Combine(Repository.Root, "corpus", "pages", "congestion-pricing.html"));
        var item = Read(html);
        Assert.Null(item.Warning);
        Assert.Equal(
            [
                (Section.Title, null, "Why congestion pricing works"),
                (Section.Body, null, "By Dana Whitfield, March 3, 2025"),
                (Section.Body, null, "Cities that charge drivers to enter their centres see traffic fall quickly. Stockholm cut traffic across its cordon by about 20% in the first year, and the drop has held for more than a decade."),
                (Section.Body, null, "Critics say the charge hurts the poor. The evidence points the other way: most low-income commuters already travel by bus or train, and the revenue pays for better service."),
                (Section.Heading, null, "What the numbers say"),
                (Section.Body, null, "London's charge raised £2.6 billion in its first ten years."),
                (Section.Body, null, "Bus journeys in the zone rose by a third."),
                (Section.Body, null, "We should have done this twenty years ago."),
                (Section.Body, null, "I think every large city should adopt a charge like this."),
                (Section.Comment, 0, "Sam"),
                (Section.Comment, 0, "This ignores delivery drivers, who have no alternative."),
                (Section.Comment, 1, "Priya"),
                (Section.Comment, 1, "Stockholm is a small city. New York is not Stockholm."),
            ],
            Layout(item));
        Assert.Equal(2, item.Document!.Comments.Length);
        Assert.StartsWith("Why congestion pricing works\n\nBy Dana Whitfield, March 3, 2025\n\nCities that", item.Document.Text, StringComparison.Ordinal);

        // --comments none: no comments section, and the section's blocks are not read as the article's.
        Assert.DoesNotContain(Layout(Read(html, comments: CommentDetection.None)), p => p.Section == Section.Comment);
    }

    [Fact]
    public void GivenWordPressCommentsWithANestedReply_WhenRead_ThenEachCommentAndReplyIsOneCommentWithoutReplyLinksOrForm()
    {
        var html = "<article><h1>Post</h1><p>The post.</p></article>"
            + "<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">2 thoughts on &ldquo;Post&rdquo;</h2><ol class=\"comment-list\">"
            + "<li id=\"comment-12\" class=\"comment even depth-1\"><article id=\"div-comment-12\" class=\"comment-body\">"
            + "<footer class=\"comment-meta\"><div class=\"comment-author vcard\"><b class=\"fn\">Sam</b> <span class=\"says\">says:</span></div>"
            + "<div class=\"comment-metadata\"><a href=\"#comment-12\"><time>March 3, 2025 at 10:12 am</time></a></div></footer>"
            + "<div class=\"comment-content\"><p>Great piece!</p></div><div class=\"reply\"><a class=\"comment-reply-link\" href=\"#\">Reply</a></div></article>"
            + "<ol class=\"children\"><li id=\"comment-13\" class=\"comment odd depth-2\"><article class=\"comment-body\"><footer class=\"comment-meta\">"
            + "<b class=\"fn\">Priya</b> says:</footer><div class=\"comment-content\"><p>I disagree.</p></div></article></li></ol></li></ol>"
            + "<div id=\"respond\"><h3>Leave a Reply</h3><form><p>Your email address will not be published.</p><textarea></textarea></form></div></div>";
        Assert.Equal(
            [
                (Section.Title, null, "Post"), (Section.Body, null, "The post."),
                (Section.Comment, 0, "Sam says:"), (Section.Comment, 0, "March 3, 2025 at 10:12 am"), (Section.Comment, 0, "Great piece!"),
                (Section.Comment, 1, "Priya says:"), (Section.Comment, 1, "I disagree."),
            ],
            Layout(Read(html)));
    }

    [Fact]
    public void GivenEntitiesWhiteSpaceAndLineBreaks_WhenRead_ThenTheTextIsDecodedAndCollapsed()
    {
        var item = Read("<p>  Fish &amp; chips\n   cost&nbsp;&pound;9 &mdash; <b>too</b>much.<br>Second   line.  </p><p>\n\n</p><div>Tea &#8364;2</div>");
        Assert.Equal(
            [(Section.Body, null, "Fish & chips cost £9 — toomuch.\nSecond line."), (Section.Body, null, "Tea €2")],
            Layout(item));
        Assert.Equal("Fish & chips cost £9 — toomuch.\nSecond line.\n\nTea €2", item.Document!.Text);
    }

    [Fact]
    public void GivenNoH1_WhenRead_ThenTheOgTitleOrElseTheHeadTitleComesFirst()
    {
        var og = Read("<html><head><title>Site | Page</title><meta property=\"og:title\" content=\"The  real title\"></head><body><p>Body text.</p><h2>Sub</h2></body></html>");
        Assert.Equal([(Section.Title, null, "The real title"), (Section.Body, null, "Body text."), (Section.Heading, null, "Sub")], Layout(og));
        var title = Read("<title>\n Only the title </title><p>Body text.</p>");
        Assert.Equal([(Section.Title, null, "Only the title"), (Section.Body, null, "Body text.")], Layout(title));

        // An h1 after body text is a heading; the head's title is then put first.
        var late = Read("<title>Head</title><p>Intro.</p><h1>Late</h1>");
        Assert.Equal([(Section.Title, null, "Head"), (Section.Body, null, "Intro."), (Section.Heading, null, "Late")], Layout(late));
    }

    [Fact]
    public void GivenATableAndAnArticleFooter_WhenRead_ThenEachRowIsOneParagraphAndTheFooterIsFooter()
    {
        var item = Read("<article><h1>Costs</h1><table><tr><th>Year</th><th>Cost</th></tr><tr><td>2024</td><td>£120m</td></tr></table>"
            + "<footer><p>Tags: transport</p></footer></article><footer>Site footer.</footer>");
        Assert.Equal(
            [(Section.Title, null, "Costs"), (Section.Body, null, "Year | Cost"), (Section.Body, null, "2024 | £120m"), (Section.Footer, null, "Tags: transport")],
            Layout(item));
    }

    [Fact]
    public void GivenUnclosedTags_WhenRead_ThenTheyCloseAsABrowserClosesThem()
    {
        // A p does not close an h1 (HTML5): the heading is closed here, the rest is left open.
        var item = Read("<h1>Unclosed</h1><p>First para<p>Second <b>bold<li>Item one<li>Item two<p>Last");
        Assert.Equal(
            [(Section.Title, null, "Unclosed"), (Section.Body, null, "First para"), (Section.Body, null, "Second bold"), (Section.Body, null, "Item one"),
             (Section.Body, null, "Item two"), (Section.Body, null, "Last")],
            Layout(item));
    }

    [Fact]
    public void GivenACommentsHeadingWithoutCommentsMarkup_WhenRead_ThenTheCommentsAreFoundAsInPlainText()
    {
        var item = Read("<h1>Trams</h1><p>The line costs too much.</p><h2>Comments</h2><p>harbourwatcher wrote:</p><p>Totally agree, what a waste!</p>");
        var layout = Layout(item);
        Assert.Equal((Section.Body, null, "The line costs too much."), layout[1]);
        Assert.Equal((Section.Heading, null, "Comments"), layout[2]);
        Assert.Equal([(Section.Comment, 0, "harbourwatcher wrote:"), (Section.Comment, 1, "Totally agree, what a waste!")], layout[3..]);
    }

    [Fact]
    public void GivenLinksToTheComments_WhenRead_ThenTheyAreLeftOutAndStartNoComments()
    {
        var item = Read("<h1>T</h1><div class=\"comments-link\">5 comments</div><div><a href=\"https://x.org/post/#comments\">12 Comments</a></div>"
            + "<span class=\"comment-count\">5</span><p>Body.</p><div><a href=\"#respond\">Leave a comment</a></div><p>More.</p>");
        Assert.Equal([(Section.Title, null, "T"), (Section.Body, null, "Body."), (Section.Body, null, "More.")], Layout(item));
    }

    [Fact]
    public void GivenAPageInsideAForm_WhenRead_ThenItIsReadAndAnOrdinaryFormIsLeftOut()
    {
        // ASP.NET WebForms pages wrap the whole body in one form.
        var item = Read("<body><form id=aspnetForm><input type=hidden name=__VIEWSTATE value=x><h1>Title</h1><p>Body text.</p></form></body>");
        Assert.Equal([(Section.Title, null, "Title"), (Section.Body, null, "Body text.")], Layout(item));
        var ordinary = Read("<h1>Title</h1><p>Body text.</p><form><p>Subscribe to our newsletter.</p><label>E-mail</label><input></form>");
        Assert.Equal([(Section.Title, null, "Title"), (Section.Body, null, "Body text.")], Layout(ordinary));
    }

    [Fact]
    public void GivenHiddenElementsAndNavigationLandmarks_WhenRead_ThenTheyAreLeftOut()
    {
        var item = Read("<h1>T</h1><p>Shown.</p><div style=\"color: red; display:none\">Hidden by style.</div><p hidden>Hidden.</p>"
            + "<div aria-hidden=\"true\">Icon text</div><div role=\"navigation\">Menu</div><div role=complementary>Sidebar</div><p style=\"display: block\">Also shown.</p>");
        Assert.Equal([(Section.Title, null, "T"), (Section.Body, null, "Shown."), (Section.Body, null, "Also shown.")], Layout(item));
    }

    [Fact]
    public void GivenAPageOnStandardInput_WhenRead_ThenItIsReadAsHtml()
    {
        var stdin = new MemoryStream("\n<!DOCTYPE html><html><head><title>Piped</title></head><body><nav>Home</nav><p>From a pipe.</p></body></html>"u8.ToArray());
        var item = new InputEnumerator(["-"], () => stdin).Read().Single();
        Assert.Equal("Piped\n\nFrom a pipe.", item.Document!.Text);

        // Plain text that starts with a tag of another kind stays plain text.
        var text = new MemoryStream("<b>Bold</b> claims are plain text here.\n"u8.ToArray());
        Assert.Equal("<b>Bold</b> claims are plain text here.\n", new InputEnumerator(["-"], () => text).Read().Single().Document!.Text);
    }

    [Fact]
    public void GivenOnlyScriptsAndStyles_WhenRead_ThenOneLineSaysThereIsNoProse()
    {
        var item = Read("<html><head><script>var a = '<p>x</p>';</script><style>p { color: red }</style></head><body><script>alert(1)</script><nav><a href=/>Home</a></nav></body></html>", "scripts.html");
        Assert.Null(item.Document);
        Assert.Equal("scripts.html: no prose (only scripts, styles, navigation or markup), skipped", item.Error!.ToString());
    }

    [Fact]
    public void GivenAnEmptyOrBinaryFileNamedHtml_WhenRead_ThenOneLineSkipsIt()
    {
        Assert.Equal("e.html: empty file, skipped", DocumentReaders.ReadHtml([], "e.html", "e").Error!.ToString());
        var random = new byte[5000];
        new Random(7).NextBytes(random);
        var item = DocumentReaders.ReadHtml(random, "garbage.html", "garbage");
        Assert.Null(item.Document);
        Assert.Matches(@"^garbage\.html(:\d+)?: binary file \([^\n]*\), skipped$", item.Error!.ToString());
        Assert.Equal(DocumentReaders.ReadPlainText(random, "garbage.html", "garbage").Error!.ToString(), item.Error.ToString());
    }

    [Fact]
    public void GivenUtf16WithABom_WhenRead_ThenItIsReadLikeUtf8()
    {
        var html = "<meta charset=\"utf-16\"><title>Café</title><p>Prices rose 4% in Zürich.</p>";
        var item = DocumentReaders.ReadHtml([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(html)], "wide.html", "wide");
        Assert.Null(item.Warning);
        Assert.Equal([(Section.Title, null, "Café"), (Section.Body, null, "Prices rose 4% in Zürich.")], Layout(item));
    }

    [Fact]
    public void GivenAMetaCharset_WhenRead_ThenItDecidesTheEncodingAndBadBytesGiveTheUsualLine()
    {
        // Windows-1252 declared: é (0xE9) and € (0x80) read without a warning, even with --encoding utf-8.
        byte[] latin = [.. "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>Caf"u8, 0xE9, .. " "u8, 0x80, .. "5.</p>"u8];
        var item = DocumentReaders.ReadHtml(latin, "latin.html", "latin", TextEncodingChoice.Utf8);
        Assert.Null(item.Warning);
        Assert.Equal("Café €5.", item.Document!.Text);

        // UTF-8 declared: a bad byte is the error any input gets.
        byte[] damaged = [.. "<meta charset=utf-8><p>Caf"u8, 0xE9, .. "</p>"u8];
        Assert.Equal(
            DocumentReaders.ReadPlainText(damaged, "bad.html", "bad", TextEncodingChoice.Utf8).Error!.ToString(),
            DocumentReaders.ReadHtml(damaged, "bad.html", "bad").Error!.ToString());
        Assert.StartsWith("bad.html:1: not valid UTF-8 (bad byte 0xE9", DocumentReaders.ReadHtml(damaged, "bad.html", "bad").Error!.ToString(), StringComparison.Ordinal);

        // No charset: the usual rules (Windows-1252 with one warning).
        var plain = DocumentReaders.ReadHtml([.. "<p>Caf"u8, 0xE9, .. "</p>"u8], "plain.html", "plain");
        Assert.Equal("Café", plain.Document!.Text);
        Assert.Contains("read as Windows-1252", plain.Warning!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<div>", 100_000)]
    [InlineData("<b>", 100_000)]
    [InlineData("<table><tr><td>", 20_000)]
    [InlineData("<span>", 100_000)]
    public void GivenDeeplyNestedMarkup_WhenRead_ThenOneLineSkipsItBeforeItIsParsed(string open, int count)
    {
        // AngleSharp builds 100,000 nested divs in 93 s (20,000 in 2.4 s): HTML5's scope checks walk the open elements.
        var html = string.Concat(Enumerable.Repeat(open, count)) + "Deep text.";
        var item = Read(html, "deep.html");
        Assert.Null(item.Document);
        Assert.Matches(@"^deep\.html: elements nest deeper than 256 levels \(line 1\), which is not read in linear time; skipped$", item.Error!.ToString());
    }

    [Fact]
    public void GivenFormattingLeftOpenInEveryParagraph_WhenRead_ThenOneLineSkipsIt()
    {
        // 5,000 "<p><font id=…>" took AngleSharp 32 s and 12.5 million nodes: each paragraph re-opens every font left open.
        var html = string.Concat(Enumerable.Range(0, 5000).Select(k => $"<p><font id=f{k}>x\n"));
        var item = Read(html, "fonts.html");
        Assert.Null(item.Document);
        Assert.Equal("fonts.html: elements nest deeper than 256 levels (line 257), which is not read in linear time; skipped", item.Error!.ToString());
    }

    [Fact]
    public void GivenSloppyButShallowMarkup_WhenRead_ThenItIsNotTooDeep()
    {
        // Formatting left open in each paragraph, alike (HTML keeps three), lists of unclosed items, closed nesting.
        var html = string.Concat(Enumerable.Repeat("<p><font face=arial><b>Text</p>\n<ul><li>a<li>b</ul>\n<div><div><span>x</span></div></div>\n</i></i>", 20_000));
        Assert.Null(HtmlLayout.TooDeep(html));

        // Links left open: a new one closes the last (HTML's adoption agency), and a table cell forgets those opened in it.
        Assert.Null(HtmlLayout.TooDeep(string.Concat(Enumerable.Range(0, 5000).Select(k => $"<p><a href=/p{k}>link {k}\n"))));
        Assert.Null(HtmlLayout.TooDeep("<table>" + string.Concat(Enumerable.Range(0, 5000).Select(k => $"<tr><td><b id=b{k}>{k}<td><i class=c{k}>x\n")) + "</table>"));
        Assert.Null(HtmlLayout.TooDeep(string.Concat(Enumerable.Repeat("<div>", 256)) + "<script>" + string.Concat(Enumerable.Repeat("<div>", 1000)) + "</script><!-- <div><div> -->"));
        Assert.NotNull(HtmlLayout.TooDeep(string.Concat(Enumerable.Repeat("<div>", 257))));
    }

    [Fact]
    public void GivenA20MegabytePage_WhenRead_ThenEveryBlockIsAParagraph()
    {
        var block = "<h2>Part</h2><p>Prices rose 3.5% in 2024, the minister &amp; others said.</p><ul><li>One item</li><li>Two <b>items</b></li></ul>\n";
        var count = (20 << 20) / block.Length;
        var html = "<html><head><title>Big</title><script>x()</script></head><body><nav>n</nav><article>" + string.Concat(Enumerable.Repeat(block, count)) + "</article></body></html>";
        var item = Read(html, "big.html");
        Assert.Equal(1 + (4 * count), item.Document!.Paragraphs.Length);
    }

    [Fact]
    public void GivenAPageOverTheSizeLimit_WhenRead_ThenOneLineSkipsIt()
    {
        var bytes = new byte[HtmlLayout.MaxPageBytes + (1 << 20)];
        bytes.AsSpan().Fill((byte)'a');
        Assert.Equal("huge.html: 65 MB, more than the 64 MB a web page may hold (its parsed markup is held whole while it is read); skipped",
            DocumentReaders.ReadHtml(bytes, "huge.html", "huge").Error!.ToString());
    }

    [Fact]
    public void GivenAPageSavedCompleteWithItsResourceFolder_WhenSearched_ThenThePageIsReadAndTheFolderSkippedWithOneNote()
    {
        using var dir = new TempDirectory();
        dir.Write("pages/post.html", "<p>x</p>");
        dir.Write("pages/post_files/ad-frame.html", "<p>Buy now</p>");
        dir.Write("pages/post_files/saved_resource.htm", "<p>Tracker</p>");
        dir.Write("pages/other_files/notes.txt", "Kept: no page of that name.");
        var notes = new List<InputError>();
        Assert.Equal(["other_files/notes.txt", "post.html"], FolderSearch.InputFiles(dir.File("pages"), "pages", notes));
        Assert.Equal("pages: skipped 1 saved page's resource folder (post_files/: the scripts, images and frames a browser saves beside a page)", Assert.Single(notes).ToString());
    }

    [Fact]
    public void GivenAFolderWithSavedPages_WhenRun_ThenTheyAreReadAsHtml()
    {
        using var dir = new TempDirectory();
        dir.Write("in/post.html", "<html><head><title>A Title Here</title></head><body><nav>Home</nav><p>The plan failed in 2024.</p></body></html>");
        dir.Write("in/old.HTM", "<p>Some prose here.</p>");
        dir.Write("in/deep.html", string.Concat(Enumerable.Repeat("<div>", 1000)));
        var (code, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv");
        Assert.Equal(1, code);
        Assert.Equal(1, stderr.Split('\n').Count(l => l.Contains("deep.html", StringComparison.Ordinal)));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        var sentences = File.ReadAllLines(dir.File("out/sentences.csv"));
        Assert.Contains(sentences, l => l.StartsWith("post,0,title,", StringComparison.Ordinal) && l.Contains(",A Title Here,", StringComparison.Ordinal));
        Assert.Contains(sentences, l => l.StartsWith("post,1,body,", StringComparison.Ordinal) && l.Contains(",The plan failed in 2024.,", StringComparison.Ordinal));
        Assert.Contains(sentences, l => l.StartsWith("old,0,body,", StringComparison.Ordinal));
        Assert.DoesNotContain(sentences, l => l.Contains("Home", StringComparison.Ordinal));
    }
}
