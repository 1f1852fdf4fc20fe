using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Ingest;

/// <summary>
/// Binary files without NUL bytes (random, compressed or encrypted data named .txt or .jsonl): one line naming the file,
/// and the rest of the batch read; a real file with an odd bad byte keeps its per-line error.
/// </summary>
public sealed class BinaryInputTests
{
    /// <summary><paramref name="length"/> random bytes from 1 to 255 (no NUL), the same for a seed.</summary>
    private static byte[] RandomBytes(int seed, int length)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = (byte)random.Next(1, 256);
        }

        return bytes;
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The rule restated: C0 controls but tab, LF, VT, FF, CR and ESC, and DEL, in the first 8 KB.</summary>
    private static int Controls(byte[] bytes) => bytes.Take(8192).Count(b => (b < 0x20 && b is not (9 or 10 or 11 or 12 or 13 or 0x1B)) || b == 0x7F);

    [Fact]
    public void GivenRandomBytesWithoutNulAsTxtAndJsonl_WhenRun_ThenEachFileGetsOneLineAndTheRestIsRead()
    {
        using var dir = new TempDirectory();
        var bytes = RandomBytes(35, 5000);
        Assert.DoesNotContain((byte)0, bytes);
        var controls = Controls(bytes);
        Assert.InRange(controls, 400, 600); // about one in ten
        dir.WriteBytes("in/random.jsonl", bytes);
        dir.WriteBytes("in/random.txt", bytes);
        dir.Write("in/real.txt", "A real article. It has two sentences.\n");

        var (exit, stdout, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"));

        // Until session 35 the .jsonl gave one line per "record" (9 here), and the .txt was "not valid UTF-8".
        Assert.Equal(1, exit);
        Assert.Equal(
            [
                $"argminer: {dir.File("in/random.jsonl")}:1: binary data ({controls} of its first 5000 bytes are control characters), not JSON Lines: file skipped",
                $"argminer: {dir.File("in/random.txt")}: binary file ({controls} of its first 5000 bytes are control characters), skipped",
            ],
            Lines(stderr));
        Assert.Contains("1 document,", stdout, StringComparison.Ordinal);
        Assert.Contains("2 skipped", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("windows-1252")]
    public void GivenRandomBytesWithNoUtf8SequenceAtAll_WhenRun_ThenTheFileIsSkippedNotReadAsWindows1252(string encoding)
    {
        // Bytes below 0xC0 never start a UTF-8 sequence, so the old rule read them as a Windows-1252 document of garbage.
        using var dir = new TempDirectory();
        var bytes = RandomBytes(7, 300).Select(b => (byte)(b % 0xC0 == 0 ? 1 : b % 0xC0)).ToArray();
        dir.WriteBytes("in/random.txt", bytes);

        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--encoding", encoding);

        Assert.Equal(1, exit);
        var line = Assert.Single(Lines(stderr), l => l.Contains("random.txt", StringComparison.Ordinal));
        Assert.Contains("random.txt: binary file (", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));
    }

    [Fact]
    public void GivenRealFilesWithOneOddByte_WhenRead_ThenTheyKeepTheirPerLineBehaviour()
    {
        using var dir = new TempDirectory();
        var good = Encoding.UTF8.GetBytes("{\"body\":\"One caf\u00e9.\"}\n");
        byte[] odd = [.. Encoding.UTF8.GetBytes("{\"body\":\"caf\u00e9"), 0xFF, .. "\"}\n"u8];
        dir.WriteBytes("in/records.jsonl", [.. good, .. odd, .. good]);
        var text = Encoding.UTF8.GetBytes("Caf\u00e9 title\nA first line.\nA second \u0001 line.\n").ToList();
        dir.WriteBytes("in/control.txt", [.. text]);
        var at = text.Count - 3;
        text.Insert(at, 0xFF);
        dir.WriteBytes("in/damaged.txt", [.. text]);

        var items = new InputEnumerator([dir.File("in")]).Read().ToList();

        Assert.Equal(
            [null, $"{dir.File("in/damaged.txt")}:3: not valid UTF-8 (bad byte 0xFF at byte {at}), skipped", null, $"{dir.File("in/records.jsonl")}:2: not valid UTF-8 (bad byte 0xFF), record skipped", null],
            items.Select(i => i.Error?.ToString()));
        Assert.Equal(3, items.Count(i => i.Document is not null));
    }

    [Fact]
    public void GivenRandomBytesWithoutNul_WhenOpenedAsAStream_ThenItIsABinaryFile()
    {
        using var dir = new TempDirectory();
        var bytes = RandomBytes(35, 5000);
        var path = dir.WriteBytes("random.txt", bytes);

        var ex = Assert.Throws<TextDecodingException>(() => TextStreams.Open(path, TextEncodingChoice.Auto, out _));

        Assert.Equal($"binary file ({Controls(bytes)} of its first 5000 bytes are control characters)", ex.Problem);
    }

    [Fact]
    public void GivenRandomBytesWithoutNul_WhenJudged_ThenTheyAreBinaryAndTextWithAFewControlsIsNot()
    {
        // About one random byte in ten is a control character; text holds three at most here, on any length.
        var binary = Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), Gen.Choose(1000, 9000).ToArbitrary(), (seed, length) =>
            TextDecoding.BinaryReason(RandomBytes(seed, length)) is not null);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), binary);

        var text = Prop.ForAll(
            Gen.Elements("Prices rose by 10 %.", "Caf\u00e9 \u00a3", "\t", "\r\n", "\f", "\u001b[1m", " ").ArrayOf().ToArbitrary(),
            Gen.Choose(1, 0x1F).ArrayOf().Select(a => a.Take(3).ToArray()).ToArbitrary(),
            (parts, controls) =>
                TextDecoding.BinaryReason([.. Encoding.UTF8.GetBytes(string.Concat(parts)), .. controls.Select(c => (byte)c)]) is null);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), text);
    }
}
