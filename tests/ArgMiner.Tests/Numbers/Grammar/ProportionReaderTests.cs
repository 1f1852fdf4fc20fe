using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class ProportionReaderTests
{
    [Theory]
    [InlineData("A third of voters agreed.", "A", false, "A third", 1.0 / 3)]
    [InlineData("Two-thirds of members agreed.", "Two", false, "Two-thirds", 2.0 / 3)]
    [InlineData("Two thirds of members agreed.", "Two", false, "Two thirds", 2.0 / 3)]
    [InlineData("They spent three fifths of the budget.", "three", false, "three fifths", 0.6)]
    [InlineData("One third said no.", "One", false, "One third", 1.0 / 3)]
    [InlineData("Sales fell by a quarter.", "a", false, "a quarter", 0.25)]
    [InlineData("Half of the budget went on wages.", "Half", false, "Half", 0.5)]
    [InlineData("Spending was cut by half.", "half", false, "half", 0.5)]
    [InlineData("More than half said yes.", "half", true, "half", 0.5)]
    [InlineData("About 2/3 of voters agreed.", "2/3", true, "2/3", 2.0 / 3)]
    [InlineData("One in five adults smokes.", "One", false, "One in five", 0.2)]
    [InlineData("Nine out of ten doctors agree.", "Nine", false, "Nine out of ten", 0.9)]
    [InlineData("It hit 1 in 4 adults.", "1", false, "1 in 4", 0.25)]
    public void GivenAFraction_WhenRead_ThenItsSpanAndShareAreRight(string sentence, string first, bool qualified, string span, double share)
    {
        var view = View(sentence);
        var i = TokenIndex(view, first);
        Assert.True(ProportionReader.TryReadFraction(view, i, qualified, out var value, out var end));
        Assert.Equal(span, TextOf(view, i, end));
        Assert.Equal(share, value, 9);
    }

    [Theory]
    [InlineData("He won a third term.", "a")]
    [InlineData("Profits rose in the fourth quarter.", "fourth")]
    [InlineData("Profits rose over the last three quarters.", "three")]
    [InlineData("In the first half of 2024 sales fell.", "half")]
    [InlineData("Half a million people fled.", "Half")]
    [InlineData("It lasted two and a half hours.", "a")]
    [InlineData("The half-time score stood.", "half")]
    [InlineData("Open 24/7 all year.", "24/7")]
    [InlineData("The 9/11 attacks shook the nation.", "9/11")]
    [InlineData("How about more than 2 in 5", "2")]
    [InlineData("A bus comes 1 in 10 minutes.", "1")]
    [InlineData("They hold 3 quarters of data.", "3")]
    public void GivenNoFraction_WhenRead_ThenNothingIsRead(string sentence, string first)
    {
        var view = View(sentence);
        Assert.False(ProportionReader.TryReadFraction(view, TokenIndex(view, first), false, out _, out _));
    }

    [Theory]
    [InlineData("Profits rose threefold.", "threefold", "threefold", 3)]
    [InlineData("Sales grew 10-fold in a decade.", "10", "10-fold", 10)]
    [InlineData("It is three times as big.", "three", "three times", 3)]
    [InlineData("It is 3 times higher.", "3", "3 times", 3)]
    [InlineData("It is 2.5x larger.", "2.5", "2.5x", 2.5)]
    [InlineData("Women are twice as likely to apply.", "twice", "twice", 2)]
    [InlineData("The cost rose a hundredfold.", "hundredfold", "hundredfold", 100)]
    public void GivenAMultiplier_WhenRead_ThenItsSpanAndFactorAreRight(string sentence, string first, string span, double factor)
    {
        var view = View(sentence);
        var i = TokenIndex(view, first);
        Assert.True(ProportionReader.TryReadMultiplier(view, i, out var value, out var end));
        Assert.Equal(span, TextOf(view, i, end));
        Assert.Equal(factor, value, 9);
    }

    [Theory]
    [InlineData("They met three times last year.", "three")]
    [InlineData("She won twice a year.", "twice")]
    [InlineData("He tried three times over the summer.", "three")]
    public void GivenACountOfTimes_WhenReadAsAMultiplier_ThenNothingIsRead(string sentence, string first)
    {
        var view = View(sentence);
        Assert.False(ProportionReader.TryReadMultiplier(view, TokenIndex(view, first), out _, out _));
    }
}
