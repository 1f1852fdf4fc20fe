namespace ArgMiner.Ingest;

/// <summary>
/// Passes a stream that can be read only once (standard input, a pipe) through unchanged while checking that it is
/// UTF-8, so the first bad byte is named with its line: a <see cref="TextDecodingException"/> carrying the 1-based line,
/// thrown by the read that reaches it. .NET's strict decoder says only that some byte was bad (until session 33,
/// <c>classify</c> named no line for standard input or a pipe). Hand-written because no stream in .NET or the packages
/// served here counts lines while it validates; the validation itself is .NET's (<see cref="TextDecoding.FirstInvalidUtf8"/>).
/// A stream that opens with a UTF-16 byte order mark is passed through unchecked, for the reader's own decoding.
/// </summary>
internal sealed class Utf8CheckingStream(Stream inner, string advice) : Stream
{
    private readonly byte[] _pending = new byte[3]; // an incomplete sequence held back from the bytes before
    private int _pendingCount;
    private long _lines = 1;
    private bool _started;
    private bool _unchecked;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        if (!_started && n > 0)
        {
            _started = true;
            _unchecked = n >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF));
        }

        if (!_unchecked)
        {
            Check(buffer[..n], atEnd: n == 0);
        }

        return n;
    }

    private void Check(ReadOnlySpan<byte> read, bool atEnd)
    {
        // The held-back bytes and what was read, as one span (a copy only when bytes were held back).
        var span = _pendingCount == 0 ? read : (ReadOnlySpan<byte>)[.. _pending.AsSpan(0, _pendingCount), .. read];
        var complete = atEnd ? span.Length : TextStreams.CompleteLength(span); // at the end a cut sequence is a bad byte
        var whole = span[..complete];
        if (TextDecoding.FirstInvalidUtf8(whole) is var bad and >= 0)
        {
            throw Invalid(whole, bad);
        }

        _lines += whole.Count((byte)'\n');
        span[complete..].CopyTo(_pending);
        _pendingCount = span.Length - complete;
    }

    private TextDecodingException Invalid(ReadOnlySpan<byte> bytes, int at)
    {
        var line = _lines + bytes[..at].Count((byte)'\n');
        return new TextDecodingException($"not valid UTF-8 (bad byte 0x{bytes[at]:X2}; {advice})", line);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
