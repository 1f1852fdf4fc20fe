using System.Text;

namespace ArgMiner.Ingest;

/// <summary>Strict UTF-8 decoding that says where the bytes go wrong, instead of inventing U+FFFD.</summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Decodes <paramref name="bytes"/> (a leading BOM is dropped). Returns null and a reason when the bytes
    /// are not text: a NUL byte (binary) or invalid UTF-8; <paramref name="line"/> is then the 1-based line
    /// of the first bad byte.
    /// </summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes, out string? problem, out long line)
    {
        problem = null;
        line = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            problem = "binary file (contains NUL bytes), skipped";
            line = LineOf(bytes, nul);
            return null;
        }

        var invalid = FirstInvalidUtf8(bytes);
        if (invalid >= 0)
        {
            problem = $"not valid UTF-8 (bad byte 0x{bytes[invalid]:X2} at byte {invalid}), skipped";
            line = LineOf(bytes, invalid);
            return null;
        }

        return Strict.GetString(bytes);
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

    private static long LineOf(ReadOnlySpan<byte> bytes, int index) => bytes[..index].Count((byte)'\n') + 1;
}
