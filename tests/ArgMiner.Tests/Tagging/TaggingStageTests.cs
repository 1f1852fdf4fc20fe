using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Tagging;

public sealed class TaggingStageTests
{
    private const string Article =
        "Iraq Braces for a U.S. Exit\n" +
        "In December 2019, the United States struck Kataib Hezbollah near Baghdad. President Donald Trump said NATO would stay.\n" +
        "Reuters reported that Islamic State fighters were active in Diyala and Kirkuk in June 2025.\n" +
        "\n\n\n\n" +
        "great piece by Steven Nabil! the Kurds in Erbil deserve better.\n";

    [Fact]
    public void GivenAnArticle_WhenTagged_ThenThePosLayerHasOneTagPerToken()
    {
        var doc = TaggingTestData.Pipeline.Process(TaggingTestData.Doc(Article));

        Assert.NotEmpty(doc.Tokens);
        Assert.Equal(doc.Tokens.Length, doc.Pos.Length);
        Assert.All(doc.Pos, p => Assert.Contains(p, ShippedModels.PosTagger.Classes));
    }

    // A web page's &shy; (U+00AD) is invisible: until session 37 it made "Wash\u00ADington" a PERSON and "Bagh\u00ADdad" no
    // entity, and the words' parts of speech those of unknown words.
    [Fact]
    public void GivenSoftHyphensInsideWords_WhenTagged_ThenTagsAndEntitiesAreThoseOfTheWordsWithoutThem()
    {
        var hyphenated = Article.Replace("Baghdad", "Bagh\u00ADdad", StringComparison.Ordinal).Replace("President", "Pres\u00ADi\u00ADdent", StringComparison.Ordinal)
            .Replace("Reuters reported", "Re\u00ADuters re\u00ADport\u00ADed", StringComparison.Ordinal).Replace("Kirkuk", "Kir\u00ADkuk", StringComparison.Ordinal)
            .Replace("fighters", "fight\u00ADers", StringComparison.Ordinal).Replace("Steven", "Ste\u00ADven", StringComparison.Ordinal);
        Assert.NotEqual(Article, hyphenated);

        var plain = TaggingTestData.Pipeline.Process(TaggingTestData.Doc(Article));
        var soft = TaggingTestData.Pipeline.Process(TaggingTestData.Doc(hyphenated));

        Assert.Equal(plain.Pos.ToArray(), soft.Pos.ToArray());
        Assert.Equal(
            TaggingTestData.EntityTexts(plain).ToArray(),
            TaggingTestData.EntityTexts(soft).Select(e => (e.Text.Replace("\u00AD", string.Empty, StringComparison.Ordinal), e.Type, e.Source)).ToArray());
    }

    [Fact]
    public void GivenAnArticle_WhenTagged_ThenEntitiesLieInsideTheirSentenceOnTokenBoundaries()
    {
        var doc = TaggingTestData.Pipeline.Process(TaggingTestData.Doc(Article));

        Assert.NotEmpty(doc.Entities);
        var starts = doc.Tokens.Select(t => t.Start).ToHashSet();
        var ends = doc.Tokens.Select(t => t.End).ToHashSet();
        var previousEnd = 0;
        foreach (var e in doc.Entities)
        {
            var s = doc.Sentences[e.Sentence];
            Assert.InRange(e.Start, s.Start, s.End);
            Assert.InRange(e.End, e.Start + 1, s.End);
            Assert.Contains(e.Start, starts);
            Assert.Contains(e.End, ends);
            Assert.True(e.Start >= previousEnd, "entities are in text order and do not overlap");
            previousEnd = e.End;
        }
    }

    [Fact]
    public void GivenAnArticle_WhenTagged_ThenNamesComeOutWithTheirTypesAndSources()
    {
        var doc = TaggingTestData.Pipeline.Process(TaggingTestData.Doc(Article));
        var found = TaggingTestData.EntityTexts(doc);

        Assert.Contains(("Kataib Hezbollah", "ORG", EntitySource.Gazetteer), found);
        Assert.Contains(found, e => e is ("Donald Trump", "PERSON", _));
        Assert.Contains(found, e => e is ("December 2019", "DATE", EntitySource.Model));
        Assert.Contains(found, e => e is ("Steven Nabil", "PERSON", EntitySource.Model));
        Assert.DoesNotContain(found, e => e.Text.Contains("President", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenTheSameDocuments_WhenTaggedInParallel_ThenResultsEqualTheSequentialOnes()
    {
        var docs = Enumerable.Range(0, 16).Select(i => TaggingTestData.Doc(Article + $"Comment {i} from Tehran.\n", $"d{i}")).ToArray();
        var sequential = docs.Select(d => TaggingTestData.Pipeline.Process(d)).ToArray();

        var parallel = new Document[docs.Length];
        Parallel.For(0, docs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => parallel[i] = TaggingTestData.Pipeline.Process(docs[i]));

        for (var i = 0; i < docs.Length; i++)
        {
            Assert.Equal(sequential[i].Pos.ToArray(), parallel[i].Pos.ToArray());
            Assert.Equal(sequential[i].Entities.ToArray(), parallel[i].Entities.ToArray());
        }
    }

    [Fact]
    public void GivenTitleCaseHeadings_WhenTagged_ThenTheirModelEntitiesAreConfirmedElsewhereAndGazetteerNamesStay()
    {
        var text = File.ReadAllText(Path.Combine(TaggingTestData.RepoRoot(), "corpus", "articles", "003_00ec76e79eb1746a.txt"));
        var doc = TaggingTestData.Pipeline.Process(TaggingTestData.Doc(text));
        bool InHeading(Entity e) => doc.Sentences[e.Sentence].Section is Section.Title or Section.Heading;
        var elsewhere = doc.Entities.Where(e => !InHeading(e)).Select(e => (doc.Text[e.Start..e.End], e.Type)).ToHashSet();

        var headingEntities = doc.Entities.Where(InHeading).ToList();

        Assert.Contains(headingEntities, e => doc.Text[e.Start..e.End] == "Kurdistan" && e.Source == EntitySource.Gazetteer);
        Assert.All(headingEntities.Where(e => e.Source == EntitySource.Model), e => Assert.Contains((doc.Text[e.Start..e.End], e.Type), elsewhere));
        Assert.Equal(doc.Entities.OrderBy(e => e.Start).ToArray(), doc.Entities.ToArray());
    }

    [Fact]
    public void GivenTokensWithoutSentences_WhenTheEntityStageRuns_ThenItSaysWhatItRequires()
    {
        var doc = new TokenizerStage(new RuleTokenizer()).Process(TaggingTestData.Doc("Iraq and Iran."));

        var ex = Assert.Throws<InvalidOperationException>(() => ShippedModels.CreateEntityStage().Process(doc));

        Assert.Contains("sentences", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTokensWithoutSentences_WhenThePosStageRuns_ThenItIsRefusedNamingTheMissingLayer()
    {
        var doc = new TokenizerStage(new RuleTokenizer()).Process(TaggingTestData.Doc("Iraq and Iran talk."));

        var error = Assert.Throws<InvalidOperationException>(() => ShippedModels.CreatePosStage().Process(doc));

        Assert.Contains("'pos' stage requires sentences", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenOneHugeSentenceFullOfNames_WhenTagged_ThenItFinishesAndEntitiesStayOrdered()
    {
        // 20,000 repetitions, about 200,000 tokens in one sentence: anything quadratic would not finish.
        var text = string.Join(" ", Enumerable.Repeat("NATO and mid-2020 and December 2019 or Kataib Hezbollah in Iraq", 20_000));

        var doc = TaggingTestData.Pipeline.Process(TaggingTestData.Doc(text + "\n"));

        Assert.Equal(doc.Tokens.Length, doc.Pos.Length);
        Assert.True(doc.Entities.Length >= 20_000, $"{doc.Entities.Length} entities");
        Assert.Equal(doc.Entities.OrderBy(e => e.Start).ToArray(), doc.Entities.ToArray());
        Assert.All(doc.Entities.Zip(doc.Entities.Skip(1)), p => Assert.True(p.First.End <= p.Second.Start));
    }

    [Fact]
    public void GivenAnEmptyDocument_WhenTagged_ThenLayersAreEmpty()
    {
        var doc = new Document { Id = "e", Source = "-", Text = string.Empty };

        var tagged = TaggingTestData.Pipeline.Process(doc);

        Assert.Empty(tagged.Pos);
        Assert.Empty(tagged.Entities);
    }
}
