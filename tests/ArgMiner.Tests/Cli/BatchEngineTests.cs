using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

/// <summary>
/// A batch engine (a Kubernetes Indexed Job, a Slurm array, an AWS Batch array job) simulated on this machine:
/// the real argminer program as child processes, each given its index in the environment the way the engine
/// gives it, one of them killed with SIGKILL mid-batch and run again, then merged.
/// </summary>
public class BatchEngineTests
{
    private const string AllFormats = "csv,jsonl,xlsx,html,parquet";

    /// <summary>Enough text that a run is still going after its first checkpoints (a few seconds on one thread).</summary>
    private static string LargeInputs(TempDirectory dir)
    {
        var article = File.ReadAllText(Directory.GetFiles(Repository.Articles).Order(StringComparer.Ordinal).First());
        for (var i = 0; i < 120; i++)
        {
            dir.Write($"in/{i / 20}/article{i:000}.txt", article.Replace("the ", $"the {i} ", StringComparison.Ordinal));
        }

        dir.Write("in/9/records.jsonl", string.Join('\n', Enumerable.Range(0, 40).Select(i => $"{{\"id\":\"article{i:000}\",\"body\":\"Record {i} reuses a file's id. Prices rose {i}% in 2023.\"}}")));
        return dir.File("in");
    }

    [Fact]
    public void GivenAnIndexedJobOfThreeShards_WhenOneShardIsKilledAndRetried_ThenTheMergeEqualsASingleRunInEveryFormat()
    {
        using var dir = new TempDirectory();
        var input = LargeInputs(dir);
        var (single, _, singleErr) = Support.Cli.Run("run", input, "--out", dir.File("single"), "--format", AllFormats, "--jobs", "2");
        Assert.True(single == 0, singleErr);

        // The command a pod of a Kubernetes Indexed Job runs, its index in JOB_COMPLETION_INDEX.
        const string Task = "\"$ARGMINER\" run \"$IN\" --out \"$SHARED/shard-$JOB_COMPLETION_INDEX\" --shard \"$JOB_COMPLETION_INDEX/3\" --resume --checkpoint-every 10 --format " + AllFormats + " --jobs 1";
        Dictionary<string, string> Env(int index) => new() { ["IN"] = input, ["SHARED"] = dir.Path, ["JOB_COMPLETION_INDEX"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture) };

        // Index 1 dies mid-batch (SIGKILL: an evicted pod, an out-of-memory kill).
        ChildRun.KillAfterCheckpoint(Task, Env(1), dir.File(".shard-1.partial/argminer-checkpoint.json"));
        Assert.False(Directory.Exists(dir.File("shard-1")));
        foreach (var index in new[] { 0, 2 })
        {
            var (exit, err) = ChildRun.Run(Task, Env(index));
            Assert.True(exit == 0, err);
        }

        // Before the retry, the merge refuses: the dead shard's partial output is not a shard.
        var (refused, _, refusal) = Support.Cli.Run("merge", dir.File("shard-0"), dir.File("shard-1"), dir.File("shard-2"), "--out", dir.File("merged"));
        Assert.NotEqual(0, refused);
        Assert.Contains("shard-1", refusal, StringComparison.Ordinal);

        // The engine retries index 1 alone; it continues from its last checkpoint.
        var (retried, retryErr) = ChildRun.Run(Task, Env(1));
        Assert.True(retried == 0, retryErr);
        Assert.Contains("resuming after", retryErr, StringComparison.Ordinal);

        var (merged, _, mergeErr) = Support.Cli.Run("merge", dir.File("shard-2"), dir.File("shard-1"), dir.File("shard-0"), "--out", dir.File("merged"));
        Assert.True(merged == 0, mergeErr);
        OutputFolders.AssertSame(dir.File("single"), dir.File("merged"));
    }

    [Fact]
    public void GivenARunKilledMidBatch_WhenRunAgainWithResume_ThenItContinuesAndTheOutputsEqualAnUninterruptedRun()
    {
        using var dir = new TempDirectory();
        var input = LargeInputs(dir);
        var (single, _, singleErr) = Support.Cli.Run("run", input, "--out", dir.File("single"), "--format", AllFormats, "--jobs", "2");
        Assert.True(single == 0, singleErr);

        const string Command = "\"$ARGMINER\" run \"$IN\" --out \"$OUT\" --resume --checkpoint-every 10 --format " + AllFormats + " --jobs 1";
        var env = new Dictionary<string, string> { ["IN"] = input, ["OUT"] = dir.File("out") };
        ChildRun.KillAfterCheckpoint(Command, env, dir.File(".out.partial/argminer-checkpoint.json"));
        Assert.False(Directory.Exists(dir.File("out")));

        var (exit, err) = ChildRun.Run(Command, env);
        Assert.True(exit == 0, err);
        var resumed = err.Split('\n').Single(l => l.Contains("resuming after", StringComparison.Ordinal));
        Assert.DoesNotContain("resuming after 0 documents", resumed, StringComparison.Ordinal);
        OutputFolders.AssertSame(dir.File("single"), dir.File("out"));
        Assert.False(Directory.Exists(dir.File(".out.partial")));
    }

    [Fact]
    public void GivenARunStoppedBySigterm_WhenRunAgainWithResume_ThenTheCheckpointIsKeptAndTheOutputsEqualAnUninterruptedRun()
    {
        using var dir = new TempDirectory();
        var input = LargeInputs(dir);
        Support.Cli.Run("run", input, "--out", dir.File("single"), "--format", "csv,jsonl", "--jobs", "2");

        const string Command = "\"$ARGMINER\" run \"$IN\" --out \"$OUT\" --shard 0/1 --checkpoint-every 10 --format csv,jsonl --jobs 1";
        var env = new Dictionary<string, string> { ["IN"] = input, ["OUT"] = dir.File("out") };
        var (stopped, stopErr) = ChildRun.TerminateAfterCheckpoint(Command, env, dir.File(".out.partial/argminer-checkpoint.json"));
        Assert.Equal(130, stopped);
        Assert.Contains("run the same command with --resume", stopErr, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File(".out.partial/argminer-checkpoint.json")));

        var (exit, err) = ChildRun.Run(Command + " --resume", env);
        Assert.True(exit == 0, err);
        Assert.Contains("resuming after", err, StringComparison.Ordinal);
        foreach (var name in new[] { "documents.csv", "sentences.csv", "entities.csv", "numbers.csv", "documents.jsonl" })
        {
            Assert.Equal(File.ReadAllBytes(dir.File("single/" + name)), File.ReadAllBytes(dir.File("out/" + name)));
        }
    }
}
