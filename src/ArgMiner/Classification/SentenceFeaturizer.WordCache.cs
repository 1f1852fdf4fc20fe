using System.Runtime.InteropServices;

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
    /// It keeps the first <see cref="MaxWords"/> words it meets (frequent words come early); a sentence's other words
    /// are worked out into entries that are dropped when the sentence ends, so memory stays bounded (about 2 MB) and
    /// the table never needs to forget a word. Written by hand: it is the featurizer's own memo, no library's job.
    /// </remarks>
    internal sealed class WordFeatureCache
    {
        /// <summary>Words kept for good.</summary>
        internal const int MaxWords = 1 << 14;

        private const byte VectorSkip = 0;
        private const byte VectorNone = 1;
        private const byte VectorWhole = 2;
        private const byte VectorSplit = 3;

        private Entry[] _entries = new Entry[256];
        private ulong[] _slots = new ulong[512];
        private char[] _chars = new char[2048];
        private int[] _ngrams = new int[4096];
        private int _kept;
        private int _keptChars;
        private int _keptNgrams;
        private int _count;
        private int _charCount;
        private int _ngramCount;

        /// <summary>The featurizer whose values the entries hold.</summary>
        public SentenceFeaturizer? Owner { get; private set; }

        /// <summary>Words kept for good so far (for tests).</summary>
        internal int Kept => _kept;

        private struct Entry
        {
            public int KeyStart;
            public int KeyLength;
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

        /// <summary>Gets ready for a sentence of <paramref name="tokens"/> tokens featurized by <paramref name="owner"/>, forgetting another featurizer's words.</summary>
        public void BeginSentence(SentenceFeaturizer owner)
        {
            if (!ReferenceEquals(owner, Owner))
            {
                Owner = owner;
                _kept = _keptChars = _keptNgrams = 0;
                Array.Clear(_slots);
            }

            _count = _kept;
            _charCount = _keptChars;
            _ngramCount = _keptNgrams;
        }

        /// <summary>Drops the entries of words that were not kept.</summary>
        public void EndSentence()
        {
            _count = _kept;
            _charCount = _keptChars;
            _ngramCount = _keptNgrams;
        }

        /// <summary>The entry of <paramref name="word"/> (its plain FNV-1a <paramref name="hash"/> given), worked out when new.</summary>
        public int Get(ReadOnlySpan<char> word, uint hash)
        {
            var mixed = FeatureHash.Mix(hash);
            var mask = _slots.Length - 1;
            var slot = (int)(mixed & (uint)mask);
            while (_slots[slot] is var entry && entry != 0)
            {
                var at = (int)(uint)entry - 1;
                if ((uint)(entry >> 32) == mixed && word.SequenceEqual(_chars.AsSpan(_entries[at].KeyStart, _entries[at].KeyLength)))
                {
                    return at;
                }

                slot = (slot + 1) & mask;
            }

            var id = Add(word, hash);
            if (_kept == id && _kept < MaxWords)
            {
                // Kept for good: its key, n-grams and entry stay below the kept marks.
                _kept++;
                _keptChars = _charCount;
                _keptNgrams = _ngramCount;
                if (_kept * 2 > _slots.Length)
                {
                    Rehash();
                }
                else
                {
                    _slots[slot] = ((ulong)mixed << 32) | (uint)(id + 1);
                }
            }

            return id;
        }

        /// <summary>The unigram slot of entry <paramref name="id"/>.</summary>
        public int Unigram(int id) => _entries[id].Unigram;

        /// <summary>The hash of "b" + the word + " ", which the bigram after it continues.</summary>
        public uint BigramNext(int id) => _entries[id].BigramNext;

        /// <summary>The word's character n-gram slots, in the order the uncached path adds them.</summary>
        public ReadOnlySpan<int> Ngrams(int id) => _ngrams.AsSpan(_entries[id].NgramStart, _entries[id].NgramCount);

        /// <summary>The word's cues, as <see cref="TryGetWordCues"/> gives them.</summary>
        public bool Cues(int id, out Lex flags, out int valence)
        {
            ref var e = ref _entries[id];
            flags = e.Flags;
            valence = e.Valence;
            return e.Listed;
        }

        /// <summary>What else <see cref="AddCues"/> checks the word for (<see cref="KindOf"/>).</summary>
        public WordKind Kind(int id) => _entries[id].Kind;

        /// <summary>Adds the word's vectors to <paramref name="sum"/> as the uncached path does; how many it added.</summary>
        public int AddVectors(int id, WordVectors vectors, Span<float> sum)
        {
            ref var e = ref _entries[id];
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

        /// <summary>Works out a new entry at the end (past the kept ones); its number.</summary>
        private int Add(ReadOnlySpan<char> word, uint hash)
        {
            var owner = Owner!;
            if (_count == _entries.Length)
            {
                Array.Resize(ref _entries, _entries.Length * 2);
            }

            var id = _count++;
            ref var e = ref _entries[id];
            e = default;

            EnsureRoom(ref _chars, _charCount + word.Length);
            word.CopyTo(_chars.AsSpan(_charCount));
            e.KeyStart = _charCount;
            e.KeyLength = word.Length;
            _charCount += word.Length;

            uint hu = FeatureHash.Add(FeatureHash.Offset, 'w'), hb = FeatureHash.Add(FeatureHash.Offset, 'b');
            foreach (var ch in word)
            {
                hu = FeatureHash.Add(hu, ch);
                hb = FeatureHash.Add(hb, ch);
            }

            e.Unigram = owner.IndexOf(hu);
            e.BigramNext = FeatureHash.Add(hb, ' ');

            e.NgramStart = _ngramCount;
            int min = owner.Options.CharMin, max = owner.Options.CharMax;
            if (min > 0 && char.IsLetterOrDigit(word[0]))
            {
                // The uncached path's order: the padded word's n-grams by start, shorter before longer.
                var length = word.Length + 2;
                EnsureRoom(ref _ngrams, _ngramCount + (length * (max - min + 1)));
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
                            _ngrams[_ngramCount++] = owner.IndexOf(h);
                        }
                    }
                }
            }

            e.NgramCount = _ngramCount - e.NgramStart;
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
            for (var id = 0; id < _kept; id++)
            {
                ref var e = ref _entries[id];
                var mixed = FeatureHash.Mix(FeatureHash.Add(FeatureHash.Offset, _chars.AsSpan(e.KeyStart, e.KeyLength)));
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
        for (var t = 0; t < count; t++)
        {
            var word = norm.Slice(tokens[t * 2], tokens[t * 2 + 1]);
            uint plain = FeatureHash.Offset, bigram = prefix;
            foreach (var ch in word)
            {
                plain = FeatureHash.Add(plain, ch);
                bigram = FeatureHash.Add(bigram, ch);
            }

            var id = cache.Get(word, plain);
            entries[t] = id;

            builder.Add(cache.Unigram(id));
            if (bigrams)
            {
                builder.Add(IndexOf(bigram));
                prefix = cache.BigramNext(id);
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
