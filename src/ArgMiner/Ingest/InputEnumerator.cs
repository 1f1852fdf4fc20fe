namespace ArgMiner.Ingest;

/// <summary>
/// Expands the command line's inputs (files, folders searched recursively for <c>.txt</c>, <c>.md</c>, <c>.html</c>,
/// <c>.docx</c>, <c>.pdf</c> and <c>.jsonl</c> by <see cref="FolderSearch"/>, and <c>-</c> for standard input) and reads them one at a time, in a stable order:
/// inputs as given, files in a folder by ordinal path. Nothing is read before it is needed.
/// </summary>
public sealed class InputEnumerator
{
    private readonly IReadOnlyList<string> _inputs;
    private readonly Func<Stream> _standardInput;
    private readonly TextEncodingChoice _encoding;
    private readonly Action<InputError> _warn;
    private readonly CommentDetection _comments;
    private readonly Func<string, bool>? _knownWord;

    /// <summary>Creates an enumerator over <paramref name="inputs"/>.</summary>
    /// <param name="inputs">Paths as the user gave them.</param>
    /// <param name="standardInput">Opens standard input for <c>-</c>.</param>
    /// <param name="encoding">How bytes that are not UTF-8 are read (<see cref="TextDecoding"/>).</param>
    /// <param name="warn">Receives, in reading order, what the user should know about inputs that were still read.</param>
    /// <param name="comments">How plain text's reader comments are found (<see cref="CommentDetection"/>).</param>
    /// <param name="knownWord">Whether a lower-case word is an English word: PDFs' words broken at a line end are rejoined by it (<see cref="PdfInput"/>).</param>
    public InputEnumerator(IReadOnlyList<string> inputs, Func<Stream>? standardInput = null, TextEncodingChoice encoding = TextEncodingChoice.Auto, Action<InputError>? warn = null,
        CommentDetection comments = CommentDetection.Auto, Func<string, bool>? knownWord = null)
    {
        _comments = comments;
        _knownWord = knownWord;
        _inputs = inputs;
        _standardInput = standardInput ?? Console.OpenStandardInput;
        _encoding = encoding;
        _warn = warn ?? (_ => { });
    }

    /// <summary>The files the inputs name, with the id each would give its document, in reading order.</summary>
    public IEnumerable<InputFile> Files() => Entries(new List<InputError>());

    /// <summary>The files, adding notes on folder entries not read (hidden, looping links) to <paramref name="notes"/> as they come.</summary>
    private IEnumerable<InputFile> Entries(List<InputError> notes)
    {
        // A file named twice (`run in in/a.txt`, `run in in`) was read twice, every document of it twice in the outputs
        // under a renamed id, until session 33; now once, with a note. Compared with links resolved.
        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var read = new Dictionary<string, string>(StringComparer.FromComparison(comparison));
        var folders = new List<(string Real, string Shown)>();
        static string RealPathOf(string path)
        {
            try
            {
                return FolderSearch.RealPath(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                return Path.GetFullPath(path);
            }
        }

        bool ReadBefore(string path, string shown)
        {
            var real = RealPathOf(path);
            if (read.TryAdd(real, shown))
            {
                return false;
            }

            notes.Add(new InputError(shown, null, $"already read as {read[real]} (an input given twice, or inside a folder given too), read once"));
            return true;
        }

        foreach (var input in _inputs)
        {
            if (input == "-")
            {
                yield return new InputFile("-", "stdin", InputFormat.Detect, null);
            }
            else if (Directory.Exists(input))
            {
                // A folder given again, or one inside a folder given before: one note, not one a file.
                var realFolder = RealPathOf(input);
                if (folders.FirstOrDefault(f => string.Equals(realFolder, f.Real, comparison) || realFolder.StartsWith(Path.TrimEndingDirectorySeparator(f.Real) + Path.DirectorySeparatorChar, comparison)).Shown is { } earlier)
                {
                    notes.Add(new InputError(FolderSearch.Shown(input), null, $"already read with {earlier} (a folder given twice, or inside a folder given too), read once"));
                    continue;
                }

                // A folder given before that lies inside this one (`run in/sub in`) was read already: one note for it,
                // not one for each of its files (a warning a file until session 36, as many as the folder held).
                var inner = folders.Where(f => f.Real.StartsWith(Path.TrimEndingDirectorySeparator(realFolder) + Path.DirectorySeparatorChar, comparison)).ToList();
                var innerRead = new HashSet<string>(StringComparer.Ordinal);
                folders.Add((realFolder, FolderSearch.Shown(input)));
                // A folder that cannot be listed and a name that cannot be opened come in their place, each to be
                // skipped with its error (counted, exit 1) rather than noted as a warning.
                var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var relative in FolderSearch.InputFiles(input, input, notes, unreadable: unreadable))
                {
                    var shown = FolderSearch.Shown(Path.Join(input, relative));
                    if (inner.Count > 0 && RealPathOf(Path.Join(input, relative)) is var real && read.ContainsKey(real)
                        && inner.FirstOrDefault(f => real.StartsWith(Path.TrimEndingDirectorySeparator(f.Real) + Path.DirectorySeparatorChar, comparison)).Shown is { } innerFolder)
                    {
                        if (innerRead.Add(innerFolder))
                        {
                            notes.Add(new InputError(innerFolder, null, $"already read before {FolderSearch.Shown(input)} (a folder given before the folder it is in), read once"));
                        }

                        continue;
                    }

                    if (ReadBefore(Path.Join(input, relative), shown))
                    {
                        continue;
                    }

                    var format = FormatOf(relative);
                    if (unreadable.TryGetValue(relative, out var why))
                    {
                        yield return new InputFile(shown, WithoutExtension(relative), format, why);
                        continue;
                    }

                    yield return new InputFile(shown, WithoutExtension(relative), format, StoresNothing(Path.Join(input, relative), format));
                }
            }
            else if (File.Exists(input))
            {
                if (ReadBefore(input, FolderSearch.Shown(input)))
                {
                    continue;
                }

                yield return new InputFile(FolderSearch.Shown(input), WithoutExtension(Path.GetFileName(input)), FormatOf(input), null);
            }
            else
            {
                yield return new InputFile(input, string.Empty, InputFormat.Detect, "no such file or folder");
            }
        }
    }

    /// <summary>Reads every input, yielding documents and skipped inputs in order.</summary>
    /// <remarks>
    /// Document ids are unique in the batch: a document whose id an earlier one already has gets
    /// <c>~2</c> appended (or <c>~3</c>, …, the first that is free), with a warning naming it (<see cref="DocumentIds"/>).
    /// </remarks>
    public IEnumerable<InputItem> Read() => Read(uniqueIds: true, part: null);

    /// <summary>
    /// Reads the inputs, yielding documents and skipped inputs in order, each with the index of its file in
    /// <see cref="Files"/> (<see cref="InputItem.FileIndex"/>).
    /// </summary>
    /// <param name="uniqueIds">Make ids unique as <see cref="Read()"/> does; false keeps each document's own id (a later step makes them unique).</param>
    /// <param name="part">What to read of the file at each index (a shard's part): null to skip it, a range of
    /// a JSON Lines file, or <see cref="ByteRange.Whole"/>; null reads every file whole.</param>
    public IEnumerable<InputItem> Read(bool uniqueIds, Func<int, ByteRange?>? part)
    {
        var notes = new List<InputError>();
        var ids = new DocumentIds();
        var index = -1;
        foreach (var file in Entries(notes))
        {
            index++;
            foreach (var note in notes)
            {
                _warn(note);
            }

            notes.Clear();
            var range = part is null ? ByteRange.Whole : part(index);
            if (range is null)
            {
                continue;
            }

            if (file.Problem is not null)
            {
                yield return InputItem.Failed(new InputError(file.Path, null, file.Problem)).InFile(index);
                continue;
            }

            foreach (var read in range.Value.IsWhole || file.Format != InputFormat.JsonLines ? ReadFile(file) : ReadPart(file, range.Value))
            {
                var item = read.InFile(index);
                if (item.Warning is { } warning)
                {
                    _warn(warning);
                }

                if (uniqueIds && item.Document is { } document)
                {
                    var unique = ids.Unique(document.Id, out var renamed);
                    if (renamed)
                    {
                        _warn(DocumentIds.RenameWarning(document.Source, document.Id, unique));
                        item = InputItem.Of(document with { Id = unique }, item.Warning).InFile(index);
                    }
                }

                yield return item;
            }
        }

        foreach (var note in notes)
        {
            _warn(note);
        }
    }

    private IEnumerable<InputItem> ReadFile(InputFile file)
    {
        Stream stream;
        try
        {
            stream = file.Path == "-" ? _standardInput() : new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [InputItem.Failed(new InputError(file.Path, null, $"cannot be read ({ex.Message.TrimEnd('.')}), skipped"))];
        }

        return ReadStream(file, stream);
    }

    /// <summary>The records of a JSON Lines file whose lines start in <paramref name="range"/>, numbered as in the whole file.</summary>
    private IEnumerable<InputItem> ReadPart(InputFile file, ByteRange range)
    {
        FileStream stream;
        long start, end, line;
        try
        {
            stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            (start, line) = FileParts.LineStart(stream, range.Start, countLines: true);
            (end, _) = FileParts.LineStart(stream, range.End, countLines: false);
            stream.Position = start;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [InputItem.Failed(new InputError(file.Path, null, $"cannot be read ({ex.Message.TrimEnd('.')}), skipped"))];
        }

        return Records(new BoundedStream(stream, Math.Max(0, end - start)), line);

        IEnumerable<InputItem> Records(Stream part, long firstLine)
        {
            using (part)
            {
                foreach (var item in DocumentReaders.ReadJsonLines(part, file.Path, file.Id, _encoding, firstLine, wholeFile: false))
                {
                    yield return item;
                }
            }
        }
    }

    private IEnumerable<InputItem> ReadStream(InputFile file, Stream original)
    {
        using (original)
        {
            var stream = original;
            var format = file.Format;
            if (format == InputFormat.Detect)
            {
                // Standard input: its first bytes decide the format, and JSON Lines is then read as it arrives, so a
                // batch piped in (`zcat big.jsonl.gz | argminer run -`) is never held whole, as it was before session
                // 30. UTF-16, rare there, is still read whole and converted (below).
                var head = ReadHead(original);
                if (head.Length >= 2 && TextDecoding.Utf16Encoding(head) is not null)
                {
                    var buffer = new MemoryStream();
                    buffer.Write(head);
                    original.CopyTo(buffer);
                    buffer.Position = 0;
                    stream = buffer;
                }
                else
                {
                    format = PdfInput.LooksLikePdf(head) ? InputFormat.Pdf : LooksLikeJson(head) ? InputFormat.JsonLines : LooksLikeHtml(head) ? InputFormat.Html : InputFormat.PlainText;
                    stream = new PrefixedStream(head, original);
                }
            }

            if (format is InputFormat.JsonLines or InputFormat.Detect && StartsWithUtf16Bom(stream))
            {
                // JSON Lines is read as UTF-8 bytes line by line: a UTF-16 file is converted once, up front.
                // A NUL character is left in, for the records to be judged one by one as UTF-8 records are.
                var bytes = ReadAll(stream, MaxWideJsonLines, "a UTF-16 or UTF-32 JSON Lines file is converted whole", out var readError);
                string? wideError = null;
                var text = bytes is null ? null : TextDecoding.TryDecodeWide(bytes, out wideError);
                if (text is null)
                {
                    yield return InputItem.Failed(new InputError(file.Path, null, readError ?? wideError!));
                    yield break;
                }

                // Visible, for the format detection below to look at standard input's first bytes.
                var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
                stream = new MemoryStream(utf8, 0, utf8.Length, writable: false, publiclyVisible: true);
            }

            if (format == InputFormat.Detect)
            {
                var buffer = (MemoryStream)stream;
                var converted = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                format = LooksLikeJson(converted) ? InputFormat.JsonLines : LooksLikeHtml(converted) ? InputFormat.Html : InputFormat.PlainText;
            }

            if (format == InputFormat.JsonLines)
            {
                foreach (var item in DocumentReaders.ReadJsonLines(stream, file.Path, file.Id, _encoding))
                {
                    yield return item;
                }
            }
            else if (format == InputFormat.Pdf)
            {
                var bytes = ReadAll(stream, DocumentReaders.MaxDocumentBytes, null, out var error);
                yield return bytes is null ? InputItem.Failed(new InputError(file.Path, null, error!)) : PdfInput.Read(bytes, file.Path, file.Id, _knownWord);
            }
            else
            {
                var bytes = ReadAll(stream, DocumentReaders.MaxDocumentBytes, null, out var error);
                yield return bytes is null ? InputItem.Failed(new InputError(file.Path, null, error!))
                    : format == InputFormat.Html ? DocumentReaders.ReadHtml(bytes, file.Path, file.Id, _encoding, _comments)
                    : format == InputFormat.Word ? DocumentReaders.ReadWord(bytes, file.Path, file.Id, _comments)
                    : DocumentReaders.ReadPlainText(bytes, file.Path, file.Id, _encoding, _comments, markdown: format == InputFormat.Markdown);
            }
        }
    }

    private static bool StartsWithUtf16Bom(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return false;
        }

        // Four bytes: UTF-32's big-endian BOM (00 00 FE FF) is converted up front too (session 36).
        Span<byte> head = stackalloc byte[4];
        var start = stream.Position;
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = start;
        return read >= 2 && TextDecoding.Utf16Encoding(head[..read]) is not null;
    }

    /// <summary>
    /// The most a plain-text document of unknown size (standard input, a pipe, a device) may hold: it is read whole,
    /// and an endless one (`run /dev/zero`, a stream that never ends) used to run the process out of memory.
    /// </summary>
    internal const long MaxUnsizedPlainText = DocumentReaders.MaxDocumentBytes;

    /// <summary>
    /// The largest UTF-16 or UTF-32 JSON Lines file: it is converted to UTF-8 whole, and past about 2 GB its text is more
    /// than a .NET string holds ("Out of memory.", the batch lost, until session 36).
    /// </summary>
    internal const long MaxWideJsonLines = 1L << 30;

    /// <summary>The first bytes of <paramref name="stream"/>: up to its first one that is not white space (after a UTF-8 BOM), or to its end.</summary>
    private static byte[] ReadHead(Stream stream)
    {
        var head = new MemoryStream();
        var chunk = new byte[4096];
        var scanned = 0; // bytes of head already known to be white space (or the BOM), so each byte is looked at once
        while (head.Length < MaxUnsizedPlainText)
        {
            var read = stream.Read(chunk, 0, chunk.Length);
            if (read == 0)
            {
                break;
            }

            head.Write(chunk, 0, read);
            var bytes = head.GetBuffer().AsSpan(0, (int)head.Length);
            if (((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]).StartsWith(bytes) || (bytes.Length == 1 && bytes[0] is 0xFF or 0xFE))
            {
                continue; // only the start of a byte order mark so far
            }

            if (bytes.Length >= 2 && TextDecoding.Utf16Encoding(bytes) is not null)
            {
                break;
            }

            scanned = Math.Max(scanned, bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0);
            if (bytes[scanned..].IndexOfAnyExcept((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']) >= 0)
            {
                break;
            }

            scanned = bytes.Length;
        }

        return head.ToArray();
    }

    /// <summary>
    /// The bytes of <paramref name="stream"/>, at most <paramref name="limit"/> of them; else null and the one-line problem
    /// ("…, skipped"). <paramref name="whole"/> says why a file is read whole, when it is not one document.
    /// </summary>
    private static byte[]? ReadAll(Stream stream, long limit, string? whole, out string? error)
    {
        error = null;
        try
        {
            if (stream is MemoryStream ms)
            {
                return ms.ToArray();
            }

            // A file over the limit is not read at all: a plain-text file of 1.2 GB ended the batch with "Out of memory."
            // (SIGABRT) until session 36, and one of 2 GB or more was called "a stream of unknown size".
            var file = stream is FileStream { CanSeek: true } seekable ? seekable : null;
            var size = file is null ? -1 : file.Length - file.Position;
            if (size > limit)
            {
                error = whole is null
                    ? DocumentReaders.TooLarge(Megabytes(size), "skipped")
                    : $"{Megabytes(size)}: {whole}, so it may hold at most {limit >> 20} MB; save it as UTF-8, skipped";
                return null;
            }

            // A file is read straight into an array of its size: copying it through a MemoryStream and out again
            // cost two copies of every byte on the main thread, which reads and writes while the stages run (issue 12).
            if (file is not null && size > 0)
            {
                var bytes = new byte[size];
                var read = file.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
                if (read < bytes.Length)
                {
                    // The file shrank since its length was taken: what it holds now is what is read.
                    return bytes[..read];
                }

                if (file.ReadByte() is not -1 and var next)
                {
                    // The file grew meanwhile: read on to its end, as a copy would (up to the limit, below).
                    var rest = new MemoryStream();
                    rest.Write(bytes);
                    rest.WriteByte((byte)next);
                    stream = new PrefixedStream(rest.ToArray(), file);
                }
                else
                {
                    return bytes;
                }
            }

            using var copy = new MemoryStream();
            var chunk = new byte[1 << 16];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (copy.Length + n > limit)
                {
                    error = whole is not null ? $"more than {limit >> 20} MB: {whole}; save it as UTF-8, skipped"
                        : file is not null ? DocumentReaders.TooLarge("it grew while it was read", "skipped")
                        : $"cannot be read (more than {limit >> 20} MB of plain text in one document from a stream of unknown size; give JSON Lines (one record a line) or split it), skipped";
                    return null;
                }

                copy.Write(chunk, 0, n);
            }

            return copy.ToArray();
        }
        catch (IOException ex)
        {
            error = $"cannot be read ({ex.Message.TrimEnd('.')}), skipped";
            return null;
        }
    }

    private static string Megabytes(long bytes) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");

    /// <summary>Whether standard input is a web page: it starts (after a BOM and white space) with <c>&lt;!DOCTYPE html</c> or <c>&lt;html</c>.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        bytes = bytes.TrimStart((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r', (byte)'\n']);
        var head = System.Text.Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 14)]);
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith("<html", StringComparison.OrdinalIgnoreCase) && (head.Length == 5 || head[5] is '>' or ' ' or '\t' or '\r' or '\n'));
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        foreach (var b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }

    /// <summary>Why a file found in a folder is not opened (<see cref="FolderSearch.StoresNothing"/>), with the message reading it would give; null otherwise.</summary>
    private static string? StoresNothing(string path, InputFormat format) =>
        !FolderSearch.StoresNothing(path) ? null
        : format == InputFormat.JsonLines ? "empty file (no JSON records), skipped" : "empty file, skipped";

    private static InputFormat FormatOf(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) ? InputFormat.JsonLines
        : FolderSearch.IsMarkdown(path) ? InputFormat.Markdown
        : FolderSearch.IsHtml(path) ? InputFormat.Html
        : FolderSearch.IsWordDocument(path) ? InputFormat.Word
        : FolderSearch.IsPdf(path) ? InputFormat.Pdf
        : InputFormat.PlainText;

    private static string WithoutExtension(string relative)
    {
        var dot = relative.LastIndexOf('.');
        var slash = relative.LastIndexOf('/');
        return dot > slash + 1 ? relative[..dot] : relative;
    }
}

/// <summary>How an input file is read.</summary>
public enum InputFormat
{
    /// <summary>Decide from the content (standard input): JSON Lines when it starts with <c>{</c>, a web page when it starts with <c>&lt;!DOCTYPE html</c> or <c>&lt;html</c>, else plain text.</summary>
    Detect,

    /// <summary>Plain text in the seeds' layout.</summary>
    PlainText,

    /// <summary>One JSON record per line.</summary>
    JsonLines,

    /// <summary>Markdown (<c>.md</c>, <c>.markdown</c>): one document, its layout as the markup declares it (<see cref="MarkdownLayout"/>).</summary>
    Markdown,

    /// <summary>A saved web page (<c>.html</c>, <c>.htm</c>): one document, its text extracted from the markup (<see cref="HtmlLayout"/>).</summary>
    Html,

    /// <summary>A Word document (<c>.docx</c>): its body's text, sections from its styles (<see cref="WordLayout"/>).</summary>
    Word,

    /// <summary>PDF (<c>.pdf</c>): one document, its text extracted (<see cref="PdfInput"/>).</summary>
    Pdf,
}

/// <summary>One input file as it will be read.</summary>
/// <param name="Path">As shown to the user.</param>
/// <param name="Id">The document id for a plain-text file (the prefix for JSON Lines records without one).</param>
/// <param name="Format">How to read it.</param>
/// <param name="Problem">Why it cannot be read at all, or null.</param>
public sealed record InputFile(string Path, string Id, InputFormat Format, string? Problem);
