using ArgMiner.Tagging;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Tagging;

public sealed class BioDecoderTests
{
    [Fact]
    public void GivenIAfterO_WhenDecoded_ThenItStartsAnEntity()
    {
        var spans = BioDecoder.Decode(["O", "I-ORG", "I-ORG", "O"]);

        Assert.Equal([new TokenSpan(1, 2, "ORG")], spans);
    }

    [Fact]
    public void GivenIOfAnotherType_WhenDecoded_ThenItContinuesTheOpenEntity()
    {
        var spans = BioDecoder.Decode(["B-EVENT", "I-ORG", "I-PERSON", "O", "I-LOC", "B-ORG", "I-LOC"]);

        Assert.Equal([new TokenSpan(0, 3, "EVENT"), new TokenSpan(4, 1, "LOC"), new TokenSpan(5, 2, "ORG")], spans);
    }

    [Fact]
    public void GivenTwoBInARow_WhenDecoded_ThenTwoEntities()
    {
        var spans = BioDecoder.Decode(["B-LOC", "B-LOC", "I-LOC", "O", "B-DATE"]);

        Assert.Equal([new TokenSpan(0, 1, "LOC"), new TokenSpan(1, 2, "LOC"), new TokenSpan(4, 1, "DATE")], spans);
    }

    [Fact]
    public void GivenAnyTagSequence_WhenDecoded_ThenSpansAreOrderedDisjointTypedByTheirFirstTagAndCoverEveryNonOTag()
    {
        string[] alphabet = ["O", "B-PERSON", "I-PERSON", "B-ORG", "I-ORG"];
        var gen = Gen.ArrayOf(Gen.Elements(alphabet));
        Prop.ForAll(gen.ToArbitrary(), tags =>
        {
            var spans = BioDecoder.Decode(tags);
            var covered = new bool[tags.Length];
            var end = 0;
            foreach (var s in spans)
            {
                if (s.First < end || s.Count < 1 || s.First + s.Count > tags.Length)
                {
                    return false;
                }

                if (tags[s.First][2..] != s.Type)
                {
                    return false;
                }

                for (var k = s.First; k < s.First + s.Count; k++)
                {
                    covered[k] = true;
                    if (k > s.First && tags[k][0] != 'I')
                    {
                        return false;
                    }
                }

                end = s.First + s.Count;
            }

            return tags.Select((t, i) => (t == "O") != covered[i]).All(x => x);
        }).QuickCheckThrowOnFailure();
    }
}
