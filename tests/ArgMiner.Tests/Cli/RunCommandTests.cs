using System.Text;
using System.Text.Json;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

public class RunCommandTests
{
    [Fact]
    public void GivenTheSeedArticles_WhenRun_ThenEveryOutputIsWrittenWithTheDocumentedColumns()
    {
        using var dir = new TempDirectory();
        var (exit, stdout, stderr) = Support.Cli.Run("run", Repository.Articles, "--out", dir.Path, "--jobs", "2");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("2 documents", stdout, StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFdoc_id,source,title,sentences,comments\r\n", Encoding.UTF8.GetString(File.ReadAllBytes(dir.File("documents.csv"))), StringComparison.Ordinal);
        Assert.StartsWith("\uFEFFdoc_id,sentence_id,section,paragraph,comment,start,end,text", Encoding.UTF8.GetString(File.ReadAllBytes(dir.File("sentences.csv"))), StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(dir.File("documents.jsonl")).Length);
    }

    [Theory]
    [InlineData("Hello\n", "argminer: 1 document, 1 sentence, 1 token in ")]
    [InlineData("Hello there.\n\nGood bye.\n", "argminer: 1 document, 2 sentences, 6 tokens in ")]
    public void GivenOneDocument_WhenRun_ThenTheSummaryLineCountsInTheSingularWhereItIsOne(string text, string expected)
    {
        // The line said "1 documents, 1 sentences, 1 tokens".
        using var dir = new TempDirectory();
        var input = dir.Write("one.txt", text);
        var (exit, stdout, stderr) = Support.Cli.Run("run", input, "--out", dir.File("out"), "--format", "csv");
        Assert.True(exit == 0, stderr);
        Assert.StartsWith(expected, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenDocumentsJsonl_WhenSlicingTextByCodePoints_ThenEverySpanGivesItsText()
    {
        using var dir = new TempDirectory();
        dir.Write("in/e.txt", "Emoji 🖤 title\nBody with 😀 emoji and U.S. text. Another one here.\n\n\nnice 🖤\n");
        Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"));
        foreach (var line in File.ReadLines(dir.File("out/documents.jsonl")))
        {
            using var json = JsonDocument.Parse(line);
            var text = json.RootElement.GetProperty("text").GetString()!;
            var codePoints = text.EnumerateRunes().Select(r => r.ToString()).ToArray();
            string Slice(JsonElement e) => string.Concat(codePoints[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]);
            foreach (var sentence in json.RootElement.GetProperty("sentences").EnumerateArray())
            {
                var s = Slice(sentence);
                Assert.Equal(s.Trim(), s);
                foreach (var token in sentence.GetProperty("tokens").EnumerateArray())
                {
                    Assert.Contains(Slice(token), s, StringComparison.Ordinal);
                }
            }

            Assert.Contains(json.RootElement.GetProperty("sentences").EnumerateArray(), s => Slice(s) == "nice 🖤");
        }
    }

    [Fact]
    public void GivenAnyNumberOfJobs_WhenRun_ThenOutputsAreByteIdentical()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 40; i++)
        {
            dir.Write($"in/doc{i:00}.txt", $"Title {i}\nParagraph {i} has a sentence. And another {i * 7} one!\n\n\ncomment {i}\n");
        }

        dir.Write("in/records.jsonl", string.Join('\n', Enumerable.Range(0, 30).Select(i => $"{{\"id\":\"r{i}\",\"body\":\"Record {i}. Ends here.\"}}")));
        Support.Cli.Run("run", dir.File("in"), "--out", dir.File("one"), "--jobs", "1");
        Support.Cli.Run("run", dir.File("in"), "--out", dir.File("four"), "--jobs", "4");
        foreach (var name in new[] { "documents.csv", "sentences.csv", "documents.jsonl" })
        {
            Assert.Equal(File.ReadAllBytes(dir.File("one/" + name)), File.ReadAllBytes(dir.File("four/" + name)));
        }
    }

    [Fact]
    public void GivenBadInputsAmongGoodOnes_WhenRun_ThenEachGetsOneErrorLineAndTheRestIsWritten()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a_good.txt", "A good article. It has two sentences.");
        // Damaged UTF-8 (a valid "é" and a broken sequence) is an error; bytes that are only Windows-1252 are read.
        dir.WriteBytes("in/b_bad_utf8.txt", [0x41, 0xC3, 0xA9, 0x0A, 0xC3, 0x28]);
        dir.WriteBytes("in/c_binary.txt", [0x00, 0x01, 0x02]);
        dir.Write("in/d_empty.txt", string.Empty);
        dir.Write("in/e_records.jsonl", "{\"id\":\"ok\",\"body\":\"Fine.\"}\n{\"id\":\"broken\",\n");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"));
        Assert.Equal(1, exit);
        var errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, errors.Length);
        Assert.Contains(errors, e => e.Contains("b_bad_utf8.txt:2: not valid UTF-8", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("c_binary.txt:1: binary", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("d_empty.txt: empty file", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("e_records.jsonl:2: not valid JSON", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        var docs = File.ReadAllLines(dir.File("out/documents.csv"));
        Assert.Equal(3, docs.Length); // header + a_good + ok
        // No hidden leftovers: the one hidden file is the manifest naming the output set.
        Assert.Equal([".argminer-output"], Directory.GetFiles(dir.File("out"), ".*").Select(Path.GetFileName));
    }

    [ProgramFact("mkfifo")]
    public async Task GivenANamedPipeInAnInputFolder_WhenRun_ThenItIsSkippedWithOneLineInsteadOfWaitingForAWriter()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a_good.txt", "A good article. It has two sentences.");
        Directory.CreateDirectory(dir.File("in"));
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", dir.File("in/b_pipe.txt")))
        {
            mkfifo.WaitForExit();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Opening the pipe would wait for a writer for good: the run is given a minute before the test fails.
        var run = Task.Run(() => Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv"));
        var (exit, _, stderr) = await run.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(1, exit);
        Assert.Contains("b_pipe.txt: empty file, skipped", stderr, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(dir.File("out/documents.csv")).Length); // header + a_good
    }

    [PathFact("/dev/zero")]
    public async Task GivenALinkToADeviceInAnInputFolder_WhenRun_ThenItIsSkippedWithOneLineInsteadOfBeingRead()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a_good.txt", "A good article. It has two sentences.");
        File.CreateSymbolicLink(dir.File("in/b_zero.txt"), "/dev/zero");

        // The link's own size is that of "/dev/zero": it was opened and read without end (out of memory).
        var run = Task.Run(() => Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv"));
        var (exit, _, stderr) = await run.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(1, exit);
        Assert.Contains("b_zero.txt: empty file, skipped", stderr, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(dir.File("out/documents.csv")).Length); // header + a_good
    }

    [Theory]
    [InlineData("run")]
    [InlineData("run", "x.txt")]
    [InlineData("run", "x.txt", "--out", "o", "--format", "xml")]
    [InlineData("run", "x.txt", "--out", "o", "--jobs", "0")]
    [InlineData("frobnicate")]
    public void GivenAUsageError_WhenRun_ThenTheExitCodeIs2(params string[] args)
    {
        var (exit, _, stderr) = Support.Cli.Run(args);
        Assert.Equal(2, exit);
        Assert.StartsWith("argminer: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenOnlyCsv_WhenRun_ThenNoJsonIsWritten()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Some text here.");
        Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv");
        Assert.True(File.Exists(dir.File("out/sentences.csv")));
        Assert.False(File.Exists(dir.File("out/documents.jsonl")));
    }

    [Fact]
    public void GivenAWindows1252File_WhenRun_ThenItIsReadWithOneWarningAndExit0()
    {
        using var dir = new TempDirectory();
        var bytes = Encoding.ASCII.GetBytes("The fare rose to ?5 this year. Riders were not told.");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xA3;
        dir.WriteBytes("in/bbc.txt", bytes);
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"));
        Assert.Equal(0, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("argminer: warning: ", line, StringComparison.Ordinal);
        Assert.Contains("bbc.txt", line, StringComparison.Ordinal);
        Assert.Contains("£5", File.ReadAllText(dir.File("out/sentences.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenEncodingUtf8IsInsistedOn_WhenAFileIsWindows1252_ThenItIsSkippedWithItsError()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("in/bbc.txt", [.. Encoding.ASCII.GetBytes("Costs "), 0xA3, .. Encoding.ASCII.GetBytes("5.")]);
        dir.Write("in/ok.txt", "Fine text.");
        var (exit, _, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--encoding", "utf-8");
        Assert.Equal(1, exit);
        Assert.Contains("bbc.txt:1: not valid UTF-8", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenEveryFormatAndABadFile_WhenRun_ThenEachOutputIsWrittenAndNoSpoolOrPartialFileIsLeft()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "Prices rose by 5 percent in Ohio. We must act.");
        dir.WriteBytes("in/b.txt", [0x00, 0x01, 0x02]);
        var (exit, stdout, _) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "csv,jsonl,xlsx,html");
        Assert.Equal(1, exit);
        var files = Directory.GetFiles(dir.File("out")).Select(Path.GetFileName).ToList();
        Assert.Equal(
            ["argminer.xlsx", "documents.csv", "documents.jsonl", "entities.csv", "numbers.csv", "report.html", "sentences.csv"],
            files.Where(f => !f!.StartsWith('.')).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(files, f => f!.EndsWith(".spool", StringComparison.Ordinal) || f.EndsWith(".partial", StringComparison.Ordinal));
        Assert.Contains("argminer.xlsx", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenASubfolderThatCannotBeRead_WhenRun_ThenItIsNamedAsSkippedAndTheRunExitsOne()
    {
        // Root reads any folder, so as root the run is made as the unprivileged user 'nobody' (setpriv, util-linux).
        var root = Environment.UserName == "root";
        if (OperatingSystem.IsWindows() || (root && ExternalProgram.Find("setpriv") is null))
        {
            return;
        }

        using var dir = new TempDirectory();
        dir.Write("in/a/x.txt", "Taxes rose by 5 percent in 2020.");
        dir.Write("in/b/y.txt", "Taxes fell by 5 percent in 2021.");
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0b111_111_111);
        File.SetUnixFileMode(dir.File("in/b"), UnixFileMode.None);
        var user = root ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : string.Empty;
        var (exit, err) = ChildRun.Run($"{user}\"$ARGMINER\" run '{dir.File("in")}' --out '{dir.File("out")}'", new Dictionary<string, string> { ["HOME"] = dir.Path });
        File.SetUnixFileMode(dir.File("in/b"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(1, exit);
        Assert.Contains($"argminer: {dir.File("in")}/b: folder cannot be read (", err, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(dir.File("out/documents.csv")).Length);
    }
}
