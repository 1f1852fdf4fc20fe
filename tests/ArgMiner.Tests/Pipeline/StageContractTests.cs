using ArgMiner.Classification;
using ArgMiner.Ingest;
using ArgMiner.Numbers;
using ArgMiner.Pipeline;
using ArgMiner.Segmentation;
using ArgMiner.Tagging;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Pipeline;

public sealed class StageContractTests
{
    private static Document Doc(string text) => DocumentReaders.Compose("d1", "test", null, text, []);

    [Fact]
    public void GivenTheDefaultPipelines_WhenBuilt_ThenEachStageFindsTheLayersItRequiresBeforeIt()
    {
        foreach (var pipeline in new[] { TextPipeline.CreateDefault(), TextPipeline.CreateTagging(), TextPipeline.CreateAnalysis(), TextPipeline.CreateFull() })
        {
            var available = DocumentLayers.None;
            foreach (var stage in pipeline.Stages)
            {
                Assert.Equal(stage.Requires, stage.Requires & available);
                available |= stage.Assigns;
            }
        }
    }

    [Fact]
    public void GivenStagesOutOfOrder_WhenThePipelineIsBuilt_ThenOneErrorNamesTheStageAndTheMissingLayer()
    {
        var error = Assert.Throws<ArgumentException>(() => new TextPipeline([new TokenizerStage(new RuleTokenizer()), ShippedModels.CreateEntityStage(), new SentenceSplitterStage(new RuleSentenceSplitter())]));
        Assert.StartsWith("the 'entities' stage requires sentences, which no stage before it assigns (stages in order: tokenizer, entities, sentences)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTheNumbersStage_WhenItAddsDates_ThenItsDeclarationSaysItReadsAndAddsToEntities()
    {
        Assert.Equal(DocumentLayers.Numbers | DocumentLayers.Entities, new NumericClaimStage().Assigns);
        Assert.True(new NumericClaimStage().Requires.HasFlag(DocumentLayers.Entities));
        Assert.Equal(DocumentLayers.Numbers, new NumericClaimStage { AddDateEntities = false }.Assigns);
        Assert.False(new NumericClaimStage { AddDateEntities = false }.Requires.HasFlag(DocumentLayers.Entities));
    }

    [Fact]
    public void GivenATextWithNoNamesOrNumbers_WhenAnalysed_ThenItsLayersAreSetAndEmptyUnlikeLayersNeverComputed()
    {
        var plain = TextPipeline.CreateDefault().Process(Doc("we should all calm down a bit."));
        var analysed = TextPipeline.CreateAnalysis().Process(Doc("we should all calm down a bit."));

        Assert.Empty(analysed.Numbers);
        Assert.Empty(analysed.Entities);
        Assert.True(analysed.Has(DocumentLayers.Numbers | DocumentLayers.Entities | DocumentLayers.PartsOfSpeech));
        Assert.False(plain.Has(DocumentLayers.Numbers));
        Assert.False(plain.Has(DocumentLayers.Entities));
        Assert.Equal(DocumentLayers.Tokens | DocumentLayers.Sentences, plain.Layers);
        var (numbers, entities) = SentenceClassifier.SentenceTags(analysed);
        Assert.All(numbers, n => Assert.NotNull(n));
        Assert.All(entities, e => Assert.NotNull(e));
        var (untaggedNumbers, untaggedEntities) = SentenceClassifier.SentenceTags(plain);
        Assert.All(untaggedNumbers, n => Assert.Null(n));
        Assert.All(untaggedEntities, e => Assert.Null(e));
    }

    [Fact]
    public void GivenEveryStage_WhenItRunsOnADocumentLackingARequiredLayer_ThenItRefusesTheSameWay()
    {
        var bare = Doc("The council spent 4 million dollars in May 2024.");
        IProcess[] stages =
        [
            new SentenceSplitterStage(new RuleSentenceSplitter()),
            ShippedModels.CreatePosStage(),
            ShippedModels.CreateEntityStage(),
            new NumericClaimStage(),
            new SentenceClassifierStage(ShippedModels.SentenceClassifier),
        ];
        foreach (var stage in stages)
        {
            var error = Assert.Throws<InvalidOperationException>(() => stage.Process(bare));
            Assert.StartsWith($"the '{stage.Name}' stage requires ", error.Message, StringComparison.Ordinal);
        }
    }
}

/// <summary>Stages depend on the stage contract, never on the pipeline that composes them (the composition root).</summary>
public sealed class StageIndependenceTests
{
    [Fact]
    public void GivenTheStageNamespaces_WhenTheirMembersAreListed_ThenNoneNamesTheComposingPipeline()
    {
        const System.Reflection.BindingFlags all = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly;
        string[] stages = ["ArgMiner.Tokenization", "ArgMiner.Segmentation", "ArgMiner.Tagging", "ArgMiner.Numbers", "ArgMiner.Classification"];
        var offenders = typeof(TextPipeline).Assembly.GetTypes()
            .Where(t => stages.Any(n => t.Namespace?.StartsWith(n, StringComparison.Ordinal) == true))
            .Where(t => t.GetFields(all).Select(f => f.FieldType)
                .Concat(t.GetConstructors(all).SelectMany(c => c.GetParameters()).Select(p => p.ParameterType))
                .Concat(t.GetMethods(all).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Any(type => type == typeof(TextPipeline)))
            .Select(t => t.FullName)
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void GivenTheStageNamespaces_WhenTheirTypesAreListed_ThenNoneLoadsAShippedModelItself()
    {
        // The shipped models are the composition root's to load (ShippedModels); a stage or a model type that
        // reached for its own embedded file would be hidden global state again.
        string[] stages = ["ArgMiner.Tokenization", "ArgMiner.Segmentation", "ArgMiner.Tagging", "ArgMiner.Numbers", "ArgMiner.Classification"];
        var offenders = typeof(TextPipeline).Assembly.GetTypes()
            .Where(t => stages.Any(n => t.Namespace?.StartsWith(n, StringComparison.Ordinal) == true))
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)
                .Where(m => m.Name.StartsWith("LoadDefault", StringComparison.Ordinal)).Select(m => $"{t.FullName}.{m.Name}"))
            .ToList();
        Assert.Empty(offenders);
        Assert.Same(ShippedModels.SentenceClassifier, ShippedModels.SentenceClassifier);
    }
}
