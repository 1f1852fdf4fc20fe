using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using ArgMiner.Models;

namespace ArgMiner.Encoders.Classification;

/// <summary>
/// The labelled training sentences' encoder vectors, kept so that the accurate tier's stacker can read, for a new
/// sentence, how the training sentences most like it were labelled: the similarity-weighted share of each label among
/// its <see cref="Neighbours"/> nearest rows (dot product of the joined encoder vectors). The linear stacker cannot
/// draw such local boundaries from the vector itself.
/// </summary>
/// <remarks>
/// Written by hand: ML.NET has no nearest-neighbour search or feature, and no package served here offers one for
/// .NET. Vectors are stored as signed bytes, one scale per row (the row's largest magnitude ÷ 127), and the query is
/// quantised the same way, so a similarity is an exact integer dot product times the row's scale: the same on every
/// machine and thread count. The query's own scale multiplies every similarity alike, so it cancels out of the
/// ranking and the shares and is never applied. A scan of the whole bank per sentence is linear in its size (18 k rows
/// of 768 bytes: about a millisecond), small beside the encoders' own time. Immutable and thread-safe.
/// </remarks>
public sealed class NeighbourBank
{
    /// <summary>The model package entry that holds the bank.</summary>
    public const string Entry = "neighbour-bank.bin";

    /// <summary>The number of labels a share is given for.</summary>
    public const int Labels = 4;

    private const int HeaderBytes = 12;

    private readonly sbyte[] _codes;
    private readonly float[] _scales;
    private readonly byte[] _labels;
    private readonly int[]? _groups;

    private NeighbourBank(int dimension, int neighbours, sbyte[] codes, float[] scales, byte[] labels, int[]? groups)
    {
        Dimension = dimension;
        Neighbours = neighbours;
        _codes = codes;
        _scales = scales;
        _labels = labels;
        _groups = groups;
    }

    /// <summary>The length of a vector.</summary>
    public int Dimension { get; }

    /// <summary>How many nearest rows a sentence's shares are taken over.</summary>
    public int Neighbours { get; }

    /// <summary>The number of rows.</summary>
    public int Count => _labels.Length;

    /// <summary>
    /// A bank of <paramref name="vectors"/> labelled <paramref name="labels"/> (label indexes 0 to 3); with
    /// <paramref name="groups"/> (a document number per row, kept in memory only, for training), a sentence can be
    /// scored without the rows of its own document.
    /// </summary>
    /// <exception cref="ArgumentException">No rows, rows of different lengths, or a label out of range.</exception>
    public static NeighbourBank Build(IReadOnlyList<float[]> vectors, IReadOnlyList<int> labels, int neighbours, IReadOnlyList<int>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(neighbours, 1);
        if (vectors.Count == 0 || labels.Count != vectors.Count || (groups is not null && groups.Count != vectors.Count))
        {
            throw new ArgumentException("a bank needs at least one row, and one label (and group) per row", nameof(vectors));
        }

        var dimension = vectors[0].Length;
        var codes = new sbyte[vectors.Count * dimension];
        var scales = new float[vectors.Count];
        var bytes = new byte[vectors.Count];
        for (var i = 0; i < vectors.Count; i++)
        {
            if (vectors[i].Length != dimension || labels[i] is < 0 or >= Labels)
            {
                throw new ArgumentException($"row {i} has {vectors[i].Length} dimensions (not {dimension}) or label {labels[i]} (not 0 to {Labels - 1})", nameof(vectors));
            }

            scales[i] = Quantise(vectors[i], codes.AsSpan(i * dimension, dimension));
            bytes[i] = (byte)labels[i];
        }

        return new NeighbourBank(dimension, neighbours, codes, scales, bytes, groups?.ToArray());
    }

    /// <summary>
    /// Writes into <paramref name="shares"/> (<see cref="Labels"/> long) the similarity-weighted share of each label
    /// among the <see cref="Neighbours"/> rows nearest to <paramref name="vector"/>, leaving out the rows of group
    /// <paramref name="exceptGroup"/> (negative: none). Rows less similar than orthogonal weigh nothing; when nothing
    /// weighs, every share is 1/4. Ties keep the earlier row.
    /// </summary>
    public void Shares(ReadOnlySpan<float> vector, Span<float> shares, int exceptGroup = -1)
    {
        if (vector.Length != Dimension || shares.Length != Labels)
        {
            throw new ArgumentException($"the bank holds {Dimension}-dimension vectors and {Labels} labels");
        }

        if (exceptGroup >= 0 && _groups is null)
        {
            throw new InvalidOperationException("this bank has no groups (a loaded bank scores new text only)");
        }

        Span<sbyte> query = Dimension <= 4096 ? stackalloc sbyte[Dimension] : new sbyte[Dimension];
        Quantise(vector, query);
        Span<short> wide = Dimension <= 4096 ? stackalloc short[Dimension] : new short[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            wide[i] = query[i];
        }

        Span<float> best = stackalloc float[Neighbours];
        Span<int> who = stackalloc int[Neighbours];
        best.Fill(float.NegativeInfinity);
        who.Fill(-1);
        for (var j = 0; j < Count; j++)
        {
            if (exceptGroup >= 0 && _groups![j] == exceptGroup)
            {
                continue;
            }

            var s = Dot(query, wide, _codes.AsSpan(j * Dimension, Dimension)) * _scales[j];
            if (s <= best[^1])
            {
                continue;
            }

            var at = Neighbours - 1;
            while (at > 0 && best[at - 1] < s)
            {
                best[at] = best[at - 1];
                who[at] = who[at - 1];
                at--;
            }

            best[at] = s;
            who[at] = j;
        }

        shares.Clear();
        var total = 0f;
        for (var t = 0; t < Neighbours && who[t] >= 0; t++)
        {
            var w = Math.Max(best[t], 0f);
            shares[_labels[who[t]]] += w;
            total += w;
        }

        for (var k = 0; k < Labels; k++)
        {
            shares[k] = total > 0 ? shares[k] / total : 1f / Labels;
        }
    }

    /// <summary>The bank as its package entry: a header (rows, dimension, neighbours), then per row its label and scale, then the codes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderBytes + (5 * Count) + _codes.Length];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Count);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), Dimension);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), Neighbours);
        var at = HeaderBytes;
        for (var i = 0; i < Count; i++, at += 5)
        {
            bytes[at] = _labels[i];
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at + 1), _scales[i]);
        }

        Buffer.BlockCopy(_codes, 0, bytes, at, _codes.Length);
        return bytes;
    }

    /// <summary>Reads a bank written by <see cref="ToBytes"/>, expecting vectors of <paramref name="dimension"/>.</summary>
    /// <exception cref="ModelFormatException">The entry is truncated, inconsistent or for other vectors.</exception>
    public static NeighbourBank FromBytes(byte[] bytes, int dimension, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length < HeaderBytes)
        {
            throw new ModelFormatException(path, $"corrupt model ({Entry} has {bytes.Length} bytes)");
        }

        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var stored = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
        var neighbours = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        if (count <= 0 || stored != dimension || neighbours is <= 0 or > 1000 || (long)HeaderBytes + ((5L + dimension) * count) != bytes.Length)
        {
            throw new ModelFormatException(path, $"corrupt model ({Entry}: {count} rows of {stored} dimensions and {neighbours} neighbours in {bytes.Length} bytes, for {dimension}-dimension vectors)");
        }

        var labels = new byte[count];
        var scales = new float[count];
        var at = HeaderBytes;
        for (var i = 0; i < count; i++, at += 5)
        {
            labels[i] = bytes[at];
            scales[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at + 1));
            if (labels[i] >= Labels || !float.IsFinite(scales[i]) || scales[i] < 0)
            {
                throw new ModelFormatException(path, $"corrupt model ({Entry}: row {i} has label {labels[i]} and scale {scales[i]})");
            }
        }

        // 13.9 MB in the shipped model: one block copy (bytes and signed bytes share their bits), not a loop, at start-up.
        var codes = new sbyte[count * dimension];
        Buffer.BlockCopy(bytes, at, codes, 0, codes.Length);
        return new NeighbourBank(dimension, neighbours, codes, scales, labels, null);
    }

    // Signed bytes of the vector over its largest magnitude; returns that magnitude / 127 (0 for a zero vector).
    private static float Quantise(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var max = 0f;
        foreach (var x in vector)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        if (!(max > 0) || !float.IsFinite(max))
        {
            codes.Clear();
            return 0;
        }

        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] * 127f / max, MidpointRounding.ToEven), -127, 127);
        }

        return max / 127f;
    }

    // Exact integer dot product of the query (as bytes, and widened to shorts once per query) with a row. With AVX2 the
    // row's bytes are widened to shorts and multiplied and pairwise added into ints in one instruction (VPMADDWD);
    // elsewhere bytes are widened to shorts (a product of two is at most 127 x 127, within a short), products to ints.
    private static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<short> wide, ReadOnlySpan<sbyte> b) =>
        Avx2.IsSupported ? DotAvx2(wide, b) : DotPortable(a, b);

    /// <summary>The dot product with <see cref="Vector{T}"/> (any processor).</summary>
    internal static int DotPortable(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        var sum = Vector<int>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= a.Length - Vector<sbyte>.Count; i += Vector<sbyte>.Count)
            {
                Vector.Widen(new Vector<sbyte>(a[i..]), out var a0, out var a1);
                Vector.Widen(new Vector<sbyte>(b[i..]), out var b0, out var b1);
                Vector.Widen(a0 * b0, out var p0, out var p1);
                Vector.Widen(a1 * b1, out var p2, out var p3);
                sum += p0 + p1 + p2 + p3;
            }
        }

        var result = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            result += a[i] * b[i];
        }

        return result;
    }

    /// <summary>The dot product with AVX2 (call only when <see cref="Avx2.IsSupported"/>).</summary>
    internal static int DotAvx2(ReadOnlySpan<short> query, ReadOnlySpan<sbyte> row)
    {
        ref var q = ref MemoryMarshal.GetReference(query);
        ref var r = ref MemoryMarshal.GetReference(row);
        var sum0 = Vector256<int>.Zero;
        var sum1 = Vector256<int>.Zero;
        var i = 0;
        for (; i <= row.Length - 32; i += 32)
        {
            var b0 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)i));
            var b1 = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)(i + 16)));
            sum0 = Avx2.Add(sum0, Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref q, (nuint)i), b0));
            sum1 = Avx2.Add(sum1, Avx2.MultiplyAddAdjacent(Vector256.LoadUnsafe(ref q, (nuint)(i + 16)), b1));
        }

        var result = Vector256.Sum(Avx2.Add(sum0, sum1));
        for (; i < row.Length; i++)
        {
            result += query[i] * row[i];
        }

        return result;
    }
}
