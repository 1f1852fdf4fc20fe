using System.Text;
using ArgMiner.Output;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Output;

public sealed class AtomicFileTests
{
    [Fact]
    public void GivenAWriterThatFinishes_WhenWritingText_ThenTheFileHoldsItAndNoTemporaryFileRemains()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.txt");

        AtomicFile.WriteText(path, new UTF8Encoding(false), w => w.Write("one\ntwo\n"));

        Assert.Equal("one\ntwo\n", File.ReadAllText(path));
        Assert.Equal(["out.txt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void GivenALinkToAFileElsewhere_WhenWritingText_ThenTheTargetIsWrittenAndTheLinkStays()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("scratch"));
        var target = dir.Write("scratch/pred.csv", "old\n");
        var link = dir.File("pred.csv");
        File.CreateSymbolicLink(link, target);

        AtomicFile.WriteText(link, new UTF8Encoding(false), w => w.Write("new\n"));

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal("new\n", File.ReadAllText(target));
        Assert.Equal(["pred.csv"], Directory.GetFiles(dir.File("scratch")).Select(Path.GetFileName));
    }

    [PathFact("/dev/full")] // Linux's always-full device stands in for a full disk
    public void GivenAFullDisk_WhenAnUncommittedFileIsAbandoned_ThenClosingItDoesNotThrowAndItsTemporaryFileGoes()
    {
        using var dir = new TempDirectory();
        var path = dir.File("out.txt");
        // The temporary name points at /dev/full, so the buffered bytes fail to flush (ENOSPC) as they would on a full disk.
        File.CreateSymbolicLink(dir.File(".out.txt.partial"), "/dev/full");
        var file = new AtomicFile(path);
        file.Stream.Write(new byte[1000]);

        file.Dispose();

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void GivenAWriterThatFailsHalfway_WhenWritingText_ThenTheEarlierFileStaysWholeAndNoTemporaryFileRemains()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("out.txt", "the complete earlier file\n");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, new UTF8Encoding(false), w =>
        {
            w.Write(new string('x', 100_000));
            throw new InvalidOperationException("interrupted");
        }));

        Assert.Equal("the complete earlier file\n", File.ReadAllText(path));
        Assert.Equal(["out.txt"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void GivenANameTooLongForItsPartialFile_WhenOpened_ThenOneLineNamesItAndNothingIsWritten()
    {
        // Until session 32 .NET's own words: "The path '…' is too long, or a component of the specified path is too long."
        using var dir = new TempDirectory();
        var path = dir.File(new string('n', 250));
        var ex = Assert.Throws<OutputPathException>(() => new AtomicFile(path));
        Assert.Equal(path + ": its name is too long (250 bytes; it is written first as .NAME.partial beside it, so at most 246); give a shorter name", ex.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public void GivenAFolderUnderAFile_WhenOpened_ThenOneLineNamesTheFileInTheWay()
    {
        // Until session 32 .NET's own words: "The file '…/notes.txt' already exists."
        using var dir = new TempDirectory();
        dir.Write("notes.txt", "mine");
        var ex = Assert.Throws<OutputPathException>(() => new AtomicFile(dir.File("notes.txt/pred.csv")));
        Assert.Equal(dir.File("notes.txt/pred.csv") + ": its folder cannot be made (" + dir.File("notes.txt") + " is a file); give another path", ex.Message);
        Assert.Equal("mine", File.ReadAllText(dir.File("notes.txt")));
    }

    [Fact]
    public void GivenAFileAnotherWriterHasOpen_WhenOpenedAgain_ThenOneLineSaysSoAndTheFirstWriterFinishesWhole()
    {
        // Two commands with one --out (classify twice, say): the second got .NET's words naming the hidden .NAME.partial
        // until session 33.
        using var dir = new TempDirectory();
        var path = dir.Write("pred.csv", "old\n");
        using var first = new AtomicFile(path);
        first.Stream.Write("new\n"u8);

        var ex = Assert.Throws<OutputPathException>(() => new AtomicFile(path));

        Assert.Equal($"{path}: another process is writing it now; wait for it to finish or give another path", ex.Message);
        Assert.Equal("old\n", File.ReadAllText(path));
        first.Commit();
        Assert.Equal("new\n", File.ReadAllText(path));
    }

    [Fact]
    public void GivenATemporaryFileLeftByAKilledWriter_WhenTheFileIsWrittenAgain_ThenTheLeftoverIsRemovedAndSaidInOneLine()
    {
        // What `kill -9` leaves: the hidden temporary file, no longer locked by anyone (the kernel dropped its lock).
        using var dir = new TempDirectory();
        var path = dir.Write("pred.csv", "old\n");
        dir.WriteBytes(".pred.csv.partial", new byte[1_500_000]);
        var notes = new List<string>();
        AtomicFile.Notes = notes.Add;
        try
        {
            using var file = new AtomicFile(path);

            Assert.Equal([$"{path}: removed .pred.csv.partial (1.5 MB), the unfinished temporary file of an earlier command that was killed while writing it"], notes);
            Assert.Equal(0, new FileInfo(file.TempPath).Length);
            Assert.Equal("old\n", File.ReadAllText(path));
        }
        finally
        {
            AtomicFile.Notes = null;
        }

        Assert.Equal(["pred.csv"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void GivenATemporaryFileALiveWriterHolds_WhenTheSameFileIsOpenedAgain_ThenItIsNeitherRemovedNorTouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("pred.csv");
        using var first = new AtomicFile(path);
        first.Stream.Write("being written\n"u8);
        first.Stream.Flush();
        var notes = new List<string>();
        AtomicFile.Notes = notes.Add;
        try
        {
            Assert.Null(AtomicFile.RemoveStale(first.TempPath));
            Assert.Throws<OutputPathException>(() => new AtomicFile(path));
        }
        finally
        {
            AtomicFile.Notes = null;
        }

        Assert.Empty(notes);
        first.Commit();
        Assert.Equal("being written\n", File.ReadAllText(path));
    }

    [PathFact("/dev/null")]
    public void GivenADeviceAPipeAFileAFolderAndNothing_WhenAskedWhetherSpecial_ThenOnlyTheDeviceAndThePipeAre()
    {
        using var dir = new TempDirectory();
        var pipe = dir.File("pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe))
        {
            mkfifo.WaitForExit();
        }

        File.CreateSymbolicLink(dir.File("null-link"), "/dev/null");
        Assert.True(OutputPath.IsSpecialFile("/dev/null"));
        Assert.True(OutputPath.IsSpecialFile(dir.File("null-link")));
        Assert.True(OutputPath.IsSpecialFile(pipe));
        Assert.False(OutputPath.IsSpecialFile(dir.Write("a.csv", "x\n")));
        Assert.False(OutputPath.IsSpecialFile(dir.Path));
        Assert.False(OutputPath.IsSpecialFile(dir.File("missing.csv")));
    }

    [ProgramFact("mkfifo")]
    public async Task GivenANamedPipe_WhenWrittenAsAnAtomicFile_ThenItIsWrittenInPlaceAndStaysAPipe()
    {
        // Until session 33 the temporary file was renamed over the pipe: the pipe became a file and its reader got nothing
        // (and `classify --out /dev/null` as root made /dev/null a file).
        using var dir = new TempDirectory();
        var pipe = dir.File("pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", pipe))
        {
            mkfifo.WaitForExit();
        }

        var reader = Task.Run(() => File.ReadAllText(pipe));
        AtomicFile.WriteText(pipe, new UTF8Encoding(false), w => w.Write("one\ntwo\n"));

        Assert.Equal("one\ntwo\n", await reader.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.True(OutputPath.IsSpecialFile(pipe));
        Assert.Equal(["pipe"], Directory.EnumerateFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }
}
