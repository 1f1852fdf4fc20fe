using ArgMiner.Classification;
using ArgMiner.Pipeline;
using ArgMiner.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Classification;

/// <summary>
/// The featurizer's word cache (<see cref="FeatureVectorBuilder.CachingWords"/>) is only a memo: a builder that
/// keeps words from sentence to sentence must give exactly the features of one that works every word out anew.
/// </summary>
public sealed class WordFeatureCacheTests
{
    private static readonly SentenceClassifier Tiny = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());

    /// <summary>Words that take every special path: lexicon cues, sentiment, "n't" and "'s" split for the vectors, per cent, money, digits, capitals, marks.</summary>
    private static readonly string[] Awkward =
    [
        "I don't think they'll ever admit it, and people's patience isn't endless!",
        "Prices rose 12 per cent, or about 40 dollars, according to the survey.",
        "The percentage fell to 3.5 percent in 2019; euros and pounds followed.",
        "WOW this is SO bad :( Cant believe it...",
        "\"Shame on the council,\" she said (again).",
        "Naïve café owners wouldn't've guessed — could they?",
        "per per cent cent percent usd USD $5 £4m 1,200 0.5",

        // Keys of up to eight chars are compared inside the cache entry, longer ones in the chars array.
        "abcdefgh abcdefghi abcdefgx abcdefg abcdefgh abcdefghij abcdefghi abcdefgx abcdefg a ab abc",
        string.Empty,
        "   ",
        "?!",
    ];

    private static IEnumerable<string> CorpusSentences() =>
        TinyData.Rows().Select(r => r.Text).Concat(Awkward);

    [Fact]
    public void GivenRealAndAwkwardSentences_WhenFeaturizedWithTheCache_ThenTheFeaturesAreThoseWithout()
    {
        foreach (var featurizer in new[] { ShippedModels.SentenceClassifier.Featurizer, Tiny.Featurizer })
        {
            var cached = new FeatureVectorBuilder().CachingWords();

            // Twice over: the first pass fills the cache, the second reads it.
            foreach (var text in CorpusSentences().Concat(CorpusSentences()))
            {
                AssertSameFeatures(featurizer, cached, text);
            }
        }
    }

    [Fact]
    public void GivenAnyStrings_WhenFeaturizedWithOneCachingBuilder_ThenTheFeaturesAreThoseWithout()
    {
        var featurizer = ShippedModels.SentenceClassifier.Featurizer;
        var cached = new FeatureVectorBuilder().CachingWords();
        Prop.ForAll<string[]>(texts => (texts ?? []).All(text => SameFeatures(featurizer, cached, text ?? string.Empty)))
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GivenMoreWordsThanTheCacheKeeps_WhenFeaturized_ThenItKeepsTheFirstAndTheFeaturesStayThoseWithout()
    {
        var featurizer = ShippedModels.SentenceClassifier.Featurizer;
        var cached = new FeatureVectorBuilder().CachingWords();
        var words = SentenceFeaturizer.WordFeatureCache.MaxWords + 500;
        for (var start = 0; start < words; start += 10)
        {
            // Ten made-up words a sentence, the early ones repeated later, so kept and passing words mix.
            var text = string.Join(' ', Enumerable.Range(start, 10).Select(i => "w" + MadeUpWords.Letters(i))) + " the w" + MadeUpWords.Letters(start / 2) + ".";
            AssertSameFeatures(featurizer, cached, text);
        }

        Assert.Equal(SentenceFeaturizer.WordFeatureCache.MaxWords, cached.WordCache!.Kept);
        AssertSameFeatures(featurizer, cached, "wab w" + MadeUpWords.Letters(words - 1) + " the w" + MadeUpWords.Letters(words - 1) + " don't");
    }

    [Fact]
    public void GivenLongWordsAndAHugeLine_WhenFeaturized_ThenOnlyShortWordsAreKeptAndTheFeaturesAreThoseWithout()
    {
        var featurizer = ShippedModels.SentenceClassifier.Featurizer;
        var cached = new FeatureVectorBuilder().CachingWords();
        var longWord = new string('x', SentenceFeaturizer.WordFeatureCache.MaxKeptLength + 1);
        AssertSameFeatures(featurizer, cached, $"short {longWord} words {longWord}y again short");
        Assert.Equal(3, cached.WordCache!.Kept); // short, words, again: neither long word
        AssertSameFeatures(featurizer, cached, new string('a', 200_000) + " then short words " + longWord);
        AssertSameFeatures(featurizer, cached, "short words stay " + longWord);
        Assert.Equal(5, cached.WordCache!.Kept); // then, stay
        AssertSameFeatures(featurizer, cached, "then short words stay");
    }

    [Fact]
    public void GivenTwoFeaturizers_WhenOneCachingBuilderServesBoth_ThenEachGetsItsOwnFeatures()
    {
        var cached = new FeatureVectorBuilder().CachingWords();
        foreach (var text in TinyData.Rows().Select(r => r.Text).Take(20))
        {
            AssertSameFeatures(ShippedModels.SentenceClassifier.Featurizer, cached, text);
            AssertSameFeatures(Tiny.Featurizer, cached, text);
        }
    }

    private static bool SameFeatures(SentenceFeaturizer featurizer, FeatureVectorBuilder cached, string text)
    {
        var plain = new FeatureVectorBuilder();
        featurizer.Featurize(text, default, plain);
        featurizer.Featurize(text, default, cached);
        return plain.Indices.SequenceEqual(cached.Indices) && plain.Values.SequenceEqual(cached.Values) && plain.DenseStart == cached.DenseStart;
    }

    private static void AssertSameFeatures(SentenceFeaturizer featurizer, FeatureVectorBuilder cached, string text)
    {
        var plain = new FeatureVectorBuilder();
        featurizer.Featurize(text, default, plain);
        featurizer.Featurize(text, default, cached);
        Assert.Equal(plain.Indices.ToArray(), cached.Indices.ToArray());
        Assert.Equal(plain.Values.ToArray(), cached.Values.ToArray());
        Assert.Equal(plain.DenseStart, cached.DenseStart);
    }
}
