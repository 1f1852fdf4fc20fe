using System.Security.Cryptography;
using System.Text;

namespace ArgMiner.Encoders.Embedding;

/// <summary>
/// An <see cref="ISentenceEmbedder"/> that keeps every vector it computes in one file, keyed by the SHA-256 of
/// the sentence, so training and measuring the accurate tier again embed only sentences not seen before.
/// For experiments (train-accurate's <c>--embedding-cache</c>), never for <c>run</c>: the file belongs in a
/// temporary folder, not the repository. Records are appended (32-byte key, then the vector's floats), so an
/// interrupted run loses at most its last record, which is ignored when read.
/// </summary>
public sealed class EmbeddingCache : ISentenceEmbedder
{
    private readonly ISentenceEmbedder _inner;
    private readonly string _path;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Opens (or starts) the cache file for <paramref name="inner"/> in <paramref name="folder"/>.</summary>
    public EmbeddingCache(ISentenceEmbedder inner, string folder)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        Directory.CreateDirectory(folder);
        var name = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(inner.Name)))[..16];
        _path = Path.Combine(folder, $"embeddings-{name}-{inner.Dimension}.bin");
        if (File.Exists(_path))
        {
            Read();
        }
    }

    /// <summary>The cache file.</summary>
    public string FilePath => _path;

    /// <summary>How many vectors the cache holds.</summary>
    public int Count => _vectors.Count;

    /// <inheritdoc/>
    public string Name => _inner.Name;

    /// <inheritdoc/>
    public int Dimension => _inner.Dimension;

    /// <inheritdoc/>
    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new float[sentences.Count][];
        var missing = new List<string>();
        lock (_gate)
        {
            for (var i = 0; i < sentences.Count; i++)
            {
                if (_vectors.TryGetValue(Key(sentences[i]), out var v))
                {
                    result[i] = v;
                }
                else
                {
                    missing.Add(sentences[i]);
                }
            }
        }

        var fresh = missing.Distinct(StringComparer.Ordinal).ToList();
        const int Chunk = 256;
        for (var start = 0; start < fresh.Count; start += Chunk)
        {
            var part = fresh.GetRange(start, Math.Min(Chunk, fresh.Count - start));
            var vectors = _inner.Embed(part);
            lock (_gate)
            {
                using var file = new FileStream(_path, FileMode.Append, FileAccess.Write);
                for (var i = 0; i < part.Count; i++)
                {
                    var key = Key(part[i]);
                    _vectors[key] = vectors[i];
                    file.Write(Convert.FromHexString(key));
                    file.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[i].AsSpan()));
                }
            }
        }

        lock (_gate)
        {
            for (var i = 0; i < sentences.Count; i++)
            {
                result[i] ??= _vectors[Key(sentences[i])];
            }
        }

        return result;
    }

    /// <summary>Leaves the wrapped encoder to its owner.</summary>
    public void Dispose()
    {
    }

    private static string Key(string sentence) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sentence)));

    private void Read()
    {
        var record = 32 + (4 * Dimension);
        var bytes = File.ReadAllBytes(_path);
        for (var offset = 0; offset + record <= bytes.Length; offset += record)
        {
            var vector = new float[Dimension];
            Buffer.BlockCopy(bytes, offset + 32, vector, 0, 4 * Dimension);
            _vectors[Convert.ToHexString(bytes, offset, 32)] = vector;
        }
    }
}
