using ArgMiner.Pipeline;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Models;
using ArgMiner.Tests.Support;
using ArgMiner.Training.Classification;

namespace ArgMiner.Tests.Classification;

public sealed class WordVectorsTests
{
    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return dot / Math.Sqrt(na * nb);
    }

    [Fact]
    public void GivenVectors_WhenQuantisedSavedAndLoaded_ThenEachWordKeepsItsDirectionAndTheFingerprint()
    {
        using var dir = new TempDirectory();
        var original = TinyVectors.Entries().ToList();
        var vectors = TinyVectors.Create();
        var path = Path.Combine(dir.Path, "v.model");
        vectors.Save(path);
        var loaded = WordVectors.Load(path);
        Assert.Equal(vectors.Fingerprint, loaded.Fingerprint);
        Assert.Equal(original.Count, loaded.Count);
        foreach (var (word, v) in original)
        {
            Assert.True(Cosine(v, loaded.Get(word)!) > 0.999, word);
        }

        Assert.Null(loaded.Get("zebra"));
    }

    [Fact]
    public void GivenGloveText_WhenRead_ThenAWord2VecHeaderIsSkippedWordsAreLowerCasedAndTheLimitHolds()
    {
        var text = "3 2\nThe 0.5 -0.25\nthe 9 9\ncat 1e-1 2\ndog 1 1\n";
        var vectors = WordVectors.ReadText(new StringReader(text), 2, []);
        Assert.Equal(2, vectors.Count);
        Assert.Equal(2, vectors.Dimension);
        Assert.True(Cosine([0.5f, -0.25f], vectors.Get("the")!) > 0.999);
        Assert.NotNull(vectors.Get("cat"));
        Assert.Null(vectors.Get("dog"));
    }

    [Theory]
    [InlineData("a 1 2\nb 1 x\n", "line 2")]
    [InlineData("a 1 2\nb 1\n", "line 2")]
    [InlineData("a\n", "line 1")]
    [InlineData("a 1 NaN\n", "finite")]
    public void GivenMalformedGloveText_WhenRead_ThenTheErrorNamesTheProblem(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => WordVectors.ReadText(new StringReader(text), 10, []));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenVectorsSpreadAlongOneDirection_WhenReducedToOneDimension_ThenTheProjectionKeepsTheirOrderAlongIt()
    {
        var random = new Random(3);
        var entries = Enumerable.Range(0, 200).Select(i =>
        {
            var t = (i - 100) / 10f;
            return ($"w{i}", new[] { t, (2 * t) + (float)(random.NextDouble() * 0.01), (float)(random.NextDouble() * 0.01) });
        }).ToList();
        var reduced = WordVectorReduction.ReduceDimensions(entries, 1);
        Assert.All(reduced, r => Assert.Single(r.Vector));
        var sign = Math.Sign(reduced[199].Vector[0] - reduced[0].Vector[0]);
        for (var i = 1; i < reduced.Count; i++)
        {
            Assert.True(sign * (reduced[i].Vector[0] - reduced[i - 1].Vector[0]) > 0, $"w{i}");
        }

        Assert.Equal(reduced.Select(r => r.Vector[0]), WordVectorReduction.ReduceDimensions(entries, 1).Select(r => r.Vector[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => WordVectorReduction.ReduceDimensions(entries, 4));
    }

    [Fact]
    public void GivenAGloveTextFile_WhenImportedByTheCommand_ThenTrainCanUseTheTableAndTheModelRecordsIt()
    {
        using var dir = new TempDirectory();
        var glove = Path.Combine(dir.Path, "glove.txt");
        File.WriteAllLines(glove, TinyVectors.Entries().Select(e => e.Item1 + " " + string.Join(' ', e.Item2.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))));
        var table = Path.Combine(dir.Path, "tiny.vectors");
        var (exit, output, error) = Support.Cli.Run("import-vectors", "--text", glove, "--out", table, "--dimensions", "4", "--source", "tiny");
        Assert.True(exit == 0, error);
        Assert.Contains("4 dimensions", output, StringComparison.Ordinal);
        var loaded = WordVectors.Load(table);
        Assert.Equal(4, loaded.Dimension);

        var data = Path.Combine(dir.Path, "train.csv");
        File.WriteAllLines(data, ["text,label", .. TinyData.Rows().Select(r => $"\"{r.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{r.Label}")]);
        var model = Path.Combine(dir.Path, "m.model");
        (exit, _, error) = Support.Cli.Run("train", "--data", data, "--out", model, "--folds", "0", "--no-tag", "--vectors", table);
        Assert.True(exit == 0, error);
        Assert.Equal(loaded.Fingerprint, SentenceClassifier.Load(model).Featurizer.Options.Vectors);

        (exit, _, error) = Support.Cli.Run("import-vectors", "--text", Path.Combine(dir.Path, "missing.txt"), "--out", table);
        Assert.Equal(1, exit);
        Assert.Contains("missing.txt", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenATruncatedTable_WhenLoaded_ThenOneClearModelErrorNamesTheFile()
    {
        using var dir = new TempDirectory();
        var package = TinyVectors.Create().ToPackage();
        package.Entries[WordVectors.Entry] = package.Entries[WordVectors.Entry][..40];
        var path = Path.Combine(dir.Path, "broken.model");
        package.Save(path);
        var ex = Assert.Throws<ModelFormatException>(() => WordVectors.Load(path));
        Assert.Contains("broken.model", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void GivenTheShippedTable_WhenLoaded_ThenItHoldsCommonEnglishWordsWithTheirSourceAndLicence()
    {
        var vectors = ShippedModels.WordVectors;
        Assert.NotNull(vectors);
        Assert.Equal(50, vectors.Dimension);
        Assert.True(vectors.Count >= 20000);
        Assert.True(Cosine(vectors.Get("excellent")!, vectors.Get("superb")!) > Cosine(vectors.Get("excellent")!, vectors.Get("reported")!));
        Assert.Contains("GloVe", (string?)vectors.Card["source"], StringComparison.Ordinal);
        Assert.Contains("Public Domain", (string?)vectors.Card["licence"], StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAModelTrainedWithVectors_WhenASentenceUsesWordsTrainingNeverSaw_ThenItsNeighboursDecideTheLabel()
    {
        // Training sees only love/great for praise and said/reported for reports; the probes use other words of each kind.
        var rows = new List<LabelledSentence>();
        string[] things = ["budget", "plan", "bridge", "school", "report", "match", "film", "law"];
        for (var i = 0; i < things.Length; i++)
        {
            rows.Add(new LabelledSentence($"I {TinyVectors.Praise[i % 2]} the {things[i]}", "opinion") { Doc = "p" + i });
            rows.Add(new LabelledSentence($"Officials {TinyVectors.Report[i % 2]} the {things[i]}", "evidence") { Doc = "e" + i });
        }

        var options = new SentenceClassifierTrainerOptions { Featurizer = new FeaturizerOptions { HashBits = 12, CharMin = 0, CueWeight = 0.01f }, L2 = 1e-3, Date = "2026-01-01" };
        var plain = new SentenceClassifierTrainer(options).Fit(rows);
        var withVectors = new SentenceClassifierTrainer(options with { Vectors = TinyVectors.Create() }).Fit(rows);
        string[] praise = ["superb", "fantastic", "splendid", "marvellous"];
        string[] report = ["announced", "confirmed", "disclosed", "stated"];
        foreach (var (words, label) in new[] { (praise, "opinion"), (report, "evidence") })
        {
            foreach (var w in words)
            {
                var sentence = $"Officials {w} the river";
                var p = withVectors.Predict($"We {w} the river");
                Assert.Equal(label, p.Label);
                Assert.True(p.Probabilities[SentenceLabels.All.IndexOf(label)] > plain.Predict($"We {w} the river").Probabilities[SentenceLabels.All.IndexOf(label)], sentence);
            }
        }

        var explanation = withVectors.Explain("We superb the river", "opinion");
        Assert.Single(explanation, c => c.Feature.StartsWith("vectors:", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenModelsWithAndWithoutVectors_WhenSaved_ThenOnlyTheOneWithVectorsCarriesTheTable()
    {
        using var dir = new TempDirectory();
        var rows = TinyData.Rows();
        var plain = new SentenceClassifierTrainer(TinyData.Options()).Fit(rows);
        var withVectors = new SentenceClassifierTrainer(TinyData.Options() with { Vectors = TinyVectors.Create() }).Fit(rows);
        // Both hold an ML.NET model (layout 3); only the one trained with vectors carries the table.
        Assert.Equal(3, plain.ToPackage().FormatVersion);
        Assert.Equal(3, withVectors.ToPackage().FormatVersion);
        Assert.False(plain.ToPackage().Entries.ContainsKey(WordVectors.Entry));
        Assert.True(withVectors.ToPackage().Entries.ContainsKey(WordVectors.Entry));
        Assert.Equal(TinyVectors.Create().Fingerprint, (string?)withVectors.Card["featurizer"]!["vectors"]);
        Assert.Null(plain.Card["featurizer"]!["vectors"]);

        // A model whose table entry is missing is refused with one line, not scored without its vectors.
        var package = withVectors.ToPackage();
        package.Entries.Remove(WordVectors.Entry);
        var path = Path.Combine(dir.Path, "novectors.model");
        package.Save(path);
        var ex = Assert.Throws<ModelFormatException>(() => SentenceClassifier.Load(path));
        Assert.Contains("novectors.model", ex.Message, StringComparison.Ordinal);
    }
}
