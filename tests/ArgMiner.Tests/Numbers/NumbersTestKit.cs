using System.Globalization;
using ArgMiner.Numbers;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tests.Numbers;

/// <summary>Runs the tagging pipeline (whose entities the numbers stage adds its dates to) and the numbers stage on a text, as one body paragraph.</summary>
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
        return TextPipeline.CreateAnalysis().Process(doc);
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

    /// <summary>
    /// Checks a claim's amount against an expected field: "low..high" for a range (and no single value), else
    /// the single value (and no bounds).
    /// </summary>
    public static void AssertAmount(string expected, NumericClaim claim)
    {
        if (expected.Contains("..", StringComparison.Ordinal))
        {
            var bounds = expected.Split("..");
            Assert.Equal(double.Parse(bounds[0], CultureInfo.InvariantCulture), claim.Low);
            Assert.Equal(double.Parse(bounds[1], CultureInfo.InvariantCulture), claim.High);
            Assert.Null(claim.Value);
        }
        else
        {
            Assert.NotNull(claim.Value);
            Assert.Equal(double.Parse(expected, CultureInfo.InvariantCulture), claim.Value.Value, 9);
            Assert.Null(claim.Low);
            Assert.Null(claim.High);
        }
    }

    /// <summary>An expected field: "-" stands for none.</summary>
    public static string? NoneAsNull(string field) => field == "-" ? null : field;
}
