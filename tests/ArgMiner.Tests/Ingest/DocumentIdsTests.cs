using System.Globalization;
using ArgMiner.Ingest;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Ingest;

public sealed class DocumentIdsTests
{
    // The rule as written: the first free of id, id~2, id~3, … counting from 2 every time.
    private static List<string> ByTheRule(IEnumerable<string> ids)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var id in ids)
        {
            var unique = id;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = id + "~" + n.ToString(CultureInfo.InvariantCulture);
            }

            result.Add(unique);
        }

        return result;
    }

    [Fact]
    public void GivenIdsThatCollideWithEachOtherAndWithRenamedOnes_WhenMadeUnique_ThenEachGetsTheFirstFreeSuffix()
    {
        // Ids drawn from a few bases and their own renamed forms ("a~2" given before or after "a" repeats).
        var ids = Gen.Elements("a", "b", "a~2", "a~3", "a~2~2", "b~4", "").ArrayOf();
        var property = Prop.ForAll(ids.ToArbitrary(), sequence =>
        {
            var unique = new DocumentIds();
            var given = sequence.Select(id => unique.Unique(id, out _)).ToList();
            return given.SequenceEqual(ByTheRule(sequence)) && given.Distinct(StringComparer.Ordinal).Count() == given.Count;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void GivenManyDocumentsWithOneId_WhenMadeUnique_ThenTheyAreNumberedInOrder()
    {
        var unique = new DocumentIds();
        var given = Enumerable.Range(0, 20_000).Select(i => unique.Unique("same", out _)).ToList();
        Assert.Equal("same", given[0]);
        Assert.Equal(Enumerable.Range(2, 19_999).Select(n => "same~" + n.ToString(CultureInfo.InvariantCulture)), given.Skip(1));
    }
}
