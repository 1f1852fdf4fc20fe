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
}
