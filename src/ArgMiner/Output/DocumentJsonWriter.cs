using System.Text.Encodings.Web;
using System.Text.Json;
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

    private readonly AtomicFile _file;
    private readonly Utf8JsonWriter _json;
    private bool _closed;

    /// <summary>Opens documents.jsonl (under a temporary name) at <paramref name="path"/>.</summary>
    public DocumentJsonWriter(string path)
    {
        _file = new AtomicFile(path);
        _json = new Utf8JsonWriter(_file.Stream, Options);
    }

    /// <summary>Writes one document as one line.</summary>
    public void Write(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        WriteDocument(_json, context);
        _json.Flush();
        _file.Stream.WriteByte((byte)'\n');
        _json.Reset();
    }

    /// <summary>Writes one document object to <paramref name="json"/>.</summary>
    public static void WriteDocument(Utf8JsonWriter json, DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(context);
        var d = context.Document;
        var map = context.Map;
        json.WriteStartObject();
        json.WriteString("id", d.Id);
        json.WriteString("source", d.Source);
        if (d.Title is { } title)
        {
            json.WriteString("title", title);
        }
        else
        {
            json.WriteNull("title");
        }

        json.WriteStartObject("metadata");
        foreach (var (key, value) in d.Metadata)
        {
            json.WritePropertyName(key);
            value.WriteTo(json);
        }

        json.WriteEndObject();
        json.WriteString("text", d.Text);

        json.WriteStartArray("paragraphs");
        foreach (var p in d.Paragraphs)
        {
            json.WriteStartObject();
            json.WriteNumber("start", map.ToCodePoint(p.Start));
            json.WriteNumber("end", map.ToCodePoint(p.End));
            json.WriteString("section", p.Section.ToName());
            WriteComment(json, p.Comment);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("comments");
        foreach (var c in d.Comments)
        {
            json.WriteStartObject();
            json.WriteNumber("index", c.Index);
            WriteOptional(json, "id", c.Id);
            WriteOptional(json, "author", c.Author);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        var tokens = d.Tokens.AsSpan();
        json.WriteStartArray("sentences");
        for (var i = 0; i < d.Sentences.Length; i++)
        {
            var s = d.Sentences[i];
            json.WriteStartObject();
            json.WriteNumber("id", i);
            json.WriteNumber("start", map.ToCodePoint(s.Start));
            json.WriteNumber("end", map.ToCodePoint(s.End));
            json.WriteString("section", s.Section.ToName());
            json.WriteNumber("paragraph", s.Paragraph);
            WriteComment(json, s.Comment);
            json.WriteStartArray("tokens");
            for (var t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
            {
                json.WriteStartObject();
                json.WriteNumber("start", map.ToCodePoint(tokens[t].Start));
                json.WriteNumber("end", map.ToCodePoint(tokens[t].End));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Finishes the file and gives it its final name.</summary>
    public void Commit()
    {
        _json.Dispose();
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

    private static void WriteComment(Utf8JsonWriter json, int? comment)
    {
        if (comment is int c)
        {
            json.WriteNumber("comment", c);
        }
        else
        {
            json.WriteNull("comment");
        }
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
}
