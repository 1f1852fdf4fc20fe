using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json.Nodes;
using ArgMiner.Text;

namespace ArgMiner.Classification;

/// <summary>Settings of <see cref="SentenceFeaturizer"/>; saved in the model so prediction featurizes as training did.</summary>
public sealed record FeaturizerOptions
{
    /// <summary>
    /// Version of the featurizer's behaviour (tokenization, cue lexicons, hashing). Bump it whenever a change
    /// would featurize a sentence differently, so older models are refused rather than silently mis-scored.
    /// </summary>
    public const int CurrentVersion = 1;

    /// <summary>Size of the hashed feature space as a power of two (ML.NET's <c>NumberOfBits</c>).</summary>
    public int HashBits { get; init; } = 18;

    /// <summary>Whether word bigrams (with sentence boundary marks) join the unigrams.</summary>
    public bool WordBigrams { get; init; } = true;

    /// <summary>Shortest character n-gram inside a word (with boundary spaces); 0 turns character n-grams off.</summary>
    public int CharMin { get; init; } = 3;

    /// <summary>Longest character n-gram inside a word.</summary>
    public int CharMax { get; init; } = 4;

    /// <summary>Value of each linguistic cue feature (relative to the unit-norm text blocks).</summary>
    public float CueWeight { get; init; } = 0.5f;

    /// <summary>
    /// Fingerprint of the <see cref="WordVectors"/> table whose averaged word vectors form a dense block of
    /// features (<see cref="WordVectors.Fingerprint"/>); null when the featurizer uses no vectors.
    /// </summary>
    public string? Vectors { get; init; }

    /// <summary>Norm of the dense word-vector block (the n-gram blocks have norm 1).</summary>
    public float VectorWeight { get; init; } = 1f;

    /// <summary>
    /// Whether AFINN-165 sentiment cues (<see cref="SentimentLexicon"/>: positive, negative and strong words)
    /// join the features. Models trained before it existed read as false, so they featurize as they were trained.
    /// </summary>
    public bool Sentiment { get; init; } = true;

    /// <summary>
    /// Whether pairs of cues join the features as cues of their own: a question with a negative word or an
    /// intensifier, address to the reader with a stance word, a figure with a stance word. The guidelines turn
    /// on such pairs (a rhetorical question of outrage is opinion, an interpretation wrapped around a figure is a
    /// claim), and a linear model cannot form a pair from its parts. Models trained before it existed read as
    /// false, so they featurize as they were trained.
    /// </summary>
    public bool StancePairs { get; init; } = true;

    /// <summary>The settings as JSON for the model card.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["version"] = CurrentVersion,
            ["hashBits"] = HashBits,
            ["wordBigrams"] = WordBigrams,
            ["charMin"] = CharMin,
            ["charMax"] = CharMax,
            ["cueWeight"] = CueWeight,
        };

        // Written only when used, so the settings of older models stay as older versions wrote them.
        if (Sentiment)
        {
            json["sentiment"] = true;
        }

        if (StancePairs)
        {
            json["stancePairs"] = true;
        }

        if (Vectors is not null)
        {
            json["vectors"] = Vectors;
            json["vectorWeight"] = VectorWeight;
        }

        return json;
    }

    /// <summary>Reads settings written by <see cref="ToJson"/>.</summary>
    public static FeaturizerOptions FromJson(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return new FeaturizerOptions
        {
            HashBits = (int?)json["hashBits"] ?? 18,
            WordBigrams = (bool?)json["wordBigrams"] ?? true,
            CharMin = (int?)json["charMin"] ?? 3,
            CharMax = (int?)json["charMax"] ?? 4,
            CueWeight = (float?)json["cueWeight"] ?? 0.5f,
            Vectors = (string?)json["vectors"],
            VectorWeight = (float?)json["vectorWeight"] ?? 1f,
            Sentiment = (bool?)json["sentiment"] ?? false,
            StancePairs = (bool?)json["stancePairs"] ?? false,
        };
    }
}

/// <summary>
/// What is known about a sentence besides its text. Everything is optional: a bare sentence (from
/// <c>classify</c> or a training file) has none of it, a sentence of a processed document has all of it.
/// Surface cues for numbers (digits, number words, %, currency, years) and names (capitalised words) are
/// computed either way, so training on bare sentences and running on documents featurize alike; tagged
/// number kinds and entity types add features of their own.
/// </summary>
public readonly record struct SentenceContext
{
    /// <summary>The sentence's section, when known.</summary>
    public Section? Section { get; init; }

    /// <summary>Relative position of the sentence in its document, 0 (first) to 1 (last), when known.</summary>
    public double? Position { get; init; }

    /// <summary>Whether the sentence opens its paragraph, when known.</summary>
    public bool? FirstInParagraph { get; init; }

    /// <summary>Kinds of the numeric claims in the sentence (count, money, percent…), or null when not tagged.</summary>
    public IReadOnlyList<string>? NumberKinds { get; init; }

    /// <summary>Types of the entities in the sentence (PERSON, ORG…), or null when not tagged.</summary>
    public IReadOnlyList<string>? EntityTypes { get; init; }
}

/// <summary>
/// Turns a sentence into a sparse feature vector, written by hand in the manner of ML.NET's
/// <c>FeaturizeText</c>: the text is normalised (lower case, digits folded to 0, typographic quotes and
/// dashes folded), word unigrams and bigrams form one term-frequency block and character n-grams inside
/// words another, each hashed (FNV-1a) into 2^<see cref="FeaturizerOptions.HashBits"/> slots and L2-normalised;
/// a third block holds linguistic cues (attribution, person, modality, hedges, evaluative words, quotes,
/// numbers, entities, section, position, length). Immutable and thread-safe.
/// </summary>
public sealed partial class SentenceFeaturizer
{
    private enum Cue
    {
        Attribution,
        FirstSingular,
        FirstPlural,
        Second,
        Modal,
        Hedge,
        Evaluative,
        EvaluativeMany,
        Negation,
        Intensifier,
        Month,
        Causal,
        Quote,
        Question,
        QuestionEnd,
        Exclaim,
        NoFinalPunct,
        Number,
        NumberYear,
        NumberPercent,
        NumberMoney,
        NumberWord,
        Entity,
        Caps1,
        Caps2,
        Caps4,
        Emoji,
        Shouting,
        Colon,
        Parenthesis,
        FirstInParagraph,
        Len1,
        Len4,
        Len8,
        Len16,
        Len31,
        Position0,
        Position1,
        Position2,
        Position3,
        Position4,
        TitleCase,
        StartsLowercase,
        TaggedNumber,
    }

    private static readonly string[] CueNames =
    [
        "attribution", "first-person-singular", "first-person-plural", "second-person", "modal", "hedge",
        "evaluative", "evaluative-many", "negation", "intensifier", "month", "causal", "quote", "question",
        "question-end", "exclamation", "no-final-punctuation", "number", "number:year", "number:percent",
        "number:money", "number:word", "entity", "capitalised:1", "capitalised:2-3", "capitalised:4+",
        "emoji", "shouting", "colon", "parenthesis", "first-in-paragraph", "length:1-3", "length:4-7",
        "length:8-15", "length:16-30", "length:31+", "position:0", "position:1", "position:2", "position:3",
        "position:4",
        "title-case", "starts-lowercase", "number-tagged",
    ];

    private readonly int[] _cueIndex;
    /// <summary>The top slots of the space are reserved for cues, so an n-gram never shares a slot with one.</summary>
    private const int ReservedSlots = 1024;

    /// <summary>Fixed cues take the first reserved slots; named cues (number kinds, entity types, sections) hash into the rest.</summary>
    private const int FixedCueSlots = 128;

    private readonly uint _mask;
    private readonly int _ngramSlots;

    private readonly WordVectors? _vectors;

    /// <summary>Creates a featurizer with <paramref name="options"/> and, when they name a table, its <paramref name="vectors"/>.</summary>
    /// <exception cref="ArgumentException">The options name a vector table and <paramref name="vectors"/> is missing or another table.</exception>
    public SentenceFeaturizer(FeaturizerOptions options, WordVectors? vectors = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Vectors is not null && (vectors is null || vectors.Fingerprint != options.Vectors))
        {
            throw new ArgumentException($"the featurizer needs word-vector table {options.Vectors}, but was given {vectors?.Fingerprint ?? "none"}", nameof(vectors));
        }

        _vectors = options.Vectors is null ? null : vectors;
        if (options.HashBits is < 10 or > 24)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "HashBits must be between 10 and 24");
        }

        if (options.CharMin < 0 || (options.CharMin > 0 && options.CharMax < options.CharMin) || options.CharMax > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "character n-gram lengths must satisfy 0 < CharMin <= CharMax <= 8 (or CharMin = 0)");
        }

        Options = options;
        _mask = (uint)((1 << options.HashBits) - 1);
        _ngramSlots = (1 << options.HashBits) - ReservedSlots;
        _cueIndex = new int[CueNames.Length];
        for (var i = 0; i < CueNames.Length; i++)
        {
            _cueIndex[i] = _ngramSlots + i;
        }
    }

    /// <summary>The settings.</summary>
    public FeaturizerOptions Options { get; }

    /// <summary>Number of feature slots: the hashed space, then the dense word-vector block when there is one.</summary>
    public int Dimension => (1 << Options.HashBits) + (_vectors?.Dimension ?? 0);

    /// <summary>The word-vector table, when the featurizer uses one.</summary>
    public WordVectors? Vectors => _vectors;

    /// <summary>First slot of the dense word-vector block (equal to <see cref="Dimension"/> when there is none).</summary>
    internal int VectorSlot => 1 << Options.HashBits;

    /// <summary>Featurizes a bare sentence and returns its (index, value) pairs (blocks may share an index).</summary>
    public (int[] Indices, float[] Values) Featurize(string text, in SentenceContext context = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new FeatureVectorBuilder();
        Featurize(text, context, builder);
        return (builder.Indices.ToArray(), builder.Values.ToArray());
    }

    /// <summary>Fills <paramref name="builder"/> (cleared first) with the features of <paramref name="text"/>.</summary>
    /// <remarks>
    /// The stack buffers are not zeroed (<c>SkipLocalsInit</c>): every char and token slot is written before it is
    /// read, and zeroing 2 KB a line was a share of <c>classify</c>'s time (issue 12).
    /// </remarks>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    internal void Featurize(ReadOnlySpan<char> text, in SentenceContext context, FeatureVectorBuilder builder)
    {
        // A ligature copied out of a PDF ("ﬁnancial") is read as its letters, so the sentence gets the features of
        // the words it spells (issue 9: 22 of 293 UD EWT dev sentences changed label with "fi", "ff" and "fl" set as
        // ligatures).
        if (Ligatures.Any(text))
        {
            Featurize(Ligatures.SpellOut(text), context, builder);
            return;
        }

        builder.Clear();
        var rented = text.Length <= 512 ? null : ArrayPool<char>.Shared.Rent(text.Length);
        var rentedTokens = text.Length <= 256 ? null : ArrayPool<int>.Shared.Rent(text.Length * 3 + 4);
        try
        {
            Span<char> norm = rented ?? stackalloc char[text.Length];
            norm = norm[..text.Length];
            Span<int> tokens = rentedTokens ?? stackalloc int[text.Length * 3 + 4];
            var surface = Normalize(text, norm);
            var tokenCount = Tokenize(norm, tokens);
            if (builder.WordCache is { } cache && builder.Names is null)
            {
                FeaturizeCached(norm, tokens, tokenCount, surface, context, builder, cache);
                return;
            }

            // The words' plain hashes (for the vector table) are taken in the pass that hashes the n-grams;
            // the token buffer has room for them after the (start, length) pairs.
            var plain = MemoryMarshal.Cast<int, uint>(tokens.Slice(tokenCount * 2, tokenCount));
            AddWords(norm, tokens, tokenCount, plain, builder);
            builder.EndBlock(normalize: true);
            if (Options.CharMin > 0)
            {
                AddChars(norm, tokens, tokenCount, builder);
                builder.EndBlock(normalize: true);
            }

            AddCues(norm, tokens, tokenCount, plain, default, null, surface, context, builder);
            builder.EndBlock(normalize: false);
            if (_vectors is not null)
            {
                AddVectors(norm, tokens, tokenCount, plain, default, null, builder);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }

            if (rentedTokens is not null)
            {
                ArrayPool<int>.Shared.Return(rentedTokens);
            }
        }
    }

    /// <summary>
    /// Readable names of the slots <paramref name="sentences"/> fill, and of every cue slot: what a trained model
    /// keeps to explain itself (with hashing, a slot is named by the first n-gram seen in it).
    /// </summary>
    public Dictionary<int, string> NameFeatures(IEnumerable<(string Text, SentenceContext Context)> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var names = new Dictionary<int, string>();
        var builder = new FeatureVectorBuilder(names);
        foreach (var (text, context) in sentences)
        {
            Featurize(text, context, builder);
        }

        foreach (var (index, name) in CueSlots())
        {
            names.TryAdd(index, name);
        }

        return names;
    }

    /// <summary>The readable name of a linguistic cue feature's slot, for tests and explanations.</summary>
    internal int CueIndex(string name) => _cueIndex[Array.IndexOf(CueNames, name)];

    private int IndexOf(uint hash)
    {
        var index = (int)(FeatureHash.Mix(hash) & _mask);
        return index < _ngramSlots ? index : index - ReservedSlots;
    }

    private int NamedCueIndex(uint hash) => _ngramSlots + FixedCueSlots + (int)(FeatureHash.Mix(hash) % (ReservedSlots - FixedCueSlots));

    private void AddWords(ReadOnlySpan<char> norm, ReadOnlySpan<int> tokens, int count, Span<uint> plain, FeatureVectorBuilder builder)
    {
        var unigram = FeatureHash.Add(FeatureHash.Offset, 'w');
        var bigram = FeatureHash.Add(FeatureHash.Offset, 'b');
        var bigrams = Options.WordBigrams && count > 0;
        var naming = builder.Names is not null;
        ReadOnlySpan<char> previous = "<s>";

        // The bigram hash of (previous, word) starts with the hash of "b" + previous + " ", carried over from
        // the previous word, so each word is hashed twice (unigram, bigram prefix) rather than three times.
        var prefix = FeatureHash.Add(FeatureHash.Add(bigram, previous), ' ');
        var next = prefix;
        for (var t = 0; t <= count; t++)
        {
            var word = t < count ? norm.Slice(tokens[t * 2], tokens[t * 2 + 1]) : "</s>";
            if (t < count)
            {
                // Three independent FNV-1a chains in one pass over the word: unigram, plain (vectors) and the
                // next bigram's prefix.
                uint hu = unigram, hp = FeatureHash.Offset, hb = bigram;
                foreach (var ch in word)
                {
                    hu = FeatureHash.Add(hu, ch);
                    hp = FeatureHash.Add(hp, ch);
                    hb = FeatureHash.Add(hb, ch);
                }

                plain[t] = hp;
                next = FeatureHash.Add(hb, ' ');
                var index = IndexOf(hu);
                builder.Add(index);
                if (naming && builder.WantsName(index))
                {
                    builder.Names![index] = "word:" + word.ToString();
                }
            }

            if (bigrams)
            {
                var index = IndexOf(FeatureHash.Add(prefix, word));
                builder.Add(index);
                if (naming && builder.WantsName(index))
                {
                    builder.Names![index] = "bigram:" + previous.ToString() + " " + word.ToString();
                }

                prefix = next;
            }

            previous = word;
        }
    }

    /// <summary>
    /// The mean of the vectors of the sentence's words, scaled to norm <see cref="FeaturizerOptions.VectorWeight"/>:
    /// a dense summary of what the words mean, so a sentence whose words training never saw still lands near
    /// sentences of similar wording. Words with digits are left out (the text has them folded to 0); a word
    /// with an apostrophe the table lacks is looked up in GloVe's split (<c>do n't</c>, <c>people 's</c>).
    /// </summary>
    /// <remarks>With <paramref name="cache"/>, each token's entry (<paramref name="entries"/>) stands for its plain hash.</remarks>
    private void AddVectors(ReadOnlySpan<char> norm, ReadOnlySpan<int> tokens, int count, ReadOnlySpan<uint> plain, ReadOnlySpan<int> entries, WordFeatureCache? cache, FeatureVectorBuilder builder)
    {
        var vectors = _vectors!;
        Span<float> sum = vectors.Dimension <= 512 ? stackalloc float[vectors.Dimension] : new float[vectors.Dimension];
        var found = 0;
        for (var t = 0; t < count; t++)
        {
            if (cache is not null)
            {
                found += cache.AddVectors(entries[t], vectors, sum);
                continue;
            }

            var word = norm.Slice(tokens[t * 2], tokens[t * 2 + 1]);
            if (!char.IsLetter(word[0]) || word.ContainsAny(Digits))
            {
                continue;
            }

            if (vectors.TryAddTo(word, plain[t], sum))
            {
                found++;
                continue;
            }

            var apostrophe = word.IndexOf('\'');
            if (apostrophe > 0)
            {
                var split = word.EndsWith("n't") && apostrophe == word.Length - 2 ? word.Length - 3 : apostrophe;
                found += vectors.TryAddTo(word[..split], sum) ? 1 : 0;
                found += vectors.TryAddTo(word[split..], sum) ? 1 : 0;
            }
        }

        if (found == 0)
        {
            return;
        }

        // Four fixed lanes, so the bits are the same on every CPU.
        var lanes = Vector128<float>.Zero;
        var j = 0;
        for (; j <= sum.Length - 4; j += 4)
        {
            var v = Vector128.Create(sum.Slice(j, 4));
            lanes += v * v;
        }

        double norm2 = Vector128.Sum(lanes);
        for (; j < sum.Length; j++)
        {
            norm2 += (double)sum[j] * sum[j];
        }

        if (norm2 == 0)
        {
            return;
        }

        builder.AddDense(VectorSlot, sum, (float)(Options.VectorWeight / Math.Sqrt(norm2)));
    }

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");

    private void AddChars(ReadOnlySpan<char> norm, ReadOnlySpan<int> tokens, int count, FeatureVectorBuilder builder)
    {
        var seed = FeatureHash.Add(FeatureHash.Offset, 'c');
        int min = Options.CharMin, max = Options.CharMax;
        var naming = builder.Names is not null;

        // Each word is copied once between boundary spaces, so the n-gram loops read plain chars instead of
        // testing for the word's ends at every step.
        var longest = 0;
        for (var t = 0; t < count; t++)
        {
            longest = Math.Max(longest, tokens[t * 2 + 1]);
        }

        var rented = longest + 2 <= 256 ? null : ArrayPool<char>.Shared.Rent(longest + 2);
        Span<char> buffer = rented ?? stackalloc char[256];
        Span<int> found = stackalloc int[64];
        try
        {
            for (var t = 0; t < count; t++)
            {
                var word = norm.Slice(tokens[t * 2], tokens[t * 2 + 1]);
                if (!char.IsLetterOrDigit(word[0]))
                {
                    continue;
                }

                var padded = buffer[..(word.Length + 2)];
                padded[0] = ' ';
                word.CopyTo(padded[1..]);
                padded[^1] = ' ';

                // The word's n-gram indexes are computed first (independent hash chains the CPU overlaps),
                // then added in the same order as one n-gram at a time would. Training, which names each new
                // slot, adds them one at a time.
                if (min == 3 && max == 4 && !naming)
                {
                    AddTrigramsAndFourgrams(padded, seed, found, builder);
                    continue;
                }

                var k = 0;
                for (var i = 0; i + min <= padded.Length; i++)
                {
                    var h = seed;
                    var end = Math.Min(max, padded.Length - i);
                    for (var n = 1; n <= end; n++)
                    {
                        h = FeatureHash.Add(h, padded[i + n - 1]);
                        if (n >= min)
                        {
                            var index = IndexOf(h);
                            if (naming)
                            {
                                builder.Add(index);
                                if (builder.WantsName(index))
                                {
                                    builder.Names![index] = "char:" + padded.Slice(i, n).ToString().Replace(' ', '_');
                                }

                                continue;
                            }

                            found[k++] = index;
                            if (k == found.Length)
                            {
                                builder.AddAll(found);
                                k = 0;
                            }
                        }
                    }
                }

                builder.AddAll(found[..k]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The default n-gram lengths (3 and 4) without naming, as the general loop of <see cref="AddChars"/> adds
    /// them (at each start, the 3-gram then the 4-gram that extends it), in straight-line code: the general
    /// loop's inner loop over lengths cost a mispredicted branch at every start.
    /// </summary>
    private void AddTrigramsAndFourgrams(ReadOnlySpan<char> padded, uint seed, Span<int> found, FeatureVectorBuilder builder)
    {
        var k = 0;
        var last = padded.Length - 3;
        for (var i = 0; i < last; i++)
        {
            var h3 = FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(seed, padded[i]), padded[i + 1]), padded[i + 2]);
            found[k] = IndexOf(h3);
            found[k + 1] = IndexOf(FeatureHash.Add(h3, padded[i + 3]));
            k += 2;
            if (k > found.Length - 2)
            {
                builder.AddAll(found[..k]);
                k = 0;
            }
        }

        // The last start has room for a 3-gram only (a padded word has at least 3 chars).
        found[k++] = IndexOf(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(seed, padded[last]), padded[last + 1]), padded[last + 2]));
        builder.AddAll(found[..k]);
    }

    /// <remarks>With <paramref name="cache"/>, each token's entry (<paramref name="entries"/>) stands for its plain hash.</remarks>
    private void AddCues(ReadOnlySpan<char> norm, ReadOnlySpan<int> tokens, int count, ReadOnlySpan<uint> plain, ReadOnlySpan<int> entries, WordFeatureCache? cache, Surface surface, in SentenceContext context, FeatureVectorBuilder builder)
    {
        var lex = Lex.None;
        var evaluative = 0;
        int positive = 0, negative = 0, strong = 0;
        var words = 0;
        bool quote = false, question = false, exclaim = false, colon = false, paren = false, percent = false, money = false, digits = false;
        for (var t = 0; t < count; t++)
        {
            var word = norm.Slice(tokens[t * 2], tokens[t * 2 + 1]);
            var c = word[0];
            if (char.IsLetterOrDigit(c))
            {
                words++;
                if (c == '0')
                {
                    digits = true;
                }

                var listed = cache is null ? TryGetWordCues(word, plain[t], out var flags, out var valence) : cache.Cues(entries[t], out flags, out valence);
                var kind = cache is null ? KindOf(word) : cache.Kind(entries[t]);
                if (Options.Sentiment && valence != 0)
                {
                    positive += valence > 0 ? 1 : 0;
                    negative += valence < 0 ? 1 : 0;
                    strong += Math.Abs(valence) >= 3 ? 1 : 0;
                }

                if (listed)
                {
                    lex |= flags;
                    if ((flags & Lex.Evaluative) != 0)
                    {
                        evaluative++;
                    }
                }
                else if ((kind & WordKind.EndsNt) != 0)
                {
                    lex |= Lex.Negation;
                }

                if ((kind & WordKind.Percent) != 0 || ((kind & WordKind.Per) != 0 && t + 1 < count && norm.Slice(tokens[t * 2 + 2], tokens[t * 2 + 3]) is "cent"))
                {
                    percent = true;
                }
                else if ((kind & WordKind.Money) != 0)
                {
                    money = true;
                }
            }
            else
            {
                switch (c)
                {
                    case '"':
                        quote = true;
                        break;
                    case '?':
                        question = true;
                        break;
                    case '!':
                        exclaim = true;
                        break;
                    case ':':
                        colon = true;
                        break;
                    case '(':
                        paren = true;
                        break;
                    case '%':
                        percent = true;
                        break;
                    case '$' or '\u20ac' or '\u00a3' or '\u00a5':
                        money = true;
                        break;
                    default:
                        break;
                }
            }
        }

        var w = Options.CueWeight;
        void Set(Cue cue)
        {
            var index = _cueIndex[(int)cue];
            builder.Add(index, w);
            if (builder.WantsName(index))
            {
                builder.Names![index] = "feat:" + CueNames[(int)cue];
            }
        }

        if ((lex & Lex.Attribution) != 0) Set(Cue.Attribution);
        if ((lex & Lex.FirstSingular) != 0) Set(Cue.FirstSingular);
        if ((lex & Lex.FirstPlural) != 0) Set(Cue.FirstPlural);
        if ((lex & Lex.Second) != 0) Set(Cue.Second);
        if ((lex & Lex.Modal) != 0) Set(Cue.Modal);
        if ((lex & Lex.Hedge) != 0) Set(Cue.Hedge);
        if (evaluative > 0) Set(Cue.Evaluative);
        if (evaluative > 1) Set(Cue.EvaluativeMany);
        if ((lex & Lex.Negation) != 0) Set(Cue.Negation);
        if ((lex & Lex.Intensifier) != 0) Set(Cue.Intensifier);
        if ((lex & Lex.Month) != 0) Set(Cue.Month);
        if ((lex & Lex.Causal) != 0) Set(Cue.Causal);
        if (quote) Set(Cue.Quote);
        if (question) Set(Cue.Question);
        if (exclaim) Set(Cue.Exclaim);
        if (colon) Set(Cue.Colon);
        if (paren) Set(Cue.Parenthesis);
        if (surface.Emoji) Set(Cue.Emoji);
        if (surface.Shouting) Set(Cue.Shouting);
        if (surface.Words >= 2 && surface.CapitalisedWords * 10 >= surface.Words * 6) Set(Cue.TitleCase);
        if (surface.StartsLowercase) Set(Cue.StartsLowercase);

        if (count > 0)
        {
            var last = norm[tokens[(count - 1) * 2]];
            if (last == '?')
            {
                Set(Cue.QuestionEnd);
            }
            else if (last is not ('.' or '!' or '"' or '\'' or ')' or ':' or ';'))
            {
                Set(Cue.NoFinalPunct);
            }
        }

        // Surface cues are always computed, so bare sentences (training files, classify) and sentences of a
        // processed document featurize alike; the tagged layers add their own features on top.
        if (digits || (lex & Lex.NumberWord) != 0) Set(Cue.Number);
        if (percent && digits) Set(Cue.NumberPercent);
        if (money && digits) Set(Cue.NumberMoney);
        if ((lex & Lex.NumberWord) != 0) Set(Cue.NumberWord);
        if (surface.Year) Set(Cue.NumberYear);
        if (surface.Caps > 0)
        {
            Set(surface.Caps == 1 ? Cue.Caps1 : surface.Caps <= 3 ? Cue.Caps2 : Cue.Caps4);
        }

        if (context.NumberKinds is { Count: > 0 } kinds)
        {
            Set(Cue.TaggedNumber);
            foreach (var kind in kinds)
            {
                AddNamed(builder, "number-tagged:", kind, w);
            }
        }

        if (context.EntityTypes is { Count: > 0 } types)
        {
            Set(Cue.Entity);
            foreach (var type in types)
            {
                AddNamed(builder, "entity:", type, w);
            }
        }

        if (positive > 0) AddNamed(builder, positive > 1 ? "sentiment:positive-many" : "sentiment:positive", w);
        if (negative > 0) AddNamed(builder, negative > 1 ? "sentiment:negative-many" : "sentiment:negative", w);
        if (strong > 0) AddNamed(builder, "sentiment:strong", w);

        if (Options.StancePairs)
        {
            var stance = evaluative > 0 || positive > 0 || negative > 0;
            if (question && negative > 0) AddNamed(builder, "pair:question-negative", w);
            if (question && (lex & Lex.Intensifier) != 0) AddNamed(builder, "pair:question-intensifier", w);
            if ((lex & Lex.Second) != 0 && stance) AddNamed(builder, "pair:address-stance", w);
            if ((digits || (lex & Lex.NumberWord) != 0) && stance) AddNamed(builder, "pair:figure-stance", w);
        }

        Set(words <= 3 ? Cue.Len1 : words <= 7 ? Cue.Len4 : words <= 15 ? Cue.Len8 : words <= 30 ? Cue.Len16 : Cue.Len31);

        if (context.Section is { } section)
        {
            AddNamed(builder, "section:", section.ToName(), w);
        }

        if (context.Position is { } position)
        {
            var bucket = Math.Clamp((int)(position * 5), 0, 4);
            Set(Cue.Position0 + bucket);
        }

        if (context.FirstInParagraph == true)
        {
            Set(Cue.FirstInParagraph);
        }

    }

    private void AddNamed(FeatureVectorBuilder builder, string name, float value) => AddNamed(builder, name, string.Empty, value);

    /// <summary>
    /// Adds the named cue <paramref name="prefix"/> + <paramref name="suffix"/> ("entity:" + a type) without joining
    /// the strings: FNV-1a over the two in turn is FNV-1a over their concatenation, and <c>run</c> adds such cues to
    /// nearly every sentence. The joined name is made only when a trainer records names.
    /// </summary>
    private void AddNamed(FeatureVectorBuilder builder, string prefix, string suffix, float value)
    {
        var index = NamedCueIndex(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Offset, 'f'), prefix), suffix));
        builder.Add(index, value);
        if (builder.WantsName(index))
        {
            builder.Names![index] = "feat:" + prefix + suffix;
        }
    }

    /// <summary>Names of the cue slots, for explanations.</summary>
    internal IEnumerable<(int Index, string Name)> CueSlots()
    {
        for (var i = 0; i < CueNames.Length; i++)
        {
            yield return (_cueIndex[i], "feat:" + CueNames[i]);
        }
    }

    /// <summary>Formats a float invariantly (shared by the classifier's messages).</summary>
    internal static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
