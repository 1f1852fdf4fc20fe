using ArgMiner.Numbers;
using ArgMiner.Numbers.Grammar;
using ArgMiner.Tests.Support;
using ArgMiner.Text;

namespace ArgMiner.Tests.Numbers.Grammar;

/// <summary>
/// The pre-check that lets the numbers stage skip sentences (<see cref="NumberCues"/>) must never skip one the
/// grammar finds something in: every sentence of the test corpora is run through the whole grammar without the
/// pre-check, and any sentence with a claim, date or code must pass it; and the matcher, which skips the tokens
/// too far before the next cue, must find what it finds trying every token.
/// </summary>
public class NumberCuesTests
{
    [Theory]
    [InlineData("1,500")]
    [InlineData("RM45")]
    [InlineData("2/3")]
    [InlineData("threefold")]
    [InlineData("Tenfold")]
    [InlineData("Oct.")]
    [InlineData("May")]
    [InlineData("hundreds")]
    [InlineData("quarter")]
    [InlineData("Halves")]
    [InlineData("thirds")]
    [InlineData("Twice")]
    [InlineData("nineteenth")]
    [InlineData("millionths")]
    [InlineData("dozen")]
    public void GivenADigitOrANumberWord_WhenChecked_ThenItIsACue(string word) => Assert.True(NumberCues.IsCue(word));

    [Theory]
    [InlineData("may")]
    [InlineData("march")]
    [InlineData("the")]
    [InlineData("fold")]
    [InlineData("$")]
    [InlineData("-")]
    [InlineData("several")]
    [InlineData("")]
    public void GivenAWordThatBeginsNothing_WhenChecked_ThenItIsNoCue(string word) => Assert.False(NumberCues.IsCue(word));

    [Fact]
    public void GivenAnyWord_WhenTheShapeFilterTurnsItAway_ThenTheLookUpWouldToo()
    {
        // Every cue word in three casings passes; and over words of every length and end letter, including
        // non-ASCII letters that fold to ASCII ones under ordinal case-insensitive comparison, the filter never says
        // no where the case-insensitive look-up says yes.
        foreach (var cue in NumberLexicon.CueWords)
        {
            Assert.True(CueShapes.MayBeCue(cue), cue);
            Assert.True(CueShapes.MayBeCue(cue.ToUpperInvariant()), cue);
            Assert.True(CueShapes.MayBeCue(char.ToUpperInvariant(cue[0]) + cue[1..]), cue);
        }

        var rejected = 0;
        var words = new List<string>(NumberLexicon.CueWords);
        foreach (var cue in NumberLexicon.CueWords)
        {
            words.Add(cue.Replace('i', '\u0131').Replace('s', '\u017F').Replace('k', '\u212A'));
            words.Add(cue + "x");
            words.Add(cue[1..]);
        }

        foreach (var middle in new[] { "", "e", "hre", "ousan", "ndredth" })
        {
            for (var a = 0; a < 128; a++)
            {
                for (var b = 'a'; b <= 'z'; b++)
                {
                    words.Add((char)a + middle + b);
                    words.Add(b + middle + (char)a);
                }
            }
        }

        foreach (var word in words)
        {
            var found = LexiconLookup.IsIn(NumberLexicon.CueWords, word);
            if (!CueShapes.MayBeCue(word))
            {
                rejected++;
                Assert.False(found, word);
            }
        }

        // It does turn words away: common ones, and over a third of the words above (most with a letter at both ends).
        Assert.True(rejected > words.Count / 3, $"{rejected} of {words.Count}");
        Assert.All(new[] { "the", "The", "and", "said", "people" }, w => Assert.False(CueShapes.MayBeCue(w), w));
    }

    [Fact]
    public void GivenTheTestCorpora_WhenASentenceHoldsAnythingTheGrammarFinds_ThenThePreCheckLetsItThrough()
    {
        var texts = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(Repository.Root, "tests", "ArgMiner.Tests", "Numbers", "quantities-in-news.tsv")))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                texts.Add(line.Split('\t')[1]);
            }
        }

        foreach (var file in Directory.EnumerateFiles(Repository.Articles, "*.txt"))
        {
            texts.Add(File.ReadAllText(file));
        }

        texts.Add("A third of voters and half the staff left; hundreds of people, several dozen cars, twice as many. "
            + "In September the nineteenth century ended a day or two later, threefold. One soldier was killed. "
            + "Prices, which had been rising for a long time in most of the larger towns and cities, rose by less than or equal to U.S. $ -40 million.");
        var found = 0;
        foreach (var text in texts.Distinct(StringComparer.Ordinal))
        {
            var doc = NumbersTestKit.Run(text);
            for (var s = 0; s < doc.Sentences.Length; s++)
            {
                var tokens = doc.TokensOf(doc.Sentences[s]);
                if (tokens.IsEmpty)
                {
                    continue;
                }

                var claims = new List<NumericClaim>();
                var dates = new List<DateSpan>();
                var codes = new List<CodeSpan>();
                var numerals = new List<Numeral>();
                NumericClaimExtractor.AnalyzeSentence(doc.Text, tokens, s, claims, dates, numerals, codes, skipFarTokens: false);
                var sentence = doc.Text[doc.Sentences[s].Start..doc.Sentences[s].End];
                if (claims.Count + dates.Count + codes.Count > 0)
                {
                    found++;
                    Assert.True(NumberCues.MayHoldNumber(doc.Text, tokens), sentence);
                }

                // The matcher skips tokens too far before the next cue; what it finds must not change.
                var skippingClaims = new List<NumericClaim>();
                var skippingNumerals = new List<Numeral>();
                NumericClaimExtractor.AnalyzeSentence(doc.Text, tokens, s, skippingClaims, null, skippingNumerals, null);
                Assert.True(claims.SequenceEqual(skippingClaims), sentence);
                Assert.True(numerals.SequenceEqual(skippingNumerals), sentence);
            }
        }

        Assert.True(found > 100, $"only {found} sentences with numbers");
    }
}
