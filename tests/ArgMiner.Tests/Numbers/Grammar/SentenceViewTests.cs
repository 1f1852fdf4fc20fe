using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class SentenceViewTests
{
    [Fact]
    public void GivenIndexesOutsideTheSentence_WhenWordsAreRead_ThenTheyAreEmptyAndMatchNothing()
    {
        var view = View("Prices rose.");
        Assert.True(view.Word(-1).IsEmpty);
        Assert.True(view.Word(view.Count).IsEmpty);
        Assert.False(view.WordIs(view.Count, ""));
        Assert.False(view.TouchesPrevious(0));
        Assert.False(view.StartsWithLetter(-1));
    }

    [Fact]
    public void GivenASentence_WhenTokensAreQueried_ThenCaseGluingDashesAndPunctuationAreSeen()
    {
        var view = View("The F-16 flew (fast).");
        Assert.True(view.WordIs(0, "the"));
        var dash = TokenIndex(view, "-");
        Assert.True(view.IsDash(dash));
        Assert.True(view.TouchesPrevious(dash));
        Assert.True(view.TouchesPrevious(dash + 1));
        Assert.False(view.TouchesPrevious(TokenIndex(view, "flew")));
        Assert.True(view.IsPunctuation(TokenIndex(view, "(")));
        Assert.True(view.IsCapitalized(0));
        Assert.False(view.IsCapitalized(TokenIndex(view, "flew")));
        Assert.Equal("F-16 flew", view.TextOf(TokenIndex(view, "F"), TokenIndex(view, "flew") + 1));
    }

    [Theory]
    [InlineData("They counted 40 attacks.", "attacks", true)]
    [InlineData("They counted 40 people.", "people", true)]
    [InlineData("They met 40 Americans there.", "Americans", true)]
    [InlineData("They met the United States Army today.", "States", false)]
    [InlineData("They left the United States today.", "States", true)]
    [InlineData("They broke 40 glass panes.", "glass", false)]
    [InlineData("It is his status.", "status", false)]
    [InlineData("They count 40 of them.", "of", false)]
    public void GivenAWord_WhenAskedIfItIsAPluralNoun_ThenPluralsCountAndLookAlikesDoNot(string sentence, string word, bool plural)
    {
        var view = View(sentence);
        Assert.Equal(plural, view.IsPluralNoun(TokenIndex(view, word)));
    }

    [Theory]
    [InlineData("It rose 5 percent.", "percent", true)]
    [InlineData("It rose 5 per cent.", "per", true)]
    [InlineData("It rose 5 per day.", "per", false)]
    [InlineData("It rose 5 pct.", "pct", true)]
    public void GivenAWord_WhenAskedIfItIsAPercentWord_ThenPercentSpellingsAreKnown(string sentence, string word, bool percent)
    {
        var view = View(sentence);
        Assert.Equal(percent, view.IsPercentWord(TokenIndex(view, word)));
    }
}
