using System.Text;
using ArgMiner.Output.Xlsx;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Output;

/// <summary>
/// The workbook's data rows are written by hand (<see cref="SheetRowXml"/>) for speed; they must be the very bytes the
/// Open XML SDK's writer gives for the same cells, so a workbook is byte-identical to what it was.
/// </summary>
public sealed class SheetRowXmlTests
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly string[] Letters = [.. Enumerable.Range(0, 8).Select(WorksheetXml.ColumnName)];

    /// <summary>Texts that take every path: escapes, white space at either end, line breaks, non-ASCII, surrogate pairs, empty.</summary>
    private static readonly string[] Pieces =
    [
        "", " ", "claim", "0.7172", "-3", " leading", "trailing ", "\tTab", "line\nbreak", "a & b < c > d", "&amp;", "]]>",
        "\"quoted\" 'single'", "café", "naïve — “curly”", "😀 emoji", "日本語", "_x000D_", "x\u2028y", "\u00A0nbsp\u00A0",
        new string('é', 40_000), new string('<', 30_000), string.Concat(Enumerable.Repeat("😀&", 20_000)),
    ];

    private static readonly Gen<(CellKind Kind, string? Value)> Cells = Gen.Frequency(
        (1, Gen.Constant((CellKind.Empty, (string?)null))),
        (1, Gen.Elements(Pieces).Select(p => (CellKind.Number, (string?)p))),
        (4, Gen.Elements(Pieces).Select(p => (CellKind.Text, (string?)p))),
        (2, Gen.ArrayOf(Gen.Choose(0, 0xFFFF).Select(c => (char)c)).Select(cs => (CellKind.Text, (string?)CellText.Encode(new string(cs), out _)))));

    private static readonly Arbitrary<(CellKind Kind, string? Value)[][]> Sheets = Arb.From(
        Gen.ArrayOf(Gen.Choose(0, Letters.Length).SelectMany(n => Gen.ArrayOf(Cells, n))));

    [Fact]
    public void GivenGeneratedRows_WhenWrittenByHand_ThenTheBytesAreTheSdkWritersBytes()
    {
        var property = Prop.ForAll(Sheets, Gen.Choose(0, 4).ToArbitrary(), (rows, styled) =>
        {
            // Styles as the workbook gives them: none, one for every cell, or by column.
            Func<int, uint> style = styled switch
            {
                0 => _ => 0,
                1 => _ => WorksheetXml.BoldStyle,
                _ => i => i % styled == 0 ? WorksheetXml.WrapStyle : WorksheetXml.TopStyle,
            };
            return BySdk(rows, style).SequenceEqual(ByHand(rows, style));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Fact]
    public void GivenTheSameRows_WhenARowHasNoCellToWrite_ThenBothWritersCloseItEmpty()
    {
        (CellKind, string?)[][] rows = [[(CellKind.Empty, null), (CellKind.Text, null)], [(CellKind.Text, "x")]];
        var hand = ByHand(rows, _ => 0);
        Assert.Equal(BySdk(rows, _ => 0), hand);
        Assert.Contains("<x:row r=\"2\" />", Encoding.UTF8.GetString(hand), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenALoneSurrogate_WhenWrittenByHand_ThenItIsRefusedRatherThanWritten()
    {
        using var stream = new MemoryStream();
        using var rows = new SheetRowXml(stream, "x"u8);
        Assert.Throws<ArgumentException>(() => rows.Write(2, Letters, [(CellKind.Text, "a\uD800b")], _ => 0));
    }

    // The rows inside <x:sheetData>…</x:sheetData> as the SDK's writer writes them (row numbers from 2).
    private static byte[] BySdk((CellKind Kind, string? Value)[][] rows, Func<int, uint> style)
    {
        using var stream = new MemoryStream();
        using (var w = OpenXmlWriter.Create(stream))
        {
            w.WriteStartDocument();
            w.WriteStartElement(new Worksheet(), [], [new("r", Relationships)]);
            w.WriteStartElement(new SheetData());
            long r = 1;
            foreach (var row in rows)
            {
                WorksheetXml.WriteRow(w, ++r, Letters, row, style);
            }

            w.WriteEndElement();
            w.WriteEndElement();
        }

        var xml = stream.ToArray().AsSpan();
        var open = "<x:sheetData>"u8;
        var from = xml.IndexOf(open);
        if (from < 0)
        {
            return [];
        }

        from += open.Length;
        return xml[from..xml.LastIndexOf("</x:sheetData>"u8)].ToArray();
    }

    private static byte[] ByHand((CellKind Kind, string? Value)[][] rows, Func<int, uint> style)
    {
        using var stream = new MemoryStream();
        using (var writer = new SheetRowXml(stream, "x"u8))
        {
            long r = 1;
            foreach (var row in rows)
            {
                writer.Write(++r, Letters, row, style);
            }
        }

        return stream.ToArray();
    }
}
