using System.Text;

namespace ArgMiner.Ingest;

/// <summary>How input bytes are read as text (<c>--encoding</c>).</summary>
public enum TextEncodingChoice
{
    /// <summary>UTF-8 (or UTF-16 with a BOM); bytes that are not valid UTF-8 are read as Windows-1252, with a warning.</summary>
    Auto,

    /// <summary>UTF-8 only (or UTF-16 with a BOM): bytes that are not valid UTF-8 are an error.</summary>
    Utf8,

    /// <summary>Windows-1252, whatever the bytes (a UTF-8 or UTF-16 BOM still wins).</summary>
    Windows1252,
}

/// <summary>
/// The one rule every ArgMiner reader follows to turn bytes into text: a UTF-8 BOM is dropped; a UTF-16
/// BOM (either byte order) means UTF-16; NUL bytes otherwise, or control characters in a share no text holds at
/// the start (<see cref="BinaryReason"/>), mean a binary file; valid UTF-8 is UTF-8;
/// bytes that are not UTF-8 and hold no valid UTF-8 sequence at all are read as Windows-1252 (what Excel's
/// plain CSV and many news archives write; its five unassigned bytes as Latin-1) with one warning, unless the
/// user insists on UTF-8; damaged UTF-8 (valid sequences and bad bytes) is an error. Never invents U+FFFD.
/// </summary>
public static class TextDecoding
{
    private const string Skipped = ", skipped";

    /// <summary>
    /// A reason as a reader that skips nothing words it: <see cref="TryDecode(ReadOnlySpan{byte}, TextEncodingChoice, out string?, out long, out string?)"/>
    /// words its reasons for a batch, which skips the file and goes on ("…, skipped"); a training or evaluation file
    /// that cannot be read stops the command instead.
    /// </summary>
    public static string Alone(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.EndsWith(Skipped, StringComparison.Ordinal) ? problem[..^Skipped.Length] : problem;
    }

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Windows-1252 differs from Latin-1 only in 0x80-0x9F; the five bytes it leaves unassigned (0x81, 0x8D,
    // 0x8F, 0x90, 0x9D) keep their Latin-1 (C1 control) meaning, so every byte has a character. A table of
    // 32 is clearer than registering the framework's code-page provider, whose unassigned bytes become '?'.
    private static readonly string HighControls =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>Parses the <c>--encoding</c> option: <c>auto</c>, <c>utf-8</c> or <c>windows-1252</c> (also <c>latin-1</c>, <c>cp1252</c>).</summary>
    public static TextEncodingChoice? ParseChoice(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => TextEncodingChoice.Auto,
        "utf-8" or "utf8" => TextEncodingChoice.Utf8,
        "windows-1252" or "cp1252" or "latin-1" or "latin1" or "iso-8859-1" => TextEncodingChoice.Windows1252,
        _ => null,
    };

    /// <summary>Decodes strictly as UTF-8 (or UTF-16 with a BOM), as <see cref="TryDecode(ReadOnlySpan{byte}, TextEncodingChoice, out string?, out long, out string?)"/> with <see cref="TextEncodingChoice.Utf8"/>.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out string? problem, out long line) =>
        TryDecode(bytes, TextEncodingChoice.Utf8, out problem, out line, out _);

    /// <summary>
    /// Decodes <paramref name="bytes"/> (a leading BOM is dropped). Returns null and a reason when the bytes
    /// are not text: a NUL byte or a start of control characters (binary, <see cref="BinaryReason"/>) or, when UTF-8 is insisted on, invalid UTF-8; <paramref name="line"/>
    /// is then the 1-based line of the first bad byte. <paramref name="warning"/> says when the text was read
    /// as Windows-1252 because it was not valid UTF-8.
    /// </summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, TextEncodingChoice choice, out string? problem, out long line, out string? warning)
    {
        problem = null;
        warning = null;
        line = 0;
        if (Utf16Encoding(bytes) is { } wide)
        {
            // The byte check below cannot see a NUL character of UTF-16 or UTF-32 (its bytes hold NULs anyway): until
            // session 36 one reached sentences.csv, which train then refused as binary, as a raw NUL once did from JSON Lines.
            var high = false;
            line = 1;
            problem = CheckWide(bytes[BomLength(bytes)..], wide, last: true, ref high, ref line);
            if (problem is not null)
            {
                return null;
            }

            line = 0;
            return wide.GetString(bytes[BomLength(bytes)..]);
        }

        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (bom)
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            problem = NulProblem(bytes[..Math.Min(bytes.Length, 4096)]);
            line = LineOf(bytes, nul);
            return null;
        }

        // Random or compressed bytes without a NUL were "damaged UTF-8" at their first high byte, or, holding no valid
        // multibyte sequence (or with --encoding windows-1252), read as a Windows-1252 document of garbage, until session 35.
        if (BinaryReason(bytes) is { } binary)
        {
            problem = $"binary file ({binary}), skipped";
            return null;
        }

        if (choice == TextEncodingChoice.Windows1252 && !bom)
        {
            return Windows1252(bytes);
        }

        var invalid = FirstInvalidUtf8(bytes);
        if (invalid < 0)
        {
            return Strict.GetString(bytes);
        }

        line = LineOf(bytes, invalid);

        // Text that holds valid UTF-8 sequences besides the bad byte is damaged UTF-8, not Windows-1252:
        // reading it as Windows-1252 would garble every other accented letter.
        if (choice == TextEncodingChoice.Utf8 || bom || HasMultibyteUtf8(bytes))
        {
            problem = $"not valid UTF-8 (bad byte 0x{bytes[invalid]:X2} at byte {invalid}), skipped";
            return null;
        }

        warning = $"not valid UTF-8 (byte 0x{bytes[invalid]:X2} on line {line}), read as Windows-1252";
        return Windows1252(bytes);
    }

    /// <summary>
    /// What a file holding NUL bytes is, from its first bytes (<paramref name="head"/>): UTF-16 text saved without a
    /// byte-order mark (Windows' "Unicode" without one, some exports) has a NUL in every other byte while its text is
    /// Latin script, which it says, with what to do; anything else is a binary file. Until session 37 both were "binary
    /// file (contains NUL bytes)".
    /// </summary>
    public static string NulProblem(ReadOnlySpan<byte> head)
    {
        int even = 0, odd = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            even += head[i] == 0 ? 1 : 0;
            odd += head[i + 1] == 0 ? 1 : 0;
        }

        var pairs = head.Length / 2;
        var utf16 = pairs >= 4 && (Math.Max(even, odd) * 10 >= pairs * 9) && (Math.Min(even, odd) * 10 < pairs);
        return utf16
            ? $"UTF-16 text without a byte-order mark ({(odd > even ? "little" : "big")}-endian: every other byte is NUL), skipped; save it as UTF-8, or as UTF-16 with a BOM"
            : "binary file (contains NUL bytes), skipped";
    }

    /// <summary>
    /// Decodes bytes that start with a UTF-16 or UTF-32 BOM (<see cref="Utf16Encoding"/>), strictly, NUL characters
    /// included; null and a reason ("…, skipped") when they are not valid in that encoding, or start with no such BOM.
    /// </summary>
    public static string? TryDecodeWide(ReadOnlySpan<byte> bytes, out string? problem)
    {
        problem = null;
        var wide = Utf16Encoding(bytes);
        if (wide is null)
        {
            problem = "no UTF-16 or UTF-32 byte order mark, skipped";
            return null;
        }

        try
        {
            return wide.GetString(bytes[BomLength(bytes)..]);
        }
        catch (DecoderFallbackException)
        {
            problem = wide is UTF32Encoding ? "not valid UTF-32 (a value that is no character), skipped" : "not valid UTF-16 (an unpaired surrogate), skipped";
            return null;
        }
    }

    /// <summary>
    /// Checks UTF-16 or UTF-32 code units (after the BOM) in the encoding <see cref="Utf16Encoding"/> gave, a piece at a time: returns the first problem ("…, skipped": an
    /// unpaired surrogate, a value that is no character, a NUL character, a code unit cut short) or null, with
    /// <paramref name="line"/> counted on to the problem or the piece's end. <paramref name="high"/> carries a high surrogate
    /// from one piece to the next; every piece but the <paramref name="last"/> holds whole code units.
    /// </summary>
    public static string? CheckWide(ReadOnlySpan<byte> bytes, Encoding wide, bool last, ref bool high, ref long line)
    {
        ArgumentNullException.ThrowIfNull(wide);
        var utf32 = wide is UTF32Encoding;
        var bigEndian = wide.CodePage is 1201 or 12001; // UTF-16BE, UTF-32BE
        var unit = utf32 ? 4 : 2;
        var invalid = utf32 ? "not valid UTF-32 (a value that is no character), skipped" : "not valid UTF-16 (an unpaired surrogate), skipped";
        var whole = bytes.Length - (bytes.Length % unit);
        for (var i = 0; i < whole; i += unit)
        {
            var v = utf32
                ? bigEndian ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes[i..]) : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..])
                : bigEndian ? System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]) : System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[i..]);

            // A low surrogate must follow a high one and nothing else may; UTF-32 holds no surrogates at all.
            if (high != (v is >= 0xDC00 and <= 0xDFFF) || (utf32 && v is >= 0xD800 and <= 0xDFFF) || v > 0x10FFFF)
            {
                return invalid;
            }

            high = !utf32 && v is >= 0xD800 and <= 0xDBFF;
            if (v == 0)
            {
                return "binary file (contains NUL characters), skipped";
            }

            line += v == '\n' ? 1 : 0;
        }

        return last && (high || whole != bytes.Length) ? invalid : null;
    }

    /// <summary>How many bytes at the start of a file <see cref="BinaryReason"/> looks at.</summary>
    public const int BinaryProbeLength = 8192;

    /// <summary>
    /// Why the start of <paramref name="bytes"/> (its first <see cref="BinaryProbeLength"/> bytes, after any BOM) is binary
    /// data rather than text, in words, or null. Text in the encodings read here (UTF-8, Windows-1252) holds next to no C0
    /// control characters besides tab, the line ends, vertical tab, form feed and escape (coloured terminal output), and
    /// JSON none at all outside white space; random, compressed or encrypted bytes hold one in ten. So a share of one in
    /// twenty, and at least <see cref="MinBinaryControls"/> of them, is binary, while a real file with an odd bad byte
    /// is still read (or refused at that byte's line) as before. Bytes that are not UTF-8 are not counted: a file in a
    /// legacy 8-bit encoding is all of them, and is text.
    /// </summary>
    public static string? BinaryReason(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, BinaryProbeLength)];
        var controls = 0;
        foreach (var b in head)
        {
            if ((b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or 0x0B or 0x0C or (byte)'\r' or 0x1B)) || b == 0x7F)
            {
                controls++;
            }
        }

        return controls >= MinBinaryControls && controls * 20L > head.Length
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{controls} of its first {head.Length} bytes are control characters")
            : null;
    }

    /// <summary>The fewest control characters <see cref="BinaryReason"/> calls binary, so a few bad bytes in a tiny file are not.</summary>
    private const int MinBinaryControls = 4;

    /// <summary>
    /// The UTF-16 or UTF-32 encoding a BOM announces (strict), or null; <see cref="BomLength"/> bytes of BOM. UTF-32's
    /// little-endian BOM (FF FE 00 00) starts with UTF-16's, and was read as UTF-16 until session 36: every other character
    /// a NUL, written into the outputs (the big-endian one, 00 00 FE FF, was called binary). Two bytes (the most some
    /// callers look at) say "UTF-16" for both little-endian BOMs, enough to know the file is not read as UTF-8 bytes.
    /// </summary>
    public static Encoding? Utf16Encoding(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]) ? new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]) ? new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true)
        : null;

    /// <summary>How many bytes the BOM <see cref="Utf16Encoding"/> found takes: 4 for UTF-32, 2 for UTF-16 (0 without one).</summary>
    public static int BomLength(ReadOnlySpan<byte> bytes) =>
        Utf16Encoding(bytes) switch
        {
            UTF32Encoding => 4,
            null => 0,
            _ => 2,
        };

    /// <summary>Reads every byte as one Windows-1252 character (unassigned bytes as Latin-1).</summary>
    public static string Windows1252(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes.ToArray(), static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var b = source[i];
                chars[i] = b is >= 0x80 and <= 0x9F ? HighControls[b - 0x80] : (char)b;
            }
        });
    }

    /// <summary>The index of the first byte that is not part of valid UTF-8, or -1.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var i = 0;
        while (i < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += consumed;
        }

        return -1;
    }

    /// <summary>Whether <paramref name="bytes"/> hold at least one valid multibyte UTF-8 sequence.</summary>
    internal static bool HasMultibyteUtf8(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i] < 0x80)
            {
                i++;
                continue;
            }

            if (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
            {
                return true;
            }

            i += Math.Max(consumed, 1);
        }

        return false;
    }

    private static long LineOf(ReadOnlySpan<byte> bytes, int index) => bytes[..index].Count((byte)'\n') + 1;
}
