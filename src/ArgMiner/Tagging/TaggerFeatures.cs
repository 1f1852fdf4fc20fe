using System.Runtime.CompilerServices;
using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>
/// What the tagger knows of one token, computed once per sentence from the token's characters in the
/// document text (no string is made): 64-bit hashes of the word, its lower case, its shape, its
/// prefixes and suffixes, and a few flags.
/// </summary>
internal struct TokenInfo
{
    /// <summary>Hash of the word as written.</summary>
    public ulong Word;

    /// <summary>Hash of its lower case.</summary>
    public ulong Lower;

    /// <summary>Hash of its shape (Xxxx, dd,ddd).</summary>
    public ulong Shape;

    /// <summary>Hash of its first character.</summary>
    public ulong Pre1;

    /// <summary>Hash of its first two characters.</summary>
    public ulong Pre2;

    /// <summary>Hash of its first three characters.</summary>
    public ulong Pre3;

    /// <summary>Hash of its first four characters.</summary>
    public ulong Pre4;

    /// <summary>Hash of its last character (lower case).</summary>
    public ulong Suf1;

    /// <summary>Hash of its last two characters (lower case).</summary>
    public ulong Suf2;

    /// <summary>Hash of its last three characters (lower case).</summary>
    public ulong Suf3;

    /// <summary>Hash of its last four characters (lower case).</summary>
    public ulong Suf4;

    /// <summary>Its ambiguity class from the lexicon (or TaggerLexicon.Unknown).</summary>
    public ulong Amb;

    /// <summary>The gazetteer's verdict on the token (its match's type and B or I), or 0.</summary>
    public ulong Gaz;

    /// <summary>Title, upper, lower, digit, hyphen and sentence-start bits.</summary>
    public int Flags;

    /// <summary>Its <see cref="WordClasses"/> bits (entity models with word classes), or 0.</summary>
    public uint Class;
}

/// <summary>
/// The feature templates of the averaged-perceptron tagger (the role of Catalyst's
/// <c>AveragePerceptronTagger</c> feature set, hand-written here): every feature is a stable 64-bit hash of
/// a template number and a value, reduced to a bucket of the weight table. The hash is FNV-1a over UTF-16
/// code units finished with the SplitMix64 mixer, never <see cref="string.GetHashCode()"/>, so a model
/// file means the same thing in every process.
/// </summary>
internal static class TaggerFeatures
{
    /// <summary>Features that depend only on the words (computed once per token).</summary>
    public const int StaticCount = 36;

    /// <summary>Features that depend on the tags already predicted to the left.</summary>
    public const int DynamicCount = 6;

    /// <summary>All features of one position, without the gazetteer's.</summary>
    public const int Count = StaticCount + DynamicCount;

    /// <summary>Features of the gazetteer's matches (entity models trained with a gazetteer only).</summary>
    public const int GazetteerCount = 3;

    /// <summary>Features of the word classes (entity models trained with <see cref="WordClasses"/> only).</summary>
    public const int WordClassCount = 16;

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong Golden = 0x9E3779B97F4A7C15UL;

    // Stand-ins for the words before the start and after the end of a sentence.
    internal const ulong Start1 = 0x5354415254310000UL;
    internal const ulong Start2 = 0x5354415254320000UL;
    internal const ulong End1 = 0x454E443100000000UL;
    internal const ulong End2 = 0x454E443200000000UL;

    private const int FlagTitle = 1;
    private const int FlagUpper = 2;
    private const int FlagDigit = 4;
    private const int FlagHyphen = 8;
    private const int FlagFirst = 16;
    private const int FlagLower = 32;

    /// <summary>SplitMix64's finaliser: spreads every input bit over the output.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x;
    }

    /// <summary>FNV-1a over UTF-16 code units.</summary>
    public static ulong Hash(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h = (h ^ c) * FnvPrime;
        }

        return h;
    }

    /// <summary>FNV-1a over the invariant lower case of <paramref name="s"/>.</summary>
    public static ulong HashLower(ReadOnlySpan<char> s)
    {
        var h = FnvOffset;
        foreach (var c in s)
        {
            h = (h ^ ToLower(c)) * FnvPrime;
        }

        return h;
    }

    // ASCII first, as most text is: the same answers as char.ToLowerInvariant, char.IsUpper, char.IsLower
    // and char.IsDigit, without their general look-ups on every character of every token.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char ToLower(char c) => char.IsAscii(c) ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsUpper(char c) => char.IsAscii(c) ? char.IsAsciiLetterUpper(c) : char.IsUpper(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLower(char c) => char.IsAscii(c) ? char.IsAsciiLetterLower(c) : char.IsLower(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => char.IsAscii(c) ? char.IsAsciiDigit(c) : char.IsDigit(c);

    /// <summary>Fills <paramref name="info"/> (one entry per token) from the tokens' characters.</summary>
    /// <param name="text">The text the tokens index.</param>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="lexicon">Lower-case word hash to the set of classes seen with it in training (a bit mask).</param>
    /// <param name="info">Where to write.</param>
    /// <param name="classes">The model's word classes, or null for none.</param>
    public static void Describe(string text, ReadOnlySpan<Token> tokens, TaggerLexicon lexicon, Span<TokenInfo> info, WordClasses? classes = null)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            DescribeWord(tokens[i].In(text), lexicon, classes, ref info[i]);
            if (i == 0)
            {
                MarkFirst(ref info[i]);
            }
        }
    }

    /// <summary>Marks <paramref name="t"/> as the sentence's first token, the one thing <see cref="DescribeWord"/> leaves out.</summary>
    public static void MarkFirst(ref TokenInfo t) => t.Flags |= FlagFirst;

    /// <summary>
    /// Fills <paramref name="t"/> from the word <paramref name="s"/> alone: all <see cref="Describe"/> writes but the
    /// sentence-start flag, so it can be kept per word type (<see cref="TaggerWordCache"/>).
    /// </summary>
    public static void DescribeWord(ReadOnlySpan<char> s, TaggerLexicon lexicon, WordClasses? classes, ref TokenInfo t)
    {
        // A soft hyphen (U+00AD, a web page's &shy;) is invisible: "Wash\u00ADington" is read as "Washington". Until session 37 it made
        // the word unknown ("Wash­ington" a PERSON, "Ka­bul" no entity).
        if (s.Length > 1 && s.Contains('\u00AD'))
        {
            Span<char> visible = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
            var m = 0;
            foreach (var c in s)
            {
                if (c != '\u00AD')
                {
                    visible[m++] = c;
                }
            }

            if (m > 0)
            {
                DescribeWord(visible[..m], lexicon, classes, ref t);
                return;
            }
        }

        // One pass over the characters for the hashes of the word, its lower case and its shape: the
        // hash of a prefix is the word's hash after that many characters (the same FNV-1a as Hash).
        var n = s.Length;
        ulong word = FnvOffset, lowered = FnvOffset;
        t.Pre1 = t.Pre2 = t.Pre3 = t.Pre4 = 0;

        // Shape: X for upper case, x for lower, d for digits, other characters as themselves, runs
        // cut at four ("Xxxx", "dd,ddd", "X.X."), so every long capitalised word shares one shape.
        var shape = FnvOffset;
        char last = '\0';
        var run = 0;
        bool upper = false, lower = false, digit = false, hyphen = false;
        for (var j = 0; j < n; j++)
        {
            var c = s[j];
            word = (word ^ c) * FnvPrime;
            lowered = (lowered ^ ToLower(c)) * FnvPrime;
            switch (j)
            {
                case 0: t.Pre1 = word; break;
                case 1: t.Pre2 = word; break;
                case 2: t.Pre3 = word; break;
                case 3: t.Pre4 = word; break;
            }

            char k;
            if (IsUpper(c))
            {
                k = 'X';
                upper = true;
            }
            else if (IsLower(c))
            {
                k = 'x';
                lower = true;
            }
            else if (IsDigit(c))
            {
                k = 'd';
                digit = true;
            }
            else
            {
                k = c;
                hyphen |= c == '-';
            }

            run = k == last ? run + 1 : 1;
            last = k;
            if (run <= 4)
            {
                shape = (shape ^ k) * FnvPrime;
            }
        }

        t.Word = word;
        t.Lower = lowered;
        t.Amb = lexicon.Lookup(lowered);
        t.Class = classes?.Lookup(lowered) ?? 0;
        t.Suf1 = n >= 1 ? HashLower(s[(n - 1)..]) : 0;
        t.Suf2 = n >= 2 ? HashLower(s[(n - 2)..]) : 0;
        t.Suf3 = n >= 3 ? HashLower(s[(n - 3)..]) : 0;
        t.Suf4 = n >= 4 ? HashLower(s[(n - 4)..]) : 0;
        t.Shape = shape;
        var flags = 0;
        if (n > 0 && IsUpper(s[0]))
        {
            flags |= FlagTitle;
        }

        if (upper && !lower)
        {
            flags |= FlagUpper;
        }

        if (lower && !upper)
        {
            flags |= FlagLower;
        }

        if (digit)
        {
            flags |= FlagDigit;
        }

        if (hyphen)
        {
            flags |= FlagHyphen;
        }

        t.Flags = flags;
        t.Gaz = 0;
    }

    /// <summary>Marks the tokens of gazetteer matches (token indexes relative to <paramref name="info"/>).</summary>
    public static void MarkGazetteer(Span<TokenInfo> info, ReadOnlySpan<TokenSpan> matches)
    {
        foreach (var m in matches)
        {
            var type = Hash(m.Type);
            for (var k = m.First; k < m.First + m.Count; k++)
            {
                info[k].Gaz = type + (k == m.First ? 1UL : 2UL);
            }
        }
    }

    /// <summary>Writes the <see cref="GazetteerCount"/> gazetteer features of position <paramref name="i"/>.</summary>
    public static void Gazetteer(ReadOnlySpan<TokenInfo> info, int i, int prev, int bits, Span<int> buckets)
    {
        var g = info[i].Gaz;
        var next = i + 1 < info.Length ? info[i + 1].Gaz : End1;
        buckets[0] = Bucket(50, g, bits);
        buckets[1] = Bucket(51, Mix(g) ^ next, bits);
        buckets[2] = Bucket(52, Mix(g) ^ (ulong)(uint)(prev + 3), bits);
    }

    /// <summary>Where <see cref="Static"/> puts the features of the token's own word (<see cref="OwnBuckets"/>), in order.</summary>
    public static ReadOnlySpan<byte> OwnPositions => [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 31];

    /// <summary>Where <see cref="Static"/> puts the features of the word before (<see cref="PrevBuckets"/>), in order.</summary>
    public static ReadOnlySpan<byte> PrevPositions => [13, 17, 19, 27];

    /// <summary>Where <see cref="Static"/> puts the features of the word after (<see cref="NextBuckets"/>), in order.</summary>
    public static ReadOnlySpan<byte> NextPositions => [15, 18, 20, 28, 32];

    /// <summary>Where <see cref="Static"/> puts the feature of the word two before (<see cref="Prev2Bucket"/>).</summary>
    public const int Prev2Position = 14;

    /// <summary>Where <see cref="Static"/> puts the feature of the word two after (<see cref="Next2Bucket"/>).</summary>
    public const int Next2Position = 16;

    /// <summary>The positions <see cref="StaticRemainder"/> writes: features of word pairs, flags and the bias.</summary>
    public static ReadOnlySpan<byte> RemainderPositions => [0, 12, 21, 22, 23, 24, 25, 26, 29, 30, 33, 34, 35];

    /// <summary>
    /// Writes the <see cref="StaticCount"/> word features of position <paramref name="i"/> as buckets. They are made of
    /// parts that each depend on one word alone (its own, or a neighbour's at a fixed offset), which a tagger can keep
    /// per word type (<see cref="TaggerWordCache"/>), and a remainder that reads pairs of words and the sentence start.
    /// </summary>
    public static void Static(ReadOnlySpan<TokenInfo> info, int i, int bits, Span<int> buckets)
    {
        StaticRemainder(info, i, bits, buckets);
        Span<int> part = stackalloc int[OwnPositions.Length];
        OwnBuckets(info[i], bits, part);
        Scatter(part, OwnPositions, buckets);
        if (i >= 1)
        {
            ref readonly var p = ref info[i - 1];
            PrevBuckets(p.Lower, p.Suf3, p.Shape, p.Word, bits, part);
        }
        else
        {
            PrevBuckets(Start1, Start1, Start1, Start1, bits, part);
        }

        Scatter(part[..PrevPositions.Length], PrevPositions, buckets);
        if (i + 1 < info.Length)
        {
            ref readonly var n = ref info[i + 1];
            NextBuckets(n.Lower, n.Suf3, n.Shape, n.Word, n.Amb, bits, part);
        }
        else
        {
            NextBuckets(End1, End1, End1, End1, End1, bits, part);
        }

        Scatter(part[..NextPositions.Length], NextPositions, buckets);
        buckets[Prev2Position] = Prev2Bucket(i >= 2 ? info[i - 2].Lower : i >= 1 ? Start1 : Start2, bits);
        buckets[Next2Position] = Next2Bucket(i + 2 < info.Length ? info[i + 2].Lower : i + 1 < info.Length ? End1 : End2, bits);
    }

    /// <summary>Writes <paramref name="part"/>[k] at <paramref name="positions"/>[k] of <paramref name="buckets"/>.</summary>
    public static void Scatter(ReadOnlySpan<int> part, ReadOnlySpan<byte> positions, Span<int> buckets)
    {
        for (var k = 0; k < positions.Length; k++)
        {
            buckets[positions[k]] = part[k];
        }
    }

    /// <summary>The features of a token's own word, in <see cref="OwnPositions"/> order (the sentence-start flag is not among them).</summary>
    public static void OwnBuckets(in TokenInfo t, int bits, Span<int> buckets)
    {
        buckets[0] = Bucket(1, t.Word, bits);
        buckets[1] = Bucket(2, t.Lower, bits);
        buckets[2] = Bucket(3, t.Pre1, bits);
        buckets[3] = Bucket(4, t.Pre2, bits);
        buckets[4] = Bucket(5, t.Pre3, bits);
        buckets[5] = Bucket(6, t.Pre4, bits);
        buckets[6] = Bucket(7, t.Suf1, bits);
        buckets[7] = Bucket(8, t.Suf2, bits);
        buckets[8] = Bucket(9, t.Suf3, bits);
        buckets[9] = Bucket(10, t.Suf4, bits);
        buckets[10] = Bucket(11, t.Shape, bits);

        // Ambiguity classes: which tags the word and its neighbours took in training (a stand-in for
        // the right-hand tags a greedy left-to-right tagger cannot see yet).
        buckets[11] = Bucket(31, t.Amb, bits);
    }

    /// <summary>The features of the word before the token (or the sentence start's stand-ins), in <see cref="PrevPositions"/> order.</summary>
    public static void PrevBuckets(ulong lower, ulong suffix3, ulong shape, ulong word, int bits, Span<int> buckets)
    {
        buckets[0] = Bucket(13, lower, bits);
        buckets[1] = Bucket(17, suffix3, bits);
        buckets[2] = Bucket(19, shape, bits);
        buckets[3] = Bucket(27, word, bits);
    }

    /// <summary>The features of the word after the token (or the sentence end's stand-ins), in <see cref="NextPositions"/> order.</summary>
    public static void NextBuckets(ulong lower, ulong suffix3, ulong shape, ulong word, ulong ambiguity, int bits, Span<int> buckets)
    {
        buckets[0] = Bucket(15, lower, bits);
        buckets[1] = Bucket(18, suffix3, bits);
        buckets[2] = Bucket(20, shape, bits);
        buckets[3] = Bucket(28, word, bits);
        buckets[4] = Bucket(32, ambiguity, bits);
    }

    /// <summary>The feature of the word two before the token, from its lower case (or a stand-in).</summary>
    public static int Prev2Bucket(ulong lower, int bits) => Bucket(14, lower, bits);

    /// <summary>The feature of the word two after the token, from its lower case (or a stand-in).</summary>
    public static int Next2Bucket(ulong lower, int bits) => Bucket(16, lower, bits);

    /// <summary>Writes the features at <see cref="RemainderPositions"/>: the bias, the flags of the token and its neighbours, and word pairs.</summary>
    public static void StaticRemainder(ReadOnlySpan<TokenInfo> info, int i, int bits, Span<int> buckets)
    {
        buckets[0] = BiasBucket(bits);
        buckets[12] = FlagsBucket((ulong)info[i].Flags, bits);
        buckets[23] = PrevFlagsBucket(i >= 1 ? (ulong)info[i - 1].Flags : 64, bits);
        buckets[24] = NextFlagsBucket(i + 1 < info.Length ? (ulong)info[i + 1].Flags : 128, bits);
        Span<int> pairs = stackalloc int[PairPositions.Length];
        PairBuckets(info, i, bits, pairs);
        Scatter(pairs, PairPositions, buckets);
    }

    /// <summary>The bias feature, the same for every token.</summary>
    public static int BiasBucket(int bits) => Bucket(0, 0, bits);

    /// <summary>The feature of the token's own flags (the sentence-start flag among them).</summary>
    public static int FlagsBucket(ulong flags, int bits) => Bucket(12, flags, bits);

    /// <summary>The feature of the previous word's flags (64 before the first token).</summary>
    public static int PrevFlagsBucket(ulong flags, int bits) => Bucket(23, flags, bits);

    /// <summary>The feature of the next word's flags (128 after the last token).</summary>
    public static int NextFlagsBucket(ulong flags, int bits) => Bucket(24, flags, bits);

    /// <summary>Where <see cref="StaticRemainder"/> puts the features of word pairs (<see cref="PairBuckets"/>), in order.</summary>
    public static ReadOnlySpan<byte> PairPositions => [21, 22, 25, 26, 29, 30, 33, 34, 35];

    /// <summary>The features that read two words at once (the token and a neighbour, or both next words), in <see cref="PairPositions"/> order.</summary>
    public static void PairBuckets(ReadOnlySpan<TokenInfo> info, int i, int bits, Span<int> buckets)
    {
        ref readonly var t = ref info[i];
        var p1 = i >= 1 ? info[i - 1].Lower : Start1;
        var n1 = i + 1 < info.Length ? info[i + 1].Lower : End1;
        var p1Shape = i >= 1 ? info[i - 1].Shape : Start1;
        var n1Shape = i + 1 < info.Length ? info[i + 1].Shape : End1;
        var p1Amb = i >= 1 ? info[i - 1].Amb : Start1;
        var n1Amb = i + 1 < info.Length ? info[i + 1].Amb : End1;
        var n2Amb = i + 2 < info.Length ? info[i + 2].Amb : End2;
        buckets[0] = Bucket(21, Mix(p1) ^ t.Lower, bits);
        buckets[1] = Bucket(22, Mix(t.Lower) ^ n1, bits);
        buckets[2] = Bucket(25, Mix(p1Shape) ^ t.Shape, bits);
        buckets[3] = Bucket(26, Mix(t.Shape) ^ n1Shape, bits);
        buckets[4] = Bucket(29, Mix(t.Suf3) ^ n1, bits);
        buckets[5] = Bucket(30, Mix(p1) ^ t.Suf3, bits);
        buckets[6] = Bucket(33, Mix(t.Amb) ^ n1Amb, bits);
        buckets[7] = Bucket(34, Mix(n1Amb) ^ n2Amb, bits);
        buckets[8] = Bucket(35, Mix(p1Amb) ^ t.Amb, bits);
    }

    /// <summary>Where <see cref="WordClassFeatures"/> puts the features of the token's own word classes (<see cref="ClassOwnBuckets"/>).</summary>
    public static ReadOnlySpan<byte> ClassOwnPositions => [0, 1];

    /// <summary>Where <see cref="WordClassFeatures"/> puts the feature of the previous word's class (<see cref="ClassPrevBucket"/>).</summary>
    public const int ClassPrevPosition = 3;

    /// <summary>Where <see cref="WordClassFeatures"/> puts the feature of the next word's class (<see cref="ClassNextBucket"/>).</summary>
    public const int ClassNextPosition = 4;

    /// <summary>The positions <see cref="WordClassRemainder"/> writes.</summary>
    public static ReadOnlySpan<byte> ClassRemainderPositions => [2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15];

    /// <summary>Stand-in word classes before the first token and after the last.</summary>
    public const uint ClassBefore = 0xFFFFFFFFu;

    /// <inheritdoc cref="ClassBefore"/>
    public const uint ClassAfter = 0xFFFFFFFEu;

    /// <summary>
    /// Writes the <see cref="WordClassCount"/> word-class features of position <paramref name="i"/>: the
    /// vector clusters of the word and its neighbours (case-blind, so "obama" and an unseen surname share
    /// evidence with "Obama"), first-name and company-suffix marks, how training text capitalises the word
    /// inside sentences crossed with how it is written here (a capitalised common word opening a sentence),
    /// and the sentence's length (a name alone on a short line: a greeting, a signature, a list). Made, like
    /// <see cref="Static"/>, of parts of one word each and a remainder.
    /// </summary>
    public static void WordClassFeatures(ReadOnlySpan<TokenInfo> info, int i, int bits, Span<int> buckets)
    {
        WordClassRemainder(info, i, bits, buckets);
        Span<int> own = stackalloc int[ClassOwnPositions.Length];
        ClassOwnBuckets(info[i].Class, bits, own);
        Scatter(own, ClassOwnPositions, buckets);
        buckets[ClassPrevPosition] = ClassPrevBucket(i >= 1 ? info[i - 1].Class : ClassBefore, bits);
        buckets[ClassNextPosition] = ClassNextBucket(i + 1 < info.Length ? info[i + 1].Class : ClassAfter, bits);
    }

    /// <summary>The features of a word's own classes (fine and coarse cluster), in <see cref="ClassOwnPositions"/> order.</summary>
    public static void ClassOwnBuckets(uint wordClass, int bits, Span<int> buckets)
    {
        buckets[0] = Bucket(60, wordClass & WordClasses.FineMask, bits);
        buckets[1] = Bucket(61, (wordClass >> WordClasses.CoarseShift) & WordClasses.FineMask, bits);
    }

    /// <summary>The feature of the previous word's fine class (or <see cref="ClassBefore"/>).</summary>
    public static int ClassPrevBucket(uint p, int bits) => Bucket(63, p == ClassBefore ? p : p & WordClasses.FineMask, bits);

    /// <summary>The feature of the next word's fine class (or <see cref="ClassAfter"/>).</summary>
    public static int ClassNextBucket(uint n, int bits) => Bucket(64, n == ClassAfter ? n : n & WordClasses.FineMask, bits);

    /// <summary>Writes the features at <see cref="ClassRemainderPositions"/>: classes crossed with case, marks and the sentence's length.</summary>
    public static void WordClassRemainder(ReadOnlySpan<TokenInfo> info, int i, int bits, Span<int> buckets)
    {
        Span<int> part = stackalloc int[ClassPairPositions.Length];
        ClassOwnFlagBuckets(info[i], bits, part);
        Scatter(part[..ClassOwnFlagPositions.Length], ClassOwnFlagPositions, buckets);
        buckets[8] = ClassNextMarkBucket(i + 1 < info.Length ? info[i + 1].Class : ClassAfter, i + 1 < info.Length ? CaseFlags(info[i + 1].Flags) : 128, bits);
        buckets[9] = ClassPrevMarkBucket(i >= 1 ? info[i - 1].Class : ClassBefore, i >= 1 ? CaseFlags(info[i - 1].Flags) : 64, bits);
        ClassPairBuckets(info, i, bits, part);
        Scatter(part, ClassPairPositions, buckets);
    }

    /// <summary>The flags the word-class features cross classes with: case and the sentence start.</summary>
    public static ulong CaseFlags(int flags) => (ulong)(flags & (FlagTitle | FlagUpper | FlagLower | FlagFirst));

    /// <summary>Where <see cref="WordClassRemainder"/> puts the features of <see cref="ClassOwnFlagBuckets"/>, in order.</summary>
    public static ReadOnlySpan<byte> ClassOwnFlagPositions => [2, 7, 12, 15];

    /// <summary>The word-class features of the token's own classes and marks crossed with its own flags (the sentence start among them).</summary>
    public static void ClassOwnFlagBuckets(in TokenInfo t, int bits, Span<int> buckets)
    {
        var fine = (ulong)(t.Class & WordClasses.FineMask);
        var marks = (ulong)(t.Class >> 20);
        var flags = CaseFlags(t.Flags);
        buckets[0] = Bucket(62, Mix(fine) ^ flags, bits);
        buckets[1] = Bucket(67, Mix(marks) ^ flags, bits);
        buckets[2] = Bucket(72, Mix(t.Lower) ^ ((t.Flags & FlagFirst) != 0 ? 1UL : 2UL), bits);
        buckets[3] = Bucket(75, Mix(fine + 5000) ^ (Mix(marks) >> 3) ^ flags, bits);
    }

    /// <summary>The feature of the next word's marks and flags (<see cref="ClassAfter"/> and 128 after the last token).</summary>
    public static int ClassNextMarkBucket(uint n, ulong nFlags, int bits) => Bucket(68, Mix((ulong)(n >> 20)) ^ nFlags, bits);

    /// <summary>The feature of the previous word's marks and flags (<see cref="ClassBefore"/> and 64 before the first token).</summary>
    public static int ClassPrevMarkBucket(uint p, ulong pFlags, int bits) => Bucket(69, Mix((ulong)(p >> 20)) ^ pFlags, bits);

    /// <summary>Where <see cref="WordClassRemainder"/> puts the features of <see cref="ClassPairBuckets"/>, in order.</summary>
    public static ReadOnlySpan<byte> ClassPairPositions => [5, 6, 10, 11, 13, 14];

    /// <summary>The word-class features that read two words at once, or the token and the sentence's length.</summary>
    public static void ClassPairBuckets(ReadOnlySpan<TokenInfo> info, int i, int bits, Span<int> buckets)
    {
        ref readonly var t = ref info[i];
        var coarse = (ulong)((t.Class >> WordClasses.CoarseShift) & WordClasses.FineMask);
        var marks = (ulong)(t.Class >> 20);
        var flags = CaseFlags(t.Flags);
        var p = i >= 1 ? info[i - 1].Class : ClassBefore;
        var n = i + 1 < info.Length ? info[i + 1].Class : ClassAfter;
        var length = (ulong)Math.Min(info.Length, 7);
        buckets[0] = Bucket(65, Mix((p >> WordClasses.CoarseShift) & WordClasses.FineMask) ^ coarse, bits);
        buckets[1] = Bucket(66, Mix(coarse) ^ ((n >> WordClasses.CoarseShift) & WordClasses.FineMask), bits);
        buckets[2] = Bucket(70, Mix(marks) ^ (Mix((ulong)(n >> 20)) >> 1), bits);
        buckets[3] = Bucket(71, Mix((ulong)(p >> 20)) ^ (Mix(marks) >> 1), bits);
        buckets[4] = Bucket(73, Mix(length) ^ flags, bits);
        buckets[5] = Bucket(74, Mix(length + 100) ^ marks, bits);
    }

    /// <summary>Writes the <see cref="DynamicCount"/> features built on the previous predicted tags.</summary>
    /// <param name="info">The sentence's tokens.</param>
    /// <param name="i">The position.</param>
    /// <param name="prev">The tag predicted at <c>i - 1</c>, or -1 at the start.</param>
    /// <param name="prev2">The tag predicted at <c>i - 2</c>, or -1 (or -2) at the start.</param>
    /// <param name="bits">The weight table has <c>2^bits</c> buckets.</param>
    /// <param name="buckets">Where to write.</param>
    public static void Dynamic(ReadOnlySpan<TokenInfo> info, int i, int prev, int prev2, int bits, Span<int> buckets)
    {
        var p = (ulong)(uint)(prev + 3);
        var p2 = (ulong)(uint)(prev2 + 3);
        buckets[0] = Bucket(40, p, bits);
        buckets[1] = Bucket(41, (p2 << 8) | p, bits);
        buckets[2] = Bucket(42, Mix(p) ^ info[i].Lower, bits);
        buckets[3] = Bucket(43, Mix(p + 1000) ^ info[i].Suf3, bits);
        buckets[4] = Bucket(44, Mix(p + 2000) ^ info[i].Amb, bits);
        buckets[5] = Bucket(45, Mix(p + 3000) ^ info[i].Shape, bits);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bucket(int template, ulong value, int bits) =>
        (int)(Mix(value + ((ulong)(template + 1) * Golden)) >> (64 - bits));
}
