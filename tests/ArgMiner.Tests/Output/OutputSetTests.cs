using ArgMiner.Output;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Output;

public class OutputSetTests
{
    private static void WriteSet(string folder, string content, params string[] names)
    {
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(folder, name), content);
        }
    }

    private static OutputSet Publish(string outDir, string content, List<string> notes, params string[] names)
    {
        var set = OutputSet.Open(outDir, [], notes.Add);
        WriteSet(set.Staging, content, names);
        set.Publish(names);
        return set;
    }

    [Fact]
    public void GivenAnEarlierSet_WhenANewOneIsPublished_ThenTheFolderHoldsExactlyTheNewSet()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Publish(dir.File("out"), "old", notes, "a.csv", "b.csv").Dispose();
        Publish(dir.File("out"), "new", notes, "a.csv", "b.csv").Dispose();
        Assert.Equal(["a.csv", "b.csv"], Directory.EnumerateFiles(dir.File("out")).Select(Path.GetFileName).Where(n => n![0] != '.').Order(StringComparer.Ordinal));
        Assert.All(new[] { "a.csv", "b.csv" }, n => Assert.Equal("new", File.ReadAllText(dir.File("out/" + n))));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
        Assert.Empty(notes);
    }

    [Fact]
    public void GivenASetAbandonedBeforePublishing_WhenDisposed_ThenTheEarlierSetIsUntouchedAndNothingIsLeftBehind()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Publish(dir.File("out"), "old", notes, "a.csv", "b.csv").Dispose();
        using (var set = OutputSet.Open(dir.File("out"), [], notes.Add))
        {
            WriteSet(set.Staging, "new", "a.csv");
        }

        Assert.All(new[] { "a.csv", "b.csv" }, n => Assert.Equal("old", File.ReadAllText(dir.File("out/" + n))));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void GivenAKillBetweenMovingTheOldSetAwayAndTheNewOneIn_WhenOpenedAgain_ThenTheOldSetIsBackWhole()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Publish(dir.File("out"), "old", notes, "a.csv", "b.csv").Dispose();

        // The two-rename fallback (systems without an atomic exchange) killed after its first rename.
        Directory.Move(dir.File("out"), dir.File(".out.old"));
        Directory.CreateDirectory(dir.File(".out.partial"));
        WriteSet(dir.File(".out.partial"), "new", "a.csv");

        using (OutputSet.Open(dir.File("out"), [], notes.Add))
        {
        }

        Assert.All(new[] { "a.csv", "b.csv" }, n => Assert.Equal("old", File.ReadAllText(dir.File("out/" + n))));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
        Assert.Contains(notes, n => n.Contains("restored", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenAKillAfterTheNewSetMovedIn_WhenOpenedAgain_ThenTheOldSetIsRemoved()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Publish(dir.File("out"), "new", notes, "a.csv").Dispose();
        Directory.CreateDirectory(dir.File(".out.old"));
        WriteSet(dir.File(".out.old"), "old", "a.csv");

        using (OutputSet.Open(dir.File("out"), [], notes.Add))
        {
        }

        Assert.Equal("new", File.ReadAllText(dir.File("out/a.csv")));
        Assert.Equal(["out"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void GivenARunWritingIntoAFolder_WhenAnotherOpensIt_ThenTheSecondIsRefusedAndTheFirstFilesStay()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        using var first = OutputSet.Open(dir.File("out"), [], notes.Add);
        WriteSet(first.Staging, "first", "a.csv");
        var ex = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File("out"), [], notes.Add));
        Assert.Contains("another", ex.Message, StringComparison.Ordinal);
        Assert.Equal("first", File.ReadAllText(Path.Combine(first.Staging, "a.csv")));
    }

    [Fact]
    public void GivenAnotherRunCheckingTheFolderIsWritable_WhenOpenedAtTheSameMoment_ThenTheChecksDoNotCollide()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Publish(dir.File("out"), "old", notes, "a.csv").Dispose();
        // Another run's check, caught while its file is open: one shared name made this run fail with "The process
        // cannot access the file" (not refused as busy, nor run).
        using (new FileStream(dir.File("out/.argminer-write-check.partial"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
        {
            using var set = OutputSet.Open(dir.File("out"), [], notes.Add);
            Assert.True(Directory.Exists(set.Staging));
        }
    }

    [Fact]
    public void GivenAFileItsWriterDidNotName_WhenPublished_ThenItBelongsToTheSetAndTheNextRunAcceptsTheFolder()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        using (var set = OutputSet.Open(dir.File("out"), [], notes.Add))
        {
            WriteSet(set.Staging, "new", "a.csv", "extra.xlsx");
            set.Publish(["a.csv"]);
        }

        using (var next = OutputSet.Open(dir.File("out"), [], notes.Add))
        {
            WriteSet(next.Staging, "newer", "a.csv");
            next.Publish(["a.csv"]);
        }

        Assert.Equal("newer", File.ReadAllText(dir.File("out/a.csv")));
        Assert.Contains(notes, n => n.Contains("extra.xlsx", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenARunBetweenMakingItsStagingFolderAndLockingIt_WhenAnotherOpensTheFolder_ThenTheOtherIsRefusedAndChangesNothing()
    {
        // The window of session 31, held open: a run holds the folder's lock (as every run now takes it first) and has
        // made its staging folder but not yet locked anything inside it. The other run took that folder for a leftover
        // of a killed run and removed it (or both wrote into it), and the folder they published mixed their files.
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Publish(dir.File("out"), "old", notes, "a.csv").Dispose();
        using var holder = HoldLock(dir.File(".out.lock"), 4242);
        Directory.CreateDirectory(dir.File(".out.partial"));
        WriteSet(dir.File(".out.partial"), "first", "a.csv");
        var before = Listing(dir.Path);

        var ex = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File("out"), [], notes.Add));

        Assert.True(ex.Busy);
        Assert.Equal("--out " + dir.File("out") + " is being written by another argminer run (process 4242); wait for it to finish or give another folder", ex.Message);
        Assert.Equal(before, Listing(dir.Path));
        Assert.Equal("first", File.ReadAllText(dir.File(".out.partial/a.csv")));
        Assert.Equal("old", File.ReadAllText(dir.File("out/a.csv")));
        Assert.Empty(notes);
    }

    [Fact]
    public void GivenARunWritingThroughALinkToTheFolder_WhenAnotherOpensItByAnyPath_ThenItIsRefusedAndTheFirstPublishesItsWholeSet()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Directory.CreateDirectory(dir.File("scratch"));
        Publish(dir.File("scratch/out"), "old", notes, "a.csv", "b.csv").Dispose();
        File.CreateSymbolicLink(dir.File("out"), dir.File("scratch/out"));
        Directory.CreateSymbolicLink(dir.File("disk"), dir.File("scratch"));

        using (var first = OutputSet.Open(dir.File("out"), [], notes.Add))
        {
            // The lock is beside the folder the link leads to, where every path to it finds it.
            Assert.True(File.Exists(dir.File("scratch/.out.lock")));
            Assert.False(File.Exists(dir.File(".out.lock")));
            WriteSet(first.Staging, "first", "a.csv");
            foreach (var other in new[] { "scratch/out", "disk/out", "out" })
            {
                var ex = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File(other), [], notes.Add));
                Assert.True(ex.Busy);
                Assert.Contains($"(process {Environment.ProcessId})", ex.Message, StringComparison.Ordinal);
            }

            WriteSet(first.Staging, "first", "b.csv");
            first.Publish(["a.csv", "b.csv"]);
        }

        Assert.All(new[] { "a.csv", "b.csv" }, n => Assert.Equal("first", File.ReadAllText(dir.File("scratch/out/" + n))));
        Publish(dir.File("disk/out"), "next", notes, "a.csv").Dispose();
        Assert.Equal("next", File.ReadAllText(dir.File("out/a.csv")));
        Assert.NotNull(new FileInfo(dir.File("out")).LinkTarget);
        Assert.Equal(["out"], Listing(dir.File("scratch")));
    }

    [Fact]
    public void GivenALockFileLeftByAKilledRun_WhenANewRunOpensTheFolder_ThenItRunsAndLeavesNothingBehind()
    {
        // A kill -9 leaves the file but not the lock (the kernel releases it with the process).
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Publish(dir.File("out"), "old", notes, "a.csv").Dispose();
        File.WriteAllText(dir.File(".out.lock"), "999999999\n");
        Directory.CreateDirectory(dir.File(".out.partial"));
        WriteSet(dir.File(".out.partial"), "killed", "a.csv");

        Publish(dir.File("out"), "new", notes, "a.csv").Dispose();

        Assert.Equal("new", File.ReadAllText(dir.File("out/a.csv")));
        Assert.Equal(["out"], Listing(dir.Path));
        Assert.Contains(notes, n => n.Contains(".out.partial", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenALockFileLeftByAKilledRun_WhenARunWritesTheFolder_ThenTheLockIsNeitherInTheSetNorLeftBesideIt()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        File.WriteAllText(dir.File(".out.lock"), "999999999\n");
        using (var first = OutputSet.Open(dir.File("out"), [], notes.Add))
        {
            Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File("out"), [], notes.Add));
            WriteSet(first.Staging, "first", "a.csv");
            first.Publish(["a.csv"]);
        }

        Assert.Equal([".argminer-output", "a.csv"], Listing(dir.File("out")));
        Assert.Equal(["out"], Listing(dir.Path));
    }

    [Fact]
    public void GivenACallersCheckUnderTheLock_WhenItRefusesTheFolder_ThenNoOtherRunCouldOpenItMeanwhileAndNothingIsChanged()
    {
        // run --shard reads which shard the folder holds here: read before the lock, a shard finishing in between was
        // not seen, and this one replaced it.
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Publish(dir.File("out"), "old", notes, "a.csv").Dispose();
        Directory.CreateDirectory(dir.File(".out.partial"));
        WriteSet(dir.File(".out.partial"), "killed", "a.csv");
        var before = Listing(dir.Path);
        OutputFolderException? meanwhile = null;

        var ex = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File("out"), [], notes.Add, underLock: () =>
        {
            meanwhile = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File("out"), [], notes.Add));
            throw new OutputFolderException("--out out holds shard 0/2 of this batch");
        }));

        Assert.True(meanwhile!.Busy);
        Assert.False(ex.Busy);
        Assert.Equal(before, Listing(dir.Path));
        Assert.Equal("killed", File.ReadAllText(dir.File(".out.partial/a.csv")));
        Assert.Empty(notes);
        Publish(dir.File("out"), "new", notes, "a.csv").Dispose();
        Assert.Equal(["out"], Listing(dir.Path));
    }

    [Fact]
    public void GivenFourRunsStartedAtTheSameMoment_WhenEachTriesToPublish_ThenTheFolderHoldsOneRunsWholeSetAndTheOthersAreRefusedAsBusy()
    {
        using var dir = new TempDirectory();
        var notes = new List<string>();
        Publish(dir.File("out"), "old", notes, "a.csv", "b.csv", "c.csv").Dispose();
        for (var round = 0; round < 200; round++)
        {
            using var start = new Barrier(4);
            var outcomes = new string[4];
            var runs = Enumerable.Range(0, 4).Select(k => new Thread(() => outcomes[k] = Race(dir.File("out"), "run" + k, start))).ToList();
            runs.ForEach(t => t.Start());
            runs.ForEach(t => t.Join());

            Assert.All(outcomes, o => Assert.True(o is "published" or "busy", $"round {round}: {o}"));
            var contents = new[] { "a.csv", "b.csv", "c.csv" }.Select(n => File.ReadAllText(dir.File("out/" + n))).Distinct().ToList();
            Assert.True(contents.Count == 1, $"round {round}: a mixed set ({string.Join(", ", contents)})");
            Assert.Equal(["out"], Listing(dir.Path));
        }
    }

    private static string Race(string outDir, string content, Barrier start)
    {
        start.SignalAndWait();
        try
        {
            using var set = OutputSet.Open(outDir, [], _ => { });
            foreach (var name in new[] { "a.csv", "b.csv", "c.csv" })
            {
                WriteSet(set.Staging, content, name);
                Thread.Yield();
            }

            set.Publish(["a.csv", "b.csv", "c.csv"]);
            return "published";
        }
        catch (OutputFolderException ex) when (ex.Busy)
        {
            return "busy";
        }
        catch (Exception ex)
        {
            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    [Theory]
    [InlineData(247)]
    [InlineData(250)]
    public void GivenAFolderNameTooLongForTheFilesBesideIt_WhenOpened_ThenItIsRefusedAsNotBusyAndNothingIsMade(int length)
    {
        // ".NAME.lock" and ".NAME.partial" beside the folder add 6 and 9 bytes to a name: at 250 the lock file could not be
        // made and the run was told another run held the folder (exit 1 with --shard: an engine retried it for ever); at 247
        // the lock was made and the staging folder then failed with .NET's own message.
        using var dir = new TempDirectory();
        var ex = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File(new string('x', length)), [], _ => { }));
        Assert.False(ex.Busy);
        Assert.Contains("too long", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Listing(dir.Path));
    }

    [Fact]
    public void GivenALockFileThatCannotBeOpened_WhenOpened_ThenItIsRefusedWithTheReasonAndNotAsBusy()
    {
        using var dir = new TempDirectory();
        File.CreateSymbolicLink(dir.File(".out.lock"), dir.File(".out.lock"));
        var ex = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File("out"), [], _ => { }));
        Assert.False(ex.Busy);
        Assert.Contains(".out.lock", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("another argminer run", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnOutputFolderUnderAFile_WhenOpened_ThenItIsRefusedAsAUsageErrorNamingTheFile()
    {
        // Until session 32 .NET's own words ("The file '…/notes.txt' already exists."), exit 1.
        using var dir = new TempDirectory();
        dir.Write("notes.txt", "mine");
        var ex = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File("notes.txt/out"), [], _ => { }));
        Assert.False(ex.Busy);
        Assert.Equal("--out " + dir.File("notes.txt/out") + ": its folder " + dir.File("notes.txt") + " cannot be made (" + dir.File("notes.txt") + " is a file); give another folder", ex.Message);
        Assert.Equal("mine", File.ReadAllText(dir.File("notes.txt")));
    }

    [Fact]
    public void GivenAnOutputFolderThatIsALinkLoop_WhenOpened_ThenItIsRefusedAsALinkThatLeadsNowhere()
    {
        // Until session 32 "--out L is a file, not a folder": a link that leads nowhere is not a file.
        using var dir = new TempDirectory();
        File.CreateSymbolicLink(dir.File("a"), dir.File("b"));
        File.CreateSymbolicLink(dir.File("b"), dir.File("a"));
        var ex = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File("b"), [], _ => { }));
        Assert.False(ex.Busy);
        Assert.Equal("--out " + dir.File("b") + " is a symbolic link that leads nowhere (a loop); give another folder", ex.Message);
        Assert.Equal(["a", "b"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenAnOutputFolderUnderALinkLoop_WhenOpened_ThenTheLoopIsNamed()
    {
        using var dir = new TempDirectory();
        File.CreateSymbolicLink(dir.File("a"), dir.File("b"));
        File.CreateSymbolicLink(dir.File("b"), dir.File("a"));
        var ex = Assert.Throws<OutputFolderException>(() => OutputSet.Open(dir.File("b/out"), [], _ => { }));
        Assert.Contains("(" + dir.File("b") + " is a symbolic link that leads nowhere (a loop))", ex.Message, StringComparison.Ordinal);
    }

    private static FileStream HoldLock(string path, int pid)
    {
        var held = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        held.Write(System.Text.Encoding.ASCII.GetBytes(pid + "\n"));
        held.Flush();
        return held;
    }

    private static List<string> Listing(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal)];
}
