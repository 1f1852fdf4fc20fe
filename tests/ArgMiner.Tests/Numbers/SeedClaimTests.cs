using ArgMiner.Numbers;

namespace ArgMiner.Tests.Numbers;

/// <summary>The five seed claims of issue 3 (corpus/articles/003_00ec76e79eb1746a.txt), every field checked.</summary>
public class SeedClaimTests
{
    private const string Seed1 = "Roughly 2,500 U.S. troops still remain in Iraq as of mid-2025, largely in advisory roles.";
    private const string Seed2 = "Remnants of the Islamic State still launch over 100 attacks a year, according to UN reporting.";
    private const string Seed3 = "U.S. officials estimate that 1,500–3,000 Islamic State fighters remain active across Iraq and Syria.";
    private const string Seed4 = "Since October 2023, there have been more than 180 such attacks across Iraq and Syria.";
    private const string Seed5 = "A fuel-oil smuggling network tied to these groups generates roughly $1 billion annually, channeling resources directly to Iran and its proxies.";

    [Fact]
    public void GivenSeed1_WhenExtracted_ThenApproximateCountOfTroopsAsOfMid2025()
    {
        var c = Single(Seed1);
        Assert.Equal("Roughly 2,500", Seed1[c.Start..c.End]);
        Assert.Equal(NumericKinds.Count, c.Kind);
        Assert.Equal(2500, c.Value);
        Assert.Equal("approximately", c.Qualifier);
        Assert.Equal("troops", c.Counted);
        Assert.Equal("as of mid-2025", c.Time);
        Assert.Null(c.Period);
        Assert.Null(c.Source);
        Assert.Null(c.Unit);
    }

    [Fact]
    public void GivenSeed2_WhenExtracted_ThenMoreThan100AttacksAYearFromUnReporting()
    {
        var c = Single(Seed2);
        Assert.Equal("over 100", Seed2[c.Start..c.End]);
        Assert.Equal(NumericKinds.Count, c.Kind);
        Assert.Equal(100, c.Value);
        Assert.Equal("more_than", c.Qualifier);
        Assert.Equal("attacks", c.Counted);
        Assert.Equal("year", c.Period);
        Assert.Equal("UN reporting", c.Source);
        Assert.Null(c.Time);
    }

    [Fact]
    public void GivenSeed3_WhenExtracted_ThenRangeOfFightersFromUsOfficials()
    {
        var c = Single(Seed3);
        Assert.Equal("1,500–3,000", Seed3[c.Start..c.End]);
        Assert.Equal(NumericKinds.Range, c.Kind);
        Assert.Equal(1500, c.Low);
        Assert.Equal(3000, c.High);
        Assert.Null(c.Value);
        Assert.Null(c.Qualifier);
        Assert.Equal("fighters", c.Counted);
        Assert.Equal("U.S. officials", c.Source);
        Assert.Null(c.Time);
    }

    [Fact]
    public void GivenSeed4_WhenExtracted_ThenMoreThan180AttacksSinceOctober2023()
    {
        var c = Single(Seed4);
        Assert.Equal("more than 180", Seed4[c.Start..c.End]);
        Assert.Equal(NumericKinds.Count, c.Kind);
        Assert.Equal(180, c.Value);
        Assert.Equal("more_than", c.Qualifier);
        Assert.Equal("attacks", c.Counted);
        Assert.Equal("Since October 2023", c.Time);
        Assert.Null(c.Source);
    }

    [Fact]
    public void GivenSeed5_WhenExtracted_ThenRoughlyOneBillionDollarsAYear()
    {
        var c = Single(Seed5);
        Assert.Equal("roughly $1 billion", Seed5[c.Start..c.End]);
        Assert.Equal("$1 billion", Seed5[c.QuantityStart..c.QuantityEnd]);
        Assert.Equal(NumericKinds.Money, c.Kind);
        Assert.Equal(1_000_000_000, c.Value);
        Assert.Equal("USD", c.Unit);
        Assert.Equal("approximately", c.Qualifier);
        Assert.Equal("year", c.Period);
        Assert.Null(c.Counted);
    }

    [Fact]
    public void GivenTheSeedArticle_WhenThePipelineRuns_ThenTheFiveSeedClaimsAreAmongItsNumbersAndNoDateIsACount()
    {
        var root = NumbersTestKit.RepositoryRoot();
        var path = root is null ? null : Path.Combine(root, "corpus", "articles", "003_00ec76e79eb1746a.txt");
        if (path is null || !File.Exists(path))
        {
            return; // The corpus travels with the repository; a packaged test run may not have it.
        }

        var text = File.ReadAllText(path);
        var doc = NumbersTestKit.Run(text);
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

    private static NumericClaim Single(string sentence)
    {
        var doc = NumbersTestKit.Run(sentence);
        Assert.Single(doc.Sentences);
        return Assert.Single(doc.Numbers);
    }
}
