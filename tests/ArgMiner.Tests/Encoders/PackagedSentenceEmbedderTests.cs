using ArgMiner.Encoders.Embedding;

namespace ArgMiner.Tests.Encoders;

/// <summary>
/// What every packaged encoder must do, run against the real encoder from its NuGet package (no ../shared needed);
/// a handful of sentences keeps it fast. One sealed class per encoder below.
/// </summary>
public abstract class PackagedSentenceEmbedderTests<TEmbedder>
    where TEmbedder : PackagedSentenceEmbedder, new()
{
    private readonly TEmbedder _embedder;

    protected PackagedSentenceEmbedderTests(EmbedderFixture<TEmbedder> fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        _embedder = fixture.Embedder;
    }

    [Fact]
    public void GivenADisposedEncoder_WhenEmbedding_ThenObjectDisposedExceptionAndNoSessionIsMade()
    {
        // A batch after Dispose made an ONNX session from the disposed options: a native crash, not an exception.
        var embedder = new TEmbedder();
        embedder.Dispose();
        embedder.Dispose();
        Assert.Throws<ObjectDisposedException>(() => embedder.Embed(["The council should reject the deal."]));
    }

    [Fact]
    public void GivenSentences_WhenEmbedded_ThenOneUnitVectorOfTheDimensionEach()
    {
        var vectors = _embedder.Embed(["The council should reject the deal.", "I love this!", "Police recorded 42 burglaries last year."]);
        Assert.Equal(3, vectors.Length);
        foreach (var v in vectors)
        {
            Assert.Equal(_embedder.Dimension, v.Length);
            Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 3);
        }

        Assert.NotEqual(vectors[0], vectors[1]);
    }

    [Fact]
    public void GivenASentence_WhenEmbeddedTwiceAloneAndInALongerBatch_ThenTheSameVector()
    {
        const string Sentence = "Great read, keep it up!";
        var alone = _embedder.Embed([Sentence])[0];
        Assert.Equal(alone, _embedder.Embed([Sentence])[0]);
        var longer = string.Join(' ', Enumerable.Repeat("The study tracked four thousand patients for ten years in three countries.", 4));
        var batch = _embedder.Embed([longer, Sentence, "Hi all"]);
        for (var j = 0; j < alone.Length; j++)
        {
            Assert.Equal(alone[j], batch[1][j], 4);
        }
    }

    [Fact]
    public void GivenSentencesOfMixedLengthsOutOfOrder_WhenEmbedded_ThenEachVectorIsBitForBitTheOneItGetsAlone()
    {
        // Embed sends sentences to the encoder sorted by length; that must change no vector, or a document's
        // labels would depend on the other sentences it is embedded with.
        var sentences = Enumerable.Range(0, PackagedSentenceEmbedder.BatchSize + 5)
            .Select(i => string.Join(' ', Enumerable.Repeat($"word{i}", 1 + (i * 7 % 23))) + (i % 3 == 0 ? " Fine." : "."))
            .ToArray();
        var all = _embedder.Embed(sentences);
        for (var i = 0; i < sentences.Length; i++)
        {
            Assert.Equal(_embedder.Embed([sentences[i]])[0], all[i]);
        }
    }

    [Fact]
    public void GivenMoreSentencesThanABatch_WhenEmbedded_ThenEveryVectorIsInInputOrder()
    {
        var sentences = Enumerable.Range(0, PackagedSentenceEmbedder.BatchSize + 3).Select(i => $"Sentence number {i} is here.").ToArray();
        var all = _embedder.Embed(sentences);
        Assert.Equal(sentences.Length, all.Length);
        var last = _embedder.Embed([sentences[^1]])[0];
        for (var j = 0; j < last.Length; j++)
        {
            Assert.Equal(last[j], all[^1][j], 4);
        }
    }
}

/// <summary>One encoder per test class: loading one takes about a second and a few hundred MB.</summary>
public sealed class EmbedderFixture<TEmbedder> : IDisposable
    where TEmbedder : PackagedSentenceEmbedder, new()
{
    public TEmbedder Embedder { get; } = new();

    public void Dispose() => Embedder.Dispose();
}

public sealed class ArcticXsEmbedderTests(EmbedderFixture<ArcticXsEmbedder> fixture)
    : PackagedSentenceEmbedderTests<ArcticXsEmbedder>(fixture), IClassFixture<EmbedderFixture<ArcticXsEmbedder>>;

public sealed class MiniLmEmbedderTests(EmbedderFixture<MiniLmEmbedder> fixture)
    : PackagedSentenceEmbedderTests<MiniLmEmbedder>(fixture), IClassFixture<EmbedderFixture<MiniLmEmbedder>>;
