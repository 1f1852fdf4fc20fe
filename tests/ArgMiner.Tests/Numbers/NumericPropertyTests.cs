using System.Text;
using ArgMiner.Numbers;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Numbers;

/// <summary>Invariants on arbitrary number-laden text, and pathological inputs that must finish.</summary>
public class NumericPropertyTests
{
    private static readonly string[] Pieces =
    [
        "1,500", "–", "3,000", "$", "1", "billion", "more", "than", "180", "such", "attacks", "a", "year", "35", "%",
        "percent", "twenty", "-", "one", "hundred", "and", "two", "mid", "2025", "October", "2023", "since", "up", "to",
        "between", "from", "£3m", "km", "3rd", "first", "Trump", "2.0", "U.S.", "officials", "estimate", "that", "over",
        "roughly", "of", "the", ",", ".", "(", ")", "according", "UN", "reporting", "dozen", "hundreds", "0.5", "v2.1",
        "+1-222-2222", "1/4", "per", "month", "annually", "no", "fewer", "or", "more", "€", "USD", "20", "cents", "s",
    ];

    [Fact]
    public void GivenArbitraryText_WhenTheStageRuns_ThenClaimsLieInTheirSentenceOnTokenBoundariesAndMatchTheirText()
    {
        var gen = Gen.ArrayOf(Gen.Elements(Pieces)).Zip(Gen.ArrayOf(Gen.Elements(" ", "", "  ", "\u00a0")))
            .Select(t =>
            {
                var sb = new StringBuilder();
                for (var i = 0; i < t.Item1.Length; i++)
                {
                    sb.Append(t.Item1[i]);
                    sb.Append(t.Item2.Length == 0 ? " " : t.Item2[i % t.Item2.Length]);
                }

                return sb.ToString();
            });
        Prop.ForAll(gen.ToArbitrary(), text =>
        {
            var doc = NumbersTestKit.Run(text);
            var starts = doc.Tokens.Select(t => t.Start).ToHashSet();
            var ends = doc.Tokens.Select(t => t.End).ToHashSet();
            var previous = -1;
            foreach (var c in doc.Numbers)
            {
                var s = doc.Sentences[c.Sentence];
                if (c.Start < s.Start || c.End > s.End || c.Start >= c.End)
                {
                    return false;
                }

                if (!starts.Contains(c.Start) || !ends.Contains(c.End) || !starts.Contains(c.QuantityStart) || !ends.Contains(c.QuantityEnd))
                {
                    return false;
                }

                if (c.QuantityStart < c.Start || c.QuantityEnd > c.End || c.Start < previous)
                {
                    return false;
                }

                // Ranges and changes have two bounds and no value; a range's rise, a change's differ.
                if ((c.Kind is NumericKinds.Range or "change") != (c.Low is not null && c.High is not null && c.Value is null))
                {
                    return false;
                }

                if ((c.Kind == NumericKinds.Range && !(c.Low < c.High)) || (c.Kind == "change" && c.Low == c.High))
                {
                    return false;
                }

                previous = c.End;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GivenTwoHundredThousandDigits_WhenExtracted_ThenItIsAnIdentifierNotAClaim()
    {
        var text = "The code is " + new string('7', 200_000) + " today.";
        var doc = NumbersTestKit.Run(text);
        Assert.Empty(doc.Numbers);
    }

    [Fact]
    public void GivenAMegabyteOfHyphens_WhenExtracted_ThenNoClaimAndItFinishes()
    {
        var text = "Count 5 " + new string('-', 1 << 20) + " 6 items.";
        var doc = NumbersTestKit.Run(text);
        Assert.Equal(2, doc.Numbers.Length);
    }

    [Fact]
    public void GivenASentenceOfOneHundredThousandNumberTokens_WhenExtracted_ThenEveryNumberIsFound()
    {
        var sb = new StringBuilder("We saw");
        for (var i = 0; i < 50_000; i++)
        {
            sb.Append(" 7 and");
        }

        sb.Append(" 9 cats");
        var doc = NumbersTestKit.Run(sb.ToString());

        // The splitter cuts runs longer than its cap into several sentences; every number is still found.
        Assert.All(doc.Sentences, s => Assert.InRange(s.End - s.Start, 1, ArgMiner.Segmentation.SentenceSplitterStage.MaxSentenceLength));
        Assert.Equal(50_001, doc.Numbers.Length);
    }

    [Fact]
    public void GivenALongChainOfNumberWordsAndQualifiers_WhenExtracted_ThenClaimsAreBoundedAndFound()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append("more than twenty-one hundred and ");
        }

        var text = sb.Append("five.").ToString();
        var claims = NumbersTestKit.Claims(text);
        // "… hundred and more than …" does not join; the last one is "twenty-one hundred and five".
        Assert.Equal(20_000, claims.Count);
        Assert.All(claims, c => Assert.Equal("more_than", c.Qualifier));
        Assert.All(claims.Take(claims.Count - 1), c => Assert.Equal(2100, c.Value));
        Assert.Equal(2105, claims[^1].Value);
    }

    [Fact]
    public void GivenDigitsSplitByCommasForAMegabyte_WhenExtracted_ThenItFinishesWithoutAClaim()
    {
        var sb = new StringBuilder("x ");
        for (var i = 0; i < 200_000; i++)
        {
            sb.Append("1,2");
        }

        var claims = NumbersTestKit.Claims(sb.ToString());
        Assert.Empty(claims);
    }
}
