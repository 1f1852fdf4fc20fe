using ArgMiner.Segmentation;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Pipeline;

/// <summary>An explicit, ordered list of stages. Each stage is replaceable.</summary>
public sealed class TextPipeline
{
    /// <summary>Creates a pipeline from stages run in the given order.</summary>
    public TextPipeline(IEnumerable<IProcess> stages)
    {
        Stages = [.. stages];
    }

    /// <summary>The stages, in order.</summary>
    public IReadOnlyList<IProcess> Stages { get; }

    /// <summary>The default pipeline: tokenize, then split sentences.</summary>
    public static TextPipeline CreateDefault() =>
        new([new TokenizerStage(new RuleTokenizer()), new SentenceSplitterStage(new RuleSentenceSplitter())]);

    /// <summary>The default pipeline plus the shipped POS tagger and entity recogniser (with the default gazetteer).</summary>
    public static TextPipeline CreateTagging() =>
        new([.. CreateDefault().Stages, Tagging.TaggingModels.CreatePosStage(), Tagging.TaggingModels.CreateEntityStage()]);

    /// <summary>
    /// What <c>argminer run</c> uses: tokenize, split, tag parts of speech and entities, find numeric claims
    /// and label every sentence, with the models shipped inside the library (or the given classifier).
    /// </summary>
    public static TextPipeline CreateFull(Classification.SentenceClassifier? classifier = null) =>
        new([
            .. CreateTagging().Stages,
            new Numbers.NumericClaimStage(),
            new Classification.SentenceClassifierStage(classifier ?? Classification.SentenceClassifier.LoadDefault()),
        ]);

    /// <summary>Runs every stage on <paramref name="document"/>.</summary>
    public Document Process(Document document)
    {
        foreach (var stage in Stages)
        {
            document = stage.Process(document);
        }

        return document;
    }
}
