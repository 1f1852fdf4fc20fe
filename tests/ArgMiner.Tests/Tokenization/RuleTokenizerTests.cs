using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Tokenization;

public sealed class RuleTokenizerTests
{
    // The tokens of text, joined by "|" so a whole expected tokenization fits in one InlineData.
    internal static string Tokens(string text)
    {
        var tokens = new List<Token>();
        new RuleTokenizer().Tokenize(text, 0, text.Length, tokens);
        return string.Join("|", tokens.Select(t => text[t.Start..t.End]));
    }

    [Theory]
    [InlineData("> The plan would cost\n> more than expected.", "The|plan|would|cost|more|than|expected|.")]
    [InlineData(">> > nested\n  >> quote", "nested|quote")]
    [InlineData("costs > 5 million", "costs|>|5|million")]
    [InlineData(">From the start\n>100,000 groups", ">|From|the|start|>|100,000|groups")]
    public void GivenQuotationMarkersAtALinesStart_WhenTokenized_ThenTheyAreNotTokens(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("Hello, world.", "Hello|,|world|.")]
    [InlineData("(quietly)", "(|quietly|)")]
    [InlineData("\"Yes,\" he said;", "\"|Yes|,|\"|he|said|;")]
    [InlineData("a “Trump 2.0” policy", "a|“|Trump|2.0|”|policy")]
    public void GivenPunctuation_WhenTokenized_ThenItIsSplitOff(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("don't", "do|n't")]
    [InlineData("Iraq’s", "Iraq|’s")]
    [InlineData("can't", "ca|n't")]
    [InlineData("won't", "wo|n't")]
    [InlineData("doesn’t", "does|n’t")]
    [InlineData("I'm", "I|'m")]
    [InlineData("they're", "they|'re")]
    [InlineData("we've", "we|'ve")]
    [InlineData("she'll", "she|'ll")]
    [InlineData("I'd", "I|'d")]
    [InlineData("DON'T", "DO|N'T")]
    [InlineData("cannot", "can|not")]
    [InlineData("gonna", "gon|na")]
    [InlineData("wanna", "wan|na")]
    [InlineData("dont", "do|nt")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("its not fair", "it|s|not|fair")]
    [InlineData("its ability", "its|ability")]
    [InlineData("theirs’ like", "theirs|’|like")]
    public void GivenAClitic_WhenTokenized_ThenItIsSplitAsInEwt(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("Iranian-backed", "Iranian|-|backed")]
    [InlineData("mid-2025", "mid|-|2025")]
    [InlineData("al-Sudani", "al|-|Sudani")]
    [InlineData("a 15-year term", "a|15|-|year|term")]
    [InlineData("e-mail", "e-mail")]
    [InlineData("non-human", "non-human")]
    [InlineData("mid-July", "mid-July")]
    [InlineData("call 713-853-3989", "call|713-853-3989")]
    [InlineData("pages 10-12", "pages|10|-|12")]
    [InlineData("a rate of 1e-5 here", "a|rate|of|1e-5|here")]
    [InlineData("4.9E+3 or 2,500e-2", "4.9E+3|or|2,500e-2")]
    [InlineData("a 5e-rated bond", "a|5e|-|rated|bond")]
    [InlineData("the 1e-5e-5 run", "the|1e-5e|-|5|run")]
    public void GivenAHyphen_WhenTokenized_ThenCompoundsSplitExceptKeptPrefixesAndPhoneNumbers(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("the U.S. forces", "the|U.S.|forces")]
    [InlineData("Gen. Soleimani", "Gen.|Soleimani")]
    [InlineData("e.g. this", "e.g.|this")]
    [InlineData("at 10 a.m. today", "at|10|a.m.|today")]
    [InlineData("Mr. and Dr. Smith", "Mr.|and|Dr.|Smith")]
    [InlineData("ISIS, etc. would", "ISIS|,|etc.|would")]
    [InlineData("Jennifer M. Anderson", "Jennifer|M.|Anderson")]
    [InlineData("No. 5", "No.|5")]
    [InlineData("He said no.", "He|said|no|.")]
    [InlineData("It ended.", "It|ended|.")]
    public void GivenAnAbbreviation_WhenTokenized_ThenItKeepsItsDot(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("in the U.S.", "in|the|U.S|.")]
    [InlineData("apples, pears, etc.", "apples|,|pears|,|etc|.")]
    public void GivenAnAbbreviationAtTheEndOfTheText_WhenTokenized_ThenTheFinalDotStandsAlone(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("Roughly 2,500 troops", "Roughly|2,500|troops")]
    [InlineData("1.5 million", "1.5|million")]
    [InlineData("1,500,000 people", "1,500,000|people")]
    [InlineData("at 10:30", "at|10:30")]
    [InlineData("on 11/28/2000", "on|11/28/2000")]
    [InlineData("the 2nd and 1990s", "the|2nd|and|1990s")]
    [InlineData("1, 2, 3", "1|,|2|,|3")]
    public void GivenANumber_WhenTokenized_ThenSeparatorsAndDecimalsStayInside(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("$1 billion", "$|1|billion")]
    [InlineData("35%", "35|%")]
    [InlineData("£3m", "£|3|m")]
    [InlineData("€20", "€|20")]
    [InlineData("at 9am", "at|9|am")]
    public void GivenCurrencyPercentOrUnit_WhenTokenized_ThenTheyAreSplitFromTheNumber(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("1,500–3,000", "1,500|–|3,000")]
    [InlineData("calculation—betting", "calculation|—|betting")]
    [InlineData("U.S.–Iraq", "U.S.|–|Iraq")]
    [InlineData("wait -- what", "wait|--|what")]
    public void GivenDashes_WhenTokenized_ThenTheyStandAlone(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("see https://example.com/a?b=1.", "see|https://example.com/a?b=1|.")]
    [InlineData("(www.example.org)", "(|www.example.org|)")]
    [InlineData("mail jo.doe@example.co.uk, now", "mail|jo.doe@example.co.uk|,|now")]
    [InlineData("\"Julie\"<julie...@bellsouth.net>", "\"|Julie|\"|<|julie...@bellsouth.net|>")]
    [InlineData("thanks @jack_b!", "thanks|@jack_b|!")]
    [InlineData("#BringThemHome now", "#BringThemHome|now")]
    [InlineData("Amazon.com sells", "Amazon.com|sells")]
    [InlineData("see draft(v2).doc now", "see|draft|(|v2|)|.doc|now")]
    [InlineData("great :) really", "great|:)|really")]
    public void GivenUrlsAddressesHandlesAndEmoticons_WhenTokenized_ThenTheyStayWhole(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("Have fun ^_^ and ^^ ok", "Have|fun|^_^|and|^^|ok")]
    [InlineData("so cute! ^-^", "so|cute|!|^-^")]
    [InlineData("x^2 ^ y", "x|^|2|^|y")]
    public void GivenEasternSmileys_WhenTokenized_ThenEachIsOneToken(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("brother🖤", "brother|🖤")]
    [InlineData("ok 👍🏽!", "ok|👍🏽|!")]
    [InlineData("👨‍👩‍👧 family", "👨‍👩‍👧|family")]
    [InlineData("❤️ love", "❤️|love")]
    [InlineData("🇮🇶🇺🇸", "🇮🇶|🇺🇸")]
    [InlineData("😂😂", "😂|😂")]
    public void GivenEmoji_WhenTokenized_ThenEachEmojiWithItsModifiersIsOneToken(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("cafe\u0301 ole\u0301", "cafe\u0301|ole\u0301")]
    [InlineData("-\u0301x", "-\u0301|x")]
    [InlineData("\u0301abc", "\u0301abc")]
    public void GivenCombiningMarks_WhenTokenized_ThenTheyStayWithTheirBase(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Theory]
    [InlineData("Wait...", "Wait|...")]
    [InlineData("What?!", "What|?!")]
    [InlineData("no…", "no|…")]
    [InlineData("Really!!!", "Really|!!!")]
    public void GivenRunsOfFinalMarks_WhenTokenized_ThenTheRunIsOneToken(string text, string expected) =>
        Assert.Equal(expected, Tokens(text));

    [Fact]
    public void GivenARangeInsideAText_WhenTokenized_ThenOffsetsIndexTheWholeTextAndStayInRange()
    {
        const string text = "ignored. Iraq’s militias. ignored";
        var tokens = new List<Token>();
        new RuleTokenizer().Tokenize(text, 9, 25, tokens);
        Assert.Equal(["Iraq", "’s", "militias", "."], tokens.Select(t => text[t.Start..t.End]));
        Assert.All(tokens, t => Assert.InRange(t.Start, 9, 25));
    }

    [Fact]
    public void GivenALoneSurrogate_WhenTokenized_ThenItIsOneTokenAndNothingIsLost()
    {
        var text = "a\uD800b \uDC00";
        Assert.Equal("a|\uD800|b|\uDC00", Tokens(text));
    }
}
