using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ArgMiner.Classification;
using ArgMiner.Text;

namespace ArgMiner.Output;

/// <summary>
/// Writes documents.jsonl: one JSON object per line and per document, holding the exact text all offsets
/// index (offsets in code points), its metadata, paragraphs, comments and sentences with their tokens.
/// </summary>
public sealed class DocumentJsonWriter : IDisposable
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Keep non-ASCII text readable; JSON stays valid (quotes, controls and line separators are escaped).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    // Bytes gathered before they go to the file. Documents are written into this buffer and handed to the file in
    // pieces of at least this size, which the file stream writes through without copying them into its own buffer:
    // flushing a writer over the stream after every document copied the whole file once more and cleared the
    // writer's buffer after each flush (issue 12: documents.jsonl is 30 MB for 4 MB of text in --pipeline text).
    private const int SpillBytes = 1 << 16;

    private readonly AtomicFile _file;
    private readonly ArrayBufferWriter<byte> _pending = new(2 * SpillBytes);
    private readonly Utf8JsonWriter _json;

    // Kept for the whole file: the tagger's tag strings are the same few objects in every document.
    private readonly TagCache _tags = new();
    private bool _closed;

    /// <summary>Opens documents.jsonl (under a temporary name) at <paramref name="path"/>.</summary>
    public DocumentJsonWriter(string path)
    {
        _file = new AtomicFile(path);
        _json = new Utf8JsonWriter(_pending, Options);
    }

    /// <summary>Writes one document as one line.</summary>
    public void Write(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        WriteDocument(_json, context, this);
        _json.Flush();
        _pending.Write("\n"u8);
        _json.Reset();
        if (_pending.WrittenCount >= SpillBytes)
        {
            Spill();
        }
    }

    /// <summary>Writes one document object to <paramref name="json"/>.</summary>
    public static void WriteDocument(Utf8JsonWriter json, DocumentContext context) => WriteDocument(json, context, null);

    // owner, when set, is the DocumentJsonWriter whose buffer json writes to: a long document's finished sentences go on to its file.
    private static void WriteDocument(Utf8JsonWriter json, DocumentContext context, DocumentJsonWriter? owner)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(context);
        var d = context.Document;
        var map = context.Map;
        json.WriteStartObject();
        json.WriteString(Names.Id, d.Id);
        json.WriteString(Names.Source, d.Source);
        if (d.Title is { } title)
        {
            json.WriteString(Names.Title, title);
        }
        else
        {
            json.WriteNull(Names.Title);
        }

        json.WriteStartObject(Names.Metadata);
        foreach (var (key, value) in d.Metadata)
        {
            json.WritePropertyName(key);
            value.WriteTo(json);
        }

        json.WriteEndObject();
        json.WriteString(Names.Text, d.Text);

        json.WriteStartArray(Names.Paragraphs);
        foreach (var p in d.Paragraphs)
        {
            json.WriteStartObject();
            json.WriteNumber(Names.Start, map.ToCodePoint(p.Start));
            json.WriteNumber(Names.End, map.ToCodePoint(p.End));
            json.WriteString(Names.Section, p.Section.ToName());
            WriteComment(json, p.Comment);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray(Names.Comments);
        foreach (var c in d.Comments)
        {
            json.WriteStartObject();
            json.WriteNumber(Names.Index, c.Index);
            WriteOptional(json, "id", c.Id);
            WriteOptional(json, "author", c.Author);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var tokens = d.Tokens.AsSpan();
        var pos = d.Pos.Length == d.Tokens.Length ? d.Pos.AsSpan() : default;
        var labelled = d.Labels.Length == d.Sentences.Length && d.Labels.Length > 0;
        var tags = owner?._tags ?? new TagCache();
        json.WriteStartArray(Names.Sentences);
        for (var i = 0; i < d.Sentences.Length; i++)
        {
            var s = d.Sentences[i];
            json.WriteStartObject();
            json.WriteNumber(Names.Id, i);
            json.WriteNumber(Names.Start, map.ToCodePoint(s.Start));
            json.WriteNumber(Names.End, map.ToCodePoint(s.End));
            json.WriteString(Names.Section, s.Section.ToName());
            json.WriteNumber(Names.Paragraph, s.Paragraph);
            WriteComment(json, s.Comment);
            if (labelled)
            {
                var p = d.Labels[i];
                json.WriteString(Names.Label, p.Label);
                json.WriteNumber(Names.Confidence, Math.Round(p.Confidence, 4));
                json.WriteStartObject(Names.Probabilities);
                for (var k = 0; k < SentenceLabels.All.Length; k++)
                {
                    json.WriteNumber(SentenceLabels.All[k], Math.Round(p.Probabilities[k], 4));
                }

                json.WriteEndObject();
            }

            json.WriteStartArray(Names.Tokens);
            for (var t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
            {
                json.WriteStartObject();
                json.WriteNumber(Names.Start, map.ToCodePoint(tokens[t].Start));
                json.WriteNumber(Names.End, map.ToCodePoint(tokens[t].End));
                if (!pos.IsEmpty)
                {
                    tags.Write(json, pos[t]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();

            // Hand finished sentences to the stream as they come: one huge document does not hold its whole
            // JSON (tens of bytes per token) in memory at once.
            SpillIfLarge(json, owner);
        }

        json.WriteEndArray();

        // Entities and numbers too: a document dense with figures ("5% 5% …", 1.3 million numeric claims in 4 MB) held
        // its whole numbers array, about 200 bytes a claim, until session 39.
        json.WriteStartArray(Names.Entities);
        for (var i = 0; i < d.Entities.Length; i++)
        {
            WriteFields(json, OutputSchema.EntityColumns, new EntityRow(context, i));
            SpillIfLarge(json, owner);
        }

        json.WriteEndArray();

        json.WriteStartArray(Names.Numbers);
        for (var i = 0; i < d.Numbers.Length; i++)
        {
            WriteFields(json, OutputSchema.NumberColumns, new NumberRow(context, i));
            SpillIfLarge(json, owner);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // What json holds goes on to the file once it passes SpillBytes (owner null: json writes elsewhere, kept whole).
    private static void SpillIfLarge(Utf8JsonWriter json, DocumentJsonWriter? owner)
    {
        if (json.BytesPending > SpillBytes)
        {
            json.Flush();
            owner?.Spill();
        }
    }

    /// <summary>Finishes the file and gives it its final name.</summary>
    public void Commit()
    {
        _json.Dispose();
        Spill();
        _closed = true;
        _file.Commit();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            _file.Dispose();
        }
    }

    private void Spill()
    {
        _file.Stream.Write(_pending.WrittenSpan);
        _pending.ResetWrittenCount();
    }

    private static void WriteComment(Utf8JsonWriter json, int? comment)
    {
        if (comment is int c)
        {
            json.WriteNumber(Names.Comment, c);
        }
        else
        {
            json.WriteNull(Names.Comment);
        }
    }

    /// <summary>
    /// One object of a table's row, with the fields of <paramref name="columns"/> that have a JSON name, typed as the
    /// schema says: a table's column and its JSON field come from one declaration.
    /// </summary>
    private static void WriteFields<TRow>(Utf8JsonWriter json, IReadOnlyList<CsvColumn<TRow>> columns, TRow row)
    {
        json.WriteStartObject();
        foreach (var column in columns)
        {
            if (column.JsonName is not { } name)
            {
                continue;
            }

            var value = column.Value(row);
            switch (column.Type)
            {
                case ColumnType.Integer when value is not null:
                    json.WriteNumber(name, int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture));
                    break;
                case ColumnType.Number when value is not null && double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) is var number && double.IsFinite(number):
                    json.WriteNumber(name, number);
                    break;
                case ColumnType.Integer or ColumnType.Number:
                    json.WriteNull(name);
                    break;
                default:
                    WriteOptional(json, name, value);
                    break;
            }
        }

        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    // The part-of-speech tags, each encoded once per file: the tagger gives every token one of its few tag
    // strings, and Utf8JsonWriter otherwise escape-checks and transcodes the value at every token (issue 12,
    // session 33). Encoded with the writer's own encoder, as WriteString would. Tags are told apart by reference,
    // which is all the tagger's strings need; a tag string met past the first 32 is written as before. The bytes
    // written are the same.
    private sealed class TagCache
    {
        private readonly string?[] _tags = new string?[32];
        private readonly JsonEncodedText[] _encoded = new JsonEncodedText[32];
        private int _count;

        public void Write(Utf8JsonWriter json, string tag)
        {
            for (var i = 0; i < _count; i++)
            {
                if (ReferenceEquals(_tags[i], tag))
                {
                    json.WriteString(Names.Pos, _encoded[i]);
                    return;
                }
            }

            if (_count == _tags.Length)
            {
                json.WriteString(Names.Pos, tag);
                return;
            }

            _tags[_count] = tag;
            _encoded[_count] = JsonEncodedText.Encode(tag, json.Options.Encoder);
            json.WriteString(Names.Pos, _encoded[_count++]);
        }
    }

    // Property names encoded once: Utf8JsonWriter otherwise transcodes and escape-checks a string name on every
    // call, and documents.jsonl writes two names per token (issue 12: about a quarter of the JSON writer's time
    // in --pipeline text). The bytes written are the same.
    private static class Names
    {
        public static readonly JsonEncodedText Comment = JsonEncodedText.Encode("comment");
        public static readonly JsonEncodedText Comments = JsonEncodedText.Encode("comments");
        public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
        public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
        public static readonly JsonEncodedText Entities = JsonEncodedText.Encode("entities");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
        public static readonly JsonEncodedText Label = JsonEncodedText.Encode("label");
        public static readonly JsonEncodedText Metadata = JsonEncodedText.Encode("metadata");
        public static readonly JsonEncodedText Numbers = JsonEncodedText.Encode("numbers");
        public static readonly JsonEncodedText Paragraph = JsonEncodedText.Encode("paragraph");
        public static readonly JsonEncodedText Paragraphs = JsonEncodedText.Encode("paragraphs");
        public static readonly JsonEncodedText Pos = JsonEncodedText.Encode("pos");
        public static readonly JsonEncodedText Probabilities = JsonEncodedText.Encode("probabilities");
        public static readonly JsonEncodedText Section = JsonEncodedText.Encode("section");
        public static readonly JsonEncodedText Sentences = JsonEncodedText.Encode("sentences");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Tokens = JsonEncodedText.Encode("tokens");
    }
}
