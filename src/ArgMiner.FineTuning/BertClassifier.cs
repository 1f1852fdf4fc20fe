using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ArgMiner.FineTuning;

/// <summary>
/// ArcticXs (BERT: 6 layers, 384 dimensions, 12 heads, erf GELU) as TorchSharp modules, with a linear 4-way head
/// on the first token's final hidden state: the network fine-tuning trains. It starts from the package's own
/// weights (<see cref="LoadPretrained"/>), and <see cref="Tensors"/> gives them back in the ONNX graph's layout.
/// </summary>
/// <remarks>
/// Written by hand because no package served here builds a BERT in TorchSharp from an ONNX file; it follows the
/// graph's own operations (<c>ArcticXsGraph</c> names each matrix product's weight), and <c>check</c> holds it to
/// the package's vectors.
/// </remarks>
internal sealed class BertClassifier : nn.Module<Tensor, Tensor, Tensor>
{
    internal const int Hidden = 384;
    private const int Heads = 12;
    private const int Layers = 6;

    private readonly Embedding _words = nn.Embedding(30522, Hidden);
    private readonly Embedding _positions = nn.Embedding(512, Hidden);
    private readonly Embedding _types = nn.Embedding(2, Hidden);
    private readonly LayerNorm _norm = nn.LayerNorm(Hidden, 1e-12);
    private readonly ModuleList<EncoderLayer> _layers = new();
    private readonly Dropout _dropout = nn.Dropout(0.1);
    private readonly Linear _head = nn.Linear(Hidden, 4);

    public BertClassifier()
        : base(nameof(BertClassifier))
    {
        for (var l = 0; l < Layers; l++)
        {
            _layers.Add(new EncoderLayer($"layer{l}"));
        }

        RegisterComponents();
    }

    /// <summary>The final hidden states [batch, length, 384] of word-piece ids under an attention mask (1 = a piece, 0 = padding).</summary>
    public Tensor HiddenStates(Tensor ids, Tensor mask)
    {
        var length = ids.shape[1];
        var positions = arange(length, dtype: int64).unsqueeze(0);
        var x = _words.forward(ids) + _positions.forward(positions) + _types.forward(zeros_like(ids));
        x = _dropout.forward(_norm.forward(x));
        var masked = ((1 - mask.to_type(float32)) * -1e4f).view(ids.shape[0], 1, 1, length);
        foreach (var layer in _layers)
        {
            x = layer.forward(x, masked);
        }

        return x;
    }

    /// <summary>The head's scores (logits) for each sentence of the batch.</summary>
    public override Tensor forward(Tensor ids, Tensor mask) => _head.forward(_dropout.forward(HiddenStates(ids, mask)[.., 0, ..]));

    /// <summary>The head's weights (4 rows of 384) and biases.</summary>
    public (float[] Weights, float[] Bias) Head() => (Values(_head.weight!), Values(_head.bias!));

    /// <summary>Loads the package's weights (ONNX layout, by initializer name; <paramref name="matMuls"/>: each matrix product's weight).</summary>
    public void LoadPretrained(IReadOnlyDictionary<string, float[]> tensors, IReadOnlyDictionary<string, string> matMuls)
    {
        using var noGrad = no_grad();
        foreach (var (parameter, name, transposed) in Map(matMuls))
        {
            var values = tensors[name];
            var shape = transposed ? new[] { parameter.shape[1], parameter.shape[0] } : parameter.shape;
            var t = tensor(values, shape);
            parameter.copy_(transposed ? t.t() : t);
        }
    }

    /// <summary>The network's weights in the ONNX graph's layout, by initializer name.</summary>
    public Dictionary<string, float[]> Tensors(IReadOnlyDictionary<string, string> matMuls) =>
        Map(matMuls).ToDictionary(m => m.Name, m => Values(m.Transposed ? m.Parameter.t() : m.Parameter), StringComparer.Ordinal);

    private static float[] Values(Tensor t) => t.detach().contiguous().data<float>().ToArray();

    /// <summary>Each parameter with its ONNX initializer's name; matrix products store [in, out], TorchSharp's linear layers [out, in].</summary>
    private List<(Tensor Parameter, string Name, bool Transposed)> Map(IReadOnlyDictionary<string, string> matMuls)
    {
        var map = new List<(Tensor, string, bool)>
        {
            (_words.weight!, "embeddings.word_embeddings.weight", false),
            (_positions.weight!, "embeddings.position_embeddings.weight", false),
            (_types.weight!, "embeddings.token_type_embeddings.weight", false),
            (_norm.weight!, "embeddings.LayerNorm.weight", false),
            (_norm.bias!, "embeddings.LayerNorm.bias", false),
        };
        for (var l = 0; l < Layers; l++)
        {
            var prefix = $"encoder.layer.{l}.";
            var node = $"/encoder/layer.{l}/";
            var layer = _layers[l];
            foreach (var (linear, path, bias) in new[]
            {
                (layer.Query, "attention/self/query/MatMul", "attention.self.query.bias"),
                (layer.Key, "attention/self/key/MatMul", "attention.self.key.bias"),
                (layer.Value, "attention/self/value/MatMul", "attention.self.value.bias"),
                (layer.AttentionOutput, "attention/output/dense/MatMul", "attention.output.dense.bias"),
                (layer.Intermediate, "intermediate/dense/MatMul", "intermediate.dense.bias"),
                (layer.Output, "output/dense/MatMul", "output.dense.bias"),
            })
            {
                map.Add((linear.weight!, matMuls[node + path], true));
                map.Add((linear.bias!, prefix + bias, false));
            }

            map.Add((layer.AttentionNorm.weight!, prefix + "attention.output.LayerNorm.weight", false));
            map.Add((layer.AttentionNorm.bias!, prefix + "attention.output.LayerNorm.bias", false));
            map.Add((layer.OutputNorm.weight!, prefix + "output.LayerNorm.weight", false));
            map.Add((layer.OutputNorm.bias!, prefix + "output.LayerNorm.bias", false));
        }

        return map;
    }

    private sealed class EncoderLayer : nn.Module<Tensor, Tensor, Tensor>
    {
        public EncoderLayer(string name)
            : base(name)
        {
            RegisterComponents();
        }

        public Linear Query { get; } = nn.Linear(Hidden, Hidden);

        public Linear Key { get; } = nn.Linear(Hidden, Hidden);

        public Linear Value { get; } = nn.Linear(Hidden, Hidden);

        public Linear AttentionOutput { get; } = nn.Linear(Hidden, Hidden);

        public Linear Intermediate { get; } = nn.Linear(Hidden, 4 * Hidden);

        public Linear Output { get; } = nn.Linear(4 * Hidden, Hidden);

        public LayerNorm AttentionNorm { get; } = nn.LayerNorm(Hidden, 1e-12);

        public LayerNorm OutputNorm { get; } = nn.LayerNorm(Hidden, 1e-12);

        public Dropout Dropout { get; } = nn.Dropout(0.1);

        public override Tensor forward(Tensor x, Tensor masked)
        {
            long batch = x.shape[0], length = x.shape[1];
            Tensor Split(Tensor t) => t.view(batch, length, Heads, Hidden / Heads).transpose(1, 2);
            var scores = Split(Query.forward(x)).matmul(Split(Key.forward(x)).transpose(2, 3)) / MathF.Sqrt(Hidden / Heads);
            var weights = Dropout.forward((scores + masked).softmax(-1));
            var context = weights.matmul(Split(Value.forward(x))).transpose(1, 2).contiguous().view(batch, length, Hidden);
            x = AttentionNorm.forward(x + Dropout.forward(AttentionOutput.forward(context)));
            return OutputNorm.forward(x + Dropout.forward(Output.forward(nn.functional.gelu(Intermediate.forward(x)))));
        }
    }
}
