using ArgMiner.Text;
using ArgMiner.Numbers;
using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class ClaimMatcherTests
{
    private static (List<NumericClaim> Claims, List<Numeral> Numerals, int Next) MatchAt(string sentence, string first)
    {
        var view = View(sentence);
        var claims = new List<NumericClaim>();
        var numerals = new List<Numeral>();
        var next = new ClaimMatcher(view, claims, numerals).MatchAt(TokenIndex(view, first));
        return (claims, numerals, next);
    }

    [Theory]
    [InlineData("Between 2 and 3 people were hurt.", "Between", "Between 2 and 3", 2, 3)]
    [InlineData("Estimates run from 10 to 20 deaths.", "from", "from 10 to 20", 10, 20)]
    [InlineData("Estimates run 10 to 20 deaths.", "10", "10 to 20", 10, 20)]
    [InlineData("It will cost 2 to 3 million dollars.", "2", "2 to 3 million dollars", 2_000_000, 3_000_000)]
    [InlineData("Scores ranged above 1000 and below 1500 points.", "above", "above 1000 and below 1500", 1000, 1500)]
    public void GivenARange_WhenMatched_ThenOneRangeClaimWithItsBounds(string sentence, string first, string span, double low, double high)
    {
        var (claims, numerals, _) = MatchAt(sentence, first);
        var claim = Assert.Single(claims);
        Assert.Equal(NumericKinds.Range, claim.Kind);
        Assert.Equal(span, sentence[claim.Start..claim.End]);
        Assert.Equal(low, claim.Low);
        Assert.Equal(high, claim.High);
        Assert.Null(claim.Value);
        Assert.Equal(2, numerals.Count);
    }

    [Theory]
    [InlineData("Membership grew from 40 to 55.", "from", "from 40 to 55", 40, 55)]
    [InlineData("Prices fell sharply from 55 to 40.", "from", "from 55 to 40", 55, 40)]
    [InlineData("Seats went from 55 to 40 last year.", "from", "from 55 to 40", 55, 40)]
    [InlineData("The mood changed from 55 to 40 points.", "from", "from 55 to 40", 55, 40)]
    [InlineData("Turnout rose to 68% from 61%.", "68", "68% from 61%", 61, 68)]
    public void GivenAChangeFromOneLevelToAnother_WhenMatched_ThenOneChangeClaimFromBeforeToAfter(string sentence, string first, string span, double before, double after)
    {
        var (claims, numerals, _) = MatchAt(sentence, first);
        var claim = Assert.Single(claims);
        Assert.Equal(ClaimKinds.Change, claim.Kind);
        Assert.Equal(span, sentence[claim.Start..claim.End]);
        Assert.Equal(before, claim.Low);
        Assert.Equal(after, claim.High);
        Assert.Null(claim.Value);
        Assert.Equal(2, numerals.Count);
    }

    [Theory]
    [InlineData("Sales rose 3% to 120 units.", "3", "3%")]
    [InlineData("Unemployment rose 0.3% to 5.1%.", "0.3", "0.3%")]
    [InlineData("Output increased by 4 to 9 units.", "4", "4")]
    public void GivenAChangeThenTheLevelItReached_WhenMatched_ThenTheChangeStandsAlone(string sentence, string first, string span)
    {
        var (claims, _, next) = MatchAt(sentence, first);
        var claim = Assert.Single(claims);
        Assert.Equal(span, sentence[claim.Start..claim.End]);
        Assert.NotNull(claim.Value);
        Assert.True(next > 0);
    }

    [Theory]
    [InlineData("Estimates run 20 to 10 deaths.", "20")]
    [InlineData("It ran 1 to one in the final.", "1")]
    public void GivenBoundsThatMakeNoRange_WhenMatched_ThenTheFirstNumberStandsAlone(string sentence, string first)
    {
        var (claims, _, _) = MatchAt(sentence, first);
        var claim = Assert.Single(claims);
        Assert.NotEqual(NumericKinds.Range, claim.Kind);
        Assert.Equal(first, sentence[claim.Start..claim.End]);
    }

    [Theory]
    [InlineData("The council voted 9 to 14 against the plan.", "9")]
    [InlineData("The motion was adopted by a vote of 35 to 120.", "35")]
    public void GivenAVoteTallyWithTo_WhenMatched_ThenTheFirstSideIsACountAndNoRange(string sentence, string first)
    {
        var (claims, _, _) = MatchAt(sentence, first);
        var claim = Assert.Single(claims);
        Assert.Equal(NumericKinds.Count, claim.Kind);
        Assert.Equal(first, sentence[claim.Start..claim.End]);
    }

    [Theory]
    [InlineData("One of the most serious incidents came.", "One")]
    [InlineData("It is the one region that welcomes them.", "one")]
    public void GivenAPronounOne_WhenMatched_ThenNoClaimAndNoNumeral(string sentence, string first)
    {
        var (claims, numerals, next) = MatchAt(sentence, first);
        Assert.Empty(claims);
        Assert.Empty(numerals);
        Assert.True(next > 0);
    }

    [Fact]
    public void GivenOneWithAQualifier_WhenMatched_ThenItIsAClaim()
    {
        var (claims, _, _) = MatchAt("Only about one percent agreed.", "about");
        var claim = Assert.Single(claims);
        Assert.Equal("approximately", claim.Qualifier);
        Assert.Equal(NumericKinds.Percent, claim.Kind);
    }

    [Theory]
    [InlineData("They need 200 or more volunteers.", "200", "200 or more", "at_least")]
    [InlineData("They saw more than 5000 or equal to it.", "more", "more than 5000 or equal to", "at_least")]
    [InlineData("Roughly hundreds of protesters gathered.", "Roughly", "Roughly hundreds", "approximately")]
    [InlineData("Nearly 40 villages were hit.", "Nearly", "Nearly 40", "approximately")]
    public void GivenQualifierWords_WhenMatched_ThenTheClaimCarriesTheQualifier(string sentence, string first, string span, string qualifier)
    {
        var (claims, _, _) = MatchAt(sentence, first);
        var claim = Assert.Single(claims);
        Assert.Equal(span, sentence[claim.Start..claim.End]);
        Assert.Equal(qualifier, claim.Qualifier);
    }

    [Fact]
    public void GivenAQualifiedAmount_WhenMatched_ThenTheQuantitySpanLeavesTheQualifierOut()
    {
        const string sentence = "It generates roughly $1 billion annually.";
        var (claims, numerals, next) = MatchAt(sentence, "roughly");
        var claim = Assert.Single(claims);
        Assert.Equal("roughly $1 billion", sentence[claim.Start..claim.End]);
        Assert.Equal("$1 billion", sentence[claim.QuantityStart..claim.QuantityEnd]);
        Assert.Equal("year", claim.Period);
        Assert.Equal(1e9, Assert.Single(numerals).Value);
        Assert.Equal(6, next);
    }

    [Fact]
    public void GivenNoQuantity_WhenMatched_ThenNothingIsEmittedAndTheMatcherMovesOn()
    {
        var (claims, numerals, next) = MatchAt("The council met again.", "council");
        Assert.Empty(claims);
        Assert.Empty(numerals);
        Assert.Equal(2, next);
    }
}
