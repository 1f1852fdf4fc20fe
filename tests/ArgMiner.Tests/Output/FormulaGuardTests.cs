using System.Text;
using System.Text.Json;
using ArgMiner.Classification;
using ArgMiner.Output;
using ArgMiner.Tests.Support;
using CsvHelper;

namespace ArgMiner.Tests.Output;

/// <summary>Ids and paths from the input reach the CSV files guarded against formula injection, and read back exactly.</summary>
public sealed class FormulaGuardTests
{
    private const string DocId = "=HYPERLINK(\"http://example.invalid/\",\"open\")";
    private const string CommentId = "@SUM(1+1)";

    [Fact]
    public void GivenAFeedWhoseIdsLookLikeFormulas_WhenRun_ThenEveryCsvCellIsGuardedJsonKeepsThemAndTrainingReadsThemBack()
    {
        // Given a JSON Lines feed whose document and comment ids begin like formulas, in a file whose name does too
        using var dir = new TempDirectory();
        var record = JsonSerializer.Serialize(new
        {
            id = DocId,
            title = "Budget",
            body = "The council cut the budget by 4 percent. Critics say it will hurt schools.",
            comments = new object[] { new { id = CommentId, author = "-reader", text = "This is a disgrace!" } },
        });
        var input = dir.Write("+feed.jsonl", record + "\n");
        var output = dir.File("out");

        // When it is run with CSV and JSON Lines
        var (exit, _, err) = Support.Cli.Run("run", input, "--out", output, "--format", "csv,jsonl", "--jobs", "1");
        Assert.True(exit == 0, err);

        // Then no CSV cell begins like a formula, and the ids are the guarded ones
        foreach (var file in new[] { "documents.csv", "sentences.csv", "entities.csv", "numbers.csv" })
        {
            var rows = CsvRows(Path.Combine(output, file));
            // (a number cell may be negative: "-4" is a number, not a formula)
            var formulas = rows.Skip(1).SelectMany(r => r).Where(cell => cell.Length > 1 && cell[0] is '=' or '+' or '-' or '@' && !double.TryParse(cell, System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Empty(formulas);
        }

        var documents = CsvRows(Path.Combine(output, "documents.csv"));
        Assert.Equal("'" + DocId, documents[1][0]);
        Assert.Equal(input + ":1", documents[1][1]); // an absolute path and the record's line: nothing to guard
        var sentences = CsvRows(Path.Combine(output, "sentences.csv"));
        var commentIdAt = Array.IndexOf(sentences[0], "comment_id");
        Assert.Contains(sentences.Skip(1), r => r[commentIdAt] == "'" + CommentId);

        // documents.jsonl keeps the ids as the input gave them
        using var json = JsonDocument.Parse(File.ReadAllLines(Path.Combine(output, "documents.jsonl"))[0]);
        Assert.Equal(DocId, json.RootElement.GetProperty("id").GetString());

        // and training reads the CSV's ids back as they were
        var read = LabelledData.Read([Path.Combine(output, "sentences.csv")], new LabelledDataOptions());
        Assert.All(read, r => Assert.Equal(DocId, r.Doc));
    }

    [Fact]
    public void GivenIdsAndTextThatBeginWithAnApostropheBeforeAFormulaCharacter_WhenTheCsvAndTheWorkbookAreReadBack_ThenBothGiveTheDocumentsOwn()
    {
        // Given two documents whose ids differ only by a leading apostrophe, one with a sentence that begins with one too
        using var dir = new TempDirectory();
        var records = new[]
        {
            JsonSerializer.Serialize(new { id = "=x", body = "The council cut the budget. Critics say it will hurt schools." }),
            JsonSerializer.Serialize(new { id = "'=x", body = "'-- so it goes. Critics say it will hurt schools." }),
        };
        var input = dir.Write("feed.jsonl", string.Join("\n", records) + "\n");
        var output = dir.File("out");

        // When they are run with CSV and the workbook, and each is read back for training
        var (exit, _, err) = Support.Cli.Run("run", input, "--out", output, "--format", "csv,xlsx", "--jobs", "1");
        Assert.True(exit == 0, err);
        var fromCsv = LabelledData.Read([Path.Combine(output, "sentences.csv")], new LabelledDataOptions());
        var fromWorkbook = LabelledData.Read([Path.Combine(output, "argminer.xlsx")], new LabelledDataOptions());

        // Then both give the documents' own ids and text, so the two documents stay two
        string[] expected = ["=x", "=x", "'=x", "'=x"];
        Assert.Equal(expected, fromCsv.Select(r => r.Doc));
        Assert.Equal(expected, fromWorkbook.Select(r => r.Doc));
        Assert.Equal("'-- so it goes.", fromCsv[2].Text);
        Assert.Equal("'-- so it goes.", fromWorkbook[2].Text);
    }

    /// <summary>The header and the rows of a CSV file, cells as written (guards kept).</summary>
    private static List<string[]> CsvRows(string path)
    {
        using var reader = CsvReader.Create(new StreamReader(path), new CsvReaderOptions { HasHeader = true, AllowLineBreaksInQuotes = true }, false);
        reader.ReadHeader();
        var header = reader.Headers!.ToArray();
        var rows = new List<string[]> { header };
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, header.Length).Select(i => reader.GetString(i)).ToArray());
        }

        return rows;
    }
}
