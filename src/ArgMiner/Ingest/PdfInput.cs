using System.Collections.Immutable;
using System.Diagnostics;
using ArgMiner.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.DocumentLayoutAnalysis;
using UglyToad.PdfPig.DocumentLayoutAnalysis.PageSegmenter;
using UglyToad.PdfPig.DocumentLayoutAnalysis.ReadingOrderDetector;
using UglyToad.PdfPig.DocumentLayoutAnalysis.WordExtractor;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Fonts;

namespace ArgMiner.Ingest;

/// <summary>
/// Reads a PDF file (<c>.pdf</c>) as one document with PdfPig. The document's text is the text extracted from the PDF
/// (<see cref="PdfText.Compose"/>: one paragraph a line, a blank line between paragraphs, running headers, footers and page
/// numbers left out, the PDF's Title first when it has a meaningful one), and offsets index that text exactly, as for
/// every input; its layout is then read by <see cref="PlainTextLayout"/> (the first line a title when it looks like one, or
/// when it is the PDF's Title; short lines headings; no reader comments).
/// <para>
/// Reading order: each page's words (PdfPig's <see cref="NearestNeighbourWordExtractor"/>) are cut into blocks by
/// <see cref="RecursiveXYCut"/> and the blocks ordered by <see cref="UnsupervisedReadingOrderDetector"/>. Measured on
/// LibreOffice PDFs with justified text (session 39): <see cref="DocstrumBoundingBoxes"/> ran the two columns' lines
/// together across a 0.5 cm gutter (its default) or broke lines into single words (with a tighter within-line distance);
/// the XY cut read both columns whole, left then right; ContentOrderTextExtractor follows the order the PDF draws its text
/// in, which a producer need not keep.
/// </para>
/// <para>
/// Bad input gets one line naming the file and the batch goes on: not a PDF (no <c>%PDF-</c> in its first KB), encrypted
/// with a password, damaged beyond what PdfPig's lenient parser recovers, no text at all (scanned pages, images only), more
/// text than a document may hold (<see cref="DocumentReaders.MaxDocumentBytes"/>), or more than <see cref="MaxSeconds"/>
/// seconds and <see cref="SecondsPerPage"/> a page of reading (checked between pages). Pages that alone cannot be read are left out with one warning for the file.
/// PdfPig's exceptions are caught here only, by type (<see cref="IsPdfPigFailure"/>). Nesting is bounded by PdfPig's
/// <see cref="ParsingOptions.MaxStackDepth"/>.
/// </para>
/// </summary>
public static class PdfInput
{
    /// <summary>
    /// Reading one PDF stops (the file skipped) when it has taken longer than this plus <see cref="SecondsPerPage"/> a
    /// page, checked after each page: a guard against PDFs PdfPig reads pathologically slowly, allowing a page about 30
    /// times what a page takes here, so that a long report is read on a slow machine as on a fast one.
    /// </summary>
    public const double MaxSeconds = 60;

    /// <summary>The time allowed a page, beside <see cref="MaxSeconds"/> (a page of text takes about 0.03 s here).</summary>
    public const double SecondsPerPage = 1;

    /// <summary>A page with more letters than this (a normal page has a few thousand) is read in content order, without layout analysis, which grows faster than linearly.</summary>
    public const int MaxLettersForLayout = 50_000;

    /// <summary>Whether <paramref name="bytes"/> start like a PDF: <c>%PDF-</c> within the first KB (some producers put junk first).</summary>
    public static bool LooksLikePdf(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>Reads the PDF file's bytes as one document.</summary>
    /// <param name="bytes">The whole file.</param>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="id">The document id.</param>
    /// <param name="knownWord">Whether a lower-case word is an English word, to rejoin words broken at a line end (<see cref="PdfText"/>); null: only the document's own words tell.</param>
    public static InputItem Read(byte[] bytes, string path, string id, Func<string, bool>? knownWord = null) =>
        Read(bytes, path, id, TimeSpan.FromSeconds(MaxSeconds), TimeSpan.FromSeconds(SecondsPerPage), knownWord);

    internal static InputItem Read(byte[] bytes, string path, string id, TimeSpan limit, TimeSpan perPage, Func<string, bool>? knownWord = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length == 0)
        {
            return Failed(path, "empty file, skipped");
        }

        if (!LooksLikePdf(bytes))
        {
            return Failed(path, "not a PDF (no %PDF- header in its first KB), skipped");
        }

        var clock = Stopwatch.StartNew();
        var pages = new List<IReadOnlyList<PdfText.Line>>();
        var badPages = new List<int>();
        string? firstPageError = null;
        string? title;
        int pageCount;
        long letters = 0;
        try
        {
            using var pdf = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            pageCount = pdf.NumberOfPages;
            limit += perPage * pageCount;
            title = PdfText.MeaningfulTitle(pdf.Information.Title, path);
            for (var number = 1; number <= pageCount; number++)
            {
                if (clock.Elapsed > limit)
                {
                    return Failed(path, $"reading it took more than {limit.TotalSeconds:0} s ({number - 1} of {pageCount} pages read), skipped");
                }

                try
                {
                    var page = pdf.GetPage(number);
                    letters += page.Letters.Count;
                    pages.Add(LinesOf(page));
                }
                catch (Exception ex) when (IsPdfPigFailure(ex))
                {
                    badPages.Add(number);
                    firstPageError ??= Describe(ex);
                }

                if (letters > DocumentReaders.MaxDocumentBytes)
                {
                    return Failed(path, DocumentReaders.TooLarge($"more than {DocumentReaders.MaxDocumentBytes >> 20} million characters of text", "skipped"));
                }
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            return Failed(path, "encrypted PDF (it needs a password to open), skipped");
        }
        catch (Exception ex) when (IsPdfPigFailure(ex))
        {
            return Failed(path, $"damaged or unreadable PDF ({Describe(ex)}), skipped");
        }

        var text = PdfText.Compose(pages, title, out var titleFirst, knownWord);
        if (text.Length == 0)
        {
            var why = badPages.Count == pageCount && pageCount > 0 ? $"none of its {pageCount} pages could be read ({firstPageError})"
                : pageCount == 0 ? "no pages" : "no text found (images or drawings only, or text PdfPig could not read; a scanned document needs OCR first)"
                    + (badPages.Count == 0 ? string.Empty : $"; {badPages.Count} of {pageCount} pages could not be read (page {badPages[0]}: {firstPageError})");
            return Failed(path, $"{why}, skipped");
        }

        var paragraphs = PlainTextLayout.Parse(text, CommentDetection.None);
        if (titleFirst && paragraphs.Count > 1)
        {
            paragraphs[0] = paragraphs[0] with { Section = Section.Title };
        }

        var warning = badPages.Count == 0 ? null
            : new InputError(path, null, $"{badPages.Count} of {pageCount} pages could not be read (page {badPages[0]}: {firstPageError}), left out");
        return InputItem.Of(new Document { Id = id, Source = path, Text = text, Paragraphs = [.. paragraphs], Comments = ImmutableArray<CommentInfo>.Empty }, warning);
    }

    /// <summary>
    /// The exceptions PdfPig throws on a damaged or hostile file: its own, and the runtime's it lets through from parsing
    /// bytes it did not expect (found by reading truncated, bit-flipped and hand-made files). Not out-of-memory, not
    /// cancellation, not the process's own faults elsewhere: this filter guards only calls into PdfPig.
    /// </summary>
    internal static bool IsPdfPigFailure(Exception ex) => ex is PdfDocumentFormatException or PdfDocumentEncryptedException
        or InvalidFontFormatException or CorruptCompressedDataException
        or InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or InvalidCastException
        or KeyNotFoundException or NullReferenceException or ArithmeticException or EndOfStreamException or IOException
        or NotSupportedException or NotImplementedException or InvalidDataException;

    private static string Describe(Exception ex)
    {
        var message = InputError.OneLine(ex.Message).TrimEnd('.');
        if (message.Length > 160)
        {
            message = message[..160] + "…";
        }

        return ex is PdfDocumentFormatException or InvalidFontFormatException or CorruptCompressedDataException ? message : $"{ex.GetType().Name}: {message}";
    }

    private static InputItem Failed(string path, string message) => InputItem.Failed(new InputError(path, null, message));

    /// <summary>A page's text lines in reading order, each with the index of its block.</summary>
    private static List<PdfText.Line> LinesOf(Page page)
    {
        var lines = new List<PdfText.Line>();
        if (page.Letters.Count == 0)
        {
            return lines;
        }

        var words = NearestNeighbourWordExtractor.Instance.GetWords(page.Letters).Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        IReadOnlyList<TextBlock> blocks;
        if (page.Letters.Count <= MaxLettersForLayout)
        {
            // No block narrower than a fifth of the page: with PdfPig's default (1 unit) the XY cut also cut along the
            // "rivers" of white space that justified text forms down a few lines, and a line's words came out of order
            // (28 of 1,500 paragraphs of a 166-page LibreOffice report, 25 with this; a fifth still leaves three columns
            // whole). A wider least gap (twice the usual letter width) cut it to 6 but ran together the columns of a page
            // set in 9 pt with a 0.3 cm gutter, which the default keeps apart.
            var cut = new RecursiveXYCut(new RecursiveXYCut.RecursiveXYCutOptions { MinimumWidth = page.Width / 5 });
            blocks = UnsupervisedReadingOrderDetector.Instance.Get(cut.GetBlocks(words)).ToList();
        }
        else
        {
            // Too many letters for the layout analysis to stay fast: the words as the PDF draws them, cut into lines
            // where the next word starts left of the last one or on another baseline.
            blocks = [.. ContentOrderLines(words).Select(l => new TextBlock([l]))];
        }

        for (var b = 0; b < blocks.Count; b++)
        {
            foreach (var line in blocks[b].TextLines)
            {
                var text = PdfText.Clean(line.Text);
                if (text.Length == 0)
                {
                    continue;
                }

                var box = line.BoundingBox;
                lines.Add(new PdfText.Line(text, b, box.Left, box.Right, box.Top, box.Bottom, line.Words.Count > 0 ? line.Words[0].BoundingBox.Width : 0, WidestGap(line.Words)));
            }
        }

        return lines;
    }

    // The widest gap between two words of a line, left to right (0 for one word).
    private static double WidestGap(IReadOnlyList<Word> words)
    {
        var gap = 0.0;
        for (var i = 1; i < words.Count; i++)
        {
            gap = Math.Max(gap, words[i].BoundingBox.Left - words[i - 1].BoundingBox.Right);
        }

        return gap;
    }

    private static IEnumerable<TextLine> ContentOrderLines(List<Word> words)
    {
        var current = new List<Word>();
        foreach (var word in words)
        {
            if (current.Count > 0 && (word.BoundingBox.Left < current[^1].BoundingBox.Left || Math.Abs(word.BoundingBox.Bottom - current[^1].BoundingBox.Bottom) > current[^1].BoundingBox.Height / 2))
            {
                yield return new TextLine(current);
                current = [];
            }

            current.Add(word);
        }

        if (current.Count > 0)
        {
            yield return new TextLine(current);
        }
    }
}
