using ArgMiner.Text;

namespace ArgMiner.Tests.Text;

public class CodePointMapTests
{
    [Fact]
    public void GivenTextWithoutSurrogates_WhenMapping_ThenOffsetsAreUnchanged()
    {
        var map = new CodePointMap("plain text, é and ü");
        Assert.True(map.IsIdentity);
        Assert.Equal(7, map.ToCodePoint(7));
    }

    [Fact]
    public void GivenEmoji_WhenMapping_ThenEachPairCountsOnce()
    {
        const string text = "go 🖤 and 🇮🇶 end";
        var map = new CodePointMap(text);
        var end = text.IndexOf("end", StringComparison.Ordinal);
        // Python: len("go 🖤 and 🇮🇶 ") == 12 (one code point for 🖤, two for the flag's regional indicators).
        Assert.Equal(12, map.ToCodePoint(end));
        Assert.Equal(3, map.ToCodePoint(3));
        Assert.Equal(4, map.ToCodePoint(5));
    }

    [Fact]
    public void GivenCodePointOffsets_WhenSlicingByCodePoints_ThenTheSpanTextComesBack()
    {
        const string text = "a🖤b c😀d";
        var map = new CodePointMap(text);
        var start = text.IndexOf('c');
        var end = text.Length;
        var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        var sliced = string.Concat(codePoints[map.ToCodePoint(start)..map.ToCodePoint(end)]);
        Assert.Equal(text[start..end], sliced);
    }
}
