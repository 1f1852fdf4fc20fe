using ArgMiner.Segmentation;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Segmentation;

public sealed class RuleSentenceSplitterTests
{
    // The sentences of one paragraph, joined by " || ".
    internal static string Sentences(string text)
    {
        var tokens = new List<Token>();
        new RuleTokenizer().Tokenize(text, 0, text.Length, tokens);
        var lengths = new List<int>();
        new RuleSentenceSplitter().Split(text, tokens.ToArray(), lengths);
        Assert.Equal(tokens.Count, lengths.Sum());
        Assert.DoesNotContain(0, lengths);
        var parts = new List<string>();
        var at = 0;
        foreach (var n in lengths)
        {
            parts.Add(text[tokens[at].Start..tokens[at + n - 1].End]);
            at += n;
        }

        return string.Join(" || ", parts);
    }

    [Theory]
    [InlineData("It rained. We stayed in.", "It rained. || We stayed in.")]
    [InlineData("Who wins? Iran does!", "Who wins? || Iran does!")]
    [InlineData("Really?! Yes.", "Really?! || Yes.")]
    public void GivenFinalMarks_WhenSplit_ThenEachEndsASentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    // Chinese and Japanese write no space after a sentence's mark: until session 37 a paragraph of them was one sentence.
    [Theory]
    [InlineData("我认为政府应该降低税收。根据统计局的数据，失业率上升了。", "我认为政府应该降低税收。 || 根据统计局的数据，失业率上升了。")]
    [InlineData("你同意吗？我不同意！！真的。", "你同意吗？ || 我不同意！！ || 真的。")]
    [InlineData("彼は「行きます。」と言った。それだけだ。", "彼は「行きます。」と言った。 || それだけだ。")]
    [InlineData("これは本当に悪い政策です！The UN said so.", "これは本当に悪い政策です！ || The UN said so.")]
    [InlineData("半角の句点｡次の文｡", "半角の句点｡ || 次の文｡")]
    public void GivenChineseOrJapaneseFinalMarks_WhenSplit_ThenEachEndsASentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("U.S. forces remain. They wait.", "U.S. forces remain. || They wait.")]
    [InlineData("Days later, the U.S. delivered a blow.", "Days later, the U.S. delivered a blow.")]
    [InlineData("Hamas, ISIS, etc. would all find a home.", "Hamas, ISIS, etc. would all find a home.")]
    [InlineData("Gen. Soleimani died. Mr. Trump spoke.", "Gen. Soleimani died. || Mr. Trump spoke.")]
    [InlineData("Jennifer M. Anderson won.", "Jennifer M. Anderson won.")]
    [InlineData("It was the U.S. Army base.", "It was the U.S. Army base.")]
    [InlineData("We work in Bellevue, WA. and in Renton.", "We work in Bellevue, WA. and in Renton.")]
    [InlineData("Then LA. is close. So is Reno.", "Then LA. is close. || So is Reno.")]
    [InlineData("I met Jeff. he was late.", "I met Jeff. || he was late.")]
    public void GivenAbbreviationsMidSentence_WhenSplit_ThenTheyDoNotEndIt(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("The judges, lawyers, guards, et. al., were invited.", "The judges, lawyers, guards, et. al., were invited.")]
    [InlineData("Smith et. al. found more.", "Smith et. al. found more.")]
    [InlineData("Anne approved the request w/r.t. the loan.", "Anne approved the request w/r.t. the loan.")]
    [InlineData("We met at the lot. the next day it rained.", "We met at the lot. || the next day it rained.")]
    [InlineData("He said et. alors we left.", "He said et. || alors we left.")]
    public void GivenAnAbbreviationTheTokenizerDoesNotKnow_WhenALowerCaseWordFollows_ThenItsDotDoesNotEndTheSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("A potential U.S. military withdrawal. Iraq waits.", "A potential U.S. military withdrawal. || Iraq waits.")]
    [InlineData("They left the U.S. The next day it rained.", "They left the U.S. || The next day it rained.")]
    [InlineData("We bought pens, paper, etc. Then we left.", "We bought pens, paper, etc. || Then we left.")]
    public void GivenAnAbbreviationBeforeANewSentence_WhenSplit_ThenItsDotEndsTheSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("He said, \"Go home.\" She left.", "He said, \"Go home.\" || She left.")]
    [InlineData("(Laughter.) But I agree.", "(Laughter.) || But I agree.")]
    [InlineData("It was “ready.” Then it fell.", "It was “ready.” || Then it fell.")]
    [InlineData("\"Stop!\" he shouted. Then he left.", "\"Stop!\" he shouted. || Then he left.")]
    public void GivenClosingQuotesOrBracketsAfterAFinalMark_WhenSplit_ThenTheyStayWithTheirSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Well... maybe not.", "Well... maybe not.")]
    [InlineData("I waited… and waited.", "I waited… and waited.")]
    [InlineData("It ended... Then we left.", "It ended... || Then we left.")]
    [InlineData("It ended… The end.", "It ended… || The end.")]
    [InlineData("in the region . . . This would fail.", "in the region . . . || This would fail.")]
    public void GivenAnEllipsis_WhenSplit_ThenItEndsASentenceOnlyBeforeACapital(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Hi John, Thanks for the note.", "Hi John, || Thanks for the note.")]
    [InlineData("Yesterday, President Bush spoke.", "Yesterday, President Bush spoke.")]
    [InlineData("Hi, I want to get a cage.", "Hi, I want to get a cage.")]
    [InlineData("Thanks, I know you are busy.", "Thanks, I know you are busy.")]
    [InlineData("Hi, I'm new here.", "Hi, I'm new here.")]
    [InlineData("Hi, Yes you can.", "Hi, || Yes you can.")]
    public void GivenAGreetingComma_WhenSplit_ThenOnlyAGreetingStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Details are below http://example.com/a Then call me.", "Details are below || http://example.com/a || Then call me.")]
    [InlineData("More at http://example.com/a today.", "More at http://example.com/a today.")]
    [InlineData("Check out http://example.com/a lots of deals there.", "Check out http://example.com/a lots of deals there.")]
    [InlineData("See the list ***** Next item here", "See the list || ***** || Next item here")]
    [InlineData("Send your comments. ---->===}*{===<---- How has it changed?", "Send your comments. || ---->===}*{===<---- || How has it changed?")]
    [InlineData("Rooms are nice 1) breakfast is good 2) staff are kind", "Rooms are nice || 1) breakfast is good || 2) staff are kind")]
    [InlineData("1. The first point. 2. The second point.", "1. The first point. || 2. The second point.")]
    public void GivenUrlsSeparatorsAndNumberedItems_WhenSplit_ThenTheyStartSentences(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("He replaced Graae. *** Bush also nominated Kramer.", "He replaced Graae. || *** || Bush also nominated Kramer.")]
    [InlineData("It ended. ***** ***** The end.", "It ended. || ***** ***** || The end.")]
    public void GivenASeparatorLineStandingAlone_WhenSplit_ThenItIsASentenceOfItsOwn(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("See the files - Unleaded.pdf - Crude.pdf - Heating.xls", "See the files || - Unleaded.pdf || - Crude.pdf || - Heating.xls")]
    [InlineData("<< File: a.xls >> - b.xls << File: b.xls >>", "<< File: a.xls >> || - b.xls << File: b.xls >>")]
    [InlineData("<<ld2d-#69345-1.DOC>> - ld2d-#69366-1.DOC - ld2d-#69397-1.XLS", "<<ld2d-#69345-1.DOC>> || - ld2d-#69366-1.DOC || - ld2d-#69397-1.XLS")]
    [InlineData("Prices rose - sharply - in May", "Prices rose - sharply - in May")]
    public void GivenAnAttachmentList_WhenSplit_ThenEachDashedFileIsASentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Kay - Can you review this?", "Kay - || Can you review this?")]
    [InlineData("Steve, Rod and Elyse - Just wanted to confirm.", "Steve, Rod and Elyse - || Just wanted to confirm.")]
    [InlineData("This Friday - Michael goes home.", "This Friday - Michael goes home.")]
    [InlineData("Prices rose - Traders left.", "Prices rose - Traders left.")]
    public void GivenASalutationEndingInADash_WhenSplit_ThenTheDashEndsIt(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("It was a great time. =) I'm back.", "It was a great time. =) || I'm back.")]
    [InlineData("Great food! :) We will return.", "Great food! :) || We will return.")]
    [InlineData("Great day at the beach! 😀😀😀 We will go again.", "Great day at the beach! 😀😀😀 || We will go again.")]
    [InlineData("So good. 😍 😍 :) Back soon!", "So good. 😍 😍 :) || Back soon!")]
    public void GivenASmileyAfterAFinalMark_WhenSplit_ThenItStaysWithThatSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("None of the calls got through (?). Then it stopped.", "None of the calls got through (?). || Then it stopped.")]
    [InlineData("I will need a rest (really!). Does that work?", "I will need a rest (really!). || Does that work?")]
    public void GivenAFinalMarkInsideBracketsBeforeADot_WhenSplit_ThenTheDotEndsTheSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Yes, I will attend in person.")]
    [InlineData("Ok, I know that it is late.")]
    [InlineData("Well, I mean, you do not have to go.")]
    public void GivenYesOkOrWellAndAComma_WhenSplit_ThenTheSentenceGoesOn(string text) =>
        Assert.Equal(text, Sentences(text));

    [Theory]
    [InlineData("Let me know. Best, Jeff Are you coming?", "Let me know. || Best, || Jeff || Are you coming?")]
    [InlineData("See you then. Regards, Sandra The file is attached.", "See you then. || Regards, || Sandra || The file is attached.")]
    [InlineData("Thanks, Sharon Smith called.", "Thanks, || Sharon Smith called.")]
    public void GivenASignOffAndAName_WhenAFunctionWordFollows_ThenTheSignOffEnds(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Mike Jordan 26/09/2000 14:14 Several issues remain.", "Mike Jordan || 26/09/2000 14:14 || Several issues remain.")]
    [InlineData("Bob Bowen 07/14/2000 03:58 PM Note the change.", "Bob Bowen || 07/14/2000 03:58 PM || Note the change.")]
    public void GivenAHeaderStampWithA24HourTime_WhenSplit_ThenTheMessageStartsAfterIt(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("So I can start saving now hehe Thanks for the tips", "So I can start saving now hehe || Thanks for the tips")]
    [InlineData("he said haha and left", "he said haha and left")]
    public void GivenLaughterBeforeACapital_WhenSplit_ThenTheLaughterEndsTheSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Fact]
    public void GivenBestAsASignOff_WhenANameFollows_ThenTheSignOffStandsAlone() =>
        Assert.Equal("Call me. || Best, || Jeff", Sentences("Call me. Best, Jeff"));

    [Theory]
    [InlineData("Cell: 713-819-2784 Fax: 713-790-2605 Mansoor,", "Cell: 713-819-2784 Fax: 713-790-2605 || Mansoor,")]
    [InlineData("Call me. Paula Paula,", "Call me. || Paula || Paula,")]
    [InlineData("Hi Mary,", "Hi Mary,")]
    [InlineData("Sam & Stephanie,", "Sam & Stephanie,")]
    [InlineData("Good Afternoon Sara,", "Good Afternoon Sara,")]
    [InlineData("Dear Dr. Vincent Kaminski,", "Dear Dr. Vincent Kaminski,")]
    public void GivenAParagraphEndingInANameAndAComma_WhenSplit_ThenTheSalutationStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Jill: As discussed, the draft is attached.", "Jill: || As discussed, the draft is attached.")]
    [InlineData("Subject: Re the draft", "Subject: Re the draft")]
    [InlineData("Note: The office is closed.", "Note: The office is closed.")]
    [InlineData("He said: Go home.", "He said: Go home.")]
    [InlineData("Nasim Khan 04/30/2001 12:42 PM Stan: I will be away.", "Nasim Khan || 04/30/2001 12:42 PM || Stan: || I will be away.")]
    public void GivenAParagraphOpeningWithANameAndAColon_WhenSplit_ThenTheAddressStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Get alerts with Yahoo! Messenger today.", "Get alerts with Yahoo! Messenger today.")]
    [InlineData("It is not as popular as Yahoo! and AOL.", "It is not as popular as Yahoo! and AOL.")]
    [InlineData("I am on Yahoo! The rest use Gmail.", "I am on Yahoo! || The rest use Gmail.")]
    public void GivenYahooWithItsExclamationMark_WhenSplit_ThenTheMarkEndsOnlyBeforeAFunctionWord(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Fact]
    public void GivenAQuestionMarkGluedToAColon_WhenSplit_ThenItIsNoSentenceEnd() =>
        Assert.Equal("John Staikos Direct Dial:? 203.961.7523 Direct Fax:? 203.674.7723", Sentences("John Staikos Direct Dial:? 203.961.7523 Direct Fax:? 203.674.7723"));

    [Fact]
    public void GivenAnEmailHeaderStamp_WhenSplit_ThenTheNameTheStampAndTheMessageAreSentences() =>
        Assert.Equal("Sean Boyle || 08/17/2000 11:21 AM || Please call me.", Sentences("Sean Boyle 08/17/2000 11:21 AM Please call me."));

    [Fact]
    public void GivenAParagraphWithoutFinalMark_WhenSplit_ThenItIsOneSentence() =>
        Assert.Equal("Mostly Theater", Sentences("Mostly Theater"));

    [Fact]
    public void GivenOnlyPunctuation_WhenSplit_ThenNoEmptyOrPunctuationOnlySentenceIsCut() =>
        Assert.Equal("... ! ?", Sentences("... ! ?"));

    [Fact]
    public void GivenManyTerminatorsWithoutWords_WhenSplit_ThenTheWorkIsLinearAndTheCountsAddUp()
    {
        // 200,000 "!" tokens: a splitter that rescans the sentence for each mark would be quadratic.
        var text = string.Join(" ", Enumerable.Repeat("!", 200_000)) + " word.";
        var tokens = new List<Token>();
        new RuleTokenizer().Tokenize(text, 0, text.Length, tokens);
        var lengths = new List<int>();
        new RuleSentenceSplitter().Split(text, tokens.ToArray(), lengths);
        Assert.Equal(tokens.Count, lengths.Sum());
        Assert.Single(lengths);
    }

    [Theory]
    [InlineData("The case Roe v. Wade changed that. It was 1973.", "The case Roe v. Wade changed that. || It was 1973.")]
    [InlineData("The town (pop. 5,000) is small.", "The town (pop. 5,000) is small.")]
    [InlineData("It has approx. 300 houses, incl. Mine.", "It has approx. 300 houses, incl. Mine.")]
    [InlineData("It fell to Charles V. This changed all.", "It fell to Charles V. || This changed all.")]
    public void GivenLowerCaseInnerAbbreviations_WhenSplit_ThenTheyEndNothingButACapitalInitialStillCan(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("I think so :) but not sure.", "I think so :) but not sure.")]
    [InlineData("Loved it :) Will return.", "Loved it :) || Will return.")]
    public void GivenAnEmoticonInsideASentence_WhenSplit_ThenOnlyACapitalAfterItStartsANewOne(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Abbotsford, VIC 3067. Ph. (03) 9221 4101 Fax.(03) 9221 4193", "Abbotsford, VIC 3067. || Ph. (03) 9221 4101 Fax.(03) 9221 4193")]
    [InlineData("We have drafts of the Para. 13 relative to the above.", "We have drafts of the Para. 13 relative to the above.")]
    [InlineData("Art. 208 of the penal code applies.", "Art. 208 of the penal code applies.")]
    [InlineData("Kautilya, a philosopher (c. 350-283 BCE), wrote it (vol. 10, no. 1, 1982, p. 155).", "Kautilya, a philosopher (c. 350-283 BCE), wrote it (vol. 10, no. 1, 1982, p. 155).")]
    [InlineData("See Thomas, 74 F.3d 701 (6th Cir. 1996) and H.J. Res. 10 too.", "See Thomas, 74 F.3d 701 (6th Cir. 1996) and H.J. Res. 10 too.")]
    [InlineData("I sent it by fax. 20 people got it.", "I sent it by fax. || 20 people got it.")]
    [InlineData("He wrote to Art. The reply came.", "He wrote to Art. || The reply came.")]
    public void GivenALabelAbbreviationBeforeANumber_WhenSplit_ThenItsDotEndsNothing(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Lysa Akin Ass't. to Paul Kaufman", "Lysa Akin Ass't. to Paul Kaufman")]
    [InlineData("The Nat'l. team won.", "The Nat'l. team won.")]
    [InlineData("I don't. he said.", "I don't. || he said.")]
    [InlineData("The Nat'l. The team won.", "The Nat'l. || The team won.")]
    public void GivenAContractionAbbreviation_WhenALowerCaseWordFollowsItsDot_ThenTheSentenceGoesOn(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));
}
