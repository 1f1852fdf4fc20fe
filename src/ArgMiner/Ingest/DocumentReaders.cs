using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ArgMiner.Text;

namespace ArgMiner.Ingest;

/// <summary>Turns the bytes of one input into documents (plain text) or a stream of them (JSON Lines).</summary>
public static class DocumentReaders
{
    /// <summary>How deeply a JSON Lines record may nest (System.Text.Json's default); deeper records are skipped.</summary>
    public const int MaxJsonDepth = 64;

    /// <summary>
    /// The most bytes one document may take in its input (a plain-text file, a JSON Lines record, standard input): a
    /// document is held whole while it is processed, at about 20 bytes a byte of its text (a 46 MB record peaked at
    /// 970 MB), so a larger one is skipped with one line. Until session 36 only standard input had this bound: a 1.2 GB
    /// text file ended the whole batch with "Out of memory." (SIGABRT), and a 3 GB line of JSON Lines was still being
    /// read after ten minutes, deaf to Ctrl-C.
    /// </summary>
    public const long MaxDocumentBytes = 256L << 20;

    /// <summary>The problem for an input over <see cref="MaxDocumentBytes"/>: <paramref name="what"/>, then why, ending as <paramref name="skipped"/> says.</summary>
    internal static string TooLarge(string what, string skipped) =>
        $"{what}, more than the {MaxDocumentBytes >> 20} MB one document may hold (it is held whole while it is processed); split it, {skipped}";

    /// <summary>Reads one plain-text document in the seeds' layout.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="path">The path as the user gave it, for messages and <see cref="Document.Source"/>.</param>
    /// <param name="id">The document id.</param>
    /// <param name="encoding">How bytes that are not UTF-8 are read (<see cref="TextDecoding"/>).</param>
    /// <param name="comments">How reader comments are found in the layout (<see cref="CommentDetection"/>).</param>
    /// <param name="markdown">Whether the text is Markdown, its layout read by <see cref="MarkdownLayout"/>.</param>
    public static InputItem ReadPlainText(ReadOnlySpan<byte> bytes, string path, string id, TextEncodingChoice encoding = TextEncodingChoice.Auto,
        CommentDetection comments = CommentDetection.Auto, bool markdown = false)
    {
        if (bytes.IsEmpty)
        {
            return InputItem.Failed(new InputError(path, null, "empty file, skipped"));
        }

        var text = TextDecoding.TryDecode(bytes, encoding, out var problem, out var line, out var warning);
        if (text is null)
        {
            return InputItem.Failed(new InputError(path, line == 0 ? null : line, problem!));
        }

        string? notMarkdown = null;
        var paragraphs = (markdown ? MarkdownLayout.TryParse(text, comments, out notMarkdown) : null) ?? PlainTextLayout.Parse(text, comments);
        if (notMarkdown is not null)
        {
            markdown = false;
            warning = (warning is null ? string.Empty : warning + "; ") + $"read as plain text, not Markdown: {notMarkdown}";
        }

        if (paragraphs.Count == 0)
        {
            return InputItem.Failed(new InputError(path, null, markdown && !string.IsNullOrWhiteSpace(text)
                ? "no prose (only code, markup or front matter), skipped" : "no text (only white space), skipped"));
        }

        return FromParagraphs(path, id, text, paragraphs, warning);
    }

    /// <summary>
    /// Reads one saved web page (<c>.html</c>, <c>.htm</c>): its text and layout as <see cref="HtmlLayout"/> extracts
    /// them. A byte-order mark decides the encoding, else a <c>&lt;meta charset&gt;</c> naming UTF-8 or Windows-1252
    /// (and its aliases) does, else <paramref name="encoding"/> as for any input (<see cref="TextDecoding"/>), so bad bytes
    /// give the same one line as other inputs. A page nested too deep, or one AngleSharp fails on, is skipped with one line.
    /// </summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="path">The path as the user gave it, for messages and <see cref="Document.Source"/>.</param>
    /// <param name="id">The document id.</param>
    /// <param name="encoding">How bytes that are not UTF-8 are read when the page declares no charset.</param>
    /// <param name="comments">How reader comments are found (<see cref="CommentDetection"/>).</param>
    public static InputItem ReadHtml(ReadOnlySpan<byte> bytes, string path, string id, TextEncodingChoice encoding = TextEncodingChoice.Auto,
        CommentDetection comments = CommentDetection.Auto)
    {
        if (bytes.IsEmpty)
        {
            return InputItem.Failed(new InputError(path, null, "empty file, skipped"));
        }

        if (bytes.Length > HtmlLayout.MaxPageBytes)
        {
            return InputItem.Failed(new InputError(path, null, string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{bytes.Length / (1024.0 * 1024.0):0.#} MB, more than the {HtmlLayout.MaxPageBytes >> 20} MB a web page may hold (its parsed markup is held whole while it is read); skipped")));
        }

        string? charsetNote = null;
        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || TextDecoding.Utf16Encoding(bytes) is not null;
        if (!bom)
        {
            if (HtmlLayout.DeclaredEncoding(bytes, out var unsupported) is { } declared)
            {
                encoding = declared;
            }
            else if (unsupported is not null)
            {
                charsetNote = $"declares charset \"{unsupported}\", which is not read here: read as any input is (--encoding)";
            }
        }

        var text = TextDecoding.TryDecode(bytes, encoding, out var problem, out var line, out var warning);
        if (text is null)
        {
            return InputItem.Failed(new InputError(path, line == 0 ? null : line, problem!));
        }

        if (charsetNote is not null)
        {
            warning = warning is null ? charsetNote : charsetNote + "; " + warning;
        }

        var page = HtmlLayout.TryRead(text, comments, out var notRead);
        if (page is null)
        {
            return InputItem.Failed(new InputError(path, null, notRead!));
        }

        if (page.Paragraphs.Count == 0)
        {
            return InputItem.Failed(new InputError(path, null, string.IsNullOrWhiteSpace(text)
                ? "no text (only white space), skipped" : "no prose (only scripts, styles, navigation or markup), skipped"));
        }

        return FromParagraphs(path, id, page.Text, page.Paragraphs, warning);
    }

    /// <summary>Reads one Word document (<c>.docx</c>): its body's text, sections from its styles (<see cref="WordLayout"/>).</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="path">The path as the user gave it, for messages and <see cref="Document.Source"/>.</param>
    /// <param name="id">The document id.</param>
    /// <param name="comments">How reader comments are found in the layout (<see cref="CommentDetection"/>).</param>
    public static InputItem ReadWord(byte[] bytes, string path, string id, CommentDetection comments = CommentDetection.Auto)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return InputItem.Failed(new InputError(path, null, "empty file, skipped"));
        }

        if (WordLayout.TryRead(bytes, comments, out var problem) is not var (text, paragraphs))
        {
            return InputItem.Failed(new InputError(path, null, problem!));
        }

        return paragraphs.Count == 0
            ? InputItem.Failed(new InputError(path, null, "no text in the document's body, skipped"))
            : FromParagraphs(path, id, text, paragraphs, null);
    }

    // The document of a whole file, its comments numbered as its paragraphs number them.
    private static InputItem FromParagraphs(string path, string id, string text, List<Paragraph> paragraphs, string? warning)
    {
        var commentCount = 0;
        foreach (var p in paragraphs)
        {
            if (p.Comment is int c)
            {
                commentCount = c + 1;
            }
        }

        var commentInfos = ImmutableArray.CreateBuilder<CommentInfo>(commentCount);
        for (var i = 0; i < commentCount; i++)
        {
            commentInfos.Add(new CommentInfo(i, null, null));
        }

        return InputItem.Of(
            new Document
            {
                Id = id,
                Source = path,
                Text = text,
                Paragraphs = [.. paragraphs],
                Comments = commentInfos.MoveToImmutable(),
            },
            warning is null ? null : new InputError(path, null, warning));
    }

    /// <summary>Reads JSON Lines: one record per line; blank lines are ignored.</summary>
    /// <param name="stream">The input, read once, front to back.</param>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="defaultId">The id prefix for records without an <c>id</c> (a <c>#line</c> is added).</param>
    /// <param name="encoding">How records that are not UTF-8 are read (<see cref="TextDecoding"/>); the first such record carries the file's one warning.</param>
    public static IEnumerable<InputItem> ReadJsonLines(Stream stream, string path, string defaultId, TextEncodingChoice encoding = TextEncodingChoice.Auto)
        => ReadJsonLines(stream, path, defaultId, encoding, firstLine: 1, wholeFile: true);

    /// <summary>
    /// Reads JSON Lines from <paramref name="stream"/>, whose first line is line <paramref name="firstLine"/> of
    /// <paramref name="path"/>: a part of a large file read by one shard (<paramref name="wholeFile"/> false: a
    /// part without records is not an empty file).
    /// </summary>
    public static IEnumerable<InputItem> ReadJsonLines(Stream stream, string path, string defaultId, TextEncodingChoice encoding, long firstLine, bool wholeFile)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var any = !wholeFile;
        var warned = false;

        // The start of the bytes decides whether they are binary at all (TextDecoding.BinaryReason), read ahead and put
        // back: random bytes whose first "record" holds no NUL got one line per "record" until session 35 (5 KB gave 9).
        var head = new byte[TextDecoding.BinaryProbeLength];
        head = head[..stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        var binary = TextDecoding.BinaryReason(head.AsSpan(head.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0));

        // Both binary checks look at the first record's start in the bytes read ahead, before any line is read whole:
        // zeros or random bytes may hold no line end for gigabytes (300 MB of zeros took 930 MB before session 36).
        // A part of a file (a shard's) is judged by its own start too: each shard then gives one line, not one a "record".
        var nulAtStart = FirstRecordStart(head, firstLine, out var startLine).IndexOf((byte)0) >= 0;
        if (wholeFile && nulAtStart)
        {
            yield return InputItem.Failed(new InputError(path, startLine, NulInFirstRecord));
            yield break;
        }

        if (binary is not null)
        {
            yield return InputItem.Failed(new InputError(path, startLine, $"binary data ({binary}), not JSON Lines: file skipped"));
            yield break;
        }

        foreach (var (lineNumber, line, tooLong) in Utf8Lines.Read(new PrefixedStream(head, stream), firstLine, MaxDocumentBytes))
        {
            if (tooLong)
            {
                any = true;
                yield return InputItem.Failed(new InputError(path, lineNumber, RecordTooLarge));
                continue;
            }

            var span = line.Span;

            // A BOM starts the file, or a later line when files were concatenated.
            if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                span = span[3..];
            }

            if (span.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']).IsEmpty)
            {
                continue;
            }

            // A file whose first record holds raw NUL bytes is not JSON Lines but binary data (a .jsonl that is an
            // image, an archive, random bytes): one line for the file, as a binary .txt gets, instead of one per
            // "record" (about 25 lines for 5 KB of random bytes until session 34). Only the first record decides,
            // so a damaged record further into a real file still costs that record alone.
            if (!any && wholeFile && span.IndexOf((byte)0) >= 0)
            {
                yield return InputItem.Failed(new InputError(path, lineNumber, NulInFirstRecord));
                yield break;
            }

            any = true;
            var item = ReadRecord(span, path, lineNumber, defaultId, encoding, out var warning);
            if (warning is not null && !warned)
            {
                warned = true;
                item = item.WithWarning(new InputError(path, lineNumber, warning));
            }

            yield return item;
        }

        if (!any)
        {
            yield return InputItem.Failed(new InputError(path, null, "empty file (no JSON records), skipped"));
        }
    }

    private static readonly string RecordTooLarge =
        $"a record (line) of more than {MaxDocumentBytes >> 20} MB, the most one document may hold (it is held whole while it is processed); split it, record skipped";

    private const string NulInFirstRecord = "binary data (NUL bytes in the first record), not JSON Lines: file skipped";

    /// <summary>The part of the first line that is not blank (a BOM and white space aside) within <paramref name="head"/>, and its number; empty when there is none.</summary>
    private static ReadOnlySpan<byte> FirstRecordStart(ReadOnlySpan<byte> head, long firstLine, out long number)
    {
        number = firstLine;
        while (!head.IsEmpty)
        {
            var end = head.IndexOf((byte)'\n');
            var line = end < 0 ? head : head[..end];
            if (line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                line = line[3..];
            }

            if (!line.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']).IsEmpty || end < 0)
            {
                return line;
            }

            head = head[(end + 1)..];
            number++;
        }

        return default;
    }

    private static InputItem ReadRecord(ReadOnlySpan<byte> json, string path, long lineNumber, string defaultId, TextEncodingChoice encoding, out string? warning)
    {
        warning = null;
        if (json.IndexOf((byte)0) >= 0)
        {
            return InputItem.Failed(new InputError(path, lineNumber, "binary data (NUL bytes), record skipped"));
        }

        byte[] utf8;
        if (encoding == TextEncodingChoice.Windows1252)
        {
            utf8 = Encoding.UTF8.GetBytes(TextDecoding.Windows1252(json));
        }
        else if (TextDecoding.FirstInvalidUtf8(json) is var bad and >= 0)
        {
            // The same rule as whole files: bytes that are only Windows-1252 are read as such (one warning per file).
            if (TextDecoding.TryDecode(json, encoding, out _, out _, out var fallback) is not { } text)
            {
                return InputItem.Failed(new InputError(path, lineNumber, $"not valid UTF-8 (bad byte 0x{json[bad]:X2}), record skipped"));
            }

            warning = fallback is null ? null : $"not valid UTF-8 (byte 0x{json[bad]:X2}), read as Windows-1252";
            utf8 = Encoding.UTF8.GetBytes(text);
        }
        else
        {
            utf8 = json.ToArray();
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            if (ex.Message.Contains("maximum configured depth", StringComparison.Ordinal))
            {
                return InputItem.Failed(new InputError(path, lineNumber, $"nested deeper than {MaxJsonDepth} levels, record skipped"));
            }

            var where = ex.BytePositionInLine is long col ? $" at column {col + 1}" : string.Empty;

            // Records ended by CR alone (classic Mac OS line ends) make the whole file one "line": the only line for it
            // said where the second record began, not why (until session 36). A CR is white space to JSON, so the
            // records are not split there; the line says how to save the file instead.
            var crOnly = utf8.AsSpan(0, Math.Max(0, utf8.Length - 1)).IndexOf((byte)'\r') >= 0 && utf8.AsSpan().IndexOf("}\r{"u8) >= 0
                ? " (its records are ended by CR alone: save the file with LF or CRLF line ends)" : string.Empty;
            return InputItem.Failed(new InputError(path, lineNumber, $"not valid JSON{where}{crOnly}, record skipped"));
        }

        using (parsed)
        {
            try
            {
                // A "\u0000" escape is a NUL as a raw NUL byte is: it reached sentences.csv, which training then refused
                // as a binary file, until session 33. Looked for only when the escape is in the line.
                if (utf8.AsSpan().IndexOf("\\u0000"u8) >= 0 && HoldsNul(parsed.RootElement))
                {
                    return InputItem.Failed(new InputError(path, lineNumber, "a string holds a NUL character (\\u0000, binary data), record skipped"));
                }

                return ReadObject(parsed.RootElement, path, lineNumber, defaultId);
            }
            catch (InvalidOperationException)
            {
                // System.Text.Json refuses escapes such as "\ud800" that are not valid UTF-16.
                return InputItem.Failed(new InputError(path, lineNumber, "a string holds an unpaired surrogate escape (not valid Unicode), record skipped"));
            }
        }
    }

    private static InputItem ReadObject(JsonElement root, string path, long lineNumber, string defaultId)
    {
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                return InputItem.Failed(new InputError(path, lineNumber, "a record must be a JSON object, record skipped"));
            }

            // "body" is the contract; "text" is what most datasets call it, so a record without a body reads its text.
            var bodyField = "body";
            if (!root.TryGetProperty("body", out var bodyElement) && root.TryGetProperty("text", out bodyElement))
            {
                bodyField = "text";
            }

            if (bodyElement.ValueKind != JsonValueKind.String)
            {
                return InputItem.Failed(new InputError(path, lineNumber, "record has no \"body\" (or \"text\") string, skipped"));
            }

            var id = defaultId + "#" + lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (root.TryGetProperty("id", out var idElement))
            {
                switch (idElement.ValueKind)
                {
                    case JsonValueKind.String when idElement.GetString() is { Length: > 0 } given:
                        id = given;
                        break;
                    case JsonValueKind.Number:
                        id = idElement.GetRawText();
                        break;
                    case JsonValueKind.Null or JsonValueKind.String: // an empty id is no id (an empty doc_id joins nothing)
                        break;
                    default:
                        return InputItem.Failed(new InputError(path, lineNumber, "\"id\" must be a string or a number, record skipped"));
                }
            }

            string? title = null;
            if (root.TryGetProperty("title", out var titleElement))
            {
                if (titleElement.ValueKind == JsonValueKind.String)
                {
                    title = titleElement.GetString();
                }
                else if (titleElement.ValueKind != JsonValueKind.Null)
                {
                    return InputItem.Failed(new InputError(path, lineNumber, "\"title\" must be a string, record skipped"));
                }
            }

            var comments = new List<(string Text, string? Id, string? Author)>();
            if (root.TryGetProperty("comments", out var commentsElement) && commentsElement.ValueKind != JsonValueKind.Null)
            {
                if (commentsElement.ValueKind != JsonValueKind.Array)
                {
                    return InputItem.Failed(new InputError(path, lineNumber, "\"comments\" must be an array, record skipped"));
                }

                var k = 0;
                foreach (var c in commentsElement.EnumerateArray())
                {
                    if (c.ValueKind == JsonValueKind.String)
                    {
                        comments.Add((c.GetString()!, null, null));
                    }
                    else if (c.ValueKind == JsonValueKind.Object && c.TryGetProperty("text", out var ct) && ct.ValueKind == JsonValueKind.String)
                    {
                        comments.Add((ct.GetString()!, ScalarText(c, "id"), ScalarText(c, "author")));
                    }
                    else
                    {
                        return InputItem.Failed(new InputError(path, lineNumber, $"comment {k} must be a string or an object with a \"text\" string, record skipped"));
                    }

                    k++;
                }
            }

            var metadata = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("id" or "title" or "comments") && property.Name != bodyField)
                {
                    // Metadata is written back out later: an invalid escape must fail here, naming the record.
                    EnsureValidStrings(property.Value);
                    metadata[property.Name] = property.Value.Clone();
                }
            }

            var document = Compose(id, $"{path}:{lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}", title, bodyElement.GetString()!, comments);
            if (document.Paragraphs.IsEmpty)
            {
                return InputItem.Failed(new InputError(path, lineNumber, "record has no text (title, body and comments are empty), skipped"));
            }

            return InputItem.Of(document with { Metadata = metadata.ToImmutable() });
        }
    }

    /// <summary>
    /// Builds one document text from a record's parts: the title on its own line, a blank line, the body,
    /// then, after three line ends, one comment per line. Offsets index this composed text.
    /// </summary>
    public static Document Compose(string id, string source, string? title, string body, IReadOnlyList<(string Text, string? Id, string? Author)> comments)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(comments);
        var sb = new StringBuilder(body.Length + (title?.Length ?? 0) + 64);
        var paragraphs = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(title))
        {
            // A title is one paragraph even if it spans lines; line ends inside it become spaces.
            var t = title.Trim().ReplaceLineEndings(" ");
            paragraphs.Add(new Paragraph(0, t.Length, Section.Title, null));
            sb.Append(t).Append("\n\n");
        }

        var bodyStart = sb.Length;
        sb.Append(body);
        var commentRanges = new List<(int Start, int End)>(comments.Count);
        if (comments.Count > 0)
        {
            sb.Append("\n\n\n");
            for (var i = 0; i < comments.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append('\n');
                }

                var s = sb.Length;
                sb.Append(comments[i].Text);
                commentRanges.Add((s, sb.Length));
            }
        }

        var text = sb.ToString();
        PlainTextLayout.ParseBody(text, bodyStart, bodyStart + body.Length, paragraphs);
        var infos = ImmutableArray.CreateBuilder<CommentInfo>(comments.Count);
        for (var i = 0; i < comments.Count; i++)
        {
            PlainTextLayout.ParseComment(text, commentRanges[i].Start, commentRanges[i].End, i, paragraphs);
            infos.Add(new CommentInfo(i, comments[i].Id, comments[i].Author));
        }

        return new Document
        {
            Id = id,
            Source = source,
            Text = text,
            Paragraphs = [.. paragraphs],
            Comments = infos.MoveToImmutable(),
        };
    }

    /// <summary>Decodes every string and property name under <paramref name="element"/>; an unpaired surrogate escape throws <see cref="InvalidOperationException"/>.</summary>
    private static void EnsureValidStrings(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    EnsureValidStrings(item);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    EnsureValidStrings(property.Value);
                }

                break;
        }
    }

    /// <summary>Whether a string or property name under <paramref name="element"/> holds U+0000; an unpaired surrogate escape throws <see cref="InvalidOperationException"/>.</summary>
    private static bool HoldsNul(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.Contains('\0', StringComparison.Ordinal),
        JsonValueKind.Array => element.EnumerateArray().Any(HoldsNul),
        JsonValueKind.Object => element.EnumerateObject().Any(p => p.Name.Contains('\0', StringComparison.Ordinal) || HoldsNul(p.Value)),
        _ => false,
    };

    private static string? ScalarText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;
}
