using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>
/// A tagger's memo of word types, as spaCy keeps a lexeme's attributes in its vocabulary: for each distinct word,
/// what <see cref="TaggerFeatures.DescribeWord"/> works out (hashes, affixes, shape, ambiguity and word classes), and the
/// summed weights of every feature that reads that word alone at each place it can stand: as the token itself, as the
/// word before it and as the word after it (32-bit sums of the weight rows, <see cref="TaggerWeights.Lanes"/> lanes
/// each), and the rows it gives as the word two before or two after. A token whose neighbours were seen before then needs
/// only the features of word pairs (<see cref="TaggerFeatures.PairBuckets"/>) hashed and looked up, and its score is
/// three sums plus a dozen rows instead of 42 rows (POS) or 58 (entities); the sums are exact integers, so the scores and
/// the tags are those the features' definitions give (tests compare them).
/// </summary>
/// <remarks>
/// Issue 12. Keeping each word's rows (session 26) saved the hashing; keeping their sums (session 38) also saves adding
/// them again at every token: the flag features of a word are kept with it too, except at a sentence's first two tokens,
/// whose features read the sentence-start flag and are worked out in full. One per thread and tagger
/// (<see cref="AveragedPerceptronTagger"/> holds them). It keeps the first <see cref="MaxWords"/> words of at most
/// <see cref="MaxKeptLength"/> characters it meets (frequent words come early); a sentence's other words go to passing
/// entries dropped with the sentence. Kept small on purpose: with 8,192 words (2 MB a tagger) the entries of session 26's
/// layout no longer stayed in the CPU's cache beside the weights, and on UD EWT text the gain was gone; 2,048 words were
/// kept then. With the sums (an entry of 424 bytes for the POS tagger, 328 for the entities': 1.7 and 1.3 MB at most),
/// 4,096 words ran 5–7 % faster than 2,048 on UD EWT train (`ArgMiner.Benchmarks taggers`, 4 interleaved pairs of runs,
/// POS 76.8 -> 73.1 ms and entities 107.2 -> 99.5 ms a round, medians) and 8,192 no faster than 4,096 (session 38).
/// Written by hand: it is the tagger's own memo, no library's job.
/// </remarks>
internal sealed class TaggerWordCache
{
    /// <summary>Words kept for good.</summary>
    internal const int MaxWords = 1 << 12;

    /// <summary>Longest word kept for good (longer ones are rare and would pin memory).</summary>
    internal const int MaxKeptLength = 32;

    /// <summary>Rows <see cref="Parts"/> writes at most (every word feature of a sentence's first two tokens).</summary>
    internal const int MaxRows = TaggerFeatures.StaticCount + TaggerFeatures.WordClassCount;

    private const int PassingBase = 1 << 30;

    private readonly TaggerLexicon _lexicon;
    private readonly WordClasses? _classes;
    private readonly TaggerWeights _weights;
    private readonly int _bits;

    // An entry: the word's sums as the token, as the word before and as the word after (Lanes each), then its rows as
    // the word two before and two after.
    private readonly int _lanes;
    private readonly int _entrySize;

    // The sentence end as the word after the last token, and the rows of its stand-ins two after.
    private readonly int[] _endSum;
    private readonly int _next2End1;
    private readonly int _next2End2;

    private readonly Region _kept;
    private readonly Region _passing;
    private ulong[] _slots = new ulong[512];

    /// <summary>A cache for the tagger with these parts (its lexicon, word classes, weights and bucket bits).</summary>
    public TaggerWordCache(TaggerLexicon lexicon, WordClasses? classes, TaggerWeights weights, int bits)
    {
        _lexicon = lexicon;
        _classes = classes;
        _weights = weights;
        _bits = bits;
        _lanes = weights.Lanes;
        _entrySize = (3 * _lanes) + 2;
        _kept = new Region(_entrySize);
        _passing = new Region(_entrySize);
        Span<int> part = stackalloc int[8];
        TaggerFeatures.NextBuckets(TaggerFeatures.End1, TaggerFeatures.End1, TaggerFeatures.End1, TaggerFeatures.End1, TaggerFeatures.End1, bits, part);
        part[5] = TaggerFeatures.NextFlagsBucket(128, bits);
        var n = 6;
        if (classes is not null)
        {
            part[n++] = TaggerFeatures.ClassNextBucket(TaggerFeatures.ClassAfter, bits);
            part[n++] = TaggerFeatures.ClassNextMarkBucket(TaggerFeatures.ClassAfter, 128, bits);
        }

        _endSum = new int[_lanes];
        AddBuckets(part[..n], _endSum);
        _next2End1 = weights.RowOf(TaggerFeatures.Next2Bucket(TaggerFeatures.End1, bits));
        _next2End2 = weights.RowOf(TaggerFeatures.Next2Bucket(TaggerFeatures.End2, bits));
    }

    /// <summary>Words kept so far (for tests).</summary>
    internal int Kept => _kept.Count;

    /// <summary>Entries (a word's description, sums and rows) with their keys: the kept words, or the sentence's passing ones.</summary>
    private sealed class Region(int entrySize)
    {
        public TokenInfo[] Infos = new TokenInfo[256];
        public int[] Entries = new int[256 * entrySize];
        public char[] Chars = new char[2048];

        // Where each kept word's key starts in Chars (and, one further, ends).
        public int[] KeyStarts = new int[257];
        public int Count;

        public void Clear() => Count = 0;
    }

    /// <summary>
    /// Does what <see cref="TaggerFeatures.Describe"/> does, word types seen before looked up, and writes each token's
    /// entry to <paramref name="ids"/> for <see cref="Parts"/>; the sentence's passing entries last until the next call.
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
    /// The word (and word-class) features of token <paramref name="i"/>, as weight rows in <paramref name="rows"/> (their
    /// number returned) and three kept sums (<see cref="TaggerWeights.Lanes"/> each): summed, they score as the rows of
    /// <see cref="TaggerFeatures.Static"/> and <see cref="TaggerFeatures.WordClassFeatures"/> do. A sentence's first two
    /// tokens get every row and empty sums (their features and their neighbour's read the sentence start).
    /// </summary>
    public int Parts(ReadOnlySpan<TokenInfo> info, ReadOnlySpan<int> ids, int i, scoped Span<int> rows, bool prefetch, out ReadOnlySpan<int> own, out ReadOnlySpan<int> prev, out ReadOnlySpan<int> next)
    {
        if (i < 2)
        {
            own = prev = next = [];
            TaggerFeatures.Static(info, i, _bits, rows);
            var count = TaggerFeatures.StaticCount;
            if (_classes is not null)
            {
                TaggerFeatures.WordClassFeatures(info, i, _bits, rows.Slice(count, TaggerFeatures.WordClassCount));
                count += TaggerFeatures.WordClassCount;
            }

            _weights.ToRows(rows[..count], prefetch);
            return count;
        }

        var n = TaggerFeatures.PairPositions.Length;
        TaggerFeatures.PairBuckets(info, i, _bits, rows[..n]);
        if (_classes is not null)
        {
            TaggerFeatures.ClassPairBuckets(info, i, _bits, rows.Slice(n, TaggerFeatures.ClassPairPositions.Length));
            n += TaggerFeatures.ClassPairPositions.Length;
        }

        _weights.ToRows(rows[..n], prefetch);
        var ownEntry = EntryOf(ids[i]);
        own = ownEntry[.._lanes];
        prev = EntryOf(ids[i - 1]).Slice(_lanes, _lanes);
        rows[n++] = EntryOf(ids[i - 2])[3 * _lanes];
        if (i + 1 < info.Length)
        {
            var nextEntry = EntryOf(ids[i + 1]);
            next = nextEntry.Slice(2 * _lanes, _lanes);
            rows[n++] = i + 2 < info.Length ? EntryOf(ids[i + 2])[(3 * _lanes) + 1] : _next2End1;
        }
        else
        {
            next = _endSum;
            rows[n++] = _next2End2;
        }

        if (prefetch)
        {
            _weights.PrefetchRow(rows[n - 2]);
            _weights.PrefetchRow(rows[n - 1]);
        }

        return n;
    }

    private ReadOnlySpan<int> EntryOf(int id) => id >= PassingBase
        ? _passing.Entries.AsSpan((id - PassingBase) * _entrySize, _entrySize)
        : _kept.Entries.AsSpan(id * _entrySize, _entrySize);

    /// <summary>Adds the rows of <paramref name="buckets"/> to <paramref name="sum"/>.</summary>
    private void AddBuckets(Span<int> buckets, Span<int> sum)
    {
        _weights.ToRows(buckets, prefetch: false);
        _weights.AddRows(buckets, sum);
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
            Array.Resize(ref region.Entries, region.Infos.Length * _entrySize);
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
        var entry = region.Entries.AsSpan(id * _entrySize, _entrySize);
        entry.Clear();
        Span<int> part = stackalloc int[20];

        // As the token: the bias, its own word and flags, its classes.
        part[0] = TaggerFeatures.BiasBucket(_bits);
        TaggerFeatures.OwnBuckets(t, _bits, part.Slice(1, TaggerFeatures.OwnPositions.Length));
        var n = 1 + TaggerFeatures.OwnPositions.Length;
        part[n++] = TaggerFeatures.FlagsBucket((ulong)t.Flags, _bits);
        if (_classes is not null)
        {
            TaggerFeatures.ClassOwnBuckets(t.Class, _bits, part.Slice(n, 2));
            TaggerFeatures.ClassOwnFlagBuckets(t, _bits, part.Slice(n + 2, TaggerFeatures.ClassOwnFlagPositions.Length));
            n += 2 + TaggerFeatures.ClassOwnFlagPositions.Length;
        }

        AddBuckets(part[..n], entry[.._lanes]);

        // As the word before the token.
        TaggerFeatures.PrevBuckets(t.Lower, t.Suf3, t.Shape, t.Word, _bits, part);
        part[4] = TaggerFeatures.PrevFlagsBucket((ulong)t.Flags, _bits);
        n = 5;
        if (_classes is not null)
        {
            part[n++] = TaggerFeatures.ClassPrevBucket(t.Class, _bits);
            part[n++] = TaggerFeatures.ClassPrevMarkBucket(t.Class, TaggerFeatures.CaseFlags(t.Flags), _bits);
        }

        AddBuckets(part[..n], entry.Slice(_lanes, _lanes));

        // As the word after it.
        TaggerFeatures.NextBuckets(t.Lower, t.Suf3, t.Shape, t.Word, t.Amb, _bits, part);
        part[5] = TaggerFeatures.NextFlagsBucket((ulong)t.Flags, _bits);
        n = 6;
        if (_classes is not null)
        {
            part[n++] = TaggerFeatures.ClassNextBucket(t.Class, _bits);
            part[n++] = TaggerFeatures.ClassNextMarkBucket(t.Class, TaggerFeatures.CaseFlags(t.Flags), _bits);
        }

        AddBuckets(part[..n], entry.Slice(2 * _lanes, _lanes));
        entry[3 * _lanes] = _weights.RowOf(TaggerFeatures.Prev2Bucket(t.Lower, _bits));
        entry[(3 * _lanes) + 1] = _weights.RowOf(TaggerFeatures.Next2Bucket(t.Lower, _bits));
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
