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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GivenUtf32WithABom_WhenDecoded_ThenTheTextIsReadNotUtf16WithNuls(bool bigEndian)
    {
        // UTF-32's little-endian BOM (FF FE 00 00) starts with UTF-16's: it was read as UTF-16, a NUL between every two
        // letters, and written to the outputs; the big-endian one was called binary.
        var encoding = new UTF32Encoding(bigEndian, byteOrderMark: true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("Héllo 🖤 there.\nSecond line.")).ToArray();
        var text = Decode(bytes, TextEncodingChoice.Auto, out var problem, out var warning);
        Assert.Null(problem);
        Assert.Null(warning);
        Assert.Equal("Héllo 🖤 there.\nSecond line.", text);
    }

    [Fact]
    public void GivenUtf32WithAValueThatIsNoCharacter_WhenDecoded_ThenItIsOneProblem()
    {
        var text = Decode([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x00], TextEncodingChoice.Auto, out var problem, out _);
        Assert.Null(text);
        Assert.Equal("not valid UTF-32 (a value that is no character), skipped", problem);
    }

    [Fact]
    public void GivenUtf16HoldingANulCharacter_WhenDecoded_ThenItIsBinaryAtItsLine()
    {
        // Its bytes hold NULs in any case, so the byte check never looked; the NUL went into sentences.csv.
        var encoding = new UnicodeEncoding(false, true);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes("First line.\nA b\0c.")).ToArray();
        var text = TextDecoding.TryDecode(bytes, TextEncodingChoice.Auto, out var problem, out var line, out _);
        Assert.Null(text);
        Assert.Equal("binary file (contains NUL characters), skipped", problem);
        Assert.Equal(2, line);
    }

    [Fact]
    public void GivenNulBytesWithoutABom_WhenDecoded_ThenItIsStillBinary()
    {
        var text = Decode([0x89, 0x50, 0x00, 0xA3], TextEncodingChoice.Auto, out var problem, out _);
        Assert.Null(text);
        Assert.StartsWith("binary", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("utf-16LE", "little")]
    [InlineData("utf-16BE", "big")]
    public void GivenUtf16WithoutABom_WhenDecoded_ThenTheProblemSaysSoAndWhatToDo(string encoding, string endian)
    {
        // Until session 37 this was "binary file (contains NUL bytes)", which sent users looking for corruption.
        var bytes = Encoding.GetEncoding(encoding).GetBytes("The council voted to close the library.\nI think that is a mistake.\n");
        var text = Decode(bytes, TextEncodingChoice.Auto, out var problem, out _);
        Assert.Null(text);
        Assert.Equal($"UTF-16 text without a byte-order mark ({endian}-endian: every other byte is NUL), skipped; save it as UTF-8, or as UTF-16 with a BOM", problem);
    }

    [Fact]
    public void GivenUtf16WithoutABom_WhenStreamedFromAFile_ThenTheProblemSaysSo()
    {
        var path = Path.Combine(Path.GetTempPath(), $"argminer-utf16-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, Encoding.Unicode.GetBytes("Rents rose by a third.\n"));
        try
        {
            var ex = Assert.Throws<TextDecodingException>(() => TextStreams.Open(path, TextEncodingChoice.Auto, out _).Dispose());
            Assert.StartsWith("UTF-16 text without a byte-order mark (little-endian", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
