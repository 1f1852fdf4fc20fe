using System.Text;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Tokenization;

/// <summary>
/// Pathological input must be handled in linear time. These tests check it by counts, not by the clock:
/// the tokens are the expected ones, and doubling the input exactly doubles the tokens (no rescanning
/// artefacts), on inputs where a backtracking or rescanning tokenizer would take hours.
/// </summary>
public sealed class RuleTokenizerPathologicalTests
{
    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        new RuleTokenizer().Tokenize(text, 0, text.Length, tokens);
        return tokens;
    }

    [Fact]
    public void Given200000Digits_WhenTokenized_ThenTheyAreOneToken()
    {
        var tokens = Tokenize(new string('7', 200_000));
        Assert.Equal(new Token(0, 200_000), Assert.Single(tokens));
    }

    [Theory]
    [InlineData('-')]
    [InlineData('.')]
    [InlineData('!')]
    [InlineData('*')]
    public void GivenAMegabyteOfOnePunctuationMark_WhenTokenized_ThenItIsOneToken(char mark)
    {
        var tokens = Tokenize(new string(mark, 1 << 20));
        Assert.Equal(new Token(0, 1 << 20), Assert.Single(tokens));
    }

    [Fact]
    public void GivenAMegabyteOfLetterHyphenPairs_WhenTokenized_ThenEachLetterAndHyphenIsAToken()
    {
        var text = new StringBuilder().Insert(0, "a-", 1 << 19).ToString();
        var tokens = Tokenize(text);
        Assert.Equal(1 << 20, tokens.Count);
    }

    [Theory]
    [InlineData("a.")]
    [InlineData("U.S.")]
    [InlineData("1,")]
    [InlineData("ab’")]
    [InlineData("x@y.")]
    [InlineData("<a@")]
    [InlineData("😂\u200D")]
    [InlineData("e-")]
    [InlineData("1e-")]
    public void GivenARepeatedPatternWithoutSpaces_WhenTheInputDoubles_ThenTheTokenCountDoubles(string unit)
    {
        var small = new StringBuilder().Insert(0, unit, 50_000).ToString();
        var large = new StringBuilder().Insert(0, unit, 100_000).ToString();
        var a = Tokenize(small);
        var b = Tokenize(large);
        Assert.NotEmpty(a);
        Assert.InRange(b.Count, 2 * a.Count - 2, 2 * a.Count + 2);
        AssertWellFormed(large, b);
    }

    [Fact]
    public void GivenAMegabyteWithoutSpacesOfMixedText_WhenTokenized_ThenTokensCoverAllButNothingOverlaps()
    {
        var sb = new StringBuilder();
        while (sb.Length < 1 << 20)
        {
            sb.Append("Iraq’s-U.S.(2,500)$1.5bn…don't😂www.x.com@a#b");
        }

        var text = sb.ToString();
        AssertWellFormed(text, Tokenize(text));
    }

    private static void AssertWellFormed(string text, List<Token> tokens)
    {
        var at = 0;
        foreach (var t in tokens)
        {
            Assert.True(t.Start >= at && t.End > t.Start && t.End <= text.Length);
            at = t.End;
        }
    }
}
