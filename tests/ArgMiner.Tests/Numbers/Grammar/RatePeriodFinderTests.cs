using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class RatePeriodFinderTests
{
    [Theory]
    [InlineData("They launch 100 attacks a year.", "year")]
    [InlineData("The group spends 5 dollars weekly.", "week")]
    [InlineData("Attacks rose to 40 per month.", "month")]
    [InlineData("It pays 5 each day.", "day")]
    [InlineData("It pays 5 per annum.", "year")]
    [InlineData("It pays 5 every quarter.", "quarter")]
    public void GivenARate_WhenThePeriodIsSought_ThenItIsFound(string sentence, string period)
    {
        var view = View(sentence);
        Assert.Equal(period, RatePeriodFinder.After(view, FirstNumber(view) + 1));
    }

    [Theory]
    [InlineData("They carried out 12 attacks a year earlier.")]
    [InlineData("They carried out 12 attacks a year ago.")]
    [InlineData("They will build 12 houses in a year.")]
    [InlineData("They published 12 annual reports.")]
    [InlineData("They built 12 houses in the town a year.")]
    public void GivenAYearThatIsNoRate_WhenThePeriodIsSought_ThenThereIsNone(string sentence)
    {
        var view = View(sentence);
        Assert.Null(RatePeriodFinder.After(view, FirstNumber(view) + 1));
    }

    private static int FirstNumber(in ArgMiner.Numbers.Grammar.SentenceView view)
    {
        for (var i = 0; i < view.Count; i++)
        {
            if (view.Literals[i].Valid)
            {
                return i;
            }
        }

        Assert.Fail("no number");
        return -1;
    }
}
