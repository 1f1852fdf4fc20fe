using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Tests.Support;
using ArgMiner.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Tagging;

/// <summary>
/// The taggers' word cache (<see cref="TaggerWordCache"/>) is only a memo: every token's description and the summed
/// weights of its word features must be exactly those the features' definitions give without it, whatever the cache has kept.
/// </summary>
public sealed class TaggerWordCacheTests
{
    private static readonly TextPipeline Splitter = TextPipeline.CreateDefault();

    private static readonly AveragedPerceptronTagger[] Taggers = [ShippedModels.PosTagger, ShippedModels.NerTagger];

    private static readonly string[] Texts =
    [
        "Iraq Braces for a U.S. Exit\nIn December 2019, the United States struck Kataib Hezbollah near Baghdad. President Donald Trump said NATO would stay.",
        "great piece by Steven Nabil! the Kurds in Erbil deserve better.\n\nGOOGLE and Microsoft Corp. said on Tuesday they'd raise $2bn.",
        "Hi Dana,\nThanks for the e-mail -- see you at 3:30pm. Cheers, Bob",
        "A",
        "\"Why?\" she asked. (No answer.)",
    ];

    [Fact]
    public void GivenRealSentences_WhenDescribedThroughTheCache_ThenInfoAndScoresAreThoseWithout()
    {
        foreach (var tagger in Taggers)
        {
            var cache = tagger.NewWordCache();

            // Twice over: the first pass fills the cache, the second reads it.
            foreach (var text in Texts.Concat(Texts))
            {
                AssertSame(tagger, cache, text);
            }
        }
    }

    [Fact]
    public void GivenAnyStrings_WhenDescribedThroughOneCache_ThenInfoAndScoresAreThoseWithout()
    {
        foreach (var tagger in Taggers)
        {
            var cache = tagger.NewWordCache();
            Prop.ForAll<string[]>(texts => (texts ?? []).All(text => Same(tagger, cache, text ?? string.Empty)))
                .QuickCheckThrowOnFailure();
        }
    }

    [Fact]
    public void GivenMoreWordsThanTheCacheKeepsAndLongWords_WhenDescribed_ThenItKeepsOnlyShortFirstOnesAndScoresStayThoseWithout()
    {
        var tagger = ShippedModels.NerTagger;
        var cache = tagger.NewWordCache();
        var longWord = "Z" + new string('z', TaggerWordCache.MaxKeptLength);
        for (var start = 0; start < TaggerWordCache.MaxWords + 300; start += 8)
        {
            var words = Enumerable.Range(start, 8).Select(i => "W" + MadeUpWords.Letters(i));
            AssertSame(tagger, cache, string.Join(' ', words) + " met " + longWord + " in W" + MadeUpWords.Letters(start / 2) + ".");
        }

        Assert.Equal(TaggerWordCache.MaxWords, cache.Kept);
        AssertSame(tagger, cache, "Wab met W" + MadeUpWords.Letters(TaggerWordCache.MaxWords + 299) + " and " + longWord + ".");
    }

    private static IEnumerable<(string Text, Token[] Tokens)> Sentences(string text)
    {
        // A text the reader finds nothing in (empty, or not text) has no document and no sentences.
        if (DocumentReaders.ReadPlainText(System.Text.Encoding.UTF8.GetBytes(text), "t.txt", "t").Document is not { } read)
        {
            yield break;
        }

        var doc = Splitter.Process(read);
        foreach (var s in doc.Sentences)
        {
            yield return (doc.Text, doc.Tokens.AsSpan(s.FirstToken, s.TokenCount).ToArray());
        }
    }

    private static bool Same(AveragedPerceptronTagger tagger, TaggerWordCache cache, string text)
    {
        foreach (var (docText, tokens) in Sentences(text))
        {
            var (plainInfo, cachedInfo, plainScores, cachedScores) = Describe(tagger, cache, docText, tokens);
            if (!plainInfo.SequenceEqual(cachedInfo) || !plainScores.SequenceEqual(cachedScores))
            {
                return false;
            }
        }

        return true;
    }

    private static void AssertSame(AveragedPerceptronTagger tagger, TaggerWordCache cache, string text)
    {
        foreach (var (docText, tokens) in Sentences(text))
        {
            var (plainInfo, cachedInfo, plainScores, cachedScores) = Describe(tagger, cache, docText, tokens);
            Assert.Equal(plainInfo, cachedInfo);
            Assert.Equal(plainScores, cachedScores);
        }
    }

    private static (TokenInfo[] PlainInfo, TokenInfo[] CachedInfo, int[] PlainScores, int[] CachedScores) Describe(AveragedPerceptronTagger tagger, TaggerWordCache cache, string text, Token[] tokens)
    {
        var plain = new TokenInfo[tokens.Length];
        var cached = new TokenInfo[tokens.Length];
        var ids = new int[tokens.Length];
        TaggerFeatures.Describe(text, tokens, tagger.Lexicon, plain, tagger.WordClassTable);
        cache.Describe(text, tokens, cached, ids);
        var width = tagger.ScoreCount;
        var plainScores = new int[tokens.Length * width];
        var cachedScores = new int[tokens.Length * width];
        var scratch = new int[tagger.ScoreSlots];
        for (var i = 0; i < tokens.Length; i++)
        {
            tagger.UncachedWordScores(plain, i, scratch);
            scratch.AsSpan(0, width).CopyTo(plainScores.AsSpan(i * width));
            tagger.CachedWordScores(cache, cached, ids, i, prefetch: i % 2 == 0, scratch);
            scratch.AsSpan(0, width).CopyTo(cachedScores.AsSpan(i * width));
        }

        return (plain, cached, plainScores, cachedScores);
    }
}
