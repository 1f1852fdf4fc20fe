using System.Globalization;
using ArgMiner.Output;
using ArgMiner.Tests.Support;
using Parquet;
using Parquet.Schema;

namespace ArgMiner.Tests.Output;

public sealed class ParquetTableTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string RunSeeds(string name)
    {
        var (exit, _, err) = Support.Cli.Run("run", Repository.Articles, "--out", _dir.File(name), "--format", "csv,parquet", "--jobs", "1");
        Assert.True(exit == 0, err);
        return _dir.File(name);
    }

    private static (DataField[] Fields, List<object?[]> Rows) ReadParquet(string path)
    {
        using var stream = File.OpenRead(path);
        var reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        try
        {
            return Read(reader);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static (DataField[] Fields, List<object?[]> Rows) Read(ParquetReader reader)
    {
        var fields = reader.Schema.GetDataFields();
        var rows = new List<object?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            var columns = new object?[fields.Length][];
            for (var c = 0; c < fields.Length; c++)
            {
                if (fields[c].ClrType == typeof(int))
                {
                    var values = new int?[count];
                    group.ReadAsync<int>(fields[c], values.AsMemory()).GetAwaiter().GetResult();
                    columns[c] = [.. values.Select(v => (object?)v)];
                }
                else if (fields[c].ClrType == typeof(double))
                {
                    var values = new double?[count];
                    group.ReadAsync<double>(fields[c], values.AsMemory()).GetAwaiter().GetResult();
                    columns[c] = [.. values.Select(v => (object?)v)];
                }
                else
                {
                    var values = new string?[count];
                    group.ReadAsync(fields[c], values.AsMemory()).GetAwaiter().GetResult();
                    columns[c] = [.. values.Select(v => (object?)v)];
                }
            }

            for (var r = 0; r < count; r++)
            {
                rows.Add([.. columns.Select(column => column[r])]);
            }
        }

        return (fields, rows);
    }

    [Theory]
    [InlineData("documents")]
    [InlineData("sentences")]
    [InlineData("entities")]
    [InlineData("numbers")]
    public void GivenTheSeedRun_WhenWrittenAsParquet_ThenEachTableHoldsTheCsvTableWithTypedColumnsAndNulls(string table)
    {
        var dir = RunSeeds("out");
        var csv = WorkbookWriterTests.Csv(Path.Combine(dir, table + ".csv"));
        var (fields, rows) = ReadParquet(Path.Combine(dir, table + ".parquet"));

        Assert.Equal(csv[0], fields.Select(f => f.Name).ToArray());
        Assert.Equal(csv.Count - 1, rows.Count);
        Assert.NotEmpty(rows);
        for (var c = 0; c < fields.Length; c++)
        {
            var expected = fields[c].Name switch
            {
                "start" or "end" or "sentence_id" or "paragraph" or "comment" or "entities" or "numbers" or "sentences" or "comments" => typeof(int),
                "confidence" or "p_claim" or "p_evidence" or "p_opinion" or "p_other" or "value" or "low" or "high" => typeof(double),
                _ => typeof(ReadOnlyMemory<char>),
            };
            // Parquet.Net reads string columns as ReadOnlyMemory<char> (UTF-8 strings in the file).
            Assert.Equal(expected, fields[c].ClrType);
            Assert.True(fields[c].IsNullable);
        }

        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < fields.Length; c++)
            {
                var cell = csv[r + 1][c];
                switch (rows[r][c])
                {
                    case null:
                        Assert.Equal(string.Empty, cell);
                        break;
                    case int i:
                        Assert.Equal(int.Parse(cell, CultureInfo.InvariantCulture), i);
                        break;
                    case double d:
                        Assert.Equal(double.Parse(cell, CultureInfo.InvariantCulture), d);
                        break;
                    case string s:
                        // Parquet holds the text as it is; the CSV cell may carry the formula guard.
                        Assert.Equal(CsvSafety.Restore(cell), s);
                        break;
                }
            }
        }
    }

    [Fact]
    public void GivenTheSameInputTwice_WhenWrittenAsParquet_ThenTheFilesAreByteIdentical()
    {
        var first = RunSeeds("a");
        var second = RunSeeds("b");
        foreach (var table in new[] { "documents", "sentences", "entities", "numbers" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, table + ".parquet")), File.ReadAllBytes(Path.Combine(second, table + ".parquet")));
        }
    }

    [Fact]
    public void GivenMoreRowsThanARowGroupHolds_WhenWritten_ThenEveryRowIsReadBackInOrder()
    {
        var path = _dir.File("big.parquet");
        var columns = new List<CsvColumn<int>> { new("start", i => i.ToString(CultureInfo.InvariantCulture), Type: ColumnType.Integer), new("text", i => i % 7 == 0 ? null : "row " + i, IsText: true) };
        using (var table = new ParquetTable<int>(path, columns))
        {
            for (var i = 0; i < ParquetTable<int>.RowGroupSize + 123; i++)
            {
                table.Write(i);
            }

            table.Commit();
        }

        var (_, rows) = ReadParquet(path);
        Assert.Equal(ParquetTable<int>.RowGroupSize + 123, rows.Count);
        Assert.All(rows.Select((row, i) => (row, i)), x => Assert.Equal(x.i, x.row[0]));
        // Cells on both sides of the group boundary: null exactly where the row wrote none.
        Assert.All(rows.Select((row, i) => (row, i)), x => Assert.Equal(x.i % 7 == 0 ? null : "row " + x.i, x.row[1]));
    }
}
