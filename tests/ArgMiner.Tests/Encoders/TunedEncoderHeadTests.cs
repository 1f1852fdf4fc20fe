using ArgMiner.Classification;
using ArgMiner.Encoders.Classification;
using ArgMiner.Encoders.Embedding;
using ArgMiner.Models;
using ArgMiner.Tests.Classification;
using ArgMiner.Tests.Support;
using ArgMiner.Text;

namespace ArgMiner.Tests.Encoders;

/// <summary>
/// The tuned encoder is stored as how each ArcticXs weight moved, applied to the package's graph at load: built here
/// from the real package (no ../shared needed), once per class: with no movement, and with one tensor moved.
/// </summary>
public sealed class TunedEncoderFixture
{
    public TunedEncoderFixture()
    {
        var graph = ArcticXsGraph.Read();
        var shapes = ArcticXsGraph.Shapes(graph);
        var pretrained = TunedEncoderHead.PackageTensors(graph);
        var random = new Random(7);
        Head = [.. Enumerable.Range(0, 4 * 384).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        Bias = [0.1f, -0.2f, 0.3f, 0f];
        var names = pretrained.Keys.Where(n => shapes[n].Length is 1 or 2).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Unmoved = TunedEncoderHead.Write([.. names.Select(n => (n, shapes[n], pretrained[n], pretrained[n]))], Head, Bias);
        Moved = TunedEncoderHead.Write(
            [.. names.Select(n => (n, shapes[n], pretrained[n], n == "embeddings.LayerNorm.bias" ? [.. pretrained[n].Select((x, i) => x + (i % 3 == 0 ? 0.05f : 0f))] : pretrained[n]))],
            Head,
            Bias);
        TensorCount = names.Count;
    }

    public float[] Head { get; }

    public float[] Bias { get; }

    public byte[] Unmoved { get; }

    public byte[] Moved { get; }

    public int TensorCount { get; }
}

public sealed class TunedEncoderHeadTests(TunedEncoderFixture fixture) : IClassFixture<TunedEncoderFixture>
{
    private static readonly string[] Probe = AccurateClassifierTests.Probe;

    // A tier without tuned encoders, trained on the tiny data with the fake encoder.
    private static AccurateClassifier PlainTier() =>
        new AccurateClassifierTrainer(new SentenceClassifierTrainer(TinyData.Options()), new FakeEmbedder(), new AccurateTrainerOptions { Folds = 2 })
            .Fit(TinyData.Rows(), fast => fast).Model;

    // Each of the probe's mixed predictions is the normalised geometric mean of its basis prediction and the two
    // tuned encoders' mean, to 1e-12.
    private static void AssertMixedWithTheirMean(IReadOnlyList<SentencePrediction> basis, TunedEncoderHead first, TunedEncoderHead second, IReadOnlyList<SentencePrediction> mixed)
    {
        var a = first.Probabilities(Probe);
        var b = second.Probabilities(Probe);
        for (var i = 0; i < Probe.Length; i++)
        {
            var m = Enumerable.Range(0, 4).Select(k => Math.Sqrt(basis[i].Probabilities[k] * (a[i][k] + b[i][k]) / 2)).ToArray();
            Assert.Equal(m.Select(x => x / m.Sum()), mixed[i].Probabilities, (x, y) => Math.Abs(x - y) < 1e-12);
        }
    }

    [Fact]
    public void GivenTheGraph_WhenRead_ThenEveryWeightOfTheSixLayersIsNamedWithItsShape()
    {
        var graph = ArcticXsGraph.Read();
        var matMuls = ArcticXsGraph.MatMulWeights(graph);
        var shapes = ArcticXsGraph.Shapes(graph);
        Assert.Equal(6 * 6, matMuls.Count);
        Assert.Equal([384L, 1536L], shapes[matMuls["/encoder/layer.5/intermediate/dense/MatMul"]]);
        Assert.Equal([30522L, 384L], shapes["embeddings.word_embeddings.weight"]);
        Assert.Equal(101, fixture.TensorCount);
    }

    [Fact]
    public void GivenUnmovedWeights_WhenEncoding_ThenTheFirstTokenStatesAreThePackagesOwnVectors()
    {
        using var tuned = TunedEncoderHead.FromBytes(fixture.Unmoved, "unmoved");
        using var package = new ArcticXsEmbedder();
        var states = tuned.FirstTokenStates(Probe);
        var vectors = package.Embed(Probe);
        for (var i = 0; i < Probe.Length; i++)
        {
            var norm = Math.Sqrt(states[i].Sum(x => (double)x * x));
            for (var d = 0; d < 384; d++)
            {
                Assert.True(Math.Abs(vectors[i][d] - (states[i][d] / norm)) < 1e-5, $"sentence {i}, dimension {d}");
            }
        }

        // The head is a softmax over the head's scores of those states.
        var p = tuned.Probabilities(Probe);
        for (var i = 0; i < Probe.Length; i++)
        {
            var z = Enumerable.Range(0, 4).Select(k => fixture.Bias[k] + Enumerable.Range(0, 384).Sum(d => (double)fixture.Head[(k * 384) + d] * states[i][d])).ToArray();
            var total = z.Sum(x => Math.Exp(x - z.Max()));
            for (var k = 0; k < 4; k++)
            {
                Assert.Equal(Math.Exp(z[k] - z.Max()) / total, p[i][k], 9);
            }
        }
    }

    [Fact]
    public void GivenMovedWeights_WhenEncoding_ThenTheStatesMoveAndAreTheSameAloneAsInABatch()
    {
        using var unmoved = TunedEncoderHead.FromBytes(fixture.Unmoved, "unmoved");
        using var moved = TunedEncoderHead.FromBytes(fixture.Moved, "moved");
        var before = unmoved.FirstTokenStates(Probe);
        var after = moved.FirstTokenStates(Probe);
        Assert.All(Enumerable.Range(0, Probe.Length), i => Assert.NotEqual(before[i], after[i]));
        Assert.Equal(after[2], moved.FirstTokenStates([Probe[2]])[0]);
    }

    [Fact]
    public void GivenACorruptEntry_WhenRead_ThenOneClearErrorNamingTheFileAndEntry()
    {
        foreach (var bytes in new[] { fixture.Unmoved[..^5], [.. fixture.Unmoved, 0], "NOPE"u8.ToArray(), [.. "ATE1"u8, 0xff, 0xff, 0xff, 0x7f] })
        {
            var ex = Assert.Throws<ModelFormatException>(() => TunedEncoderHead.FromBytes(bytes, "tier.model"));
            Assert.Contains("tier.model", ex.Message, StringComparison.Ordinal);
            Assert.Contains(TunedEncoderHead.Entry, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GivenATierWithATunedEncoder_WhenSavedAndLoaded_ThenFormat4PredictsExactlyTheSameAndMixesGeometrically()
    {
        using var dir = new TempDirectory();
        var plain = new AccurateClassifierTrainer(new SentenceClassifierTrainer(TinyData.Options()), new FakeEmbedder(), new AccurateTrainerOptions { Folds = 3 })
            .Fit([.. TinyData.Rows().OrderBy(r => r.Doc, StringComparer.Ordinal)], fast => fast).Model;
        using var tuned = TunedEncoderHead.FromBytes(fixture.Moved, "moved");
        var model = plain.WithTuned([tuned]);
        var path = dir.File("accurate.model");
        model.Save(path);
        var package = ModelPackage.Load(path, AccurateClassifier.Kind, AccurateClassifier.FormatVersion);
        Assert.Equal(4, package.FormatVersion);
        Assert.Equal(fixture.Moved, package.Entries[TunedEncoderHead.Entry]);
        Assert.NotNull(package.Card["tunedEncoder"]);
        var loaded = AccurateClassifier.Load(path, new FakeEmbedder());
        Assert.Single(loaded.Tuned);
        var rows = TinyData.Rows();
        AssertSame(model.PredictRows(rows), loaded.PredictRows(rows));
        AssertSame(model.PredictAll(Probe), loaded.PredictAll(Probe));

        // Each sentence: the normalised geometric mean of the tier's probabilities and the tuned encoder's.
        var tier = plain.PredictAll(Probe);
        var own = tuned.Probabilities(Probe);
        var mixed = model.PredictAll(Probe);
        for (var i = 0; i < Probe.Length; i++)
        {
            var m = Enumerable.Range(0, 4).Select(k => Math.Sqrt(tier[i].Probabilities[k] * own[i][k])).ToArray();
            Assert.Equal(m.Select(x => x / m.Sum()), mixed[i].Probabilities, (a, b) => Math.Abs(a - b) < 1e-12);
            Assert.Equal(SentenceLabels.All[Array.IndexOf(m, m.Max())], mixed[i].Label);
        }

        // Without the tuned encoder the file is format 3 or older, as before.
        plain.Save(dir.File("plain.model"));
        Assert.True(ModelPackage.Load(dir.File("plain.model"), AccurateClassifier.Kind, AccurateClassifier.FormatVersion).FormatVersion < 4);
        Assert.Empty(AccurateClassifier.Load(dir.File("plain.model"), new FakeEmbedder()).Tuned);
    }

    [Fact]
    public void GivenTwoTunedEncoders_WhenSavedAndLoaded_ThenFormat5PredictsTheSameAndMixesTheTierWithTheirMean()
    {
        using var dir = new TempDirectory();
        var plain = PlainTier();
        using var moved = TunedEncoderHead.FromBytes(fixture.Moved, "moved");
        using var unmoved = TunedEncoderHead.FromBytes(fixture.Unmoved, "unmoved");
        var model = plain.WithTuned([moved, unmoved]);
        var path = dir.File("two.model");
        model.Save(path);
        var package = ModelPackage.Load(path, AccurateClassifier.Kind, AccurateClassifier.FormatVersion);
        Assert.Equal(5, package.FormatVersion);
        Assert.Equal(fixture.Moved, package.Entries[TunedEncoderHead.Entry]);
        Assert.Equal(fixture.Unmoved, package.Entries[TunedEncoderHead.EntryOf(1)]);
        var loaded = AccurateClassifier.Load(path, new FakeEmbedder());
        Assert.Equal(2, loaded.Tuned.Length);
        AssertSame(model.PredictAll(Probe), loaded.PredictAll(Probe));

        // Each sentence: the normalised geometric mean of the tier's probabilities and the two encoders' mean.
        AssertMixedWithTheirMean(plain.PredictAll(Probe), moved, unmoved, model.PredictAll(Probe));

        // A second encoder in a format-4 file, or one without the first, is refused with one clear error.
        foreach (var (version, drop) in new[] { (4, (string?)null), (5, TunedEncoderHead.Entry) })
        {
            var bad = new ModelPackage(AccurateClassifier.Kind, version, package.Card);
            foreach (var (name, entry) in package.Entries.Where(e => e.Key != drop))
            {
                bad.Entries[name] = entry;
            }

            bad.Save(dir.File("bad.model"));
            var ex = Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(dir.File("bad.model"), new FakeEmbedder()));
            Assert.Contains("bad.model", ex.Message, StringComparison.Ordinal);
            Assert.Contains("tuned-encoder", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GivenTunedEncodersOnly_WhenClassifying_ThenTheFastPredictionIsMixedWithTheirMeanAndNoOtherEncoderRuns()
    {
        using var dir = new TempDirectory();
        var plain = PlainTier();
        plain.Save(dir.File("plain.model"));
        var embedder = new FakeEmbedder();
        using var moved = TunedEncoderHead.FromBytes(fixture.Moved, "moved");
        using var unmoved = TunedEncoderHead.FromBytes(fixture.Unmoved, "unmoved");
        var model = AccurateClassifier.Load(dir.File("plain.model"), embedder).WithTuned([moved, unmoved]).WithTunedOnly(true);
        Assert.True(model.TunedOnly);

        AssertMixedWithTheirMean(model.Fast.PredictAll(Probe), moved, unmoved, model.PredictAll(Probe));

        // Documents too: the fast model's own predictions (with its context stage), never the stacker's.
        var rows = TinyData.Rows();
        var tunedRows = model.PredictRows(rows);
        Assert.Equal(0, embedder.Embedded);
        var wholeRows = model.WithTunedOnly(false).PredictRows(rows);
        Assert.True(embedder.Embedded > 0);
        Assert.NotEqual(wholeRows.Select(p => p.Probabilities[0]), tunedRows.Select(p => p.Probabilities[0]));

        // A tier without tuned encoders has nothing to run this way.
        Assert.Throws<ArgumentException>(() => plain.WithTunedOnly(true));
    }

    [Fact]
    public void GivenAGate_WhenClassifying_ThenSentencesTheFastModelIsSureOfKeepItsPrediction()
    {
        var plain = PlainTier();
        using var tuned = TunedEncoderHead.FromBytes(fixture.Moved, "moved");
        var model = plain.WithTuned([tuned]).WithGate(0.6);
        var fast = model.Fast.PredictAll(Probe);
        var accurate = model.PredictAll(Probe);
        Assert.Contains(fast, p => p.Confidence >= 0.6);
        for (var i = 0; i < Probe.Length; i++)
        {
            if (fast[i].Confidence >= 0.6)
            {
                AssertSame([fast[i]], [accurate[i]]);
            }
        }
    }

    [Fact]
    public void GivenATunedEncoderInAFormat3File_WhenLoaded_ThenOneClearError()
    {
        using var dir = new TempDirectory();
        var plain = PlainTier();
        using var tuned = TunedEncoderHead.FromBytes(fixture.Unmoved, "unmoved");
        var package = plain.WithTuned([tuned]).ToPackage();
        var v3 = new ModelPackage(AccurateClassifier.Kind, 3, package.Card);
        foreach (var (name, entry) in package.Entries)
        {
            v3.Entries[name] = entry;
        }

        var path = dir.File("v3.model");
        v3.Save(path);
        var ex = Assert.Throws<ModelFormatException>(() => AccurateClassifier.Load(path, new FakeEmbedder()));
        Assert.Contains(TunedEncoderHead.Entry, ex.Message, StringComparison.Ordinal);
    }

    private static void AssertSame(IReadOnlyList<SentencePrediction> expected, IReadOnlyList<SentencePrediction> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Label, actual[i].Label);
            Assert.Equal(expected[i].Probabilities.ToArray(), actual[i].Probabilities.ToArray());
        }
    }
}
