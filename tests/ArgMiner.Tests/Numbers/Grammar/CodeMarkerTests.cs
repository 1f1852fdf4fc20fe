using ArgMiner.Numbers.Grammar;
using ArgMiner.Text;
using static ArgMiner.Tests.Numbers.Grammar.GrammarTestKit;

namespace ArgMiner.Tests.Numbers.Grammar;

public class CodeMarkerTests
{
    /// <summary>The view of <paramref name="sentence"/> with its literals lexed and codes marked (no dates); the codes go to <paramref name="codes"/>.</summary>
    private static SentenceView Marked(string sentence, List<CodeSpan> codes)
    {
        var view = View(sentence, markDates: false);
        CodeMarker.Mark(view, codes);
        return view;
    }

    [Theory]
    [InlineData("Call +44 20 7946 0000 for details.", "+44 20 7946 0000")]
    [InlineData("Call 020 7946 0000 for details.", "020 7946 0000")]
    [InlineData("Dial +1 202 555 0143 today.", "+1 202 555 0143")]
    [InlineData("Ring (020) 7946 0000 today.", "(020) 7946 0000")]
    [InlineData("Reach us by Fax: +1 (212) 899-4310 today.", "+1 (212) 899-4310")]
    [InlineData("The hotline, 0800 555 0199, is free.", "0800 555 0199")]
    [InlineData("Call 555 0143 now.", "555 0143")]
    [InlineData("Chelsea won 3-1 at home.", "3-1")]
    [InlineData("The Supreme Court ruled 6-3 on Friday.", "6-3")]
    [InlineData("They lost 1-3 to Spain.", "1-3")]
    [InlineData("It was a 0-2 home defeat.", "0-2")]
    [InlineData("The Senate voted 52-48.", "52-48")]
    public void GivenAPhoneNumberOrAScore_WhenMarked_ThenItIsOneCodeAndItsDigitsAreIdentifiers(string sentence, string code)
    {
        var codes = new List<CodeSpan>();
        var view = Marked(sentence, codes);
        var span = Assert.Single(codes);
        Assert.Equal(code, sentence[span.Start..span.End]);
        for (var i = 0; i < view.Count; i++)
        {
            if (view.Literals[i].Valid && view.Tokens[i].Start >= span.Start && view.Tokens[i].End <= span.End)
            {
                Assert.True(view.Literals[i].Identifier, $"{view.Word(i)} is still an amount");
            }
        }
    }

    [Theory]
    [InlineData("Officials counted 1,500-3,000 fighters.")]
    [InlineData("The repairs will take 4-6 weeks.")]
    [InlineData("Labour won 10-15 seats.")]
    [InlineData("Children aged 5-11 were tested.")]
    [InlineData("The number range is 1000-5000.")]
    [InlineData("The code is 18-13-105 in the statute.")]
    [InlineData("Scores were 10 20 30 in turn.")]
    [InlineData("It beat forecasts by 2 to 3 points.")]
    [InlineData("The council voted 14 to 9 for the plan.")]
    [InlineData("The motion was adopted 120 to 35 on Friday.")]
    public void GivenARangeOrAList_WhenMarked_ThenNoCodeIsFound(string sentence)
    {
        var codes = new List<CodeSpan>();
        Marked(sentence, codes);
        Assert.Empty(codes);
    }

    [Theory]
    [InlineData("Sales of the Model 7 rose.", "7", true)]
    [InlineData("The FTSE 250 Index fell.", "250", true)]
    [InlineData("The S&P 500 hit a record.", "500", true)]
    [InlineData("Fortune 500 companies pay less.", "500", true)]
    [InlineData("Type 2 diabetes is rising.", "2", true)]
    [InlineData("The Boeing 737 was grounded.", "737", true)]
    [InlineData("They played Halo 3 all night.", "3", true)]
    [InlineData("He told CNN 40 people had died.", "40", false)]
    [InlineData("The Equality Act 2010 applies.", "2010", false)]
    [InlineData("Rugby League 12 % of fans.", "12", false)]
    [InlineData("Revenues of about MAUD 60 were booked.", "60", false)]
    [InlineData("Army Sends 300 More Troops To Iraq", "300", false)]
    [InlineData("In March 3 people died.", "3", false)]
    [InlineData("Apollo 11 landed.", "11", true)]
    [InlineData("Chapter 11 looms.", "11", false)]
    [InlineData("I upgraded to Firefox 1.5 yesterday.", "1.5", true)]
    [InlineData("We added language in Para 3.2 for it.", "3.2", true)]
    [InlineData("Its top speed is Mach 2.2 at altitude.", "2.2", false)]
    [InlineData("Prices were Jan 9.95 and Feb 6.25 in the table.", "9.95", false)]
    [InlineData("He told CNN 2.5 million people had left.", "2.5", false)]
    [InlineData("Version 1.5 shipped late.", "1.5", false)]
    public void GivenANumberAfterACapitalisedWord_WhenMarked_ThenItIsANameOnlyWhereNothingCountedFollows(string sentence, string number, bool name)
    {
        var view = Marked(sentence, []);
        Assert.Equal(name, view.Literals[TokenIndex(view, number)].Identifier);
    }

    [Theory]
    [InlineData("Game tonight at 7, it is time to win.", "7", true)]
    [InlineData("Let us meet at 10 tomorrow.", "10", true)]
    [InlineData("The talk starts at 7 in the evening.", "7", true)]
    [InlineData("We arrived Sunday at about 230 and left.", "230", true)]
    [InlineData("Be home by 11 tonight.", "11", true)]
    [InlineData("The office is open from 9 to 5 on weekdays.", "9", true)]
    [InlineData("The office is open from 9 to 5 on weekdays.", "5", true)]
    [InlineData("Rates settled at 7 percent tonight.", "7", false)]
    [InlineData("Sales hit 10 million at 5 stores tonight.", "5", false)]
    [InlineData("Tonight at 5 stores the sale begins.", "5", false)]
    [InlineData("The toll stood at 10 on Tuesday.", "10", false)]
    [InlineData("They close at 8 and reopen later.", "8", false)]
    [InlineData("Tonight at least 7 people were hurt.", "7", false)]
    [InlineData("Prices fell from 9 to 5 after the sale.", "9", false)]
    [InlineData("They work from 9 to 5 hours a day.", "9", false)]
    [InlineData("The vote is tomorrow at 5 polling places.", "5", false)]
    public void GivenANumberAfterAClockPreposition_WhenMarked_ThenItIsATimeOnlyBesideAWordOfTheTimeOfDay(string sentence, string number, bool time)
    {
        var view = Marked(sentence, []);
        Assert.Equal(time, view.Literals[TokenIndex(view, number)].Identifier);
    }
}
