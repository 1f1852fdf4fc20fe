using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using ArgMiner.Text;

namespace ArgMiner.Output;

/// <summary>
/// Processed documents stored losslessly, so every output file can be rendered from them later exactly as
/// a single run renders it: what a shard hands to <c>merge</c> and what a resumable run checkpoints. The
/// file is a sequence of blocks, each a 4-byte little-endian length, the SHA-256 of the block's bytes (32 bytes:
/// Brotli has no check of its own, and a damaged block must be refused, not decoded into garbage) and that many bytes
/// of a Brotli stream of records; a block is only appended whole (<see cref="DocumentRecordWriter.Flush"/>), so the file's
/// length at a checkpoint marks a clean end to truncate back to. A record holds the document's file index
/// in the batch's listing and every field of <see cref="Document"/>: strings as UTF-16 code units (exact,
/// whatever they hold), doubles as their 8 bytes, metadata as its JSON text.
/// </summary>
public static class DocumentRecords
{
    /// <summary>The records file's name in a shard's output folder.</summary>
    public const string FileName = "argminer-records.bin";

    /// <summary>Bumped whenever the record layout changes; a reader refuses another (2: blocks carry their SHA-256).</summary>
    public const int Layout = 2;

    /// <summary>Bytes before a block's data: its length and its SHA-256.</summary>
    internal const int BlockHeaderBytes = 4 + HashBytes;

    private const int HashBytes = 32;

    internal static void Write(BinaryWriter w, Document d, int fileIndex)
    {
        w.Write(Layout);
        w.Write(fileIndex);
        WriteString(w, d.Id);
        WriteString(w, d.Source);
        WriteString(w, d.Text);
        w.Write(d.Metadata.Count);
        foreach (var (key, value) in d.Metadata)
        {
            WriteString(w, key);
            WriteString(w, value.GetRawText());
        }

        w.Write(d.Comments.Length);
        foreach (var c in d.Comments)
        {
            w.Write(c.Index);
            WriteString(w, c.Id);
            WriteString(w, c.Author);
        }

        w.Write(d.Paragraphs.Length);
        foreach (var p in d.Paragraphs)
        {
            w.Write(p.Start);
            w.Write(p.End);
            w.Write((int)p.Section);
            WriteInt(w, p.Comment);
        }

        w.Write(d.Tokens.Length);
        foreach (var t in d.Tokens)
        {
            w.Write(t.Start);
            w.Write(t.End);
        }

        w.Write(d.Sentences.Length);
        foreach (var s in d.Sentences)
        {
            w.Write(s.Start);
            w.Write(s.End);
            w.Write((int)s.Section);
            w.Write(s.Paragraph);
            WriteInt(w, s.Comment);
            w.Write(s.FirstToken);
            w.Write(s.TokenCount);
        }

        w.Write(d.Pos.Length);
        foreach (var tag in d.Pos)
        {
            WriteString(w, tag);
        }

        w.Write(d.Entities.Length);
        foreach (var e in d.Entities)
        {
            w.Write(e.Start);
            w.Write(e.End);
            WriteString(w, e.Type);
            w.Write((int)e.Source);
            w.Write(e.Sentence);
        }

        w.Write(d.Numbers.Length);
        foreach (var n in d.Numbers)
        {
            w.Write(n.Start);
            w.Write(n.End);
            w.Write(n.QuantityStart);
            w.Write(n.QuantityEnd);
            w.Write(n.Sentence);
            WriteString(w, n.Kind);
            WriteDouble(w, n.Value);
            WriteDouble(w, n.Low);
            WriteDouble(w, n.High);
            WriteString(w, n.Qualifier);
            WriteString(w, n.Unit);
            WriteString(w, n.Period);
            WriteString(w, n.Counted);
            WriteString(w, n.Time);
            WriteString(w, n.Source);
        }

        w.Write(d.Labels.Length);
        foreach (var l in d.Labels)
        {
            WriteString(w, l.Label);
            w.Write(l.Confidence);
            w.Write(l.Probabilities.Length);
            foreach (var p in l.Probabilities)
            {
                w.Write(p);
            }
        }

        w.Write((int)d.Layers);
    }

    internal static (Document Document, int FileIndex) Read(BinaryReader r, Dictionary<string, string> names, CancellationToken cancellation = default)
    {
        if (r.ReadInt32() != Layout)
        {
            throw new InvalidDataException("records of another ArgMiner version");
        }

        var fileIndex = r.ReadInt32();
        var id = ReadString(r)!;
        var source = ReadString(r)!;
        var text = ReadString(r)!;
        var metadata = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        for (int i = 0, count = r.ReadInt32(); i < count; i++)
        {
            var key = ReadString(r)!;
            using var json = JsonDocument.Parse(ReadString(r)!);
            metadata[key] = json.RootElement.Clone();
        }

        var comments = Array(cancellation, r, () => new CommentInfo(r.ReadInt32(), ReadString(r), ReadString(r)));
        var paragraphs = Array(cancellation, r, () => new Paragraph(r.ReadInt32(), r.ReadInt32(), (Section)r.ReadInt32(), ReadInt(r)));
        var tokens = Array(cancellation, r, () => new Token(r.ReadInt32(), r.ReadInt32()));
        var sentences = Array(cancellation, r, () => new Sentence(r.ReadInt32(), r.ReadInt32(), (Section)r.ReadInt32(), r.ReadInt32(), ReadInt(r), r.ReadInt32(), r.ReadInt32()));
        var pos = Array(cancellation, r, () => Name(r, names));
        var entities = Array(cancellation, r, () => new Entity(r.ReadInt32(), r.ReadInt32(), Name(r, names), (EntitySource)r.ReadInt32(), r.ReadInt32()));
        var numbers = Array(cancellation, r, () => new NumericClaim
        {
            Start = r.ReadInt32(),
            End = r.ReadInt32(),
            QuantityStart = r.ReadInt32(),
            QuantityEnd = r.ReadInt32(),
            Sentence = r.ReadInt32(),
            Kind = Name(r, names),
            Value = ReadDouble(r),
            Low = ReadDouble(r),
            High = ReadDouble(r),
            Qualifier = ReadString(r),
            Unit = ReadString(r),
            Period = ReadString(r),
            Counted = ReadString(r),
            Time = ReadString(r),
            Source = ReadString(r),
        });
        var labels = Array(cancellation, r, () => new SentencePrediction(Name(r, names), r.ReadDouble(), Array(r, r.ReadDouble)));
        var layers = (DocumentLayers)r.ReadInt32();
        var document = new Document
        {
            Id = id,
            Source = source,
            Text = text,
            Metadata = metadata.ToImmutable(),
            Comments = comments,
            Paragraphs = paragraphs,
            Tokens = tokens,
            Sentences = sentences,
            Pos = pos,
            Entities = entities,
            Numbers = numbers,
            Labels = labels,
            Layers = layers,
        };
        return (document, fileIndex);
    }

    private static ImmutableArray<T> Array<T>(BinaryReader r, Func<T> read) => Array(CancellationToken.None, r, read);

    // A layer of a long document holds millions of items: checked every 65,536 of them, which costs nothing measurable.
    private static ImmutableArray<T> Array<T>(CancellationToken cancellation, BinaryReader r, Func<T> read)
    {
        var count = r.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException("a negative count");
        }

        var builder = ImmutableArray.CreateBuilder<T>(count);
        for (var i = 0; i < count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            builder.Add(read());
        }

        return builder.MoveToImmutable();
    }

    // Tags, types, kinds and labels repeat: one string each.
    private static string Name(BinaryReader r, Dictionary<string, string> names)
    {
        var s = ReadString(r)!;
        if (names.TryGetValue(s, out var shared))
        {
            return shared;
        }

        names[s] = s;
        return s;
    }

    private static void WriteString(BinaryWriter w, string? s)
    {
        if (s is null)
        {
            w.Write(-1);
            return;
        }

        w.Write(s.Length);
        var bytes = MemoryMarshal.AsBytes(s.AsSpan());
        if (BitConverter.IsLittleEndian)
        {
            w.Write(bytes);
        }
        else
        {
            foreach (var c in s)
            {
                w.Write((ushort)c);
            }
        }
    }

    private static string? ReadString(BinaryReader r)
    {
        var length = r.ReadInt32();
        if (length < 0)
        {
            return null;
        }

        var bytes = r.ReadBytes(checked(length * 2));
        if (bytes.Length != length * 2)
        {
            throw new EndOfStreamException();
        }

        return string.Create(length, bytes, static (chars, b) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(2 * i));
            }
        });
    }

    private static void WriteInt(BinaryWriter w, int? value)
    {
        w.Write(value.HasValue);
        w.Write(value ?? 0);
    }

    private static int? ReadInt(BinaryReader r)
    {
        var has = r.ReadBoolean();
        var value = r.ReadInt32();
        return has ? value : null;
    }

    private static void WriteDouble(BinaryWriter w, double? value)
    {
        w.Write(value.HasValue);
        w.Write(value ?? 0);
    }

    private static double? ReadDouble(BinaryReader r)
    {
        var has = r.ReadBoolean();
        var value = r.ReadDouble();
        return has ? value : null;
    }

    /// <summary>
    /// Checks the blocks of the first <paramref name="length"/> bytes of <paramref name="path"/> against their
    /// SHA-256 without decoding them: null when every block is whole, else what is wrong, in words.
    /// </summary>
    public static string? Damage(string path, long length)
    {
        try
        {
            foreach (var _ in Blocks(path, length))
            {
            }

            return null;
        }
        catch (InvalidDataException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Reads the records of the first <paramref name="length"/> bytes of <paramref name="path"/>, in order. A stop request
    /// (<paramref name="cancellation"/>) is checked while a block is decompressed and while a record's layers are read:
    /// one 46 MB document's record took about 10 s to read, and <c>merge</c> waited for it after SIGTERM (session 37).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is damaged or shorter than <paramref name="length"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static IEnumerable<(Document Document, int FileIndex)> ReadAll(string path, long length, CancellationToken cancellation = default)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var buffer = new byte[1 << 20];
        using var raw = new MemoryStream();
        using var reader = new BinaryReader(raw);
        foreach (var block in Blocks(path, length))
        {
            raw.SetLength(0);
            using (var brotli = new BrotliStream(new MemoryStream(block.Array!, block.Offset, block.Count), CompressionMode.Decompress))
            {
                int read;
                while ((read = brotli.Read(buffer)) > 0)
                {
                    cancellation.ThrowIfCancellationRequested();
                    raw.Write(buffer, 0, read);
                }
            }

            raw.Position = 0;
            while (raw.Position < raw.Length)
            {
                yield return Read(reader, names, cancellation);
            }
        }
    }

    /// <summary>Each block's compressed bytes, checked against its SHA-256; valid until the next one is read.</summary>
    private static IEnumerable<ArraySegment<byte>> Blocks(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        if (file.Length < length)
        {
            throw new InvalidDataException($"{path} is shorter than its checkpoint says ({file.Length} < {length} bytes)");
        }

        var header = new byte[BlockHeaderBytes];
        var hash = new byte[HashBytes];
        var position = 0L;

        // One buffer for every block: blocks are megabytes, and fresh ones per block were garbage on the large-object
        // heap that waited for a full collection (issue 12, peak memory).
        var block = System.Array.Empty<byte>();
        while (position < length)
        {
            if (position + BlockHeaderBytes > length)
            {
                throw new InvalidDataException($"{path}: a damaged block at byte {position}");
            }

            file.ReadExactly(header);
            var size = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (size <= 0 || position + BlockHeaderBytes + size > length)
            {
                throw new InvalidDataException($"{path}: a damaged block at byte {position}");
            }

            if (block.Length < size)
            {
                block = new byte[size];
            }

            file.ReadExactly(block.AsSpan(0, size));
            SHA256.HashData(block.AsSpan(0, size), hash);
            if (!hash.AsSpan().SequenceEqual(header.AsSpan(4)))
            {
                throw new InvalidDataException($"{path}: a damaged block at byte {position} (its SHA-256 does not match)");
            }

            position += BlockHeaderBytes + size;
            yield return new ArraySegment<byte>(block, 0, size);
        }
    }
}

/// <summary>
/// Appends documents to a records file (<see cref="DocumentRecords"/>), a block at a time. Opening an existing
/// file at a checkpoint cuts it back to that length first, dropping what was written after the checkpoint.
/// </summary>
public sealed class DocumentRecordWriter : IDisposable
{
    /// <summary>Uncompressed bytes buffered before a block is written without being asked.</summary>
    public const int BlockBytes = 4 << 20;

    private readonly FileStream _file;
    private readonly MemoryStream _buffer = new();

    // Reused by every block, like _buffer: a fresh stream per block grew to megabytes on the large-object heap.
    private readonly MemoryStream _compressed = new();
    private readonly BinaryWriter _writer;

    /// <summary>Opens <paramref name="path"/> for appending after its first <paramref name="keep"/> bytes (0: a new file).</summary>
    public DocumentRecordWriter(string path, long keep = 0)
    {
        _file = new FileStream(path, keep > 0 ? FileMode.Open : FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        if (_file.Length < keep)
        {
            _file.Dispose();
            throw new InvalidDataException($"{path} is shorter than its checkpoint says");
        }

        _file.SetLength(keep);
        _file.Position = keep;
        _writer = new BinaryWriter(_buffer);
    }

    /// <summary>The file's length after the last block written: where a checkpoint may cut it.</summary>
    public long Length => _file.Length;

    /// <summary>Adds one document (read from the file at <paramref name="fileIndex"/> of the listing).</summary>
    public void Write(Document document, int fileIndex)
    {
        ArgumentNullException.ThrowIfNull(document);
        DocumentRecords.Write(_writer, document, fileIndex);
        if (_buffer.Length >= BlockBytes)
        {
            Flush();
        }
    }

    /// <summary>Writes what is buffered as one block and forces it to disk.</summary>
    public void Flush()
    {
        _writer.Flush();
        if (_buffer.Length > 0)
        {
            var compressed = _compressed;
            compressed.SetLength(0);
            using (var brotli = new BrotliStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            {
                brotli.Write(_buffer.GetBuffer(), 0, (int)_buffer.Length);
            }

            Span<byte> header = stackalloc byte[DocumentRecords.BlockHeaderBytes];
            BinaryPrimitives.WriteInt32LittleEndian(header, (int)compressed.Length);
            SHA256.HashData(compressed.GetBuffer().AsSpan(0, (int)compressed.Length), header[4..]);
            _file.Write(header);
            _file.Write(compressed.GetBuffer(), 0, (int)compressed.Length);
            _buffer.SetLength(0);
        }

        _file.Flush(flushToDisk: true);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _writer.Dispose();
        _compressed.Dispose();
        _file.Dispose();
    }
}
