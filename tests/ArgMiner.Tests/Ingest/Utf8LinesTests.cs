using System.Text;
using ArgMiner.Ingest;

namespace ArgMiner.Tests.Ingest;

public class Utf8LinesTests
{
    [Fact]
    public void GivenLinesAcrossChunks_WhenRead_ThenEachComesWholeWithItsNumber()
    {
        var text = "short\n" + new string('x', 200_000) + "\r\nlast";
        var lines = Utf8Lines.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), firstNumber: 5)
            .Select(l => (l.Number, Encoding.UTF8.GetString(l.Line.Span), l.TooLong)).ToList();
        Assert.Equal([(5, "short", false), (6, new string('x', 200_000) + "\r", false), (7, "last", false)], lines);
    }

    [Fact]
    public void GivenALineLongerThanTheLimit_WhenRead_ThenItComesEmptyAndTooLongWithoutBeingHeldAndTheNextLinesFollow()
    {
        // 3 GB of a JSON array on one line was held whole until session 36: past 2 GB "Out of memory.", the batch lost.
        // A stream that makes 64 MB on the fly stands in for it; the limit is 1 MB, so a line held whole would show.
        var stream = new CountingStream(64L << 20, "\n{\"id\":\"after\"}\ntail"u8.ToArray());
        var lines = new List<(long, string, bool)>();
        foreach (var (number, line, tooLong) in Utf8Lines.Read(stream, maxLength: 1 << 20))
        {
            lines.Add((number, Encoding.UTF8.GetString(line.Span), tooLong));
        }

        Assert.Equal([(1, string.Empty, true), (2, "{\"id\":\"after\"}", false), (3, "tail", false)], lines);
    }

    [Fact]
    public void GivenAFileThatEndsInsideATooLongLine_WhenRead_ThenThatLineStillComesAsTooLong()
    {
        var lines = Utf8Lines.Read(new MemoryStream(Encoding.UTF8.GetBytes("ok\n" + new string('y', 5000))), maxLength: 4096).ToList();
        Assert.Equal([false, true], lines.Select(l => l.TooLong));
        Assert.Equal(2, lines[1].Number);
    }

    /// <summary>A stream of <c>length</c> letters made as read, then <c>tail</c>: gigabytes of one line without the memory.</summary>
    internal sealed class CountingStream(long length, byte[] tail) : Stream
    {
        private long _position;

        public long BytesRead => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length + tail.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, Length - _position);
            for (var i = 0; i < n; i++, _position++)
            {
                buffer[offset + i] = _position < length ? (byte)'a' : tail[_position - length];
            }

            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
