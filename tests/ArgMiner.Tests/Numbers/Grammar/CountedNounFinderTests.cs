using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class CountedNounFinderTests
{
    [Theory]
    [InlineData("There were more than 180 such attacks across Iraq.", "180", "attacks")]
    [InlineData("Some 1,500–3,000 Islamic State fighters remain.", "3,000", "fighters")]
    [InlineData("The attack left 7 US soldiers dead.", "7", "soldiers")]
    [InlineData("They hired 40 well-paid engineers.", "40", "engineers")]
    [InlineData("They counted 40 of the votes.", "40", "votes")]
    [InlineData("They hired 40 new staff.", "40", "staff")]
    [InlineData("Clinics treat 200 patients daily.", "200", "patients")]
    public void GivenACount_WhenTheCountedNounIsSought_ThenItIsThePluralHeadNoun(string sentence, string number, string noun)
    {
        var view = View(sentence);
        Assert.Equal(noun, CountedNounFinder.After(view, TokenIndex(view, number) + 1, vague: false, singular: false));
    }

    [Theory]
    [InlineData("They met 40 in the square.", "40")]
    [InlineData("The answer is 40.", "40")]
    [InlineData("They saw 40 daily sightings.", "40")]
    [InlineData("They counted 40 and then left.", "40")]
    public void GivenNoCountedNounBeforeAStop_WhenSought_ThenThereIsNone(string sentence, string number)
    {
        var view = View(sentence);
        Assert.Null(CountedNounFinder.After(view, TokenIndex(view, number) + 1, vague: false, singular: false));
    }

    [Fact]
    public void GivenAVagueCount_WhenSought_ThenItsOfIsSkipped()
    {
        var view = View("Hundreds of protesters gathered.");
        Assert.Equal("protesters", CountedNounFinder.After(view, 1, vague: true, singular: false));
    }

    [Fact]
    public void GivenACountOfOne_WhenSought_ThenASingularNounServes()
    {
        var view = View("They found 1 body there.");
        Assert.Equal("body", CountedNounFinder.After(view, 3, vague: false, singular: true));
        Assert.Null(CountedNounFinder.After(view, 3, vague: false, singular: false));
    }
}
