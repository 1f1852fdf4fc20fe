using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ArgMiner.Tagging;

/// <summary>Settings of <see cref="AveragedPerceptronTrainer"/>.</summary>
public sealed record AveragedPerceptronTrainerOptions
{
    /// <summary><see cref="AveragedPerceptronTagger.PosKind"/> or <see cref="AveragedPerceptronTagger.NerKind"/>.</summary>
    public string Kind { get; init; } = AveragedPerceptronTagger.PosKind;

    /// <summary>Passes over the training data.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Seed of the shuffling of sentences between passes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The weight table has <c>2^BucketBits</c> rows (hashed features).</summary>
    public int BucketBits { get; init; } = 18;

    /// <summary>Averaged weights smaller than this (in absolute value) are dropped from the model.</summary>
    public float Prune { get; init; } = 0.2f;

    /// <summary>Words seen at least this often get an ambiguity-class feature (0: none).</summary>
    public int LexiconMinCount { get; init; } = 10;

    /// <summary>Words seen at least this often with one tag 99.5 % of the time get it without scoring (0: never).</summary>
    public int SureMinCount { get; init; }

    /// <summary>
    /// When set, the gazetteer's matches are features (entity models): the model learns how far to trust
    /// them and how they bear on the words around them.
    /// </summary>
    public Gazetteer? Gazetteer { get; init; }

    /// <summary>
    /// When set (entity models), the words' vector clusters, first-name and company-suffix marks and
    /// capitalisation classes are features, and the table is stored in the model.
    /// </summary>
    public WordClasses? WordClasses { get; init; }

    /// <summary>The settings as JSON, for the model card.</summary>
    public JsonObject ToJson() => new()
    {
        ["epochs"] = Epochs,
        ["seed"] = Seed,
        ["bucketBits"] = BucketBits,
        ["prune"] = Prune,
        ["lexiconMinCount"] = LexiconMinCount,
        ["sureMinCount"] = SureMinCount,
        ["gazetteerFeatures"] = Gazetteer is not null,
        ["wordClasses"] = WordClasses?.Count ?? 0,
        ["features"] = "word, lower, prefix 1-4, suffix 1-4, shape, flags, words +-2, neighbour suffix/shape/flags, bigrams, previous 2 tags (greedy)"
            + (WordClasses is null ? string.Empty : "; word classes: vector clusters (fine, coarse) of the word and its neighbours, first-name and company-suffix marks, in-sentence capitalisation, sentence length"),
    };
}

/// <summary>
/// Trains an <see cref="AveragedPerceptronTagger"/> (estimator/model split as in ML.NET): greedy left-to-
/// right decoding with the tags it predicts itself as context, perceptron updates on mistakes, and
/// averaging of the weights over every step with the lazy time-stamp trick (each weight remembers when it
/// last changed, so an update costs O(1) however long training runs). Sentences are shuffled between
/// passes by a seeded generator written here, so the same data, options and seed give the same bytes.
/// </summary>
public sealed class AveragedPerceptronTrainer(AveragedPerceptronTrainerOptions options)
{
    /// <summary>The settings.</summary>
    public AveragedPerceptronTrainerOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Trains on <paramref name="sentences"/>; <paramref name="log"/> hears one line per pass.</summary>
    public AveragedPerceptronTagger Fit(IReadOnlyList<TaggedSentence> sentences, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        if (Options.BucketBits is < 4 or > 24)
        {
            throw new ArgumentException("bucket bits must be between 4 and 24", nameof(sentences));
        }

        var classSet = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var s in sentences)
        {
            foreach (var t in s.Tags)
            {
                classSet.Add(t);
            }
        }

        if (classSet.Count == 0)
        {
            throw new ArgumentException("no training data", nameof(sentences));
        }

        var classes = classSet.ToImmutableArray();
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < classes.Length; k++)
        {
            classIndex[classes[k]] = k;
        }

        var bits = Options.BucketBits;
        var c = classes.Length;
        var lexicon = Options.LexiconMinCount > 0 ? TaggerLexicon.Build(sentences, classIndex, Options.LexiconMinCount, sureCount: Options.SureMinCount) : TaggerLexicon.Empty;

        // Word features never change: compute them once for all passes.
        var width = TaggerFeatures.StaticCount + (Options.WordClasses is null ? 0 : TaggerFeatures.WordClassCount);
        var statics = new int[sentences.Count][];
        var infos = new TokenInfo[sentences.Count][];
        var gold = new int[sentences.Count][];
        for (var si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            var n = s.Tokens.Length;
            var info = new TokenInfo[n];
            TaggerFeatures.Describe(s.Text, s.Tokens.AsSpan(), lexicon, info, Options.WordClasses);
            if (Options.Gazetteer is not null)
            {
                var matches = new List<TokenSpan>();
                Options.Gazetteer.Match(s.Text, s.Tokens.AsSpan(), matches);
                TaggerFeatures.MarkGazetteer(info, matches.ToArray());
            }

            var st = new int[n * width];
            for (var i = 0; i < n; i++)
            {
                TaggerFeatures.Static(info, i, bits, st.AsSpan(i * width, TaggerFeatures.StaticCount));
                if (Options.WordClasses is not null)
                {
                    TaggerFeatures.WordClassFeatures(info, i, bits, st.AsSpan((i * width) + TaggerFeatures.StaticCount, TaggerFeatures.WordClassCount));
                }
            }

            var g = new int[n];
            for (var i = 0; i < n; i++)
            {
                g[i] = classIndex[s.Tags[i]];
            }

            statics[si] = st;
            infos[si] = info;
            gold[si] = g;
        }

        var size = (1 << bits) * c;
        var weights = new float[size];
        var totals = new double[size];
        var stamps = new int[size];
        var step = 0;
        var order = new int[sentences.Count];
        for (var k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        var rng = new SplitMix((ulong)Options.Seed);
        var useGazetteer = Options.Gazetteer is not null;
        Span<int> buckets = stackalloc int[width + TaggerFeatures.DynamicCount + (useGazetteer ? TaggerFeatures.GazetteerCount : 0)];
        Span<float> scores = stackalloc float[c];
        for (var epoch = 0; epoch < Options.Epochs; epoch++)
        {
            Shuffle(order, ref rng);
            long correct = 0, total = 0;
            foreach (var si in order)
            {
                var info = infos[si];
                var g = gold[si];
                var st = statics[si];
                int prev = -1, prev2 = -2;
                for (var i = 0; i < g.Length; i++)
                {
                    step++;
                    var sure = TaggerLexicon.SureClass(info[i].Amb);
                    if (sure >= 0)
                    {
                        // Tagged from the lexicon at prediction time too: nothing to learn here.
                        correct += sure == g[i] ? 1 : 0;
                        total++;
                        prev2 = prev;
                        prev = sure;
                        continue;
                    }

                    st.AsSpan(i * width, width).CopyTo(buckets);
                    TaggerFeatures.Dynamic(info, i, prev, prev2, bits, buckets[width..]);
                    if (useGazetteer)
                    {
                        TaggerFeatures.Gazetteer(info, i, prev, bits, buckets[(width + TaggerFeatures.DynamicCount)..]);
                    }

                    scores.Clear();
                    foreach (var b in buckets)
                    {
                        var row = weights.AsSpan(b * c, c);
                        for (var k = 0; k < c; k++)
                        {
                            scores[k] += row[k];
                        }
                    }

                    var guess = 0;
                    for (var k = 1; k < c; k++)
                    {
                        if (scores[k] > scores[guess])
                        {
                            guess = k;
                        }
                    }

                    var truth = g[i];
                    if (guess != truth)
                    {
                        foreach (var b in buckets)
                        {
                            Update(b * c + truth, 1f);
                            Update(b * c + guess, -1f);
                        }
                    }
                    else
                    {
                        correct++;
                    }

                    total++;
                    prev2 = prev;
                    prev = guess;
                }
            }

            log?.Invoke($"epoch {epoch + 1}/{Options.Epochs}: training accuracy {(double)correct / Math.Max(1, total):P2}");
        }

        // Average, prune, and quantise to 16 bits (the scale maps the largest weight to 32767).
        var averaged = new float[size];
        var max = 0f;
        for (var k = 0; k < size; k++)
        {
            var a = (float)((totals[k] + ((double)(step - stamps[k]) * weights[k])) / Math.Max(1, step));
            if (Math.Abs(a) < Options.Prune)
            {
                a = 0;
            }

            averaged[k] = a;
            max = Math.Max(max, Math.Abs(a));
        }

        var scale = max > 0 ? max / 32767f : 1f;
        var quantised = new short[size];
        for (var k = 0; k < size; k++)
        {
            quantised[k] = (short)Math.Round(averaged[k] / scale, MidpointRounding.ToEven);
        }

        return new AveragedPerceptronTagger(Options.Kind, classes, bits, quantised, scale, lexicon, useGazetteer, Options.WordClasses);

        void Update(int index, float delta)
        {
            totals[index] += (double)(step - stamps[index]) * weights[index];
            stamps[index] = step;
            weights[index] += delta;
        }
    }

    private static void Shuffle(int[] order, ref SplitMix rng)
    {
        for (var k = order.Length - 1; k > 0; k--)
        {
            var j = (int)(rng.Next() % (ulong)(k + 1));
            (order[k], order[j]) = (order[j], order[k]);
        }
    }

    /// <summary>SplitMix64: a tiny generator whose sequence never changes with the runtime.</summary>
    private struct SplitMix(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            _state += 0x9E3779B97F4A7C15UL;
            return TaggerFeatures.Mix(_state);
        }
    }
}
