using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

public class ShardMergeTests
{
    private const string AllFormats = "csv,jsonl,xlsx,html,parquet";

    /// <summary>Inputs with ids that clash across files (so across shards), a bad file and JSON Lines records.</summary>
    private static string Inputs(TempDirectory dir)
    {
        for (var i = 0; i < 12; i++)
        {
            dir.Write($"in/doc{i:00}.txt", $"Title {i}\nPrices rose by {i * 3} percent in Ohio, said Dr. Smith. We must act now!\n\n\ncomment {i} 🖤\n");
        }

        dir.WriteBytes("in/doc05b.txt", [0x00, 0x01, 0x02]);
        dir.Write("in/records.jsonl", "{\"id\":\"doc01\",\"body\":\"Same id as a file. Unemployment fell to 3.5% in 2023.\"}\n{\"id\":\"r\",\"body\":\"One.\"}\n{\"id\":\"r\",\"body\":\"Two.\",\"extra\":{\"a\":[1,2]}}\n");
        return dir.File("in");
    }

    private static (int Exit, string Err) Shard(string input, string outDir, int k, int n, params string[] more)
    {
        var (exit, _, err) = Support.Cli.Run(["run", input, "--out", outDir, "--format", AllFormats, "--jobs", "2", "--shard", $"{k}/{n}", .. more]);
        return (exit, err);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(20)]
    public void GivenEveryShardOfABatch_WhenMerged_ThenEveryFormatIsByteIdenticalToASingleRun(int n)
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        var (singleExit, _, _) = Support.Cli.Run("run", input, "--out", dir.File("single"), "--format", AllFormats, "--jobs", "2");
        Assert.Equal(1, singleExit); // the binary file is skipped
        for (var k = 0; k < n; k++)
        {
            Shard(input, dir.File($"shard-{k}"), k, n);
        }

        // Any order of folders on the command line.
        var (exit, stdout, stderr) = Support.Cli.Run(["merge", .. Enumerable.Range(0, n).Reverse().Select(k => dir.File($"shard-{k}")), "--out", dir.File("merged")]);
        Assert.Equal(1, exit); // as the single run: one input was skipped
        Assert.Contains("doc05b.txt:1: binary", stderr, StringComparison.Ordinal);
        Assert.Contains("renamed 'doc01~2'", stderr, StringComparison.Ordinal);
        Assert.Contains("15 documents", stdout, StringComparison.Ordinal);
        OutputFolders.AssertSame(dir.File("single"), dir.File("merged"));
    }

    [Fact]
    public void GivenAShardWhoseRecordsWereLost_WhenRunAgainWithResume_ThenItRunsAgainAndTheMergeEqualsASingleRun()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--format", AllFormats, "--jobs", "2");
        Shard(input, dir.File("shard-0"), 0, 2);
        Shard(input, dir.File("shard-1"), 1, 2);
        File.Delete(Path.Combine(dir.File("shard-1"), "argminer-records.bin"));

        // merge says to run the shard again; a batch engine's retry (the same command with --resume) must not answer
        // that the shard is complete.
        var (refused, _, refusal) = Support.Cli.Run("merge", dir.File("shard-0"), dir.File("shard-1"), "--out", dir.File("merged"));
        Assert.Equal(1, refused);
        Assert.Contains("run that shard again", refusal, StringComparison.Ordinal);
        var (exit, err) = Shard(input, dir.File("shard-1"), 1, 2, "--resume");
        Assert.True(exit == 0, err);
        Assert.Contains("does not match its manifest; running the shard again", err, StringComparison.Ordinal);
        Assert.Equal(1, Support.Cli.Run("merge", dir.File("shard-0"), dir.File("shard-1"), "--out", dir.File("merged")).Exit); // one input skipped, as the single run
        OutputFolders.AssertSame(dir.File("single"), dir.File("merged"));

        // A whole shard is still left alone.
        var (again, stdout, _) = Support.Cli.Run("run", input, "--out", dir.File("shard-1"), "--format", AllFormats, "--jobs", "2", "--shard", "1/2", "--resume");
        Assert.Equal(0, again);
        Assert.Contains("already complete", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTwoShardsOfABatchGivenOneOutputFolder_WhenTheSecondRuns_ThenItIsRefusedAndTheFirstStays()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Assert.Equal(0, Shard(input, dir.File("shard"), 0, 2).Exit);
        var before = Directory.EnumerateFiles(dir.File("shard")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        foreach (var more in new[] { new[] { "--resume" }, [] })
        {
            var (exit, err) = Shard(input, dir.File("shard"), 1, 2, more);
            Assert.Equal(2, exit);
            Assert.Contains("holds shard 0/2 of this batch", err, StringComparison.Ordinal);
            Assert.Equal(before.Keys.Order(StringComparer.Ordinal), Directory.EnumerateFiles(dir.File("shard")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            Assert.All(before, f => Assert.Equal(f.Value, File.ReadAllBytes(dir.File("shard/" + f.Key))));
        }
    }

    [Fact]
    public void GivenShardsOfOneBatch_WhenEachIsRun_ThenEachHoldsItsShareAndAManifestWithItsOrderAndSkippedInputs()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        int documents = 0, skipped = 0;
        for (var k = 0; k < 3; k++)
        {
            // A written shard has done its task (exit 0, so an engine does not retry it), a skipped file and all.
            var (exit, err) = Shard(input, dir.File($"shard-{k}"), k, 3);
            Assert.True(exit == 0, err);
            var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(dir.File($"shard-{k}/argminer-shard.json"))).RootElement;
            Assert.Equal(k, manifest.GetProperty("shard").GetInt32());
            Assert.Equal(3, manifest.GetProperty("shards").GetInt32());
            var count = manifest.GetProperty("documents").GetInt32();
            Assert.Equal(count, manifest.GetProperty("order").EnumerateArray().Sum(o => o[1].GetInt32()));
            Assert.Equal(count + 1, File.ReadAllLines(dir.File($"shard-{k}/documents.csv")).Length);
            Assert.InRange(count, 4, 7);
            documents += count;
            skipped += manifest.GetProperty("skipped").GetArrayLength();
        }

        Assert.Equal(15, documents);
        Assert.Equal(1, skipped);
    }

    [Fact]
    public void GivenAMissingADuplicatedOrAnIncompleteShard_WhenMerged_ThenOneLineSaysWhichAndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        for (var k = 0; k < 3; k++)
        {
            Shard(input, dir.File($"shard-{k}"), k, 3);
        }

        AssertRefused(["merge", dir.File("shard-0"), dir.File("shard-2")], "shard 1/3 missing");
        AssertRefused(["merge", dir.File("shard-0"), dir.File("shard-1"), dir.File("shard-1"), dir.File("shard-2")], "shard 1/3 is given twice");

        // A shard whose run never finished has no manifest (its staging folder is not a shard either).
        File.Delete(dir.File("shard-1/argminer-shard.json"));
        AssertRefused(["merge", dir.File("shard-0"), dir.File("shard-1"), dir.File("shard-2")], "shard-1 is not a complete shard");

        // Records cut short after the manifest was written.
        Shard(input, dir.File("shard-1"), 1, 3);
        using (var records = new FileStream(dir.File("shard-2/argminer-records.bin"), FileMode.Open))
        {
            records.SetLength(records.Length - 1);
        }

        AssertRefused(["merge", dir.File("shard-0"), dir.File("shard-1"), dir.File("shard-2")], "shard-2 is incomplete");
        Assert.False(Directory.Exists(dir.File("merged")));

        void AssertRefused(string[] args, string message)
        {
            var (exit, _, stderr) = Support.Cli.Run([.. args, "--out", dir.File("merged")]);
            Assert.NotEqual(0, exit);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(message, line, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("\"order\":[", "\"order\":null,\"x\":[")]
    [InlineData("\"skipped\":[", "\"skipped\":[null,")]
    [InlineData("\"tool\":\"", "\"tool\":null,\"x\":\"")]
    public void GivenAManifestWithANullField_WhenMerged_ThenItIsRefusedAsDamagedInOneLine(string field, string replacement)
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Shard(input, dir.File("shard-0"), 0, 2);
        Shard(input, dir.File("shard-1"), 1, 2);
        var manifest = dir.File("shard-1/argminer-shard.json");
        var json = File.ReadAllText(manifest);
        Assert.Contains(field, json, StringComparison.Ordinal);
        File.WriteAllText(manifest, json.Replace(field, replacement, StringComparison.Ordinal));

        var (exit, _, stderr) = Support.Cli.Run("merge", dir.File("shard-0"), dir.File("shard-1"), "--out", dir.File("merged"));

        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"argminer-shard\.json(:[0-9]+)?: this shard's manifest is damaged \((""[a-z]+"" holds a value of the wrong kind|a skipped input is null|not valid JSON at column [0-9]+)\); run that shard again$", line);
        Assert.False(Directory.Exists(dir.File("merged")));
    }

    [Theory]
    [InlineData("x", 1, "not valid JSON at column 1")]
    [InlineData("", 1, "empty")]
    [InlineData("{\n  \"layout\": 1,\n  oops\n}", 3, "not valid JSON at column 3")]
    [InlineData("{\"layout\": 1, \"tool\": \"x\"}", 1, "a field ArgMiner writes is missing")]
    public void GivenAManifestThatIsNotItsJson_WhenMerged_ThenOneLineNamesItsFileAndLineInArgMinersWords(string content, int line, string damage)
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Shard(input, dir.File("shard-0"), 0, 2);
        Shard(input, dir.File("shard-1"), 1, 2);
        var manifest = dir.File("shard-1/argminer-shard.json");
        File.WriteAllText(manifest, content);

        var (exit, _, stderr) = Support.Cli.Run("merge", dir.File("shard-0"), dir.File("shard-1"), "--out", dir.File("merged"));

        // .NET's words ("'x' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.") until session 35.
        Assert.Equal(1, exit);
        Assert.Equal($"argminer: merge: {manifest}:{line}: this shard's manifest is damaged ({damage}); run that shard again", Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.False(Directory.Exists(dir.File("merged")));
    }

    [Fact]
    public void GivenRecordsHoldingFewerDocumentsThanTheManifestWithAMatchingHash_WhenMerged_ThenTheMergeIsRefused()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Shard(input, dir.File("shard-0"), 0, 2);
        Shard(input, dir.File("shard-1"), 1, 2);
        var records = dir.File("shard-1/argminer-records.bin");
        File.WriteAllBytes(records, []);
        var manifest = dir.File("shard-1/argminer-shard.json");
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(manifest))!;
        json["records_bytes"] = 0;
        json["records_sha256"] = ArgMiner.Output.ShardState.Sha256(records, 0);
        File.WriteAllText(manifest, json.ToJsonString());

        var (exit, _, stderr) = Support.Cli.Run("merge", dir.File("shard-0"), dir.File("shard-1"), "--out", dir.File("merged"));

        Assert.Equal(1, exit);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.Contains("doc05b.txt", StringComparison.Ordinal));
        Assert.Contains("holds 0 documents, and its manifest", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("merged")));
    }

    [Fact]
    public void GivenAFileWhereAShardFolderGoes_WhenMerged_ThenOneLineSaysItIsAFile()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("notes.txt", "not a shard");

        var (exit, _, stderr) = Support.Cli.Run("merge", file, "--out", dir.File("merged"));

        Assert.Equal(1, exit);
        Assert.Equal($"argminer: merge: {file} is a file, not a shard's folder; give the folders 'run --shard K/N' wrote", stderr.Trim());
    }

    [Fact]
    public void GivenShardsFromOtherInputsModelsOrSplits_WhenMerged_ThenTheMergeIsRefused()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Shard(input, dir.File("a0"), 0, 2);
        Shard(input, dir.File("a1"), 1, 2);
        Shard(input, dir.File("text1"), 1, 2, "--pipeline", "text");
        Shard(input, dir.File("three1"), 1, 3);
        dir.Write("in/doc99.txt", "A file added after shard 0 ran.");
        Shard(input, dir.File("later1"), 1, 2);

        Refused(dir, "a0", "text1", "used the model none (--pipeline text)");
        Refused(dir, "a0", "three1", "different splits of the batch");
        Refused(dir, "a0", "later1", "read different inputs");
        var (exit, _, _) = Support.Cli.Run("merge", dir.File("a0"), dir.File("a1"), "--out", dir.File("merged"));
        Assert.Equal(1, exit); // merged; the binary file was skipped, as in a single run
        Assert.True(File.Exists(dir.File("merged/sentences.parquet")));
    }

    private static void Refused(TempDirectory dir, string a, string b, string message)
    {
        var (exit, _, stderr) = Support.Cli.Run("merge", dir.File(a), dir.File(b), "--out", dir.File("merged-" + b));
        Assert.NotEqual(0, exit);
        Assert.Contains(message, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("merged-" + b)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void GivenOneLargeJsonLinesFile_WhenSharded_ThenItIsSharedOutByLinesAndTheMergeEqualsASingleRun(int n)
    {
        using var dir = new TempDirectory();
        var lines = Enumerable.Range(0, 200).Select(i => i switch
        {
            37 => "{\"id\":\"broken\",",
            38 => string.Empty,
            // Records without an id are named by their line number; a CRLF line end and a BOM mid-file are accepted.
            _ when i % 3 == 0 => $"{{\"body\":\"Record {i} says prices rose {i}% in 2023. We must act.\"}}\r",
            99 => "\uFEFF{\"id\":\"r9\",\"body\":\"A BOM on this line.\"}",
            _ => $"{{\"id\":\"r{i % 10}\",\"body\":\"Record {i}. Ends here.\",\"meta\":{{\"n\":{i}}}}}",
        });
        dir.Write("in/a.txt", "A small file before. It is one document.");
        dir.Write("in/b.jsonl", string.Join('\n', lines));
        dir.Write("in/c.txt", "A small file after.");
        Support.Cli.Run("run", dir.File("in"), "--out", dir.File("single"), "--format", "csv,jsonl,parquet", "--jobs", "1");
        var counts = new List<int>();
        for (var k = 0; k < n; k++)
        {
            Support.Cli.Run("run", dir.File("in"), "--out", dir.File($"shard-{k}"), "--format", "csv", "--shard", $"{k}/{n}");
            counts.Add(File.ReadAllLines(dir.File($"shard-{k}/documents.csv")).Length - 1);
        }

        // The one large file is shared out: every shard reads some of its records.
        Assert.All(counts, c => Assert.True(c >= 20, string.Join(", ", counts)));
        var (exit, _, stderr) = Support.Cli.Run(["merge", .. Enumerable.Range(0, n).Select(k => dir.File($"shard-{k}")), "--out", dir.File("merged"), "--format", "csv,jsonl,parquet"]);
        Assert.Equal(1, exit);
        Assert.Contains("b.jsonl:38: not valid JSON", stderr, StringComparison.Ordinal);
        OutputFolders.AssertSame(dir.File("single"), dir.File("merged"));
    }

    [Fact]
    public void GivenACommentsSetting_WhenShardsAreRunWithItAndMerged_ThenTheFilesEqualASingleRunWithItAndOtherSettingsAreRefused()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--format", "csv,jsonl", "--comments", "none");
        for (var k = 0; k < 2; k++)
        {
            Support.Cli.Run("run", input, "--out", dir.File($"shard-{k}"), "--format", "csv,jsonl", "--comments", "none", "--shard", $"{k}/2");
        }

        Support.Cli.Run("run", input, "--out", dir.File("auto-1"), "--format", "csv,jsonl", "--shard", "1/2");
        Support.Cli.Run("merge", dir.File("shard-0"), dir.File("shard-1"), "--out", dir.File("merged"));
        OutputFolders.AssertSame(dir.File("single"), dir.File("merged"));
        Refused(dir, "shard-0", "auto-1", "were run with different settings");
    }

    [Fact]
    public void GivenShardsRunWithCsvOnly_WhenMergedAsAWorkbook_ThenTheWorkbookIsASingleRunsWorkbook()
    {
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--format", "xlsx", "--jobs", "1");
        for (var k = 0; k < 2; k++)
        {
            Support.Cli.Run("run", input, "--out", dir.File($"shard-{k}"), "--format", "csv", "--shard", $"{k}/2");
        }

        Support.Cli.Run("merge", dir.File("shard-0"), dir.File("shard-1"), "--out", dir.File("merged"), "--format", "xlsx");
        OutputFolders.AssertSame(dir.File("single"), dir.File("merged"));
    }

    [Theory]
    [InlineData("--shard", "3/3")]
    [InlineData("--shard", "x")]
    [InlineData("--checkpoint-every", "0")]
    public void GivenABadShardOption_WhenRun_ThenItIsAUsageError(string option, string value)
    {
        using var dir = new TempDirectory();
        var (exit, _, stderr) = Support.Cli.Run("run", Repository.Articles, "--out", dir.File("o"), option, value);
        Assert.Equal(2, exit);
        Assert.StartsWith("argminer: " + option, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenStandardInput_WhenSharded_ThenItIsRefused()
    {
        using var dir = new TempDirectory();
        var (exit, _, stderr) = Support.Cli.Run("run", "-", "--out", dir.File("o"), "--shard", "0/2");
        Assert.Equal(2, exit);
        Assert.Contains("not standard input", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnInterrupt_WhenMerging_ThenNothingIsWrittenTheOldOutputsStayAndTheMergeSaysSo()
    {
        // A SIGTERM (or Ctrl-C) ended a merge at once, exit 143 and not a word, leaving the hidden .merged.partial.
        using var dir = new TempDirectory();
        var input = Inputs(dir);
        Shard(input, dir.File("shard-0"), 0, 2);
        Shard(input, dir.File("shard-1"), 1, 2);
        Support.Cli.Run("merge", dir.File("shard-0"), dir.File("shard-1"), "--out", dir.File("merged"), "--format", "csv");
        var before = Directory.EnumerateFiles(dir.File("merged")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        using var interrupt = new CancellationTokenSource();
        interrupt.Cancel();
        var stderr = new StringWriter();
        var exit = ArgMiner.Cli.Commands.MergeCommand.Execute(new([dir.File("shard-0"), dir.File("shard-1")], dir.File("merged")), new StringWriter(), stderr, interrupt.Token);
        Assert.Equal(130, exit);
        Assert.Contains("interrupted", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, Directory.EnumerateFiles(dir.File("merged")).Order(StringComparer.Ordinal).Select(File.ReadAllBytes));
        Assert.Equal(["in", "merged", "shard-0", "shard-1"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
