using ArgMiner.Text;
using System.Buffers.Binary;
using ArgMiner.Models;

namespace ArgMiner.Classification;

/// <summary>
/// The sentence classifier's second stage: it rescores each sentence of a document from the first stage's
/// probabilities of the sentence itself, of its neighbours and of the rest of the document. A sentence's label
/// depends on what kind of text surrounds it (a review full of verdicts holds few claims; a weblog's news report
/// few opinions), which one sentence's words cannot show. Trained by ML.NET (<c>SdcaMaximumEntropy</c> on the
/// out-of-fold probabilities of cross-validation, in ArgMiner.Training); this class holds its compiled weights
/// and the ML.NET model they were copied from. The features are ArgMiner's own (no package computes them):
/// <see cref="Features"/>. A sentence alone (one-sentence documents, <c>classify</c>'s lines) keeps the first
/// stage's probabilities: the stage is trained only on sentences that have neighbours. Immutable, thread-safe.
/// </summary>
public sealed class DocumentContextModel
{
    /// <summary>The package entry of the compiled weights.</summary>
    public const string WeightsEntry = "context-weights.bin";

    /// <summary>The package entry of the ML.NET model (as <c>MLContext.Model.Save</c> wrote it).</summary>
    public const string MlNetEntry = "context-mlnet.zip";

    /// <summary>
    /// Features per sentence: its own four log-probabilities, the mean probabilities of the document's other
    /// sentences, the previous sentence's probabilities and whether it is the first, the next sentence's and
    /// whether it is the last.
    /// </summary>
    public const int FeatureCount = 18;

    private const int K = 4;
    private readonly float[] _weights;
    private readonly float[] _bias;

    /// <summary>A model from weights in label-major rows (<see cref="FeatureCount"/> per label) and four biases.</summary>
    /// <exception cref="ArgumentException">Wrong lengths or weights that are not finite.</exception>
    public DocumentContextModel(float[] weights, float[] bias, byte[] mlNetModel)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(bias);
        if (weights.Length != K * FeatureCount || bias.Length != K || weights.Any(w => !float.IsFinite(w)) || bias.Any(b => !float.IsFinite(b)))
        {
            throw new ArgumentException($"the context model needs {K * FeatureCount} finite weights and {K} biases");
        }

        _weights = (float[])weights.Clone();
        _bias = (float[])bias.Clone();
        MlNetModel = mlNetModel ?? throw new ArgumentNullException(nameof(mlNetModel));
    }

    /// <summary>The ML.NET model the weights were copied from.</summary>
    public byte[] MlNetModel { get; }

    /// <summary>
    /// Writes sentence <paramref name="i"/>'s features into <paramref name="features"/>, from the first stage's
    /// probabilities of the document's <paramref name="n"/> sentences (<paramref name="probabilities"/>: four per
    /// sentence, in label order) and their sums per label (<paramref name="sums"/>).
    /// </summary>
    private static void Features(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> sums, int n, int i, Span<float> features)
    {
        if (n < 2 || (uint)i >= (uint)n || probabilities.Length < n * K || sums.Length < K || features.Length < FeatureCount)
        {
            throw new ArgumentException("a context needs at least two sentences and room for the features");
        }

        var own = probabilities.Slice(i * K, K);
        for (var k = 0; k < K; k++)
        {
            features[k] = (float)Math.Log(Math.Max(own[k], 1e-4));
            features[K + k] = (float)((sums[k] - own[k]) / (n - 1));
            features[(2 * K) + k] = i > 0 ? (float)probabilities[((i - 1) * K) + k] : 0f;
            features[(3 * K) + 1 + k] = i < n - 1 ? (float)probabilities[((i + 1) * K) + k] : 0f;
        }

        features[3 * K] = i == 0 ? 1f : 0f;
        features[(4 * K) + 1] = i == n - 1 ? 1f : 0f;
    }

    /// <summary>
    /// The features of each sentence of a document of two or more, from the first stage's predictions
    /// <paramref name="first"/>[<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>), in
    /// order: what training and the ML.NET engine feed the stage (<see cref="Apply"/> computes the same in place).
    /// </summary>
    public static float[][] FeatureRows(IReadOnlyList<SentencePrediction> first, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(first);
        var p = new double[count * K];
        for (var i = 0; i < count; i++)
        {
            first[start + i].Probabilities.AsSpan().CopyTo(p.AsSpan(i * K, K));
        }

        Span<double> sums = stackalloc double[K];
        Sums(p, count, sums);
        var rows = new float[count][];
        for (var i = 0; i < count; i++)
        {
            rows[i] = new float[FeatureCount];
            Features(p, sums, count, i, rows[i]);
        }

        return rows;
    }

    /// <summary>Sums of the first stage's probabilities per label over a document's sentences.</summary>
    private static void Sums(ReadOnlySpan<double> probabilities, int n, Span<double> sums)
    {
        sums[..K].Clear();
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < K; k++)
            {
                sums[k] += probabilities[(i * K) + k];
            }
        }
    }

    /// <summary>
    /// Rescores a document's <paramref name="n"/> sentences in place: <paramref name="probabilities"/> holds the
    /// first stage's four probabilities per sentence and receives the second stage's. Fewer than two sentences:
    /// unchanged.
    /// </summary>
    public void Apply(Span<double> probabilities, int n)
    {
        if (n < 2)
        {
            return;
        }

        Span<double> sums = stackalloc double[K];
        Sums(probabilities, n, sums);
        var first = probabilities[..(n * K)].ToArray();
        Span<float> x = stackalloc float[FeatureCount];
        for (var i = 0; i < n; i++)
        {
            Features(first, sums, n, i, x);
            Score(x, probabilities.Slice(i * K, K));
        }
    }

    /// <summary>The second stage's probabilities from one sentence's features (softmax of the linear scores).</summary>
    public void Score(ReadOnlySpan<float> features, Span<double> probabilities) => LinearSoftmax.Probabilities(_weights, _bias, features[..FeatureCount], probabilities);

    /// <summary>Adds the model's entries to <paramref name="package"/>.</summary>
    public void WriteTo(ModelPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        var bytes = new byte[8 + ((_weights.Length + _bias.Length) * 4)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, K);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), FeatureCount);
        var at = 8;
        foreach (var w in _weights.Concat(_bias))
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(at), w);
            at += 4;
        }

        package.Entries[WeightsEntry] = bytes;
        package.Entries[MlNetEntry] = MlNetModel;
    }

    /// <summary>Reads the model from <paramref name="package"/>, or null when the package has none.</summary>
    /// <exception cref="ModelFormatException">The entries are there but corrupt.</exception>
    public static DocumentContextModel? ReadFrom(ModelPackage package, string source)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (!package.Entries.TryGetValue(WeightsEntry, out var bytes))
        {
            return null;
        }

        var mlnet = package.Entries.GetValueOrDefault(MlNetEntry) ?? throw new ModelFormatException(source, "corrupt model (context weights without their ML.NET model)");
        if (bytes.Length != 8 + (K * (FeatureCount + 1) * 4)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes) != K
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != FeatureCount)
        {
            throw new ModelFormatException(source, "corrupt model (context weights of the wrong size)");
        }

        var values = new float[K * (FeatureCount + 1)];
        for (var j = 0; j < values.Length; j++)
        {
            values[j] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(8 + (j * 4)));
        }

        try
        {
            return new DocumentContextModel(values[..(K * FeatureCount)], values[(K * FeatureCount)..], mlnet);
        }
        catch (ArgumentException)
        {
            throw new ModelFormatException(source, "corrupt model (context weights are not finite numbers)");
        }
    }
}
