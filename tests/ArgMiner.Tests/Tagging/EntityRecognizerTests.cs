using ArgMiner.Tagging;
using ArgMiner.Text;

namespace ArgMiner.Tests.Tagging;

public sealed class EntityRecognizerTests
{
    // A tiny NER model trained on "<Person> [<Person>] met friends in <Place> ." sentences.
    private static readonly AveragedPerceptronTagger Model =
        TaggingTestData.SmallTrainer(AveragedPerceptronTagger.NerKind).Fit(TaggingTestData.NerSentences(300, seed: 11));

    private static List<(string Text, string Type, EntitySource Source)> Recognize(EntityRecognizer r, TaggedSentence s)
    {
        var found = new List<RecognizedEntity>();
        r.Recognize(s.Text, s.Tokens.AsSpan(), found);
        return [.. found.Select(e => (s.Text[s.Tokens[e.Span.First].Start..s.Tokens[e.Span.First + e.Span.Count - 1].End], e.Span.Type, e.Source))];
    }

    private static TaggedSentence Words(params string[] words) => TaggedSentence.FromWords(words, [.. words.Select(_ => "O")]);

    [Fact]
    public void GivenNoGazetteer_WhenRecognized_ThenTheModelFindsTheEntities()
    {
        var found = Recognize(new EntityRecognizer(Model, Gazetteer.Empty), Words("Elena", "Chen", "met", "friends", "in", "Lima", "."));

        Assert.Equal([("Elena Chen", "PERSON", EntitySource.Model), ("Lima", "LOC", EntitySource.Model)], found);
    }

    [Fact]
    public void GivenAGazetteerNameOverlappingAModelEntity_WhenRecognized_ThenTheGazetteerWins()
    {
        var gazetteer = Gazetteer.FromEntries([("Chen met", "ORG")]);

        var found = Recognize(new EntityRecognizer(Model, gazetteer), Words("Elena", "Chen", "met", "friends", "in", "Lima", "."));

        Assert.Equal([("Chen met", "ORG", EntitySource.Gazetteer), ("Lima", "LOC", EntitySource.Model)], found);
    }

    [Fact]
    public void GivenAGazetteerNameTheModelMissed_WhenRecognized_ThenItIsAddedInOrder()
    {
        var gazetteer = Gazetteer.FromEntries([("friends", "NORP")]);

        var found = Recognize(new EntityRecognizer(Model, gazetteer), Words("Anna", "met", "friends", "in", "Oslo", "."));

        Assert.Equal(
            [("Anna", "PERSON", EntitySource.Model), ("friends", "NORP", EntitySource.Gazetteer), ("Oslo", "LOC", EntitySource.Model)],
            found);
    }

    [Fact]
    public void GivenAModelEntityContainingASameTypeGazetteerName_WhenRecognized_ThenTheLongerModelEntityStays()
    {
        var gazetteer = Gazetteer.FromEntries([("Chen", "PERSON")]);

        var found = Recognize(new EntityRecognizer(Model, gazetteer), Words("Elena", "Chen", "met", "friends", "in", "Lima", "."));

        Assert.Contains(("Elena Chen", "PERSON", EntitySource.Model), found);
        Assert.DoesNotContain(found, e => e.Text == "Chen");
    }

    [Fact]
    public void GivenAModelTrainedWithGazetteerFeatures_WhenSavedAndLoaded_ThenItStillUsesThemIdentically()
    {
        var gazetteer = Gazetteer.FromEntries([("Oslo", "LOC"), ("Lima", "LOC"), ("friends", "NORP")]);
        var trainer = new AveragedPerceptronTrainer(new AveragedPerceptronTrainerOptions
        {
            Kind = AveragedPerceptronTagger.NerKind,
            Epochs = 3,
            BucketBits = 12,
            Prune = 0,
            LexiconMinCount = 2,
            Gazetteer = gazetteer,
        });
        var model = trainer.Fit(TaggingTestData.NerSentences(200, seed: 5));
        using var ms = new MemoryStream();
        model.ToPackage([]).Write(ms);
        ms.Position = 0;
        var loaded = AveragedPerceptronTagger.Read(ms, "memory", AveragedPerceptronTagger.NerKind);
        var sentence = Words("Boris", "Anna", "met", "friends", "in", "Quito", ".");

        var before = Recognize(new EntityRecognizer(model, gazetteer), sentence);
        var after = Recognize(new EntityRecognizer(loaded, gazetteer), sentence);

        Assert.True(model.UsesGazetteer);
        Assert.True(loaded.UsesGazetteer);
        Assert.False(Model.UsesGazetteer);
        Assert.Equal(before, after);
        Assert.Contains(("friends", "NORP", EntitySource.Gazetteer), after);
        Assert.Contains(("Quito", "LOC", EntitySource.Model), after);
    }

    [Fact]
    public void GivenMidHyphenYear_WhenJoined_ThenOneDate()
    {
        const string text = "as of mid-2025 and mid - 2025";
        Token[] tokens = [new(0, 2), new(3, 5), new(6, 9), new(9, 10), new(10, 14), new(15, 18), new(19, 22), new(23, 24), new(25, 29)];
        var spans = new List<TokenSpan> { new(4, 1, "DATE") };

        EntityRecognizer.JoinMidPrefix(text, tokens, spans);

        // The glued form becomes one DATE; the spaced form is not a "mid-" date.
        Assert.Equal([new TokenSpan(2, 3, "DATE")], spans);
    }

    [Fact]
    public void GivenAMonthDateBeforeAYear_WhenJoined_ThenTheYearJoinsItAndAYearDateMerges()
    {
        var s = Words("Since", "October", "2023", ",", "in", "May", "2024", "and", "June", "1999s", "or", "Dec.", "2019");
        var spans = new List<TokenSpan> { new(1, 1, "DATE"), new(5, 1, "DATE"), new(6, 1, "DATE"), new(8, 1, "DATE"), new(11, 1, "DATE") };

        EntityRecognizer.JoinMonthYear(s.Text, s.Tokens.AsSpan(), spans);

        // "1999s" is no year: June stays alone.
        Assert.Equal([new TokenSpan(1, 2, "DATE"), new TokenSpan(5, 2, "DATE"), new TokenSpan(8, 1, "DATE"), new TokenSpan(11, 2, "DATE")], spans);
    }

    [Fact]
    public void GivenAYearInsideAnotherEntity_WhenJoined_ThenTheMonthDateStaysAlone()
    {
        var s = Words("in", "May", "2024", "Summit");
        var spans = new List<TokenSpan> { new(1, 1, "DATE"), new(2, 2, "EVENT") };

        EntityRecognizer.JoinMonthYear(s.Text, s.Tokens.AsSpan(), spans);

        Assert.Equal([new TokenSpan(1, 1, "DATE"), new TokenSpan(2, 2, "EVENT")], spans);
    }

    [Fact]
    public void GivenADateList_WhenSplit_ThenEachDateStandsAlone()
    {
        var s = Words("In", "December", "2019", "and", "January", "2020", "they");
        var spans = new List<TokenSpan> { new(1, 5, "DATE") };

        EntityRecognizer.SplitDateLists(s.Text, s.Tokens.AsSpan(), spans);

        Assert.Equal([new TokenSpan(1, 2, "DATE"), new TokenSpan(4, 2, "DATE")], spans);
    }

    [Fact]
    public void GivenAGreetingAndAPossessiveAroundAPerson_WhenFixed_ThenBothAreLeftOut()
    {
        var s = Words("Hi", "Dana", "Smith", "'s", "car");
        var spans = new List<TokenSpan> { new(0, 4, "PERSON") };

        EntityRecognizer.FixNameBoundaries(s.Text, s.Tokens.AsSpan(), spans);

        Assert.Equal([new TokenSpan(1, 2, "PERSON")], spans);
    }

    [Fact]
    public void GivenATitleBeforeAPerson_WhenFixed_ThenItIsLeftOutButATitleAloneStays()
    {
        var s = Words("Dr.", "Smith", "met", "President");
        var spans = new List<TokenSpan> { new(0, 2, "PERSON"), new(3, 1, "PERSON") };

        EntityRecognizer.FixNameBoundaries(s.Text, s.Tokens.AsSpan(), spans);

        Assert.Equal([new TokenSpan(1, 1, "PERSON"), new TokenSpan(3, 1, "PERSON")], spans);
    }

    [Fact]
    public void GivenACompanySuffixAfterAName_WhenFixed_ThenItJoinsTheNameAsAnORG()
    {
        var s = Words("Acme", "Ltd.", "and", "Apple", ",", "Inc.", "said");
        var spans = new List<TokenSpan> { new(0, 1, "PERSON"), new(3, 1, "ORG") };

        EntityRecognizer.FixNameBoundaries(s.Text, s.Tokens.AsSpan(), spans);

        Assert.Equal([new TokenSpan(0, 2, "ORG"), new TokenSpan(3, 3, "ORG")], spans);
    }

    [Fact]
    public void GivenALoneRomanNumeralOrCapital_WhenFixed_ThenItIsNoEntityButALongerNameStays()
    {
        var s = Words("Part", "II", "and", "I", "saw", "World", "War", "II");
        var spans = new List<TokenSpan> { new(1, 1, "ORG"), new(3, 1, "PERSON"), new(5, 3, "EVENT") };

        EntityRecognizer.FixNameBoundaries(s.Text, s.Tokens.AsSpan(), spans);

        Assert.Equal([new TokenSpan(5, 3, "EVENT")], spans);
    }

    [Fact]
    public void GivenAContactFieldLabelAlone_WhenFixed_ThenItIsNoEntityButTelAvivStays()
    {
        var s = Words("Fax", ":", "555", "in", "Tel", "Aviv");
        var spans = new List<TokenSpan> { new(0, 1, "PERSON"), new(4, 2, "LOC") };

        EntityRecognizer.FixNameBoundaries(s.Text, s.Tokens.AsSpan(), spans);

        Assert.Equal([new TokenSpan(4, 2, "LOC")], spans);
    }
}
