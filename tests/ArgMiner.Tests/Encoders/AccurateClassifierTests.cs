using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Encoders.Classification;
using ArgMiner.Encoders.Embedding;
using ArgMiner.Models;
using ArgMiner.Tests.Classification;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Encoders;

public sealed class AccurateClassifierTests
{
    /// <summary>Five sentences of the four labels and a heading (the tuned encoder's tests score them too).</summary>
    internal static readonly string[] Probe =
    [
        "The mayor should resign.",
        "The report, published in 2020, counted 312 cases.",
        "What a wonderful piece, thanks!",
        "Related coverage",
        "Honestly the plan will fail.",
    ];

    private static AccurateClassifier Train(FakeEmbedder embedder, double gate = 1)
    {
        var trainer = new AccurateClassifierTrainer(new SentenceClassifierTrainer(TinyData.Options()), embedder, new AccurateTrainerOptions { Folds = 2, Gate = gate });
        return trainer.Fit(TinyData.Rows(), fast => fast).Model;
    }

    /// <summary>The tiny rows with each document's sentences together, so both context stages have documents to learn from.</summary>
    private static List<LabelledSentence> DocumentRows() => [.. TinyData.Rows().OrderBy(r => r.Doc, StringComparer.Ordinal)];

    /// <summary>A format-2 model: two encoders (their vectors joined) and the tier's own context stage.</summary>
    private static AccurateClassifier TrainTwoEncoders() =>
        new AccurateClassifierTrainer(new SentenceClassifierTrainer(TinyData.Options()), [new FakeEmbedder(), new FakeEmbedder(8, "fake-second-encoder")], new AccurateTrainerOptions { Folds = 3 })
            .Fit(DocumentRows(), fast => fast).Model;

    [Fact]
    public void GivenTwoEncodersAndTheTiersContextStage_WhenSavedAndLoaded_ThenFormat2PredictsExactlyTheSame()
    {
        using var dir = new TempDirectory();
        var model = TrainTwoEncoders();
        Assert.NotNull(model.Context);
        Assert.Equal(16 + 8 + 4, model.FeatureCount);
        var path = dir.File("accurate.model");
        model.Save(path);
        Assert.Equal(2, ModelPackage.Load(path, AccurateClassifier.Kind, AccurateClassifier.FormatVersion).FormatVersion);
        var loaded = AccurateClassifier.Load(path, [new FakeEmbedder(), new FakeEmbedder(8, "fake-second-encoder")]);
        Assert.NotNull(loaded.Context);
        var rows = DocumentRows();
        Assert.Equal(model.PredictRows(rows), loaded.PredictRows(rows), new PredictionComparer());
        Assert.Equal(model.PredictAll(Probe), loaded.PredictAll(Probe), new PredictionComparer());

        // The encoders must be the card's, in its order.
        var ex = Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, [new FakeEmbedder(8, "fake-second-encoder"), new FakeEmbedder()]));
        Assert.Contains("fake-second-encoder", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, new FakeEmbedder()));
        ex = Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, name => name == "fake-test-encoder" ? new FakeEmbedder() : null));
        Assert.Contains("'fake-second-encoder', which this build does not have", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A format-3 model: format 2 plus a neighbour bank of the rows outside document <paramref name="leftOutOfBank"/>.</summary>
    private static AccurateClassifier TrainWithNeighbours(string? leftOutOfBank = null) =>
        new AccurateClassifierTrainer(new SentenceClassifierTrainer(TinyData.Options()), [new FakeEmbedder(), new FakeEmbedder(8, "fake-second-encoder")], new AccurateTrainerOptions { Folds = 3, Neighbours = 3, InBank = r => r.Doc != leftOutOfBank })
            .Fit(DocumentRows(), fast => fast).Model;

    [Fact]
    public void GivenANeighbourBank_WhenSavedAndLoaded_ThenFormat3PredictsExactlyTheSame()
    {
        using var dir = new TempDirectory();
        var rows = DocumentRows();
        var leftOut = rows[0].Doc!;
        var model = TrainWithNeighbours(leftOut);
        Assert.Equal(16 + 8 + 4 + 4, model.FeatureCount);
        Assert.Equal(rows.Count(r => r.Doc != leftOut), model.Bank!.Count);
        var path = dir.File("accurate.model");
        model.Save(path);
        var package = ModelPackage.Load(path, AccurateClassifier.Kind, AccurateClassifier.FormatVersion);
        Assert.Equal(3, package.FormatVersion);
        Assert.Contains(NeighbourBank.Entry, package.Entries.Keys);
        Assert.Equal(model.Bank.Count, (int?)package.Card["neighbourBank"]?["rows"]);
        var loaded = AccurateClassifier.Load(path, [new FakeEmbedder(), new FakeEmbedder(8, "fake-second-encoder")]);
        Assert.Equal(model.PredictRows(rows), loaded.PredictRows(rows), new PredictionComparer());
        Assert.Equal(model.PredictAll(Probe), loaded.PredictAll(Probe), new PredictionComparer());

        // The shares are read: the same stacker without them scores differently.
        Assert.NotEqual(TrainTwoEncoders().PredictAll(Probe), model.PredictAll(Probe), new PredictionComparer());

        // Training twice gives the same bytes (the rows' shares are computed in parallel).
        TrainWithNeighbours(leftOut).Save(dir.File("again.model"));
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(dir.File("again.model")));
    }

    [Fact]
    public void GivenACorruptNeighbourBank_WhenLoaded_ThenOneClearErrorNamingTheFileAndEntry()
    {
        using var dir = new TempDirectory();
        var package = TrainWithNeighbours().ToPackage();
        package.Entries[NeighbourBank.Entry] = package.Entries[NeighbourBank.Entry][..^3];
        var path = dir.File("corrupt.model");
        package.Save(path);
        var ex = Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, [new FakeEmbedder(), new FakeEmbedder(8, "fake-second-encoder")]));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(NeighbourBank.Entry, ex.Message, StringComparison.Ordinal);

        // A bank in a format-2 file is not something this build wrote.
        var v2 = new ModelPackage(AccurateClassifier.Kind, 2, package.Card);
        foreach (var (name, entry) in TrainWithNeighbours().ToPackage().Entries)
        {
            v2.Entries[name] = entry;
        }

        v2.Save(path);
        Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, [new FakeEmbedder(), new FakeEmbedder(8, "fake-second-encoder")]));
    }

    [Fact]
    public void GivenTheTiersContextStage_WhenClassifyingDocumentRowsAndLoneLines_ThenOnlyDocumentsAreRescored()
    {
        var model = TrainTwoEncoders();
        var rows = DocumentRows();
        var texts = rows.Select(r => r.Text).ToList();
        var stacked = model.Refine(texts, model.Fast.PredictRows(rows));
        var withContext = model.PredictRows(rows);
        Assert.Equal(SentenceClassifier.ApplyContext(model.Context!, rows, stacked), withContext, new PredictionComparer());
        Assert.NotEqual(stacked, withContext, new PredictionComparer());

        // Lines alone ('classify') keep the stacker's output, as the fast model keeps its first stage's.
        Assert.Equal(model.Refine(texts, model.Fast.PredictAll(texts)), model.PredictAll(texts), new PredictionComparer());
    }

    [Fact]
    public void GivenTheTiersContextStage_WhenADocumentRunsThroughTheStage_ThenItsSentencesAreStackedThenRescoredTogether()
    {
        var model = TrainTwoEncoders();
        var document = ArgMiner.Pipeline.TextPipeline.CreateAnalysis().Process(ArgMiner.Ingest.DocumentReaders.Compose("d1", "test", null, string.Join(' ', Probe), []));
        Assert.True(document.Sentences.Length >= 2);
        var texts = document.Sentences.Select(s => document.Text.Substring(s.Start, s.Length)).ToArray();
        var stacked = model.Refine(texts, model.Fast.PredictDocument(document));
        var p = stacked.SelectMany(x => x.Probabilities).ToArray();
        model.Context!.Apply(p, stacked.Length);
        var labelled = new AccurateClassifierStage(model).Process(document).Labels;
        for (var i = 0; i < stacked.Length; i++)
        {
            Assert.Equal(p.Skip(4 * i).Take(4), labelled[i].Probabilities);
        }

        Assert.NotEqual(stacked.SelectMany(x => x.Probabilities), labelled.SelectMany(x => x.Probabilities));
    }

    [Fact]
    public void GivenSeveralDocuments_WhenTheStageProcessesThemInOneCall_ThenEachGetsTheLabelsItGetsAlone()
    {
        var model = TrainTwoEncoders();
        var analysis = ArgMiner.Pipeline.TextPipeline.CreateAnalysis();
        var documents = new[]
        {
            analysis.Process(ArgMiner.Ingest.DocumentReaders.Compose("d1", "test", "The council should reject the stadium deal", string.Join(' ', Probe), [])),
            analysis.Process(ArgMiner.Ingest.DocumentReaders.Compose("d2", "test", null, "I love this!", [])),
            analysis.Process(ArgMiner.Ingest.DocumentReaders.Compose("d3", "test", null, string.Join(' ', Probe.Reverse()), [])),
        };
        var stage = new AccurateClassifierStage(model);
        var together = stage.ProcessAll(documents);
        Assert.Equal(documents.Length, together.Count);
        for (var d = 0; d < documents.Length; d++)
        {
            var alone = stage.Process(documents[d]);
            Assert.Equal(documents[d].Id, together[d].Id);
            Assert.Equal(alone.Labels.Length, together[d].Labels.Length);
            for (var i = 0; i < alone.Labels.Length; i++)
            {
                Assert.Equal(alone.Labels[i].Label, together[d].Labels[i].Label);
                Assert.Equal(alone.Labels[i].Probabilities.ToArray(), together[d].Labels[i].Probabilities.ToArray());
            }
        }
    }

    [Fact]
    public void GivenATitleAndAFooter_WhenADocumentRunsThroughTheStage_ThenTheyAreOtherAsWithTheFastModel()
    {
        var model = TrainTwoEncoders();
        var body = string.Join(' ', Probe) + "\nThe views expressed here do not necessarily reflect those of the Ledger.";
        var document = ArgMiner.Pipeline.TextPipeline.CreateAnalysis().Process(ArgMiner.Ingest.DocumentReaders.Compose("d1", "test", "The council should reject the stadium deal", body, []));
        var labelled = new AccurateClassifierStage(model).Process(document).Labels;
        var ruled = document.Sentences.Select((s, i) => (s.Section, i)).Where(x => x.Section is ArgMiner.Text.Section.Title or ArgMiner.Text.Section.Footer).ToList();
        Assert.Equal(2, ruled.Count);
        Assert.All(ruled, x => Assert.Equal(("other", 1.0), (labelled[x.i].Label, labelled[x.i].Probabilities[3])));
        Assert.Contains(labelled, l => l.Probabilities[3] < 1.0);
    }

    [Fact]
    public void GivenAFormat1File_WhenLoaded_ThenItScoresAsTheOneEncoderModelWithoutAContextStage()
    {
        // Format 1 (the tier shipped on 2026-12-04): the card names one encoder under "encoder", no context entries.
        using var dir = new TempDirectory();
        var trained = new AccurateClassifierTrainer(new SentenceClassifierTrainer(TinyData.Options()), new FakeEmbedder(), new AccurateTrainerOptions { Folds = 3, Context = false })
            .Fit(DocumentRows(), fast => fast).Model;
        var current = trained.ToPackage();
        var card = current.Card;
        card.Remove("encoders");
        card.Remove("tierContext");
        card["encoder"] = new JsonObject { ["name"] = "fake-test-encoder", ["dimension"] = 16 };
        var v1 = new ModelPackage(AccurateClassifier.Kind, 1, card);
        foreach (var (name, entry) in current.Entries)
        {
            v1.Entries[name] = entry;
        }

        Assert.Equal([AccurateClassifier.FastEntry, AccurateClassifier.StackerMlNetEntry, "stacker-weights.bin"], v1.Entries.Keys);
        var path = dir.File("v1.model");
        v1.Save(path);
        var loaded = AccurateClassifier.Load(path, new FakeEmbedder());
        Assert.Null(loaded.Context);
        var rows = DocumentRows();
        Assert.Equal(trained.PredictRows(rows), loaded.PredictRows(rows), new PredictionComparer());
        Assert.Equal(trained.PredictAll(Probe), loaded.PredictAll(Probe), new PredictionComparer());
        Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, [new FakeEmbedder(), new FakeEmbedder(8, "fake-second-encoder")]));
    }

    [Fact]
    public void GivenTheSameDocumentsTwice_WhenTrainedWithTwoEncoders_ThenTheModelFilesAreByteIdentical()
    {
        using var dir = new TempDirectory();
        TrainTwoEncoders().Save(dir.File("a.model"));
        TrainTwoEncoders().Save(dir.File("b.model"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.model")), File.ReadAllBytes(dir.File("b.model")));
    }

    [Fact]
    public void GivenATrainedAccurateModel_WhenSavedAndLoaded_ThenItPredictsExactlyTheSame()
    {
        using var dir = new TempDirectory();
        var model = Train(new FakeEmbedder());
        var path = dir.File("accurate.model");
        model.Save(path);
        Assert.True(AccurateClassifier.IsAccurateModel(path));
        var loaded = AccurateClassifier.Load(path, new FakeEmbedder());
        Assert.Equal(model.PredictAll(Probe), loaded.PredictAll(Probe), new PredictionComparer());
        Assert.Equal(model.Fast.PredictAll(Probe), loaded.Fast.PredictAll(Probe), new PredictionComparer());
        Assert.Equal(model.Gate, loaded.Gate);
    }

    [Fact]
    public void GivenADamagedAccurateModel_WhenClassifyingWithIt_ThenTheDamageIsNamedNotAnotherKind()
    {
        using var dir = new TempDirectory();
        var path = dir.File("accurate.model");
        Train(new FakeEmbedder()).Save(path);
        var bytes = File.ReadAllBytes(path);
        // A byte of the stacker's stored weights flipped (a stored entry is checked by its CRC-32 alone): the entry's
        // local header is the first place its name appears (the manifest is deflated), its data after name and extra field.
        var name = "stacker-weights.bin"u8;
        var at = bytes.AsSpan().IndexOf(name);
        var extra = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at - 2));
        bytes[at + name.Length + extra + 8] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        Assert.True(AccurateClassifier.IsAccurateModel(path));
        var input = dir.Write("in.txt", "The council should reject the deal.\n");
        var (code, _, stderr) = Support.Cli.Run("classify", "--model", path, "--input", input, "--out", dir.File("out.csv"));
        Assert.Equal(1, code);
        Assert.Equal($"argminer: {path}: corrupt model file (stacker-weights.bin does not match its checksum)", stderr.Trim());
        Assert.False(File.Exists(dir.File("out.csv")));
    }

    [Fact]
    public void GivenTheSameDataTwice_WhenTrained_ThenTheModelFilesAreByteIdentical()
    {
        using var dir = new TempDirectory();
        Train(new FakeEmbedder()).Save(dir.File("a.model"));
        Train(new FakeEmbedder()).Save(dir.File("b.model"));
        Assert.Equal(File.ReadAllBytes(dir.File("a.model")), File.ReadAllBytes(dir.File("b.model")));
    }

    [Fact]
    public void GivenAGate_WhenClassifying_ThenOnlySentencesTheFastModelIsUnsureOfAreEmbeddedAndChanged()
    {
        var embedder = new FakeEmbedder();
        var model = Train(embedder).WithGate(0.6);
        var fast = model.Fast.PredictAll(Probe);
        var before = embedder.Embedded;
        var accurate = model.PredictAll(Probe);
        var unsure = fast.Count(p => p.Confidence < 0.6);
        Assert.Equal(unsure, embedder.Embedded - before);
        for (var i = 0; i < Probe.Length; i++)
        {
            if (fast[i].Confidence >= 0.6)
            {
                Assert.Equal(fast[i], accurate[i], new PredictionComparer());
            }
            else
            {
                Assert.Equal(1.0, accurate[i].Probabilities.Sum(), 6);
            }
        }
    }

    [Fact]
    public void GivenAModelTrainedOnAnotherEncoder_WhenLoaded_ThenOneClearErrorNamingBothEncoders()
    {
        using var dir = new TempDirectory();
        var path = dir.File("accurate.model");
        Train(new FakeEmbedder()).Save(path);
        var ex = Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, new FakeEmbedder(8)));
        Assert.Contains("fake-test-encoder", ex.Message, StringComparison.Ordinal);
    }

    private sealed class PredictionComparer : IEqualityComparer<SentencePrediction>
    {
        public bool Equals(SentencePrediction? x, SentencePrediction? y) =>
            x is not null && y is not null && x.Label == y.Label && x.Confidence == y.Confidence && x.Probabilities.SequenceEqual(y.Probabilities);

        public int GetHashCode(SentencePrediction obj) => obj.Label.GetHashCode(StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTwoEncodersAndTheFirstFails_WhenEmbedding_ThenTheExceptionLeavesOnlyAfterTheSecondHasReturned()
    {
        // train-accurate disposes its encoders as the exception leaves: an ONNX session disposed under the second
        // encoder, still running on the thread pool, crashed the process (exit 139) until session 34.
        var second = new SlowEmbedder();
        var ex = Assert.Throws<IOException>(() => AccurateClassifier.Embed([new FailingEmbedder(), second], ["one sentence", "another"]));
        Assert.Equal("the cache cannot be written", ex.Message);
        Assert.True(second.Returned, "the exception left while the second encoder was still embedding");
    }

    private sealed class FailingEmbedder : ISentenceEmbedder
    {
        public string Name => "failing";

        public int Dimension => 4;

        public float[][] Embed(IReadOnlyList<string> sentences) => throw new IOException("the cache cannot be written");

        public void Dispose()
        {
        }
    }

    private sealed class SlowEmbedder : ISentenceEmbedder
    {
        private volatile bool _returned;

        public string Name => "slow";

        public int Dimension => 4;

        public bool Returned => _returned;

        public float[][] Embed(IReadOnlyList<string> sentences)
        {
            Thread.Sleep(500);
            _returned = true;
            return [.. sentences.Select(_ => new float[4])];
        }

        public void Dispose()
        {
        }
    }
}
