using ArgMiner.Numbers.Grammar;
using ArgMiner.Text;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class LiteralLexerTests
{
    [Theory]
    [InlineData("1,500", 1500, true, 4)]
    [InlineData("1,234,567", 1234567, true, 7)]
    [InlineData("1,3", 1.3, false, 1)]
    [InlineData("2.75", 2.75, false, 1)]
    [InlineData(".5", 0.5, false, 0)]
    [InlineData("2011", 2011, false, 4)]
    [InlineData("2,40,000", 240000, true, 6)]
    [InlineData("3,12,45,600", 31245600, true, 8)]
    [InlineData("1\u00A0000\u00A0000", 1000000, true, 7)]
    [InlineData("12\u2009345,5", 12345.5, true, 5)]
    public void GivenDigits_WhenParsed_ThenValueGroupingAndIntegerDigitsAreRead(string digits, double value, bool grouped, int intDigits)
    {
        var literal = LiteralLexer.Parse(digits, 1);
        Assert.True(literal.Valid);
        Assert.False(literal.Identifier);
        Assert.Equal(value, literal.Value, 12);
        Assert.Equal(grouped, literal.Grouped);
        Assert.Equal(intDigits, literal.IntDigits);
        Assert.Equal(LiteralSuffix.None, literal.Suffix);
    }

    [Theory]
    [InlineData("1,50,00")]
    [InlineData("10,20,30")]
    [InlineData("1.2.3")]
    [InlineData("1\u00A01234")]
    [InlineData("1234\u00A0000")]
    [InlineData("5G")]
    [InlineData("3D")]
    [InlineData("12abc")]
    [InlineData("12345678901234567890123456789012345678901")]
    public void GivenACodeOrAList_WhenParsed_ThenItIsAnIdentifier(string digits)
    {
        Assert.True(LiteralLexer.Parse(digits, 1).Identifier);
    }

    [Theory]
    [InlineData("21st", "Ordinal", 21, null)]
    [InlineData("1990s", "Decade", 1990, null)]
    [InlineData("2.5bn", "Scale", 2.5, null)]
    [InlineData("5k", "Scale", 5, null)]
    [InlineData("3m", "MetreOrMillion", 3, null)]
    [InlineData("35%", "Percent", 35, null)]
    [InlineData("20km", "Unit", 20, "km")]
    [InlineData("100€", "Currency", 100, "EUR")]
    [InlineData("12pc", "Percent", 12, null)]
    [InlineData("3.5GHz", "Unit", 3.5, "GHz")]
    public void GivenAGluedSuffix_WhenParsed_ThenItIsClassified(string digits, string suffix, double value, string? unit)
    {
        var literal = LiteralLexer.Parse(digits, 1);
        Assert.Equal(Enum.Parse<LiteralSuffix>(suffix), literal.Suffix);
        Assert.Equal(value, literal.Value, 12);
        Assert.Equal(unit, literal.Unit);
        Assert.False(literal.Identifier);
    }

    [Fact]
    public void GivenAScaleSuffix_WhenParsed_ThenItCarriesItsMultiplier()
    {
        Assert.Equal(1e9, LiteralLexer.Parse("2.5bn", 1).Scale);
        Assert.Equal(1e3, LiteralLexer.Parse("5k", 1).Scale);
        Assert.Equal(1e6, LiteralLexer.Parse("7mn", 1).Scale);
    }

    [Fact]
    public void GivenANumberSplitIntoTouchingPieces_WhenLexed_ThenItIsOneLiteralAtItsFirstPiece()
    {
        // "paid 1,500 now" tokenized at every punctuation mark: "paid" "1" "," "500" "now".
        const string text = "paid 1,500 now";
        var view = View(text, [new Token(0, 4), new Token(5, 6), new Token(6, 7), new Token(7, 10), new Token(11, 14)]);
        Assert.True(view.Literals[1].Valid);
        Assert.Equal(1500, view.Literals[1].Value);
        Assert.Equal(4, view.Literals[1].End);
        Assert.True(view.InsideLiteral[2]);
        Assert.True(view.InsideLiteral[3]);
        Assert.False(view.Literals[3].Valid);
        Assert.False(view.Literals[0].Valid);
        Assert.False(view.InsideLiteral[4]);
    }

    [Fact]
    public void GivenPiecesSeparatedBySpaces_WhenLexed_ThenTheyStayApart()
    {
        var view = View("1 , 500");
        Assert.Equal(1, view.Literals[0].Value);
        Assert.Equal(1, view.Literals[0].End);
        Assert.Equal(500, view.Literals[2].Value);
        Assert.False(view.InsideLiteral[2]);
    }

    [Theory]
    [InlineData("worth RM45,000 now", 45_000, "MYR")]
    [InlineData("worth RM2.3bn now", 2.3, "MYR")]
    [InlineData("worth Rs500 now", 500, "INR")]
    [InlineData("worth USD45 now", 45, "USD")]
    public void GivenACurrencyGluedBeforeTheDigits_WhenLexed_ThenTheLiteralCarriesItsCode(string text, double value, string code)
    {
        var view = View(text);
        Assert.True(view.Literals[1].Valid);
        Assert.False(view.Literals[1].Identifier);
        Assert.Equal(value, view.Literals[1].Value, 12);
        Assert.Equal(code, view.Literals[1].PrefixCurrency);
    }

    [Theory]
    [InlineData("the rm45 file")]
    [InlineData("the RMX45 file")]
    [InlineData("the RM5G file")]
    public void GivenLettersBeforeDigitsThatAreNoCurrency_WhenLexed_ThenNoAmountIsRead(string text)
    {
        var view = View(text);
        Assert.True(!view.Literals[1].Valid || view.Literals[1].Identifier);
    }
}
