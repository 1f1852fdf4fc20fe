using ArgMiner.Numbers.Grammar;
using ArgMiner.Text;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class CurrencyReaderTests
{
    [Theory]
    [InlineData("It cost $ 5 then.", "$", "USD", 1, 1)]
    [InlineData("It cost HK$ 5 then.", "HK", "HKD", 1, 2)]
    [InlineData("It cost US$150 then.", "US", "USD", 1, 2)]
    [InlineData("It cost C $ 5 then.", "C", "CAD", 1, 2)]
    [InlineData("It cost EUR 5 then.", "EUR", "EUR", 1, 1)]
    [InlineData("It cost MAUD 60 then.", "MAUD", "AUD", 1e6, 1)]
    public void GivenACurrencyBeforeAnAmount_WhenRead_ThenItsCodeScaleAndLengthAreRight(string sentence, string first, string code, double scale, int length)
    {
        var view = View(sentence);
        var start = TokenIndex(view, first);
        Assert.Equal(start + length, CurrencyReader.ReadBefore(view, start, out var read, out var prefixScale));
        Assert.Equal(code, read);
        Assert.Equal(scale, prefixScale);
    }

    [Fact]
    public void GivenUsDollarsSplitAtEveryMark_WhenRead_ThenTheFourPiecesAreOneCurrency()
    {
        // "U.S$ 5" tokenized at every punctuation mark: "U" "." "S" "$" "5".
        var view = View("It cost U.S$ 5 then.", [new Token(0, 2), new Token(3, 7), new Token(8, 9), new Token(9, 10), new Token(10, 11), new Token(11, 12), new Token(13, 14), new Token(15, 19), new Token(19, 20)]);
        Assert.Equal(6, CurrencyReader.ReadBefore(view, 2, out var code, out _));
        Assert.Equal("USD", code);
    }

    [Theory]
    [InlineData("It cost can 5 then.", "can")]
    [InlineData("It cost the 5 then.", "the")]
    public void GivenNoCurrencyBeforeAnAmount_WhenRead_ThenNothingIsRead(string sentence, string first)
    {
        var view = View(sentence);
        var start = TokenIndex(view, first);
        Assert.Equal(start, CurrencyReader.ReadBefore(view, start, out var code, out var prefixScale));
        Assert.Null(code);
        Assert.Equal(1, prefixScale);
    }

    [Theory]
    [InlineData("It cost 125 Australian dollars then.", "Australian", false, "AUD", 1, "dollars")]
    [InlineData("It cost 5 euros then.", "euros", false, "EUR", 1, "euros")]
    [InlineData("It cost 50 cents then.", "cents", false, "USD", 100, "cents")]
    [InlineData("It cost 3 million pounds sterling then.", "pounds", true, "GBP", 1, "sterling")]
    [InlineData("It cost 30 MUSD then.", "MUSD", false, "USD", 1e-6, "MUSD")]
    public void GivenACurrencyWordAfterAnAmount_WhenRead_ThenItsCodeAndDivisorAreRight(string sentence, string first, bool scaled, string code, double divisor, string last)
    {
        var view = View(sentence);
        Assert.True(CurrencyReader.TryReadAfter(view, TokenIndex(view, first), scaled, out var end, out var read, out var readDivisor));
        Assert.Equal(code, read);
        Assert.Equal(divisor, readDivisor);
        Assert.Equal(TokenIndex(view, last) + 1, end);
    }

    [Theory]
    [InlineData("She lost 25 pounds then.", "pounds")]
    [InlineData("It weighs 5 pounds of sugar.", "pounds")]
    [InlineData("They won 5 won games.", "won")]
    public void GivenAWordThatIsNotMoneyHere_WhenReadAfterAnAmount_ThenItIsNoCurrency(string sentence, string word)
    {
        var view = View(sentence);
        Assert.False(CurrencyReader.TryReadAfter(view, TokenIndex(view, word), scaled: false, out _, out _, out _));
    }

    [Theory]
    [InlineData("MUSD", true, "USD")]
    [InlineData("MEUR", true, "EUR")]
    [InlineData("Musd", false, "")]
    [InlineData("MXYZ", false, "")]
    public void GivenAFourLetterCode_WhenAskedIfItIsMillionsOfACurrency_ThenAnUpperCaseMAndACodeAre(string word, bool millions, string code)
    {
        Assert.Equal(millions, CurrencyReader.IsMillionsOfCode(word, out var read));
        Assert.Equal(code, read);
    }

    [Theory]
    [InlineData("Dollars", "dollar")]
    [InlineData("rubles", "ruble")]
    [InlineData("kronor", "krona")]
    [InlineData("yen", "yen")]
    public void GivenACurrencyWord_WhenMadeSingular_ThenItIsTheLexiconKey(string word, string singular)
    {
        Assert.Equal(singular, CurrencyReader.SingularCurrencyName(word));
    }
}
