using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class UnitReaderTests
{
    [Theory]
    [InlineData("It rose 3 percentage points.", "percentage", "pp", 2)]
    [InlineData("It rose 3 per cent today.", "per", "%", 2)]
    [InlineData("It rose 3 percent today.", "percent", "%", 1)]
    [InlineData("It rose 3 pct today.", "pct", "%", 1)]
    public void GivenAPercentWord_WhenRead_ThenItsUnitAndLengthAreRight(string sentence, string first, string unit, int length)
    {
        var view = View(sentence);
        var start = TokenIndex(view, first);
        Assert.True(UnitReader.TryReadPercent(view, start, out var end, out var read));
        Assert.Equal(unit, read);
        Assert.Equal(start + length, end);
    }

    [Theory]
    [InlineData("They shipped 16,000 metric tons of grain.", "metric", "metric t", "tons")]
    [InlineData("The park covers 40 square kilometres now.", "square", "sq km", "kilometres")]
    [InlineData("The storm hit 188 miles an hour winds.", "miles", "mph", "hour")]
    [InlineData("The road is 29 km long.", "km", "km", "km")]
    [InlineData("It took 10 minutes only.", "minutes", "minute", "minutes")]
    [InlineData("The weight is 20 (kg) net.", "(", "kg", ")")]
    [InlineData("The weight is 20 [kg] net.", "[", "kg", "]")]
    [InlineData("It reached 40 degrees Celsius today.", "degrees", "°C", "Celsius")]
    [InlineData("It was 70 degF today.", "degF", "°F", "degF")]
    public void GivenAUnitAfterAnAmount_WhenRead_ThenItsNameAndEndAreRight(string sentence, string first, string unit, string last)
    {
        var view = View(sentence);
        Assert.True(UnitReader.TryReadAfter(view, TokenIndex(view, first), out var end, out var read));
        Assert.Equal(unit, read);
        Assert.Equal(TokenIndex(view, last) + 1, end);
    }

    [Theory]
    [InlineData("A 20-year-old man came.", "-")]
    [InlineData("The boy is 5 years old today.", "years")]
    [InlineData("They met 5 in the square.", "in")]
    [InlineData("They met 5 friends.", "friends")]
    public void GivenAnAgeOrNoUnit_WhenRead_ThenItIsNoMeasure(string sentence, string first)
    {
        var view = View(sentence);
        Assert.False(UnitReader.TryReadAfter(view, TokenIndex(view, first), out _, out _));
    }
}
