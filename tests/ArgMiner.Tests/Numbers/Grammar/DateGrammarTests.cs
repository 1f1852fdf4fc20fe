using ArgMiner.Numbers;
using ArgMiner.Numbers.Grammar;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class DateGrammarTests
{
    private static List<string> Dates(string sentence)
    {
        var dates = new List<DateSpan>();
        var view = View(sentence, markDates: false);
        DateGrammar.MarkDates(view, dates);
        return [.. dates.Select(d => sentence[d.Start..d.End])];
    }

    [Theory]
    [InlineData("Fighting resumed in early 2024 near the border.", "early 2024")]
    [InlineData("Troops remain as of mid-2025 in Iraq.", "mid-2025")]
    [InlineData("The vote on March 3, 2024 was close.", "March 3, 2024")]
    [InlineData("He met her in July of 1977 in Paris.", "July of 1977")]
    [InlineData("The vote on 4 July 2025 was close.", "4 July 2025")]
    [InlineData("The talks ran November 19-20 in Rome.", "November 19-20")]
    [InlineData("Prices peaked in the 1990s.", "1990s")]
    [InlineData("After the 2011 withdrawal, chaos followed.", "2011")]
    [InlineData("It happened on 5/17/2018 at night.", "5/17/2018")]
    [InlineData("The war lasted 1995-2001 in the region.", "1995-2001")]
    [InlineData("Fighting resumed in May after the talks.", "May")]
    [InlineData("The abbey dates from the 12th century.", "12th century")]
    [InlineData("By the mid-20th century the town had grown.", "mid-20th century")]
    [InlineData("It spread in the 13th and 14th centuries.", "13th and 14th centuries")]
    [InlineData("They restored a nineteenth-century mill.", "nineteenth-century")]
    [InlineData("Emissions fell below 2019 levels.", "2019")]
    [InlineData("The 2024 elections were close.", "2024")]
    [InlineData("Britain's 2030 targets slipped.", "2030")]
    [InlineData("He ruled the island from 1961 to 1975.", "1961 to 1975")]
    [InlineData("Exports slowed in 2011 - 12 across the region.", "2011 - 12")]
    [InlineData("Exports slowed during 2014-5 across the region.", "2014-5")]
    [InlineData("He served 1988 through 1996 in the senate.", "1988 through 1996")]
    [InlineData("The form was stamped 15-Jan-2020 at the border.", "15-Jan-2020")]
    [InlineData("The field shrank to 8 March 1, officials said.", "March 1")]
    public void GivenADate_WhenMarked_ThenItIsTheOneDateSpan(string sentence, string date)
    {
        Assert.Equal([date], Dates(sentence));
    }

    [Theory]
    [InlineData("In 2019, 2000 troops arrived.", "2019")]
    [InlineData("She finished 19th in the race.", null)]
    [InlineData("It was the fourth attack this year.", null)]
    [InlineData("More than 2000 people came in 2019.", "2019")]
    [InlineData("Between 1500 to 1800 advisers came.", null)]
    [InlineData("You may see 1,500-3,000 fighters.", null)]
    [InlineData("We march on 3 fronts.", null)]
    [InlineData("May I ask about 2-3 things?", null)]
    public void GivenCountsBesideYears_WhenMarked_ThenOnlyTheYearsAreDates(string sentence, string? onlyDate)
    {
        Assert.Equal(onlyDate is null ? [] : [onlyDate], Dates(sentence));
    }

    [Fact]
    public void GivenADate_WhenMarked_ThenItsFirstTokenHoldsItsEndAndOthersHoldNothing()
    {
        var view = View("Since October 2023, attacks rose.");
        var october = TokenIndex(view, "October");
        Assert.Equal(october + 2, view.DateEnds[october]);
        Assert.Equal(0, view.DateEnds[october + 1]);
        Assert.Equal(0, view.DateEnds[0]);
    }

    [Theory]
    [InlineData("02/22/2016", true)]
    [InlineData("2015.5.13", true)]
    [InlineData("11/2016", true)]
    [InlineData("21/04/16", true)]
    [InlineData("2016-12-01", true)]
    [InlineData("13/2016", false)]
    [InlineData("2016/13", false)]
    [InlineData("1.5", false)]
    [InlineData("12/25/16", true)]
    [InlineData("12-25-16", false)]
    [InlineData("2016/12-01", false)]
    [InlineData("13/13/2016", false)]
    [InlineData("2016.13.01", false)]
    public void GivenOneToken_WhenAskedIfItIsANumericDate_ThenGroupsSeparatorsAndMonthsDecide(string token, bool date)
    {
        Assert.Equal(date, DateGrammar.IsNumericDateToken(token));
    }
}
