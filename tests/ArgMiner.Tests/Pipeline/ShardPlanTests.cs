using ArgMiner.Pipeline;

namespace ArgMiner.Tests.Pipeline;

public class ShardPlanTests
{
    [Fact]
    public void GivenFilesOfRandomSizes_WhenSplitIntoShards_ThenEveryFileIsInExactlyOneShardAndShardsAreContiguousAndBalanced()
    {
        var random = new Random(14);
        foreach (var files in new[] { 1, 2, 7, 100, 1000 })
        {
            var sizes = Enumerable.Range(0, files).Select(_ => (long)random.Next(0, 50_000)).ToArray();
            foreach (var n in new[] { 1, 2, 3, 8, 64 })
            {
                var shards = ShardPlan.Assign(sizes, n);
                Assert.Equal(files, shards.Length);
                Assert.All(shards, k => Assert.InRange(k, 0, n - 1));
                // Contiguous: the shard never goes down along the listing, so each shard is one run of files.
                Assert.True(shards.Zip(shards.Skip(1)).All(p => p.First <= p.Second));
                var covered = 0;
                for (var k = 0; k < n; k++)
                {
                    var (start, end) = ShardPlan.Range(shards, k);
                    Assert.Equal(covered, start);
                    covered = end;
                    var bytes = sizes[start..end].Sum(s => s + 1);
                    // Balanced: no shard holds more than its share plus one file.
                    Assert.True(bytes <= (sizes.Sum(s => s + 1) / (double)n) + sizes.Max() + 1, $"{files} files, shard {k}/{n}: {bytes} bytes");
                }

                Assert.Equal(files, covered);
            }
        }
    }

    [Fact]
    public void GivenTheSameListing_WhenAssignedTwice_ThenThePlanIsTheSameAndDependsOnlyOnSizes()
    {
        long[] sizes = [10, 500, 20, 20, 3000, 1, 0, 0, 700];
        Assert.Equal(ShardPlan.Assign(sizes, 4), ShardPlan.Assign([.. sizes], 4));
        // The 3,000-byte file fills shard 1 and half of shard 2, so shard 2 gets no file of its own.
        Assert.Equal([0, 0, 0, 0, 1, 3, 3, 3, 3], ShardPlan.Assign(sizes, 4));
    }

    [Fact]
    public void GivenMoreShardsThanFiles_WhenAssigned_ThenSomeShardsAreEmptyAndNoneOverlaps()
    {
        var shards = ShardPlan.Assign([100, 100], 5);
        var ranges = Enumerable.Range(0, 5).Select(k => ShardPlan.Range(shards, k)).ToList();
        Assert.Equal(2, ranges.Sum(r => r.End - r.Start));
        Assert.Contains(ranges, r => r.Start == r.End);
    }

    [Fact]
    public void GivenALargeJsonLinesFile_WhenSplitIntoParts_ThenItsRangesTileItAndOtherFilesStayWhole()
    {
        long[] sizes = [100, 10_000, 100, 5_000];
        bool[] splittable = [false, true, false, false];
        var parts = ShardPlan.Parts(sizes, splittable, 4);
        var big = parts.Where(p => p.File == 1).ToList();
        Assert.Equal(3, big.Count); // 10,000 bytes of a 15,204-byte batch: three shares of 3,801
        Assert.Equal(0, big[0].Start);
        Assert.Equal(10_000, big[^1].End);
        Assert.True(big.Zip(big.Skip(1)).All(p => p.First.End == p.Second.Start));
        Assert.All(parts.Where(p => p.File != 1), p => Assert.True(p.Whole && p.Start == 0 && p.End == sizes[p.File]));
        Assert.Equal(parts, ShardPlan.Parts(sizes, splittable, 4));
        Assert.All(ShardPlan.Parts(sizes, splittable, 1), p => Assert.True(p.Whole));
    }

    [Fact]
    public void GivenByteRanges_WhenLinesAreFound_ThenEachLineStartsInExactlyOneRangeWithItsNumber()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes("ab\ncd\r\n\nefg\nh");
        using var stream = new MemoryStream(bytes);
        Assert.Equal((0L, 1L), ArgMiner.Ingest.FileParts.LineStart(stream, 0, countLines: true));
        Assert.Equal((3L, 2L), ArgMiner.Ingest.FileParts.LineStart(stream, 1, countLines: true));
        Assert.Equal((3L, 2L), ArgMiner.Ingest.FileParts.LineStart(stream, 3, countLines: true));
        Assert.Equal((7L, 3L), ArgMiner.Ingest.FileParts.LineStart(stream, 4, countLines: true));
        Assert.Equal((8L, 4L), ArgMiner.Ingest.FileParts.LineStart(stream, 8, countLines: true));
        Assert.Equal((12L, 5L), ArgMiner.Ingest.FileParts.LineStart(stream, 9, countLines: true));
        Assert.Equal(13L, ArgMiner.Ingest.FileParts.LineStart(stream, 13, countLines: true).Start); // no line starts there: an empty part
        Assert.Equal(12L, ArgMiner.Ingest.FileParts.LineStart(stream, 10, countLines: false).Start);
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("7/8", 7, 8)]
    public void GivenKOverN_WhenParsed_ThenTheShardIsKOfN(string text, int k, int n)
    {
        Assert.Equal(new ShardSpec(k, n), ShardSpec.Parse(text, out _));
    }

    [Theory]
    [InlineData("8/8")]
    [InlineData("0/0")]
    [InlineData("-1/4")]
    [InlineData("1")]
    [InlineData("a/b")]
    [InlineData("1/2/3")]
    public void GivenABadShard_WhenParsed_ThenTheErrorNamesTheOption(string text)
    {
        Assert.Null(ShardSpec.Parse(text, out var error));
        Assert.StartsWith("--shard", error, StringComparison.Ordinal);
    }
}
