using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Ingest;

public sealed class TextStreamsTests : IDisposable
{
    private const int Chunk = 1 << 20;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>What the streaming reader makes of the bytes: the text, or the error with its line; and the warning.</summary>
    private (string? Text, string? Problem, long Line, string? Warning) Stream(byte[] bytes, TextEncodingChoice choice)
    {
        var path = _dir.WriteBytes("in.txt", bytes);
        try
        {
            using var reader = TextStreams.Open(path, choice, out var warning);
            return (reader.ReadToEnd(), null, 0, warning);
        }
        catch (TextDecodingException ex)
        {
            return (null, ex.Message, ex.Line, null);
        }
    }

    public static TheoryData<string> Cases() => new() { "ascii", "utf8-across-chunks", "bad-byte-late", "bad-byte-after-multibyte", "cp1252-late", "bom-utf8", "utf16", "nul-late", "empty",
        "utf16-unpaired-late", "utf16-pair-across-chunks", "utf16-nul", "utf16-cut", "utf32le", "utf32be-no-character" };

    private static byte[] Bytes(string name)
    {
        var filler = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("The council met on Tuesday.\n", Chunk / 28 + 10)));
        byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];
        return name switch
        {
            "ascii" => filler,
            // A two- and a three-byte sequence straddle the first chunk boundary.
            "utf8-across-chunks" => Join(filler[..(Chunk - 1)], Encoding.UTF8.GetBytes("é€ café\n"), filler),
            "bad-byte-late" => Join(filler, [0x93], Encoding.ASCII.GetBytes("quoted\n")),
            "bad-byte-after-multibyte" => Join(Encoding.UTF8.GetBytes("naïve\n"), filler, [0xE9, 0x0A]),
            "cp1252-late" => Join(filler, filler, Encoding.Latin1.GetBytes("caf\u00e9 costs \u00a35\n")),
            "bom-utf8" => Join([0xEF, 0xBB, 0xBF], Encoding.UTF8.GetBytes("déjà vu\n"), filler),
            "utf16" => Join([0xFF, 0xFE], Encoding.Unicode.GetBytes("déjà vu\nsecond line\n")),
            "nul-late" => Join(filler, filler[..100], [0x00], filler[..10]),
            "empty" => [],
            // Until session 36 these were not checked before they were read: a bad surrogate was "not valid UTF-8 (it can be
            // read only once …)" without a line, and a NUL character went into the output.
            "utf16-unpaired-late" => Join([0xFF, 0xFE], Encoding.Unicode.GetBytes(Encoding.ASCII.GetString(filler)), [0x00, 0xD8, (byte)'x', 0x00, 0x0A, 0x00]),
            "utf16-pair-across-chunks" => Join([0xFE, 0xFF], Encoding.BigEndianUnicode.GetBytes(new string('a', (Chunk / 2) - 1) + "\U0001F600\nend\n")),
            "utf16-nul" => Join([0xFF, 0xFE], Encoding.Unicode.GetBytes("first\nsecond \0 line\n")),
            "utf16-cut" => Join([0xFF, 0xFE], Encoding.Unicode.GetBytes("first\nsecond"), [0x41]),
            "utf32le" => Join([0xFF, 0xFE, 0x00, 0x00], new UTF32Encoding(false, false).GetBytes("déjà vu \U0001F600\nsecond line\n")),
            "utf32be-no-character" => Join([0x00, 0x00, 0xFE, 0xFF], new UTF32Encoding(true, false).GetBytes("one\ntwo\n"), [0x00, 0x11, 0x00, 0x00]),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GivenAFileOfAnySize_WhenStreamed_ThenItReadsExactlyAsTheWholeFileDecoderReadsIt(string name)
    {
        var bytes = Bytes(name);
        foreach (var choice in Enum.GetValues<TextEncodingChoice>())
        {
            var whole = TextDecoding.TryDecode(bytes, choice, out var problem, out var line, out var warning);
            var streamed = Stream(bytes, choice);
            Assert.Equal(whole, streamed.Text);
            Assert.Equal(warning, streamed.Warning);
            Assert.Equal(problem is null, streamed.Problem is null);
            if (problem is not null)
            {
                Assert.Equal(line, streamed.Line);
                Assert.StartsWith(problem.Split(" (", 2)[0], streamed.Problem, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void GivenAStreamThatCanBeReadOnce_WhenReadWithEachChoice_ThenUtf8IsStrictAndWindows1252IsReadWhenChosen()
    {
        // Standard input and pipes: no first pass can decide the encoding, so the user's choice is taken as given.
        byte[] cp1252 = [.. Encoding.ASCII.GetBytes("caf"), 0xE9, .. Encoding.ASCII.GetBytes(" costs "), 0x80, (byte)'5', (byte)'\n'];
        using (var reader = TextStreams.ReadOnce(new MemoryStream(cp1252), TextEncodingChoice.Windows1252))
        {
            Assert.Equal("caf\u00e9 costs \u20ac5\n", reader.ReadToEnd());
        }

        using (var reader = TextStreams.ReadOnce(new MemoryStream(cp1252), TextEncodingChoice.Auto))
        {
            Assert.Equal(1, Assert.Throws<TextDecodingException>(() => reader.ReadToEnd()).Line);
        }

        using (var reader = TextStreams.ReadOnce(new MemoryStream([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("d\u00e9j\u00e0 vu\n")]), TextEncodingChoice.Utf8))
        {
            Assert.Equal("d\u00e9j\u00e0 vu\n", reader.ReadToEnd());
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(4096)]
    public void GivenAStreamReadOnceWithABadByteOnLineN_WhenReadInPiecesOfAnySize_ThenTheErrorNamesLineN(int piece)
    {
        // Valid multibyte characters on every line, so pieces cut sequences in two; the bad byte is on line 40.
        var text = new StringBuilder();
        for (var i = 1; i < 40; i++)
        {
            text.Append("line ").Append(i).Append(" d\u00e9j\u00e0 \u20ac5 \U0001F600\n");
        }

        byte[] bytes = [.. Encoding.UTF8.GetBytes(text.ToString()), .. "bad "u8, 0xC3, 0x28, .. "\nlast\n"u8];
        using var reader = TextStreams.ReadOnce(new PieceStream(bytes, piece), TextEncodingChoice.Auto);
        var error = Assert.Throws<TextDecodingException>(() => reader.ReadToEnd());
        Assert.Equal(40, error.Line);
        Assert.Contains("0xC3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAStreamReadOnceEndingInACutSequence_WhenRead_ThenTheErrorNamesItsLine()
    {
        using var reader = TextStreams.ReadOnce(new PieceStream([.. "ok\nd\u00e9j"u8, 0xE2, 0x82], 3), TextEncodingChoice.Auto);
        Assert.Equal(2, Assert.Throws<TextDecodingException>(() => reader.ReadToEnd()).Line);
    }

    [Fact]
    public void GivenValidUtf8AndUtf16ReadOnce_WhenRead_ThenTheTextComesThroughUnchanged()
    {
        var text = "d\u00e9j\u00e0 vu \U0001F600\nline two\n";
        using (var reader = TextStreams.ReadOnce(new PieceStream(Encoding.UTF8.GetBytes(text), 1), TextEncodingChoice.Auto))
        {
            Assert.Equal(text, reader.ReadToEnd());
        }

        using (var reader = TextStreams.ReadOnce(new PieceStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], 5), TextEncodingChoice.Auto))
        {
            Assert.Equal(text, reader.ReadToEnd());
        }
    }

    /// <summary>A stream that hands its bytes out at most <paramref name="piece"/> at a time, as a pipe may.</summary>
    private sealed class PieceStream(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(piece, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(piece, count));
    }
}
