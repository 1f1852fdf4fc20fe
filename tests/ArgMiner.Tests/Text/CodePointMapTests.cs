using ArgMiner.Text;

namespace ArgMiner.Tests.Text;

public class CodePointMapTests
{
    [Fact]
    public void Given_text_without_surrogates_When_mapping_Then_offsets_are_unchanged()
    {
        var map = new CodePointMap("plain text, é and ü");
        Assert.True(map.IsIdentity);
        Assert.Equal(7, map.ToCodePoint(7));
    }

    [Fact]
    public void Given_emoji_When_mapping_Then_each_pair_counts_once()
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
    public void Given_code_point_offsets_When_slicing_by_code_points_Then_the_span_text_comes_back()
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
