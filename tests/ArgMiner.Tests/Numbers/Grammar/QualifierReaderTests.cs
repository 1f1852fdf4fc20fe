using ArgMiner.Numbers;
using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class QualifierReaderTests
{
    [Theory]
    [InlineData("less than or equal to 5 rooms", "at_most", 5)]
    [InlineData("less than 5 rooms", "less_than", 2)]
    [InlineData("more than 180 attacks", "more_than", 2)]
    [InlineData("no fewer than 7 ships", "at_least", 3)]
    [InlineData("roughly 2,500 troops", "approximately", 1)]
    [InlineData("up to 40 workers", "at_most", 2)]
    [InlineData("exactly 12 jurors", "exactly", 1)]
    [InlineData("as many as 5,000 people", "at_most", 3)]
    [InlineData("as little as $5", "at_least", 3)]
    public void GivenAQualifierBeforeANumber_WhenMatched_ThenTheLongestPhraseWins(string text, string qualifier, int length)
    {
        var view = View(text);
        Assert.True(QualifierReader.TryMatch(view, NumberLexicon.Qualifiers, 0, out var read, out var end));
        Assert.Equal(qualifier, read);
        Assert.Equal(length, end);
    }

    [Theory]
    [InlineData("200 or more volunteers", "at_least")]
    [InlineData("200 or fewer volunteers", "at_most")]
    [InlineData("200 or equal to it", "exactly")]
    public void GivenAQualifierAfterANumber_WhenMatched_ThenItIsAPostQualifier(string text, string qualifier)
    {
        var view = View(text);
        Assert.True(QualifierReader.TryMatch(view, NumberLexicon.PostQualifiers, 1, out var read, out _));
        Assert.Equal(qualifier, read);
        Assert.False(QualifierReader.TryMatch(view, NumberLexicon.Qualifiers, 1, out _, out _));
    }

    [Fact]
    public void GivenAWordThatOpensNoPhrase_WhenMatched_ThenNothingIsRead()
    {
        var view = View("the 200 volunteers");
        Assert.False(QualifierReader.TryMatch(view, NumberLexicon.Qualifiers, 0, out _, out var end));
        Assert.Equal(0, end);
    }

    [Theory]
    [InlineData("more_than", true, false)]
    [InlineData("at_least", true, false)]
    [InlineData("less_than", false, true)]
    [InlineData("at_most", false, true)]
    [InlineData("approximately", false, false)]
    [InlineData("exactly", false, false)]
    public void GivenAQualifier_WhenAskedForItsBound_ThenLowerAndUpperBoundsAreKnown(string qualifier, bool lower, bool upper)
    {
        Assert.Equal(lower, QualifierReader.IsLowerBound(qualifier));
        Assert.Equal(upper, QualifierReader.IsUpperBound(qualifier));
    }
}
