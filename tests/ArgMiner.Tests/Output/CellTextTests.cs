using ArgMiner.Output.Xlsx;
using ArgMiner.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ArgMiner.Tests.Output;

public sealed class CellTextTests
{
    [Theory]
    [InlineData("plain text", 10)]
    [InlineData("気候変動", 8)] // wide: two columns each
    [InlineData("ｶﾀｶﾅ", 4)] // half-width katakana: one each
    [InlineData("e\u0301te\u0301", 3)] // combining accents take no column
    [InlineData("ok 👍", 5)] // an emoji, one surrogate pair, two columns
    [InlineData("a\u200Bb", 2)] // a zero-width space
    public void GivenText_WhenItsDisplayWidthIsCounted_ThenWideCharactersTakeTwoColumnsAndMarksNone(string text, int width) =>
        Assert.Equal(width, CellText.DisplayWidth(text, 100));

    [Fact]
    public void GivenAnUnpairedSurrogate_WhenItsDisplayWidthIsCounted_ThenItTakesAColumn() =>
        Assert.Equal(2, CellText.DisplayWidth(new string([(char)0xD800, 'x']), 100)); // built at run time: an attribute would turn it into U+FFFDs

    [Fact]
    public void GivenLongText_WhenItsDisplayWidthIsCounted_ThenItStopsAtTheCap() =>
        Assert.Equal(80, CellText.DisplayWidth(new string('字', 5_000), 80));

    [Fact]
    public void GivenADocumentWithAJapaneseName_WhenRunToAWorkbook_ThenItsIdColumnIsAsWideAsTheNameShows()
    {
        using var dir = new TempDirectory();
        var name = "気候変動と都市の未来について";
        dir.Write($"in/{name}.txt", "The council met on Tuesday. It agreed the plan.\n");
        var (exit, _, err) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "xlsx", "--jobs", "1");
        Assert.True(exit == 0, err);
        using var doc = SpreadsheetDocument.Open(dir.File("out/" + WorkbookWriter.FileName), false);
        var sheet = Workbooks.Sheet(doc, "Sentences");
        var width = sheet.Descendants<Column>().First().Width!.Value;
        Assert.True(width >= (2 * name.Length) + 3, $"doc_id column {width} wide for a name of {name.Length} wide characters");
    }
}
