namespace ArgMiner.Ingest;

/// <summary>
/// Splits a byte stream into lines (LF, with any CR before it kept in the line) in one pass, holding one
/// line at a time, so a JSON Lines file of any length reads in flat memory and a line of megabytes in
/// linear time.
/// </summary>
public static class Utf8Lines
{
    /// <summary>Lines with their 1-based numbers. Each line's memory is valid until the next one is read.</summary>
    /// <param name="stream">The bytes.</param>
    /// <param name="firstNumber">The number of the stream's first line (a part of a file starts further on).</param>
    /// <param name="maxLength">The longest line held: a longer one is read through to its end without being kept, and
    /// comes as an empty line with <c>TooLong</c> set. A file of gigabytes without a line end (a JSON array on one line,
    /// zeros) was held whole until session 36: past 2 GB the process ran out of memory, deaf to Ctrl-C meanwhile.</param>
    public static IEnumerable<(long Number, ReadOnlyMemory<byte> Line, bool TooLong)> Read(Stream stream, long firstNumber = 1, long maxLength = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var chunk = new byte[64 * 1024];
        var line = new byte[4096];
        var length = 0;
        var tooLong = false;
        var number = firstNumber - 1;
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            var from = 0;
            while (from < read)
            {
                var nl = Array.IndexOf(chunk, (byte)'\n', from, read - from);
                var to = nl < 0 ? read : nl;
                var n = to - from;
                if (!tooLong && length + n > maxLength)
                {
                    tooLong = true;
                    length = 0;
                }

                if (!tooLong)
                {
                    if (length + n > line.Length)
                    {
                        Array.Resize(ref line, (int)Math.Min(Array.MaxLength, Math.Max(line.Length * 2L, length + n)));
                    }

                    Buffer.BlockCopy(chunk, from, line, length, n);
                    length += n;
                }

                from = to;
                if (nl >= 0)
                {
                    from = nl + 1;
                    yield return (++number, new ReadOnlyMemory<byte>(line, 0, length), tooLong);
                    length = 0;
                    tooLong = false;
                }
            }
        }

        if (length > 0 || tooLong)
        {
            yield return (++number, new ReadOnlyMemory<byte>(line, 0, length), tooLong);
        }
    }
}
