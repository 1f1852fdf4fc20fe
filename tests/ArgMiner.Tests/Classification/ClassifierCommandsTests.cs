using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArgMiner.Classification;

namespace ArgMiner.Tests.Classification;

public sealed class ClassifierCommandsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("argminer-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PathOf(string name) => Path.Combine(_dir.FullName, name);

    private static (int Code, string Out, string Err) Run(params string[] args) => Support.Cli.Run(args);

    private string TinyCsv()
    {
        var path = PathOf("tiny.csv");
        File.WriteAllText(path, TinyData.Csv());
        return path;
    }

    private string TrainTiny()
    {
        var model = PathOf("tiny.model");
        var (code, _, err) = Run("train", "--data", TinyCsv(), "--out", model, "--folds", "2", "--hash-bits", "14");
        Assert.True(code == 0, err);
        return model;
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1")]
    public void GivenFoldsBelowTwoButNotZero_WhenTraining_ThenItIsAUsageErrorAndNoModelIsWritten(string folds)
    {
        var model = PathOf("m.model");

        var (code, _, err) = Run("train", "--data", TinyCsv(), "--out", model, "--folds", folds);

        Assert.Equal(2, code);
        Assert.Equal("argminer: --folds must be 0 (no cross-validation) or at least 2", err.Trim());
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void GivenMoreFoldsThanDocuments_WhenTraining_ThenOneErrorLineAtOnceAndNoModelIsWritten()
    {
        var model = PathOf("m.model");
        var data = TinyCsv();
        var documents = File.ReadAllLines(data).Skip(1).Select(l => l.Split(',')[^1]).Distinct(StringComparer.Ordinal).Count();

        // int.MaxValue folds ran for good: ML.NET built (and the trainer fitted) every empty fold.
        var (code, _, err) = Run("train", "--data", data, "--out", model, "--folds", "2147483647", "--hash-bits", "14");

        Assert.Equal(1, code);
        var error = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => !l.StartsWith("argminer: warning:", StringComparison.Ordinal));
        Assert.Equal($"argminer: the data has too few documents ({documents}) for 2147483647 folds; use at most {documents} folds", error.Trim());
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void GivenLinesWithBlanksAndFormulas_WhenClassified_ThenOneRowPerLineInOrderWithSafeCells()
    {
        var model = TrainTiny();
        var input = PathOf("in.txt");
        File.WriteAllText(input, "The council should reject the deal.\n\n=1+1 is \"math\", right\n   \nI love this!\n");
        var output = PathOf("out.csv");
        var (code, _, err) = Run("classify", "--model", model, "--input", input, "--out", output);
        Assert.True(code == 0, err);
        var lines = File.ReadAllText(output, Encoding.UTF8).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text,label,confidence,p_claim,p_evidence,p_opinion,p_other", lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("The council should reject the deal.,", lines[1], StringComparison.Ordinal);
        Assert.Equal(",other,1.0000,0.0000,0.0000,0.0000,1.0000", lines[2]);
        Assert.StartsWith("\"'=1+1 is \"\"math\"\", right\",", lines[3], StringComparison.Ordinal);
        Assert.Equal("\"   \",other,1.0000,0.0000,0.0000,0.0000,1.0000", lines[4]);
        Assert.StartsWith("I love this!,", lines[5], StringComparison.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var cells = line[(line.LastIndexOf("\",", StringComparison.Ordinal) is var q && q >= 0 ? q + 2 : line.IndexOf(',', StringComparison.Ordinal) + 1)..].Split(',');
            Assert.Contains(cells[0], SentenceLabels.All);
            var p = cells.Skip(2).Select(c => double.Parse(c, System.Globalization.CultureInfo.InvariantCulture)).Sum();
            Assert.Equal(1.0, p, 3);
        }
    }

    [Fact]
    public void GivenCorrectedLabelsInASentencesCsv_WhenTrained_ThenTheModelFollowsTheCorrections()
    {
        // A run's sentences.csv where the user relabelled every "zorblax" sentence as evidence.
        var sb = new StringBuilder("doc_id,sentence_id,section,paragraph,comment,start,end,text,label,confidence,p_claim,p_evidence,p_opinion,p_other\n");
        var id = 0;
        foreach (var r in TinyData.Rows())
        {
            sb.Append($"{r.Doc},{id++},body,0,,0,1,\"{r.Text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{r.Label},0.5,0.25,0.25,0.25,0.25\n");
        }

        string[] corrected = ["The zorblax council voted.", "Zorblax prices moved again.", "A zorblax appeared downtown.", "Everyone talks about zorblax.", "The zorblax report is out.", "Zorblax season begins.", "Nobody expected the zorblax.", "The zorblax question remains."];
        foreach (var text in corrected)
        {
            sb.Append($"z{id % 3},{id++},body,0,,0,1,{text},evidence,0.5,0.25,0.25,0.25,0.25\n");
        }

        var data = PathOf("sentences.csv");
        File.WriteAllText(data, sb.ToString(), new UTF8Encoding(true));
        var model = PathOf("corrected.model");
        var (code, _, err) = Run("train", "--data", data, "--out", model, "--folds", "0", "--hash-bits", "14");
        Assert.True(code == 0, err);
        var classifier = SentenceClassifier.Load(model);
        Assert.Equal("evidence", classifier.Predict("The zorblax committee met.").Label);
        Assert.Equal("evidence", classifier.Predict("Zorblax again, as usual.").Label);
    }

    [Fact]
    public void GivenBadTrainingData_WhenTrained_ThenOneErrorLineAndNoModelIsWritten()
    {
        var data = PathOf("bad.csv");
        File.WriteAllText(data, "text,label\nFine.,claim\nOdd.,banana\n");
        var model = PathOf("never.model");
        var (code, _, err) = Run("train", "--data", data, "--out", model);
        Assert.Equal(1, code);
        Assert.Equal($"argminer: {data}:3: unknown label 'banana'", err.Trim().Split(" (expected")[0]);
        Assert.Single(err.Trim().Split('\n'));
        Assert.False(File.Exists(model));
        Assert.Empty(Directory.EnumerateFiles(_dir.FullName, "*.tmp"));
    }

    [Fact]
    public void GivenDataFilesWithoutASentence_WhenEvaluatedOrTrained_ThenOneErrorLineNamesThem()
    {
        var empty = PathOf("empty.jsonl");
        File.WriteAllText(empty, "\n\n");
        var blank = PathOf("blank.csv");
        File.WriteAllText(blank, "text,label\n");
        var (code, _, err) = Run("evaluate", "--data", empty, "--data", blank);
        Assert.Equal(1, code);
        Assert.Equal($"argminer: {empty}, {blank}: no labelled sentence", err.Trim());

        var model = PathOf("never.model");
        (code, _, err) = Run("train", "--data", empty, "--out", model);
        Assert.Equal(1, code);
        Assert.Equal($"argminer: {empty}: no labelled sentence", err.Trim());
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void GivenDataWithASingleLabel_WhenTrained_ThenItIsRefusedAndNoModelIsWritten()
    {
        var data = PathOf("one-label.csv");
        File.WriteAllText(data, "text,label\nTaxes must fall.,claim\n\u0001\u0002,claim\n");
        var model = PathOf("never.model");
        var (code, _, err) = Run("train", "--data", data, "--out", model, "--no-tag");
        Assert.Equal(1, code);
        Assert.Contains("at least two labels", err, StringComparison.Ordinal);
        Assert.Contains("only 'claim'", err, StringComparison.Ordinal);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void GivenALabelWithFewSentences_WhenTrained_ThenAWarningNamesItAndTrainingGoesOn()
    {
        var model = PathOf("few.model");
        var (code, _, err) = Run("train", "--data", TinyCsv(), "--out", model, "--folds", "0", "--hash-bits", "14", "--no-tag");
        Assert.Equal(0, code);
        Assert.Contains($"labelled 'opinion' (fewer than {SentenceClassifierTrainer.MinimumPerLabel})", err, StringComparison.Ordinal);
        Assert.True(File.Exists(model));
    }

    [Fact]
    public void GivenACorruptModel_WhenClassifyOrEvaluateRuns_ThenOneErrorLineAndExitOne()
    {
        var model = PathOf("corrupt.model");
        File.WriteAllBytes(model, [1, 2, 3, 4]);
        var input = PathOf("in.txt");
        File.WriteAllText(input, "Hello.\n");
        var (code, _, err) = Run("classify", "--model", model, "--input", input, "--out", PathOf("o.csv"));
        Assert.Equal(1, code);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains(model, err, StringComparison.Ordinal);
        (code, _, err) = Run("evaluate", "--model", model, "--data", TinyCsv());
        Assert.Equal(1, code);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--against", "missing.model", "missing.model: file not found")]
    [InlineData("--against-predictions", "missing.csv", "missing.csv: file not found")]
    [InlineData("--against-predictions", "folder", "folder is a folder; give a file")]
    public void GivenAMissingFileToCompareWith_WhenEvaluated_ThenOneLineSaysSoBeforeAnythingIsScored(string option, string name, string problem)
    {
        // Until session 33 found only after the data were tagged and scored (the accurate tier's scoring takes minutes).
        Directory.CreateDirectory(PathOf("folder"));
        var (code, output, err) = Run("evaluate", "--data", TinyCsv(), option, PathOf(name));
        Assert.Equal(1, code);
        Assert.Equal($"argminer: {option} {PathOf(problem)}", err.TrimEnd('\n'));
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void GivenForeignLabels_WhenEvaluatedWithAMap_ThenMetricsUseTheForeignClasses()
    {
        var model = TrainTiny();
        var data = PathOf("subj.csv");
        File.WriteAllText(data, "Sentence,Label\nI love this so much!,SUBJ\nThe council should resign.,SUBJ\nIn 2020 the agency counted 300 cases.,OBJ\n");
        var predictions = PathOf("predictions.csv");
        var (code, output, err) = Run("evaluate", "--model", model, "--data", data, "--text-column", "Sentence", "--label-column", "Label", "--map", "SUBJ=claim|opinion", "--map", "OBJ=evidence|other", "--predictions", predictions);
        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(predictions);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("origin,doc,gold,label,", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(",SUBJ,", lines[1], StringComparison.Ordinal);
        Assert.Contains("SUBJ", output, StringComparison.Ordinal);
        Assert.Contains("OBJ", output, StringComparison.Ordinal);
        Assert.Contains("macro-F1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenRowsInATitleOrHeading_WhenEvaluated_ThenTheyAreOtherAsRunLabelsThem()
    {
        var model = TrainTiny();
        var data = PathOf("sections.csv");
        const string Claim = "The council should resign.";
        File.WriteAllText(data, $"text,label,section,doc\n{Claim},claim,body,a\n{Claim},claim,title,b\n{Claim},claim,heading,c\n");
        var predictions = PathOf("sections-predictions.csv");
        var (code, _, err) = Run("evaluate", "--model", model, "--data", data, "--predictions", predictions);
        Assert.True(code == 0, err);
        var labels = File.ReadAllLines(predictions).Skip(1).Select(l => l.Split(',')[3]).ToArray();

        // The model calls the sentence a claim in the body; run labels a title or heading other whatever it says.
        Assert.Equal(["claim", "other", "other"], labels);
    }

    [Fact]
    public void GivenAnOldModel_WhenTrainingWithCompare_ThenBothModelsAreReported()
    {
        var old = TrainTiny();
        var (code, output, err) = Run("train", "--data", TinyCsv(), "--out", PathOf("new.model"), "--folds", "2", "--hash-bits", "14", "--compare", old);
        Assert.True(code == 0, err);
        Assert.Contains("old model", output, StringComparison.Ordinal);
        Assert.Contains("old vs new model on the same test folds of", output, StringComparison.Ordinal);
        var row = output.Split('\n').Single(l => l.StartsWith("| macro-F1 ", StringComparison.Ordinal));
        var cells = row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, cells.Length);
        var before = double.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture);
        var after = double.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(after - before, double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public void GivenTrainWithAndWithoutNoTag_WhenTheModelsScoreATaggedSentence_ThenOnlyTheTaggedModelUsesTheTags()
    {
        // Given a model trained by default (tagged) and one with --no-tag
        var tagged = TrainTiny();
        var bare = PathOf("bare.model");
        var (code, output, err) = Run("train", "--data", TinyCsv(), "--out", bare, "--folds", "2", "--hash-bits", "14", "--no-tag");
        Assert.True(code == 0, err);
        Assert.DoesNotContain("tagged", output, StringComparison.Ordinal);
        var taggedModel = SentenceClassifier.Load(tagged);
        var bareModel = SentenceClassifier.Load(bare);

        // When both score a sentence bare and with its tags
        const string text = "Reuters reported on Tuesday that 300 workers in Ohio lost their jobs.";
        var context = ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger().Tag(text);
        Assert.NotEmpty(context.EntityTypes!);

        // Then the card says how each was trained, and only the tagged model's scores move with the tags
        Assert.True(taggedModel.TaggedFeatures);
        Assert.False(bareModel.TaggedFeatures);
        Assert.Equal(true, (bool?)taggedModel.Card["taggedFeatures"]);
        Assert.Equal(bareModel.Predict(text).Probabilities.ToArray(), bareModel.Predict(text, context).Probabilities.ToArray());
        Assert.NotEqual(taggedModel.Predict(text).Probabilities.ToArray(), taggedModel.Predict(text, context).Probabilities.ToArray());
    }

    [Fact]
    public void GivenATaggedModel_WhenEvaluatedOrClassifiedWithTag_ThenSentencesAreTaggedAsRunTagsThem()
    {
        var model = TrainTiny();
        var classifier = SentenceClassifier.Load(model);
        var (code, output, err) = Run("evaluate", "--model", model, "--data", TinyCsv());
        Assert.True(code == 0, err);
        Assert.Contains($"tagged {TinyData.Rows().Count} sentences", output, StringComparison.Ordinal);

        string[] texts = ["Reuters reported on Tuesday that 300 workers in Ohio lost their jobs.", string.Empty, "I love this!"];
        var input = PathOf("lines.txt");
        File.WriteAllText(input, string.Join('\n', texts) + "\n");
        var outPath = PathOf("tagged.csv");
        (code, _, err) = Run("classify", "--model", model, "--input", input, "--out", outPath, "--tag");
        Assert.True(code == 0, err);
        var lines = File.ReadAllText(outPath, Encoding.UTF8).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(texts.Length + 1, lines.Length);
        var tagger = ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger();
        for (var i = 0; i < texts.Length; i++)
        {
            var expected = classifier.Predict(texts[i], tagger.Tag(texts[i]));
            var cells = lines[i + 1].Split(',');
            Assert.Equal(expected.Label, cells[^6]);
            Assert.Equal(ClassifierCliF(expected.Probabilities[0]), cells[^4]);
        }
    }

    [Fact]
    public void GivenBootstrapAndASecondModel_WhenEvaluated_ThenTheIntervalsAndThePairedDifferenceArePrinted()
    {
        var model = TrainTiny();
        var (code, output, err) = Run("evaluate", "--model", model, "--data", TinyCsv(), "--bootstrap", "200", "--against", model);
        Assert.True(code == 0, err);
        var macro = Regex.Match(output, @"macro-F1 95 % interval \[(\d\.\d{4}), (\d\.\d{4})\] \(200 resamples of \d+ documents, seed 1\)");
        Assert.True(macro.Success, output);
        Assert.True(double.Parse(macro.Groups[1].Value, CultureInfo.InvariantCulture) <= double.Parse(macro.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Contains("per-class F1 95 % intervals: claim [", output, StringComparison.Ordinal);
        Assert.Contains("'s: +0.0000, 95 % interval [0.0000, 0.0000] (paired, the same 200 resamples)", output, StringComparison.Ordinal);

        (code, _, err) = Run("evaluate", "--model", model, "--data", TinyCsv(), "--bootstrap", "1");
        Assert.Equal(2, code);
        Assert.Contains("--bootstrap takes at least 2 resamples", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("1000001")]
    [InlineData("2147483647")]
    public void GivenBootstrapResamplesOutOfRange_WhenEvaluated_ThenItIsAUsageErrorBeforeAnythingIsMeasured(string resamples)
    {
        var (code, output, err) = Run("evaluate", "--data", TinyCsv(), "--bootstrap", resamples);

        Assert.Equal(2, code);
        Assert.Equal("argminer: --bootstrap takes at least 2 resamples and at most 1000000 (0: none)", err.Trim());
        Assert.Empty(output);
    }

    [Fact]
    public void GivenPredictionsWrittenEarlier_WhenEvaluatedAgainstThem_ThenThePairedDifferenceIsThatOfTheirLabels()
    {
        var model = TrainTiny();
        var data = TinyCsv();
        var written = PathOf("predictions.csv");
        var (code, _, err) = Run("evaluate", "--model", model, "--data", data, "--predictions", written);
        Assert.True(code == 0, err);

        // The same model's own predictions: no difference on any resample.
        (code, var output, err) = Run("evaluate", "--model", model, "--data", data, "--bootstrap", "200", "--against-predictions", written);
        Assert.True(code == 0, err);
        Assert.Contains("minus predictions.csv's: +0.0000, 95 % interval [0.0000, 0.0000] (paired, the same 200 resamples)", output, StringComparison.Ordinal);

        // Another model's predictions (every sentence 'other'): the difference is the two macro-F1 figures' difference.
        var lines = File.ReadAllLines(written, Encoding.UTF8);
        var header = lines[0].TrimStart('\uFEFF').Split(',');
        var others = PathOf("others.csv");
        File.WriteAllLines(others, [lines[0], .. lines.Skip(1).Select(l => ReplaceCells(l, header, ("label", "other"), ("confidence", "1.0000"), ("p_claim", "0.0000"), ("p_evidence", "0.0000"), ("p_opinion", "0.0000"), ("p_other", "1.0000")))], new UTF8Encoding(true));
        var rows = TinyData.Rows();
        var ownF1 = double.Parse(Regex.Match(output, @"macro-F1 (\d\.\d{4})").Groups[1].Value, CultureInfo.InvariantCulture);
        var otherF1 = MulticlassMetrics.Evaluate(rows, [.. rows.Select(_ => new SentencePrediction("other", 1, [0, 0, 0, 1]))]).MacroF1;
        (code, output, err) = Run("evaluate", "--model", model, "--data", data, "--against-predictions", others);
        Assert.True(code == 0, err);
        Assert.Contains($"minus others.csv's: +{ClassifierCliF(ownF1 - otherF1)}", output, StringComparison.Ordinal);

        // Predictions of other data, or with --against too: one error line, nothing measured.
        var truncated = PathOf("truncated.csv");
        File.WriteAllLines(truncated, lines[..^1], new UTF8Encoding(true));
        (code, output, err) = Run("evaluate", "--model", model, "--data", data, "--against-predictions", truncated);
        Assert.Equal(1, code);
        Assert.Contains("truncated.csv", Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.DoesNotContain("macro-F1", output, StringComparison.Ordinal);
        (code, _, err) = Run("evaluate", "--model", model, "--data", data, "--against", model, "--against-predictions", written);
        Assert.Equal(2, code);
        Assert.Contains("--against-predictions", err, StringComparison.Ordinal);
    }

    // The line's CSV cells under these header names (the columns before the text hold no quoted commas here).
    private static string ReplaceCells(string line, string[] header, params (string Column, string Value)[] cells)
    {
        var parts = line.Split(',');
        foreach (var (column, value) in cells)
        {
            parts[Array.IndexOf(header, column)] = value;
        }

        return string.Join(',', parts);
    }

    [Fact]
    public void GivenMetrics_WhenWrittenToAFile_ThenPlainAsciiTablesWithFourDecimals()
    {
        var rows = TinyData.Rows();
        var predictions = rows.Select((r, i) => new SentencePrediction(i % 3 == 0 ? "other" : r.Label, 0.7, [0.1, 0.1, 0.1, 0.7])).ToList();
        var metrics = MulticlassMetrics.Evaluate(rows, predictions);
        var writer = new StringWriter();
        global::ArgMiner.Cli.Commands.ClassifierCli.WriteMetrics(writer, "title [with brackets]", metrics);
        var text = writer.ToString();
        Assert.All(text, c => Assert.True(c < 128, $"non-ASCII or control character U+{(int)c:X4}"));
        Assert.DoesNotContain('\u001b', text);
        Assert.StartsWith("title [with brackets]", text, StringComparison.Ordinal);
        Assert.Contains($"macro-F1 {ClassifierCliF(metrics.MacroF1)}", text, StringComparison.Ordinal);
        foreach (var c in metrics.PerClass)
        {
            var row = text.Split('\n').First(l => l.StartsWith($"| {c.Label} ", StringComparison.Ordinal));
            var cells = row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal([c.Label, ClassifierCliF(c.Precision), ClassifierCliF(c.Recall), ClassifierCliF(c.F1), c.Support.ToString(System.Globalization.CultureInfo.InvariantCulture)], cells);
        }

        // The confusion table's rows are the gold classes, its columns the predictions.
        var gold = metrics.Classes.ToList().IndexOf("claim");
        var confusionRow = text.Split('\n').Last(l => l.StartsWith("| claim ", StringComparison.Ordinal));
        var counts = confusionRow.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(int.Parse).ToArray();
        Assert.Equal(Enumerable.Range(0, metrics.Classes.Length).Select(p => metrics.Confusion[gold, p]), counts);
        Assert.All(text.Split('\n').Where(l => l.StartsWith('|') || l.StartsWith('+')), l => Assert.True(l.Length <= 120, l));
        var again = new StringWriter();
        global::ArgMiner.Cli.Commands.ClassifierCli.WriteMetrics(again, "title [with brackets]", metrics);
        Assert.Equal(text, again.ToString());
    }

    private static string ClassifierCliF(double value) => value.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void GivenClaimEvidenceData_WhenEvaluatedWithLabels_ThenOnlyThoseLabelsArePredicted()
    {
        var model = TrainTiny();
        var data = PathOf("ce.csv");
        File.WriteAllText(data, "text,label\nI love this!,claim\nMostly Theater,evidence\n");
        var (code, output, err) = Run("evaluate", "--model", model, "--data", data, "--labels", "claim,evidence");
        Assert.True(code == 0, err);
        Assert.DoesNotContain("opinion", output, StringComparison.Ordinal);
        Assert.DoesNotContain("other ", output, StringComparison.Ordinal);
        (code, _, err) = Run("evaluate", "--model", model, "--data", data, "--labels", "claim,rant");
        Assert.Equal(2, code);
        Assert.Contains("rant", err, StringComparison.Ordinal);
    }
}
