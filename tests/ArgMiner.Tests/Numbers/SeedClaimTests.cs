using ArgMiner.Numbers;
using ArgMiner.Tests.Support;
using static ArgMiner.Tests.Numbers.NumbersTestKit;

namespace ArgMiner.Tests.Numbers;

/// <summary>The five seed claims of issue 3 (corpus/articles/003_00ec76e79eb1746a.txt), every field checked.</summary>
public class SeedClaimTests
{
    private const string SeedArticle = "003_00ec76e79eb1746a.txt";

    /// <summary>
    /// Each seed sentence, then its one claim as "span | quantity span | kind | value or low..high | qualifier |
    /// unit | period | counted | time | source" ("-" for none).
    /// </summary>
    public static TheoryData<string, string> Seeds => new()
    {
        {
            "Roughly 2,500 U.S. troops still remain in Iraq as of mid-2025, largely in advisory roles.",
            "Roughly 2,500 | 2,500 | count | 2500 | approximately | - | - | troops | as of mid-2025 | -"
        },
        {
            "Remnants of the Islamic State still launch over 100 attacks a year, according to UN reporting.",
            "over 100 | 100 | count | 100 | more_than | - | year | attacks | - | UN reporting"
        },
        {
            "U.S. officials estimate that 1,500–3,000 Islamic State fighters remain active across Iraq and Syria.",
            "1,500–3,000 | 1,500–3,000 | range | 1500..3000 | - | - | - | fighters | - | U.S. officials"
        },
        {
            "Since October 2023, there have been more than 180 such attacks across Iraq and Syria.",
            "more than 180 | 180 | count | 180 | more_than | - | - | attacks | Since October 2023 | -"
        },
        {
            "A fuel-oil smuggling network tied to these groups generates roughly $1 billion annually, channeling resources directly to Iran and its proxies.",
            "roughly $1 billion | $1 billion | money | 1000000000 | approximately | USD | year | - | - | -"
        },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GivenASeedSentence_WhenThePipelineRuns_ThenItsOneClaimHasEveryExpectedField(string sentence, string expected)
    {
        var fields = expected.Split('|', StringSplitOptions.TrimEntries);
        var doc = Run(sentence);
        Assert.Single(doc.Sentences);
        var claim = Assert.Single(doc.Numbers);

        Assert.Equal(fields[0], sentence[claim.Start..claim.End]);
        Assert.Equal(fields[1], sentence[claim.QuantityStart..claim.QuantityEnd]);
        Assert.Equal(fields[2], claim.Kind);
        AssertAmount(fields[3], claim);
        Assert.Equal(NoneAsNull(fields[4]), claim.Qualifier);
        Assert.Equal(NoneAsNull(fields[5]), claim.Unit);
        Assert.Equal(NoneAsNull(fields[6]), claim.Period);
        Assert.Equal(NoneAsNull(fields[7]), claim.Counted);
        Assert.Equal(NoneAsNull(fields[8]), claim.Time);
        Assert.Equal(NoneAsNull(fields[9]), claim.Source);
    }

    [Fact]
    public void GivenTheSeedArticle_WhenThePipelineRuns_ThenTheFiveSeedClaimsAreAmongItsNumbersAndNoDateIsACount()
    {
        // The article travels with the repository: a missing file fails here (File.ReadAllText throws).
        var text = File.ReadAllText(Path.Combine(Repository.Articles, SeedArticle));
        var doc = Run(text);
        var texts = doc.Numbers.Select(c => text[c.Start..c.End]).ToList();
        Assert.Contains("Roughly 2,500", texts);
        Assert.Contains("over 100", texts);
        Assert.Contains("1,500–3,000", texts);
        Assert.Contains("more than 180", texts);
        Assert.Contains("roughly $1 billion", texts);

        // Years (2011, 2023, 2024, 2025) are dates, never counts.
        Assert.DoesNotContain(doc.Numbers, c => c.Value is >= 2000 and <= 2030 && c.Kind == NumericKinds.Count);
        var dates = NumericClaimExtractor.FindDates(doc).Select(d => text[d.Start..d.End]).ToList();
        Assert.Contains("July 2025", dates);
        Assert.Contains("mid-2025", dates);
        Assert.Contains("early 2024", dates);
        Assert.Contains("2011", dates);
        Assert.Contains("June 2025", dates);

        var seed1 = doc.Numbers.Single(c => text[c.Start..c.End] == "Roughly 2,500");
        Assert.Equal("troops", seed1.Counted);
        Assert.Equal("as of mid-2025", seed1.Time);
    }
}
