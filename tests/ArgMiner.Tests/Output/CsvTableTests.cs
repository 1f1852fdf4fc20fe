using System.Globalization;
using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Pipeline;
using ArgMiner.Tests.Support;
using CsvHelper;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Output;

public class CsvTableTests
{
    private static readonly CsvColumn<(string Text, int N)>[] Columns =
    [
        new("text", r => r.Text, IsText: true),
        new("n", r => r.N.ToString(CultureInfo.InvariantCulture)),
    ];

    private static byte[] WriteRows(TempDirectory dir, params (string, int)[] rows)
    {
        var path = dir.File("t.csv");
        using (var table = new CsvTable<(string Text, int N)>(path, Columns))
        {
            foreach (var row in rows)
            {
                table.Write(row);
            }

            table.Commit();
        }

        return File.ReadAllBytes(path);
    }

    [Fact]
    public void GivenRows_WhenWritten_ThenTheFileIsUtf8WithBomAndCrlfRecords()
    {
        using var dir = new TempDirectory();
        var bytes = WriteRows(dir, ("é 🖤", 1));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("text,n\r\né 🖤,1\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void GivenCommasQuotesAndLineBreaks_WhenWritten_ThenRfc4180QuotingRoundTrips()
    {
        using var dir = new TempDirectory();
        const string tricky = "He said \"no\", then\r\nleft";
        WriteRows(dir, (tricky, 2));
        using var reader = CsvReader.Create(new StreamReader(dir.File("t.csv")), new CsvReaderOptions { HasHeader = true, AllowLineBreaksInQuotes = true }, false);
        reader.ReadHeader();
        Assert.True(reader.Read());
        Assert.Equal(tricky, reader.GetString(0));
    }

    [Theory]
    [InlineData("=SUM(A1:A2)")]
    [InlineData("+1 for this")]
    [InlineData("-- not a formula")]
    [InlineData("@handle says hi")]
    public void GivenATextCellStartingLikeAFormula_WhenWritten_ThenItIsNeutralisedAndRestorable(string text)
    {
        using var dir = new TempDirectory();
        var content = Encoding.UTF8.GetString(WriteRows(dir, (text, -3))[3..]);
        Assert.Contains("'" + text, content, StringComparison.Ordinal);
        Assert.Contains(",-3\r\n", content, StringComparison.Ordinal);
        Assert.Equal(text, CsvSafety.Restore(CsvSafety.Neutralise(text)));
    }

    [Fact]
    public void GivenALoneDash_WhenGuarded_ThenItIsLeftAsItIs()
    {
        Assert.Equal("-", CsvSafety.Neutralise("-"));
        Assert.Equal("'-x", CsvSafety.Neutralise("-x"));
    }

    [Theory]
    [InlineData("'=SUM(A1)")]
    [InlineData("''+1")]
    [InlineData("'- quoted dash")]
    [InlineData("'hello")]
    [InlineData("'")]
    public void GivenTextThatReallyBeginsWithAnApostrophe_WhenGuardedAndRestored_ThenItComesBackExactly(string text)
    {
        Assert.Equal(text, CsvSafety.Restore(CsvSafety.Neutralise(text)));
    }

    [Fact]
    public void GivenAnyText_WhenGuarded_ThenRestoringGivesItBackAndNothingUnguardedIsChanged()
    {
        // Short strings over the characters that matter (apostrophes and formula starters) and a few others.
        var texts = Gen.Elements('\'', '=', '+', '-', '@', '\t', '\r', 'a', ' ').ArrayOf().Select(c => new string(c)).ToArbitrary();
        Prop.ForAll(texts, text =>
        {
            var guarded = CsvSafety.Neutralise(text);
            // A lone "-" is no formula and is left as it is (standard input's source name).
            var startsLikeFormula = guarded != "-" && guarded.Length > 0 && guarded[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
            var unguardedUntouched = guarded != text || CsvSafety.Restore(text) == text;
            return CsvSafety.Restore(guarded) == text && !startsLikeFormula && unguardedUntouched;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GivenATableAbandonedBeforeCommit_WhenDisposed_ThenNoFileLooksWholeAndTheOldOneStays()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("t.csv", "old complete file");
        using (var table = new CsvTable<(string Text, int N)>(path, Columns))
        {
            table.Write(("half", 1));
        }

        Assert.Equal("old complete file", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void GivenAProcessedDocument_WhenEverySchemaColumnWithACellIsRead_ThenTheCellIsItsValue()
    {
        var text = "Sales rose 4.5% to $3.2 billion in March 2024, Acme Corp said in London.\n\n=SUM(A1) is not a formula here. Prices fell 12 percent.";
        var document = TextPipeline.CreateFull().Process(DocumentReaders.Compose("d", "d", "A title", text, [("-Great point, 20 votes", "c1", "@me")]));
        var context = DocumentContext.Of(document);
        Assert.NotEmpty(document.Entities);
        Assert.NotEmpty(document.Numbers);
        Assert.NotEmpty(document.Labels);
        var checkedCells = 0;
        checkedCells += CheckCells(OutputSchema.SentenceColumns, Enumerable.Range(0, document.Sentences.Length).Select(i => new SentenceRow(context, i)));
        checkedCells += CheckCells(OutputSchema.EntityColumns, Enumerable.Range(0, document.Entities.Length).Select(i => new EntityRow(context, i)));
        checkedCells += CheckCells(OutputSchema.NumberColumns, Enumerable.Range(0, document.Numbers.Length).Select(i => new NumberRow(context, i)));
        Assert.True(checkedCells > 50, $"{checkedCells} cells");
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData(" leading space")]
    [InlineData("trailing tab\t")]
    [InlineData("He said \"no\", then\r\nleft")]
    [InlineData("a,b")]
    [InlineData("é 🖤")]
    [InlineData("0.1235")]
    public void GivenACell_WhenWrittenAsASpanOrAsAString_ThenTheBytesAreTheSame(string cell)
    {
        Assert.Equal(WriteOne(cell, asSpan: false), WriteOne(cell, asSpan: true));
    }

    [Fact]
    public void GivenAnyText_WhenAskedWhetherItNeedsTheGuard_ThenItIsExactlyWhenNeutraliseChangesIt()
    {
        var texts = Gen.Elements('\'', '=', '+', '-', '@', '\t', '\r', 'a', ' ').ArrayOf().Select(c => new string(c)).ToArbitrary();
        Prop.ForAll(texts, text => CsvSafety.NeedsGuard(text) == (CsvSafety.Neutralise(text) != text)).QuickCheckThrowOnFailure();
    }

    private static int CheckCells<TRow>(IReadOnlyList<CsvColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        var count = 0;
        var scratch = new char[CsvCells.ScratchLength];
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                if (column.Cell is { } cell)
                {
                    Assert.Equal(column.Value(row) ?? string.Empty, cell(row, scratch).ToString());
                    count++;
                }
            }
        }

        return count;
    }

    private static byte[] WriteOne(string cell, bool asSpan)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvTable<int>.Options(CultureInfo.InvariantCulture), true))
        {
            if (asSpan)
            {
                csv.WriteField(cell.AsSpan());
                csv.WriteField("x".AsSpan());
            }
            else
            {
                csv.WriteField(cell);
                csv.WriteField("x");
            }

            csv.EndRecord();
        }

        return stream.ToArray();
    }
}
