using ArgMiner.Numbers;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tests.Numbers;

/// <summary>Runs the default pipeline and the numbers stage on a text, as one body paragraph.</summary>
internal static class NumbersTestKit
{
    public static Document Run(string text)
    {
        var doc = new Document
        {
            Id = "t",
            Source = "-",
            Text = text,
            Paragraphs = [new Paragraph(0, text.Length, Section.Body, null)],
        };
        doc = TextPipeline.CreateDefault().Process(doc);
        return new NumericClaimStage().Process(doc);
    }

    /// <summary>The claims of <paramref name="text"/> read as one sentence (whatever the splitter says).</summary>
    public static List<NumericClaim> Claims(string text, List<DateSpan>? dates = null, List<Numeral>? numerals = null)
    {
        var tokens = new List<Token>();
        new ArgMiner.Tokenization.RuleTokenizer().Tokenize(text, 0, text.Length, tokens);
        var claims = new List<NumericClaim>();
        NumericClaimExtractor.Analyze(text, tokens.ToArray(), 0, claims, dates, numerals);
        return claims;
    }
}
