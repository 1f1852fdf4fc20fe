using ArgMiner.Classification;
using ArgMiner.Tests.Support;
using DuckDB.NET.Data;

namespace ArgMiner.Tests.Output;

/// <summary>
/// The Parquet outputs as a data tool reads them: DuckDB (through its .NET provider, which ships the native
/// library) queries a folder of shard outputs as one table, as the README's query does, and the counts equal
/// those of a single run's CSV.
/// </summary>
public sealed class DuckDbReadsOutputsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GivenTwoShardsWrittenAsParquet_WhenDuckDbCountsLabelsAcrossThem_ThenTheCountsAreThoseOfOneRunsCsv()
    {
        for (var k = 0; k < 2; k++)
        {
            var (code, _, err) = Support.Cli.Run("run", Repository.Articles, "--out", _dir.File($"shards/shard-{k}"), "--shard", $"{k}/2", "--format", "parquet", "--jobs", "1");
            Assert.True(code == 0, err);
        }

        var (exit, _, error) = Support.Cli.Run("run", Repository.Articles, "--out", _dir.File("single"), "--format", "csv", "--jobs", "1");
        Assert.True(exit == 0, error);
        var expected = CsvLabelCounts(_dir.File("single/sentences.csv"));
        Assert.NotEmpty(expected);

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var glob = _dir.File("shards").Replace('\\', '/') + "/shard-*/sentences.parquet";
        command.CommandText = $"SELECT label, count(*) FROM '{glob}' GROUP BY label ORDER BY label";
        var counted = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                counted[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        Assert.Equal(expected, counted);

        command.CommandText = $"SELECT count(DISTINCT doc_id), typeof(any_value(start)), typeof(any_value(p_claim)) FROM '{glob}'";
        using var types = command.ExecuteReader();
        Assert.True(types.Read());
        Assert.Equal(Directory.GetFiles(Repository.Articles, "*", SearchOption.AllDirectories).Length, (int)types.GetInt64(0));
        Assert.Equal("INTEGER", types.GetString(1));
        Assert.Equal("DOUBLE", types.GetString(2));
    }

    /// <summary>Label counts of a run's sentences.csv, read as the labelled data it also is.</summary>
    private static SortedDictionary<string, long> CsvLabelCounts(string path)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var row in LabelledData.Read([path], new LabelledDataOptions()))
        {
            counts[row.Label] = counts.GetValueOrDefault(row.Label) + 1;
        }

        return counts;
    }
}
