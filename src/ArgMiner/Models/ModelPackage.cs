using System.Buffers;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ArgMiner.Models;

/// <summary>
/// The one file format of every trained ArgMiner model (tagger, entity recogniser, sentence classifier):
/// a zip archive, like ML.NET's model files, holding <c>manifest.json</c> (signature, kind, format
/// version, tool version and the model card: data, metrics, settings) and the model's own entries
/// (weights and the like). Written deterministically (fixed entry order and timestamps) and atomically.
/// </summary>
public sealed class ModelPackage
{
    /// <summary>The signature every manifest carries.</summary>
    public const string Signature = "argminer-model";

    private const string ManifestEntry = "manifest.json";
    /// <summary>The time stamp of every zip entry ArgMiner writes, so the same model gives the same bytes.</summary>
    public static readonly DateTimeOffset FixedTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Creates a package to save.</summary>
    /// <param name="kind">What model it is, e.g. <c>pos-tagger</c>, <c>ner</c>, <c>sentence-classifier</c>.</param>
    /// <param name="formatVersion">The version of that kind's entry layout.</param>
    /// <param name="card">The model card: data used, date, metrics, settings.</param>
    public ModelPackage(string kind, int formatVersion, JsonObject card)
    {
        Kind = kind;
        FormatVersion = formatVersion;
        Card = card;
        ToolVersion = CurrentToolVersion;
    }

    private ModelPackage(string kind, int formatVersion, string toolVersion, JsonObject card, SortedDictionary<string, byte[]> entries)
    {
        Kind = kind;
        FormatVersion = formatVersion;
        ToolVersion = toolVersion;
        Card = card;
        Entries = entries;
    }

    /// <summary>The version of the ArgMiner library that is running.</summary>
    public static string CurrentToolVersion { get; } =
        typeof(ModelPackage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>What model it is.</summary>
    public string Kind { get; }

    /// <summary>The version of the entry layout for <see cref="Kind"/>.</summary>
    public int FormatVersion { get; }

    /// <summary>The ArgMiner version that wrote it.</summary>
    public string ToolVersion { get; }

    /// <summary>The model card.</summary>
    public JsonObject Card { get; }

    /// <summary>The model's entries by name, in ordinal order.</summary>
    public SortedDictionary<string, byte[]> Entries { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes the package to <paramref name="path"/> under a hidden temporary name, then renames it (<see cref="Output.AtomicFile"/>;
    /// the temporary name used to be PATH.tmp, so a file of the user's of that name was overwritten and deleted).
    /// </summary>
    public void Save(string path) => Output.AtomicFile.Write(path, Write);

    /// <summary>Writes the package to a stream.</summary>
    public void Write(Stream stream)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var manifest = new JsonObject
        {
            ["signature"] = Signature,
            ["kind"] = Kind,
            ["formatVersion"] = FormatVersion,
            ["toolVersion"] = ToolVersion,
            ["card"] = Card.DeepClone(),
        };
        // Written by the node itself (the serializer's generic entry point needs run-time reflection, which the native
        // tool lacks); indented as before, so the same manifest gives the same bytes.
        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json, new JsonWriterOptions { Indented = true }))
        {
            manifest.WriteTo(writer);
        }

        AddEntry(zip, ManifestEntry, json.WrittenSpan.ToArray());
        foreach (var (name, bytes) in Entries)
        {
            AddEntry(zip, name, bytes);
        }
    }

    /// <summary>
    /// The kind the manifest of the model file at <paramref name="path"/> names, reading the manifest alone (no other entry,
    /// no checksum); null when the file has no readable manifest of an ArgMiner model. For a command that tells model kinds
    /// apart before loading one: a damaged file of a kind is then loaded as that kind, and its damage named.
    /// </summary>
    public static string? KindOf(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            if (zip.GetEntry(ManifestEntry) is not { Length: <= MaxManifestBytes } entry)
            {
                return null;
            }

            using var manifest = entry.Open();
            return ReadManifest(manifest) is { } bytes && JsonNode.Parse(bytes) is JsonObject json && (string?)json["signature"] == Signature ? (string?)json["kind"] : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The largest entry a package may hold (a corrupt header claiming more is refused, not allocated).</summary>
    private const long MaxEntryBytes = 1L << 30;

    /// <summary>
    /// The most a package's entries may add up to, as their headers say (every entry is read into memory): the largest
    /// model, the accurate tier, holds 67 MB; each entry alone may be up to <see cref="MaxEntryBytes"/>.
    /// </summary>
    private const long MaxTotalBytes = 4L << 30;

    /// <summary>The largest manifest read: the accurate tier's, its card and all, is 231 KB.</summary>
    private const int MaxManifestBytes = 64 << 20;

    /// <summary>The manifest's bytes, or null past <see cref="MaxManifestBytes"/> (whatever its header says).</summary>
    private static byte[]? ReadManifest(Stream stream)
    {
        var bytes = new MemoryStream();
        var buffer = new byte[1 << 16];
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            bytes.Write(buffer, 0, n);
            if (bytes.Length > MaxManifestBytes)
            {
                return null;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>
    /// Reads a package and checks it is a model of <paramref name="kind"/> in a format this version reads.
    /// </summary>
    /// <exception cref="ModelFormatException">The file is missing, corrupt, of another kind, or newer.</exception>
    public static ModelPackage Load(string path, string kind, int maxFormatVersion)
    {
        if (Directory.Exists(path))
        {
            throw new ModelFormatException(path, "is a folder, not a model file");
        }

        if (!File.Exists(path))
        {
            throw new ModelFormatException(path, "model file not found");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path, kind, maxFormatVersion, checkSums: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file this user may not read was .NET's words alone ("Access to the path '…' is denied."), until session 33.
            throw new ModelFormatException(path, $"cannot be read ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>
    /// Reads a package from a stream (an embedded resource, say); <paramref name="name"/> is for messages. With
    /// <paramref name="checkSums"/>, every entry must match the CRC-32 the archive holds for it: the weights and vectors
    /// are stored, not deflated, and .NET does not check a stored entry, so a flipped byte in a model file on disk was
    /// loaded as it was and changed predictions without a word (the shipped models, embedded in the assemblies, are not
    /// checked again on every start).
    /// </summary>
    public static ModelPackage Read(Stream stream, string name, string kind, int maxFormatVersion, bool checkSums = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw new ModelFormatException(name, "not an ArgMiner model (no manifest)");
            if (zip.Entries.Sum(e => e.Length) > MaxTotalBytes)
            {
                throw new ModelFormatException(name, "corrupt model file (its entries add up to more than any model holds)");
            }

            JsonObject manifest;
            using (var ms = manifestEntry.Open())
            {
                try
                {
                    // Read to a bounded buffer first: a manifest inflating to gigabytes (a crafted or damaged file) reached
                    // JsonNode.Parse, whose whole-stream read overflowed past 2 GB (an OverflowException, a stack trace and
                    // exit 134) until session 34.
                    var bytes = ReadManifest(ms) ?? throw new ModelFormatException(name, "corrupt model file (its manifest.json is larger than any model's)");
                    manifest = JsonNode.Parse(bytes) as JsonObject ?? throw new ModelFormatException(name, "corrupt model (manifest is not a JSON object)");
                }
                catch (JsonException)
                {
                    throw new ModelFormatException(name, "corrupt model (its manifest.json is not valid JSON)");
                }
            }

            if ((string?)manifest["signature"] != Signature)
            {
                throw new ModelFormatException(name, "not an ArgMiner model (wrong signature)");
            }

            var fileKind = (string?)manifest["kind"];
            if (fileKind != kind)
            {
                throw new ModelFormatException(name, $"is a '{fileKind}' model, not a '{kind}' model");
            }

            var version = (int?)manifest["formatVersion"] ?? throw new ModelFormatException(name, "corrupt model (no format version)");
            var toolVersion = (string?)manifest["toolVersion"] ?? "unknown";
            if (version > maxFormatVersion)
            {
                throw new ModelFormatException(name, $"model format {version} is newer than this ArgMiner reads ({maxFormatVersion}); it was written by ArgMiner {toolVersion}, upgrade to load it");
            }

            var card = manifest["card"] as JsonObject ?? [];
            var entries = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName == ManifestEntry)
                {
                    continue;
                }

                // Read straight into an array of the entry's size: growing a MemoryStream and copying it out moved
                // each model's bytes three times, a tenth of a one-document run's start-up (issue 12).
                if (entry.Length > MaxEntryBytes)
                {
                    throw new InvalidDataException("entry larger than any model part");
                }

                var bytes = new byte[(int)entry.Length];
                using (var es = entry.Open())
                {
                    es.ReadExactly(bytes);
                    if (es.ReadByte() != -1)
                    {
                        throw new InvalidDataException("entry longer than its stated length");
                    }
                }

                if (checkSums)
                {
                    var crc = new ICSharpCode.SharpZipLib.Checksum.Crc32();
                    crc.Update(new ArraySegment<byte>(bytes));
                    if ((uint)crc.Value != entry.Crc32)
                    {
                        throw new ModelFormatException(name, $"corrupt model file ({entry.FullName} does not match its checksum)");
                    }
                }

                entries[entry.FullName] = bytes;
            }

            return new ModelPackage(fileKind!, version, toolVersion, (JsonObject)card.DeepClone(), entries);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or InvalidOperationException or FormatException or EndOfStreamException)
        {
            throw new ModelFormatException(name, "corrupt model file (not a readable archive)");
        }
    }

    /// <summary>
    /// The most an ML.NET model inside a model file (<c>mlnet-model.zip</c>, a zip of its own) may inflate to, entries
    /// added up: the shipped classifier's is 4.2 MB (4,195,600 bytes of weights), the accurate tier's stacker 14 KB.
    /// </summary>
    public const long MaxNestedZipBytes = 256L << 20;

    /// <summary>
    /// Checks a zip archive held in an entry (<paramref name="entry"/> of the model file <paramref name="name"/>) before
    /// ML.NET loads it: the sizes its entries declare, and the bytes they inflate to, may add up to at most
    /// <see cref="MaxNestedZipBytes"/>. ML.NET extracts every entry to a temporary file with no limit of its own, so a
    /// crafted or damaged model (a zip bomb) filled the temporary folder: 1 MB inflating to 1 GB wrote 1 GB there, until
    /// session 35. Reading every entry costs about 10 ms for the shipped model, only where ML.NET scores (<c>--engine mlnet</c>).
    /// </summary>
    /// <exception cref="ModelFormatException">The archive would inflate past the limit, or is not a readable zip.</exception>
    public static void CheckNestedZip(byte[] bytes, string name, string entry) => CheckNestedZip(bytes, name, entry, MaxNestedZipBytes);

    /// <summary><see cref="CheckNestedZip(byte[], string, string)"/> with another limit (for tests: a small archive can pass a small limit).</summary>
    internal static void CheckNestedZip(byte[] bytes, string name, string entry, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ModelFormatException TooLarge() => new(name, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"corrupt model file ({entry} inflates to more than {(maxBytes >= 1 << 20 ? $"{maxBytes >> 20} MB" : $"{maxBytes} bytes")}, more than any model holds)"));
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long declared = 0;
            foreach (var e in zip.Entries)
            {
                declared += e.Length;
                if (e.Length > maxBytes || declared > maxBytes)
                {
                    throw TooLarge();
                }
            }

            // The declared sizes may lie: .NET stops a deflated entry at its declared size, but reads a stored one to its
            // stored length whatever the header says. So the bytes themselves are counted, and reading stops at the limit.
            long inflated = 0;
            var buffer = new byte[1 << 16];
            foreach (var e in zip.Entries)
            {
                using var stream = e.Open();
                int n;
                while ((n = stream.Read(buffer)) > 0)
                {
                    inflated += n;
                    if (inflated > maxBytes)
                    {
                        throw TooLarge();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or NotSupportedException)
        {
            throw new ModelFormatException(name, $"corrupt model file ({entry} is not a readable archive)");
        }
    }

    /// <summary>An entry's bytes, or a clear error when the package lacks it.</summary>
    public byte[] GetEntry(string name, string source) =>
        Entries.TryGetValue(name, out var bytes) ? bytes : throw new ModelFormatException(source, $"corrupt model (missing entry '{name}')");

    /// <summary>
    /// Weight tables, vectors and ML.NET's own zip are stored, not deflated: their floats shrink by 10-23 % at
    /// best, and inflating the shipped models' 12 MB took about a third of a one-document run's model loading
    /// (issue 12). Text entries (manifest, feature names, class lists) still compress well and stay deflated.
    /// </summary>
    internal static CompressionLevel LevelFor(string name) =>
        name.EndsWith(".bin", StringComparison.Ordinal) || name.EndsWith(".zip", StringComparison.Ordinal)
            ? CompressionLevel.NoCompression
            : CompressionLevel.Optimal;

    private static void AddEntry(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, LevelFor(name));
        entry.LastWriteTime = FixedTime;
        using var s = entry.Open();
        s.Write(bytes);
    }
}

/// <summary>A model file that cannot be used: one line for the user, naming the file.</summary>
public sealed class ModelFormatException : Exception
{
    /// <summary>Creates the error.</summary>
    public ModelFormatException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public ModelFormatException()
    {
        Path = string.Empty;
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public ModelFormatException(string message, Exception inner)
        : base(message, inner)
    {
        Path = string.Empty;
    }

    /// <summary>The model file.</summary>
    public string Path { get; }
}
