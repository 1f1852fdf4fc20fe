using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArgMiner.Classification;

/// <summary>
/// FNV-1a over UTF-16 code units with a final avalanche (MurmurHash3's fmix32): a stable hash written by
/// hand because <see cref="string.GetHashCode()"/> is randomised per process and would make saved models
/// meaningless.
/// </summary>
internal static class FeatureHash
{
    public const uint Offset = 2166136261;
    private const uint Prime = 16777619;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint hash, char c) => (hash ^ c) * Prime;

    public static uint Add(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}

/// <summary>
/// A reusable sparse vector under construction: features are added block by block (word n-grams, character
/// n-grams, linguistic cues); repeated indexes inside a block are summed (term frequency) and a block can be
/// L2-normalised when it ends, as ML.NET's FeaturizeText does per n-gram block. Not thread-safe: one per
/// thread or call.
/// </summary>
internal sealed class FeatureVectorBuilder
{
    private int[] _indices = new int[256];
    private float[] _values = new float[256];

    /// <summary>
    /// The open-addressing table of the current block: a slot holds the block's generation in its high half and
    /// an entry number + 1 in its low half, and counts as empty unless its generation is the current one, so
    /// closing a block empties the table by counting up instead of clearing the slots it used.
    /// </summary>
    private ulong[] _slots = new ulong[1024];
    private ulong _generation = 1UL << 32;
    private int _blockStart;

    /// <summary>Whether the current block had a value other than 1 added (its values may then not be counts).</summary>
    private bool _fractional;

    /// <summary>
    /// The weights (four per slot) the vector will be scored with, or null: each new entry asks the CPU to
    /// start loading its weight row, so the cache misses of scoring overlap with featurizing the rest of the
    /// sentence instead of queueing after it. Only a hint: it changes no result.
    /// </summary>
    public float[]? PrefetchRows { get; set; }

    /// <summary>Creates a builder; with <paramref name="names"/> it also records a readable name per index.</summary>
    public FeatureVectorBuilder(Dictionary<int, string>? names = null)
    {
        Names = names;
    }

    /// <summary>Readable names of the indexes seen, when recording (training only).</summary>
    public Dictionary<int, string>? Names { get; }

    /// <summary>The featurizer's memo of word types (<see cref="CachingWords"/>), or null.</summary>
    internal SentenceFeaturizer.WordFeatureCache? WordCache { get; private set; }

    /// <summary>
    /// Lets the featurizer keep what it works out for each word type with this builder, for a builder that
    /// featurizes many sentences (<c>classify</c>'s scoring threads): the features are the same, found faster.
    /// </summary>
    public FeatureVectorBuilder CachingWords()
    {
        WordCache ??= new SentenceFeaturizer.WordFeatureCache();
        return this;
    }

    /// <summary>
    /// Whether its tables are of an ordinary sentence's size (at most 16,384 entries and slots, under 300 KB), so a
    /// caller may keep it for the next document; one grown by a freak sentence is dropped rather than pinned.
    /// </summary>
    public bool IsCompact => _slots.Length <= 1 << 14 && _indices.Length <= 1 << 14;

    /// <summary>Number of distinct (block, index) entries.</summary>
    public int Count { get; private set; }

    /// <summary>The entries' indexes.</summary>
    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    /// <summary>The entries' values.</summary>
    public ReadOnlySpan<float> Values => _values.AsSpan(0, Count);

    /// <summary>Whether a name should be built for <paramref name="index"/> (recording, and not yet named).</summary>
    public bool WantsName(int index) => Names is not null && !Names.ContainsKey(index);

    /// <summary>Position among the entries where the dense block added by <see cref="AddDense"/> starts (it runs to the end), or -1.</summary>
    public int DenseStart { get; private set; } = -1;

    /// <summary>Empties the builder for the next sentence.</summary>
    public void Clear()
    {
        DenseStart = -1;
        _fractional = false;
        ClearSlots();
        Count = 0;
        _blockStart = 0;
    }

    /// <summary>Adds <paramref name="value"/> at <paramref name="index"/> in the current block.</summary>
    /// <remarks>Inlined into <see cref="AddAll"/>'s loop (a call per n-gram was a share of the time of its own); growing is out of line.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int index, float value = 1f)
    {
        // Folds away where the value is the constant 1 (the n-gram loops): EndBlock sums counts faster.
        if (value != 1f)
        {
            _fractional = true;
        }

        // Indexes are already avalanche-mixed hashes, so their low bits serve as the slot directly. The probe
        // reads go through references without bounds checks: a slot of the current generation holds an entry
        // number <= Count, and the mask keeps the slot inside the table (the hot loop of featurizing, a call
        // per n-gram).
        var slots = _slots;
        var mask = slots.Length - 1;
        var slot = index & mask;
        var generation = _generation;
        ref var slots0 = ref MemoryMarshal.GetArrayDataReference(slots);
        ref var indices0 = ref MemoryMarshal.GetArrayDataReference(_indices);
        while (true)
        {
            var entry = Unsafe.Add(ref slots0, slot);
            if ((entry & 0xFFFF_FFFF_0000_0000UL) != generation)
            {
                break;
            }

            var at = (int)(uint)entry;
            if (Unsafe.Add(ref indices0, at - 1) == index)
            {
                Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_values), at - 1) += value;
                return;
            }

            slot = (slot + 1) & mask;
        }

        var count = Count;
        if (count == _indices.Length)
        {
            Grow();
        }

        _indices[count] = index;
        _values[count] = value;
        Count = count + 1;
        if (PrefetchRows is { } rows && System.Runtime.Intrinsics.X86.Sse.IsSupported)
        {
            unsafe
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows), index * 4)));
            }
        }

        Unsafe.Add(ref slots0, slot) = generation | (uint)(count + 1);
        if ((count + 1 - _blockStart) * 2 > slots.Length)
        {
            Rehash();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        Array.Resize(ref _indices, _indices.Length * 2);
        Array.Resize(ref _values, _values.Length * 2);
    }

    /// <summary>Adds 1 at each of <paramref name="indexes"/> in order, as that many <see cref="Add"/> calls would.</summary>
    /// <remarks>
    /// Written out by hand rather than as a loop of <see cref="Add"/> calls: the character n-grams of every word
    /// come through here (a sixth of <c>classify</c>'s time, issue 12), and with the table, the arrays, the count
    /// and the generation held in locals the loop no longer reloads the builder's fields after every store. Each
    /// step does what <see cref="Add"/> does; a step that must grow the arrays or the table goes through
    /// <see cref="Add"/> itself and the loop picks its locals up again.
    /// </remarks>
    public void AddAll(ReadOnlySpan<int> indexes)
    {
        var i = 0;
        while (i < indexes.Length)
        {
            i = AddRun(indexes, i);
            if (i < indexes.Length)
            {
                Add(indexes[i]);
                i++;
            }
        }
    }

    /// <summary>
    /// Adds 1 at <paramref name="indexes"/> from <paramref name="from"/> on, as <see cref="Add"/> would, until one
    /// would grow the arrays or the table; returns where it stopped (that index not added).
    /// </summary>
    private int AddRun(ReadOnlySpan<int> indexes, int from)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var generation = _generation;
        var indices = _indices;
        var values = _values;
        var count = Count;

        // A new entry may be added while count < the arrays' length and the table stays at most half full after it.
        var limit = Math.Min(indices.Length, _blockStart + (slots.Length / 2));
        var rows = PrefetchRows;
        var prefetch = rows is not null && System.Runtime.Intrinsics.X86.Sse.IsSupported;
        ref var slots0 = ref MemoryMarshal.GetArrayDataReference(slots);
        ref var indices0 = ref MemoryMarshal.GetArrayDataReference(indices);
        ref var values0 = ref MemoryMarshal.GetArrayDataReference(values);
        var i = from;
        for (; i < indexes.Length; i++)
        {
            var index = indexes[i];
            var slot = index & mask;
            while (true)
            {
                var entry = Unsafe.Add(ref slots0, slot);
                if ((entry & 0xFFFF_FFFF_0000_0000UL) != generation)
                {
                    break;
                }

                var at = (int)(uint)entry;
                if (Unsafe.Add(ref indices0, at - 1) == index)
                {
                    Unsafe.Add(ref values0, at - 1) += 1f;
                    goto next;
                }

                slot = (slot + 1) & mask;
            }

            if (count >= limit)
            {
                break;
            }

            Unsafe.Add(ref indices0, count) = index;
            Unsafe.Add(ref values0, count) = 1f;
            count++;
            if (prefetch)
            {
                unsafe
                {
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(rows!), index * 4)));
                }
            }

            Unsafe.Add(ref slots0, slot) = generation | (uint)count;
        next:;
        }

        Count = count;
        return i;
    }

    /// <summary>
    /// Adds a dense block of its own: <paramref name="values"/> at indexes <paramref name="start"/> onwards. The
    /// indexes are distinct by construction, so they skip the duplicate check; the block is closed.
    /// </summary>
    public void AddDense(int start, ReadOnlySpan<float> values, float scale)
    {
        EndBlock(normalize: false);
        DenseStart = Count;
        if (Count + values.Length > _indices.Length)
        {
            var size = Math.Max(_indices.Length * 2, Count + values.Length);
            Array.Resize(ref _indices, size);
            Array.Resize(ref _values, size);
        }

        var indices = _indices.AsSpan(Count, values.Length);
        var scaled = _values.AsSpan(Count, values.Length);
        for (var j = 0; j < values.Length; j++)
        {
            indices[j] = start + j;
            scaled[j] = values[j] * scale;
        }

        Count += values.Length;

        _blockStart = Count;
    }

    /// <summary>Closes the current block, scaling it to unit L2 norm when <paramref name="normalize"/>.</summary>
    public void EndBlock(bool normalize)
    {
        if (normalize && Count > _blockStart)
        {
            var block = _values.AsSpan(_blockStart, Count - _blockStart);
            var sum = _fractional ? SumOfSquares(block) : SumOfSquaresOfCounts(block);

            var scale = (float)(1.0 / Math.Sqrt(sum));
            for (var i = 0; i < block.Length; i++)
            {
                block[i] *= scale;
            }
        }

        ClearSlots();
        _blockStart = Count;
        _fractional = false;
    }

    /// <summary>The sum of the squares of <paramref name="block"/>'s values, added in order.</summary>
    private static double SumOfSquares(ReadOnlySpan<float> block)
    {
        double sum = 0;
        foreach (var v in block)
        {
            sum += (double)v * v;
        }

        return sum;
    }

    /// <summary>
    /// <see cref="SumOfSquares"/> of a block whose values are all counts (whole numbers, every add was 1): each
    /// square and every partial sum is then a whole number far below 2^53, exact in a double, so four running
    /// sums give the very same value as one, without one long chain of dependent additions (issue 12).
    /// </summary>
    private static double SumOfSquaresOfCounts(ReadOnlySpan<float> block)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        var i = 0;
        for (; i <= block.Length - 4; i += 4)
        {
            s0 += (double)block[i] * block[i];
            s1 += (double)block[i + 1] * block[i + 1];
            s2 += (double)block[i + 2] * block[i + 2];
            s3 += (double)block[i + 3] * block[i + 3];
        }

        for (; i < block.Length; i++)
        {
            s0 += (double)block[i] * block[i];
        }

        return (s0 + s1) + (s2 + s3);
    }

    /// <summary>Empties the table by moving to the next generation (clearing it for real once in 2^32 blocks).</summary>
    private void ClearSlots()
    {
        _generation += 1UL << 32;
        if (_generation == 0)
        {
            Array.Clear(_slots);
            _generation = 1UL << 32;
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Rehash()
    {
        _slots = new ulong[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = _blockStart; i < Count; i++)
        {
            var slot = _indices[i] & mask;
            while ((_slots[slot] & 0xFFFF_FFFF_0000_0000UL) == _generation)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = _generation | (uint)(i + 1);
        }
    }
}
