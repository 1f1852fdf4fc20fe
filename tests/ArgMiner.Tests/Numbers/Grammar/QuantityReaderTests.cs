using ArgMiner.Numbers;
using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class QuantityReaderTests
{
    // expected: "span | kind | value | unit" ("-" for no unit)
    [Theory]
    [InlineData("The bill costs $1 billion now.", "$", "$1 billion | money | 1000000000 | USD")]
    [InlineData("Russia took a US$150 million loan.", "US", "US$150 million | money | 150000000 | USD")]
    [InlineData("The fee is USD 20 per month.", "USD", "USD 20 | money | 20 | USD")]
    [InlineData("A ticket costs 5 euros today.", "5", "5 euros | money | 5 | EUR")]
    [InlineData("A ticket costs 10 € today.", "10", "10 € | money | 10 | EUR")]
    [InlineData("Shares fell 50 cents today.", "50", "50 cents | money | 0.5 | USD")]
    [InlineData("It cost 3 dollars 50 cents then.", "3", "3 dollars 50 cents | money | 3.5 | USD")]
    [InlineData("Expenses were 30 MUSD last year.", "30", "30 MUSD | money | 30000000 | USD")]
    [InlineData("Support stands at 35% today.", "35", "35% | percent | 35 | %")]
    [InlineData("Rates rose 3.5 percentage points.", "3.5", "3.5 percentage points | percent | 3.5 | pp")]
    [InlineData("The road is 29 km long.", "29", "29 km | measure | 29 | km")]
    [InlineData("He is 5 feet 2 inches tall.", "5", "5 feet 2 inches | measure | 5.1666666667 | ft")]
    [InlineData("She wants to drop 25 pounds soon.", "25", "25 pounds | measure | 25 | lb")]
    [InlineData("Profit reached 361 million pounds.", "361", "361 million pounds | money | 361000000 | GBP")]
    [InlineData("They hired 2,500 new staff.", "2,500", "2,500 | count | 2500 | -")]
    [InlineData("He finished 3rd in the race.", "3rd", "3rd | ordinal | 3 | -")]
    [InlineData("You will receive %10 off today.", "%", "%10 | percent | 10 | %")]
    [InlineData("I will buy 17\" wheels soon.", "17", "17\" | measure | 17 | in")]
    [InlineData("They sell a 42\" TV there.", "42", "42\" | measure | 42 | in")]
    [InlineData("Pick 17\" or 16\" wheels.", "16", "16\" | measure | 16 | in")]
    public void GivenAQuantity_WhenRead_ThenItsSpanKindValueAndUnitAreRight(string sentence, string first, string expected)
    {
        var fields = expected.Split('|', StringSplitOptions.TrimEntries);
        var view = View(sentence);
        Assert.True(QuantityReader.TryRead(view, TokenIndex(view, first), out var quantity));
        Assert.Equal(fields[0], TextOf(view, quantity.Start, quantity.End));
        Assert.Equal(fields[1], quantity.Kind);
        Assert.Equal(double.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), quantity.Value, 9);
        Assert.Equal(NumbersTestKit.NoneAsNull(fields[3]), quantity.Unit);
    }

    [Fact]
    public void GivenAYearMarkedAsADate_WhenRead_ThenItIsNoQuantity()
    {
        var view = View("It began in 2011 there.");
        Assert.False(QuantityReader.TryRead(view, TokenIndex(view, "2011"), out _));
        Assert.Equal(NumericKinds.Count, ReadAt(View("It began with 2011 troops."), "2011"));
    }

    [Fact]
    public void GivenAPercentSignOrAQuoteThatBelongsElsewhere_WhenRead_ThenTheNumberStaysACount()
    {
        // The sign after "5" is its percent; the quote closes the one opened before "207"; a quote at the end has no word after it.
        Assert.Equal(NumericKinds.Count, ReadAt(View("Sales rose 5% 10 times."), "10"));
        Assert.Equal(NumericKinds.Count, ReadAt(View("I called the \"207\" number."), "207"));
        Assert.Equal(NumericKinds.Count, ReadAt(View("He sang \"Revolution number 9\"."), "9"));
        var view = View("Sales rose 5% 10 times.");
        Assert.False(QuantityReader.TryRead(view, TokenIndex(view, "%"), out _));
    }

    private static string ReadAt(in SentenceView view, string token)
    {
        Assert.True(QuantityReader.TryRead(view, TokenIndex(view, token), out var quantity));
        return quantity.Kind;
    }
}
