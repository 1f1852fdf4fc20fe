using ArgMiner.Encoders.Classification;
using ArgMiner.Models;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Encoders;

public sealed class NeighbourBankTests
{
    // Six unit-length rows in 4 dimensions: two near each axis of the first three, with labels 0, 1 and 2.
    private static readonly float[][] Rows =
    [
        [1f, 0f, 0f, 0f], [0.9f, 0.1f, 0f, 0f],
        [0f, 1f, 0f, 0f], [0.1f, 0.9f, 0f, 0f],
        [0f, 0f, 1f, 0f], [0f, 0.1f, 0.9f, 0f],
    ];

    private static readonly int[] RowLabels = [0, 0, 1, 1, 2, 2];

    private static readonly int[] RowGroups = [0, 1, 2, 3, 4, 5];

    private static float[] Shares(NeighbourBank bank, float[] query, int exceptGroup = -1)
    {
        var shares = new float[NeighbourBank.Labels];
        bank.Shares(query, shares, exceptGroup);
        return shares;
    }

    [Fact]
    public void GivenOneNeighbour_WhenAQueryLiesNearARow_ThenThatRowsLabelTakesTheWholeShare()
    {
        var bank = NeighbourBank.Build(Rows, RowLabels, neighbours: 1);
        Assert.Equal([0f, 1f, 0f, 0f], Shares(bank, [0.05f, 1f, 0f, 0f]));
        Assert.Equal([0f, 0f, 1f, 0f], Shares(bank, [0f, 0f, 0.8f, 0.1f]));
    }

    [Fact]
    public void GivenSeveralNeighbours_WhenSharing_ThenEachLabelWeighsByItsRowsSimilarity()
    {
        var bank = NeighbourBank.Build(Rows, RowLabels, neighbours: 3);
        var shares = Shares(bank, [1f, 0f, 0f, 0f]);

        // The nearest three are rows 0 and 1 (label 0) and row 3 (label 1, similarity 0.1 of 1.9 + 0.1).
        Assert.Equal(0, shares[2]);
        Assert.True(shares[0] > 0.9f && shares[1] > 0.03f && shares[1] < 0.07f, string.Join(' ', shares));
        Assert.Equal(1f, shares.Sum(), 5);
    }

    [Fact]
    public void GivenTheQuerysOwnGroup_WhenSharingWithoutIt_ThenItsRowsAreNeverNeighbours()
    {
        var bank = NeighbourBank.Build(Rows, RowLabels, neighbours: 1, RowGroups);
        Assert.Equal([1f, 0f, 0f, 0f], Shares(bank, Rows[0]));
        Assert.Equal([1f, 0f, 0f, 0f], Shares(bank, Rows[0], exceptGroup: 0));
        Assert.Equal([0f, 1f, 0f, 0f], Shares(bank, Rows[2]));
        Assert.Equal([0f, 1f, 0f, 0f], Shares(bank, Rows[2], exceptGroup: 2));

        // A bank of one group shares nothing with it out: every label 1/4.
        var alone = NeighbourBank.Build([Rows[0]], [0], 1, [7]);
        Assert.Equal([0.25f, 0.25f, 0.25f, 0.25f], Shares(alone, Rows[0], exceptGroup: 7));
    }

    [Fact]
    public void GivenOnlyOppositeRows_WhenSharing_ThenNothingWeighsAndEveryLabelGetsAQuarter()
    {
        var bank = NeighbourBank.Build(Rows, RowLabels, neighbours: 2);
        Assert.Equal([0.25f, 0.25f, 0.25f, 0.25f], Shares(bank, [-1f, -1f, -1f, 0f]));
        Assert.Equal([0.25f, 0.25f, 0.25f, 0.25f], Shares(bank, [0f, 0f, 0f, 0f]));
    }

    [Fact]
    public void GivenABankWrittenAndRead_WhenSharing_ThenTheSharesAreExactlyTheSame()
    {
        var bank = NeighbourBank.Build(Rows, RowLabels, neighbours: 3, RowGroups);
        var read = NeighbourBank.FromBytes(bank.ToBytes(), 4, "x.model");
        Assert.Equal((6, 4, 3), (read.Count, read.Dimension, read.Neighbours));
        foreach (var query in Rows.Append([0.3f, -0.2f, 0.5f, 0.1f]))
        {
            Assert.Equal(Shares(bank, query), Shares(read, query));
        }

        Assert.Equal(bank.ToBytes(), read.ToBytes());
        Assert.Throws<InvalidOperationException>(() => Shares(read, Rows[0], exceptGroup: 0));
    }

    [Fact]
    public void GivenATruncatedOrForeignBank_WhenRead_ThenOneClearModelError()
    {
        var bytes = NeighbourBank.Build(Rows, RowLabels, neighbours: 3).ToBytes();
        var ex = Assert.Throws<ModelFormatException>(() => NeighbourBank.FromBytes(bytes[..^1], 4, "x.model"));
        Assert.Contains("x.model", ex.Message, StringComparison.Ordinal);
        Assert.Contains(NeighbourBank.Entry, ex.Message, StringComparison.Ordinal);
        Assert.Throws<ModelFormatException>(() => NeighbourBank.FromBytes(bytes, 8, "x.model"));
        Assert.Throws<ModelFormatException>(() => NeighbourBank.FromBytes(bytes[..5], 4, "x.model"));
        var badLabel = (byte[])bytes.Clone();
        badLabel[12] = 9;
        Assert.Throws<ModelFormatException>(() => NeighbourBank.FromBytes(badLabel, 4, "x.model"));
    }

    [Fact]
    public void GivenBadRows_WhenBuilding_ThenTheyAreRefused()
    {
        Assert.Throws<ArgumentException>(() => NeighbourBank.Build([], [], 1));
        Assert.Throws<ArgumentException>(() => NeighbourBank.Build(Rows, [0, 1], 1));
        Assert.Throws<ArgumentException>(() => NeighbourBank.Build([[1f, 0f], [1f]], [0, 0], 1));
        Assert.Throws<ArgumentException>(() => NeighbourBank.Build([[1f, 0f]], [4], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighbourBank.Build(Rows, RowLabels, 0));
    }

    [Fact]
    public void GivenAnyTwoByteVectors_WhenMultiplied_ThenBothDotProductsAreTheExactIntegerSum()
    {
        Prop.ForAll<int>(seed =>
        {
            var random = new Random(seed);
            var length = random.Next(0, 800);
            var a = new sbyte[length];
            var b = new sbyte[length];
            var expected = 0;
            for (var i = 0; i < length; i++)
            {
                a[i] = (sbyte)random.Next(-127, 128);
                b[i] = (sbyte)random.Next(-127, 128);
                expected += a[i] * b[i];
            }

            Assert.Equal(expected, NeighbourBank.DotPortable(a, b));
            if (System.Runtime.Intrinsics.X86.Avx2.IsSupported)
            {
                Assert.Equal(expected, NeighbourBank.DotAvx2([.. a.Select(x => (short)x)], b));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GivenAnyBankAndQuery_WhenSharing_ThenSharesAreAProbabilityAndIgnoreTheQuerysScale()
    {
        Prop.ForAll<int>(seed =>
        {
            var random = new Random(seed);
            float[] Vector() => [.. Enumerable.Range(0, 24).Select(_ => (float)((random.NextDouble() * 2) - 1))];
            var count = random.Next(1, 40);
            var bank = NeighbourBank.Build([.. Enumerable.Range(0, count).Select(_ => Vector())], [.. Enumerable.Range(0, count).Select(_ => random.Next(4))], random.Next(1, 25));
            var query = Vector();
            var shares = Shares(bank, query);
            Assert.All(shares, s => Assert.InRange(s, 0f, 1f));
            Assert.Equal(1f, shares.Sum(), 4);

            // Scaling by a power of two is exact in floating point, so the quantised query is the same.
            Assert.Equal(shares, Shares(bank, [.. query.Select(x => x * 4)]));
        }).QuickCheckThrowOnFailure();
    }
}
