namespace ArgMiner.Classification;

public sealed partial class SentenceFeaturizer
{
    /// <summary>
    /// What the featurizer works out for a word type rather than for each of its tokens, kept once per word as
    /// spaCy keeps a lexeme's attributes in its vocabulary: the unigram slot, the hash that starts the next bigram,
    /// the character n-gram slots in the order they are added, the word's cues and its vector rows. A token whose
    /// word was seen before costs one look-up instead of hashing its n-grams and probing the cue and vector tables
    /// (issue 12: those were about a third of <c>classify</c>'s time). Every value is the one the uncached path
    /// computes, so the features, and every output byte, are the same with or without it.
    /// </summary>
    /// <remarks>
    /// One per <see cref="FeatureVectorBuilder"/> that asked for it (one per thread), for one featurizer at a time.
    /// It keeps the first <see cref="MaxWords"/> words of at most <see cref="MaxKeptLength"/> characters it meets
    /// (frequent words come early); a sentence's other words are worked out into passing entries that are dropped
    /// when the sentence ends, so memory stays bounded (a full cache added 6 MB to <c>classify</c>'s peak on UD EWT's
    /// 20,000 word types) and the table never needs to forget a word. Written by hand: it is the featurizer's own memo, no library's job.
    /// </remarks>
    internal sealed class WordFeatureCache
    {
        /// <summary>Words kept for good.</summary>
        internal const int MaxWords = 1 << 14;

        /// <summary>
        /// Longest word kept for good: longer ones are rare, and keeping them would let a text of long distinct
        /// "words" (a run of letters without spaces) pin hundreds of megabytes. With this cap the kept words' keys
        /// and n-grams take at most about 5 MB.
        /// </summary>
        internal const int MaxKeptLength = 32;

        /// <summary>Entry numbers from here on are the current sentence's passing words, not kept ones.</summary>
        private const int PassingBase = 1 << 30;

        /// <summary>Passing words' arrays larger than this (in elements) are shrunk back after the sentence that grew them.</summary>
        private const int ShrinkAbove = 1 << 20;

        private const byte VectorSkip = 0;
        private const byte VectorNone = 1;
        private const byte VectorWhole = 2;
        private const byte VectorSplit = 3;

        private readonly Region _kept = new();
        private readonly Region _passing = new();
        private ulong[] _slots = new ulong[512];
        private int[] _scratch = new int[256];

        /// <summary>The featurizer whose values the entries hold.</summary>
        public SentenceFeaturizer? Owner { get; private set; }

        /// <summary>Words kept for good so far (for tests).</summary>
        internal int Kept => _kept.Count;

        private struct Entry
        {
            public int KeyStart;
            public int KeyLength;

            /// <summary>The key's first <see cref="InlineKeyChars"/> chars: a short word is compared here, in the entry the look-up reads anyway, not in the chars array.</summary>
            public InlineKey Key;
            public int Unigram;
            public uint BigramNext;
            public int NgramStart;
            public int NgramCount;
            public int Row1;
            public int Row2;
            public Lex Flags;
            public sbyte Valence;
            public bool Listed;
            public byte Vector;
            public WordKind Kind;
        }

        /// <summary>Chars of a key kept in its entry (<see cref="Entry.Key"/>).</summary>
        private const int InlineKeyChars = 8;

        [System.Runtime.CompilerServices.InlineArray(InlineKeyChars)]
        private struct InlineKey
        {
            private char _first;
        }

        /// <summary>Entries with their keys and n-grams: the kept words, or the current sentence's passing ones.</summary>
        private sealed class Region
        {
            public Entry[] Entries = new Entry[256];
            public char[] Chars = new char[2048];
            public int[] Ngrams = new int[4096];
            public int Count;
            public int CharCount;
            public int NgramCount;

            public void Clear() => Count = CharCount = NgramCount = 0;
        }

        /// <summary>Gets ready for a sentence featurized by <paramref name="owner"/>, forgetting another featurizer's words.</summary>
        public void BeginSentence(SentenceFeaturizer owner)
        {
            if (!ReferenceEquals(owner, Owner))
            {
                Owner = owner;
                _kept.Clear();
                Array.Clear(_slots);
            }

            _passing.Clear();
        }

        /// <summary>Drops the passing words, and the room a huge sentence needed for them.</summary>
        public void EndSentence()
        {
            _passing.Clear();
            if (_passing.Chars.Length > ShrinkAbove)
            {
                _passing.Chars = new char[2048];
            }

            if (_passing.Ngrams.Length > ShrinkAbove)
            {
                _passing.Ngrams = new int[4096];
            }

            if (_scratch.Length > ShrinkAbove)
            {
                _scratch = new int[256];
            }

            if (_passing.Entries.Length > ShrinkAbove / 16)
            {
                _passing.Entries = new Entry[256];
            }
        }

        /// <summary>The entry of <paramref name="word"/> (its plain FNV-1a <paramref name="hash"/> given), worked out when new.</summary>
        public int Get(ReadOnlySpan<char> word, uint hash) => Get(word, hash, FeatureHash.Mix(hash));

        /// <summary><see cref="Get(ReadOnlySpan{char}, uint)"/> with the hash's mix (<see cref="FeatureHash.Mix"/>) already taken.</summary>
        private int Get(ReadOnlySpan<char> word, uint hash, uint mixed)
        {
            var mask = _slots.Length - 1;
            var slot = (int)(mixed & (uint)mask);
            var kept = _kept.Entries;
            while (_slots[slot] is var entry && entry != 0)
            {
                var at = (int)(uint)entry - 1;
                if ((uint)(entry >> 32) == mixed && KeyEquals(ref kept[at], word))
                {
                    return at;
                }

                slot = (slot + 1) & mask;
            }

            if (_kept.Count < MaxWords && word.Length <= MaxKeptLength)
            {
                var id = Add(_kept, word, hash);
                _slots[slot] = ((ulong)mixed << 32) | (uint)(id + 1);
                if (_kept.Count * 2 > _slots.Length)
                {
                    Rehash();
                }

                return id;
            }

            return PassingBase + Add(_passing, word, hash);
        }

        /// <summary>
        /// <see cref="Get(ReadOnlySpan{char}, uint)"/> (<paramref name="mixed"/>: the hash's mix), with the entry's unigram slot and <see cref="BigramNext"/> read in the same step, and the
        /// CPU asked to start loading the word's n-gram slots and vector rows, which the sentence's later blocks read
        /// (their cache misses then overlap with the rest of the word loop; issue 12). The hints change no result.
        /// </summary>
        public int Lookup(ReadOnlySpan<char> word, uint hash, uint mixed, out int unigram, out uint bigramNext)
        {
            var id = Get(word, hash, mixed);
            ref var e = ref At(id);
            unigram = e.Unigram;
            bigramNext = e.BigramNext;
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            {
                var ngrams = (id >= PassingBase ? _passing : _kept).Ngrams;
                if (e.NgramCount > 0 && (uint)e.NgramStart < (uint)ngrams.Length)
                {
                    unsafe
                    {
                        System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref ngrams[e.NgramStart]));
                    }
                }

                if (Owner!._vectors is { } vectors && e.Vector != VectorSkip)
                {
                    if (e.Row1 >= 0)
                    {
                        vectors.PrefetchRow(e.Row1);
                    }

                    if (e.Row2 >= 0)
                    {
                        vectors.PrefetchRow(e.Row2);
                    }
                }
            }

            return id;
        }

        /// <summary>Asks the CPU to start loading the table slot where <see cref="Get(ReadOnlySpan{char}, uint)"/> will look for the word whose plain hash mixes to <paramref name="mixed"/> (a hint).</summary>
        public void PrefetchSlot(uint mixed)
        {
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            {
                var slots = _slots;
                unsafe
                {
                    System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref slots[(int)(mixed & (uint)(slots.Length - 1))]));
                }
            }
        }

        /// <summary>Room for <paramref name="length"/> ints of the featurizer's own, valid until the next call (shrunk back by <see cref="EndSentence"/> when huge).</summary>
        public Span<int> Scratch(int length)
        {
            if (_scratch.Length < length)
            {
                _scratch = new int[Math.Max(length, _scratch.Length * 2)];
            }

            return _scratch.AsSpan(0, length);
        }

        /// <summary>Whether kept entry <paramref name="e"/> is the word <paramref name="word"/>.</summary>
        private bool KeyEquals(ref Entry e, ReadOnlySpan<char> word)
        {
            if (e.KeyLength != word.Length)
            {
                return false;
            }

            return word.Length <= InlineKeyChars
                ? word.SequenceEqual(((ReadOnlySpan<char>)e.Key)[..word.Length])
                : word.SequenceEqual(_kept.Chars.AsSpan(e.KeyStart, e.KeyLength));
        }

        /// <summary>
        /// Asks the CPU to start loading the entry the table's slot for the word whose plain hash mixes to <paramref name="mixed"/>
        /// points to (after <see cref="PrefetchSlot"/> had the slot loaded): a hint, as the entry found first is
        /// usually the word's.
        /// </summary>
        public void PrefetchEntry(uint mixed)
        {
            if (System.Runtime.Intrinsics.X86.Sse.IsSupported)
            {
                var slots = _slots;
                var entry = slots[(int)(mixed & (uint)(slots.Length - 1))];
                var kept = _kept.Entries;
                var at = (int)(uint)entry - 1;
                if ((uint)at < (uint)kept.Length)
                {
                    unsafe
                    {
                        System.Runtime.Intrinsics.X86.Sse.Prefetch0(System.Runtime.CompilerServices.Unsafe.AsPointer(ref kept[at]));
                    }
                }
            }
        }

        /// <summary>The unigram slot of entry <paramref name="id"/>.</summary>
        public int Unigram(int id) => At(id).Unigram;

        /// <summary>The hash of "b" + the word + " ", which the bigram after it continues.</summary>
        public uint BigramNext(int id) => At(id).BigramNext;

        /// <summary>The word's character n-gram slots, in the order the uncached path adds them.</summary>
        public ReadOnlySpan<int> Ngrams(int id)
        {
            ref var e = ref At(id);
            return (id >= PassingBase ? _passing : _kept).Ngrams.AsSpan(e.NgramStart, e.NgramCount);
        }

        /// <summary>The word's cues, as <see cref="TryGetWordCues"/> gives them.</summary>
        public bool Cues(int id, out Lex flags, out int valence)
        {
            ref var e = ref At(id);
            flags = e.Flags;
            valence = e.Valence;
            return e.Listed;
        }

        /// <summary>What else <see cref="AddCues"/> checks the word for (<see cref="KindOf"/>).</summary>
        public WordKind Kind(int id) => At(id).Kind;

        /// <summary>Adds the word's vectors to <paramref name="sum"/> as the uncached path does; how many it added.</summary>
        public int AddVectors(int id, WordVectors vectors, Span<float> sum)
        {
            ref var e = ref At(id);
            switch (e.Vector)
            {
                case VectorWhole:
                    vectors.AddRowTo(e.Row1, sum);
                    return 1;
                case VectorSplit:
                    var found = 0;
                    if (e.Row1 >= 0)
                    {
                        vectors.AddRowTo(e.Row1, sum);
                        found++;
                    }

                    if (e.Row2 >= 0)
                    {
                        vectors.AddRowTo(e.Row2, sum);
                        found++;
                    }

                    return found;
                default:
                    return 0;
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private ref Entry At(int id) => ref id >= PassingBase ? ref _passing.Entries[id - PassingBase] : ref _kept.Entries[id];

        /// <summary>Works out a new entry at the end of <paramref name="region"/>; its number there.</summary>
        private int Add(Region region, ReadOnlySpan<char> word, uint hash)
        {
            var owner = Owner!;
            if (region.Count == region.Entries.Length)
            {
                Array.Resize(ref region.Entries, region.Entries.Length * 2);
            }

            var id = region.Count++;
            ref var e = ref region.Entries[id];
            e = default;

            EnsureRoom(ref region.Chars, region.CharCount + word.Length);
            word.CopyTo(region.Chars.AsSpan(region.CharCount));
            e.KeyStart = region.CharCount;
            e.KeyLength = word.Length;
            word[..Math.Min(word.Length, InlineKeyChars)].CopyTo(e.Key);
            region.CharCount += word.Length;

            uint hu = FeatureHash.Add(FeatureHash.Offset, 'w'), hb = FeatureHash.Add(FeatureHash.Offset, 'b');
            foreach (var ch in word)
            {
                hu = FeatureHash.Add(hu, ch);
                hb = FeatureHash.Add(hb, ch);
            }

            e.Unigram = owner.IndexOf(hu);
            e.BigramNext = FeatureHash.Add(hb, ' ');

            e.NgramStart = region.NgramCount;
            int min = owner.Options.CharMin, max = owner.Options.CharMax;
            if (min > 0 && char.IsLetterOrDigit(word[0]))
            {
                // The uncached path's order: the padded word's n-grams by start, shorter before longer.
                var length = word.Length + 2;
                EnsureRoom(ref region.Ngrams, region.NgramCount + (length * (max - min + 1)));
                var seed = FeatureHash.Add(FeatureHash.Offset, 'c');
                for (var i = 0; i + min <= length; i++)
                {
                    var h = seed;
                    var end = Math.Min(max, length - i);
                    for (var n = 1; n <= end; n++)
                    {
                        var at = i + n - 1;
                        h = FeatureHash.Add(h, at == 0 || at == length - 1 ? ' ' : word[at - 1]);
                        if (n >= min)
                        {
                            region.Ngrams[region.NgramCount++] = owner.IndexOf(h);
                        }
                    }
                }
            }

            e.NgramCount = region.NgramCount - e.NgramStart;
            e.Listed = TryGetWordCues(word, hash, out e.Flags, out var valence);
            e.Valence = (sbyte)valence;
            e.Vector = VectorKind(owner._vectors, word, hash, out e.Row1, out e.Row2);
            e.Kind = KindOf(word);
            return id;
        }

        /// <summary>What <see cref="AddVectors(ReadOnlySpan{char}, ReadOnlySpan{int}, int, ReadOnlySpan{uint}, ReadOnlySpan{int}, WordFeatureCache?, FeatureVectorBuilder)"/> does with the word.</summary>
        private static byte VectorKind(WordVectors? vectors, ReadOnlySpan<char> word, uint hash, out int row1, out int row2)
        {
            row1 = row2 = -1;
            if (vectors is null || !char.IsLetter(word[0]) || word.ContainsAny(Digits))
            {
                return VectorSkip;
            }

            row1 = vectors.RowOf(word, hash);
            if (row1 >= 0)
            {
                return VectorWhole;
            }

            var apostrophe = word.IndexOf('\'');
            if (apostrophe <= 0)
            {
                return VectorNone;
            }

            var split = word.EndsWith("n't") && apostrophe == word.Length - 2 ? word.Length - 3 : apostrophe;
            row1 = vectors.RowOf(word[..split], FeatureHash.Add(FeatureHash.Offset, word[..split]));
            row2 = vectors.RowOf(word[split..], FeatureHash.Add(FeatureHash.Offset, word[split..]));
            return VectorSplit;
        }

        private static void EnsureRoom<T>(ref T[] array, int size)
        {
            if (size > array.Length)
            {
                Array.Resize(ref array, Math.Max(size, array.Length * 2));
            }
        }

        private void Rehash()
        {
            _slots = new ulong[_slots.Length * 2];
            var mask = _slots.Length - 1;
            for (var id = 0; id < _kept.Count; id++)
            {
                ref var e = ref _kept.Entries[id];
                var mixed = FeatureHash.Mix(FeatureHash.Add(FeatureHash.Offset, _kept.Chars.AsSpan(e.KeyStart, e.KeyLength)));
                var slot = (int)(mixed & (uint)mask);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & mask;
                }

                _slots[slot] = ((ulong)mixed << 32) | (uint)(id + 1);
            }
        }
    }

    /// <summary>
    /// <see cref="Featurize(ReadOnlySpan{char}, in SentenceContext, FeatureVectorBuilder)"/> through the builder's
    /// word cache: the same features in the same order, each word's own work looked up.
    /// </summary>
    private void FeaturizeCached(ReadOnlySpan<char> norm, Span<int> tokens, int count, Surface surface, in SentenceContext context, FeatureVectorBuilder builder, WordFeatureCache cache)
    {
        cache.BeginSentence(this);
        var entries = tokens.Slice(count * 2, count);
        var bigrams = Options.WordBigrams;
        var prefix = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Offset, 'b'), "<s>"), ' ');

        // Two passes: the first hashes every word (its plain hash, and its bigram with the word before, whose
        // prefix "b" + previous + " " is a third hash chain here rather than the cache's BigramNext) and asks the
        // CPU for each word's slot of the cache's table; the second looks the words up, their table slots by then
        // on their way, instead of one cache miss after another (issue 12). The features and their order are
        // those of one pass. Between them, a pass has the entries the slots point to loaded too.
        var hashes = cache.Scratch(count * 3);
        var first = FeatureHash.Add(FeatureHash.Offset, 'b');
        for (var t = 0; t < count; t++)
        {
            var word = norm.Slice(tokens[t * 2], tokens[t * 2 + 1]);
            uint plain = FeatureHash.Offset, bigram = prefix, next = first;
            foreach (var ch in word)
            {
                plain = FeatureHash.Add(plain, ch);
                bigram = FeatureHash.Add(bigram, ch);
                next = FeatureHash.Add(next, ch);
            }

            var mixed = FeatureHash.Mix(plain);
            cache.PrefetchSlot(mixed);
            hashes[t * 3] = (int)plain;
            hashes[t * 3 + 1] = (int)mixed;
            hashes[t * 3 + 2] = IndexOf(bigram);
            prefix = FeatureHash.Add(next, ' ');
        }

        for (var t = 0; t < count; t++)
        {
            cache.PrefetchEntry((uint)hashes[t * 3 + 1]);
        }

        for (var t = 0; t < count; t++)
        {
            var word = norm.Slice(tokens[t * 2], tokens[t * 2 + 1]);
            var id = cache.Lookup(word, (uint)hashes[t * 3], (uint)hashes[t * 3 + 1], out var unigram, out _);
            entries[t] = id;

            builder.Add(unigram);
            if (bigrams)
            {
                builder.Add(hashes[t * 3 + 2]);
            }
        }

        if (bigrams && count > 0)
        {
            builder.Add(IndexOf(FeatureHash.Add(prefix, "</s>")));
        }

        builder.EndBlock(normalize: true);
        if (Options.CharMin > 0)
        {
            for (var t = 0; t < count; t++)
            {
                builder.AddAll(cache.Ngrams(entries[t]));
            }

            builder.EndBlock(normalize: true);
        }

        AddCues(norm, tokens, count, default, entries, cache, surface, context, builder);
        builder.EndBlock(normalize: false);
        if (_vectors is not null)
        {
            AddVectors(norm, tokens, count, default, entries, cache, builder);
        }

        cache.EndSentence();
    }
}
