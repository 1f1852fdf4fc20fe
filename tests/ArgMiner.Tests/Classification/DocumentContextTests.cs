using ArgMiner.Classification;
using ArgMiner.Ingest;
using ArgMiner.Models;
using ArgMiner.Pipeline;
using ArgMiner.Tests.Support;
using ArgMiner.Text;

namespace ArgMiner.Tests.Classification;

/// <summary>The sentence classifier's document-context stage: trained, saved, loaded, scored by both engines.</summary>
public sealed class DocumentContextTests
{
    /// <summary>The tiny rows with each document's sentences together, in a fixed order, so every document is a run.</summary>
    private static List<LabelledSentence> DocumentRows() => [.. TinyData.Rows().OrderBy(r => r.Doc, StringComparer.Ordinal)];

    private static SentenceClassifier TrainWithContext(List<LabelledSentence> rows)
    {
        var trainer = new SentenceClassifierTrainer(TinyData.Options());
        var outOfFold = CrossValidation.OutOfFold(trainer, rows, 3);
        var context = trainer.FitContext(rows, outOfFold);
        Assert.NotNull(context);
        return trainer.Fit(rows).WithContext(context);
    }

    [Fact]
    public void GivenRowsOfDocuments_WhenRunsAreFound_ThenEachDocumentInReadingOrderIsOneRunAndOtherRowsStandAlone()
    {
        List<LabelledSentence> rows =
        [
            new("a", "claim") { Doc = "d1" },
            new("b", "claim") { Doc = "d1" },
            new("c", "claim") { Doc = "d2" },
            new("d", "claim"),
            new("e", "claim") { Doc = "m", InReadingOrder = false },
            new("f", "claim") { Doc = "m", InReadingOrder = false },
            new("g", "claim") { Doc = "d1" },
        ];
        Assert.Equal([(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 1)], SentenceClassifier.DocumentRuns(rows).ToList());
    }

    [Fact]
    public void GivenOutOfFoldPredictions_WhenTheStageIsCrossValidated_ThenSentencesAloneKeepTheirsAndTheOthersAreRescored()
    {
        var rows = DocumentRows();
        rows.Add(new LabelledSentence("A sentence with no document.", "other") { Origin = "alone" });
        var trainer = new SentenceClassifierTrainer(TinyData.Options());
        var outOfFold = CrossValidation.OutOfFold(trainer, rows, 3);
        var folds = trainer.CrossValidateContext(rows, outOfFold, 3);
        Assert.NotNull(folds);
        Assert.Equal(rows.Count, folds.Length);
        Assert.Same(outOfFold[^1], folds[^1]);
        Assert.Contains(Enumerable.Range(0, rows.Count - 1), i => !folds[i].Probabilities.SequenceEqual(outOfFold[i].Probabilities));
        Assert.Equal(folds.Select(p => p.Probabilities.ToArray()), trainer.CrossValidateContext(rows, outOfFold, 3)!.Select(p => p.Probabilities.ToArray()));
    }

    [Fact]
    public void GivenDataWithoutDocumentsOfTwoSentences_WhenTheStageIsFitted_ThenThereIsNone()
    {
        var rows = TinyData.Rows().Select((r, i) => r with { Doc = "doc" + i }).ToList();
        var trainer = new SentenceClassifierTrainer(TinyData.Options());
        Assert.Null(trainer.FitContext(rows, trainer.Fit(rows).PredictRows(rows)));
    }

    [Fact]
    public void GivenAModelWithContext_WhenSavedAndLoaded_ThenPredictionsAreIdenticalAndTheFileIsLayout4()
    {
        var rows = DocumentRows();
        var model = TrainWithContext(rows);
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "context.model");
        model.Save(path);
        var loaded = SentenceClassifier.Load(path);
        Assert.NotNull(loaded.Context);
        Assert.Equal(4, ModelPackage.Load(path, SentenceClassifier.Kind, SentenceClassifier.FormatVersion).FormatVersion);
        var before = model.PredictRows(rows);
        var after = loaded.PredictRows(rows);
        Assert.Equal(before.Select(p => p.Probabilities.ToArray()), after.Select(p => p.Probabilities.ToArray()));
    }

    [Fact]
    public void GivenAModelWithContext_WhenBothEnginesScoreDocuments_ThenTheyAgree()
    {
        var rows = DocumentRows();
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "context.model");
        TrainWithContext(rows).Save(path);
        AssertEnginesAgreeOnDocuments(SentenceClassifier.Load(path), rows);
    }

    [Fact]
    public void GivenTheShippedModel_WhenBothEnginesScoreTheCorpusDocuments_ThenTheyAgree()
    {
        var shipped = ShippedModels.SentenceClassifier;
        Assert.NotNull(shipped.Context);
        var rows = LabelledData.Read([Path.Combine(Repository.Root, "corpus", "labelled")], new LabelledDataOptions());
        Assert.Contains(SentenceClassifier.DocumentRuns(rows), r => r.Count > 10);
        AssertEnginesAgreeOnDocuments(shipped, rows);
    }

    private static void AssertEnginesAgreeOnDocuments(SentenceClassifier model, IReadOnlyList<LabelledSentence> rows)
    {
        using var mlnet = new MlNetSentenceScorer(model, "test model");
        var compiled = model.PredictRows(rows);
        var same = 0;
        double worst = 0;
        foreach (var (start, count) in SentenceClassifier.DocumentRuns(rows))
        {
            var viaMlNet = mlnet.PredictDocument([.. rows.Skip(start).Take(count).Select(r => (r.Text, r.Context))]);
            for (var i = 0; i < count; i++)
            {
                same += viaMlNet[i].Label == compiled[start + i].Label ? 1 : 0;
                for (var k = 0; k < 4; k++)
                {
                    worst = Math.Max(worst, Math.Abs(viaMlNet[i].Probabilities[k] - compiled[start + i].Probabilities[k]));
                }
            }
        }

        Assert.True(same >= rows.Count * 0.999, $"{same} of {rows.Count} labels agree");
        Assert.True(worst <= 0.001, $"probabilities differ by up to {worst}");
    }

    [Fact]
    public void GivenAModelWithContext_WhenASentenceStandsAlone_ThenItKeepsTheFirstStagesProbabilities()
    {
        var model = TrainWithContext(DocumentRows());
        var firstStage = model.WithContext(null);
        const string text = "The council voted 7 to 2 on Tuesday.";
        Assert.Equal(firstStage.Predict(text).Probabilities.ToArray(), model.Predict(text).Probabilities.ToArray());
        Assert.Equal(firstStage.PredictRows([new LabelledSentence(text, "evidence") { Doc = "alone" }])[0].Probabilities.ToArray(), model.PredictRows([new LabelledSentence(text, "evidence") { Doc = "alone" }])[0].Probabilities.ToArray());
    }

    [Fact]
    public void GivenAModelWithContext_WhenASentencesNeighbourChanges_ThenItsProbabilitiesChange()
    {
        var model = TrainWithContext(DocumentRows());
        const string text = "The council voted 7 to 2 on Tuesday.";
        LabelledSentence Row(string t) => new(t, "other") { Doc = "d" };
        var withOpinion = model.PredictRows([Row(text), Row(TinyData.Opinions[0]), Row(TinyData.Opinions[1])])[0];
        var withEvidence = model.PredictRows([Row(text), Row(TinyData.Evidence[0]), Row(TinyData.Evidence[1])])[0];
        Assert.NotEqual(withOpinion.Probabilities.ToArray(), withEvidence.Probabilities.ToArray());
    }

    [Fact]
    public void GivenACorruptContextEntry_WhenLoaded_ThenAModelFormatErrorNamesTheFile()
    {
        var package = TrainWithContext(DocumentRows()).ToPackage();
        package.Entries[DocumentContextModel.WeightsEntry] = [1, 2, 3];
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "broken-context.model");
        package.Save(path);
        var ex = Assert.Throws<ModelFormatException>(() => SentenceClassifier.Load(path));
        Assert.Contains("broken-context.model", ex.Message, StringComparison.Ordinal);
        Assert.Contains("context", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenADocument_WhenThePipelineClassifiesIt_ThenItMatchesTheLabelledRowsPath()
    {
        var model = TrainWithContext(DocumentRows());
        var sentences = new[] { TinyData.Claims[0], TinyData.Evidence[0], TinyData.Opinions[0] };
        var document = TextPipeline.CreateDefault().Process(DocumentReaders.ReadPlainText(System.Text.Encoding.UTF8.GetBytes(string.Join(" ", sentences)), "d.txt", "d").Document!);
        Assert.Equal(3, document.Sentences.Length);
        var viaDocument = model.PredictDocument(document);
        Assert.Equal(3, viaDocument.Length);
        // The document path and the rows path feed the second stage the same way: the same first-stage
        // probabilities give the same rescoring.
        var first = model.WithContext(null).PredictDocument(document);
        var rescored = SentenceClassifier.ApplyContext(model.Context!, [.. sentences.Select(s => new LabelledSentence(s, "claim") { Doc = "d" })], first);
        Assert.Equal(rescored.Select(p => p.Probabilities.ToArray()), viaDocument.Select(p => p.Probabilities.ToArray()));
    }

    [Fact]
    public void GivenADocumentAfterALongerOne_WhenClassified_ThenTheThreadsReusedBuilderGivesWhatAFreshOneGives()
    {
        // PredictDocument keeps its feature builder on the thread between documents; a builder grown by a long
        // document must score the next one bit for bit as a fresh thread's new builder does.
        var model = TrainWithContext(DocumentRows());
        var pipeline = TextPipeline.CreateDefault();
        Document Read(string text) => pipeline.Process(DocumentReaders.ReadPlainText(System.Text.Encoding.UTF8.GetBytes(text), "d.txt", "d").Document!);
        var longer = Read(string.Join(" ", Enumerable.Repeat(string.Join(" ", TinyData.Evidence), 20)));
        var document = Read(string.Join(" ", TinyData.Claims[0], TinyData.Evidence[0], TinyData.Opinions[0]));
        double[][]? fresh = null;
        var thread = new Thread(() => fresh = [.. model.PredictDocument(document).Select(p => p.Probabilities.ToArray())]);
        thread.Start();
        thread.Join();
        _ = model.PredictDocument(longer);
        var reused = model.PredictDocument(document).Select(p => p.Probabilities.ToArray());
        Assert.Equal(fresh, reused);
    }
}
