using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Ingest;

public class HardWrapTests
{
    private static (Section Section, string Text)[] Layout(string text) =>
        [.. PlainTextLayout.Parse(text).Select(p => (p.Section, Flat(text[p.Start..p.End])))];

    private static string Flat(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private const string Wrapped =
        "The budget debate\n\n" +
        "The minister said on Tuesday that the plan would cost more than anyone\n" +
        "had expected, and that the council should have seen it coming long\n" +
        "before the vote. Critics disagree with her. They say the figures were\n" +
        "known in March and nobody acted on them at the time.\n\n" +
        "I think this is a disgrace, and I said so at the meeting last week when\n" +
        "the chairman asked for comments from the floor of the council chamber.\n";

    [Fact]
    public void GivenAHardWrappedDocument_WhenParsed_ThenEachWrappedParagraphIsOneBodyParagraph()
    {
        var layout = Layout(Wrapped);
        Assert.Equal(3, layout.Length);
        Assert.Equal((Section.Title, "The budget debate"), layout[0]);
        Assert.Equal(Section.Body, layout[1].Section);
        Assert.StartsWith("The minister said", layout[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("at the time.", layout[1].Text, StringComparison.Ordinal);
        Assert.Equal(Section.Body, layout[2].Section);
    }

    [Fact]
    public void GivenAHardWrappedDocument_WhenProcessed_ThenSentencesCrossLineEnds()
    {
        var document = ArgMiner.Pipeline.TextPipeline.CreateDefault().Process(DocumentReaders.ReadPlainText(Encoding.UTF8.GetBytes(Wrapped), "w.txt", "w").Document!);
        var sentences = document.Sentences.Select(s => Flat(document.Text[s.Start..s.End])).ToList();
        Assert.Contains("The minister said on Tuesday that the plan would cost more than anyone had expected, and that the council should have seen it coming long before the vote.", sentences);
        Assert.Contains("They say the figures were known in March and nobody acted on them at the time.", sentences);
    }

    [Fact]
    public void GivenAWrappedEmailWithHeadersAndASignOff_WhenParsed_ThenTheShortLinesStandAlone()
    {
        var text =
            "From: Kim Lee\nTo: Dana Smith\nSubject: the plan\n\n" +
            "Dana, I read the proposal last night and I think the numbers in the\n" +
            "second section are wrong by a wide margin, because the rents were\n" +
            "counted twice when the two budgets were merged into one sheet in May.\n\n" +
            "Could you check them again before the meeting on Friday afternoon? The\n" +
            "board will want to see the corrected totals and the old ones side by\n" +
            "side.\n\nCheers,\nKim\n";
        var layout = Layout(text).Select(p => p.Text).ToList();
        Assert.Equal(["From: Kim Lee", "To: Dana Smith", "Subject: the plan"], layout.Take(3));
        Assert.Equal(7, layout.Count);
        Assert.EndsWith("into one sheet in May.", layout[3], StringComparison.Ordinal);
        Assert.EndsWith("side by side.", layout[4], StringComparison.Ordinal);
        Assert.Equal(["Cheers,", "Kim"], layout.Skip(5));
    }

    [Fact]
    public void GivenListItemsAndAQuotationInWrappedText_WhenParsed_ThenItemsStandAloneAndTheQuotationIsOneParagraph()
    {
        var text =
            "The school wrote to the parents of every child in the town last week\n" +
            "about the rules, which the board had agreed at its meeting in March\n" +
            "after a long and at times bitter debate between the staff and them.\n\n" +
            "Some people have argued at length that the new rules are so wide ranging\n" +
            "- from bed times to the use of phones in class - and far too strict for\n" +
            "children of that age, and the school has listened to them at last:\n" +
            "- the first rule is that nobody may bring a phone into the classroom\n" +
            "- the second is that bed time is set by the parents and not the staff\n" +
            "> the school wrote to every parent in the town to say that the rules\n" +
            "> would change in the new year, and asked them for their views first\n";
        var layout = Layout(text).Select(p => p.Text).ToList();
        Assert.Equal(5, layout.Count);
        Assert.Contains("so wide ranging - from bed times", layout[1], StringComparison.Ordinal);
        Assert.StartsWith("- the first rule", layout[2], StringComparison.Ordinal);
        Assert.StartsWith("- the second", layout[3], StringComparison.Ordinal);
        Assert.Equal("> the school wrote to every parent in the town to say that the rules > would change in the new year, and asked them for their views first", layout[4]);
    }

    [Theory]
    // A comment a line, of similar lengths, most ending a sentence: not wrapped.
    [InlineData("great game tonight, so proud of the whole team and the coach!\nthe referee was a joke in the second half, again.\nwhat a goal by the number nine in the last minute 😀\nbest match I have seen all season, no doubt about it.\n")]
    // A paragraph a line (the seeds' layout).
    [InlineData("A Withdrawal Risks Everything\nIraq's militias are lying low not out of restraint, but calculation, betting that a U.S. exit would hand them power.\nIraq, however, has been notably quiet.\nSince the election, the government has said little about the bases or the troops who remain in them.\n")]
    // Too few wrapped lines to tell.
    [InlineData("The minister said on Tuesday that the plan would cost more than anyone\nhad expected.\n")]
    public void GivenTextNotHardWrapped_WhenParsed_ThenEveryLineIsItsOwnParagraph(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines.Length, PlainTextLayout.Parse(text).Count);
    }

    [Theory]
    [InlineData("Im getting a dwarf hamster tomorrow and i saw videos on youtube of the\nescaping and my mom will FREAK OUT!!!\n", 1)]
    [InlineData("The same was held to be violative of the freedom of\nspeech and expression.\n", 1)]
    // An enumeration of clauses, an item a line, and a capital A that names something.
    [InlineData("(a) levies war against the Commonwealth; or\n(b) assists an enemy at war with it; and\n(c) forms an intention to do so.\n", 3)]
    [InlineData("35 voters preferring candidate B to C to A\n25 voters preferring candidate C to A to B.\n", 2)]
    public void GivenALineEndingInAWordNoSentenceEndsWith_WhenParsed_ThenItGoesOnInTheNextLine(string text, int paragraphs) =>
        Assert.Equal(paragraphs, PlainTextLayout.Parse(text).Count);

    [Fact]
    public void GivenAQuotedWrappedReply_WhenParsed_ThenQuotedLinesJoinEachOtherAtTheirDepthOnly()
    {
        var text =
            "On Tuesday, Kim Lee wrote:\n" +
            "> The minister said on Tuesday that the plan would cost more than anyone\n" +
            "> had expected, and that the council should have seen it coming long\n" +
            "> before the vote. It was a bad deal for everyone in the town.\n" +
            ">\n" +
            ">> She said that the figures were all known in March, and that the council\n" +
            ">> chose to look away from them.\n" +
            "I disagree with that completely, because the figures were not known in\n" +
            "March, and the minister knows it as well as anyone on the council does.\n";
        var layout = Layout(text).Select(p => p.Text).ToList();
        Assert.Equal(
            ["On Tuesday, Kim Lee wrote:", "> The minister said on Tuesday that the plan would cost more than anyone > had expected, and that the council should have seen it coming long > before the vote. It was a bad deal for everyone in the town.",
             ">", ">> She said that the figures were all known in March, and that the council >> chose to look away from them.",
             "I disagree with that completely, because the figures were not known in March, and the minister knows it as well as anyone on the council does."],
            layout);
    }

    [Fact]
    public void GivenAWrappedRecordBody_WhenParsedAsABody_ThenItsParagraphsAreJoined()
    {
        var body = Wrapped[(Wrapped.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        var paragraphs = new List<Paragraph>();
        PlainTextLayout.ParseBody(body, 0, body.Length, paragraphs);
        Assert.Equal(2, paragraphs.Count);
        Assert.All(paragraphs, p => Assert.Equal(Section.Body, p.Section));
    }

    private static readonly string[] Words =
    [
        "the", "council", "said", "that", "budget", "would", "rise", "by", "far", "more", "than", "anyone", "expected,", "and",
        "critics", "argue", "a", "plan", "of", "this", "kind", "is", "unfair", "to", "tenants", "in", "every", "district",
        "because", "rents", "were", "counted", "twice", "when", "sheets", "merged", "Minister", "London", "2024", "£4m", "it's",
    ];

    // Paragraphs of sentences of 5 to 15 words, each ending with a full stop.
    private static readonly Arbitrary<(string[] Paragraphs, int Width)> Documents = Arb.From(
        from paragraphs in Gen.Choose(3, 6).SelectMany(n => Gen.ArrayOf(ParagraphGen(), n))
        from width in Gen.Choose(45, 100)
        select (paragraphs, width));

    private static Gen<string> ParagraphGen() =>
        Gen.Choose(2, 5).SelectMany(n => Gen.ArrayOf(SentenceGen(), n)).Select(sentences => string.Join(' ', sentences));

    private static Gen<string> SentenceGen() =>
        Gen.Choose(5, 15).SelectMany(n => Gen.ArrayOf(Gen.Elements(Words), n))
            .Select(words => char.ToUpperInvariant(words[0][0]) + string.Join(' ', words)[1..].TrimEnd(',') + ".");

    // A greedy wrap at width, as mail readers and `fold -s` write it.
    private static string Wrap(string paragraph, int width)
    {
        var lines = new StringBuilder();
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Append(line).Append('\n');
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        return lines.Append(line).ToString();
    }

    [Fact]
    public void GivenParagraphsWrappedGreedilyAtAnyWidth_WhenParsed_ThenThoseParagraphsAreFound()
    {
        var property = Prop.ForAll(Documents, document =>
        {
            var wrapped = document.Paragraphs.Select(p => Wrap(p, document.Width)).ToArray();
            // The detector weighs evidence (how many full lines end mid-sentence and are followed by a lower-case start),
            // so a document of a few wrapped lines may not show it: three lines whose next lines all open with a capital
            // or a figure ("£4m", "Minister") are read a line a paragraph, as a list of facts would be. From ten wrapped
            // lines on, this prose (a line opens in lower case four times in five) shows it all but surely.
            if (wrapped.Sum(p => p.Count(c => c == '\n')) < 10)
            {
                return true;
            }

            var text = string.Join("\n\n", wrapped) + "\n";
            var found = Layout(text).Select(p => p.Text).ToArray();
            return found.SequenceEqual(document.Paragraphs);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}
