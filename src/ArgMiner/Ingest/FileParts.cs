namespace ArgMiner.Ingest;

/// <summary>
/// A byte range <c>[Start, End)</c> of an input file: the part of a large JSON Lines file that one shard reads.
/// The part holds the lines that start inside the range, so consecutive ranges share out a file's lines,
/// each line to exactly one part, wherever the range ends fall.
/// </summary>
/// <param name="Start">The first byte.</param>
/// <param name="End">One past the last byte.</param>
public readonly record struct ByteRange(long Start, long End)
{
    /// <summary>The whole file, however long.</summary>
    public static ByteRange Whole { get; } = new(0, long.MaxValue);

    /// <summary>Whether the range is the whole file.</summary>
    public bool IsWhole => Start <= 0 && End == long.MaxValue;
}

/// <summary>Finds where lines start in a file, for reading a <see cref="ByteRange"/> of it line by line.</summary>
public static class FileParts
{
    /// <summary>
    /// The offset of the first line that starts at or after <paramref name="offset"/> (the file's length when
    /// none does), and that line's 1-based number when <paramref name="countLines"/> (else 0).
    /// </summary>
    public static (long Start, long Line) LineStart(Stream stream, long offset, bool countLines)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (offset <= 0)
        {
            return (0, 1);
        }

        var length = stream.Length;
        if (offset > length)
        {
            offset = length;
        }

        // A line starts at offset when the byte before it ends a line; else after the next line end.
        long lines = 0;
        var buffer = new byte[1 << 16];
        stream.Position = countLines ? 0 : offset - 1;
        var position = stream.Position;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++, position++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                lines++;
                if (position >= offset - 1)
                {
                    return (position + 1, countLines ? lines + 1 : 0);
                }
            }
        }

        return (length, countLines ? lines + 1 : 0);
    }
}

/// <summary>
/// A stream read once from start to end, over an inner one it owns: the members a forward-only reader does not
/// have, in one place for <see cref="BoundedStream"/> and <see cref="PrefixedStream"/>.
/// </summary>
internal abstract class ForwardReadStream(Stream inner) : Stream
{
    /// <summary>The stream read from, disposed with this one.</summary>
    protected Stream Inner { get; } = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A read-only view of <c>length</c> bytes of a stream from its current position.</summary>
internal sealed class BoundedStream(Stream inner, long length) : ForwardReadStream(inner)
{
    private long _left = length;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_left <= 0)
        {
            return 0;
        }

        var read = Inner.Read(buffer, offset, (int)Math.Min(count, _left));
        _left -= read;
        return read;
    }
}

/// <summary>
/// <c>head</c>'s bytes, then the rest of <c>inner</c>: a stream that can be read only once (standard input), after its
/// first bytes were read to decide its format. Read-only, forward only; disposing it disposes <c>inner</c>.
/// </summary>
internal sealed class PrefixedStream(byte[] head, Stream inner) : ForwardReadStream(inner)
{
    private int _at;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_at < head.Length)
        {
            var n = Math.Min(count, head.Length - _at);
            Array.Copy(head, _at, buffer, offset, n);
            _at += n;
            return n;
        }

        return Inner.Read(buffer, offset, count);
    }
}
