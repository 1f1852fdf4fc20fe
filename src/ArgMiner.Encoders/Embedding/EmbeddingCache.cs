using System.Security.Cryptography;
using System.Text;

namespace ArgMiner.Encoders.Embedding;

/// <summary>
/// An <see cref="ISentenceEmbedder"/> that keeps every vector it computes in one file, keyed by the SHA-256 of
/// the sentence, so training and measuring the accurate tier again embed only sentences not seen before.
/// For experiments (train-accurate's <c>--embedding-cache</c>), never for <c>run</c>: the file belongs in a
/// temporary folder, not the repository. Records are appended (32-byte key, then the vector's floats), so an
/// interrupted run loses at most its last record, which is ignored when read and cut off by the next append.
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
                Append(part, vectors);
                for (var i = 0; i < part.Count; i++)
                {
                    _vectors[Key(part[i])] = vectors[i];
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

    /// <summary>
    /// Appends one record per sentence of <paramref name="part"/>, all in one write after the last whole record: a write
    /// that fails (the disk full, the folder made read-only or taken away mid-run) is cut back off, so the file never
    /// keeps half a record that would shift every record appended after it, and the failure becomes one
    /// <see cref="IOException"/> naming the file. Until session 34 a failed write let .NET's own exception out, and a run
    /// that went on after a torn record lost every vector appended after it (read at the wrong offsets).
    /// </summary>
    private void Append(List<string> part, float[][] vectors)
    {
        var record = 32 + (4 * Dimension);
        var buffer = new byte[part.Count * record];
        for (var i = 0; i < part.Count; i++)
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(part[i]), buffer.AsSpan(i * record, 32));
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(vectors[i].AsSpan()).CopyTo(buffer.AsSpan((i * record) + 32));
        }

        FileStream file;
        try
        {
            // Unbuffered: the one write goes to the file at once, and disposing has nothing left to flush (and fail on).
            file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, bufferSize: 0);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(ex);
        }

        using (file)
        {
            var whole = file.Length - (file.Length % record);
            try
            {
                file.Position = whole;
                file.Write(buffer);
                file.SetLength(whole + buffer.Length);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                try
                {
                    file.SetLength(whole);
                }
                catch (Exception again) when (again is IOException or UnauthorizedAccessException)
                {
                    // The records before stay whole; a torn tail is skipped and cut off by the next write.
                }

                throw Unwritable(ex);
            }
        }
    }

    private IOException Unwritable(Exception ex) =>
        new($"--embedding-cache: {_path} cannot be written ({ex.Message.TrimEnd('.')})", ex);

    /// <summary>
    /// Reads the whole records, a record at a time: the file was read whole into one array until session 34, so a cache
    /// past 2 GB (about 1.4 million sentences of a 384-dimension encoder) ended every later run with .NET's "The file is
    /// too long", naming no file.
    /// </summary>
    private void Read()
    {
        var record = new byte[32 + (4 * Dimension)];
        try
        {
            using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            while (file.ReadAtLeast(record, record.Length, throwOnEndOfStream: false) == record.Length)
            {
                var vector = new float[Dimension];
                Buffer.BlockCopy(record, 32, vector, 0, 4 * Dimension);
                _vectors[Convert.ToHexString(record, 0, 32)] = vector;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"--embedding-cache: {_path} cannot be read ({ex.Message.TrimEnd('.')})", ex);
        }
    }
}
