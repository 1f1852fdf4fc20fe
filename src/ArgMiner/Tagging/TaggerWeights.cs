using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ArgMiner.Tagging;

/// <summary>
/// The averaged-perceptron tagger's weight table laid out for scoring: quantised 16-bit weights, one
/// compact row of class weights per bucket that has any non-zero weight (most buckets have none after
/// pruning), found through a bitmap. Immutable once made, so one instance serves every thread.
/// </summary>
/// <remarks>
/// Scoring a token reads about 50 rows at random from several megabytes, so the time goes in cache
/// misses, not arithmetic (issue 12: this was half of the taggers' time). Hence: (1) a bucket's bitmap word
/// and the count of rows before it sit side by side, one cache line for both; (2) rows are 32 or 64 bytes
/// (16 or 32 classes, padded) and aligned to that size, so a row is one cache line, never two; (3) a bucket
/// without a row maps to an all-zero row instead of a branch, so the loads of one token's rows overlap
/// rather than waiting behind mispredicted branches; (4) callers turn the next token's word features
/// into rows before scoring this one, with a prefetch, so those rows arrive while this token is scored.
/// </remarks>
internal sealed class TaggerWeights
{
    // Per 64 buckets, two entries: the bitmap of buckets with a row, then the number of rows before them.
    private readonly ulong[] _index;

    // The rows, from _base on (the first element of an aligned row); the row after the last is all zero.
    private readonly short[] _rows;
    private readonly int _base;
    private readonly int _zeroRow;

    /// <summary>
    /// Lays out the table from its non-zero weights, as a model file stores them: <paramref name="positions"/>
    /// (bucket × class count + class, ascending) and their <paramref name="values"/>. The same table as the dense
    /// constructor makes from the same weights, without the dense table: loading a tagger made and zeroed a
    /// table of 2^bits × classes weights only to copy its non-zero rows out (issue 12, one-document start-up).
    /// </summary>
    /// <exception cref="ArgumentException">A position outside the table, or positions not ascending.</exception>
    public TaggerWeights(int bits, int classCount, ReadOnlySpan<int> positions, ReadOnlySpan<short> values)
        : this(bits, classCount)
    {
        if (positions.Length != values.Length)
        {
            throw new ArgumentException("one value per position", nameof(values));
        }

        var buckets = 1 << bits;
        var words = _index.Length / 2;
        // Positions ascend, so a row's number changes only when a position passes the row's end: one division a
        // row rather than one a weight (a tagger file holds hundreds of thousands of weights; issue 12 start-up).
        var previous = -1;
        int row = 0, rowStart = 0, rowEnd = 0;
        for (var i = 0; i < positions.Length; i++)
        {
            var p = positions[i];
            if (p <= previous || p >= buckets * classCount)
            {
                throw new ArgumentException("positions must be ascending and inside the table", nameof(positions));
            }

            previous = p;
            if (values[i] != 0)
            {
                if (p >= rowEnd)
                {
                    row = p / classCount;
                    rowStart = row * classCount;
                    rowEnd = rowStart + classCount;
                }

                _index[2 * (row >> 6)] |= 1UL << (row & 63);
            }
        }

        var count = 0;
        for (var w = 0; w < words; w++)
        {
            _index[(2 * w) + 1] = (ulong)count;
            count += BitOperations.PopCount(_index[2 * w]);
        }

        Rows = count;
        _zeroRow = count * Stride;
        _rows = AllocateRows(count, Stride, out _base);
        rowEnd = 0;
        var rowOffset = 0;
        for (var i = 0; i < positions.Length; i++)
        {
            if (values[i] != 0)
            {
                var p = positions[i];
                if (p >= rowEnd)
                {
                    row = p / classCount;
                    rowStart = row * classCount;
                    rowEnd = rowStart + classCount;
                    rowOffset = _base + RowStart(row) - rowStart;
                }

                _rows[rowOffset + p] = values[i];
            }
        }
    }

    /// <summary>The shape both layouts share: sizes, and an empty row index of one bit a row (two words per 64 rows).</summary>
    private TaggerWeights(int bits, int classCount)
    {
        Bits = bits;
        ClassCount = classCount;
        Stride = StrideFor(classCount);
        _index = new ulong[2 * Math.Max(1, (1 << bits) / 64)];
        _rows = []; // laid out by the calling constructor
    }

    /// <summary>Lays out a dense table of <c>2^bits</c> rows of <paramref name="classCount"/> weights.</summary>
    public TaggerWeights(int bits, int classCount, short[] weights)
        : this(bits, classCount)
    {
        var buckets = 1 << bits;
        var count = 0;
        for (var b = 0; b < buckets; b++)
        {
            if ((b & 63) == 0)
            {
                _index[(2 * (b >> 6)) + 1] = (ulong)count;
            }

            if (weights.AsSpan(b * classCount, classCount).ContainsAnyExcept((short)0))
            {
                _index[2 * (b >> 6)] |= 1UL << (b & 63);
                count++;
            }
        }

        Rows = count;
        _zeroRow = count * Stride;

        _rows = AllocateRows(count, Stride, out _base);
        var row = 0;
        for (var b = 0; b < buckets; b++)
        {
            if ((_index[2 * (b >> 6)] & (1UL << (b & 63))) != 0)
            {
                weights.AsSpan(b * classCount, classCount).CopyTo(_rows.AsSpan(_base + (row++ * Stride)));
            }
        }
    }

    /// <summary>The table has <c>2^Bits</c> buckets.</summary>
    public int Bits { get; }

    /// <summary>The weights per row that are classes (the rest is padding).</summary>
    public int ClassCount { get; }

    /// <summary>The weights per row, padding included.</summary>
    public int Stride { get; }

    /// <summary>The number of buckets with a non-zero weight.</summary>
    public int Rows { get; }

    /// <summary>
    /// The 32-bit sums a caller keeps of several rows (<see cref="AddRows"/>, <see cref="Best(ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{int}, ReadOnlySpan{int}, Span{int})"/>)
    /// have this many lanes: the classes, padded to whole 256-bit vectors (24 for the 17 POS tags, not the row's 32).
    /// </summary>
    public int Lanes => Stride == 32 && ClassCount <= 24 ? 24 : Stride;

    /// <summary>The class weights of a bucket (all zero when it has no row).</summary>
    public ReadOnlySpan<short> Row(int bucket) => _rows.AsSpan(_base + RowStart(bucket), ClassCount);

    /// <summary>Whether a bucket has a row (a non-zero weight).</summary>
    public bool HasRow(int bucket) => (_index[2 * (bucket >> 6)] & (1UL << (bucket & 63))) != 0;

    /// <summary>
    /// Replaces each bucket in <paramref name="features"/> with the start of its row (the zero row when it
    /// has none), ready for <see cref="Best"/>; with <paramref name="prefetch"/>, asks the cache for the rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ToRows(Span<int> features, bool prefetch)
    {
        for (var f = 0; f < features.Length; f++)
        {
            var start = RowStart(features[f]);
            features[f] = start;
            if (prefetch)
            {
                Prefetch(start);
            }
        }
    }

    /// <summary>As <see cref="ToRows(Span{int}, bool)"/>, for the features at <paramref name="positions"/> only.</summary>
    public void ToRows(Span<int> features, ReadOnlySpan<byte> positions, bool prefetch)
    {
        foreach (var f in positions)
        {
            var start = RowStart(features[f]);
            features[f] = start;
            if (prefetch)
            {
                Prefetch(start);
            }
        }
    }

    /// <summary>The start of the row of feature bucket <paramref name="bucket"/>, as <see cref="ToRows(Span{int}, bool)"/> gives it.</summary>
    public int RowOf(int bucket) => RowStart(bucket);

    /// <summary>Asks the CPU to start loading the row that starts at <paramref name="start"/> (a hint only).</summary>
    public void PrefetchRow(int start) => Prefetch(start);

    /// <summary>
    /// The class with the highest summed weight over the rows (as made by <see cref="ToRows"/>); the first
    /// such class on a tie. Sums are exact 32-bit integers: the scale only matters for reporting.
    /// </summary>
    /// <param name="rows">Row starts.</param>
    /// <param name="scores">At least <c>max(32, Stride)</c> slots of scratch.</param>
    public int Best(ReadOnlySpan<int> rows, Span<int> scores) => Best(rows, [], [], [], scores);

    /// <summary>
    /// As <see cref="Best(ReadOnlySpan{int}, Span{int})"/>, over the rows and three sums of other rows kept by the caller
    /// (<see cref="Lanes"/> lanes each, made by <see cref="AddRows"/>; all three empty for none). The scores are the same
    /// integers in whatever order the rows are added, so the same class wins.
    /// </summary>
    public int Best(ReadOnlySpan<int> rows, ReadOnlySpan<int> own, ReadOnlySpan<int> prev, ReadOnlySpan<int> next, Span<int> scores)
    {
        Sum(rows, own, prev, next, scores);
        var best = 0;
        for (var k = 1; k < ClassCount; k++)
        {
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>Adds the rows to <paramref name="sum"/> (<see cref="Lanes"/> lanes).</summary>
    public void AddRows(ReadOnlySpan<int> rows, Span<int> sum)
    {
        Span<int> scores = stackalloc int[Math.Max(32, Stride)];
        Sum(rows, sum[..Lanes], [], [], scores);
        scores[..Lanes].CopyTo(sum);
    }

    /// <summary>Writes the sums over the rows and the three kept sums (each empty or <see cref="Lanes"/> long) to <paramref name="scores"/>.</summary>
    public void Sum(ReadOnlySpan<int> rows, ReadOnlySpan<int> own, ReadOnlySpan<int> prev, ReadOnlySpan<int> next, Span<int> scores)
    {
        ref var table = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rows), _base);
        ref var acc = ref MemoryMarshal.GetReference(scores);
        if (Stride == 16)
        {
            Vector256<int> a0 = default, a1 = default;
            if (!own.IsEmpty)
            {
                a0 = Sum3(own, prev, next, 0);
                a1 = Sum3(own, prev, next, 8);
            }

            foreach (var r in rows)
            {
                var (l, h) = Vector256.Widen(Vector256.LoadUnsafe(ref Unsafe.Add(ref table, r)));
                a0 += l;
                a1 += h;
            }

            a0.StoreUnsafe(ref acc);
            a1.StoreUnsafe(ref acc, 8);
        }
        else if (Stride == 32 && Lanes == 24)
        {
            // 17 to 24 classes: the row's last 8 weights are padding, so they are neither widened nor added.
            Vector256<int> a0 = default, a1 = default, a2 = default;
            if (!own.IsEmpty)
            {
                a0 = Sum3(own, prev, next, 0);
                a1 = Sum3(own, prev, next, 8);
                a2 = Sum3(own, prev, next, 16);
            }

            foreach (var r in rows)
            {
                ref var row = ref Unsafe.Add(ref table, r);
                var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref row));
                a0 += l0;
                a1 += h0;
                a2 += Vector256.WidenLower(Vector256.LoadUnsafe(ref row, 16));
            }

            a0.StoreUnsafe(ref acc);
            a1.StoreUnsafe(ref acc, 8);
            a2.StoreUnsafe(ref acc, 16);
        }
        else if (Stride == 32)
        {
            Vector256<int> a0 = default, a1 = default, a2 = default, a3 = default;
            if (!own.IsEmpty)
            {
                a0 = Sum3(own, prev, next, 0);
                a1 = Sum3(own, prev, next, 8);
                a2 = Sum3(own, prev, next, 16);
                a3 = Sum3(own, prev, next, 24);
            }

            foreach (var r in rows)
            {
                ref var row = ref Unsafe.Add(ref table, r);
                var (l0, h0) = Vector256.Widen(Vector256.LoadUnsafe(ref row));
                var (l1, h1) = Vector256.Widen(Vector256.LoadUnsafe(ref row, 16));
                a0 += l0;
                a1 += h0;
                a2 += l1;
                a3 += h1;
            }

            a0.StoreUnsafe(ref acc);
            a1.StoreUnsafe(ref acc, 8);
            a2.StoreUnsafe(ref acc, 16);
            a3.StoreUnsafe(ref acc, 24);
        }
        else
        {
            scores[..ClassCount].Clear();
            for (var k = 0; k < ClassCount && !own.IsEmpty; k++)
            {
                scores[k] = own[k] + (prev.IsEmpty ? 0 : prev[k] + next[k]);
            }

            foreach (var r in rows)
            {
                var row = _rows.AsSpan(_base + r, ClassCount);
                for (var k = 0; k < row.Length; k++)
                {
                    scores[k] += row[k];
                }
            }
        }
    }

    /// <summary>Lanes <paramref name="at"/> to <paramref name="at"/> + 7 of the three sums added (a sum may be the empty one only when all are).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Sum3(ReadOnlySpan<int> own, ReadOnlySpan<int> prev, ReadOnlySpan<int> next, int at)
    {
        var sum = Vector256.Create(own.Slice(at, 8));
        if (!prev.IsEmpty)
        {
            sum += Vector256.Create(prev.Slice(at, 8)) + Vector256.Create(next.Slice(at, 8));
        }

        return sum;
    }

    /// <summary>The offset of a bucket's row from <see cref="_base"/>, or of the zero row; no branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int RowStart(int bucket)
    {
        ref var entry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_index), 2 * (bucket >> 6));
        var word = entry;
        var shift = bucket & 63;
        var row = (int)Unsafe.Add(ref entry, 1) + BitOperations.PopCount(word & ((1UL << shift) - 1));
        var has = -(int)((word >> shift) & 1);

        // has is all ones or zero: the row's start, or the zero row's.
        return _zeroRow ^ (((row * Stride) ^ _zeroRow) & has);
    }

    private unsafe void Prefetch(int start)
    {
        // A hint only: it never faults, and the table is pinned, so the address stays right.
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref _rows[_base + start]));
        }
    }

    private static int StrideFor(int classCount) => classCount <= 16 ? 16 : classCount <= 32 ? 32 : (classCount + 7) & ~7;

    /// <summary>
    /// The rows' array, sized once (rows counted first): growing a list here left tens of megabytes of large-object
    /// garbage behind every model load (issue 12). Pinned, so the alignment worked out here holds for the table's
    /// life (objects on the pinned heap never move); 32 spare weights to shift the start onto a 64-byte line.
    /// </summary>
    private static short[] AllocateRows(int count, int stride, out int start)
    {
        const int alignShorts = 32;
        var rows = GC.AllocateArray<short>(((count + 1) * stride) + alignShorts, pinned: true);
        start = AlignmentOffset(rows);
        return rows;
    }

    private static unsafe int AlignmentOffset(short[] pinned)
    {
        var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        return (int)((64 - (address & 63)) & 63) / sizeof(short);
    }
}
