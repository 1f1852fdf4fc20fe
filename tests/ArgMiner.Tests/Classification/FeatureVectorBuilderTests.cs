using ArgMiner.Classification;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Classification;

/// <summary>
/// The builder's hand-written fast paths (issue 12) must give what the plain steps give: <see cref="FeatureVectorBuilder.AddAll"/>
/// what one <see cref="FeatureVectorBuilder.Add"/> per index gives, and a block of counts the scale of a sum of
/// squares taken in order.
/// </summary>
public sealed class FeatureVectorBuilderTests
{
    [Fact]
    public void GivenIndexesWithRepeats_WhenAddedAllAtOnce_ThenTheEntriesAreThoseOfOneAddEach()
    {
        // Enough distinct indexes to grow the arrays (256) and the table (1,024 slots, rehashed past half full)
        // inside one block, repeats among them, and the high indexes of a 2^18 space.
        var random = new Random(12);
        var blocks = new[]
        {
            Enumerable.Range(0, 40).Select(_ => random.Next(0, 64)).ToArray(),
            Enumerable.Range(0, 3000).Select(_ => random.Next(0, 1 << 18)).ToArray(),
            Enumerable.Range(0, 2000).Select(i => (i * 977) % 1500).ToArray(),
            [],
            [5, 5, 5, 1029, 5, 2053],
        };
        AssertSame(blocks, withPrefetch: false);
        AssertSame(blocks, withPrefetch: true);
    }

    [Fact]
    public void GivenAnyIndexes_WhenAddedAllAtOnce_ThenTheEntriesAreThoseOfOneAddEach()
    {
        Prop.ForAll<int[][]>(blocks =>
        {
            var clean = (blocks ?? []).Select(b => (b ?? []).Select(i => i & ((1 << 18) - 1)).ToArray()).ToArray();
            var (one, all) = (Build(clean, bulk: false, prefetch: false), Build(clean, bulk: true, prefetch: false));
            return one.Indices.SequenceEqual(all.Indices) && one.Values.SequenceEqual(all.Values);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GivenABlockOfCounts_WhenNormalised_ThenItsScaleIsThatOfTheSumOfSquaresInOrder()
    {
        Prop.ForAll<int[]>(raw =>
        {
            var indexes = (raw ?? []).Select(i => Math.Abs(i % 300)).ToArray();
            var builder = new FeatureVectorBuilder();
            builder.AddAll(indexes);
            var counts = builder.Values.ToArray();
            builder.EndBlock(normalize: true);
            return builder.Values.SequenceEqual(ScaledInOrder(counts));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GivenABlockWithFractionalValues_WhenNormalised_ThenItsSumOfSquaresIsTakenInOrder()
    {
        var values = new[] { 0.1f, 1f, 0.7f, 1e-8f, 3.3f, 1f, 0.25f, 1e7f, 0.3f };
        var builder = new FeatureVectorBuilder();
        for (var i = 0; i < values.Length; i++)
        {
            builder.Add(i, values[i]);
        }

        builder.EndBlock(normalize: true);
        Assert.Equal(ScaledInOrder(values), builder.Values.ToArray());
    }

    /// <summary>The block scaled by 1 / sqrt of its sum of squares added one value after another (the plain step).</summary>
    private static float[] ScaledInOrder(float[] values)
    {
        double sum = 0;
        foreach (var v in values)
        {
            sum += (double)v * v;
        }

        var scale = (float)(1.0 / Math.Sqrt(sum));
        return values.Select(v => v * scale).ToArray();
    }

    private static void AssertSame(int[][] blocks, bool withPrefetch)
    {
        var one = Build(blocks, bulk: false, prefetch: withPrefetch);
        var all = Build(blocks, bulk: true, prefetch: withPrefetch);
        Assert.Equal(one.Indices.ToArray(), all.Indices.ToArray());
        Assert.Equal(one.Values.ToArray(), all.Values.ToArray());
    }

    private static FeatureVectorBuilder Build(int[][] blocks, bool bulk, bool prefetch)
    {
        var builder = new FeatureVectorBuilder { PrefetchRows = prefetch ? new float[(1 << 18) * 4] : null };
        foreach (var block in blocks)
        {
            if (bulk)
            {
                builder.AddAll(block);
            }
            else
            {
                foreach (var index in block)
                {
                    builder.Add(index);
                }
            }

            builder.EndBlock(normalize: false);
        }

        return builder;
    }
}
