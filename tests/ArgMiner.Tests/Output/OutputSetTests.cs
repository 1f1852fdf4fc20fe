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
}
