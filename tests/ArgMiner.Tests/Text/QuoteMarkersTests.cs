using ArgMiner.Text;

namespace ArgMiner.Tests.Text;

public sealed class QuoteMarkersTests
{
    [Theory]
    [InlineData("> quoted", 1, "quoted")]
    [InlineData(">> > twice quoted", 3, "twice quoted")]
    [InlineData(">", 1, "")]
    [InlineData(">\tafter a tab", 1, "after a tab")]
    [InlineData(">From the start", 0, ">From the start")]
    [InlineData(">100,000 groups", 0, ">100,000 groups")]
    [InlineData("> >x", 1, ">x")]
    [InlineData("no marker", 0, "no marker")]
    public void GivenALine_WhenItsMarkersAreSkipped_ThenTheTextAfterThemAndTheirCountAreFound(string line, int depth, string rest)
    {
        var after = QuoteMarkers.Skip(line, 0, line.Length, out var found);
        Assert.Equal(depth, found);
        Assert.Equal(rest, line[after..]);
    }
}
