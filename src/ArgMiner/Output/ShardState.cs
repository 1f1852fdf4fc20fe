using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Output;

/// <summary>
/// What a shard (or a resumable run, shard 0 of 1) has done, as JSON: in its staging folder as the checkpoint
/// of an unfinished run (<see cref="CheckpointName"/>), and in its published output folder as the shard's
/// manifest (<see cref="ManifestName"/>), written last. <c>merge</c> refuses shards whose <see cref="Tool"/>,
/// <see cref="Model"/>, <see cref="Inputs"/>, <see cref="Settings"/> or <see cref="Shards"/> differ.
/// </summary>
public sealed record ShardState
{
    /// <summary>A shard's manifest, in its output folder.</summary>
    public const string ManifestName = "argminer-shard.json";

    /// <summary>The checkpoint of an unfinished run, in its staging folder.</summary>
    public const string CheckpointName = "argminer-checkpoint.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,

        // A null where the type holds none ("order": null in a hand-edited manifest) is damage, refused as such;
        // it used to be read and crashed merge and --resume with a stack trace.
        RespectNullableAnnotations = true,

        // The serializer's code is generated at compile time (ShardStateJson), not found by reflection at run time:
        // the native tool has no run-time reflection over properties. The same options, so the same bytes.
        TypeInfoResolver = ShardStateJson.Default,
    };

    private static JsonTypeInfo<ShardState> TypeInfo => (JsonTypeInfo<ShardState>)Json.GetTypeInfo(typeof(ShardState));

    /// <summary>The layout of this file; a reader refuses another.</summary>
    public int Layout { get; init; } = 1;

    /// <summary>ArgMiner's version (the tool that processed the documents).</summary>
    public required string Tool { get; init; }

    /// <summary>The model's identity: which classifier (and its SHA-256), or the text-only pipeline.</summary>
    public required string Model { get; init; }

    /// <summary>SHA-256 of the input listing: the arguments and every file's path, size and modification time.</summary>
    public required string Inputs { get; init; }

    /// <summary>The settings that shape the outputs besides the formats (pipeline, encoding), in words.</summary>
    public required string Settings { get; init; }

    /// <summary>The formats written (<see cref="OutputFormats"/> as a number).</summary>
    public required int Formats { get; init; }

    /// <summary>K of K/N.</summary>
    public required int Shard { get; init; }

    /// <summary>N of K/N.</summary>
    public required int Shards { get; init; }

    /// <summary>Files in the batch's listing.</summary>
    public required int Files { get; init; }

    /// <summary>Parts of the batch (files, and byte ranges of large JSON Lines files) in the split.</summary>
    public required int Parts { get; init; }

    /// <summary>The first part of this shard.</summary>
    public required int FirstPart { get; init; }

    /// <summary>One past the last part of this shard.</summary>
    public required int EndPart { get; init; }

    /// <summary>Input items (documents and skipped inputs) of this shard done so far; a resumed run reads on after them.</summary>
    public long Items { get; set; }

    /// <summary>The file of the last input item done (-1: none), where a resumed run starts reading again.</summary>
    public int ResumeFile { get; set; } = -1;

    /// <summary>Input items of <see cref="ResumeFile"/> done: a resumed run skips them without processing.</summary>
    public long ResumeFileItems { get; set; }

    /// <summary>Documents stored in the records file.</summary>
    public int Documents { get; set; }

    /// <summary>The records file's length at this state: a resumed run cuts it back to this.</summary>
    public long RecordsBytes { get; set; }

    /// <summary>SHA-256 of the records file (in a manifest: the shard is complete and whole).</summary>
    public string? RecordsSha256 { get; set; }

    /// <summary>Inputs skipped with an error, as the lines a run prints.</summary>
    public List<string> Skipped { get; init; } = [];

    /// <summary>
    /// The global order of the documents (in a manifest): runs of <c>[file index, documents]</c> in reading
    /// order, so the n-th document of this shard is the m-th document of file f in the single run's order.
    /// A checkpoint leaves it empty (the records hold each document's file index), so checkpoints stay small.
    /// </summary>
    public List<int[]> Order { get; init; } = [];

    /// <summary>Adds the next document, read from file <paramref name="fileIndex"/>, to <paramref name="order"/> (runs as in <see cref="Order"/>).</summary>
    public static void AddToOrder(List<int[]> order, int fileIndex)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.Count > 0 && order[^1][0] == fileIndex)
        {
            order[^1][1]++;
        }
        else
        {
            order.Add([fileIndex, 1]);
        }
    }

    /// <summary>Whether <paramref name="other"/> comes from the same batch, settings and shard (a checkpoint to resume).</summary>
    public bool SameRunAs(ShardState other) =>
        other.Layout == Layout && other.Tool == Tool && other.Model == Model && other.Inputs == Inputs && other.Settings == Settings
        && other.Formats == Formats && other.Shard == Shard && other.Shards == Shards && other.Files == Files
        && other.Parts == Parts && other.FirstPart == FirstPart && other.EndPart == EndPart;

    /// <summary>
    /// Whether <paramref name="folder"/> holds the records this manifest describes, whole: the file is there, as long as
    /// the manifest says, with its SHA-256. A shard folder whose records fail this is not complete, whatever its manifest says.
    /// </summary>
    public bool RecordsMatch(string folder)
    {
        var records = Path.Combine(folder, DocumentRecords.FileName);
        return RecordsSha256 is not null && File.Exists(records) && new FileInfo(records).Length == RecordsBytes
            && Sha256(records, RecordsBytes) == RecordsSha256;
    }

    /// <summary>Writes this state to <paramref name="path"/> under a temporary name, renamed when whole.</summary>
    public void Save(string path) => AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, this, TypeInfo));

    /// <summary>Reads a state; null when the file is missing, and <paramref name="error"/> when it is damaged.</summary>
    public static ShardState? Load(string path, out string? error) => Load(path, out error, out _);

    /// <summary>
    /// Reads a state; null when the file is missing, and <paramref name="error"/> when it is damaged, with the 1-based
    /// <paramref name="line"/> of the damage when there is one (0 otherwise).
    /// </summary>
    public static ShardState? Load(string path, out string? error, out long line)
    {
        error = null;
        line = 0;
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var stream = File.OpenRead(path);
            var state = JsonSerializer.Deserialize(stream, TypeInfo);
            if (state is null || state.Layout != 1 || state.Order.Any(o => o is not { Length: 2 }))
            {
                error = "written by another ArgMiner version";
                return null;
            }

            if (state.Skipped.Contains(null!))
            {
                error = "damaged (a skipped input is null)";
                return null;
            }

            return state;
        }
        catch (JsonException ex)
        {
            // .NET's words ("'x' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.") counted
            // lines from 0 and named a JSON path, until session 35.
            line = ex.LineNumber is long l ? l + 1 : 0;
            error = $"damaged ({Damage(ex)})";
            return null;
        }
    }

    /// <summary>What a <see cref="JsonException"/> says is wrong with a state file, in ArgMiner's words.</summary>
    private static string Damage(JsonException ex)
    {
        // An empty file (or one of white space) is the one case .NET's message alone tells apart.
        if (ex.Message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "empty";
        }

        // The reader's own errors (bad syntax, a cut file, bytes that are not UTF-8) come wrapped around a reader exception;
        // the serializer's (a value of the wrong kind, a field missing) do not.
        if (ex.InnerException is JsonException)
        {
            return ex.BytePositionInLine is long column ? $"not valid JSON at column {column + 1}" : "not valid JSON";
        }

        var field = ex.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
        return ex.Message.Contains("missing required properties", StringComparison.Ordinal) ? "a field ArgMiner writes is missing"
            : field is not null ? $"\"{field}\" holds a value of the wrong kind"
            : "not the JSON ArgMiner writes";
    }

    /// <summary>SHA-256 of the first <paramref name="length"/> bytes of <paramref name="path"/>, in hex.</summary>
    public static string Sha256(string path, long length)
    {
        using var file = File.OpenRead(path);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        var left = length;
        while (left > 0)
        {
            var read = file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            hash.AppendData(buffer, 0, read);
            left -= read;
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of a text, in hex.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>
/// Renders documents into a batch's output files, in order, as a single run writes them: ids are made unique as a
/// single run makes them (<see cref="DocumentIds"/>; each rename goes to the warning callback). Stored documents
/// (<see cref="DocumentRecords"/>) and documents fresh from the pipeline may be mixed, as a resumed run renders the
/// interrupted run's records and then its own documents as they come.
/// </summary>
public sealed class RecordRenderer
{
    private readonly BatchWriter _writer;
    private readonly Action<InputError> _warn;
    private readonly CancellationToken _cancellation;
    private readonly DocumentIds _ids = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _count;
    private long _sentences, _tokens, _bytes;

    /// <summary>
    /// Renders into <paramref name="writer"/>; renames go to <paramref name="warn"/>. Once <paramref name="cancellation"/>
    /// is cancelled, <see cref="Add(Document)"/> throws <see cref="OperationCanceledException"/>, possibly partway
    /// through a document (<see cref="BatchWriter.Write(DocumentContext, CancellationToken)"/>): the files are then unfinished.
    /// </summary>
    public RecordRenderer(BatchWriter writer, Action<InputError> warn, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(warn);
        _writer = writer;
        _warn = warn;
        _cancellation = cancellation;
    }

    /// <summary>What has been rendered so far (no inputs skipped: the caller knows those).</summary>
    public BatchSummary Summary => new(_count, 0, _sentences, _tokens, _bytes, _clock.Elapsed);

    /// <summary>Writes the next document (a stored one).</summary>
    public void Add(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Add(document, null);
    }

    /// <summary>Writes the next document as the pipeline handed it over (its context is reused unless the id changes).</summary>
    public void Add(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Add(context.Document, context);
    }

    private void Add(Document document, DocumentContext? context)
    {
        var unique = _ids.Unique(document.Id, out var renamed);
        if (renamed)
        {
            _warn(DocumentIds.RenameWarning(document.Source, document.Id, unique));
        }

        _writer.Write(renamed ? DocumentContext.Of(document with { Id = unique }) : context ?? DocumentContext.Of(document), _cancellation);
        _count++;
        _sentences += document.Sentences.Length;
        _tokens += document.Tokens.Length;
        _bytes += Encoding.UTF8.GetByteCount(document.Text);
    }

    /// <summary>
    /// Writes <paramref name="documents"/>, in order, to <paramref name="writer"/>, making their ids unique as a
    /// single run does (<see cref="DocumentIds"/>; each rename goes to <paramref name="warn"/>). When
    /// <paramref name="cancellation"/> is cancelled it stops, possibly partway through a document, and returns what was
    /// rendered whole: the files are then unfinished and must be abandoned.
    /// </summary>
    public static BatchSummary Render(IEnumerable<(Document Document, int FileIndex)> documents, BatchWriter writer, Action<InputError> warn, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var renderer = new RecordRenderer(writer, warn, cancellation);
        try
        {
            foreach (var (document, _) in documents)
            {
                cancellation.ThrowIfCancellationRequested();
                renderer.Add(document);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Stopped: the caller abandons the unfinished files.
        }

        return renderer.Summary;
    }
}

/// <summary>
/// <see cref="ShardState"/>'s JSON serializer, generated at compile time (System.Text.Json source generation) so that
/// the native tool, which cannot inspect properties by reflection at run time, reads and writes checkpoints and shard
/// manifests as the full build does.
/// </summary>
[JsonSerializable(typeof(ShardState))]
internal sealed partial class ShardStateJson : JsonSerializerContext;
