using ArgMiner.Tagging;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Tagging;

public sealed class TaggerWeightsTests
{
    private const int Bits = 10;

    [Fact]
    public void GivenAnyWeights_WhenLaidOutFromTheirNonZeroEntries_ThenEveryRowEqualsTheDenseLayouts() =>
        Prop.ForAll<int, int[]>((classSeed, cells) =>
        {
            var classCount = 1 + (Math.Abs(classSeed % 40));
            var dense = new short[(1 << Bits) * classCount];
            foreach (var cell in cells ?? [])
            {
                // Some cells set to zero on purpose: a stored zero must not make a row.
                dense[(int)((uint)cell % (uint)dense.Length)] = (short)(cell % 7);
            }

            var positions = new List<int>();
            var values = new List<short>();
            for (var i = 0; i < dense.Length; i++)
            {
                if (dense[i] != 0 || i % 97 == 0)
                {
                    positions.Add(i);
                    values.Add(dense[i]);
                }
            }

            var fromDense = new TaggerWeights(Bits, classCount, dense);
            var fromSparse = new TaggerWeights(Bits, classCount, [.. positions], [.. values]);
            return fromDense.Rows == fromSparse.Rows
                && Enumerable.Range(0, 1 << Bits).All(b => fromDense.HasRow(b) == fromSparse.HasRow(b)
                    && fromDense.Row(b).SequenceEqual(fromSparse.Row(b)));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void GivenPositionsOutOfOrderOrOutsideTheTable_WhenLaidOut_ThenTheyAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new TaggerWeights(Bits, 3, [5, 4], [1, 1]));
        Assert.Throws<ArgumentException>(() => new TaggerWeights(Bits, 3, [(1 << Bits) * 3], [1]));
    }
}
