using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json.Nodes;
using ArgMiner.Models;
using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>
/// A trained greedy averaged-perceptron sequence tagger (the role of Catalyst's
/// <c>AveragePerceptronTagger</c> and <c>AveragePerceptronEntityRecognizer</c>, hand-written here): hashed
/// sparse features of the word and its neighbours plus the two tags predicted before it, scored against a
/// table of quantised weights, left to right. Immutable once made, so one instance serves every thread;
/// prediction allocates nothing per token (hashes are computed on spans of the document text, buffers are
/// pooled per sentence). Made by <see cref="AveragedPerceptronTrainer"/> or read from a model file.
/// </summary>
public sealed class AveragedPerceptronTagger
{
    /// <summary>The model kind of a part-of-speech tagger file.</summary>
    public const string PosKind = "pos-tagger";

    /// <summary>The model kind of an entity recogniser file.</summary>
    public const string NerKind = "ner";

    /// <summary>
    /// The newest entry layout this version reads. Models with word classes are written as 2 (a version-1
    /// reader would ignore the classes and mis-tag silently, so it must refuse them); the others as 1.
    /// </summary>
    public const int FormatVersion = 2;

    private const string ClassesEntry = "classes.txt";
    private const string WeightsEntry = "weights.bin";
    private const string LexiconEntry = "lexicon.bin";
    private const string FeaturesEntry = "features.txt";
    private const string WordClassesEntry = "word-classes.bin";
    private const int MinBits = 4;
    private const int MaxBits = 24;

    private readonly TaggerWeights _weights;
    private readonly int _bits;
    private readonly int _classCount;
    private readonly TaggerLexicon _lexicon;
    private readonly WordClasses? _wordClasses;

    // An entity tagger's BIO constraint (I-X only after B-X or I-X); null for the POS tagger.
    private readonly BioTransitions? _transitions;

    /// <summary>
    /// Word-type memos (<see cref="TaggerWordCache"/>), each taken for one sentence and put back: as many as sentences
    /// tagged at once, not one per thread that ever tagged. They change no tag.
    /// </summary>
    private readonly ConcurrentQueue<TaggerWordCache> _wordCaches = new();

    internal AveragedPerceptronTagger(string kind, ImmutableArray<string> classes, int bits, short[] weights, float scale, TaggerLexicon lexicon, bool gazetteerFeatures, WordClasses? wordClasses = null)
        : this(kind, classes, new TaggerWeights(bits, classes.Length, weights), scale, lexicon, gazetteerFeatures, wordClasses)
    {
    }

    private AveragedPerceptronTagger(string kind, ImmutableArray<string> classes, TaggerWeights weights, float scale, TaggerLexicon lexicon, bool gazetteerFeatures, WordClasses? wordClasses)
    {
        UsesGazetteer = gazetteerFeatures;
        _wordClasses = wordClasses;
        _lexicon = lexicon;
        Kind = kind;
        Classes = classes;
        _bits = weights.Bits;
        _classCount = classes.Length;
        _weights = weights;
        Scale = scale;
        _transitions = kind == NerKind ? BioTransitions.For(classes) : null;
    }

    /// <summary><see cref="PosKind"/> or <see cref="NerKind"/>.</summary>
    public string Kind { get; }

    /// <summary>The tags it predicts, by class index.</summary>
    public ImmutableArray<string> Classes { get; }

    /// <summary>
    /// Whether it was trained with the gazetteer's matches as features (entity models): it then expects
    /// the matches of the gazetteer it runs with (see <see cref="EntityRecognizer"/>).
    /// </summary>
    public bool UsesGazetteer { get; }

    /// <summary>Whether it scores <see cref="WordClasses"/> features (stored in its file).</summary>
    public bool UsesWordClasses => _wordClasses is not null;

    /// <summary>The weight table has <c>2^BucketBits</c> rows.</summary>
    public int BucketBits => _bits;

    /// <summary>The weight of one quantisation step.</summary>
    public float Scale { get; }

    /// <summary>The number of buckets with a non-zero weight (rows of the compact table).</summary>
    public int Rows => _weights.Rows;

    /// <summary>The number of non-zero weights.</summary>
    public int NonZeroWeights
    {
        get
        {
            var n = 0;
            for (var b = 0; b < 1 << _bits; b++)
            {
                foreach (var w in _weights.Row(b))
                {
                    if (w != 0)
                    {
                        n++;
                    }
                }
            }

            return n;
        }
    }

    /// <summary>
    /// Writes one class index per token of <paramref name="tokens"/> (one sentence) into
    /// <paramref name="tags"/>.
    /// </summary>
    public void Predict(string text, ReadOnlySpan<Token> tokens, Span<int> tags) => Predict(text, tokens, tags, []);

    /// <summary>As above, with the gazetteer's matches in the sentence (used when <see cref="UsesGazetteer"/>).</summary>
    /// <remarks>
    /// This method, <see cref="TaggerWordCache.Parts"/>, the feature templates and <see cref="TaggerWeights.Best"/> are not marked
    /// AggressiveOptimization: the runtime ignores the precompiled (ReadyToRun) code of a method so marked and
    /// compiles it at its first call, which cost the published tool's one-document run six full-optimisation
    /// compilations at the start of the batch (issue 12). The precompiled code is optimised already, and tiering
    /// recompiles it once it is hot.
    /// </remarks>
    internal void Predict(string text, ReadOnlySpan<Token> tokens, Span<int> tags, ReadOnlySpan<TokenSpan> gazetteerMatches)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (tags.Length < tokens.Length)
        {
            throw new ArgumentException("one slot per token is needed", nameof(tags));
        }

        if (tokens.IsEmpty)
        {
            return;
        }

        var pool = ArrayPool<TokenInfo>.Shared;
        var info = pool.Rent(tokens.Length);
        var rentedIds = ArrayPool<int>.Shared.Rent(tokens.Length);
        if (!_wordCaches.TryDequeue(out var cache))
        {
            cache = NewWordCache();
        }

        try
        {
            var span = info.AsSpan(0, tokens.Length);
            var ids = rentedIds.AsSpan(0, tokens.Length);
            cache.Describe(text, tokens, span, ids);
            if (UsesGazetteer)
            {
                TaggerFeatures.MarkGazetteer(span, gazetteerMatches);
            }

            var width = TaggerWordCache.MaxRows;
            Span<int> features = stackalloc int[width + TaggerFeatures.DynamicCount + TaggerFeatures.GazetteerCount];
            Span<int> ahead = stackalloc int[width];
            Span<int> scores = stackalloc int[Math.Max(32, _weights.Stride)];

            // The word features of the next token to be scored, already turned into rows and sums and prefetched, so
            // its rows come from memory while this token is scored (they do not depend on this token's tag).
            var aheadOf = -1;
            var aheadCount = 0;
            ReadOnlySpan<int> aheadOwn = [], aheadPrev = [], aheadNext = [];
            int prev = -1, prev2 = -2;
            for (var i = 0; i < tokens.Length; i++)
            {
                var sure = TaggerLexicon.SureClass(span[i].Amb);
                int count = 0, n = 0;
                ReadOnlySpan<int> own = [], before = [], after = [];
                if (sure < 0)
                {
                    if (aheadOf == i)
                    {
                        ahead[..aheadCount].CopyTo(features);
                        count = aheadCount;
                        own = aheadOwn;
                        before = aheadPrev;
                        after = aheadNext;
                    }
                    else
                    {
                        count = cache.Parts(span, ids, i, features, prefetch: false, out own, out before, out after);
                    }

                    // The features of the tags before, prefetched before the next token's word features are worked out:
                    // their rows, found only now, then arrive during that work instead of stalling the sum below
                    // (issue 12, session 38: the sum was a fifth of the taggers' time, waiting on these rows).
                    var tagged = features[count..];
                    TaggerFeatures.Dynamic(span, i, prev, prev2, _bits, tagged);
                    n = TaggerFeatures.DynamicCount;
                    if (UsesGazetteer)
                    {
                        TaggerFeatures.Gazetteer(span, i, prev, _bits, tagged[n..]);
                        n += TaggerFeatures.GazetteerCount;
                    }

                    _weights.ToRows(tagged[..n], prefetch: true);
                }

                if (i + 1 < span.Length && TaggerLexicon.SureClass(span[i + 1].Amb) < 0)
                {
                    aheadCount = cache.Parts(span, ids, i + 1, ahead, prefetch: true, out aheadOwn, out aheadPrev, out aheadNext);
                    aheadOf = i + 1;
                }

                if (sure >= 0)
                {
                    tags[i] = sure;
                    prev2 = prev;
                    prev = sure;
                    continue;
                }

                var best = _weights.Best(features[..(count + n)], own, before, after, scores);
                if (_transitions is not null)
                {
                    best = _transitions.Best(prev, best, scores);
                }

                tags[i] = best;
                prev2 = prev;
                prev = best;
            }
        }
        finally
        {
            pool.Return(info);
            ArrayPool<int>.Shared.Return(rentedIds);
            _wordCaches.Enqueue(cache);
        }
    }

    /// <summary>
    /// The summed weights of token <paramref name="i"/>'s word (and word-class) features, worked out from the features'
    /// definitions without the word cache: what <see cref="CachedWordScores"/> must equal (tests).
    /// </summary>
    internal void UncachedWordScores(ReadOnlySpan<TokenInfo> info, int i, Span<int> scores)
    {
        Span<int> rows = stackalloc int[TaggerWordCache.MaxRows];
        TaggerFeatures.Static(info, i, _bits, rows);
        var count = TaggerFeatures.StaticCount;
        if (_wordClasses is not null)
        {
            TaggerFeatures.WordClassFeatures(info, i, _bits, rows[count..]);
            count += TaggerFeatures.WordClassCount;
        }

        _weights.ToRows(rows[..count], prefetch: false);
        _weights.Sum(rows[..count], [], [], [], scores);
    }

    /// <summary>The same sums through <paramref name="cache"/>'s rows and kept sums (tests).</summary>
    internal void CachedWordScores(TaggerWordCache cache, ReadOnlySpan<TokenInfo> info, ReadOnlySpan<int> ids, int i, bool prefetch, Span<int> scores)
    {
        Span<int> rows = stackalloc int[TaggerWordCache.MaxRows];
        var count = cache.Parts(info, ids, i, rows, prefetch, out var own, out var before, out var after);
        _weights.Sum(rows[..count], own, before, after, scores);
    }

    /// <summary>The scores' slots that are classes (<see cref="UncachedWordScores"/> writes padding after them).</summary>
    internal int ScoreCount => _classCount;

    /// <summary>Scratch for the scores of one token (tests).</summary>
    internal int ScoreSlots => Math.Max(32, _weights.Stride);

    /// <summary>The tagger's lexicon of ambiguity classes (tests).</summary>
    internal TaggerLexicon Lexicon => _lexicon;

    /// <summary>The tagger's word classes, or null (tests).</summary>
    internal WordClasses? WordClassTable => _wordClasses;

    /// <summary>A word cache of this tagger's own (tests compare it with <see cref="UncachedWordScores"/>).</summary>
    internal TaggerWordCache NewWordCache() => new(_lexicon, _wordClasses, _weights, _bits);

    /// <summary>Predicts the tags of a sentence as strings (for evaluation and tests).</summary>
    public string[] Predict(TaggedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tags = new int[sentence.Tokens.Length];
        Predict(sentence.Text, sentence.Tokens.AsSpan(), tags);
        var result = new string[tags.Length];
        for (var i = 0; i < tags.Length; i++)
        {
            result[i] = Classes[tags[i]];
        }

        return result;
    }

    /// <summary>Packs the model with its card (data, date, settings, metrics).</summary>
    public ModelPackage ToPackage(JsonObject card)
    {
        var package = new ModelPackage(Kind, _wordClasses is null ? 1 : FormatVersion, card);
        package.Entries[ClassesEntry] = Encoding.UTF8.GetBytes(string.Join('\n', Classes) + "\n");
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(_bits);
            w.Write(_classCount);
            w.Write(Scale);
            w.Write(NonZeroWeights);

            // Sparse: the gap to the previous non-zero weight, then the weight; most of the table is zero.
            var last = -1;
            for (var b = 0; b < 1 << _bits; b++)
            {
                if (!_weights.HasRow(b))
                {
                    continue;
                }

                var row = _weights.Row(b);
                for (var k = 0; k < _classCount; k++)
                {
                    var weight = row[k];
                    if (weight != 0)
                    {
                        var i = (b * _classCount) + k;
                        w.Write7BitEncodedInt(i - last);
                        w.Write(weight);
                        last = i;
                    }
                }
            }
        }

        package.Entries[WeightsEntry] = ms.ToArray();
        using var lex = new MemoryStream();
        using (var w = new BinaryWriter(lex, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(_lexicon.Count);
            foreach (var (hash, mask) in _lexicon.Entries)
            {
                w.Write(hash);
                w.Write(mask);
            }
        }

        package.Entries[LexiconEntry] = lex.ToArray();
        var features = (UsesGazetteer ? "gazetteer\n" : string.Empty) + (_wordClasses is null ? string.Empty : "word-classes\n");
        if (features.Length > 0)
        {
            package.Entries[FeaturesEntry] = Encoding.UTF8.GetBytes(features);
        }

        if (_wordClasses is not null)
        {
            using var wc = new MemoryStream();
            using (var w = new BinaryWriter(wc, Encoding.UTF8, leaveOpen: true))
            {
                w.Write(_wordClasses.Count);
                foreach (var (hash, bits) in _wordClasses.Entries)
                {
                    w.Write(hash);
                    w.Write(bits);
                }
            }

            package.Entries[WordClassesEntry] = wc.ToArray();
        }

        return package;
    }

    /// <summary>Saves the model file (deterministic bytes for the same model and card).</summary>
    public void Save(string path, JsonObject card) => ToPackage(card).Save(path);

    /// <summary>Loads a model file of <paramref name="kind"/>.</summary>
    /// <exception cref="ModelFormatException">Missing, corrupt, of another kind, or newer.</exception>
    public static AveragedPerceptronTagger Load(string path, string kind) =>
        FromPackage(ModelPackage.Load(path, kind, FormatVersion), path);

    /// <summary>Reads a model from a stream (an embedded resource); <paramref name="name"/> is for messages.</summary>
    /// <exception cref="ModelFormatException">Corrupt, of another kind, or newer.</exception>
    public static AveragedPerceptronTagger Read(Stream stream, string name, string kind) =>
        FromPackage(ModelPackage.Read(stream, name, kind, FormatVersion), name);

    /// <summary>The model card of a model file, without its weights.</summary>
    public static JsonObject ReadCard(string path, string kind) => ModelPackage.Load(path, kind, FormatVersion).Card;

    private static AveragedPerceptronTagger FromPackage(ModelPackage package, string source)
    {
        var classes = Encoding.UTF8.GetString(package.GetEntry(ClassesEntry, source))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (classes.Length == 0)
        {
            throw new ModelFormatException(source, "corrupt model (no classes)");
        }

        try
        {
            // Decoded from the entries' bytes directly rather than through a BinaryReader per value: the weight
            // tables hold about a million gaps and values, and the reader's calls were most of a tagger's
            // loading time (issue 12, one-document start-up).
            var r = new SpanReader(package.GetEntry(WeightsEntry, source));
            var bits = r.Int32();
            var classCount = r.Int32();
            var scale = r.Single();
            var count = r.Int32();
            if (bits is < MinBits or > MaxBits || classCount != classes.Length || count < 0 || !float.IsFinite(scale))
            {
                throw new ModelFormatException(source, "corrupt model (bad weight table header)");
            }

            // The non-zero weights as stored (gaps between positions, ascending); a count the bytes cannot hold
            // (3 bytes a weight at least) is refused before anything is allocated for it.
            if (count > r.Length / 3)
            {
                throw new ModelFormatException(source, "corrupt model (weights truncated)");
            }

            var positions = new int[count];
            var values = new short[count];
            r.Weights(positions, values, (1L << bits) * classCount, source);

            if (!r.AtEnd)
            {
                throw new ModelFormatException(source, "corrupt model (trailing bytes in weights)");
            }

            var lr = new SpanReader(package.GetEntry(LexiconEntry, source));
            var words = lr.Int32();
            if (words < 0 || words > lr.Length / 16)
            {
                throw new ModelFormatException(source, "corrupt model (bad lexicon header)");
            }

            var lexicon = new KeyValuePair<ulong, ulong>[words];
            for (var k = 0; k < words; k++)
            {
                lexicon[k] = new(lr.UInt64(), lr.UInt64());
            }

            var featureNames = package.Entries.TryGetValue(FeaturesEntry, out var features)
                ? Encoding.UTF8.GetString(features).Split('\n')
                : [];
            WordClasses? wordClasses = null;
            if (featureNames.Contains("word-classes"))
            {
                var wr = new SpanReader(package.GetEntry(WordClassesEntry, source));
                var n = wr.Int32();
                if (n < 0 || n > wr.Length / 12)
                {
                    throw new ModelFormatException(source, "corrupt model (bad word-class header)");
                }

                var entries = new KeyValuePair<ulong, uint>[n];
                for (var k = 0; k < n; k++)
                {
                    entries[k] = new(wr.UInt64(), wr.UInt32());
                }

                wordClasses = new WordClasses(entries);
            }

            return new AveragedPerceptronTagger(package.Kind, [.. classes], new TaggerWeights(bits, classCount, positions, values), scale, new TaggerLexicon(lexicon), featureNames.Contains("gazetteer"), wordClasses);
        }
        catch (Exception ex) when (ex is EndOfStreamException or FormatException)
        {
            throw new ModelFormatException(source, "corrupt model (weights truncated)");
        }
    }

    /// <summary>
    /// Reads little-endian values from a model entry's bytes, as <see cref="BinaryReader"/> wrote them; reading past
    /// the end throws <see cref="EndOfStreamException"/>, as the reader did, so a truncated entry is still reported
    /// as a corrupt model.
    /// </summary>
    private ref struct SpanReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly int Length => _bytes.Length;

        public readonly bool AtEnd => _at == _bytes.Length;

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

        public ulong UInt64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

        public float Single() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        /// <summary>
        /// The weight table's (gap, weight) pairs, one per slot of <paramref name="positions"/>: each gap a 7-bit encoded
        /// int (as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it; more than five bytes is a
        /// <see cref="FormatException"/>), each weight a little-endian 16-bit one, turned into ascending positions below
        /// <paramref name="size"/>. One loop over the span: reading each byte through <see cref="Take"/> (a slice and a
        /// bounds check per byte) was most of the decoding, itself a fifth of a tagger's loading time (issue 12:
        /// 6.0 -> 2.6 ms for the POS model, 4.2 -> 1.9 ms for the entity model, serial probe of the published tool).
        /// </summary>
        public void Weights(Span<int> positions, Span<short> values, long size, string source)
        {
            var bytes = _bytes;
            var p = _at;
            var at = -1;
            for (var k = 0; k < positions.Length; k++)
            {
                uint result = 0;
                var shift = 0;
                while (true)
                {
                    if ((uint)p >= (uint)bytes.Length)
                    {
                        throw new EndOfStreamException();
                    }

                    var b = bytes[p++];
                    result |= (uint)(b & 0x7F) << shift;
                    if (b < 0x80)
                    {
                        break;
                    }

                    shift += 7;
                    if (shift >= 35)
                    {
                        throw new FormatException("bad 7-bit encoded int");
                    }
                }

                var gap = (int)result;
                at += gap;
                if (gap <= 0 || at >= size)
                {
                    throw new ModelFormatException(source, "corrupt model (weight index out of range)");
                }

                if (p > bytes.Length - 2)
                {
                    throw new EndOfStreamException();
                }

                positions[k] = at;
                values[k] = BinaryPrimitives.ReadInt16LittleEndian(bytes.Slice(p, 2));
                p += 2;
            }

            _at = p;
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (_at > _bytes.Length - count)
            {
                throw new EndOfStreamException();
            }

            var slice = _bytes.Slice(_at, count);
            _at += count;
            return slice;
        }
    }
}
