using System.Text;
using ArgMiner.Ingest;

namespace ArgMiner.Tests.Ingest;

public sealed class LineLengthLimitTests
{
    /// <summary>Lines of every kind of end (LF, CR, CRLF, none at the end), some empty, none over the limit.</summary>
    private static string Lines(int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        string[] ends = ["\n", "\r", "\r\n"];
        for (var i = random.Next(0, 40); i > 0; i--)
        {
            text.Append('x', random.Next(0, 30)).Append(ends[random.Next(ends.Length)]);
        }

        return text.Append('y', random.Next(0, 5)).ToString();
    }

    private static string ReadInBlocks(TextReader reader, int block)
    {
        var text = new StringBuilder();
        var buffer = new char[block];
        int n;
        while ((n = reader.Read(buffer, 0, block)) > 0)
        {
            text.Append(buffer, 0, n);
        }

        return text.ToString();
    }

    private static List<string> ReadLines(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public void GivenLinesWithinTheLimit_WhenRead_ThenTheTextAndItsLinesAreThoseOfTheInput()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var text = Lines(seed);
            foreach (var block in new[] { 1, 3, 7, 64, 4096 })
            {
                Assert.Equal(text, ReadInBlocks(new LineLengthLimit(new StringReader(text), 30), block));
            }

            Assert.Equal(ReadLines(new StringReader(text)), ReadLines(new LineLengthLimit(new StringReader(text), 30)));
        }
    }

    [Fact]
    public void GivenALineOverTheLimit_WhenRead_ThenItIsCutToTheLimitAndReportedOnceWithItsNumberAndLength()
    {
        var cuts = new List<(long Line, long Length)>();
        var text = "short\r\n" + new string('a', 25) + "\nafter\r" + new string('b', 11) + "\r\nlast";
        using var reader = new LineLengthLimit(new StringReader(text), 10, (line, length) => cuts.Add((line, length)));

        Assert.Equal(["short", new string('a', 10), "after", new string('b', 10), "last"], ReadLines(reader));
        Assert.Equal([(2L, 25L), (4L, 11L)], cuts);
        Assert.Equal(2, reader.LinesCut);
    }

    [Fact]
    public void GivenALineLongerThanMemoryShouldHold_WhenRead_ThenOnlyTheLimitIsPassedOn()
    {
        // 200 million characters on one line, made as they are read: the reader keeps none of the cut part.
        var cuts = new List<(long Line, long Length)>();
        using var reader = new LineLengthLimit(new EndlessLine(200_000_000, "\nnext\n"), 1000, (line, length) => cuts.Add((line, length)));

        var text = ReadInBlocks(reader, 1 << 16);

        Assert.Equal(new string('z', 1000) + "\nnext\n", text);
        Assert.Equal([(1L, 200_000_000L)], cuts);
    }

    /// <summary>One line of <c>length</c> 'z's followed by <c>tail</c>, made as it is read.</summary>
    private sealed class EndlessLine(long length, string tail) : TextReader
    {
        private long _given;
        private int _tail;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_given < length)
            {
                var n = (int)Math.Min(count, length - _given);
                buffer.AsSpan(index, n).Fill('z');
                _given += n;
                return n;
            }

            var rest = Math.Min(count, tail.Length - _tail);
            tail.CopyTo(_tail, buffer, index, rest);
            _tail += rest;
            return rest;
        }
    }
}
