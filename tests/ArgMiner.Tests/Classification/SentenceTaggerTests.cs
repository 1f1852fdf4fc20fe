using ArgMiner.Classification;
using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tests.Classification;

public sealed class SentenceTaggerTests
{
    private const string Tagged = "Reuters reported on March 3 that 180 attacks had taken place in Ukraine since October 2023.";

    private static readonly SentenceTagger Tagger = ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger();

    [Fact]
    public void GivenASentenceWithEntitiesAndNumbers_WhenTaggedAlone_ThenItsTagsAreThoseRunGivesItInsideADocument()
    {
        // Given the sentence in the middle of an article processed by run's tagging stages
        var document = DocumentReaders.Compose("d1", "test", "Mostly Theater", $"The council met again. {Tagged} Nobody expected the vote.", []);
        var processed = TextPipeline.CreateAnalysis().Process(document);
        var index = processed.Sentences.ToList().FindIndex(s => processed.TextOf(s.Start, s.End) == Tagged);
        Assert.True(index >= 0, "the splitter kept the sentence whole");
        var inDocument = SentenceClassifier.DocumentContexts(processed)[index];

        // When the same sentence is tagged on its own
        var alone = Tagger.Tag(Tagged);

        // Then the entity types and number kinds are the ones PredictDocument featurizes
        Assert.NotEmpty(alone.EntityTypes!);
        Assert.NotEmpty(alone.NumberKinds!);
        Assert.Equal(inDocument.EntityTypes!, alone.EntityTypes!);
        Assert.Equal(inDocument.NumberKinds!, alone.NumberKinds!);
        Assert.Contains("DATE", alone.EntityTypes!);
    }

    [Fact]
    public void GivenASentenceWithoutNamesOrNumbers_WhenTagged_ThenItsListsAreEmptyNotNull()
    {
        var context = Tagger.Tag("we should all calm down a bit.");
        Assert.NotNull(context.EntityTypes);
        Assert.NotNull(context.NumberKinds);
        Assert.Empty(context.EntityTypes!);
        Assert.Empty(context.NumberKinds!);
    }

    [Fact]
    public void GivenRowsWithSectionAndPosition_WhenTaggedOnOneOrManyThreads_ThenSameTagsInInputOrderAndRowDataKept()
    {
        var rows = TinyData.Rows().Select((r, i) => r with { Section = i % 2 == 0 ? Section.Comment : Section.Body, Position = i / 100.0 }).ToList();
        var one = Tagger.TagRows(rows, jobs: 1);
        var many = Tagger.TagRows(rows, jobs: 4);
        Assert.Equal(rows.Count, one.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Text, one[i].Text);
            Assert.Equal(rows[i].Label, one[i].Label);
            Assert.Equal(rows[i].Section, one[i].Section);
            Assert.Equal(rows[i].Position, one[i].Position);
            Assert.Equal(rows[i].Origin, one[i].Origin);
            Assert.Equal(one[i].EntityTypes!, many[i].EntityTypes!);
            Assert.Equal(one[i].NumberKinds!, many[i].NumberKinds!);
            var alone = Tagger.Tag(rows[i].Text, rows[i].Context);
            Assert.Equal(alone.EntityTypes!, one[i].EntityTypes!);
            Assert.Equal(alone.NumberKinds!, one[i].NumberKinds!);
        }

        Assert.Contains(one, r => r.NumberKinds!.Count > 0);
        Assert.Contains(one, r => r.EntityTypes!.Count > 0);
    }

    [Fact]
    public void GivenPathologicalSentences_WhenTagged_ThenTheyComeBackTagged()
    {
        var digits = new string('7', 200_000);
        var longLine = string.Concat(Enumerable.Repeat("The Paris office said 12 percent more. ", 5_000));
        var contexts = Tagger.TagAll([digits, longLine, string.Empty, "   "]);
        Assert.Equal(4, contexts.Length);
        Assert.All(contexts, c => Assert.NotNull(c.EntityTypes));
        Assert.All(contexts, c => Assert.NotNull(c.NumberKinds));

        // 200,000 digits are an identifier, not an amount; the long line keeps its names and percents.
        Assert.Empty(contexts[0].NumberKinds!);
        Assert.Contains("percent", contexts[1].NumberKinds!);
        Assert.NotEmpty(contexts[1].EntityTypes!);
        Assert.All(contexts[2..], c => Assert.Empty(c.EntityTypes!));
        Assert.All(contexts[2..], c => Assert.Empty(c.NumberKinds!));
    }

    [Fact]
    public void GivenTaggedRows_WhenTrained_ThenEntityAndNumberKindFeaturesCarryWeight()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(Tagger.TagRows(TinyData.Rows()));
        var weights = SentenceClassifier.Labels.SelectMany(l => model.TopFeatures(l, int.MaxValue)).ToList();
        Assert.Contains(weights, f => f.Feature.StartsWith("feat:entity:", StringComparison.Ordinal) && f.Weight != 0);
        Assert.Contains(weights, f => f.Feature.StartsWith("feat:number-tagged:", StringComparison.Ordinal) && f.Weight != 0);
    }

    [Fact]
    public void GivenBareRows_WhenTrained_ThenTheTaggedFeaturesHaveNoWeight()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        var weights = SentenceClassifier.Labels.SelectMany(l => model.TopFeatures(l, int.MaxValue)).ToList();
        Assert.DoesNotContain(weights, f => f.Feature.StartsWith("feat:entity:", StringComparison.Ordinal) && f.Weight != 0);
        Assert.DoesNotContain(weights, f => f.Feature.StartsWith("feat:number-tagged:", StringComparison.Ordinal) && f.Weight != 0);

        // The tags are there, and a model that never saw them predicts the same with or without them.
        var context = Tagger.Tag(Tagged);
        Assert.NotEmpty(context.EntityTypes!);
        Assert.NotEmpty(context.NumberKinds!);
        Assert.Equal(model.Predict(Tagged).Probabilities.ToArray(), model.Predict(Tagged, context).Probabilities.ToArray());
    }

    [Fact]
    public void GivenTaggedRows_WhenTrainedTwiceOnDifferentThreadCounts_ThenTheWeightsAreIdentical()
    {
        var first = new SentenceClassifierTrainer(TinyData.Options()).Fit(Tagger.TagRows(TinyData.Rows(), jobs: 1)).ToPackage();
        var second = new SentenceClassifierTrainer(TinyData.Options()).Fit(ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger().TagRows(TinyData.Rows(), jobs: 3)).ToPackage();
        Assert.Equal(first.Entries["weights.bin"], second.Entries["weights.bin"]);
        Assert.Equal(first.Entries["feature-names.tsv"], second.Entries["feature-names.tsv"]);
    }
}
