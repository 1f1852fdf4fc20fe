using ArgMiner.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Text;

public sealed class AsciiRangesTests
{
    private static readonly (char Low, char High)[] Ranges = [('0', '9'), ('a', 'z'), ('A', 'Z'), ('\0', '\uFFFF'), ('x', 'x')];

    // Characters near the ranges' edges, as well as any other.
    private static readonly Arbitrary<string> Words = Arb.From(
        Gen.Frequency(
                (6, Gen.Elements("/0189:@AZ[`az{ é\uFFFF\0".ToCharArray())),
                (1, Gen.Choose(0, 0xFFFF).Select(c => (char)c)))
            .ArrayOf()
            .Select(chars => new string(chars)));

    [Fact]
    public void GivenAnyWord_WhenTestedAgainstARange_ThenTheLoopsAgreeWithTheLibrarysRangeSearches()
    {
        var property = Prop.ForAll(Words, word =>
        {
            foreach (var (low, high) in Ranges)
            {
                var span = word.AsSpan();
                if (AsciiRanges.Any(span, low, high) != span.ContainsAnyInRange(low, high)
                    || AsciiRanges.All(span, low, high) != !span.ContainsAnyExceptInRange(low, high))
                {
                    return false;
                }
            }

            return AsciiRanges.AnyDigit(word) == word.AsSpan().ContainsAnyInRange('0', '9');
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Theory]
    [InlineData("", false, true)]
    [InlineData("abc", false, false)]
    [InlineData("a1", true, false)]
    [InlineData("2024", true, true)]
    public void GivenAWord_WhenAskedForDigits_ThenAnyAndAllSay(string word, bool anyDigit, bool allDigits)
    {
        Assert.Equal(anyDigit, AsciiRanges.AnyDigit(word));
        Assert.Equal(allDigits, AsciiRanges.All(word, '0', '9'));
    }
}
