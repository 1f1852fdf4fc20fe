using ArgMiner.Segmentation;
using ArgMiner.Text;
using ArgMiner.Tokenization;
using static ArgMiner.Tests.Segmentation.RuleSentenceSplitterTests;

namespace ArgMiner.Tests.Segmentation;

/// <summary>
/// Issue 10 §1: web and e-mail layout that a paragraph joined into one line has lost (made-up sentences,
/// none from a corpus).
/// </summary>
public sealed class RuleSentenceSplitterLayoutTests
{
    [Theory]
    [InlineData("That is all for tonight. -- Posted by Rowan at 9:15 PM", "That is all for tonight. || -- || Posted by Rowan at 9:15 PM")]
    [InlineData("-- Sent from the garden shed", "-- || Sent from the garden shed")]
    [InlineData("We waited -- and waited.", "We waited -- and waited.")]
    [InlineData("Europe is still irrelevant.\" -- John B, Windermere, Florida", "Europe is still irrelevant.\" || -- John B, Windermere, Florida")]
    [InlineData("Enjoy the holidays. -- Ann Lee", "Enjoy the holidays. || -- Ann Lee")]
    [InlineData("Enjoy the holidays. -- Ann Lee wrote this", "Enjoy the holidays. || -- || Ann Lee wrote this")]
    public void GivenASignatureMarker_WhenACapitalFollows_ThenTheMarkerStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("The talks ended. (Harbour Times) The mayor said more.", "The talks ended. || (Harbour Times) || The mayor said more.")]
    [InlineData("(Hat Tip: Some Blog ) (BBC) Rain fell all week.", "(Hat Tip: Some Blog ) || (BBC) || Rain fell all week.")]
    [InlineData("(and more) came later.", "(and more) came later.")]
    [InlineData("(Laughter.) But I agree.", "(Laughter.) || But I agree.")]
    public void GivenABracketedSourceOpeningASentence_WhenACapitalFollows_ThenTheSourceStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("OSLO (Reuters) - Ferry fares rose again.", "OSLO (Reuters) - || Ferry fares rose again.")]
    [InlineData("Read this: NEW YORK (AP) -- The fair opened.", "Read this: || NEW YORK (AP) -- || The fair opened.")]
    [InlineData("The NHS (England) - Reforms were due.", "The NHS (England) - Reforms were due.")]
    [InlineData("Boulder, CO, Nov. 15 (UPI) -- Scientists can argue.", "Boulder, CO, Nov. 15 (UPI) -- || Scientists can argue.")]
    [InlineData("We met on May 15 (Friday) - It was fun.", "We met on May 15 (Friday) - It was fun.")]
    public void GivenANewsDateline_WhenSplit_ThenItStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Sincerely, Dana Dana Moss Acme Ltd. Phone (555) 010-2000", "Sincerely, || Dana || Dana Moss Acme Ltd. Phone (555) 010-2000")]
    [InlineData("(See attached file: plan2.doc) Regards, Dana", "(See attached file: plan2.doc) || Regards, || Dana")]
    [InlineData("Thanks for coming. Cheers, Dana", "Thanks for coming. || Cheers, || Dana")]
    public void GivenASignOffAndSignature_WhenSplit_ThenEachStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("The fit was: Slope: 0.52 (0.01) Bias: -1.2 (0.3) R Square: 0.4 Therefore the model is weak.",
        "The fit was: Slope: 0.52 (0.01) || Bias: -1.2 (0.3) || R Square: 0.4 || Therefore the model is weak.")]
    [InlineData("From: Kim Lee Sent: Monday To: Sales Team Subject: Lunch", "From: Kim Lee || Sent: Monday || To: Sales Team || Subject: Lunch")]
    [InlineData("Phone: 555-010-2000 Fax: 555-010-2001", "Phone: 555-010-2000 Fax: 555-010-2001")]
    [InlineData("SMS : +919819602175 Web : example.org", "SMS : +919819602175 Web : example.org")]
    [InlineData("Email: kim@example.org lol my last post came out wrong.", "Email: kim@example.org || lol my last post came out wrong.")]
    [InlineData("He said: Go home. Note: The office is closed.", "He said: Go home. || Note: The office is closed.")]
    public void GivenFieldRows_WhenSplit_ThenEachRowStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Here are some better cages IMO: http://www.example.com/cage.html Good luck.", "Here are some better cages IMO: || http://www.example.com/cage.html || Good luck.")]
    [InlineData("Forensic photography is about the facts: http://www.example.com/search", "Forensic photography is about the facts: || http://www.example.com/search")]
    [InlineData("Which of these two cages is better: http://www.example.com/a http://www.example.com/b", "Which of these two cages is better: || http://www.example.com/a || http://www.example.com/b")]
    [InlineData("Website: http://www.example.com", "Website: http://www.example.com")]
    [InlineData("For more details go to: http://www.example.com", "For more details go to: http://www.example.com")]
    [InlineData("You might find help at this site: http://www.example.com", "You might find help at this site: http://www.example.com")]
    [InlineData("Our favourite Lotte World: http://www.example.com", "Our favourite Lotte World: http://www.example.com")]
    public void GivenAUrlAfterAColonClosingAClause_WhenSplit_ThenTheUrlStartsASentence(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Storm on the Coast: A Long Night By William Rivers Pitt", "Storm on the Coast: A Long Night || By William Rivers Pitt")]
    [InlineData("By Dan Whipple UNITED PRESS INTERNATIONAL", "By Dan Whipple || UNITED PRESS INTERNATIONAL")]
    [InlineData("By Ann Lee The council met on Monday.", "By Ann Lee || The council met on Monday.")]
    [InlineData("The band played Stand By Me again.", "The band played Stand By Me again.")]
    [InlineData("By Ann Lee's count, it rained twice.", "By Ann Lee's count, it rained twice.")]
    [InlineData("By Ann Lee and her team, the work was done.", "By Ann Lee and her team, the work was done.")]
    public void GivenANewsByline_WhenSplit_ThenItStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Please sign the form. ? Call us with questions. ? Kind regards. ? ____ Dana Moss", "Please sign the form. || ? || Call us with questions. || ? || Kind regards. || ? || ____ || Dana Moss")]
    [InlineData("Mail: dana@example.org ?", "Mail: dana@example.org || ?")]
    public void GivenAQuestionMarkStandingForALostLine_WhenSplit_ThenItIsASentenceOfItsOwn(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("The line to the depot was cut --- do you know why?", "The line to the depot was cut --- do you know why?")]
    [InlineData("We left early. ) Then the bus came.", "We left early. ) || Then the bus came.")]
    [InlineData("Attendees: Kim Lee Sam Roy", "Attendees: Kim Lee Sam Roy")]
    public void GivenDashesBracketsAndListLabels_WhenSplit_ThenNoSpuriousBoundary(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Theory]
    [InlineData("Write to me at dana.moss@example.org. It helps.", "Write to me at dana.moss@example.org. || It helps.")]
    [InlineData("The notes are in minutes_v2.final.docx for now.", "The notes are in minutes_v2.final.docx for now.")]
    [InlineData("See http://example.org/a.b?q=1.2 for the map.", "See http://example.org/a.b?q=1.2 for the map.")]
    [InlineData("He met J. Edgar Hoover twice.", "He met J. Edgar Hoover twice.")]
    [InlineData("We drove approx. 40 km to the v. small town.", "We drove approx. 40 km to the v. small town.")]
    [InlineData("Great place. Will return", "Great place. || Will return")]
    [InlineData("It was fine ... mostly :-) and cheap.", "It was fine ... mostly :-) and cheap.")]
    [InlineData("Talk to me at sendIM?mayursha or online?u=kim now.", "Talk to me at sendIM?mayursha or online?u=kim now.")]
    [InlineData("Some Y!A users read badly.", "Some Y!A users read badly.")]
    public void GivenAddressesFilesAbbreviationsAndEmoticons_WhenSplit_ThenNoBoundaryFallsInside(string text, string expected) =>
        Assert.Equal(expected, Sentences(text));

    [Fact]
    public void GivenManyFieldLabelsAndBrackets_WhenSplit_ThenTheWorkIsLinearAndTheCountsAddUp()
    {
        // 50,000 "Slope: 1 (" rows and unclosed brackets: each rule looks a constant number of tokens ahead.
        var text = string.Concat(Enumerable.Repeat("Slope: 1 ( Bias: 2 (", 50_000));
        var tokens = new List<Token>();
        new RuleTokenizer().Tokenize(text, 0, text.Length, tokens);
        var lengths = new List<int>();
        new RuleSentenceSplitter().Split(text, tokens.ToArray(), lengths);
        Assert.Equal(tokens.Count, lengths.Sum());
        Assert.DoesNotContain(0, lengths);
        Assert.Equal(100_000, lengths.Count); // each row ends before the next label
    }
}
