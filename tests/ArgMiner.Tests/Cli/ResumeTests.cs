using ArgMiner.Cli.Commands;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Pipeline;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

/// <summary>
/// <c>run --resume</c> in-process: a run is interrupted (as Ctrl-C does) when it meets a second file that warns, so the
/// interruption falls mid-batch at a known place; the checkpoint it leaves is continued, or refused when the
/// inputs changed since. The documents are long enough (<see cref="Filler"/>) that a batch takes several windows: an
/// interruption drops the windows not yet written (session 37), so the ones before it are what a checkpoint holds.
/// </summary>
public class ResumeTests
{
    /// <summary>About 20,000 characters: 14 such documents fill a window of one job (256 K characters).</summary>
    private static readonly string Filler = string.Concat(Enumerable.Repeat("Filler words follow here. ", 770));

    private static string Inputs(TempDirectory dir)
    {
        for (var i = 0; i < 60; i++)
        {
            dir.Write($"in/doc{i:00}.txt", $"Title {i}\nParagraph {i} has a sentence. And another {i * 7} one!\n\n{Filler}\n");
        }

        // Two Windows-1252 files: the second one's warning is the signal to interrupt.
        dir.WriteBytes("in/doc10.txt", [.. "The fare rose to "u8, 0xA3, .. "5 this year."u8]);
        dir.WriteBytes("in/doc30.txt", [.. "The fare rose to "u8, 0xA3, .. "6 this year."u8]);
        return dir.File("in");
    }

    [Fact]
    public void GivenARunInterruptedInsideAJsonLinesFile_WhenResumed_ThenTheRecordsDoneAreNotProcessedAgainAndTheFilesEqualAnUninterruptedRun()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("in/a.txt", [.. "The fare rose to "u8, 0xA3, .. "5 this year."u8]);
        var records = Enumerable.Range(0, 60).Select(i => i == 30
            ? [.. "{\"id\":\"x\",\"body\":\"Costs "u8, 0xA3, .. "5 now.\"}\n"u8]
            : System.Text.Encoding.UTF8.GetBytes($"{{\"body\":\"Record {i} has one sentence. And another. {Filler}\"}}\n"));
        dir.WriteBytes("in/b.jsonl", [.. records.SelectMany(r => r)]);
        var input = dir.File("in");
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--pipeline", "text", "--jobs", "1");

        Assert.Equal(130, Interrupted(input, dir.File("out")).Exit);
        var (exit, err) = Resumed(input, dir.File("out"));
        Assert.True(exit == 0, err);
        // a.txt and records 0 to 13, the first window: stopped inside b.jsonl, while reading record 30 (the third window).
        Assert.Contains("resuming after 15 documents", err, StringComparison.Ordinal);
        OutputFolders.AssertSame(dir.File("single"), dir.File("out"));
    }

    private static RunSettings Settings(string input, string outDir) =>
        new([input], outDir, OutputFormats.Csv | OutputFormats.JsonLines, 1, null, TextOnly: true, TextEncodingChoice.Auto, Resume: true, CheckpointEvery: 5);

    /// <summary>Runs with --resume, interrupted when the first warning is printed.</summary>
    private static (int Exit, string Err) Interrupted(string input, string outDir)
    {
        using var interrupt = new CancellationTokenSource();
        var stderr = new InterruptingWriter(interrupt);
        var exit = CheckpointedRun.Run(Settings(input, outDir), TextPipeline.CreateDefault(), new StringWriter(), stderr, interrupt.Token);
        return (exit, stderr.ToString());
    }

    private static (int Exit, string Err) Resumed(string input, string outDir)
    {
        var stderr = new StringWriter();
        var exit = CheckpointedRun.Run(Settings(input, outDir), TextPipeline.CreateDefault(), new StringWriter(), stderr, CancellationToken.None);
        return (exit, stderr.ToString());
    }

    [Fact]
    public void GivenAnInterruptedRun_WhenResumed_ThenItReadsOnAfterTheCheckpointAndTheFilesEqualAnUninterruptedRun()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--pipeline", "text", "--jobs", "1");

        var (stopped, stopErr) = Interrupted(input, dir.File("out"));
        Assert.Equal(130, stopped);
        Assert.Contains("--resume to continue", stopErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")));

        // The files were being written alongside the stages; an interruption leaves none of them behind, only
        // what the resumed run needs.
        var staged = Directory.GetFiles(dir.File(".out.partial")).Select(Path.GetFileName).Where(n => n != ".lock").Order(StringComparer.Ordinal);
        Assert.Equal([ShardState.CheckpointName, DocumentRecords.FileName], staged);

        var (exit, err) = Resumed(input, dir.File("out"));
        Assert.True(exit == 0, err);
        var line = err.Split('\n').Single(l => l.Contains("resuming after", StringComparison.Ordinal));
        Assert.DoesNotContain("resuming after 0 documents", line, StringComparison.Ordinal);
        // Files done before the checkpoint are not read again (doc10's warning is not repeated); doc30, read
        // when the interruption came and not processed, is.
        Assert.Contains("doc10.txt", stopErr, StringComparison.Ordinal);
        Assert.DoesNotContain("doc10.txt", err, StringComparison.Ordinal);
        Assert.Contains("doc30.txt", err, StringComparison.Ordinal);
        OutputFolders.AssertSame(dir.File("single"), dir.File("out"));
    }

    [Fact]
    public void GivenAnInterruptedRunWhoseInputsChanged_WhenResumed_ThenItStartsOverAndTheFilesEqualARunOfTheNewInputs()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Assert.Equal(130, Interrupted(input, dir.File("out")).Exit);
        dir.Write("in/doc05.txt", "Changed after the interruption. A longer text now.");
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--pipeline", "text", "--jobs", "1");

        var (exit, err) = Resumed(input, dir.File("out"));
        Assert.True(exit == 0, err);
        Assert.Contains("the interrupted run had other inputs, settings, model or version; starting over", err, StringComparison.Ordinal);
        OutputFolders.AssertSame(dir.File("single"), dir.File("out"));
    }

    [Fact]
    public void GivenAnInterruptedRunWhoseRecordsWereDamaged_WhenResumed_ThenItSaysSoInOneLineStartsOverAndTheFilesEqualAnUninterruptedRun()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--pipeline", "text", "--jobs", "1");
        Assert.Equal(130, Interrupted(input, dir.File("out")).Exit);

        // One byte of the stored documents flipped, inside what the checkpoint covers (a bad sector, a bit flip).
        var records = Path.Combine(dir.File(".out.partial"), DocumentRecords.FileName);
        var bytes = File.ReadAllBytes(records);
        bytes[bytes.Length / 2] ^= 0x20;
        File.WriteAllBytes(records, bytes);

        var (exit, err) = Resumed(input, dir.File("out"));
        Assert.True(exit == 0, err);
        var line = Assert.Single(err.Split('\n'), l => l.Contains("records are damaged", StringComparison.Ordinal));
        Assert.Contains("starting over", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
        OutputFolders.AssertSame(dir.File("single"), dir.File("out"));
    }

    [Theory]
    [InlineData("resume_file", -5)]
    [InlineData("resume_file", 99999)]
    [InlineData("resume_file_items", -3)]
    [InlineData("records_bytes", -1)]
    [InlineData("documents", -1)]
    [InlineData("items", -1)]
    public void GivenACheckpointWithACountOutOfRange_WhenResumed_ThenItSaysSoInOneLineStartsOverAndTheFilesEqualAnUninterruptedRun(string field, long value)
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--pipeline", "text", "--jobs", "1");
        Assert.Equal(130, Interrupted(input, dir.File("out")).Exit);
        var checkpoint = Path.Combine(dir.File(".out.partial"), ShardState.CheckpointName);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(checkpoint))!;
        Assert.NotNull(json[field]);
        json[field] = value;
        File.WriteAllText(checkpoint, json.ToJsonString());

        var (exit, err) = Resumed(input, dir.File("out"));

        Assert.True(exit == 0, err);
        var line = Assert.Single(err.Split('\n'), l => l.Contains("checkpoint", StringComparison.Ordinal));
        Assert.Contains("is damaged (a count out of range); starting over", line, StringComparison.Ordinal);
        OutputFolders.AssertSame(dir.File("single"), dir.File("out"));
    }

    [Theory]
    [InlineData("x", 1, "not valid JSON at column 1")]
    [InlineData("", 1, "empty")]
    [InlineData("{\n  \"layout\": 1,\n  oops\n}", 3, "not valid JSON at column 3")]
    [InlineData("{\n  \"layout\": 1,\n  \"tool\": 5\n}", 3, "\"tool\" holds a value of the wrong kind")]
    public void GivenACheckpointThatIsNotItsJson_WhenResumed_ThenOneLineNamesItsFileAndLineInArgMinersWordsAndTheRunStartsOver(string content, int line, string damage)
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--pipeline", "text", "--jobs", "1");
        Assert.Equal(130, Interrupted(input, dir.File("out")).Exit);
        var checkpoint = Path.Combine(dir.File(".out.partial"), ShardState.CheckpointName);
        File.WriteAllText(checkpoint, content);

        var (exit, err) = Resumed(input, dir.File("out"));

        // .NET's words ("'x' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.") until session 35.
        Assert.True(exit == 0, err);
        var said = Assert.Single(err.Split('\n'), l => l.Contains("checkpoint", StringComparison.Ordinal));
        Assert.Equal($"argminer: {checkpoint}:{line}: the checkpoint of the interrupted run is damaged ({damage}); starting over from the first document", said.TrimEnd('\r'));
        OutputFolders.AssertSame(dir.File("single"), dir.File("out"));
    }

    /// <summary>Standard error that requests the interruption when the second warning is written.</summary>
    private sealed class InterruptingWriter(CancellationTokenSource interrupt) : StringWriter
    {
        private int _warnings;

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (value?.Contains("warning", StringComparison.Ordinal) == true && ++_warnings == 2)
            {
                interrupt.Cancel();
            }
        }
    }
}
