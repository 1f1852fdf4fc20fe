using ArgMiner.Text;
using System.Globalization;
using ArgMiner.Classification;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ArgMiner.Output.Xlsx;

/// <summary>
/// Writes one worksheet part row by row with the Open XML SDK's <see cref="OpenXmlWriter"/> (its typed elements,
/// so the XML follows the schema and element order): the Summary whole, a data sheet around its rows (<see cref="Frame"/>): a frozen header
/// row, column widths from the longest cell, wrapped long text, an autofilter, and on the label column a list
/// validation of the four labels (a typo is refused) and conditional colours that follow a corrected label.
/// </summary>
internal static class WorksheetXml
{
    /// <summary>Style indexes in the workbook's stylesheet (<see cref="WorkbookParts.Stylesheet"/>).</summary>
    public const uint HeaderStyle = 1;

    /// <summary>Wrapped text, aligned to the top of the row.</summary>
    public const uint WrapStyle = 2;

    /// <summary>Cells aligned to the top of the row (beside wrapped text).</summary>
    public const uint TopStyle = 3;

    /// <summary>A bold cell (the Summary's totals row).</summary>
    public const uint BoldStyle = 4;

    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>The widest column, in Excel's units (about one digit each): longer text wraps.</summary>
    internal const int MaxWidth = 80;

    /// <summary>Writes <paramref name="sheet"/> to <paramref name="stream"/>.</summary>
    /// <remarks>
    /// The SDK's writer writes the sheet around its data rows (the header row included) into memory, and
    /// <see cref="SheetRowXml"/> writes the data rows, the same bytes at a fraction of the cost, where that sheet
    /// closes its <c>sheetData</c>.
    /// </remarks>
    public static void Write(Stream stream, SheetSource sheet, IReadOnlySet<long>? boldRows = null)
    {
        var letters = Letters(sheet.Headers.Count);
        var frame = Frame(sheet);
        stream.Write(frame.Before);
        using (var rows = new SheetRowXml(stream, frame.Prefix))
        {
            var wrap = sheet.WrapColumns;
            long r = 1;
            foreach (var row in sheet.Rows)
            {
                r++;
                var bold = boldRows?.Contains(r) == true;
                rows.Write(r, letters, row, i => bold ? BoldStyle : ColumnStyle(wrap, i));
            }
        }

        stream.Write(frame.After);
    }

    /// <summary>A data cell's style in column <paramref name="column"/>: wrapped text, or aligned to the top beside it, or none.</summary>
    public static uint ColumnStyle(IReadOnlySet<int> wrap, int column) => wrap.Contains(column) ? WrapStyle : wrap.Count > 0 ? TopStyle : 0;

    /// <summary>The namespace prefix the SDK gives a sheet's elements, which hand-written rows must use (the same for every sheet).</summary>
    public static byte[] RowPrefix => LazyRowPrefix.Value;

    private static readonly Lazy<byte[]> LazyRowPrefix = new(() => Frame(new SheetSource { Name = "x", Headers = ["x"], Widths = [1], RowCount = 0, Rows = [] }).Prefix);

    /// <summary>The columns' A1-style names.</summary>
    public static string[] Letters(int columns) => [.. Enumerable.Range(0, columns).Select(ColumnName)];

    /// <summary>
    /// The sheet's XML without its data rows (<see cref="SheetSource.Rows"/> is not read): what comes before them
    /// (the header row included), the elements' namespace prefix the rows must use, and what comes after them.
    /// </summary>
    public static (byte[] Before, byte[] Prefix, byte[] After) Frame(SheetSource sheet)
    {
        using var frame = new MemoryStream();
        WriteFrame(frame, sheet, Letters(sheet.Headers.Count));
        var xml = frame.GetBuffer().AsSpan(0, (int)frame.Length);
        var end = xml.LastIndexOf("sheetData>"u8);
        var open = end < 0 ? -1 : xml[..end].LastIndexOf("</"u8);
        if (open < 0)
        {
            throw new InvalidOperationException("the worksheet frame has no end of sheetData");
        }

        return (xml[..open].ToArray(), xml[(open + 2)..(end - 1)].ToArray(), xml[open..].ToArray());
    }

    // The sheet as the SDK writes it, with the header row and no data rows.
    private static void WriteFrame(Stream stream, SheetSource sheet, string[] letters)
    {
        var columns = sheet.Headers.Count;
        var lastRow = sheet.RowCount + 1;
        var all = $"A1:{letters[^1]}{lastRow.ToString(CultureInfo.InvariantCulture)}";
        using var w = OpenXmlWriter.Create(stream);
        w.WriteStartDocument();
        w.WriteStartElement(new Worksheet(), [], [new("r", RelationshipNamespace)]);
        w.WriteElement(new SheetDimension { Reference = all });
        w.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
        { WorkbookViewId = 0 }));
        var cols = new Columns();
        for (var i = 0; i < columns; i++)
        {
            // Excel's width unit is about one digit; a little slack for the filter button.
            var width = Math.Min(MaxWidth, Math.Max(6, sheet.Widths[i] + 3));
            cols.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true });
        }

        w.WriteElement(cols);
        w.WriteStartElement(new SheetData());
        WriteRow(w, 1, letters, sheet.Headers.Select(h => (CellKind.Text, (string?)h)).ToArray(), _ => HeaderStyle);
        w.WriteEndElement();
        if (sheet.Filter)
        {
            w.WriteElement(new AutoFilter { Reference = all });
        }

        if (sheet.LabelColumn >= 0)
        {
            var range = $"{letters[sheet.LabelColumn]}2:{letters[sheet.LabelColumn]}{Math.Max(2, lastRow).ToString(CultureInfo.InvariantCulture)}";
            WriteLabelRules(w, range);
        }

        if (sheet.DrawingId is { } drawing)
        {
            w.WriteElement(new Drawing { Id = drawing });
        }

        w.WriteEndElement();
    }

    /// <summary>A1-style column name of a zero-based index (0 = A, 26 = AA).</summary>
    public static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static void WriteLabelRules(OpenXmlWriter w, string range)
    {
        // Differential formats 0..3 of the stylesheet are the label tints, in SentenceLabels.All order.
        var formatting = new ConditionalFormatting { SequenceOfReferences = new ListValue<StringValue> { InnerText = range } };
        for (var k = 0; k < LabelPalette.All.Count; k++)
        {
            formatting.Append(new ConditionalFormattingRule(new Formula($"\"{LabelPalette.All[k].Label}\""))
            {
                Type = ConditionalFormatValues.CellIs,
                Operator = ConditionalFormattingOperatorValues.Equal,
                FormatId = (uint)k,
                Priority = k + 1,
            });
        }

        w.WriteElement(formatting);
        w.WriteElement(new DataValidations(new DataValidation(new Formula1($"\"{string.Join(',', SentenceLabels.All)}\""))
        {
            Type = DataValidationValues.List,
            AllowBlank = false,
            ShowDropDown = false, // Despite its name, false shows the drop-down arrow.
            ShowErrorMessage = true,
            ErrorStyle = DataValidationErrorStyleValues.Stop,
            ErrorTitle = "Not a label",
            Error = $"A label is one of: {string.Join(", ", SentenceLabels.All)}.",
            SequenceOfReferences = new ListValue<StringValue> { InnerText = range },
        })
        { Count = 1 });
    }

    // Element prototypes: the writer takes only their names from them, so one of each serves every cell
    // instead of a new element tree per cell.
    private static readonly Row RowElement = new();
    private static readonly Cell CellElement = new();
    private static readonly CellValue ValueElement = new();
    private static readonly InlineString InlineElement = new();
    private static readonly DocumentFormat.OpenXml.Spreadsheet.Text TextElement = new();

    /// <summary>
    /// Writes one row through the SDK's writer: the header row, and in tests the reference that
    /// <see cref="SheetRowXml"/>'s bytes are held to.
    /// </summary>
    internal static void WriteRow(OpenXmlWriter w, long index, string[] letters, (CellKind Kind, string? Value)[] cells, Func<int, uint> style)
    {
        var rowNumber = index.ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement(RowElement, [new OpenXmlAttribute("r", string.Empty, rowNumber)]);
        var attributes = new List<OpenXmlAttribute>(3);
        for (var i = 0; i < cells.Length; i++)
        {
            var (kind, value) = cells[i];
            var s = style(i);
            var empty = kind == CellKind.Empty || value is null;
            if (empty && s == 0)
            {
                continue;
            }

            attributes.Clear();
            attributes.Add(new OpenXmlAttribute("r", string.Empty, letters[i] + rowNumber));
            if (s != 0)
            {
                attributes.Add(new OpenXmlAttribute("s", string.Empty, s.ToString(CultureInfo.InvariantCulture)));
            }

            if (!empty && kind == CellKind.Text)
            {
                // Text is an inline string: never a formula, whatever its first character.
                attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
            }

            w.WriteStartElement(CellElement, attributes);
            if (!empty && kind == CellKind.Number)
            {
                w.WriteStartElement(ValueElement);
                w.WriteString(value!);
                w.WriteEndElement();
            }
            else if (!empty)
            {
                w.WriteStartElement(InlineElement);
                if (value!.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
                {
                    w.WriteStartElement(TextElement, [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
                }
                else
                {
                    w.WriteStartElement(TextElement);
                }

                w.WriteString(value);
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    }
}
