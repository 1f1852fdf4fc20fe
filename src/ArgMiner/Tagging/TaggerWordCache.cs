using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>
/// A tagger's memo of word types, as spaCy keeps a lexeme's attributes in its vocabulary: for each distinct word,
/// what <see cref="TaggerFeatures.DescribeWord"/> works out (hashes, affixes, shape, ambiguity and word classes) and
/// the weight rows of every feature that reads that word alone, at each place it can stand (the token itself, the
/// word before or after it, two before or after). A token whose neighbours were seen before then needs only the
/// features of word pairs, flags and the sentence (<see cref="TaggerFeatures.StaticRemainder"/>) hashed and looked
/// up; working those features out twice made the POS tagger a third slower and the entity recogniser nearly half
/// (TaggerBenchmarks, issue 12). The rows are the ones the uncached path finds, in the same positions, so the tags are the same.
/// </summary>
/// <remarks>
/// One per thread and tagger (<see cref="AveragedPerceptronTagger"/> holds them). It keeps the first
/// <see cref="MaxWords"/> words of at most <see cref="MaxKeptLength"/> characters it meets (frequent words come early);
/// a sentence's other words go to passing entries dropped with the sentence. Kept small (about 0.5 MB) on purpose:
/// with 8,192 words (2 MB a tagger) the entries no longer stayed in the CPU's cache beside the weights, and on UD EWT
/// text the gain was gone; with 2,048 the entity stage ran 6–10 % faster in seven interleaved runs, the POS stage the
/// same (`ArgMiner.Benchmarks stages`), and on the seed articles' smaller vocabulary both about 20 % (TaggerBenchmarks).
/// Written by hand: it is the tagger's own memo, no library's job.
/// </remarks>
internal sealed class TaggerWordCache
{
    /// <summary>Words kept for good.</summary>
    internal const int MaxWords = 1 << 11;

    /// <summary>Longest word kept for good (longer ones are rare and would pin memory).</summary>
    internal const int MaxKeptLength = 32;

    // Rows kept per word: where the word is the token itself, the word before, after, two before, two after, and
    // its classes as the token, the word before and the word after.
    private const int OwnAt = 0;
    private const int PrevAt = 12;
    private const int NextAt = 16;
    private const int Prev2At = 21;
    private const int Next2At = 22;
    private const int ClassOwnAt = 23;
    private const int ClassPrevAt = 25;
    private const int ClassNextAt = 26;
    private const int RowsPerWord = 27;

    private const int PassingBase = 1 << 30;

    private readonly TaggerLexicon _lexicon;
    private readonly WordClasses? _classes;
    private readonly TaggerWeights _weights;
    private readonly int _bits;

    // The rows of the stand-ins for words before the first token and after the last, at the same offsets.
    private readonly int[] _outside = new int[RowsPerWord];
    private readonly int _prev2Start1;
    private readonly int _prev2Start2;
    private readonly int _next2End1;
    private readonly int _next2End2;

    private readonly Region _kept = new();
    private readonly Region _passing = new();
    private ulong[] _slots = new ulong[512];

    /// <summary>A cache for the tagger with these parts (its lexicon, word classes, weights and bucket bits).</summary>
    public TaggerWordCache(TaggerLexicon lexicon, WordClasses? classes, TaggerWeights weights, int bits)
    {
        _lexicon = lexicon;
        _classes = classes;
        _weights = weights;
        _bits = bits;
        Span<int> part = stackalloc int[5];
        TaggerFeatures.PrevBuckets(TaggerFeatures.Start1, TaggerFeatures.Start1, TaggerFeatures.Start1, TaggerFeatures.Start1, bits, part);
        ToRows(part[..4], _outside.AsSpan(PrevAt));
        TaggerFeatures.NextBuckets(TaggerFeatures.End1, TaggerFeatures.End1, TaggerFeatures.End1, TaggerFeatures.End1, TaggerFeatures.End1, bits, part);
        ToRows(part, _outside.AsSpan(NextAt));
        _outside[ClassPrevAt] = weights.RowOf(TaggerFeatures.ClassPrevBucket(TaggerFeatures.ClassBefore, bits));
        _outside[ClassNextAt] = weights.RowOf(TaggerFeatures.ClassNextBucket(TaggerFeatures.ClassAfter, bits));
        _prev2Start1 = weights.RowOf(TaggerFeatures.Prev2Bucket(TaggerFeatures.Start1, bits));
        _prev2Start2 = weights.RowOf(TaggerFeatures.Prev2Bucket(TaggerFeatures.Start2, bits));
        _next2End1 = weights.RowOf(TaggerFeatures.Next2Bucket(TaggerFeatures.End1, bits));
        _next2End2 = weights.RowOf(TaggerFeatures.Next2Bucket(TaggerFeatures.End2, bits));
    }

    /// <summary>Words kept so far (for tests).</summary>
    internal int Kept => _kept.Count;

    /// <summary>Entries (a word's description and rows) with their keys: the kept words, or the sentence's passing ones.</summary>
    private sealed class Region
    {
        public TokenInfo[] Infos = new TokenInfo[256];
        public int[] Rows = new int[256 * RowsPerWord];
        public char[] Chars = new char[2048];

        // Where each kept word's key starts in Chars (and, one further, ends).
        public int[] KeyStarts = new int[257];
        public int Count;

        public void Clear() => Count = 0;
    }

    /// <summary>
    /// Does what <see cref="TaggerFeatures.Describe"/> does, word types seen before looked up, and writes each token's
    /// entry to <paramref name="ids"/> for <see cref="WordRows"/>; the sentence's passing entries last until the next call.
    /// </summary>
    public void Describe(string text, ReadOnlySpan<Token> tokens, Span<TokenInfo> info, Span<int> ids)
    {
        _passing.Clear();
        for (var i = 0; i < tokens.Length; i++)
        {
            var id = Get(tokens[i].In(text));
            ids[i] = id;
            info[i] = id >= PassingBase ? _passing.Infos[id - PassingBase] : _kept.Infos[id];
            if (i == 0)
            {
                TaggerFeatures.MarkFirst(ref info[i]);
            }
        }
    }

    /// <summary>
    /// The rows of token <paramref name="i"/>'s word (and word-class) features, in the positions
    /// <see cref="TaggerFeatures.Static"/> and <see cref="TaggerFeatures.WordClassFeatures"/> give them.
    /// </summary>
    public void WordRows(ReadOnlySpan<TokenInfo> info, ReadOnlySpan<int> ids, int i, Span<int> rows, bool prefetch)
    {
        TaggerFeatures.StaticRemainder(info, i, _bits, rows);
        _weights.ToRows(rows, TaggerFeatures.RemainderPositions, prefetch);
        var own = RowsOf(ids[i]);
        Place(own.Slice(OwnAt, 12), TaggerFeatures.OwnPositions, rows, prefetch);
        Place((i >= 1 ? RowsOf(ids[i - 1]) : _outside).Slice(PrevAt, 4), TaggerFeatures.PrevPositions, rows, prefetch);
        Place((i + 1 < info.Length ? RowsOf(ids[i + 1]) : _outside).Slice(NextAt, 5), TaggerFeatures.NextPositions, rows, prefetch);
        Put(rows, TaggerFeatures.Prev2Position, i >= 2 ? RowsOf(ids[i - 2])[Prev2At] : i >= 1 ? _prev2Start1 : _prev2Start2, prefetch);
        Put(rows, TaggerFeatures.Next2Position, i + 2 < info.Length ? RowsOf(ids[i + 2])[Next2At] : i + 1 < info.Length ? _next2End1 : _next2End2, prefetch);
        if (_classes is null)
        {
            return;
        }

        var classes = rows[TaggerFeatures.StaticCount..];
        TaggerFeatures.WordClassRemainder(info, i, _bits, classes);
        _weights.ToRows(classes, TaggerFeatures.ClassRemainderPositions, prefetch);
        Place(own.Slice(ClassOwnAt, 2), TaggerFeatures.ClassOwnPositions, classes, prefetch);
        Put(classes, TaggerFeatures.ClassPrevPosition, (i >= 1 ? RowsOf(ids[i - 1]) : _outside)[ClassPrevAt], prefetch);
        Put(classes, TaggerFeatures.ClassNextPosition, (i + 1 < info.Length ? RowsOf(ids[i + 1]) : _outside)[ClassNextAt], prefetch);
    }

    private ReadOnlySpan<int> RowsOf(int id) => id >= PassingBase
        ? _passing.Rows.AsSpan((id - PassingBase) * RowsPerWord, RowsPerWord)
        : _kept.Rows.AsSpan(id * RowsPerWord, RowsPerWord);

    private void Place(ReadOnlySpan<int> part, ReadOnlySpan<byte> positions, Span<int> rows, bool prefetch)
    {
        for (var k = 0; k < positions.Length; k++)
        {
            Put(rows, positions[k], part[k], prefetch);
        }
    }

    private void Put(Span<int> rows, int position, int row, bool prefetch)
    {
        rows[position] = row;
        if (prefetch)
        {
            _weights.PrefetchRow(row);
        }
    }

    private void ToRows(ReadOnlySpan<int> buckets, Span<int> rows)
    {
        for (var k = 0; k < buckets.Length; k++)
        {
            rows[k] = _weights.RowOf(buckets[k]);
        }
    }

    /// <summary>The entry of <paramref name="word"/>, worked out when new: kept when there is room, else passing.</summary>
    private int Get(ReadOnlySpan<char> word)
    {
        var mixed = TaggerFeatures.Mix(TaggerFeatures.Hash(word));
        var mask = _slots.Length - 1;
        var slot = (int)(mixed & (ulong)mask);
        var starts = _kept.KeyStarts;
        while (_slots[slot] is var entry && entry != 0)
        {
            var at = (int)(uint)entry - 1;
            if ((uint)(entry >> 32) == (uint)mixed && word.SequenceEqual(_kept.Chars.AsSpan(starts[at], starts[at + 1] - starts[at])))
            {
                return at;
            }

            slot = (slot + 1) & mask;
        }

        if (_kept.Count < MaxWords && word.Length <= MaxKeptLength)
        {
            var id = Add(_kept, word);
            _slots[slot] = ((ulong)(uint)mixed << 32) | (uint)(id + 1);
            if (_kept.Count * 2 > _slots.Length)
            {
                Rehash();
            }

            return id;
        }

        return PassingBase + Add(_passing, word);
    }

    private int Add(Region region, ReadOnlySpan<char> word)
    {
        if (region.Count == region.Infos.Length)
        {
            Array.Resize(ref region.Infos, region.Infos.Length * 2);
            Array.Resize(ref region.Rows, region.Infos.Length * RowsPerWord);
            Array.Resize(ref region.KeyStarts, region.Infos.Length + 1);
        }

        var id = region.Count++;
        if (region == _kept)
        {
            // Only kept words are looked up again, so only they keep their key.
            var keyStart = region.KeyStarts[id];
            if (keyStart + word.Length > region.Chars.Length)
            {
                Array.Resize(ref region.Chars, Math.Max(keyStart + word.Length, region.Chars.Length * 2));
            }

            word.CopyTo(region.Chars.AsSpan(keyStart));
            region.KeyStarts[id + 1] = keyStart + word.Length;
        }

        ref var t = ref region.Infos[id];
        t = default;
        TaggerFeatures.DescribeWord(word, _lexicon, _classes, ref t);
        var rows = region.Rows.AsSpan(id * RowsPerWord, RowsPerWord);
        Span<int> part = stackalloc int[12];
        TaggerFeatures.OwnBuckets(t, _bits, part);
        ToRows(part, rows[OwnAt..]);
        TaggerFeatures.PrevBuckets(t.Lower, t.Suf3, t.Shape, t.Word, _bits, part);
        ToRows(part[..4], rows[PrevAt..]);
        TaggerFeatures.NextBuckets(t.Lower, t.Suf3, t.Shape, t.Word, t.Amb, _bits, part);
        ToRows(part[..5], rows[NextAt..]);
        rows[Prev2At] = _weights.RowOf(TaggerFeatures.Prev2Bucket(t.Lower, _bits));
        rows[Next2At] = _weights.RowOf(TaggerFeatures.Next2Bucket(t.Lower, _bits));
        if (_classes is not null)
        {
            TaggerFeatures.ClassOwnBuckets(t.Class, _bits, part);
            ToRows(part[..2], rows[ClassOwnAt..]);
            rows[ClassPrevAt] = _weights.RowOf(TaggerFeatures.ClassPrevBucket(t.Class, _bits));
            rows[ClassNextAt] = _weights.RowOf(TaggerFeatures.ClassNextBucket(t.Class, _bits));
        }

        return id;
    }

    private void Rehash()
    {
        _slots = new ulong[_slots.Length * 2];
        var mask = _slots.Length - 1;
        var starts = _kept.KeyStarts;
        for (var id = 0; id < _kept.Count; id++)
        {
            var mixed = TaggerFeatures.Mix(TaggerFeatures.Hash(_kept.Chars.AsSpan(starts[id], starts[id + 1] - starts[id])));
            var slot = (int)(mixed & (ulong)mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = ((ulong)(uint)mixed << 32) | (uint)(id + 1);
        }
    }
}
