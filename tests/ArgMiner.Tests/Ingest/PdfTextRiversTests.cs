using ArgMiner.Ingest;

namespace ArgMiner.Tests.Ingest;

public sealed class PdfTextRiversTests
{
    private static PdfText.Line L(string text, int block, double left, double right, double bottom, double gap) =>
        new(text, block, left, right, bottom + 10, bottom, 20, gap);

    [Fact]
    public void GivenAParagraphCutAlongARiver_WhenJoined_ThenEachLineIsWholeAgainInReadingOrder()
    {
        // Reading order as the XY cut gave it: the left part of both lines, then the right part of the first.
        PdfText.Line[] page =
        [
            L("Excellent answer googlenut.", 0, 72, 200, 700, 11),
            L("tional info.", 0, 72, 130, 686, 3),
            L("Let me add some addi-", 1, 212, 385, 700, 11),
        ];

        var joined = PdfText.JoinRiverSplits(page);

        Assert.Equal(["Excellent answer googlenut. Let me add some addi-", "tional info."], joined.Select(l => l.Text));
        Assert.Equal(385, joined[0].Right);
        Assert.Equal("Excellent answer googlenut. Let me add some additional info.", PdfText.Compose([page], null, out _, w => w == "additional"));
    }

    [Fact]
    public void GivenTwoColumnsOnTheSameBaselines_WhenJoined_ThenTheColumnsStayApart()
    {
        // The left column's lines all stop at its right edge (290); the right column's short paragraph sits beside them.
        PdfText.Line[] page =
        [
            L("The left column's first line", 0, 72, 290, 700, 6),
            L("goes on and on in this way", 0, 72, 290, 686, 6),
            L("until the column ends here.", 0, 72, 290, 672, 6),
            L("A short paragraph", 1, 298, 516, 700, 8),
            L("on the right.", 1, 298, 400, 686, 3),
        ];

        Assert.Equal(page.Select(l => l.Text), PdfText.JoinRiverSplits(page).Select(l => l.Text));
    }

    [Fact]
    public void GivenAGapWiderThanTheLinesWordGaps_WhenJoined_ThenTheBlocksStayApart()
    {
        PdfText.Line[] page =
        [
            L("A caption on the left", 0, 72, 200, 700, 3),
            L("A note on the right", 1, 240, 380, 700, 3),
        ];

        Assert.Equal(2, PdfText.JoinRiverSplits(page).Count);
    }

    [Fact]
    public void GivenAShortLineThenABlockBelowStartingInLowerCase_WhenComposed_ThenTheyAreTwoParagraphs()
    {
        PdfText.Line[] page =
        [
            L("Should the statue of David be censored? The city says it is art and the", 0, 72, 500, 714, 4),
            L("mayor says no. who's right", 0, 72, 200, 700, 4),
            L("no, it's only a statue of a young man.", 1, 72, 280, 680, 4),
        ];

        Assert.Equal(
            "Should the statue of David be censored? The city says it is art and the mayor says no. who's right\n\nno, it's only a statue of a young man.",
            PdfText.Compose([page], null, out _));
    }

    [Fact]
    public void GivenALineStartingWithAFullStop_WhenComposed_ThenTheStopClosesTheWordBefore()
    {
        PdfText.Line[] page =
        [
            L("The burden of supporting the OBSF", 0, 72, 500, 700, 4),
            L(". The requirement stands ... and grows, as you are looking for.", 0, 72, 500, 686, 4),
            L(". Do you really want that?", 0, 72, 300, 672, 4),
        ];

        Assert.Equal("The burden of supporting the OBSF. The requirement stands ... and grows, as you are looking for. . Do you really want that?", PdfText.Compose([page], null, out _));
    }

    [Fact]
    public void GivenAOneLineParagraphThenAWiderBlockStartingInLowerCase_WhenComposed_ThenTheyAreTwoParagraphs()
    {
        PdfText.Line[] page =
        [
            L("who's right", 0, 72, 130, 700, 4),
            L("no, it's only a statue of a young man, and the city of Florence", 1, 72, 500, 680, 4),
            L("once put a fig leaf on it.", 1, 72, 200, 666, 4),
        ];

        Assert.Equal("who's right\n\nno, it's only a statue of a young man, and the city of Florence once put a fig leaf on it.", PdfText.Compose([page], null, out _));
    }

    [Fact]
    public void GivenAWebAddressBrokenAtOneOfItsHyphens_WhenComposedWithAWordList_ThenTheHyphenStays()
    {
        PdfText.Line[] page =
        [
            L("See http://example.com/plastic-surgery-thailand-", 0, 72, 500, 700, 4),
            L("bangkok/prices for more.", 0, 72, 300, 686, 4),
        ];

        Assert.Equal("See http://example.com/plastic-surgery-thailand-bangkok/prices for more.", PdfText.Compose([page], null, out _, _ => false));
    }
}
