using ArgMiner.Numbers.Grammar;
using ArgMiner.Text;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class AmountReaderTests
{
    [Theory]
    [InlineData("It fell to -5 today.", "-", "-5", -5)]
    [InlineData("It fell to minus 5 today.", "minus", "minus 5", -5)]
    [InlineData("They need 1.5 million barrels.", "1.5", "1.5 million", 1_500_000)]
    [InlineData("They sold 3 dozens eggs.", "3", "3 dozens", 36)]
    [InlineData("They sold 322 hundred units.", "322", "322 hundred", 32_200)]
    [InlineData("Hundreds of protesters came.", "Hundreds", "Hundreds", 100)]
    [InlineData("Tens of thousands of protesters came.", "Tens", "Tens of thousands", 10_000)]
    [InlineData("Hundreds of millions of people watch.", "Hundreds", "Hundreds of millions", 100_000_000)]
    [InlineData("Dozens were hurt.", "Dozens", "Dozens", 12)]
    [InlineData("Several hundred workers struck.", "Several", "Several hundred", 100)]
    [InlineData("Several hundred thousand homes lost power.", "Several", "Several hundred thousand", 100_000)]
    [InlineData("Half a million people fled.", "Half", "Half a million", 500_000)]
    [InlineData("Two and a half million people live there.", "Two", "Two and a half million", 2_500_000)]
    [InlineData("It took 2 and a half years.", "2", "2 and a half", 2.5)]
    [InlineData("They hired 2,500 staff.", "2,500", "2,500", 2500)]
    [InlineData("Growth was +0.4 points.", "+", "+0.4", 0.4)]
    [InlineData("It fell to −5 today.", "−", "−5", -5)]
    [InlineData("They held 1.2×10^6 cells.", "1.2", "1.2×10^6", 1_200_000)]
    [InlineData("They held 10^9 cells.", "10", "10^9", 1e9)]
    public void GivenAnAmount_WhenRead_ThenItsSpanAndValueAreRight(string sentence, string first, string span, double value)
    {
        var view = View(sentence);
        Assert.True(AmountReader.TryRead(view, TokenIndex(view, first), money: false, out var amount));
        Assert.Equal(span, TextOf(view, amount.Start, amount.End));
        Assert.Equal(value, amount.Value, 9);
    }

    [Theory]
    [InlineData("Tens of thousands of protesters came.", "Tens", 10_000, 100_000)]
    [InlineData("Hundreds of millions of people watch.", "Hundreds", 100_000_000, 1_000_000_000)]
    [InlineData("Hundreds of protesters came.", "Hundreds", 100, 1000)]
    [InlineData("Dozens were hurt.", "Dozens", 12, 120)]
    [InlineData("Millions of people watch.", "Millions", 1_000_000, 10_000_000)]
    [InlineData("Several dozen boats sank.", "Several", 12, 120)]
    [InlineData("Several thousand fans came.", "Several", 1000, 10_000)]
    public void GivenAVagueCount_WhenRead_ThenAnOrderOfMagnitudeHasItsUpperEnd(string sentence, string first, double value, double high)
    {
        var view = View(sentence);
        Assert.True(AmountReader.TryRead(view, TokenIndex(view, first), money: false, out var amount));
        Assert.True(amount.Vague);
        Assert.Equal(value, amount.Value);
        Assert.Equal(high, amount.VagueHigh);
    }

    [Theory]
    [InlineData("The F-16 flew.", "16")]
    [InlineData("Update to iOS 17.2 now.", "17.2")]
    [InlineData("Welcome to Trump 2.0 today.", "2.0")]
    [InlineData("See Section 7 of it.", "7")]
    [InlineData("Flight 370 vanished.", "370")]
    [InlineData("It starts at 10 a.m. sharp.", "10")]
    [InlineData("Call +1-222-2222 now.", "1")]
    [InlineData("Call +44 20 7946 0000 now.", "44")]
    [InlineData("Call (713) 853-3242 now.", "713")]
    [InlineData("Prices peaked in the 1990s.", "1990s")]
    public void GivenACodeVersionLabelTimeOrPhone_WhenRead_ThenItIsNoAmount(string sentence, string token)
    {
        var view = View(sentence);
        Assert.False(AmountReader.TryRead(view, TokenIndex(view, token), money: false, out _));
    }

    [Fact]
    public void GivenAGluedM_WhenReadAsMoneyOrNot_ThenItIsMillionsOrMetres()
    {
        // "3m" as one token (a tokenizer that keeps it whole).
        var view = View("It costs 3m now.", [new Token(0, 2), new Token(3, 8), new Token(9, 11), new Token(12, 15), new Token(15, 16)]);
        var three = TokenIndex(view, "3m");
        Assert.True(AmountReader.TryRead(view, three, money: true, out var millions));
        Assert.Equal(3_000_000, millions.Value);
        Assert.Null(millions.Unit);
        Assert.True(AmountReader.TryRead(view, three, money: false, out var metres));
        Assert.Equal(3, metres.Value);
        Assert.Equal("m", metres.Unit);
    }

    [Fact]
    public void GivenVagueCounts_WhenRead_ThenTheyAreVagueAndEndBeforeTheirLastOf()
    {
        var view = View("Millions of people voted.");
        Assert.True(AmountReader.TryRead(view, 0, money: false, out var amount));
        Assert.True(amount.Vague);
        Assert.Equal(1, amount.End);
        Assert.False(AmountReader.TryRead(View("Tens came."), 0, money: false, out _));
        Assert.False(AmountReader.TryRead(View("Several came."), 0, money: false, out _));
    }

    [Fact]
    public void GivenAFourDigitNumber_WhenRead_ThenItIsYearLikeUnlessScaled()
    {
        var view = View("They sent 1500 and 1500 million.", markDates: false);
        Assert.True(AmountReader.TryRead(view, 2, money: false, out var plain));
        Assert.True(plain.YearLike);
        Assert.True(AmountReader.TryRead(view, 4, money: false, out var scaled));
        Assert.False(scaled.YearLike);
    }
}
