using FsCheck;
using FsCheck.Fluent;
using ArgMiner.Text;
using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Tagging;

namespace ArgMiner.Tests.Numbers;

public class DateEntityMergeTests
{
    private static (string Text, string Type, EntitySource Source)[] Entities(string text)
    {
        var d = TextPipeline.CreateFull().Process(DocumentReaders.Compose("d", "d", null, text, []));
        return [.. d.Entities.Select(e => (text[e.Start..e.End], e.Type, e.Source))];
    }

    [Fact]
    public void GivenAQualifiedYear_WhenTheFullPipelineRuns_ThenTheDateEntityCoversTheQualifier()
    {
        var entities = Entities("One of the most serious incidents came in early 2024, when drones hit Ain al-Asad airbase in Anbar.");
        Assert.Contains(("early 2024", "DATE", EntitySource.Rules), entities);
        Assert.DoesNotContain(entities, e => e.Text == "2024");
        Assert.Contains(entities, e => e.Text == "Ain al-Asad" && e.Type == "LOC");
    }

    [Fact]
    public void GivenDatesTheModelAlreadyFound_WhenMerged_ThenTheyAreKeptOnce()
    {
        var entities = Entities("In December 2019 and January 2020, the United States struck Kataib Hezbollah.");
        Assert.Single(entities, e => e.Text == "December 2019" && e.Type == "DATE");
        Assert.Single(entities, e => e.Text == "January 2020" && e.Type == "DATE");
    }

    [Fact]
    public void GivenEntitiesAndDates_WhenMerged_ThenEntitiesStayInTextOrderWithoutOverlap()
    {
        const string text = "Since October 2023, there have been more than 180 attacks; in June 2025 Reuters reported more, and in mid-2025 troops stayed.";
        var d = TextPipeline.CreateFull().Process(DocumentReaders.Compose("d", "d", null, text, []));
        for (var i = 1; i < d.Entities.Length; i++)
        {
            Assert.True(d.Entities[i - 1].End <= d.Entities[i].Start);
        }
    }

    [Fact]
    public void GivenAPhoneNumberTheRecogniserCallsADate_WhenTheFullPipelineRuns_ThenNoDateAndNoClaimRemain()
    {
        // The entity recogniser tags "0001" as a DATE; the grammar knows the digits are a phone number.
        const string text = "For more information call +44 20 7946 0000 or 020 7946 0001.";
        var d = TextPipeline.CreateFull().Process(DocumentReaders.Compose("d", "d", null, text, []));
        Assert.DoesNotContain(d.Entities, e => e.Type == "DATE");
        Assert.Empty(d.Numbers);
    }

    [Fact]
    public void GivenRecogniserDatesInsideCodesAndRanks_WhenFalseDatesAreDropped_ThenOnlyTheRealDateStays()
    {
        Entity[] entities =
        [
            new(0, 4, "DATE", EntitySource.Model, 0),     // inside a phone number
            new(10, 16, "DATE", EntitySource.Model, 0),   // "fourth", a rank
            new(20, 34, "DATE", EntitySource.Model, 0),   // "fourth quarter": wider than the rank, kept
            new(40, 44, "ORG", EntitySource.Model, 0),
        ];
        List<CodeSpan> codes = [new(0, 8, 0)];
        List<NumericClaim> claims =
        [
            new() { Start = 10, End = 16, Sentence = 0, Kind = NumericKinds.Ordinal, Value = 4 },
            new() { Start = 20, End = 26, Sentence = 0, Kind = NumericKinds.Ordinal, Value = 4 },
        ];
        var kept = ArgMiner.Numbers.NumericClaimStage.DropFalseDates([.. entities], codes, claims);
        Assert.Equal(new[] { entities[2], entities[3] }, kept.ToArray());
    }

    [Fact]
    public void GivenRandomDatesCodesAndClaims_WhenFalseDatesAreDropped_ThenEachDateIsDroppedExactlyWhenSomeCodeOrRankCoversIt()
    {
        // The rule checked span by span, as the stage did before it searched sorted spans.
        static bool Covered(Entity e, List<CodeSpan> codes, List<NumericClaim> claims) =>
            codes.Any(c => e.Start >= c.Start && e.End <= c.End)
            || claims.Any(c => c.Kind == NumericKinds.Ordinal && e.Start >= c.Start && e.End <= c.End);

        var span = from start in Gen.Choose(0, 60) from length in Gen.Choose(0, 12) select (Start: start, End: start + length);
        var entity =
            from sp in span
            from type in Gen.Elements("DATE", "ORG")
            from source in Gen.Elements(EntitySource.Model, EntitySource.Rules)
            select new Entity(sp.Start, sp.End, type, source, 0);
        var code = from sp in span select new CodeSpan(sp.Start, sp.End, 0);
        var claim =
            from sp in span
            from kind in Gen.Elements(NumericKinds.Ordinal, NumericKinds.Count)
            select new NumericClaim { Start = sp.Start, End = sp.End, Sentence = 0, Kind = kind };
        var input = from es in entity.ArrayOf() from cs in code.ArrayOf() from ks in claim.ArrayOf() select (Entities: es, Codes: cs, Claims: ks);
        var property = Prop.ForAll(input.ToArbitrary(), t =>
        {
            Entity[] entities = [.. t.Entities.OrderBy(x => x.Start)];
            List<CodeSpan> codes = [.. t.Codes];
            List<NumericClaim> claims = [.. t.Claims];
            var expected = entities.Where(e => !(e.Type == "DATE" && e.Source == EntitySource.Model && Covered(e, codes, claims)));
            return ArgMiner.Numbers.NumericClaimStage.DropFalseDates([.. entities], codes, claims).SequenceEqual(expected);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }
}
