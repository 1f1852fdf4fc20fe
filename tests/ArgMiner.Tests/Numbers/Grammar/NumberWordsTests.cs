using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class NumberWordsTests
{
    [Theory]
    [InlineData("twenty-one candidates", "twenty-one", 21)]
    [InlineData("two hundred and six engineers", "two hundred and six", 206)]
    [InlineData("a dozen eggs", "a dozen", 12)]
    [InlineData("a hundred people", "a hundred", 100)]
    [InlineData("three million people", "three million", 3_000_000)]
    [InlineData("4 thousand 3 hundred and 21 units", "4 thousand 3 hundred and 21", 4321)]
    [InlineData("one point five percent", "one point five", 1.5)]
    [InlineData("seven thousand and twelve votes", "seven thousand and twelve", 7012)]
    public void GivenACardinalInWords_WhenRead_ThenItsSpanAndValueAreRight(string text, string span, double value)
    {
        var view = View(text);
        Assert.True(NumberWords.TryRead(view, 0, out var amount));
        Assert.Equal(span, TextOf(view, amount.Start, amount.End));
        Assert.Equal(value, amount.Value, 9);
        Assert.True(amount.Words);
        Assert.False(amount.Ordinal);
    }

    [Theory]
    [InlineData("twenty-first attempt", 21)]
    [InlineData("third time", 3)]
    [InlineData("one millionth visitor", 1_000_000)]
    public void GivenAnOrdinalInWords_WhenRead_ThenItIsAnOrdinal(string text, double value)
    {
        var view = View(text);
        Assert.True(NumberWords.TryRead(view, 0, out var amount));
        Assert.True(amount.Ordinal);
        Assert.Equal(value, amount.Value);
    }

    [Theory]
    [InlineData("three fifths of it")]
    [InlineData("two thirds of it")]
    [InlineData("one-third of it")]
    [InlineData("one half of it")]
    [InlineData("a second later")]
    [InlineData("the people")]
    public void GivenAFractionOrNoNumber_WhenRead_ThenNothingIsRead(string text)
    {
        var view = View(text);
        Assert.False(NumberWords.TryRead(view, 0, out _));
    }

    [Fact]
    public void GivenAScaledNumber_WhenRead_ThenTheBaseValueIsTheNumberBeforeTheScale()
    {
        var view = View("three million people");
        Assert.True(NumberWords.TryRead(view, 0, out var amount));
        Assert.Equal(3, amount.BaseValue);
        Assert.True(amount.HasScale);
    }

    [Fact]
    public void GivenOneAlone_WhenRead_ThenItIsMarkedAsBareOne()
    {
        var view = View("one region");
        Assert.True(NumberWords.TryRead(view, 0, out var amount));
        Assert.True(amount.BareOne);
        Assert.Equal(1, amount.Value);
    }

    [Theory]
    [InlineData("seven", true, 7)]
    [InlineData("12", true, 12)]
    [InlineData("1,200", false, 0)]
    [InlineData("seventh", false, 0)]
    public void GivenAToken_WhenAskedIfItIsACardinal_ThenWordsAndSmallIntegersAre(string text, bool cardinal, int value)
    {
        var view = View(text);
        Assert.Equal(cardinal, NumberWords.IsCardinal(view, 0, out var read));
        Assert.Equal(value, read);
    }
}
