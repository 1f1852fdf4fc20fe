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
    public static IEnumerable<(long Number, ReadOnlyMemory<byte> Line)> Read(Stream stream, long firstNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var chunk = new byte[64 * 1024];
        var line = new byte[4096];
        var length = 0;
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
                if (length + n > line.Length)
                {
                    Array.Resize(ref line, Math.Max(line.Length * 2, length + n));
                }

                Buffer.BlockCopy(chunk, from, line, length, n);
                length += n;
                from = to;
                if (nl >= 0)
                {
                    from = nl + 1;
                    yield return (++number, new ReadOnlyMemory<byte>(line, 0, length));
                    length = 0;
                }
            }
        }

        if (length > 0)
        {
            yield return (++number, new ReadOnlyMemory<byte>(line, 0, length));
        }
    }
}
