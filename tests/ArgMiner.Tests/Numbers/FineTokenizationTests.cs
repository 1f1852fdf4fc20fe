using ArgMiner.Numbers;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Numbers;

/// <summary>
/// The grammar must not depend on the tokenizer keeping "1,500", "U.S." or "3m" whole: a tokenizer that
/// splits at every punctuation mark and at every letter-digit boundary gives the same claims.
/// </summary>
public class FineTokenizationTests
{
    [Theory]
    [InlineData("Roughly 2,500 U.S. troops still remain in Iraq as of mid-2025, largely in advisory roles.")]
    [InlineData("Remnants of the Islamic State still launch over 100 attacks a year, according to UN reporting.")]
    [InlineData("U.S. officials estimate that 1,500–3,000 Islamic State fighters remain active across Iraq and Syria.")]
    [InlineData("Since October 2023, there have been more than 180 such attacks across Iraq and Syria.")]
    [InlineData("A fuel-oil smuggling network tied to these groups generates roughly $1 billion annually.")]
    [InlineData("The club paid £3m, then €2.5bn, for 35% of the shares and 1.5 million barrels a day.")]
    [InlineData("The firm paid RM45,000 and 12pc more, +0.4% and -$40 million, at 3.5GHz and 21°C.")]
    [InlineData("He batted .250 and the council borrowed 4m euros for 1.2×10^6 cells.")]
    public void GivenASentence_WhenTokenizedFinely_ThenTheClaimsAreTheSame(string sentence)
    {
        var ud = Extract(sentence, new RuleTokenizer());
        var fine = Extract(sentence, new FineTokenizer());
        Assert.NotEmpty(ud);
        Assert.Equal(ud.Select(Describe), fine.Select(Describe));
    }

    private static string Describe(NumericClaim c) =>
        $"{c.Start}-{c.End} {c.Kind} {c.Value} {c.Low} {c.High} {c.Qualifier} {c.Unit} {c.Period} {c.Counted} {c.Time} {c.Source}";

    private static List<NumericClaim> Extract(string text, ITokenizer tokenizer)
    {
        var tokens = new List<Token>();
        tokenizer.Tokenize(text, 0, text.Length, tokens);
        var claims = new List<NumericClaim>();
        NumericClaimExtractor.Analyze(text, tokens.ToArray(), 0, claims);
        return claims;
    }

    // Every punctuation mark alone; letters and digits split where they meet.
    private sealed class FineTokenizer : ITokenizer
    {
        public void Tokenize(string text, int start, int end, List<Token> tokens)
        {
            var i = start;
            while (i < end)
            {
                if (char.IsWhiteSpace(text[i]))
                {
                    i++;
                    continue;
                }

                var s = i;
                if (char.IsLetter(text[i]))
                {
                    while (i < end && char.IsLetter(text[i]))
                    {
                        i++;
                    }
                }
                else if (char.IsDigit(text[i]))
                {
                    while (i < end && char.IsDigit(text[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    i++;
                }

                tokens.Add(new Token(s, i));
            }
        }
    }
}
