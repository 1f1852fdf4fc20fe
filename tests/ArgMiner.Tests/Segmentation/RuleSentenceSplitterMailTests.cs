using static ArgMiner.Tests.Segmentation.RuleSentenceSplitterTests;

namespace ArgMiner.Tests.Segmentation;

/// <summary>
/// Issue 10 §1: the lines of e-mail and forum messages that a paragraph joined into one line has lost
/// (made-up messages, none from a corpus).
/// </summary>
public sealed class RuleSentenceSplitterMailTests
{
    [Theory]
    [InlineData("\"We had to stop it.'' The rest is history.", "\"We had to stop it.'' || The rest is history.")]
    [InlineData("He said ``no.'' and left.", "He said ``no.'' and left.")]
    public void GivenATypewriterClosingQuote_WhenAFinalMarkPrecedesIt_ThenItStaysWithItsSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("It was great! ^_^ Have fun in Oslo.", "It was great! ^_^ || Have fun in Oslo.")]
    [InlineData("It was great ^_^ and cheap.", "It was great ^_^ and cheap.")]
    public void GivenAnEasternSmiley_WhenSplit_ThenItBehavesAsOtherEmoticons(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Ok. Dana dana.kim@example.org 10/20/2000 11:32 AM Attached is the plan.", "Ok. || Dana || dana.kim@example.org || 10/20/2000 11:32 AM || Attached is the plan.")]
    [InlineData("We met on 10/20/2000 11:32 AM.", "We met on 10/20/2000 11:32 AM.")]
    public void GivenAnAddressBeforeAHeaderTimeStamp_WhenSplit_ThenTheStampStartsANewSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Which do you prefer? Kay Are you in the office today?", "Which do you prefer? || Kay || Are you in the office today?")]
    [InlineData("Thanks. Sara The draft is approved.", "Thanks. || Sara || The draft is approved.")]
    [InlineData("It helps. Lucky I had a spare.", "It helps. || Lucky I had a spare.")]
    [InlineData("Hope it helps. Sorry The link was wrong.", "Hope it helps. || Sorry The link was wrong.")]
    [InlineData("We won. Finally The cup is ours.", "We won. || Finally The cup is ours.")]
    public void GivenALoneNameAfterAFinalMark_WhenAFunctionWordFollows_ThenTheNameIsASignature(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Thanks Darla", "Thanks || Darla")]
    [InlineData("Thanks for the tip. Regards Molly", "Thanks for the tip. || Regards || Molly")]
    [InlineData("Thanks Darla.", "Thanks Darla.")]
    [InlineData("Best Wishes", "Best Wishes")]
    public void GivenASignOffAndANameClosingTheParagraph_WhenSplit_ThenEachIsALine(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Check the following: 1. Is the tank clean? 2. Is the water hard?", "Check the following: || 1. Is the tank clean? || 2. Is the water hard?")]
    [InlineData("To answer in order: 1) It is not normal.", "To answer in order: || 1) It is not normal.")]
    [InlineData("The ratio is 3: 1. Then it drops.", "The ratio is 3: 1. || Then it drops.")]
    [InlineData("One stop: 1) the zoo.", "One stop: 1) the zoo.")]
    public void GivenAColonBeforeANumberedList_WhenSplit_ThenTheListStartsANewSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Jeff Moss Sent by: Jeff Moss 11/10/2000 12:33 PM I agree.", "Jeff Moss || Sent by: Jeff Moss || 11/10/2000 12:33 PM || I agree.")]
    [InlineData("Thanks, Kim 713-555-0100 << File: plan.xls >> See you Monday.", "Thanks, || Kim 713-555-0100 || << File: plan.xls >> || See you Monday.")]
    [InlineData("- plan.xls << File: plan.xls >> - budget.xls << File: budget.xls >>", "- plan.xls << File: plan.xls >> || - budget.xls << File: budget.xls >>")]
    [InlineData("The file was sent by: courier.", "The file was sent by: courier.")]
    public void GivenHeaderAndAttachmentLines_WhenSplit_ThenEachStartsANewSentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("That is all. -- Sally", "That is all. || -- Sally")]
    [InlineData("Well said. -- Paul, Atlanta, USA", "Well said. || -- Paul, Atlanta, USA")]
    [InlineData("-- Posted by Kim to Blog", "-- || Posted by Kim to Blog")]
    public void GivenAnAttributionAfterADash_WhenSplit_ThenTheNameStaysWithTheDash(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("WHO: Sales team WHAT: Lunch for Ann WHEN: Today at 5pm WHERE: The Porch", "WHO: Sales team || WHAT: Lunch for Ann || WHEN: Today at 5pm || WHERE: The Porch")]
    [InlineData("Date: Monday, Nov. 13th Time: 11:30am Location: Room 5", "Date: Monday, Nov. 13th || Time: 11:30am || Location: Room 5")]
    [InlineData("Game 1: Monday @ 7:30PM vs. Utah Game 2: Friday @ 7:00PM vs. Ohio", "Game 1: Monday @ 7:30PM vs. Utah || Game 2: Friday @ 7:00PM vs. Ohio")]
    [InlineData("Phone: (555) 010-2000 Fax: (555) 010-2001 Email: kim@example.org", "Phone: (555) 010-2000 Fax: (555) 010-2001 Email: kim@example.org")]
    [InlineData("Fax: (555) 010-2001 Email: kim@example.org actually the fax is broken.", "Fax: (555) 010-2001 Email: kim@example.org || actually the fax is broken.")]
    [InlineData("Note: the venue changed to Oslo Castle.", "Note: the venue changed to Oslo Castle.")]
    public void GivenFormAndScheduleRows_WhenSplit_ThenEachRowStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Sara- Happy New Year! Mark and Steve- Erin and I would like to meet.", "Sara- || Happy New Year! || Mark and Steve- || Erin and I would like to meet.")]
    [InlineData("Dana Kim 10/20/2000 11:32 AM Jeff - instead of a rate, ask for a cap.", "Dana Kim || 10/20/2000 11:32 AM || Jeff - || instead of a rate, ask for a cap.")]
    [InlineData("Crayola Air- Dry Clay?", "Crayola Air- Dry Clay?")]
    [InlineData("Food - very good for a midnight meal.", "Food - very good for a midnight meal.")]
    public void GivenASalutationDash_WhenTheMessageFollows_ThenTheSalutationStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Please consider the following: Everyone dials in at noon.", "Please consider the following: || Everyone dials in at noon.")]
    [InlineData("It defines rights as follows: Rights rest on choice.", "It defines rights as follows: Rights rest on choice.")]
    [InlineData("There are four issues, however: IT still cannot commit.", "There are four issues, however: || IT still cannot commit.")]
    [InlineData("He said: Go home.", "He said: Go home.")]
    [InlineData("I decided to try it: I liked it.", "I decided to try it: I liked it.")]
    public void GivenAColonAfterAWordAnnouncingABlock_WhenACapitalFollows_ThenTheSentenceEndsAtTheColon(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Sent by: Ben Lee@ACME FYI, see below.", "Sent by: Ben Lee@ACME || FYI, see below.")]
    [InlineData("Sent by: Nella Cappa Yes, we should add it.", "Sent by: Nella Cappa || Yes, we should add it.")]
    [InlineData("Sent by: Kim Lee@ACME 10/20/2000 11:32 AM Done.", "Sent by: Kim Lee@ACME || 10/20/2000 11:32 AM || Done.")]
    public void GivenASentByHeaderLine_WhenTheMessageFollowsWithoutATimeStamp_ThenTheLineEndsAfterTheName(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("email: kim@example.org <Embedded Picture (Device Independent Bitmap)>", "email: kim@example.org || <Embedded Picture (Device Independent Bitmap)>")]
    public void GivenAnEmbeddedPicturePlaceholder_WhenSplit_ThenItIsALineOfItsOwn(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Box 8274 Cranston, RI 02920 USA P.S. - I am trying again.", "Box 8274 Cranston, RI 02920 USA || P.S. - I am trying again.")]
    [InlineData("Buy a PS for me.", "Buy a PS for me.")]
    public void GivenAPostscriptAfterALine_WhenSplit_ThenItOpensALineOfItsOwn(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Hello, Bill! Stan will attend in person.", "Hello, Bill! || Stan will attend in person.")]
    [InlineData("Hi, Liz: The plan is ready.", "Hi, Liz: The plan is ready.")]
    [InlineData("Hi, Liz, The plan is ready.", "Hi, Liz, || The plan is ready.")]
    [InlineData("Hello, Stan will attend in person.", "Hello, || Stan will attend in person.")]
    [InlineData("Thanks, Kim. See you.", "Thanks, || Kim. || See you.")]
    public void GivenAGreetingAndALoneNameClosedByAMark_WhenSplit_ThenTheNameStaysWithTheGreeting(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Is there a future? @Ryan B, I'm two years into a degree.", "Is there a future? || @Ryan B, || I'm two years into a degree.")]
    [InlineData("@Ryan, you are right.", "@Ryan, you are right.")]
    [InlineData("@kim Yeah, I'm not worried.", "@kim Yeah, I'm not worried.")]
    [InlineData("@kim before seeing you, I did not believe it.", "@kim before seeing you, I did not believe it.")]
    [InlineData("Email me at kim@example.org, The office is closed.", "Email me at kim@example.org, The office is closed.")]
    public void GivenAReplyAddressingAHandle_WhenACapitalFollowsItsComma_ThenTheAddressIsALine(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Thanks Earl Lee 505-555-0131 All, the pipe is fixed.", "Thanks || Earl Lee 505-555-0131 || All, the pipe is fixed.")]
    [InlineData("Thanks Earl Lee", "Thanks || Earl Lee")]
    [InlineData("Thanks From Bill", "Thanks From Bill")]
    [InlineData("Thanks Earl Lee for the help.", "Thanks Earl Lee for the help.")]
    public void GivenASignOffWordAndAFullName_WhenThePhoneOrTheParagraphEndFollows_ThenTheNameIsASignature(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Please add it. Thanks. Sara I e-mailed your assistant.", "Please add it. || Thanks. || Sara || I e-mailed your assistant.")]
    [InlineData("Is it ok? Regards Delainey Do you agree?", "Is it ok? || Regards || Delainey || Do you agree?")]
    [InlineData("Thanks Bill I owe you.", "Thanks Bill I owe you.")]
    [InlineData("It helps. Lucky I had a spare.", "It helps. || Lucky I had a spare.")]
    [InlineData("Give him my regards Tom The boss agrees.", "Give him my regards Tom The boss agrees.")]
    public void GivenASignOffThenALoneName_WhenAFunctionWordFollows_ThenTheNameIsASignature(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Dana Lee 01/25/2001 09:40 AM fyi Tom Byargeon and Ken Loch are in.", "Dana Lee || 01/25/2001 09:40 AM || fyi || Tom Byargeon and Ken Loch are in.")]
    [InlineData("Paula FYI", "Paula || FYI")]
    [InlineData("FYI, we had a talk.", "FYI, we had a talk.")]
    [InlineData("FYI - See rows 49.", "FYI - See rows 49.")]
    [InlineData("I sent it to him as an FYI and he agreed.", "I sent it to him as an FYI and he agreed.")]
    public void GivenAForwardingNoteFyi_WhenACapitalOrTheParagraphEndFollows_ThenItIsALine(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));
}
