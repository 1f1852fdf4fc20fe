using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Text;
using ArgMiner.Tokenization;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Tagging;

public sealed class BioTransitionsTests
{
    private static readonly string[] Classes = ["O", "B-ORG", "I-ORG", "B-LOC", "I-LOC"];

    private static BioTransitions Transitions => BioTransitions.For(Classes)!;

    [Fact]
    public void GivenIOfATypeAfterO_WhenTheBestTagIsChosen_ThenTheBestAllowedTagWins()
    {
        // O 5, B-ORG 3, I-ORG 9 (best but not allowed after O), B-LOC 4, I-LOC 1.
        int[] scores = [5, 3, 9, 4, 1];

        Assert.Equal(0, Transitions.Best(previous: 0, best: 2, scores));
    }

    [Fact]
    public void GivenIOfATypeAfterBOfTheSameType_WhenTheBestTagIsChosen_ThenItIsKept()
    {
        int[] scores = [5, 3, 9, 4, 1];

        Assert.Equal(2, Transitions.Best(previous: 1, best: 2, scores));
        Assert.Equal(2, Transitions.Best(previous: 2, best: 2, scores));
    }

    [Fact]
    public void GivenIOfAnotherType_WhenTheBestTagIsChosen_ThenItIsRefused()
    {
        int[] scores = [1, 3, 9, 4, 2];

        Assert.Equal(3, Transitions.Best(previous: 3, best: 2, scores));
        Assert.False(Transitions.Allows(-1, 4));
    }

    [Fact]
    public void GivenTagsWithoutAnITag_WhenTransitionsAreMade_ThenThereAreNone()
    {
        Assert.Null(BioTransitions.For(["NOUN", "VERB", "B-ORG"]));
    }

    [Fact]
    public void GivenAnyScoresAndPreviousTag_WhenTheBestTagIsChosen_ThenItIsTheHighestScoringAllowedTag()
    {
        var gen =
            from scores in Gen.ArrayOf(Gen.Choose(-50, 50), Classes.Length)
            from previous in Gen.Choose(-1, Classes.Length - 1)
            select (scores, previous);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var argmax = Array.IndexOf(c.scores, c.scores.Max());
            var chosen = Transitions.Best(c.previous, argmax, c.scores);
            var allowed = Enumerable.Range(0, Classes.Length).Where(k => Transitions.Allows(c.previous, k)).ToList();
            return allowed.Contains(chosen) && allowed.All(k => c.scores[k] <= c.scores[chosen]);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GivenAnActsName_WhenTheShippedEntityTaggerTagsIt_ThenNoEntityStartsAtOf()
    {
        // The shipped tagger alone gave O I-ORG I-ORG I-ORG here, read as the entity "of Information Act".
        var found = TagShipped("Obama changed procedures to promote disclosure under the Freedom of Information Act.");

        Assert.DoesNotContain(found, e => e.StartsWith("of ", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenAnyWords_WhenTheShippedEntityTaggerTagsThem_ThenNoInsideTagFollowsAnotherEntityOrNone()
    {
        string[] words = ["Freedom", "of", "Information", "Act", "the", "Queen", "and", "Development", "de", "France", "Tour", "New", "York", "said", "ohio", "UN", "Bank", ",", "."];
        var tagger = ShippedModels.NerTagger;
        var gen = Gen.ArrayOf(Gen.Elements(words)).Where(a => a.Length > 0);
        Prop.ForAll(gen.ToArbitrary(), sentence =>
        {
            var text = string.Join(' ', sentence);
            var tokens = Tokens(text);
            var tags = new int[tokens.Count];
            tagger.Predict(text, tokens.ToArray(), tags);
            for (var i = 0; i < tags.Length; i++)
            {
                var tag = tagger.Classes[tags[i]];
                if (tag.StartsWith("I-", StringComparison.Ordinal) && (i == 0 || tagger.Classes[tags[i - 1]][2..] != tag[2..] || tagger.Classes[tags[i - 1]] == "O"))
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        new RuleTokenizer().Tokenize(text, 0, text.Length, tokens);
        return tokens;
    }

    private static List<string> TagShipped(string text)
    {
        var tokens = Tokens(text);
        var found = new List<RecognizedEntity>();
        new EntityRecognizer(ShippedModels.NerTagger, Gazetteer.Empty).Recognize(text, tokens.ToArray(), found);
        return found.Select(e => string.Join(' ', tokens.Skip(e.Span.First).Take(e.Span.Count).Select(t => text[t.Start..t.End]))).ToList();
    }
}
