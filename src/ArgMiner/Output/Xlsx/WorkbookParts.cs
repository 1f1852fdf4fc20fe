using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;

namespace ArgMiner.Output.Xlsx;

/// <summary>The small parts of the workbook, built as Open XML SDK documents: styles, the chart and its drawing, package properties.</summary>
internal static class WorkbookParts
{
    /// <summary>The fixed time written as the package's creation and modification time, so equal input gives equal bytes.</summary>
    public static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Cell formats: 0 default, 1 header (bold on grey), 2 wrapped top-aligned text, 3 top-aligned, 4 bold;
    /// differential formats 0..3: the label tints of <see cref="LabelPalette"/>.
    /// </summary>
    public static Stylesheet Stylesheet()
    {
        static Font Font(bool bold)
        {
            var font = new Font();
            if (bold)
            {
                font.Append(new Bold());
            }

            font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
            return font;
        }

        var dxfs = new DifferentialFormats { Count = (uint)LabelPalette.All.Count };
        foreach (var style in LabelPalette.All)
        {
            // In a differential format the cell colour is the pattern's background colour.
            dxfs.Append(new DifferentialFormat(new Fill(new PatternFill(new BackgroundColor { Rgb = "FF" + style.Tint }) { PatternType = PatternValues.Solid })));
        }

        return new Stylesheet(
            new Fonts(Font(false), Font(true)) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9D9D9" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
            { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true })
            { Count = 5 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 },
            dxfs);
    }

    /// <summary>
    /// A 100 % stacked bar chart of the label shares of Summary rows <paramref name="firstRow"/>..<paramref name="lastRow"/>:
    /// categories in column A, one series per label from <paramref name="firstLabelColumn"/> on, in the label colours.
    /// </summary>
    public static C.ChartSpace Chart(string sheet, int firstRow, int lastRow, int firstLabelColumn, string title)
    {
        string Ref(int column, int from, int to)
        {
            var letter = WorksheetXml.ColumnName(column);
            return from == to
                ? string.Create(CultureInfo.InvariantCulture, $"'{sheet}'!${letter}${from}")
                : string.Create(CultureInfo.InvariantCulture, $"'{sheet}'!${letter}${from}:${letter}${to}");
        }

        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.PercentStacked },
            new C.VaryColors { Val = false });
        for (var k = 0; k < LabelPalette.All.Count; k++)
        {
            var column = firstLabelColumn + k;
            bar.Append(new C.BarChartSeries(
                new C.Index { Val = (uint)k },
                new C.Order { Val = (uint)k },
                new C.SeriesText(new C.StringReference(new C.Formula(Ref(column, 1, 1)))),
                new C.ChartShapeProperties(new A.SolidFill(new A.RgbColorModelHex { Val = LabelPalette.All[k].Colour })),
                new C.InvertIfNegative { Val = false },
                new C.CategoryAxisData(new C.StringReference(new C.Formula(Ref(0, firstRow, lastRow)))),
                new C.Values(new C.NumberReference(new C.Formula(Ref(column, firstRow, lastRow))))));
        }

        bar.Append(new C.GapWidth { Val = 50 }, new C.Overlap { Val = 100 }, new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        var categories = new C.CategoryAxis(
            new C.AxisId { Val = 1 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Left },
            new C.MajorTickMark { Val = C.TickMarkValues.None },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 2 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.AutoLabeled { Val = true },
            new C.LabelAlignment { Val = C.LabelAlignmentValues.Center },
            new C.LabelOffset { Val = 100 });
        var values = new C.ValueAxis(
            new C.AxisId { Val = 2 },
            new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
            new C.Delete { Val = false },
            new C.AxisPosition { Val = C.AxisPositionValues.Top },
            new C.MajorGridlines(),
            new C.NumberingFormat { FormatCode = "0%", SourceLinked = false },
            new C.MajorTickMark { Val = C.TickMarkValues.Outside },
            new C.MinorTickMark { Val = C.TickMarkValues.None },
            new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
            new C.CrossingAxis { Val = 1 },
            new C.Crosses { Val = C.CrossesValues.AutoZero },
            new C.CrossBetween { Val = C.CrossBetweenValues.Between });
        var chartTitle = new C.Title(
            new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text(title))))),
            new C.Overlay { Val = false });
        var chart = new C.Chart(
            chartTitle,
            new C.AutoTitleDeleted { Val = false },
            new C.PlotArea(new C.Layout(), bar, categories, values),
            new C.Legend(new C.LegendPosition { Val = C.LegendPositionValues.Bottom }, new C.Overlay { Val = false }),
            new C.PlotVisibleOnly { Val = true },
            new C.DisplayBlanksAs { Val = C.DisplayBlanksAsValues.Gap });
        var space = new C.ChartSpace(new C.RoundedCorners { Val = false }, chart);
        space.AddNamespaceDeclaration("c", "http://schemas.openxmlformats.org/drawingml/2006/chart");
        space.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        space.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
        return space;
    }

    /// <summary>The drawing that places chart <paramref name="chartId"/> from column <paramref name="column"/>, rows 0..<paramref name="rows"/>.</summary>
    public static Xdr.WorksheetDrawing Drawing(string chartId, int column, int rows)
    {
        var anchor = new Xdr.TwoCellAnchor(
            new Xdr.FromMarker(new Xdr.ColumnId(Str(column)), new Xdr.ColumnOffset("0"), new Xdr.RowId("0"), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId(Str(column + 10)), new Xdr.ColumnOffset("0"), new Xdr.RowId(Str(rows)), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(new Xdr.NonVisualDrawingProperties { Id = 2, Name = "Label shares" }, new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = chartId }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
            { Macro = string.Empty },
            new Xdr.ClientData());
        var drawing = new Xdr.WorksheetDrawing(anchor);
        drawing.AddNamespaceDeclaration("xdr", "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing");
        drawing.AddNamespaceDeclaration("a", "http://schemas.openxmlformats.org/drawingml/2006/main");
        return drawing;
    }

    /// <summary>
    /// docProps/core.xml with fixed times. The SDK's own route (System.IO.Packaging's PackageProperties) stores
    /// them under a random part name, so this one small part is written with XmlWriter.
    /// </summary>
    public static void WriteCoreProperties(Stream stream)
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        var time = FixedTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        xml.WriteStartElement("cp", "coreProperties", cp);
        xml.WriteAttributeString("xmlns", "dc", null, dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        xml.WriteAttributeString("xmlns", "xsi", null, xsi);
        xml.WriteElementString("title", dc, "ArgMiner output");
        xml.WriteElementString("creator", dc, "ArgMiner");
        foreach (var name in new[] { "created", "modified" })
        {
            xml.WriteStartElement(name, dcterms);
            xml.WriteAttributeString("type", xsi, "dcterms:W3CDTF");
            xml.WriteString(time);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);
}
