using ArgMiner.Text;
using System.Globalization;
using System.Text;
using ArgMiner.Classification;

namespace ArgMiner.Output.Html;

/// <summary>
/// Writes <c>report.html</c>: one self-contained page (style and script inline; nothing fetched) with a summary
/// (label shares per document as an inline SVG chart, the most named entities, the numeric claims as a table),
/// label and document filters usable from the keyboard, then every document (<see cref="DocumentHtml"/>).
/// <para>
/// Large batches: the page stays usable because the first <see cref="OpenDocuments"/> documents are open and the
/// rest collapsed (one line each until opened or chosen in the document filter); the report shows the first
/// <see cref="MaxDocuments"/> documents in full, and of them no more than <see cref="MaxDocumentBytes"/> of HTML
/// (a document that passes it stops there), its chart the first <see cref="ChartDocuments"/>, its numbers table the
/// first <see cref="MaxNumberRows"/> claims, and says so at the top; the totals count the whole batch, and the CSV,
/// JSON Lines and xlsx outputs hold everything. Hand-written: no available package renders HTML
/// reports; the text is encoded with the framework's <see cref="System.Text.Encodings.Web.HtmlEncoder"/>.
/// </para>
/// </summary>
public sealed class ReportWriter : IDisposable
{
    /// <summary>The report's file name.</summary>
    public const string FileName = "report.html";

    /// <summary>Documents shown open; later ones are collapsed.</summary>
    public const int OpenDocuments = 20;

    /// <summary>Documents the report shows.</summary>
    public const int MaxDocuments = 1_000;

    /// <summary>Documents the chart draws.</summary>
    public const int ChartDocuments = 50;

    /// <summary>Rows of the numeric-claims table.</summary>
    public const int MaxNumberRows = 1_000;

    /// <summary>
    /// Bytes of HTML the documents shown take at most (a document passing it stops before its next sentence). Until
    /// session 38 only the number of documents was capped: a batch of 1,100 documents of 1,001 short sentences made a
    /// 420 MB page that headless Chromium had not loaded after five minutes; capped, it is 67 MB (160 documents, the
    /// last in part) and loads in 19 s on this shared 2-core machine. The 1,000 IBM Debater articles shown take 52 MB
    /// (10.5 s to load), within the cap, so their report is unchanged.
    /// </summary>
    public const long MaxDocumentBytes = 64L << 20;

    /// <summary>After <see cref="Commit"/>: the notes at the top of the page on what it leaves out, for the command to say them too.</summary>
    public IReadOnlyList<string> OutputNotes { get; private set; } = [];

    private const int TopEntities = 12;

    private readonly AtomicFile _file;
    private readonly long _documentBytes;
    private readonly Spool _documents;
    private readonly Spool _numbers;
    private readonly List<(string Id, string Name)> _shown = [];
    private readonly List<(string Name, long[] Counts)> _chart = [];
    private readonly EntityTally _entities = new();
    private readonly long[] _labelTotals = new long[SentenceLabels.All.Length];
    private long _documentCount;
    private long _sentenceCount;
    private long _entityCount;
    private long _numberCount;
    private long _sentencesShown;
    private bool _pageFull;
    private bool _lastInPart;
    private bool _done;

    /// <summary>Opens <paramref name="path"/> (written under a temporary name until <see cref="Commit"/>).</summary>
    public ReportWriter(string path)
        : this(path, MaxDocumentBytes)
    {
    }

    /// <summary>Opens the report with another cap on the documents' HTML (tests of a full page).</summary>
    internal ReportWriter(string path, long documentBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(documentBytes, 1);
        _documentBytes = documentBytes;
        _file = new AtomicFile(path);
        var directory = Path.GetDirectoryName(_file.FinalPath)!;
        try
        {
            _documents = new Spool(directory, "report-documents");
            _numbers = new Spool(directory, "report-numbers");
        }
        catch
        {
            _documents?.Dispose();
            _file.Dispose();
            throw;
        }
    }

    /// <summary>Adds one processed document.</summary>
    public void Write(DocumentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var document = context.Document;
        var counts = new long[SentenceLabels.All.Length];
        foreach (var label in document.Labels)
        {
            counts[SentenceLabels.All.IndexOf(label.Label)]++;
        }

        for (var k = 0; k < counts.Length; k++)
        {
            _labelTotals[k] += counts[k];
        }

        foreach (var e in document.Entities)
        {
            _entities.Add(e.Type, document.Text[e.Start..e.End]);
        }

        if (_chart.Count < ChartDocuments)
        {
            _chart.Add((document.Title ?? document.Id, counts));
        }

        if (_documentCount < MaxDocuments && !_pageFull)
        {
            if (PageFull())
            {
                _pageFull = true;
            }
            else
            {
                _shown.Add((document.Id, document.Title ?? document.Id));
                var shown = DocumentHtml.Write(_documents.Writer, context, (int)_documentCount, open: _documentCount < OpenDocuments, PageFull);
                _sentencesShown += shown;
                _pageFull = _lastInPart = shown < document.Sentences.Length;
            }
        }

        for (var i = 0; i < document.Numbers.Length && _numberCount + i < MaxNumberRows; i++)
        {
            var row = new NumberRow(context, i);
            var w = _numbers.Writer;
            w.Write("<tr>");
            foreach (var column in OutputSchema.NumberColumns)
            {
                var value = column.Value(row);
                w.Write(column.IsText || value is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "<td>" : "<td class=\"n\">");
                w.Write(DocumentHtml.Encode(value ?? string.Empty));
                w.Write("</td>");
            }

            w.Write("</tr>\n");
        }

        _documentCount++;
        _sentenceCount += document.Sentences.Length;
        _entityCount += document.Entities.Length;
        _numberCount += document.Numbers.Length;
    }

    /// <summary>Writes the page and gives it its final name.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        using (var html = new StreamWriter(_file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            html.NewLine = "\n";
            html.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>ArgMiner report</title>\n<style>\n");
            html.Write(ReportAssets.Css());
            html.Write("</style>\n</head>\n<body>\n<header>\n<h1>ArgMiner report</h1>\n");
            // "1 documents, 1 sentences" until session 36, each document's own line saying "1 sentence"; and
            // "1289 documents" above a note saying "the first 1,000 of 1,289 documents": counts now group thousands.
            html.Write($"<p class=\"meta\">{DocumentHtml.Count(_documentCount, "document")}, {DocumentHtml.Count(_sentenceCount, "sentence")}, {DocumentHtml.Count(_entityCount, "entity", "entities")}, {DocumentHtml.Count(_numberCount, "numeric claim")}</p>\n");
            OutputNotes = [.. Notes()];
            foreach (var note in OutputNotes)
            {
                html.Write($"<p class=\"note\">{DocumentHtml.Encode(note)}</p>\n");
            }

            html.Write("</header>\n<section class=\"summary\">\n<div>\n<h2>Label shares per document</h2>\n");
            WriteChart(html);
            html.Write("</div>\n<div>\n<h2>Most named entities</h2>\n");
            WriteEntities(html);
            html.Write("</div>\n</section>\n");
            html.Write(Invariant($"<section class=\"claims\">\n<h2>Numeric claims ({_numberCount:N0})</h2>\n<table class=\"numbers\">\n<thead><tr>"));
            foreach (var column in OutputSchema.NumberColumns)
            {
                html.Write($"<th scope=\"col\">{column.Header}</th>");
            }

            html.Write("</tr></thead>\n<tbody>\n");
            _numbers.CopyTo(html);
            html.Write("</tbody>\n</table>\n</section>\n");
            WriteFilters(html);
            html.Write("<main>\n");
            _documents.CopyTo(html);
            html.Write("</main>\n<script>\n");
            html.Write(ReportAssets.Script);
            html.Write("</script>\n</body>\n</html>\n");
        }

        _documents.Dispose();
        _numbers.Dispose();
        _file.Commit();
        _done = true;
    }

    /// <summary>Abandons the report unless committed.</summary>
    public void Dispose()
    {
        _documents.Dispose();
        _numbers.Dispose();
        if (!_done)
        {
            _done = true;
            _file.Dispose();
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private bool PageFull() => _documents.Bytes >= _documentBytes;

    private IEnumerable<string> Notes()
    {
        if (_pageFull)
        {
            yield return Invariant($"This report shows {_sentencesShown:N0} of the {_sentenceCount:N0} sentences: the first {_shown.Count:N0} of {_documentCount:N0} documents{(_lastInPart ? ", the last of them in part" : string.Empty)}, since a page of more would be too large for a browser to open. The counts above cover all, and the CSV, JSON Lines and xlsx outputs hold every document.");
        }
        else if (_documentCount > MaxDocuments)
        {
            yield return Invariant($"This report shows the first {MaxDocuments:N0} of {_documentCount:N0} documents; the counts above cover all, and the CSV, JSON Lines and xlsx outputs hold every document.");
        }

        // The chart drew its first 50 documents without a word, so a reader of a larger batch took it for all of them
        // (the workbook's Summary said so; the report did not until session 36).
        if (_documentCount > ChartDocuments)
        {
            yield return Invariant($"The chart shows the first {ChartDocuments} of {_documentCount:N0} documents; its \"All documents\" bar counts all.");
        }

        if (_shown.Count > OpenDocuments)
        {
            yield return Invariant($"Documents after the first {OpenDocuments} are collapsed: open one by its title, or choose it in the document filter.");
        }

        if (_numberCount > MaxNumberRows)
        {
            yield return Invariant($"The numeric-claims table lists the first {MaxNumberRows:N0} of {_numberCount:N0}.");
        }

        if (_entities.Pruned)
        {
            yield return Invariant($"The batch names more than {EntityTally.HeldPerKept * _entities.Kept:N0} different entities, so the most named entities are counted among the {_entities.Kept:N0} most named as the batch went on: a name dropped for a while (each time with at most {_entities.MostDropped:N0} mentions) counts fewer mentions than it has; entities.csv lists every mention.");
        }
    }

    private void WriteFilters(TextWriter html)
    {
        html.Write("<nav class=\"filters\" aria-label=\"Filters\">\n<span id=\"show-label\">Show:</span>\n");
        html.Write("<button type=\"button\" data-filter=\"all\" aria-pressed=\"true\" aria-describedby=\"show-label\">All sentences</button>\n");
        string[] names = ["Claims", "Evidence", "Opinions", "Other"];
        for (var k = 0; k < LabelPalette.All.Count; k++)
        {
            var style = LabelPalette.All[k];
            html.Write($"<button type=\"button\" data-filter=\"{style.Label}\" aria-pressed=\"false\" aria-describedby=\"show-label\"><span class=\"swatch {style.Label}\" aria-hidden=\"true\">{style.Mark}</span> {names[k]} ({_labelTotals[k].ToString("N0", CultureInfo.InvariantCulture)})</button>\n");
        }

        html.Write("<label for=\"document-filter\">Document:</label>\n<select id=\"document-filter\" data-filter=\"document\">\n<option value=\"\">All documents</option>\n");
        foreach (var (id, name) in _shown)
        {
            html.Write($"<option value=\"{DocumentHtml.Attr(id)}\">{DocumentHtml.Encode(name == id ? id : "\u2068" + name + "\u2069 (\u2068" + id + "\u2069)")}</option>\n");
        }

        html.Write("</select>\n</nav>\n");
    }

    private void WriteChart(TextWriter html)
    {
        const int labelWidth = 220, barWidth = 440, rowHeight = 24;
        var rows = new List<(string Name, long[] Counts)> { ("All documents", _labelTotals) };
        rows.AddRange(_chart);
        var height = (rows.Count * rowHeight) + 8;
        html.Write(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 10}\" height=\"{height}\" viewBox=\"0 0 {labelWidth + barWidth + 10} {height}\" role=\"img\" aria-label=\"Share of claim, evidence, opinion and other sentences per document\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        for (var r = 0; r < rows.Count; r++)
        {
            var (name, counts) = rows[r];
            var y = 4 + (r * rowHeight);
            var shortName = name.Length > 30 ? name[..(char.IsHighSurrogate(name[28]) ? 28 : 29)] + "…" : name; // never half an emoji
            html.Write(Invariant($"<text x=\"{labelWidth - 6}\" y=\"{y + 16}\" text-anchor=\"end\"{(r == 0 ? " font-weight=\"bold\"" : string.Empty)}>{DocumentHtml.Encode(shortName)}<title>{DocumentHtml.Encode(name)}</title></text>\n"));
            var total = counts.Sum();
            double x = labelWidth;
            for (var k = 0; k < counts.Length && total > 0; k++)
            {
                var style = LabelPalette.All[k];
                var width = barWidth * counts[k] / (double)total;
                if (width <= 0)
                {
                    continue;
                }

                html.Write(Invariant($"<g><title>{style.Label}: {counts[k]:N0} of {total:N0} ({100.0 * counts[k] / total:0} %)</title><rect x=\"{x:0.##}\" y=\"{y}\" width=\"{width:0.##}\" height=\"{rowHeight - 4}\" fill=\"#{style.Tint}\" stroke=\"#{style.Colour}\"/>"));
                if (width >= 24)
                {
                    html.Write(Invariant($"<text x=\"{x + (width / 2):0.##}\" y=\"{y + 15}\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\">{style.Mark}</text>"));
                }

                html.Write("</g>\n");
                x += width;
            }
        }

        html.Write("</svg>\n<p class=\"legend\">");
        foreach (var style in LabelPalette.All)
        {
            html.Write($"<span><span class=\"swatch {style.Label}\">{style.Mark}</span> {style.Label}</span>");
        }

        html.Write("</p>\n");
    }

    private void WriteEntities(TextWriter html)
    {
        html.Write("<table class=\"entities\">\n<thead><tr><th scope=\"col\">entity</th><th scope=\"col\">type</th><th scope=\"col\">mentions</th></tr></thead>\n<tbody>\n");
        foreach (var ((type, text), count) in _entities.Top(TopEntities))
        {
            html.Write($"<tr><td>{DocumentHtml.Encode(text)}</td><td>{DocumentHtml.Encode(type)}</td><td class=\"n\">{count.ToString("N0", CultureInfo.InvariantCulture)}</td></tr>\n");
        }

        html.Write("</tbody>\n</table>\n");
    }

    /// <summary>HTML kept in a temporary file beside the outputs (deleted when closed) until the page is assembled.</summary>
    private sealed class Spool : IDisposable
    {
        private readonly FileStream _file;
        private readonly StreamWriter _writer;
        private bool _disposed;

        public Spool(string directory, string name)
        {
            var path = Path.Combine(directory, "." + name + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + ".spool");
            _file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            _writer = new StreamWriter(_file, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            Writer = new CountingWriter(_writer);
        }

        /// <summary>Writes to the spool, counting the UTF-8 bytes.</summary>
        public CountingWriter Writer { get; }

        /// <summary>UTF-8 bytes written so far.</summary>
        public long Bytes => Writer.Bytes;

        public void CopyTo(StreamWriter output)
        {
            _writer.Flush();
            output.Flush();
            _file.Position = 0;
            _file.CopyTo(output.BaseStream);
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _writer.Dispose();
            _file.Dispose();
        }
    }

    /// <summary>A writer that passes text on and counts its UTF-8 bytes (the text is whole strings, never half a surrogate pair).</summary>
    private sealed class CountingWriter(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
    {
        public long Bytes { get; private set; }

        public override Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            Bytes += Encoding.UTF8.GetByteCount(new ReadOnlySpan<char>(in value));
            inner.Write(value);
        }

        public override void Write(string? value)
        {
            Bytes += Encoding.UTF8.GetByteCount(value ?? string.Empty);
            inner.Write(value);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Bytes += Encoding.UTF8.GetByteCount(buffer);
            inner.Write(buffer);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Write(buffer.AsSpan(index, count));
        }

        public override void Flush() => inner.Flush();
    }
}
