using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace ArgMiner.Output.Xlsx;

/// <summary>
/// Writes a worksheet's data rows (<c>&lt;row&gt;</c> elements of inline-string and number cells) as UTF-8 bytes,
/// the very bytes the Open XML SDK's <c>OpenXmlWriter</c> writes for them (<c>SheetRowXmlTests</c> holds the two
/// equal on the seeds and on generated cells, so the workbook stays byte-identical).
/// <para>
/// Written by hand because the SDK's writer, which the rest of the sheet still goes through
/// (<see cref="WorksheetXml"/>), costs about a microsecond a cell in element and attribute objects: on the
/// 1,289 IBM articles (165,000 sentence rows, 300 MB of sheet XML) it was three quarters of the 9–10 s the
/// workbook took after the batch, longer than the batch itself. A row is a fixed, tiny shape (row number,
/// cell references, a style, the text escaped), and <see cref="CellText"/> has already made every text
/// XML-legal, so only <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> need escaping here, as the SDK's
/// <c>XmlWriter</c> escapes them in element text.
/// </para>
/// </summary>
internal sealed class SheetRowXml : IDisposable
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create("&<>");

    private readonly Stream _stream;
    private readonly byte[] _prefix;
    private readonly byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _used;

    /// <summary>Writes rows to <paramref name="stream"/> with <paramref name="prefix"/> as the elements' namespace prefix (e.g. <c>x</c>).</summary>
    public SheetRowXml(Stream stream, ReadOnlySpan<byte> prefix)
    {
        _stream = stream;
        _prefix = prefix.ToArray();
    }

    /// <summary>
    /// Writes row <paramref name="index"/>: a cell per non-empty value, and an empty cell where a style is due;
    /// <paramref name="letters"/> names the columns, <paramref name="style"/> gives a column's style (0: none).
    /// </summary>
    public void Write(long index, string[] letters, (CellKind Kind, string? Value)[] cells, Func<int, uint> style)
    {
        Span<byte> number = stackalloc byte[20];
        Span<byte> styleDigits = stackalloc byte[10];
        index.TryFormat(number, out var digits, default, CultureInfo.InvariantCulture);
        var row = number[..digits];
        Open("row"u8);
        Ascii(" r=\""u8);
        Ascii(row);
        Ascii("\""u8);
        var any = false;
        for (var i = 0; i < cells.Length; i++)
        {
            var (kind, value) = cells[i];
            var s = style(i);
            var empty = kind == CellKind.Empty || value is null;
            if (empty && s == 0)
            {
                continue;
            }

            if (!any)
            {
                Ascii(">"u8);
                any = true;
            }

            Open("c"u8);
            Ascii(" r=\""u8);
            Text(letters[i]);
            Ascii(row);
            Ascii("\""u8);
            if (s != 0)
            {
                Ascii(" s=\""u8);
                s.TryFormat(styleDigits, out var n, default, CultureInfo.InvariantCulture);
                Ascii(styleDigits[..n]);
                Ascii("\""u8);
            }

            if (empty)
            {
                Ascii(" />"u8);
                continue;
            }

            if (kind == CellKind.Number)
            {
                Ascii(">"u8);
                Element("v"u8, value!, preserve: false);
            }
            else
            {
                Ascii(" t=\"inlineStr\">"u8);
                Open("is"u8);
                Ascii(">"u8);
                Element("t"u8, value!, preserve: value!.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
                Close("is"u8);
            }

            Close("c"u8);
        }

        if (any)
        {
            Close("row"u8);
        }
        else
        {
            Ascii(" />"u8);
        }
    }

    /// <summary>Hands the buffered bytes to the stream.</summary>
    public void Flush()
    {
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private void Element(ReadOnlySpan<byte> name, string value, bool preserve)
    {
        Open(name);
        Ascii(preserve ? " xml:space=\"preserve\">"u8 : ">"u8);
        Text(value);
        Close(name);
    }

    private void Open(ReadOnlySpan<byte> name)
    {
        Ascii("<"u8);
        Ascii(_prefix);
        Ascii(":"u8);
        Ascii(name);
    }

    private void Close(ReadOnlySpan<byte> name)
    {
        Ascii("</"u8);
        Ascii(_prefix);
        Ascii(":"u8);
        Ascii(name);
        Ascii(">"u8);
    }

    private void Ascii(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length > _buffer.Length)
        {
            Flush();
        }

        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    // Element text: the runs between characters to escape go through the UTF-8 encoder straight into the buffer.
    private void Text(ReadOnlySpan<char> text)
    {
        while (text.Length > 0)
        {
            var at = text.IndexOfAny(Escaped);
            var run = at < 0 ? text : text[..at];
            while (run.Length > 0)
            {
                var status = Utf8.FromUtf16(run, _buffer.AsSpan(_used), out var read, out var written, replaceInvalidSequences: false);
                _used += written;
                run = run[read..];
                if (status == OperationStatus.DestinationTooSmall)
                {
                    Flush();
                }
                else if (status != OperationStatus.Done)
                {
                    // CellText leaves no lone surrogate; a caller that passes one gets an error, not a bad file.
                    throw new ArgumentException("cell text holds a lone surrogate", nameof(text));
                }
            }

            if (at < 0)
            {
                return;
            }

            Ascii(text[at] switch { '&' => "&amp;"u8, '<' => "&lt;"u8, _ => "&gt;"u8 });
            text = text[(at + 1)..];
        }
    }
}
