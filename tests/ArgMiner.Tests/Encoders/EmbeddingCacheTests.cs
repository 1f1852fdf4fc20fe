using ArgMiner.Encoders.Embedding;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Encoders;

public sealed class EmbeddingCacheTests
{
    [Fact]
    public void GivenACacheWrittenByOneRun_WhenASecondRunAsksAgain_ThenItGetsTheSameVectorsWithoutEmbedding()
    {
        using var dir = new TempDirectory();
        var sentences = new[] { "The council should reject the deal.", "I love this!", "The council should reject the deal.", "Hi all" };
        var first = new FakeEmbedder();
        var written = new EmbeddingCache(first, dir.Path).Embed(sentences);
        Assert.Equal(3, first.Embedded);

        var second = new FakeEmbedder();
        var cache = new EmbeddingCache(second, dir.Path);
        Assert.Equal(3, cache.Count);
        var read = cache.Embed(sentences);
        Assert.Equal(0, second.Embedded);
        Assert.Equal(written, read);
        Assert.Equal(new FakeEmbedder().Embed(sentences), read);
    }

    [Fact]
    public void GivenACacheFileCutMidRecord_WhenOpened_ThenTheWholeRecordsAreKeptAndTheRestEmbeddedAgain()
    {
        using var dir = new TempDirectory();
        var cache = new EmbeddingCache(new FakeEmbedder(), dir.Path);
        cache.Embed(["one sentence", "another sentence"]);
        using (var file = new FileStream(cache.FilePath, FileMode.Open))
        {
            file.SetLength(file.Length - 5);
        }

        var inner = new FakeEmbedder();
        var reopened = new EmbeddingCache(inner, dir.Path);
        Assert.Equal(1, reopened.Count);
        Assert.Equal(new FakeEmbedder().Embed(["another sentence"])[0], reopened.Embed(["another sentence"])[0]);
        Assert.Equal(1, inner.Embedded);
    }

    [Fact]
    public void GivenACacheFileCutMidRecord_WhenARunAppendsAndAThirdOpensIt_ThenEveryWholeRecordIsFound()
    {
        using var dir = new TempDirectory();
        var cache = new EmbeddingCache(new FakeEmbedder(), dir.Path);
        cache.Embed(["one sentence", "another sentence"]);
        using (var file = new FileStream(cache.FilePath, FileMode.Open))
        {
            file.SetLength(file.Length - 5);
        }

        new EmbeddingCache(new FakeEmbedder(), dir.Path).Embed(["another sentence", "a third sentence"]);

        // The torn record was cut off before the new ones were appended, so they sit at whole-record offsets.
        var inner = new FakeEmbedder();
        var third = new EmbeddingCache(inner, dir.Path);
        Assert.Equal(3, third.Count);
        Assert.Equal(new FakeEmbedder().Embed(["one sentence", "another sentence", "a third sentence"]), third.Embed(["one sentence", "another sentence", "a third sentence"]));
        Assert.Equal(0, inner.Embedded);
    }

    [Fact]
    public void GivenACacheFileThatCannotBeWritten_WhenEmbedding_ThenOneIOExceptionNamesTheCacheFile()
    {
        using var dir = new TempDirectory();
        var cache = new EmbeddingCache(new FakeEmbedder(), dir.Path);

        // The disk filled up mid-run: every write to the cache fails with ENOSPC.
        File.CreateSymbolicLink(cache.FilePath, "/dev/full");
        var ex = Assert.Throws<IOException>(() => cache.Embed(["one sentence"]));
        Assert.StartsWith($"--embedding-cache: {cache.FilePath} cannot be written (", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void GivenACacheFilePast2GB_WhenOpened_ThenItsRecordsAreRead()
    {
        using var dir = new TempDirectory();
        const int Dimension = 4096;
        const int Record = 32 + (4 * Dimension);
        var cache = new EmbeddingCache(new FakeEmbedder(Dimension), dir.Path);
        cache.Embed(["one sentence"]);

        // Sparse: 2.1 GB of zero records (one key, all zero) after the written one, no disk space taken.
        using (var file = new FileStream(cache.FilePath, FileMode.Open))
        {
            file.SetLength(Record + ((2100L << 20) / Record * Record));
        }

        var inner = new FakeEmbedder(Dimension);
        var reopened = new EmbeddingCache(inner, dir.Path);
        Assert.Equal(2, reopened.Count);
        Assert.Equal(new FakeEmbedder(Dimension).Embed(["one sentence"])[0], reopened.Embed(["one sentence"])[0]);
        Assert.Equal(0, inner.Embedded);
    }
}
