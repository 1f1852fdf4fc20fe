using static ArgMiner.Tests.Segmentation.RuleSentenceSplitterTests;

namespace ArgMiner.Tests.Segmentation;

/// <summary>
/// Issue 10 §1, second round: lines that a joined-up paragraph lost (sender lines, numbered lists run together,
/// label and signature lines, opening names and headings, bylines) and leftovers at a paragraph's end
/// (made-up text, none from a corpus).
/// </summary>
public sealed class RuleSentenceSplitterLinesTests
{
    [Theory]
    [InlineData("please print Dana Lee 10/20/2000 11:32 AM I agree.", "please print || Dana Lee || 10/20/2000 11:32 AM || I agree.")]
    [InlineData("fyi Kim Lee@ACME 10/20/2000 11:32 AM See below.", "fyi || Kim Lee@ACME || 10/20/2000 11:32 AM || See below.")]
    [InlineData("We agree kim@example.org 10/20/2000 11:32 AM Done.", "We agree || kim@example.org || 10/20/2000 11:32 AM || Done.")]
    [InlineData("Sent by: Kim Lee@ACME 10/20/2000 11:32 AM Done.", "Sent by: Kim Lee@ACME || 10/20/2000 11:32 AM || Done.")]
    [InlineData("Carol St Clair 10/20/2000 11:32 AM Done.", "Carol St Clair || 10/20/2000 11:32 AM || Done.")]
    public void GivenASenderBeforeAHeaderTimeStamp_WhenSplit_ThenTheSenderIsALineOfItsOwn(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Our picks: 3. Ann Wu, chef 2. Bob Li, baker 1. Cy Ho, cook", "Our picks: || 3. Ann Wu, chef || 2. Bob Li, baker || 1. Cy Ho, cook")]
    [InlineData("1. Buy milk 2. Call Bob", "1. Buy milk || 2. Call Bob")]
    [InlineData("The score was 3. Then we left.", "The score was 3. || Then we left.")]
    public void GivenANumberedListRunTogether_WhenTheNextNumberFollows_ThenItStartsTheNextItem(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("He laughed about it. \"", "He laughed about it. \"")]
    [InlineData("Where can I eat? ?", "Where can I eat? ?")]
    [InlineData("We sat in the sun ... . Then it rained.", "We sat in the sun ... . || Then it rained.")]
    public void GivenMarksLeftAtTheEnd_WhenSplit_ThenTheyCloseTheLastSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Write to kim@example.org Rhonda: As I said, it is fine.", "Write to kim@example.org || Rhonda: || As I said, it is fine.")]
    [InlineData("Write to Kim and Rhonda: The desk.", "Write to Kim and Rhonda: The desk.")]
    [InlineData("It broke. Note: The fix is easy.", "It broke. || Note: The fix is easy.")]
    public void GivenANameAndAColonAfterAnAddress_WhenACapitalFollows_ThenTheLabelIsALine(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Kay Since it is late, we stop.", "Kay || Since it is late, we stop.")]
    [InlineData("Acme Widgets This name comes from a joke.", "Acme Widgets || This name comes from a joke.")]
    [InlineData("Sunday I went home.", "Sunday I went home.")]
    [InlineData("Make You Feel Like a Number", "Make You Feel Like a Number")]
    [InlineData("Kim, The new line works.", "Kim, || The new line works.")]
    [InlineData("Kyle, Sorry for the delay.", "Kyle, || Sorry for the delay.")]
    [InlineData("Anne, Mike will call.", "Anne, Mike will call.")]
    [InlineData("Finally, I won.", "Finally, I won.")]
    public void GivenANameOrHeadingOpeningTheParagraph_WhenASentenceFollows_ThenItIsALine(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Kim Lee 713-555-0100 Please call me today.", "Kim Lee 713-555-0100 || Please call me today.")]
    [InlineData("Dana Wu Sales x35172 I will be out.", "Dana Wu Sales x35172 || I will be out.")]
    [InlineData("In 2005 The band split.", "In 2005 The band split.")]
    [InlineData("Thanks, Kim X33098 John, sorry for the delay.", "Thanks, || Kim X33098 || John, sorry for the delay.")]
    [InlineData("Haas School Berkeley, CA 94720-1900 Berkeley, CA 94720", "Haas School Berkeley, CA 94720-1900 Berkeley, CA 94720")]
    [InlineData("Please call 713-555-0100 The desk answers.", "Please call 713-555-0100 The desk answers.")]
    [InlineData("Fax 713-555-0100 Email kim@example.org", "Fax 713-555-0100 Email kim@example.org")]
    public void GivenASignatureLineEndingInANumber_WhenASentenceFollows_ThenTheLineEnds(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Dana Wu Blumenfeld & Cohen Attached for your review is a draft.", "Dana Wu Blumenfeld & Cohen || Attached for your review is a draft.")]
    [InlineData("Acme Tools LLC This entity is new.", "Acme Tools LLC || This entity is new.")]
    [InlineData("The margin is $1,922,000 Not bad for a cargo.", "The margin is $1,922,000 || Not bad for a cargo.")]
    [InlineData("Leaders met April 19, 2004 The most basic right is life.", "Leaders met April 19, 2004 || The most basic right is life.")]
    [InlineData("Reply by Friday, May 4th Thank you.", "Reply by Friday, May 4th || Thank you.")]
    [InlineData("Kim Lee Sales Manager We will be out.", "Kim Lee Sales Manager || We will be out.")]
    [InlineData("Article 54 of Additional Protocol I prohibits starvation.", "Article 54 of Additional Protocol I prohibits starvation.")]
    [InlineData("Rent Control Is a Band-Aid.", "Rent Control Is a Band-Aid.")]
    [InlineData("Fare Caps Aren't Charity", "Fare Caps Aren't Charity")]
    [InlineData("Stop Calling It a Park", "Stop Calling It a Park")]
    [InlineData("Great year. Virgo in 2005 - Perseverance Your working life is calm.", "Great year. || Virgo in 2005 - Perseverance || Your working life is calm.")]
    [InlineData("Lord of the It was late.", "Lord of the It was late.")]
    [InlineData("Re: Acme Steel Orders It was my understanding that we agreed.", "Re: Acme Steel Orders || It was my understanding that we agreed.")]
    [InlineData("Tori Wells Executive Secretary Hi - can you call?", "Tori Wells Executive Secretary || Hi - can you call?")]
    [InlineData("Say Hi to Dana.", "Say Hi to Dana.")]
    [InlineData("In New York I was happy.", "In New York I was happy.")]
    [InlineData("Make You Feel Like a Number", "Make You Feel Like a Number")]
    [InlineData("First of all, 2) It broke.", "First of all, 2) It broke.")]
    [InlineData("Great food. 2) The staff was rude.", "Great food. || 2) The staff was rude.")]
    public void GivenALineOfCapitalisedWords_WhenAPronounOrDeterminerAndALowerCaseWordFollow_ThenTheLineEnds(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Posted today By KIM LEE The Daily Post", "Posted today || By KIM LEE || The Daily Post")]
    [InlineData("Made By ACME Tools", "Made By ACME Tools")]
    public void GivenABylineInCapitals_WhenSplit_ThenItIsALine(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("1 Know the pros and cons. 2 Mount the sight on the rail. 3 Consider the light.", "1 || Know the pros and cons. || 2 || Mount the sight on the rail. || 3 || Consider the light.")]
    [InlineData("The index fell by 7 per cent. 1 The rank of the country dropped.", "The index fell by 7 per cent. || 1 The rank of the country dropped.")]
    [InlineData("1 World Trade Center opened. 2 Towers fell in 2001.", "1 World Trade Center opened. || 2 Towers fell in 2001.")]
    [InlineData("1 Year of entry into the Eurozone. 2 Deficit for 1999 was revised.", "1 Year of entry into the Eurozone. || 2 Deficit for 1999 was revised.")]
    [InlineData("1 Know the rules and keep them.", "1 Know the rules and keep them.")]
    public void GivenBareStepNumbers_WhenEachOpensASentenceInTurn_ThenEachIsALine(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("70 York Street Toronto, Ontario M5J 1S9 416-555-0100 Paul DeVries - Director 416-555-0103 Jan Wilson - Manager 416-555-0104 Attached is a forecast.",
        "70 York Street Toronto, Ontario M5J 1S9 416-555-0100 || Paul DeVries - Director 416-555-0103 || Jan Wilson - Manager 416-555-0104 || Attached is a forecast.")]
    [InlineData("Kim Lee 713-555-0100 Fax 713-555-0101", "Kim Lee 713-555-0100 Fax 713-555-0101")]
    [InlineData("Houston, TX 77042-2016 Kim Lee", "Houston, TX 77042-2016 Kim Lee")]
    [InlineData("Please call 713-555-0100 John Smith said.", "Please call 713-555-0100 John Smith said.")]
    public void GivenAContactLine_WhenAPhoneNumberIsFollowedByAFullName_ThenTheNextPersonStartsALine(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Email: kim@example.org November 22th 2005 I got these pictures from Dana.", "Email: kim@example.org || November 22th 2005 || I got these pictures from Dana.")]
    [InlineData("Great. March 30, 2004 I was there.", "Great. || March 30, 2004 || I was there.")]
    [InlineData("In November 2005 I got these pictures.", "In November 2005 I got these pictures.")]
    [InlineData("She said March 30, 2004 I was there.", "She said March 30, 2004 I was there.")]
    public void GivenALineThatIsOnlyADate_WhenIAndALowerCaseWordFollow_ThenTheDateIsALine(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("It is signed off. Jeff David Hoog 01/26/2001 09:37 AM Following up on our call.", "It is signed off. || Jeff || David Hoog || 01/26/2001 09:37 AM || Following up on our call.")]
    [InlineData("Let me know. Sara Dan R Lee@ACME 05/17/99 01:47 PM Please call.", "Let me know. || Sara || Dan R Lee@ACME || 05/17/99 01:47 PM || Please call.")]
    [InlineData("Send a new one. Carol St Clair 05/25/2001 10:56 AM Rhonda: Does it work?", "Send a new one. || Carol St Clair || 05/25/2001 10:56 AM || Rhonda: || Does it work?")]
    public void GivenALoneNameAfterAFinalMark_WhenAFullSenderAndAStampFollow_ThenTheNameIsASignature(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));
}
