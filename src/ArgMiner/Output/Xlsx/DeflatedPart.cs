using System.Globalization;
using System.IO.Compression;
using ICSharpCode.SharpZipLib.Checksum;
using ICSharpCode.SharpZipLib.Zip;

namespace ArgMiner.Output.Xlsx;

/// <summary>
/// One part of the workbook's zip, deflated ahead of the zip: its compressed bytes (in a temporary file beside the
/// outputs, deleted when closed, or in memory for a small part) with the CRC-32 and sizes a zip entry records. So
/// the sheets can be written and compressed side by side, then copied into the zip one after another as
/// SharpZipLib's passthrough entries; <c>System.IO.Compression</c>'s zip writer compresses only as it writes.
/// </summary>
internal sealed class DeflatedPart : IDisposable
{
    private readonly Stream _data;
    private readonly long _crc;
    private readonly long _size;

    private DeflatedPart(string name, Stream data, long crc, long size)
    {
        Name = name;
        _data = data;
        _crc = crc;
        _size = size;
    }

    /// <summary>The part's name in the zip.</summary>
    public string Name { get; }

    /// <summary>
    /// Deflates what <paramref name="write"/> writes as part <paramref name="name"/>: into a temporary file in
    /// <paramref name="directory"/>, or into memory when it is null.
    /// </summary>
    public static DeflatedPart Write(string? directory, string name, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Stream data = directory is null
            ? new MemoryStream()
            : new FileStream(
                Path.Combine(directory, "." + name.Replace('/', '_') + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".deflate"),
                FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        try
        {
            var crc = new Crc32();
            long size;
            using (var deflate = new DeflateStream(data, CompressionLevel.Optimal, leaveOpen: true))
            {
                using var counted = new ChecksumStream(deflate, crc);
                write(counted);
                size = counted.Length;
            }

            return new DeflatedPart(name, data, crc.Value, size);
        }
        catch
        {
            data.Dispose();
            throw;
        }
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
            CompressedSize = _data.Length,
        });
        _data.Position = 0;
        _data.CopyTo(zip);
        zip.CloseEntry();
    }

    /// <inheritdoc/>
    public void Dispose() => _data.Dispose();

    /// <summary>Passes writes on to the deflater, counting them and adding them to the CRC-32 of the uncompressed part.</summary>
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
