using ArgMiner.Numbers;
using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class TimeAnchorFinderTests
{
    [Fact]
    public void GivenDatesWithPrepositions_WhenAnchored_ThenEachAnchorKeepsItsPreposition()
    {
        var view = View("Since October 2023 attacks rose, and as of mid-2025 troops stayed, as in 2011.");
        var anchors = new List<string>();
        foreach (var (_, end, anchorStart) in TimeAnchorFinder.Anchors(view))
        {
            anchors.Add(TextOf(view, anchorStart, end));
        }

        Assert.Equal(["Since October 2023", "as of mid-2025", "in 2011"], anchors);
    }

    [Fact]
    public void GivenClaimsAndDates_WhenAttached_ThenEachClaimTakesTheNearestDateAndTheSentenceSource()
    {
        const string sentence = "In 2019 about 20 people came, and by 2023 some 30 more had left.";
        var view = View(sentence);
        var claims = new List<NumericClaim>
        {
            Claim(sentence, "about 20"),
            Claim(sentence, "some 30"),
        };
        TimeAnchorFinder.Attach(view, claims, 0, "Reuters");
        Assert.Equal("In 2019", claims[0].Time);
        Assert.Equal("by 2023", claims[1].Time);
        Assert.All(claims, c => Assert.Equal("Reuters", c.Source));
    }

    [Fact]
    public void GivenClaimsBeforeTheFirst_WhenAttached_ThenEarlierClaimsAreLeftAlone()
    {
        const string sentence = "In 2019 about 20 people came.";
        var view = View(sentence);
        var earlier = Claim(sentence, "about 20");
        var claims = new List<NumericClaim> { earlier, Claim(sentence, "about 20") };
        TimeAnchorFinder.Attach(view, claims, 1, null);
        Assert.Same(earlier, claims[0]);
        Assert.Equal("In 2019", claims[1].Time);
        Assert.Null(claims[1].Source);
    }

    [Fact]
    public void GivenNoDateAndNoSource_WhenAttached_ThenTheClaimIsUnchanged()
    {
        const string sentence = "About 20 people came.";
        var claim = Claim(sentence, "About 20");
        var claims = new List<NumericClaim> { claim };
        TimeAnchorFinder.Attach(View(sentence), claims, 0, null);
        Assert.Same(claim, claims[0]);
    }

    private static NumericClaim Claim(string sentence, string span)
    {
        var start = sentence.IndexOf(span, StringComparison.Ordinal);
        return new NumericClaim { Start = start, End = start + span.Length, Sentence = 0, Kind = NumericKinds.Count };
    }
}
