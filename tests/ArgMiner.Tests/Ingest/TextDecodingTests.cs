using System.Text;
using ArgMiner.Ingest;

namespace ArgMiner.Tests.Ingest;

public class TextDecodingTests
{
    private static string? Decode(byte[] bytes, TextEncodingChoice choice, out string? problem, out string? warning) =>
        TextDecoding.TryDecode(bytes, choice, out problem, out _, out warning);

    [Fact]
    public void Given_a_windows_1252_pound_sign_When_decoded_automatically_Then_it_is_read_with_one_warning()
    {
        var bytes = Encoding.ASCII.GetBytes("Costs rose.\nIt cost \u0000").ToArray();
        bytes[^1] = 0xA3;
        var text = Decode(bytes, TextEncodingChoice.Auto, out var problem, out var warning);
        Assert.Null(problem);
        Assert.Equal("Costs rose.\nIt cost £", text);
        Assert.Equal("not valid UTF-8 (byte 0xA3 on line 2), read as Windows-1252", warning);
    }

    [Fact]
    public void Given_the_bytes_windows_1252_leaves_unassigned_When_decoded_Then_they_read_as_latin_1_and_the_others_as_windows_1252()
    {
        var text = Decode([0x80, 0x81, 0x92, 0x9D, 0xE9], TextEncodingChoice.Auto, out _, out _);
        Assert.Equal("\u20AC\u0081\u2019\u009D\u00E9", text);
    }

    [Fact]
    public void Given_utf8_is_insisted_on_When_the_bytes_are_not_utf8_Then_it_is_an_error_naming_the_line()
    {
        var text = TextDecoding.TryDecode([0x41, 0x0A, 0xA3], TextEncodingChoice.Utf8, out var problem, out var line, out _);
        Assert.Null(text);
        Assert.StartsWith("not valid UTF-8", problem, StringComparison.Ordinal);
        Assert.Equal(2, line);
    }

    [Fact]
    public void Given_windows_1252_is_insisted_on_When_the_bytes_are_also_utf8_Then_they_are_read_as_windows_1252_without_a_warning()
    {
        var text = Decode(Encoding.UTF8.GetBytes("café"), TextEncodingChoice.Windows1252, out _, out var warning);
        Assert.Equal("cafÃ©", text);
        Assert.Null(warning);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Given_utf16_with_a_bom_When_decoded_Then_the_text_is_read(string name)
    {
        var encoding = name == "utf-16le" ? new UnicodeEncoding(false, true) : new UnicodeEncoding(true, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Héllo 🖤 there.")).ToArray();
        var text = Decode(bytes, TextEncodingChoice.Auto, out var problem, out var warning);
        Assert.Null(problem);
        Assert.Null(warning);
        Assert.Equal("Héllo 🖤 there.", text);
    }

    [Fact]
    public void Given_nul_bytes_without_a_bom_When_decoded_Then_it_is_still_binary()
    {
        var text = Decode([0x89, 0x50, 0x00, 0xA3], TextEncodingChoice.Auto, out var problem, out _);
        Assert.Null(text);
        Assert.StartsWith("binary", problem, StringComparison.Ordinal);
    }
}
