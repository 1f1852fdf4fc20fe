using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ArgMiner.Models;

namespace ArgMiner.Classification;

/// <summary>
/// A table of pretrained word vectors (GloVe-style: a lower-case word and a dense vector), the counterpart of
/// the word-embedding extractor ML.NET's text featurizer can add (<c>ApplyWordEmbedding</c>) and of the
/// vectors spaCy ships inside its models. Vectors are stored quantised to signed bytes with one scale per
/// word (a quarter of the size of floats; the cosine between a word and its quantised copy is above 0.999),
/// so a table of the 30,000 commonest English words ships inside the product at about 3 MB. Written by hand
/// because neither ML.NET nor its pretrained embeddings restore here. Immutable and thread-safe.
/// </summary>
public sealed class WordVectors
{
    /// <summary>The model kind of a word-vector package.</summary>
    public const string Kind = "word-vectors";

    /// <summary>Version of the package's entry layout.</summary>
    public const int FormatVersion = 1;

    /// <summary>The package entry (and the sentence-classifier entry) that holds the table.</summary>
    public const string Entry = "vectors.bin";

    private readonly string[] _words;

    /// <summary>Per slot: the word's mixed hash in the high half, its number + 1 in the low half (0: empty).</summary>
    private readonly ulong[] _slots;
    /// <summary>
    /// Per word, a block of <see cref="KeyFloats"/> + <see cref="Dimension"/> floats: the word's length and up
    /// to <see cref="InlineChars"/> of its chars (bits stored in floats), then its vector. A lookup checks the
    /// word against the chars in the block it is about to read anyway, instead of fetching the word's string
    /// through the word array: two dependent cache misses fewer per word of a sentence.
    /// </summary>
    private readonly float[] _floats;
    private readonly int _stride;
    private readonly byte[] _bytes;

    /// <summary>Floats at the start of a word's block holding its length and inline chars.</summary>
    private const int KeyFloats = 8;

    /// <summary>Chars of a word kept in its block; a longer word is compared with its string.</summary>
    private const int InlineChars = (KeyFloats - 1) * 2;

    private WordVectors(string[] words, float[] scales, sbyte[] values, int dimension, byte[] bytes, JsonObject card)
    {
        // An open-addressing table of word numbers keyed by the word's FNV-1a hash: several times faster on a
        // span than a FrozenDictionary's alternate lookup, and the lookup is the featurizer's hot path.
        _words = words;
        // Each slot keeps the word's full hash beside its number, so a probe passing other words' slots
        // compares hashes in the table instead of fetching their strings.
        _slots = new ulong[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, words.Length * 2))];
        var mask = _slots.Length - 1;
        for (var i = 0; i < words.Length; i++)
        {
            var mixed = FeatureHash.Mix(FeatureHash.Add(FeatureHash.Offset, words[i]));
            var slot = (int)(mixed & (uint)mask);
            while (_slots[slot] != 0)
            {
                if (string.Equals(_words[(int)(uint)_slots[slot] - 1], words[i], StringComparison.Ordinal))
                {
                    // The first (most frequent) spelling wins when a source lists a word twice.
                    goto next;
                }

                slot = (slot + 1) & mask;
            }

            _slots[slot] = ((ulong)mixed << 32) | (uint)(i + 1);
        next:;
        }
        _bytes = bytes;

        // Dequantised once: summing floats with SIMD is several times faster than widening bytes per word,
        // at 400 bytes a word in memory (12 MB for the shipped 30,000 words).
        _stride = KeyFloats + dimension;
        _floats = new float[words.Length * _stride];
        for (var i = 0; i < words.Length; i++)
        {
            var block = _floats.AsSpan(i * _stride, _stride);
            block[0] = BitConverter.Int32BitsToSingle(words[i].Length);
            var key = MemoryMarshal.Cast<float, char>(block[1..KeyFloats]);
            words[i].AsSpan(0, Math.Min(words[i].Length, InlineChars)).CopyTo(key);
            for (var j = 0; j < dimension; j++)
            {
                block[KeyFloats + j] = values[(i * dimension) + j] * scales[i];
            }
        }

        Dimension = dimension;
        Count = words.Length;
        Card = card;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
    }

    /// <summary>Number of words.</summary>
    public int Count { get; }

    /// <summary>The table's words, in its order (sources list words by frequency).</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>Length of every vector.</summary>
    public int Dimension { get; }

    /// <summary>The first 16 hex digits of the SHA-256 of the table's bytes: a model records it to be sure it is scored with the table it was trained with.</summary>
    public string Fingerprint { get; }

    /// <summary>The card: where the vectors come from, their licence, how they were reduced.</summary>
    public JsonObject Card { get; }

    /// <summary>
    /// Adds the vector of <paramref name="word"/> (an exact, lower-case key) to <paramref name="sum"/>;
    /// false when the table does not hold the word.
    /// </summary>
    public bool TryAddTo(ReadOnlySpan<char> word, Span<float> sum) => TryAddTo(word, FeatureHash.Add(FeatureHash.Offset, word), sum);

    /// <summary>
    /// <see cref="TryAddTo(ReadOnlySpan{char}, Span{float})"/> with the word's unmixed FNV-1a hash
    /// (<c>FeatureHash.Add(FeatureHash.Offset, word)</c>) already computed, as the featurizer does in the pass
    /// that hashes its n-grams.
    /// </summary>
    internal bool TryAddTo(ReadOnlySpan<char> word, uint hash, Span<float> sum)
    {
        var i = IndexOf(word, hash);
        if (i < 0)
        {
            return false;
        }

        AddRowTo(i, sum);
        return true;
    }

    /// <summary>The row of <paramref name="word"/> (its unmixed FNV-1a <paramref name="hash"/> given), or -1: what <see cref="AddRowTo"/> takes.</summary>
    internal int RowOf(ReadOnlySpan<char> word, uint hash) => IndexOf(word, hash);

    /// <summary>
    /// Asks the CPU to start loading the values of row <paramref name="i"/> (from <see cref="RowOf"/>), which
    /// <see cref="AddRowTo"/> will read soon: the rows of a sentence's words lie anywhere in megabytes, and their
    /// cache misses then overlap with the work done before the sum (issue 12). Only a hint: it changes no result.
    /// </summary>
    internal void PrefetchRow(int i)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported || (uint)i >= (uint)Count)
        {
            return;
        }

        ref var start = ref _floats[(i * _stride) + KeyFloats];
        var bytes = Dimension * sizeof(float);
        unsafe
        {
            var p = (byte*)Unsafe.AsPointer(ref start);
            for (var at = 0; at < bytes; at += 64)
            {
                System.Runtime.Intrinsics.X86.Sse.Prefetch0(p + at);
            }

            System.Runtime.Intrinsics.X86.Sse.Prefetch0(p + bytes - 1);
        }
    }

    /// <summary>Adds the vector of row <paramref name="i"/> (from <see cref="RowOf"/>) to <paramref name="sum"/>.</summary>
    internal void AddRowTo(int i, Span<float> sum)
    {
        var row = _floats.AsSpan((i * _stride) + KeyFloats, Dimension);
        if (sum.Length < row.Length)
        {
            throw new ArgumentException($"the sum has {sum.Length} values, the vectors {row.Length}", nameof(sum));
        }

        // Element by element, so the result is the same whatever the vector width; the lengths were checked.
        ref var s0 = ref MemoryMarshal.GetReference(sum);
        ref var r0 = ref MemoryMarshal.GetReference(row);
        var j = 0;

        // 512-bit registers where the CPU has them (a 50-float row in 3 steps instead of 6 with Vector<float>'s
        // 256 bits): each element is still one float addition of its own, so the sum is the same bits.
        if (System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
        {
            for (; j <= row.Length - 16; j += 16)
            {
                ref var at = ref Unsafe.Add(ref s0, j);
                System.Runtime.Intrinsics.Vector512.StoreUnsafe(System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref at) + System.Runtime.Intrinsics.Vector512.LoadUnsafe(ref Unsafe.Add(ref r0, j)), ref at);
            }
        }

        if (Vector.IsHardwareAccelerated)
        {
            for (; j <= row.Length - Vector<float>.Count; j += Vector<float>.Count)
            {
                ref var at = ref Unsafe.Add(ref s0, j);
                Vector.StoreUnsafe(Vector.LoadUnsafe(ref at) + Vector.LoadUnsafe(ref Unsafe.Add(ref r0, j)), ref at);
            }
        }

        for (; j < row.Length; j++)
        {
            Unsafe.Add(ref s0, j) += Unsafe.Add(ref r0, j);
        }
    }

    private int IndexOf(ReadOnlySpan<char> word, uint hash)
    {
        var mask = _slots.Length - 1;
        var mixed = FeatureHash.Mix(hash);
        var slot = (int)(mixed & (uint)mask);
        while (_slots[slot] is var entry && entry != 0)
        {
            var at = (int)(uint)entry;
            if ((uint)(entry >> 32) == mixed && KeyEquals(at - 1, word))
            {
                return at - 1;
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    /// <summary>Whether word number <paramref name="i"/> is <paramref name="word"/>, read from its block when it is short enough.</summary>
    private bool KeyEquals(int i, ReadOnlySpan<char> word)
    {
        var block = _floats.AsSpan(i * _stride, KeyFloats);
        if (BitConverter.SingleToInt32Bits(block[0]) != word.Length)
        {
            return false;
        }

        return word.Length <= InlineChars
            ? word.SequenceEqual(MemoryMarshal.Cast<float, char>(block[1..])[..word.Length])
            : word.SequenceEqual(_words[i]);
    }

    /// <summary>The (dequantised) vector of <paramref name="word"/>, or null when the table does not hold it.</summary>
    public float[]? Get(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var v = new float[Dimension];
        return TryAddTo(word, v) ? v : null;
    }

    /// <summary>The table's bytes (the <see cref="Entry"/> layout), to store inside a classifier that uses it.</summary>
    public ReadOnlySpan<byte> GetBytes() => _bytes;

    /// <summary>
    /// Builds a table from vectors given as floats, keeping the first <paramref name="maxWords"/> words
    /// (sources such as GloVe list words by frequency).
    /// </summary>
    public static WordVectors Create(IEnumerable<(string Word, float[] Vector)> vectors, int maxWords, JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(card);
        var words = new List<string>();
        var scales = new List<float>();
        var values = new List<sbyte>();
        var dimension = -1;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, vector) in vectors)
        {
            if (words.Count >= maxWords)
            {
                break;
            }

            if (dimension < 0)
            {
                dimension = vector.Length;
            }
            else if (vector.Length != dimension)
            {
                throw new FormatException($"the vector of '{word}' has {vector.Length} values, the first had {dimension}");
            }

            if (word.Length == 0 || Encoding.UTF8.GetByteCount(word) > ushort.MaxValue || !seen.Add(word))
            {
                continue;
            }

            var max = 0f;
            foreach (var x in vector)
            {
                if (!float.IsFinite(x))
                {
                    throw new FormatException($"the vector of '{word}' holds a value that is not a finite number");
                }

                max = Math.Max(max, Math.Abs(x));
            }

            var scale = max == 0 ? 0 : max / 127f;
            words.Add(word);
            scales.Add(scale);
            foreach (var x in vector)
            {
                values.Add(scale == 0 ? (sbyte)0 : (sbyte)Math.Round(x / scale, MidpointRounding.ToEven));
            }
        }

        if (words.Count == 0)
        {
            throw new FormatException("no word vectors were read");
        }

        var bytes = Encode(words, scales, values, dimension);
        return new WordVectors([.. words], [.. scales], [.. values], dimension, bytes, card);
    }

    /// <summary>
    /// Reads vectors in GloVe's (and word2vec's and fastText's) text format: one word per line followed by its
    /// values, separated by spaces; a first line of two integers (word2vec's header) is skipped. Keeps the first
    /// <paramref name="maxWords"/> words, lower-cased (a later spelling that lower-cases to a word already kept is dropped).
    /// </summary>
    /// <exception cref="FormatException">A line is malformed: the message names the line.</exception>
    public static WordVectors ReadText(TextReader reader, int maxWords, JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return Create(ReadTextLines(reader), maxWords, card);
    }

    /// <summary>
    /// The words and float vectors <see cref="ReadText"/> would keep (the first <paramref name="maxWords"/> distinct
    /// lower-cased words), for a caller that transforms them before <see cref="Create"/> (e.g. a projection).
    /// </summary>
    /// <exception cref="FormatException">A line is malformed: the message names the line.</exception>
    public static List<(string Word, float[] Vector)> ReadTextEntries(TextReader reader, int maxWords)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. ReadTextLines(reader).Where(e => seen.Add(e.Item1)).Take(maxWords)];
    }

    private static IEnumerable<(string, float[])> ReadTextLines(TextReader reader)
    {
        var line = 0;
        var dimension = -1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                continue;
            }

            if (line == 1 && parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                continue;
            }

            if (parts.Length < 2)
            {
                throw new FormatException($"line {line}: a word and its values are expected");
            }

            if (dimension >= 0 && parts.Length - 1 != dimension)
            {
                throw new FormatException($"line {line}: {parts.Length - 1} values where the first line had {dimension}");
            }

            dimension = parts.Length - 1;
            var vector = new float[parts.Length - 1];
            for (var j = 1; j < parts.Length; j++)
            {
                if (!float.TryParse(parts[j], NumberStyles.Float, CultureInfo.InvariantCulture, out vector[j - 1]))
                {
                    throw new FormatException($"line {line}: '{parts[j]}' is not a number");
                }
            }

            yield return (parts[0].ToLowerInvariant(), vector);
        }
    }

    /// <summary>Saves the table as a model package (kind <see cref="Kind"/>), atomically.</summary>
    public void Save(string path) => ToPackage().Save(path);

    /// <summary>The table as a model package.</summary>
    public ModelPackage ToPackage()
    {
        var card = (JsonObject)Card.DeepClone();
        card["words"] = Count;
        card["dimension"] = Dimension;
        card["fingerprint"] = Fingerprint;
        var package = new ModelPackage(Kind, FormatVersion, card);
        package.Entries[Entry] = _bytes;
        return package;
    }

    /// <summary>Reads a word-vector package.</summary>
    /// <exception cref="ModelFormatException">The file is missing, corrupt, of another kind or newer.</exception>
    public static WordVectors Load(string path) => FromPackage(ModelPackage.Load(path, Kind, FormatVersion), path);

    /// <summary>Reads a word-vector package from a stream; <paramref name="name"/> names it in messages.</summary>
    public static WordVectors Read(Stream stream, string name) => FromPackage(ModelPackage.Read(stream, name, Kind, FormatVersion), name);

    /// <summary>Decodes a table from its bytes (a package entry); <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="ModelFormatException">The bytes are not a well-formed table.</exception>
    public static WordVectors Decode(byte[] bytes, string source, JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            ReadOnlySpan<byte> span = bytes;
            var count = BinaryPrimitives.ReadInt32LittleEndian(span);
            var dimension = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
            if (count <= 0 || dimension <= 0 || dimension > 4096 || (long)count * dimension > bytes.Length)
            {
                throw new ModelFormatException(source, "its word-vector table has an impossible size");
            }

            var at = 8;
            var words = new string[count];
            for (var i = 0; i < count; i++)
            {
                var length = BinaryPrimitives.ReadUInt16LittleEndian(span[at..]);
                words[i] = Encoding.UTF8.GetString(span.Slice(at + 2, length));
                at += 2 + length;
            }

            var scales = new float[count];
            for (var i = 0; i < count; i++)
            {
                scales[i] = BinaryPrimitives.ReadSingleLittleEndian(span[at..]);
                at += 4;
            }

            if (bytes.Length - at != count * dimension)
            {
                throw new ModelFormatException(source, "its word-vector table is truncated or has trailing bytes");
            }

            var values = new sbyte[count * dimension];
            span[at..].CopyTo(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
            return new WordVectors(words, scales, values, dimension, bytes, card);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ModelFormatException(source, "its word-vector table is truncated");
        }
    }

    private static WordVectors FromPackage(ModelPackage package, string source) =>
        Decode(package.GetEntry(Entry, source), source, package.Card);

    private static byte[] Encode(List<string> words, List<float> scales, List<sbyte> values, int dimension)
    {
        using var stream = new MemoryStream();
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, words.Count);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[4..], dimension);
        stream.Write(buffer);
        foreach (var word in words)
        {
            var utf8 = Encoding.UTF8.GetBytes(word);
            BinaryPrimitives.WriteUInt16LittleEndian(buffer, (ushort)utf8.Length);
            stream.Write(buffer[..2]);
            stream.Write(utf8);
        }

        foreach (var scale in scales)
        {
            BinaryPrimitives.WriteSingleLittleEndian(buffer, scale);
            stream.Write(buffer[..4]);
        }

        foreach (var v in values)
        {
            stream.WriteByte(unchecked((byte)v));
        }

        return stream.ToArray();
    }
}
