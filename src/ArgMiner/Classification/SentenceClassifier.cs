using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using System.Text.Json.Nodes;
using ArgMiner.Models;
using ArgMiner.Text;

namespace ArgMiner.Classification;

/// <summary>One feature's push towards a label, for explanations.</summary>
/// <param name="Feature">Readable name ("word:should", "bigram:according to", "feat:attribution"), or <c>hash:N</c> when training kept no name.</param>
/// <param name="Value">The feature's value in the sentence.</param>
/// <param name="Contribution">How much it raises the label's score over the mean of the other labels' scores.</param>
public readonly record struct FeatureContribution(string Feature, double Value, double Contribution);

/// <summary>
/// A trained claim / evidence / opinion / other classifier: a multinomial logistic regression over ArgMiner's
/// hashed sparse features, trained by ML.NET (<c>LbfgsMaximumEntropy</c> or <c>SdcaMaximumEntropy</c>, in
/// ArgMiner.Training). The model file holds the ML.NET model as <c>MLContext.Model.Save</c> wrote it
/// (<see cref="MlNetModel"/>, scored by ML.NET itself with <c>classify --engine mlnet</c>) and a compiled copy
/// of its weights, which this class scores without loading ML.NET (the default engine: start-up and speed).
/// Immutable and thread-safe. Save and load it with <see cref="Save"/> / <see cref="Load"/> (a
/// <see cref="ModelPackage"/> of kind <see cref="Kind"/>, format <see cref="FormatVersion"/>).
/// </summary>
public sealed class SentenceClassifier
{
    /// <summary>The model package kind.</summary>
    public const string Kind = "sentence-classifier";

    /// <summary>
    /// The newest entry layout this build reads. Layout 1: weights and feature names; layout 2 adds the
    /// word-vector table (<see cref="WordVectors.Entry"/>); layout 3 adds the ML.NET model
    /// (<see cref="MlNetEntry"/>); layout 4 adds the document-context stage (<see cref="DocumentContextModel"/>).
    /// Older layouts still load (the default engine needs only the weights).
    /// </summary>
    public const int FormatVersion = 4;

    /// <summary>The package entry holding the ML.NET model as <c>MLContext.Model.Save</c> wrote it.</summary>
    public const string MlNetEntry = "mlnet-model.zip";

    private const string WeightsEntry = "weights.bin";
    private const string NamesEntry = "feature-names.tsv";
    private const int LabelCount = 4;

    /// <summary>This thread's feature builder between documents (<see cref="PredictDocument"/>), or null.</summary>
    [ThreadStatic]
    private static FeatureVectorBuilder? t_builder;

    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly IReadOnlyDictionary<int, string> _names;
    private readonly JsonObject _card;

    /// <summary>The word-vector block's weights by label (null without vectors), laid out for <see cref="Dot"/>.</summary>
    private readonly float[][]? _dense;

    internal SentenceClassifier(SentenceFeaturizer featurizer, float[] weights, float[] bias, IReadOnlyDictionary<int, string> names, JsonObject card, byte[]? mlNetModel = null, DocumentContextModel? context = null)
    {
        MlNetModel = mlNetModel;
        Context = context;
        // Scoring reads weight rows without bounds checks, so every slot the featurizer can produce must have one.
        if (weights.Length < featurizer.Dimension * LabelCount)
        {
            throw new ArgumentException($"the model has {weights.Length / LabelCount} weight rows, its featurizer needs {featurizer.Dimension}", nameof(weights));
        }

        Featurizer = featurizer;
        _weights = weights;
        _bias = bias;
        _names = names;
        _card = card;

        // The dense word-vector block's weights, one row per label, so scoring it is four SIMD dot products.
        if (featurizer.Vectors is { } vectors)
        {
            _dense = new float[LabelCount][];
            for (var k = 0; k < LabelCount; k++)
            {
                _dense[k] = new float[vectors.Dimension];
                for (var j = 0; j < vectors.Dimension; j++)
                {
                    _dense[k][j] = weights[((featurizer.VectorSlot + j) * LabelCount) + k];
                }
            }
        }
    }

    /// <summary>The labels, in the order of every probability vector.</summary>
    public static ImmutableArray<string> Labels => SentenceLabels.All;

    /// <summary>The ML.NET model this classifier's weights were copied from (a zip written by <c>MLContext.Model.Save</c>), or null for a model of layout 1 or 2.</summary>
    public byte[]? MlNetModel { get; }

    /// <summary>
    /// A classifier from trained weights: <paramref name="weights"/> holds four floats (one per label) per feature
    /// slot of <paramref name="featurizer"/>, <paramref name="bias"/> one per label; <paramref name="mlNetModel"/>
    /// is the ML.NET model they were copied from. Used by the trainer in ArgMiner.Training.
    /// </summary>
    public static SentenceClassifier FromWeights(SentenceFeaturizer featurizer, float[] weights, float[] bias, IReadOnlyDictionary<int, string> names, JsonObject card, byte[]? mlNetModel)
    {
        ArgumentNullException.ThrowIfNull(featurizer);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(card);
        if (bias.Length != LabelCount)
        {
            throw new ArgumentException($"the model needs {LabelCount} biases", nameof(bias));
        }

        return new SentenceClassifier(featurizer, weights, bias, names, (JsonObject)card.DeepClone(), mlNetModel);
    }

    /// <summary>The featurizer the model was trained with.</summary>
    public SentenceFeaturizer Featurizer { get; }

    /// <summary>
    /// The second stage that rescores a document's sentences from their neighbours' first-stage probabilities,
    /// or null (a model trained without cross-validation, or before layout 4): then every sentence is scored alone.
    /// </summary>
    public DocumentContextModel? Context { get; }

    /// <summary>This model with <paramref name="context"/> as its second stage (null: none).</summary>
    public SentenceClassifier WithContext(DocumentContextModel? context) => new(Featurizer, _weights, _bias, _names, _card, MlNetModel, context);

    /// <summary>
    /// Whether the model was trained on tagged sentences (card field <c>taggedFeatures</c>): its entity-type and
    /// number-kind features carry weight, so bare text should be tagged (<see cref="SentenceTagger"/>) before it
    /// is scored to be featurized as in training.
    /// </summary>
    public bool TaggedFeatures => _card["taggedFeatures"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>A copy of the model card (data, settings, metrics).</summary>
    public JsonObject Card => (JsonObject)_card.DeepClone();

    /// <summary>Classifies a bare sentence (optionally with what is known of its place in a document).</summary>
    public SentencePrediction Predict(string text, in SentenceContext context = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<double> p = stackalloc double[LabelCount];
        PredictInto(text, context, new FeatureVectorBuilder(), p);
        return ToPrediction(p);
    }

    /// <summary>Classifies many bare sentences, reusing buffers.</summary>
    public IReadOnlyList<SentencePrediction> PredictAll(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var builder = new FeatureVectorBuilder();
        Span<double> p = stackalloc double[LabelCount];
        var result = new List<SentencePrediction>();
        foreach (var t in texts)
        {
            PredictInto(t, default, builder, p);
            result.Add(ToPrediction(p));
        }

        return result;
    }

    /// <summary>
    /// Classifies labelled rows with the context their data gives (section, position); with a
    /// <see cref="Context"/> stage, runs of rows of one document in reading order (<see cref="DocumentRuns"/>)
    /// are rescored together, as <see cref="PredictDocument"/> rescores a document.
    /// </summary>
    public IReadOnlyList<SentencePrediction> PredictRows(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new FeatureVectorBuilder();
        Span<double> p = stackalloc double[LabelCount];
        var result = new SentencePrediction[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            PredictInto(rows[i].Text, rows[i].Context, builder, p);
            result[i] = ToPrediction(p);
        }

        return Context is null ? result : ApplyContext(Context, rows, result);
    }

    /// <summary>
    /// The runs of <paramref name="rows"/> that are one document's sentences in reading order: consecutive rows
    /// with the same <see cref="LabelledSentence.Doc"/> whose data keeps that order
    /// (<see cref="LabelledSentence.InReadingOrder"/>). Rows without a document are runs of one.
    /// </summary>
    public static IEnumerable<(int Start, int Count)> DocumentRuns(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var start = 0;
        for (var i = 1; i <= rows.Count; i++)
        {
            if (i == rows.Count || rows[i].Doc is null || !rows[i].InReadingOrder || !rows[start].InReadingOrder
                || !string.Equals(rows[i].Doc, rows[start].Doc, StringComparison.Ordinal))
            {
                yield return (start, i - start);
                start = i;
            }
        }
    }

    /// <summary>
    /// <paramref name="context"/>'s rescoring of first-stage predictions of labelled rows, document run by
    /// document run (<see cref="DocumentRuns"/>); used for this model's rows and, in training, for out-of-fold
    /// predictions.
    /// </summary>
    public static SentencePrediction[] ApplyContext(DocumentContextModel context, IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> first)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(first);
        var result = first.ToArray();
        foreach (var (start, count) in DocumentRuns(rows))
        {
            if (count < 2)
            {
                continue;
            }

            var p = new double[count * LabelCount];
            for (var i = 0; i < count; i++)
            {
                first[start + i].Probabilities.AsSpan().CopyTo(p.AsSpan(i * LabelCount, LabelCount));
            }

            context.Apply(p, count);
            for (var i = 0; i < count; i++)
            {
                result[start + i] = ToPrediction(p.AsSpan(i * LabelCount, LabelCount));
            }
        }

        return result;
    }

    /// <summary>Classifies every sentence of a processed document (sentences must be set).</summary>
    public ImmutableArray<SentencePrediction> PredictDocument(Document document) => PredictDocument(document, CancellationToken.None);

    /// <summary>
    /// Classifies every sentence of a processed document (sentences must be set), checking
    /// <paramref name="cancellation"/> every <see cref="Pipeline.StageCancellation.Every"/> sentences, so a stop
    /// request does not wait for the rest of a long document.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public ImmutableArray<SentencePrediction> PredictDocument(Document document, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(document);
        var contexts = DocumentContexts(document);
        // Taken from the thread for the document and put back after: a builder made per document cost its
        // tables' allocation, zeroing and regrowth every time (issue 12). Featurize clears it for each sentence.
        var builder = t_builder ?? new FeatureVectorBuilder();
        t_builder = null;
        var n = document.Sentences.Length;
        var p = new double[n * LabelCount];
        for (var i = 0; i < n; i++)
        {
            Pipeline.StageCancellation.Check(i, cancellation);
            var s = document.Sentences[i];
            PredictInto(document.Text.AsSpan(s.Start, s.Length), contexts[i], builder, p.AsSpan(i * LabelCount, LabelCount));
        }

        if (builder.IsCompact)
        {
            t_builder = builder;
        }

        Context?.Apply(p, n);
        var result = ImmutableArray.CreateBuilder<SentencePrediction>(n);
        for (var i = 0; i < n; i++)
        {
            result.Add(ToPrediction(p.AsSpan(i * LabelCount, LabelCount)));
        }

        return result.MoveToImmutable();
    }

    /// <summary>The features pushing <paramref name="text"/> towards <paramref name="label"/> (default: the predicted one), strongest first.</summary>
    public IReadOnlyList<FeatureContribution> Explain(string text, string? label = null, int top = 10, in SentenceContext context = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        label ??= Predict(text, context).Label;
        var k = Labels.IndexOf(label);
        if (k < 0)
        {
            throw new ArgumentException($"unknown label '{label}'", nameof(label));
        }

        // Name the features from the sentence itself: with hashing, the name training kept for a slot may be
        // another n-gram that shares it; the sentence's own features are the ones that fired.
        var own = new Dictionary<int, string>();
        var builder = new FeatureVectorBuilder(own);
        Featurizer.Featurize(text, context, builder);
        // The dense word-vector block explains as one feature: its dimensions mean nothing one by one.
        var vectorSlot = Featurizer.VectorSlot;
        if (Featurizer.Vectors is not null)
        {
            own[vectorSlot] = "vectors:mean of the word vectors";
        }

        var sums = new Dictionary<int, (double Value, double Contribution)>();
        for (var i = 0; i < builder.Count; i++)
        {
            var index = builder.Indices[i];
            var v = (double)builder.Values[i];
            var row = index * LabelCount;
            double others = 0;
            for (var j = 0; j < LabelCount; j++)
            {
                if (j != k)
                {
                    others += _weights[row + j];
                }
            }

            var c = v * (_weights[row + k] - (others / (LabelCount - 1)));
            if (index >= vectorSlot)
            {
                (index, v) = (vectorSlot, 0);
            }

            var old = sums.GetValueOrDefault(index);
            sums[index] = (old.Value + v, old.Contribution + c);
        }

        return [.. sums
            .Where(kv => kv.Value.Contribution > 0)
            .OrderByDescending(kv => kv.Value.Contribution)
            .ThenBy(kv => kv.Key)
            .Take(top)
            .Select(kv => new FeatureContribution(own.TryGetValue(kv.Key, out var n) ? n : _names.TryGetValue(kv.Key, out var m) ? m : $"hash:{kv.Key}", kv.Value.Value, kv.Value.Contribution))];
    }

    /// <summary>
    /// The model's strongest features for <paramref name="label"/> (weight over the mean of the other labels'),
    /// named by the n-grams training saw in their slots (a slot may be shared by several n-grams).
    /// </summary>
    public IReadOnlyList<(string Feature, double Weight)> TopFeatures(string label, int top = 20)
    {
        var k = Labels.IndexOf(label);
        if (k < 0)
        {
            throw new ArgumentException($"unknown label '{label}'", nameof(label));
        }

        return [.. _names
            .Select(kv =>
            {
                var row = kv.Key * LabelCount;
                double others = 0;
                for (var j = 0; j < LabelCount; j++)
                {
                    others += j == k ? 0 : _weights[row + j];
                }

                return (Feature: kv.Value, Weight: _weights[row + k] - (others / (LabelCount - 1)), Index: kv.Key);
            })
            .OrderByDescending(x => x.Weight)
            .ThenBy(x => x.Index)
            .Take(top)
            .Select(x => (x.Feature, x.Weight))];
    }

    /// <summary>Writes the model (atomically: a temporary file renamed into place).</summary>
    public void Save(string path) => ToPackage().Save(path);

    /// <summary>The model as a package.</summary>
    public ModelPackage ToPackage()
    {
        var vectors = Featurizer.Vectors;
        var package = new ModelPackage(Kind, Context is not null ? 4 : MlNetModel is not null ? 3 : vectors is null ? 1 : 2, Card);
        package.Entries[WeightsEntry] = WriteWeights();
        Context?.WriteTo(package);
        if (MlNetModel is not null)
        {
            package.Entries[MlNetEntry] = MlNetModel;
        }
        if (vectors is not null)
        {
            package.Entries[WordVectors.Entry] = vectors.GetBytes().ToArray();
        }

        var names = new StringBuilder();
        foreach (var (index, name) in _names.OrderBy(kv => kv.Key))
        {
            names.Append(index).Append('\t').Append(name.Replace('\t', ' ').Replace('\n', ' ')).Append('\n');
        }

        package.Entries[NamesEntry] = Encoding.UTF8.GetBytes(names.ToString());
        return package;
    }

    /// <summary>Reads a model file.</summary>
    /// <exception cref="ModelFormatException">Missing, corrupt, another kind, or a newer format.</exception>
    public static SentenceClassifier Load(string path) => FromPackage(ModelPackage.Load(path, Kind, FormatVersion), path);

    /// <summary>Reads a model from a stream; <paramref name="name"/> names it in messages.</summary>
    public static SentenceClassifier Read(Stream stream, string name) => FromPackage(ModelPackage.Read(stream, name, Kind, FormatVersion), name);

    /// <summary>Per-sentence featurizer contexts of a processed document: section, position, numbers and entities.</summary>
    internal static SentenceContext[] DocumentContexts(Document document)
    {
        var n = document.Sentences.Length;
        var (numbers, entities) = SentenceTags(document);
        // Position is relative to the sentence's part: the article, or the reader comments taken together
        // (labelled corpora keep an article and its comment thread as separate documents).
        var articleCount = 0;
        foreach (var s in document.Sentences)
        {
            articleCount += s.Comment is null ? 1 : 0;
        }

        var commentCount = n - articleCount;
        var articleSeen = 0;
        var commentSeen = 0;
        var contexts = new SentenceContext[n];
        for (var i = 0; i < n; i++)
        {
            var s = document.Sentences[i];
            var (rank, count) = s.Comment is null ? (articleSeen++, articleCount) : (commentSeen++, commentCount);
            contexts[i] = new SentenceContext
            {
                Section = s.Section,
                Position = count <= 1 ? 0.0 : (double)rank / (count - 1),
                FirstInParagraph = i == 0 || document.Sentences[i - 1].Paragraph != s.Paragraph,
                NumberKinds = numbers[i],
                EntityTypes = entities[i],
            };
        }

        return contexts;
    }

    /// <summary>
    /// The tagged layers of a processed document as featurizer inputs, per sentence: the kinds of its numeric
    /// claims and the types of its entities, in layer order. The one mapping from document layers to
    /// <see cref="SentenceContext.NumberKinds"/> / <see cref="SentenceContext.EntityTypes"/>, shared by
    /// <see cref="PredictDocument"/> and <see cref="SentenceTagger"/>.
    /// </summary>
    internal static (IReadOnlyList<string>?[] NumberKinds, IReadOnlyList<string>?[] EntityTypes) SentenceTags(Document document)
    {
        var n = document.Sentences.Length;
        var numbers = new List<string>?[n];
        var entities = new List<string>?[n];
        foreach (var c in document.Numbers)
        {
            if ((uint)c.Sentence < (uint)n)
            {
                (numbers[c.Sentence] ??= []).Add(c.Kind);
            }
        }

        foreach (var e in document.Entities)
        {
            if ((uint)e.Sentence < (uint)n)
            {
                (entities[e.Sentence] ??= []).Add(e.Type);
            }
        }

        // Numbers and entities count as tagged when their stage ran (even when it found nothing); a document
        // whose layer was never computed falls back to the featurizer's surface heuristics.
        var numbersTagged = document.Has(DocumentLayers.Numbers);
        var entitiesTagged = document.Has(DocumentLayers.Entities);
        var numberKinds = new IReadOnlyList<string>?[n];
        var entityTypes = new IReadOnlyList<string>?[n];
        for (var i = 0; i < n; i++)
        {
            numberKinds[i] = numbersTagged ? (IReadOnlyList<string>?)numbers[i] ?? [] : null;
            entityTypes[i] = entitiesTagged ? (IReadOnlyList<string>?)entities[i] ?? [] : null;
        }

        return (numberKinds, entityTypes);
    }

    /// <summary>Scores <paramref name="text"/> into <paramref name="probabilities"/> (label order), reusing <paramref name="builder"/>.</summary>
    internal void PredictInto(ReadOnlySpan<char> text, in SentenceContext context, FeatureVectorBuilder builder, Span<double> probabilities)
    {
        if (text.IsWhiteSpace())
        {
            probabilities.Clear();
            probabilities[LabelCount - 1] = 1.0;
            return;
        }

        builder.PrefetchRows = _weights;
        Featurizer.Featurize(text, context, builder);
        builder.PrefetchRows = null;
        double z0 = _bias[0], z1 = _bias[1], z2 = _bias[2], z3 = _bias[3];
        var indices = builder.Indices;
        var values = builder.Values;
        var w = _weights;
        var sparse = indices.Length;
        ref var w0 = ref MemoryMarshal.GetArrayDataReference(w);
        // Each feature's weight row is a cache line somewhere in megabytes of weights: the builder asked for each
        // row as it added the feature (FeatureVectorBuilder.PrefetchRows), so the misses overlapped with the
        // featurizing that followed.
        if (builder.DenseStart >= 0 && _dense is not null)
        {
            sparse = builder.DenseStart;
            var dense = values[sparse..];
            z0 += Dot(dense, _dense[0]);
            z1 += Dot(dense, _dense[1]);
            z2 += Dot(dense, _dense[2]);
            z3 += Dot(dense, _dense[3]);
        }

        // Every index is below the featurizer's dimension, which the weights cover (checked when loading), so
        // the rows are read without bounds checks; the sums run in the same order as ever.
        if (System.Runtime.Intrinsics.X86.Avx.IsSupported)
        {
            // The four labels' sums side by side in one register: each lane does the same double multiply and
            // add as the scalar loop below, in the same order, so the bits are the same; it is a quarter of
            // the instructions.
            var z = Vector256.Create(z0, z1, z2, z3);
            ref var i0 = ref MemoryMarshal.GetReference(indices);
            ref var v0 = ref MemoryMarshal.GetReference(values);
            for (var i = 0; i < sparse; i++)
            {
                var row = Vector128.LoadUnsafe(ref Unsafe.Add(ref w0, Unsafe.Add(ref i0, i) * LabelCount));
                z += Vector256.Create((double)Unsafe.Add(ref v0, i)) * System.Runtime.Intrinsics.X86.Avx.ConvertToVector256Double(row);
            }

            (z0, z1, z2, z3) = (z[0], z[1], z[2], z[3]);
            sparse = 0;
        }

        for (var i = 0; i < sparse; i++)
        {
            ref var row = ref Unsafe.Add(ref w0, indices[i] * LabelCount);
            double v = values[i];
            z0 += v * row;
            z1 += v * Unsafe.Add(ref row, 1);
            z2 += v * Unsafe.Add(ref row, 2);
            z3 += v * Unsafe.Add(ref row, 3);
        }

        var max = Math.Max(Math.Max(z0, z1), Math.Max(z2, z3));
        double e0 = Math.Exp(z0 - max), e1 = Math.Exp(z1 - max), e2 = Math.Exp(z2 - max), e3 = Math.Exp(z3 - max);
        var sum = e0 + e1 + e2 + e3;
        probabilities[0] = e0 / sum;
        probabilities[1] = e1 / sum;
        probabilities[2] = e2 / sum;
        probabilities[3] = e3 / sum;
    }

    /// <summary>A dot product in 128-bit lanes (4 floats whatever the CPU offers), so the sum's order and bits are the same on every machine.</summary>
    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var acc = Vector128<float>.Zero;
        var j = 0;
        for (; j <= a.Length - 4; j += 4)
        {
            acc += Vector128.Create(a.Slice(j, 4)) * Vector128.Create(b.Slice(j, 4));
        }

        double sum = Vector128.Sum(acc);
        for (; j < a.Length; j++)
        {
            sum += a[j] * b[j];
        }

        return sum;
    }

    internal static SentencePrediction ToPrediction(ReadOnlySpan<double> p)
    {
        var best = 0;
        for (var k = 1; k < p.Length; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return new SentencePrediction(Labels[best], p[best], [.. p]);
    }

    private byte[] WriteWeights()
    {
        var rows = new List<int>();
        for (var i = 0; i < _weights.Length / LabelCount; i++)
        {
            var row = i * LabelCount;
            if (_weights[row] != 0 || _weights[row + 1] != 0 || _weights[row + 2] != 0 || _weights[row + 3] != 0)
            {
                rows.Add(i);
            }
        }

        var bytes = new byte[12 + (LabelCount * 4) + (rows.Count * (4 + (LabelCount * 4)))];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, LabelCount);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Featurizer.Dimension);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], rows.Count);
        var at = 12;
        foreach (var b in _bias)
        {
            BinaryPrimitives.WriteSingleLittleEndian(span[at..], b);
            at += 4;
        }

        foreach (var i in rows)
        {
            BinaryPrimitives.WriteInt32LittleEndian(span[at..], i);
            at += 4;
            for (var k = 0; k < LabelCount; k++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[at..], _weights[(i * LabelCount) + k]);
                at += 4;
            }
        }

        return bytes;
    }

    private static SentenceClassifier FromPackage(ModelPackage package, string source)
    {
        ModelFormatException Corrupt(string what) => new(source, $"corrupt model ({what})");
        var card = package.Card;
        if (card["labels"] is not JsonArray labels || !labels.Select(l => (string?)l).SequenceEqual(Labels))
        {
            throw Corrupt("its labels are not claim, evidence, opinion, other");
        }

        if (card["featurizer"] is not JsonObject featurizerJson)
        {
            throw Corrupt("no featurizer settings");
        }

        var featurizerVersion = (int?)featurizerJson["version"] ?? 1;
        if (featurizerVersion != FeaturizerOptions.CurrentVersion)
        {
            throw new ModelFormatException(source, $"its featurizer version {featurizerVersion} differs from this ArgMiner's ({FeaturizerOptions.CurrentVersion}); retrain it with this version");
        }

        SentenceFeaturizer featurizer;
        try
        {
            var options = FeaturizerOptions.FromJson(featurizerJson);
            var vectors = options.Vectors is null ? null : WordVectors.Decode(package.GetEntry(WordVectors.Entry, source), source, []);
            featurizer = new SentenceFeaturizer(options, vectors);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException)
        {
            throw Corrupt("invalid featurizer settings");
        }

        var bytes = package.GetEntry(WeightsEntry, source).AsSpan();
        if (bytes.Length < 12 + (LabelCount * 4))
        {
            throw Corrupt("weights too short");
        }

        var k = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var dim = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        if (k != LabelCount || dim != featurizer.Dimension || count < 0 || count > dim || bytes.Length != 12 + (LabelCount * 4) + ((long)count * (4 + (LabelCount * 4))))
        {
            throw Corrupt("weights do not match the featurizer");
        }

        var bias = new float[LabelCount];
        var at = 12;
        for (var j = 0; j < LabelCount; j++, at += 4)
        {
            bias[j] = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
        }

        var weights = new float[dim * LabelCount];
        for (var r = 0; r < count; r++)
        {
            var index = BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
            at += 4;
            if ((uint)index >= (uint)dim)
            {
                throw Corrupt("feature index out of range");
            }

            // Checked as read (the other weights are zero): a pass over the whole dense table cost start-up time.
            var finite = true;
            for (var j = 0; j < LabelCount; j++, at += 4)
            {
                var w = BinaryPrimitives.ReadSingleLittleEndian(bytes[at..]);
                finite &= float.IsFinite(w);
                weights[(index * LabelCount) + j] = w;
            }

            if (!finite)
            {
                throw Corrupt("weights are not finite numbers");
            }
        }

        if (bias.Any(b => !float.IsFinite(b)))
        {
            throw Corrupt("weights are not finite numbers");
        }

        // The feature names only serve explanations (classify --explain): parsed when first asked for, not at
        // every start-up.
        IReadOnlyDictionary<int, string> names = package.Entries.TryGetValue(NamesEntry, out var nameBytes)
            ? new FeatureNames(nameBytes)
            : new Dictionary<int, string>();
        return new SentenceClassifier(featurizer, weights, bias, names, card, package.Entries.GetValueOrDefault(MlNetEntry), DocumentContextModel.ReadFrom(package, source));
    }

    /// <summary>This model with a different card (to add cross-validated metrics after training).</summary>
    public SentenceClassifier WithCard(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new SentenceClassifier(Featurizer, _weights, _bias, _names, (JsonObject)card.DeepClone(), MlNetModel, Context);
    }

    /// <summary>
    /// A model file's feature names (<c>index TAB name</c> lines), parsed on first use; immutable and thread-safe
    /// (<see cref="Lazy{T}"/>).
    /// </summary>
    private sealed class FeatureNames(byte[] bytes) : IReadOnlyDictionary<int, string>
    {
        private readonly Lazy<Dictionary<int, string>> _names = new(() => Parse(bytes));

        public string this[int key] => _names.Value[key];

        public IEnumerable<int> Keys => _names.Value.Keys;

        public IEnumerable<string> Values => _names.Value.Values;

        public int Count => _names.Value.Count;

        public bool ContainsKey(int key) => _names.Value.ContainsKey(key);

        public bool TryGetValue(int key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value) => _names.Value.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<int, string>> GetEnumerator() => _names.Value.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private static Dictionary<int, string> Parse(byte[] bytes)
        {
            var names = new Dictionary<int, string>();
            foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab > 0 && int.TryParse(line.AsSpan(0, tab), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    names[index] = line[(tab + 1)..];
                }
            }

            return names;
        }
    }
}
