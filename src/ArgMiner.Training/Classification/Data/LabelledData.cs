using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ArgMiner.Classification.Evaluation;
using ArgMiner.Text;
using CsvHelper;

namespace ArgMiner.Classification;

/// <summary>Column names and label mapping for <see cref="LabelledData.Read"/>.</summary>
public sealed record LabelledDataOptions
{
    /// <summary>The sentence column.</summary>
    public string TextColumn { get; init; } = "text";

    /// <summary>The gold label column.</summary>
    public string LabelColumn { get; init; } = "label";

    /// <summary>The document id column (optional in the file; <c>doc_id</c> is used when this one is absent).</summary>
    public string DocColumn { get; init; } = "doc";

    /// <summary>The section column (optional in the file).</summary>
    public string SectionColumn { get; init; } = "section";

    /// <summary>
    /// Used when there is no section column: a row whose register (ArgMiner's corpus: oped, news, comment) is
    /// <c>comment</c> comes from a reader comment, which is the section <c>run</c> gives such sentences.
    /// </summary>
    public string RegisterColumn { get; init; } = "register";

    /// <summary>Foreign labels and the ArgMiner labels they stand for.</summary>
    public LabelMap Map { get; init; } = LabelMap.Empty;

    /// <summary>Receives one line per file read with a fallback (e.g. as Windows-1252, <see cref="Ingest.TextDecoding"/>), naming the file.</summary>
    public Action<string>? OnWarning { get; init; }

    /// <summary>Read text only: the labels come from a <see cref="LabelOverlay"/>, so the file's own label column is neither needed nor checked.</summary>
    internal bool LabelsFromOverlay { get; init; }
}

/// <summary>A labelled data file that cannot be used: one line naming the file and row.</summary>
public sealed class LabelledDataException : Exception
{
    /// <summary>Creates the error for <paramref name="origin"/> (<c>file:row</c>).</summary>
    public LabelledDataException(string origin, string problem)
        : base($"{origin}: {problem}")
    {
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public LabelledDataException()
    {
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public LabelledDataException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Reads labelled sentences from CSV, TSV and JSON Lines files or folders of them (recursively), including
/// ArgMiner's own <c>sentences.csv</c> output with corrected labels, and the known external corpora
/// (an IBM Debater claims/evidence folder, a NewsSD-ENG CSV) with their standard label mappings.
/// </summary>
public static class LabelledData
{
    /// <summary>The column of ArgMiner's own sentences that numbers a sentence in its document.</summary>
    internal const string SentenceIdColumn = "sentence_id";

    private static readonly string[] Extensions = [".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".xlsx"];

    /// <summary>
    /// Spreadsheet formats a person may save a corrected workbook in that are not read: Calc's own (.ods, .fods),
    /// Excel's older and binary ones, Apple Numbers. Read as CSV they gave "binary file (contains NUL bytes)", and a
    /// folder left them out without a word, so the corrections in them were lost unnoticed.
    /// </summary>
    private static readonly string[] UnreadSpreadsheets = [".ods", ".fods", ".xls", ".xlsb", ".numbers"];

    /// <summary>What to do with a spreadsheet of <see cref="UnreadSpreadsheets"/>.</summary>
    private static string NotRead(string extension) => $"a {extension} spreadsheet is not read; save it as Excel 2007-365 (.xlsx) or as Text CSV";

    /// <summary>
    /// Reads every path. A folder is read recursively (files in ordinal order). An IBM Debater CE-EMNLP-2015
    /// folder reads as claims and evidence; append <c>#train</c> or <c>#held-out</c> to keep only those motions.
    /// Append <c>#labels=FILE</c> to a file to take its labels from a <see cref="LabelOverlay"/> instead of its own column.
    /// Append <c>@W</c> to any path to give its sentences weight W in training (e.g. <c>train.csv@0.5</c>).
    /// Corrections win: when a later path holds a sentence of an earlier one with another label, the earlier
    /// rows of that sentence are left out (<see cref="LabelledDataSet.Overridden"/> counts them).
    /// </summary>
    /// <exception cref="LabelledDataException">A file is missing, malformed or has an unknown label, a missing column or an empty text.</exception>
    public static LabelledDataSet Read(IEnumerable<string> paths, LabelledDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var rows = new List<LabelledSentence>();
        var pathOf = new List<int>();
        var pathIndex = -1;
        var given = new Dictionary<(string Path, string? Split), string>();
        foreach (var spec in paths)
        {
            pathIndex++;
            var path = spec;
            var weight = 1.0;
            var at = spec.LastIndexOf('@');
            if (at > 0 && !File.Exists(spec) && !Directory.Exists(spec)
                && double.TryParse(spec.AsSpan(at + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
            {
                if (!(w > 0) || double.IsInfinity(w))
                {
                    throw new LabelledDataException(spec, "a '@weight' suffix must be a positive number");
                }

                path = spec[..at];
                weight = w;
            }

            string? split = null;
            var hash = path.LastIndexOf('#');
            if (hash > 0 && !File.Exists(path) && !Directory.Exists(path))
            {
                split = path[(hash + 1)..];
                path = path[..hash];
            }

            // The same file or folder twice (a weight aside) was read twice: every sentence counted double, without a word.
            // The same source with another suffix is another set of rows (IBM's #train and #held-out, a second overlay).
            if (!given.TryAdd((Path.GetFullPath(path), split), spec) && given[(Path.GetFullPath(path), split)] is var first)
            {
                throw new LabelledDataException(spec, $"given twice{(first == spec ? string.Empty : $" (as {first} too)")}; give a data path once, with '@W' to weigh it more");
            }

            var before = rows.Count;
            if (split is not null && split.StartsWith(LabelOverlay.Suffix, StringComparison.Ordinal))
            {
                // An IBM Debater articles folder is one source: its articles' sentences, numbered as the overlay's rows.
                var ibmArticles = Directory.Exists(path) && Evaluation.IbmArticles.IsArticleFolder(path);
                if (split.Length == LabelOverlay.Suffix.Length)
                {
                    throw new LabelledDataException(spec, "'#labels=' names no label file; give '#labels=FILE'");
                }

                if (!ibmArticles && !File.Exists(path))
                {
                    throw new LabelledDataException(spec, Directory.Exists(path) ? "a '#labels=FILE' suffix needs a data file (or an IBM Debater articles folder), not a folder" : $"{path}: no such file");
                }

                var text = ibmArticles ? AddPositions(Evaluation.IbmArticles.Read(path)) : ReadFile(path, options with { LabelsFromOverlay = true });
                rows.AddRange(LabelOverlay.Apply(text, split[LabelOverlay.Suffix.Length..]));
            }
            else if (Directory.Exists(path) && IbmDebater.IsCorpus(path))
            {
                rows.AddRange(IbmDebater.Read(path, IbmDebater.ParseSplit(split, spec)));
            }
            else if (split is not null)
            {
                throw new LabelledDataException(spec, "a '#split' suffix is only understood on an IBM Debater corpus folder ('#labels=FILE' on a data file)");
            }
            else if (Directory.Exists(path) && File.Exists(Path.Combine(path, Output.OutputSet.ManifestName)))
            {
                // Read as a data folder it stopped at documents.csv ("missing column 'text'"), and its sentences.csv
                // and argminer.xlsx would each have given every sentence.
                throw new LabelledDataException(path, "a run's output folder; give its sentences.csv or argminer.xlsx (one of them: they hold the same sentences)");
            }
            else if (Directory.Exists(path))
            {
                // The folder rule every reader follows: hidden entries and link loops are named and skipped.
                var notes = new List<Ingest.InputError>();
                var files = Ingest.FolderSearch.InputFiles(path, path, notes, f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) || UnreadSpreadsheets.Contains(Path.GetExtension(f).ToLowerInvariant()))
                    .Select(f => Path.Combine(path, f))
                    .ToList();
                notes.ForEach(n => options.OnWarning?.Invoke(n.ToString()));
                foreach (var file in files.Where(f => UnreadSpreadsheets.Contains(Path.GetExtension(f).ToLowerInvariant())))
                {
                    options.OnWarning?.Invoke($"{file}: {NotRead(Path.GetExtension(file))}");
                }

                files.RemoveAll(f => UnreadSpreadsheets.Contains(Path.GetExtension(f).ToLowerInvariant()));
                if (files.Count == 0)
                {
                    throw new LabelledDataException(path, "folder holds no .csv, .tsv, .jsonl or .xlsx file");
                }

                foreach (var file in files)
                {
                    // Nothing stored, or a named pipe or device (FolderSearch.StoresNothing): not opened.
                    if (Ingest.FolderSearch.StoresNothing(file))
                    {
                        options.OnWarning?.Invoke($"{file}: empty file, skipped");
                        continue;
                    }

                    rows.AddRange(ReadFile(file, options));
                }
            }
            else if (File.Exists(path))
            {
                rows.AddRange(ReadFile(path, options));
            }
            else
            {
                throw new LabelledDataException(path, "no such file or folder");
            }

            // Metrics are reported per --data argument: a folder is one source however many files it holds.
            for (var i = before; i < rows.Count; i++)
            {
                rows[i] = rows[i] with { Source = spec, Weight = rows[i].Weight * weight };
                pathOf.Add(pathIndex);
            }
        }

        return Corrections.Apply(rows, pathOf);
    }

    /// <summary>Reads one file, choosing the format by extension (.jsonl/.ndjson, .tsv/.tab, .xlsx, otherwise CSV).</summary>
    public static IReadOnlyList<LabelledSentence> ReadFile(string path, LabelledDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (UnreadSpreadsheets.Contains(ext))
        {
            throw new LabelledDataException(path, NotRead(Path.GetExtension(path)));
        }

        // A run's Parquet tables hold the same sentences as its sentences.csv, in a columnar form these readers do not
        // parse: read as CSV, sentences.parquet was "binary file (contains NUL bytes)" (found in session 36's QA pass).
        if (ext == ".parquet")
        {
            throw new LabelledDataException(path, "a Parquet table is not read as labelled data; give the same run's sentences.csv or argminer.xlsx");
        }

        try
        {
            if (Evaluation.UdSentences.IsConllu(path) && !options.LabelsFromOverlay)
            {
                throw new LabelledDataException(path, "a CoNLL-U file holds no sentence labels; give it ArgMiner's labels with '#labels=FILE' (corpus/external)");
            }

            if (Evaluation.ConllPosts.IsConll(path) && !options.LabelsFromOverlay)
            {
                throw new LabelledDataException(path, "a CoNLL token file holds no sentence labels; give it ArgMiner's labels with '#labels=FILE' (corpus/external)");
            }

            var rows = Evaluation.UdSentences.IsConllu(path) ? Evaluation.UdSentences.Read(path)
                : Evaluation.ConllPosts.IsConll(path) ? Evaluation.ConllPosts.Read(path)
                : ext switch
                {
                    ".jsonl" or ".ndjson" => ReadJsonLines(path, options),
                    ".xlsx" => LabelledWorkbook.Read(path, options),
                    _ => ReadDelimited(path, ext is ".tsv" or ".tab" ? '\t' : ',', options),
                };
            return AddPositions(rows);
        }
        catch (IOException ex)
        {
            throw new LabelledDataException(path, $"cannot be read ({ex.Message.TrimEnd('.')})");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new LabelledDataException(path, $"cannot be read ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>A row's document id, with the CSV formula guard undone when the cells may carry it (ArgMiner's own CSV guards ids), or null when empty.</summary>
    private static string? DocId(string? doc, bool guarded) => string.IsNullOrWhiteSpace(doc) ? null : guarded ? Output.CsvSafety.Restore(doc.Trim()) : doc.Trim();

    /// <summary>
    /// Builds a sentence from one row's cells, checking text and label. <paramref name="guarded"/>: the cells may carry
    /// the CSV formula guard (<see cref="Output.CsvSafety"/>), which is then undone; ArgMiner's own workbook holds text and
    /// ids as they are.
    /// </summary>
    internal static LabelledSentence MakeRow(string origin, string source, string? text, string? label, string? doc, string? section, LabelMap map, bool labelsFromOverlay = false, bool guarded = true)
    {
        text = text?.Trim() ?? string.Empty;
        text = guarded ? Output.CsvSafety.Restore(text) : text;
        if (text.Length == 0)
        {
            throw new LabelledDataException(origin, "empty text");
        }

        if (labelsFromOverlay)
        {
            return new LabelledSentence(text, string.Empty, [])
            {
                Doc = DocId(doc, guarded),
                Section = Text.SectionNames.FromName(section),
                Origin = origin,
                Source = source,
            };
        }

        if (string.IsNullOrWhiteSpace(label))
        {
            throw new LabelledDataException(origin, "empty label");
        }

        if (!map.TryResolve(label, out var canonical, out var targets))
        {
            var known = string.Join(", ", SentenceLabels.All.Concat(map.Keys));
            throw new LabelledDataException(origin, $"unknown label '{label.Trim()}' (expected {known}; use --map FOREIGN=label|label for other labels)");
        }

        return new LabelledSentence(text, canonical, targets)
        {
            Doc = DocId(doc, guarded),
            Section = Text.SectionNames.FromName(section),
            Origin = origin,
            Source = source,
        };
    }

    /// <summary>The file's text by the rule every ArgMiner reader follows (<see cref="Ingest.TextDecoding"/>): UTF-8, UTF-16 with a BOM, else Windows-1252 with a warning.</summary>
    private static string ReadText(string path, LabelledDataOptions options)
    {
        var text = Ingest.TextDecoding.TryDecode(File.ReadAllBytes(path), Ingest.TextEncodingChoice.Auto, out var problem, out var line, out var warning);
        if (text is null)
        {
            throw new LabelledDataException(line > 0 ? $"{path}:{line}" : path, Ingest.TextDecoding.Alone(problem!));
        }

        if (warning is not null)
        {
            options.OnWarning?.Invoke($"{path}: {warning}");
        }

        return text;
    }

    /// <summary>
    /// A ".csv" whose header names the text column only when split at semicolons is semicolon-separated (what
    /// Excel writes in locales with a decimal comma), and one that names it only when split at tabs is
    /// tab-separated (Calc's Text CSV with the field delimiter {Tab} keeps the .csv name; such a file was refused
    /// as "missing column 'text'", listing a header that held it).
    /// </summary>
    private static char DetectDelimiter(string text, char delimiter, LabelledDataOptions options)
    {
        if (delimiter != ',')
        {
            return delimiter;
        }

        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        bool Names(char separator) => header.Split(separator).Any(h => string.Equals(h.Trim().Trim('"'), options.TextColumn, StringComparison.OrdinalIgnoreCase));
        return Names(',') ? ',' : Names(';') ? ';' : Names('\t') ? '\t' : ',';
    }

    private static List<LabelledSentence> ReadDelimited(string path, char delimiter, LabelledDataOptions options)
    {
        var text = ReadText(path, options);
        // A .tsv is read without quoting, as the external corpora write it; a .csv that turns out tab-separated keeps its quotes.
        var csvOptions = StrictCsv(DetectDelimiter(text, delimiter, options), quoted: delimiter != '\t');
        using var csv = CsvReader.Create(new StringReader(text), csvOptions, false);
        var rows = new List<LabelledSentence>();
        var sentenceIds = new List<string?>();
        try
        {
            csv.ReadHeader();
            var header = csv.Headers?.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray() ?? [];
            if (header.Length == 0 || (header.Length == 1 && header[0].Length == 0))
            {
                throw new LabelledDataException(path + ":1", "empty file (no header row)");
            }

            var map = options.Map;
            var textColumn = options.TextColumn;
            var labelColumn = options.LabelColumn;
            if (Find(header, textColumn) < 0 && NewsSd.IsNewsSdHeader(header))
            {
                textColumn = NewsSd.TextColumn;
                labelColumn = NewsSd.LabelColumn;
                map = map.Merge(NewsSd.DefaultMap);
            }

            var textAt = Find(header, textColumn);
            var labelAt = Find(header, labelColumn);
            var docAt = Find(header, options.DocColumn);
            if (docAt < 0)
            {
                docAt = Find(header, "doc_id");
            }

            var sectionAt = Find(header, options.SectionColumn);
            var registerAt = sectionAt < 0 ? Find(header, options.RegisterColumn) : -1;
            var sentenceIdAt = Find(header, SentenceIdColumn);
            foreach (var (name, at) in new[] { (textColumn, textAt), (labelColumn, labelAt) })
            {
                if (at < 0 && !(options.LabelsFromOverlay && name == labelColumn))
                {
                    throw new LabelledDataException(path + ":1", $"missing column '{name}' (columns: {string.Join(", ", header)}; choose others with --text-column / --label-column)");
                }
            }

            while (csv.Read())
            {
                var origin = $"{path}:{csv.LineNumber}";
                rows.Add(MakeRow(
                    origin,
                    path,
                    csv.GetString(textAt),
                    labelAt >= 0 ? csv.GetString(labelAt) : null,
                    docAt >= 0 ? csv.GetString(docAt) : null,
                    sectionAt >= 0 ? csv.GetString(sectionAt) : registerAt >= 0 && csv.GetString(registerAt).Trim() == "comment" ? "comment" : null,
                    map,
                    options.LabelsFromOverlay));
                sentenceIds.Add(sentenceIdAt >= 0 ? csv.GetString(sentenceIdAt) : null);
            }
        }
        catch (CsvFormatException ex)
        {
            throw new LabelledDataException($"{path}:{ex.LineNumber}", $"malformed CSV ({Describe(ex.Message)})");
        }

        return options.LabelsFromOverlay ? rows : InReadingOrder(rows, sentenceIds);
    }

    /// <summary>
    /// The rows of one file of ArgMiner's own sentences (<c>doc_id</c> and <c>sentence_id</c> columns: a run's
    /// <c>sentences.csv</c> or workbook) in reading order: each document's rows together, where its first row was,
    /// ordered by <c>sentence_id</c>. A person checking labels sorts the sheet (the README suggests sorting by
    /// confidence) and saves it so; read in that order, a document's sentences were scattered, so their positions
    /// and the document-context stage's neighbours were those of the sorted sheet, and <c>evaluate</c> of the same
    /// workbook gave other predictions and another macro-F1 once sorted. A row without a document stays where it is
    /// (a sentence typed in by hand), and a document with a row whose sentence id is not a whole number keeps its
    /// rows in file order; a file an overlay labels keeps its order (the overlay numbers its rows).
    /// </summary>
    internal static List<LabelledSentence> InReadingOrder(List<LabelledSentence> rows, List<string?> sentenceIds)
    {
        if (rows.Count == 0 || sentenceIds.TrueForAll(string.IsNullOrWhiteSpace))
        {
            return rows;
        }

        var firstOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var numbered = new Dictionary<string, bool>(StringComparer.Ordinal);
        var ids = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Doc is { } doc)
            {
                firstOf.TryAdd(doc, i);
                var whole = sentenceIds[i] is { } id && double.TryParse(id.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out ids[i]) && ids[i] == Math.Floor(ids[i]);
                numbered[doc] = numbered.GetValueOrDefault(doc, true) && whole;
            }
        }

        // A stable order: a document's rows with the same id, and those of a document not numbered throughout, keep the file's order.
        return [.. Enumerable.Range(0, rows.Count)
            .OrderBy(i => rows[i].Doc is { } d ? firstOf[d] : i)
            .ThenBy(i => rows[i].Doc is { } d && numbered[d] ? ids[i] : 0)
            .ThenBy(i => i)
            .Select(i => rows[i])];
    }

    /// <summary>
    /// Reader settings for labelled data: a header row, RFC 4180 quoting (none when not <paramref name="quoted"/>:
    /// a .tsv), line numbers kept for error messages, and a malformed row or a wrong number of fields is an error, never skipped.
    /// </summary>
    internal static CsvReaderOptions StrictCsv(char delimiter = ',', bool quoted = true) => new()
    {
        Separator = delimiter,
        HasHeader = true,
        Mode = quoted ? CsvMode.Rfc4180 : CsvMode.NoEscape,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Throw,
        FieldCountMismatch = CsvFieldCountHandling.Throw,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>CsvHelper's message without its record/line prefix and byte offset (the file and line lead ours).</summary>
    private static string Describe(string message)
    {
        var m = message.Split('\n', 2)[0].Trim();
        var colon = m.IndexOf("): ", StringComparison.Ordinal);
        if (colon >= 0)
        {
            m = m[(colon + 3)..];
        }
        else if (m.StartsWith("Record ", StringComparison.Ordinal) && m.IndexOf(") ", StringComparison.Ordinal) is var close and > 0)
        {
            m = "the row " + m[(close + 2)..];
        }

        var offset = m.IndexOf(" (byte offset", StringComparison.Ordinal);
        return (offset >= 0 ? m[..offset] : m).TrimEnd('.');
    }

    /// <summary>
    /// A JSON Lines file's rows, text and ids as they are: no JSON Lines file is written with the CSV formula guard
    /// (ArgMiner guards CSV cells only), so a leading apostrophe is the text's own and stays (until session 33 it was
    /// removed as the guard).
    /// </summary>
    private static List<LabelledSentence> ReadJsonLines(string path, LabelledDataOptions options)
    {
        var rows = new List<LabelledSentence>();
        var lineNumber = 0;
        using var lines = new StringReader(ReadText(path, options));
        for (var line = lines.ReadLine(); line is not null; line = lines.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var origin = $"{path}:{lineNumber}";
            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new LabelledDataException(origin, $"malformed JSON ({ex.Message.Split('.')[0]})");
            }

            using (json)
            {
                if (json.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new LabelledDataException(origin, "malformed row (not a JSON object)");
                }

                string? Field(string name, bool required)
                {
                    foreach (var p in json.RootElement.EnumerateObject())
                    {
                        if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                        {
                            return p.Value.ValueKind switch
                            {
                                JsonValueKind.String => p.Value.GetString(),
                                JsonValueKind.Null => null,
                                _ => p.Value.GetRawText(),
                            };
                        }
                    }

                    return required ? throw new LabelledDataException(origin, $"missing field '{name}'") : null;
                }

                string? text, label, doc, section;
                try
                {
                    (text, label, doc, section) = (Field(options.TextColumn, true), Field(options.LabelColumn, !options.LabelsFromOverlay), Field(options.DocColumn, false) ?? Field("doc_id", false), Field(options.SectionColumn, false));
                }
                catch (InvalidOperationException)
                {
                    // System.Text.Json parses "\ud800" and throws only when the string is decoded: it was a stack trace, exit 134.
                    throw new LabelledDataException(origin, "a string holds an unpaired surrogate escape (not valid Unicode)");
                }

                rows.Add(MakeRow(origin, path, text, label, doc, section, options.Map, options.LabelsFromOverlay, guarded: false));
            }
        }

        return rows;
    }

    private static int Find(string[] header, string name)
    {
        for (var i = 0; i < header.Length; i++)
        {
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Rows of one file with a document id are in document order: give each its relative position within its
    /// part of the document, the article or its reader comments taken together, as <c>run</c> does
    /// (<see cref="SentenceClassifier"/>'s document contexts). Until session 32 the position ran over the whole
    /// document here, so a workbook row of an article with comments trained on positions <c>run</c> never gives.
    /// </summary>
    private static List<LabelledSentence> AddPositions(List<LabelledSentence> rows)
    {
        var counts = new Dictionary<(string Doc, bool Comment), int>();
        foreach (var r in rows)
        {
            if (r.Doc is { } d)
            {
                var key = (d, r.Section == Section.Comment);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return rows;
        }

        var seen = new Dictionary<(string Doc, bool Comment), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Doc is { } d)
            {
                var key = (d, rows[i].Section == Section.Comment);
                var k = seen.GetValueOrDefault(key);
                seen[key] = k + 1;
                var n = counts[key];
                rows[i] = rows[i] with { Position = n <= 1 ? 0.0 : (double)k / (n - 1) };
            }
        }

        return rows;
    }
}
