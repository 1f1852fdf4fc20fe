using System.Text;

namespace ArgMiner.Ingest;

/// <summary>Why a text file cannot be read as text: <see cref="TextDecoding"/>'s reason and the 1-based line of the first bad byte.</summary>
public sealed class TextDecodingException(string problem, long line) : Exception(problem)
{
    /// <summary>The 1-based line of the first bad byte (0 when unknown).</summary>
    public long Line { get; } = line;

    /// <summary>The reason as a reader outside a batch words it (<see cref="TextDecoding.Alone"/>).</summary>
    public string Problem => TextDecoding.Alone(Message);
}

/// <summary>
/// Opens a text file of any size as a <see cref="TextReader"/> by <see cref="TextDecoding"/>'s one rule (BOMs,
/// binary files, strict UTF-8, the Windows-1252 fallback with a warning), without holding the file in memory:
/// a first pass over the bytes decides the encoding as <see cref="TextDecoding.TryDecode(ReadOnlySpan{byte}, TextEncodingChoice, out string?, out long, out string?)"/>
/// would decide it for the whole file, the second reads. Used where input is streamed line by line
/// (<c>classify --input</c>); the readers that hold a document whole call <see cref="TextDecoding"/> directly.
/// </summary>
public static class TextStreams
{
    private const int ChunkSize = 1 << 20;

    /// <summary>Opens <paramref name="path"/>; <paramref name="warning"/> says when it is read as Windows-1252.</summary>
    /// <exception cref="TextDecodingException">The file is binary, or not valid UTF-8 where UTF-8 is required.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TextReader Open(string path, TextEncodingChoice choice, out string? warning)
    {
        warning = null;
        var once = File.OpenRead(path);
        if (!once.CanSeek)
        {
            // A pipe or device (`--input <(…)`, /dev/stdin) can be read only once, so the first pass that decides
            // the encoding cannot run: it is read as standard input is.
            return ReadOnce(once, choice);
        }

        once.Dispose();
        var scan = Scan(path);
        if (scan.Utf16 is { } utf16)
        {
            // Checked whole before it is read, as UTF-8 is: an unpaired surrogate was called "not valid UTF-8 (it can be
            // read only once …)" without a line, and a NUL character went into the output, until session 36.
            if (scan.Binary is not null)
            {
                throw new TextDecodingException(scan.Binary, scan.NulLine);
            }

            var stream = File.OpenRead(path);
            stream.Position = scan.BomLength;
            return new StreamReader(stream, utf16, detectEncodingFromByteOrderMarks: false, ChunkSize);
        }

        if (scan.Nul >= 0)
        {
            throw new TextDecodingException(TextDecoding.NulProblem(Head(path)), scan.NulLine);
        }

        if (scan.Binary is not null)
        {
            throw new TextDecodingException($"binary file ({scan.Binary}), skipped", 0);
        }

        if ((choice == TextEncodingChoice.Windows1252 && !scan.Bom) || (scan.Invalid >= 0 && choice != TextEncodingChoice.Utf8 && !scan.Bom && !scan.Multibyte))
        {
            if (choice != TextEncodingChoice.Windows1252)
            {
                warning = $"not valid UTF-8 (byte 0x{scan.InvalidByte:X2} on line {scan.InvalidLine}), read as Windows-1252";
            }

            return new Windows1252Reader(File.OpenRead(path));
        }

        if (scan.Invalid >= 0)
        {
            throw new TextDecodingException($"not valid UTF-8 (bad byte 0x{scan.InvalidByte:X2} at byte {scan.Invalid - (scan.Bom ? 3 : 0)})", scan.InvalidLine);
        }

        var utf8 = File.OpenRead(path);
        utf8.Position = scan.Bom ? 3 : 0;
        return new StreamReader(utf8, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, ChunkSize);
    }

    /// <summary>
    /// Reads <paramref name="stream"/>, which can be read only once (standard input, a pipe), without the pass that
    /// detects the encoding: strict UTF-8 (a BOM is dropped; a bad byte throws <see cref="TextDecodingException"/> naming
    /// its line as the read reaches it, <see cref="Utf8CheckingStream"/>), or Windows-1252 when <paramref name="choice"/>
    /// says so.
    /// </summary>
    public static TextReader ReadOnce(Stream stream, TextEncodingChoice choice) =>
        choice == TextEncodingChoice.Windows1252
            ? new Windows1252Reader(stream)
            : new StreamReader(
                new Utf8CheckingStream(stream, choice == TextEncodingChoice.Utf8
                    ? "it must be UTF-8"
                    : "it can be read only once, so it is read as UTF-8: give --encoding windows-1252, or a file with --input to have its encoding detected"),
                new UTF8Encoding(false, throwOnInvalidBytes: true),
                detectEncodingFromByteOrderMarks: true,
                ChunkSize);

    /// <summary>The first 4 KB of <paramref name="path"/> (or fewer), to tell UTF-16 without a BOM from binary.</summary>
    private static byte[] Head(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[4096];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..read];
    }

    private sealed record ScanResult(Encoding? Utf16, int BomLength, bool Bom, long Nul, long NulLine, long Invalid, byte InvalidByte, long InvalidLine, bool Multibyte, string? Binary = null);

    /// <summary>One pass over the bytes: BOM, first NUL, first byte that is not UTF-8, whether any valid multibyte UTF-8 occurs, and whether the start is binary (<see cref="TextDecoding.BinaryReason"/>).</summary>
    private static ScanResult Scan(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[ChunkSize + 4];
        var n = stream.ReadAtLeast(buffer.AsSpan(0, ChunkSize), ChunkSize, throwOnEndOfStream: false);
        if (TextDecoding.Utf16Encoding(buffer.AsSpan(0, n)) is { } utf16)
        {
            var bomLength = TextDecoding.BomLength(buffer.AsSpan(0, n));
            stream.Position = bomLength;
            var (problem, line) = ScanWide(stream, buffer, utf16);
            return new ScanResult(utf16, bomLength, true, -1, line, -1, 0, 0, false, problem);
        }

        var bom = buffer.AsSpan(0, n).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var skip = bom ? 3 : 0;
        var binary = TextDecoding.BinaryReason(buffer.AsSpan(skip, n - skip));
        var carry = 0;
        long offset = 0;
        long lines = 1;
        long nul = -1, nulLine = 0, invalid = -1, invalidLine = 0;
        byte invalidByte = 0;
        var multibyte = false;
        while (true)
        {
            // buffer[0..carry) is an incomplete sequence held back from the chunk before; n bytes follow it.
            var eof = n == 0;
            var span = buffer.AsSpan(skip, carry + n - skip);
            var part = eof ? span.Length : CompleteLength(span);
            var piece = span[..part];
            if (nul < 0 && piece.IndexOf((byte)0) is var z and >= 0)
            {
                nul = offset + skip + z;
                nulLine = lines + piece[..z].Count((byte)'\n');
            }

            if (piece.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
            {
                if (invalid < 0 && TextDecoding.FirstInvalidUtf8(piece) is var bad and >= 0)
                {
                    invalid = offset + skip + bad;
                    invalidByte = piece[bad];
                    invalidLine = lines + piece[..bad].Count((byte)'\n');
                }

                multibyte = multibyte || TextDecoding.HasMultibyteUtf8(piece);
            }

            lines += piece.Count((byte)'\n');
            if (eof)
            {
                break;
            }

            span[part..].CopyTo(buffer);
            offset += skip + part;
            carry = span.Length - part;
            skip = 0;
            n = stream.ReadAtLeast(buffer.AsSpan(carry, ChunkSize), ChunkSize, throwOnEndOfStream: false);
        }

        return new ScanResult(null, 0, bom, nul, nulLine, invalid, invalidByte, invalidLine, multibyte, binary);
    }

    /// <summary>
    /// One pass over a UTF-16 or UTF-32 file after its BOM: its first problem as <see cref="TextDecoding.CheckWide"/>
    /// finds it for a whole file (an unpaired surrogate, a value that is no character, a NUL character), with its line.
    /// </summary>
    private static (string? Problem, long Line) ScanWide(Stream stream, byte[] buffer, Encoding wide)
    {
        long line = 1;
        var high = false;
        int n;
        while ((n = stream.ReadAtLeast(buffer.AsSpan(0, ChunkSize), ChunkSize, throwOnEndOfStream: false)) > 0)
        {
            // ChunkSize is a multiple of 4, so only the last chunk may end inside a code unit (a cut file: CheckWide says so).
            var last = n < ChunkSize;
            if (TextDecoding.CheckWide(buffer.AsSpan(0, n), wide, last, ref high, ref line) is { } problem)
            {
                return (problem, line);
            }

            if (last)
            {
                break;
            }
        }

        return (high ? TextDecoding.CheckWide([], wide, true, ref high, ref line) : null, line);
    }

    /// <summary>The length of <paramref name="bytes"/> without an incomplete UTF-8 sequence at its end (at most 3 bytes are held back).</summary>
    internal static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= 3 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if (b < 0x80)
            {
                return bytes.Length;
            }

            if (b >= 0xC0)
            {
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return needed > back ? bytes.Length - back : bytes.Length;
            }
        }

        return bytes.Length;
    }

    /// <summary>Reads a stream byte by byte as Windows-1252 (<see cref="TextDecoding.Windows1252"/>'s table).</summary>
    private sealed class Windows1252Reader(Stream stream) : TextReader
    {
        private readonly byte[] _bytes = new byte[1 << 16];
        private int _at;
        private int _length;

        public override int Peek() => Fill() ? TextDecoding.Windows1252(_bytes.AsSpan(_at, 1))[0] : -1;

        public override int Read() => Fill() ? TextDecoding.Windows1252(_bytes.AsSpan(_at++, 1))[0] : -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (buffer.IsEmpty || !Fill())
            {
                return 0;
            }

            var n = Math.Min(buffer.Length, _length - _at);
            TextDecoding.Windows1252(_bytes.AsSpan(_at, n)).AsSpan().CopyTo(buffer);
            _at += n;
            return n;
        }

        private bool Fill()
        {
            if (_at < _length)
            {
                return true;
            }

            _length = stream.Read(_bytes, 0, _bytes.Length);
            _at = 0;
            return _length > 0;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                stream.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
