using ArgMiner.Output.Html;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Output;

/// <summary>The report's count of the most named entities stays exact while it fits, and bounded after.</summary>
public sealed class EntityTallyTests
{
    [Fact]
    public void GivenFewerNamesThanItKeeps_WhenCounted_ThenEveryCountIsExactAndNothingIsPruned()
    {
        var property = Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 1000)).ToArbitrary(), mentions =>
        {
            var tally = new EntityTally(kept: 100);
            foreach (var m in mentions)
            {
                tally.Add(m % 3 == 0 ? "ORG" : "PERSON", "name" + m);
            }

            var exact = mentions.GroupBy(m => (m % 3 == 0 ? "ORG" : "PERSON", "name" + m)).ToDictionary(g => g.Key, g => g.Count());
            var top = tally.Top(int.MaxValue).ToList();
            return !tally.Pruned && top.Count == exact.Count && top.All(t => exact[t.Key] == t.Count)
                && top.Select(t => t.Count).SequenceEqual(top.Select(t => t.Count).OrderDescending());
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Fact]
    public void GivenEndlesslyManyNames_WhenCounted_ThenMemoryIsBoundedAndAFrequentNameKeepsItsExactCount()
    {
        var tally = new EntityTally(kept: 100);
        var frequent = 0;
        for (var i = 0; i < 100_000; i++)
        {
            if (i % 10 == 0)
            {
                tally.Add("PERSON", "Ada Lovelace");
                frequent++;
            }

            tally.Add("ORG", "company " + i);
            Assert.True(tally.Count <= EntityTally.HeldPerKept * 100);
        }

        Assert.True(tally.Pruned);
        Assert.Equal(1, tally.MostDropped);
        Assert.Equal((("PERSON", "Ada Lovelace"), frequent), tally.Top(1).Single());
    }

    [Fact]
    public void GivenTheSameMentionsTwice_WhenPruned_ThenTheSameNamesAndCountsAreKept()
    {
        static List<((string, string), int)> Run()
        {
            var tally = new EntityTally(kept: 50);
            var random = new Random(3);
            for (var i = 0; i < 20_000; i++)
            {
                var n = (int)Math.Min(5_000, 1 / Math.Max(1e-9, random.NextDouble()));
                tally.Add("LOC", "place " + n);
            }

            return [.. tally.Top(int.MaxValue)];
        }

        Assert.Equal(Run(), Run());
    }
}
