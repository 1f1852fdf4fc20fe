using System.Text;
using ArgMiner.Ingest;

namespace ArgMiner.Tests.Ingest;

public class TextDecodingTests
{
    private static string? Decode(byte[] bytes, TextEncodingChoice choice, out string? problem, out string? warning) =>
        TextDecoding.TryDecode(bytes, choice, out problem, out _, out warning);

    [Fact]
    public void GivenAWindows1252PoundSign_WhenDecodedAutomatically_ThenItIsReadWithOneWarning()
    {
        var bytes = Encoding.ASCII.GetBytes("Costs rose.\nIt cost \u0000").ToArray();
        bytes[^1] = 0xA3;
        var text = Decode(bytes, TextEncodingChoice.Auto, out var problem, out var warning);
        Assert.Null(problem);
        Assert.Equal("Costs rose.\nIt cost £", text);
        Assert.Equal("not valid UTF-8 (byte 0xA3 on line 2), read as Windows-1252", warning);
    }

    [Fact]
    public void GivenTheBytesWindows1252LeavesUnassigned_WhenDecoded_ThenTheyReadAsLatin1AndTheOthersAsWindows1252()
    {
        var text = Decode([0x80, 0x81, 0x92, 0x9D, 0xE9], TextEncodingChoice.Auto, out _, out _);
        Assert.Equal("\u20AC\u0081\u2019\u009D\u00E9", text);
    }

    [Fact]
    public void GivenUtf8IsInsistedOn_WhenTheBytesAreNotUtf8_ThenItIsAnErrorNamingTheLine()
    {
        var text = TextDecoding.TryDecode([0x41, 0x0A, 0xA3], TextEncodingChoice.Utf8, out var problem, out var line, out _);
        Assert.Null(text);
        Assert.StartsWith("not valid UTF-8", problem, StringComparison.Ordinal);
        Assert.Equal(2, line);
    }

    [Fact]
    public void GivenWindows1252IsInsistedOn_WhenTheBytesAreAlsoUtf8_ThenTheyAreReadAsWindows1252WithoutAWarning()
    {
        var text = Decode(Encoding.UTF8.GetBytes("café"), TextEncodingChoice.Windows1252, out _, out var warning);
        Assert.Equal("cafÃ©", text);
        Assert.Null(warning);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void GivenUtf16WithABom_WhenDecoded_ThenTheTextIsRead(string name)
    {
        var encoding = name == "utf-16le" ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Héllo 🖤 there.")).ToArray();
        var text = Decode(bytes, TextEncodingChoice.Auto, out var problem, out var warning);
        Assert.Null(problem);
        Assert.Null(warning);
        Assert.Equal("Héllo 🖤 there.", text);
    }

    [Fact]
    public void GivenNulBytesWithoutABom_WhenDecoded_ThenItIsStillBinary()
    {
        var text = Decode([0x89, 0x50, 0x00, 0xA3], TextEncodingChoice.Auto, out var problem, out _);
        Assert.Null(text);
        Assert.StartsWith("binary", problem, StringComparison.Ordinal);
    }
}
