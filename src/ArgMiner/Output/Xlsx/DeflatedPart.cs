using System.Globalization;
using System.IO.Compression;
using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip;

namespace ArgMiner.Output.Xlsx;

/// <summary>
/// One part of the workbook's zip, deflated ahead of the zip: its compressed bytes, in one or more pieces (each in a
/// temporary file beside the outputs, deleted when closed, or in memory for a small one), with the CRC-32 and sizes
/// a zip entry records. So a sheet's rows can be compressed while the batch runs and the XML around them added at
/// the end, then the parts copied into the zip one after another as SharpZipLib's passthrough entries;
/// <c>System.IO.Compression</c>'s zip writer compresses only as it writes.
/// </summary>
internal sealed class DeflatedPart : IDisposable
{
    private readonly IReadOnlyList<DeflatedPiece> _pieces;
    private readonly uint _crc;
    private readonly long _size;

    private DeflatedPart(string name, IReadOnlyList<DeflatedPiece> pieces)
    {
        Name = name;
        _pieces = pieces;
        foreach (var piece in pieces)
        {
            _crc = Crc32Combine.Combine(_crc, piece.Crc, piece.Size);
            _size += piece.Size;
        }
    }

    /// <summary>The part's name in the zip.</summary>
    public string Name { get; }

    /// <summary>
    /// Deflates what <paramref name="write"/> writes as part <paramref name="name"/>: into a temporary file in
    /// <paramref name="directory"/>, or into memory when it is null.
    /// </summary>
    public static DeflatedPart Write(string? directory, string name, Action<Stream> write) =>
        new(name, [DeflatedPiece.Write(directory, name, write, final: true)]);

    /// <summary>
    /// The part made of <paramref name="pieces"/> one after another (null ones left out): every piece but the last
    /// ends open, the last ends the deflate stream. The part owns them from here.
    /// </summary>
    public static DeflatedPart Join(string name, IEnumerable<DeflatedPiece?> pieces)
    {
        List<DeflatedPiece> list = [.. pieces.OfType<DeflatedPiece>()];
        if (list.Count == 0 || !list[^1].Final || list.Take(list.Count - 1).Any(p => p.Final))
        {
            list.ForEach(p => p.Dispose());
            throw new ArgumentException("only the last piece of a part may end its deflate stream", nameof(pieces));
        }

        return new DeflatedPart(name, list);
    }

    /// <summary>Adds the part to <paramref name="zip"/> as it is, with the workbook's fixed time.</summary>
    public void CopyTo(ZipOutputStream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        zip.PutNextPassthroughEntry(new ZipEntry(Name)
        {
            DateTime = WorkbookParts.FixedTime.DateTime,
            CompressionMethod = CompressionMethod.Deflated,
            Crc = _crc,
            Size = _size,
            CompressedSize = _pieces.Sum(p => p.Data.Length),
        });
        foreach (var piece in _pieces)
        {
            piece.Data.Position = 0;
            piece.Data.CopyTo(zip);
        }

        zip.CloseEntry();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var piece in _pieces)
        {
            piece.Dispose();
        }
    }
}

/// <summary>
/// A run of deflated bytes with the CRC-32 and length of what it holds uncompressed. A piece that is not
/// <see cref="Final"/> ends with a sync flush (byte-aligned, the stream left open), so the next piece, compressed
/// on its own, may follow it in one deflate stream: a later piece never refers back into an earlier one.
/// </summary>
internal sealed class DeflatedPiece(Stream data, uint crc, long size, bool final) : IDisposable
{
    /// <summary>The compressed bytes.</summary>
    public Stream Data { get; } = data;

    /// <summary>CRC-32 of the uncompressed bytes.</summary>
    public uint Crc { get; } = crc;

    /// <summary>Length of the uncompressed bytes.</summary>
    public long Size { get; } = size;

    /// <summary>Whether the piece ends the deflate stream.</summary>
    public bool Final { get; } = final;

    /// <summary>Deflates what <paramref name="write"/> writes (see <see cref="DeflatingWriter"/>).</summary>
    public static DeflatedPiece Write(string? directory, string name, Action<Stream> write, bool final)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var writer = new DeflatingWriter(directory, name);
        write(writer.Stream);
        return writer.Finish(final);
    }

    /// <inheritdoc/>
    public void Dispose() => Data.Dispose();
}

/// <summary>
/// Deflates what is written to <see cref="Stream"/> into a temporary file in a directory (deleted when closed;
/// <c>name</c> keeps it apart from the others) or into memory, counting it and keeping its CRC-32, until
/// <see cref="Finish"/> hands the result over as a <see cref="DeflatedPiece"/>.
/// </summary>
internal sealed class DeflatingWriter : IDisposable
{
    private readonly Stream _data;
    private readonly Gate _gate;
    private readonly DeflateStream _deflate;
    private readonly Crc32 _crc = new();
    private readonly ChecksumStream _counted;
    private bool _finished;

    /// <summary>Opens the writer.</summary>
    public DeflatingWriter(string? directory, string name)
    {
        _data = directory is null
            ? new MemoryStream()
            : new FileStream(
                Path.Combine(directory, "." + name.Replace('/', '_') + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".deflate"),
                FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _gate = new Gate(_data);
        _deflate = new DeflateStream(_gate, CompressionLevel.Optimal, leaveOpen: true);
        _counted = new ChecksumStream(_deflate, _crc);
    }

    /// <summary>Where the uncompressed bytes go.</summary>
    public Stream Stream => _counted;

    /// <summary>
    /// Ends the piece: with the deflate stream's final block when <paramref name="final"/>, otherwise with a sync
    /// flush, the final block the deflater then writes being held back.
    /// </summary>
    public DeflatedPiece Finish(bool final)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (!final)
        {
            _deflate.Flush();
            _gate.Closed = true;
        }

        _deflate.Dispose();
        _finished = true;
        return new DeflatedPiece(_data, (uint)_crc.Value, _counted.Length, final);
    }

    /// <summary>Abandons an unfinished piece.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            _gate.Closed = true;
            try
            {
                _deflate.Dispose();
            }
            finally
            {
                _data.Dispose();
            }
        }
    }

    /// <summary>Passes writes on until closed, then drops them (the final block of a piece that must stay open).</summary>
    private sealed class Gate(Stream inner) : Stream
    {
        public bool Closed { get; set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!Closed)
            {
                inner.Write(buffer, offset, count);
            }
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (!Closed)
            {
                inner.Write(buffer);
            }
        }

        public override void Flush()
        {
            if (!Closed)
            {
                inner.Flush();
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Passes writes on to the deflater, counting them and adding them to the CRC-32 of the uncompressed bytes.</summary>
    private sealed class ChecksumStream(Stream inner, Crc32 crc) : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            crc.Update(new ArraySegment<byte>(buffer, offset, count));
            inner.Write(buffer, offset, count);
            _length += count;
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
