using ArgMiner.Segmentation;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Pipeline;

/// <summary>An explicit, ordered list of stages. Each stage is replaceable.</summary>
public sealed class TextPipeline
{
    /// <summary>Creates a pipeline from stages run in the given order, after checking that each stage's required layers come before it.</summary>
    /// <exception cref="ArgumentException">A stage requires a layer no earlier stage assigns.</exception>
    public TextPipeline(IEnumerable<IProcess> stages)
    {
        Stages = [.. stages];
        StageContract.CheckOrder(Stages);
    }

    /// <summary>The stages, in order.</summary>
    public IReadOnlyList<IProcess> Stages { get; }

    /// <summary>The default pipeline: tokenize, then split sentences.</summary>
    public static TextPipeline CreateDefault() =>
        new([new TokenizerStage(new RuleTokenizer()), new SentenceSplitterStage(new RuleSentenceSplitter())]);

    /// <summary>The default pipeline plus the shipped POS tagger and entity recogniser (with the default gazetteer).</summary>
    public static TextPipeline CreateTagging() =>
        new([.. CreateDefault().Stages, ShippedModels.CreatePosStage(), ShippedModels.CreateEntityStage()]);

    /// <summary>
    /// Every stage <see cref="CreateFull"/> runs before the classifier: tokenize, split, tag parts of speech and
    /// entities, find numeric claims. What the classifier's tagged features are read from, in <c>run</c> and in
    /// training alike.
    /// </summary>
    public static TextPipeline CreateAnalysis() =>
        new([.. CreateTagging().Stages, new Numbers.NumericClaimStage()]);

    /// <summary>
    /// What <c>argminer run</c> uses: <see cref="CreateAnalysis"/>, then a label for every sentence, with the
    /// models shipped inside the library (or the given classifier).
    /// </summary>
    public static TextPipeline CreateFull(Classification.SentenceClassifier? classifier = null)
    {
        // The models are independent reads of embedded resources: read them side by side, so a short run's
        // start-up waits for the slowest model rather than for all of them in turn (issue 12). Each is still read
        // once (ShippedModels caches them; a task that fails rethrows its exception here, as a serial read would).
        var pos = Task.Run(() => ShippedModels.PosTagger);
        var ner = Task.Run(() => ShippedModels.NerTagger);
        var gazetteer = Task.Run(() => ShippedModels.Gazetteer);
        // The numbers grammar's 42 lexicon tables are built when first used, which cost the first sentence ~30 ms.
        var lexicon = Task.Run(() => System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(Numbers.NumberLexicon).TypeHandle));
        var model = classifier ?? ShippedModels.SentenceClassifier;
        Task.WaitAll(pos, ner, gazetteer, lexicon);
        return new([
            .. CreateAnalysis().Stages,
            new Classification.SentenceClassifierStage(model),
        ]);
    }

    /// <summary>
    /// The tagger that tags bare sentences (training rows, <c>classify --tag</c> lines) through
    /// <see cref="CreateAnalysis"/>, as <c>run</c> tags the sentences of a document.
    /// </summary>
    public static Classification.SentenceTagger CreateSentenceTagger() => new(CreateAnalysis().Process);

    /// <summary>Runs every stage on <paramref name="document"/>.</summary>
    public Document Process(Document document)
    {
        foreach (var stage in Stages)
        {
            document = stage.Process(document);
        }

        return document;
    }

    /// <summary>
    /// Runs every stage on <paramref name="document"/>, stopping between stages and inside the long loops of
    /// <see cref="ICancellableProcess"/> stages when <paramref name="cancellation"/> is cancelled.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; the document is abandoned.</exception>
    public Document Process(Document document, CancellationToken cancellation)
    {
        foreach (var stage in Stages)
        {
            document = stage.Process(document, cancellation);
        }

        return document;
    }

    /// <summary>Runs every stage on <paramref name="document"/>, adding each stage's time to <paramref name="profile"/> when given.</summary>
    public Document Process(Document document, BatchProfile? profile)
    {
        if (profile is null)
        {
            return Process(document);
        }

        for (var i = 0; i < Stages.Count; i++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            document = Stages[i].Process(document);
            Interlocked.Add(ref profile.StageTicks[i], System.Diagnostics.Stopwatch.GetTimestamp() - start);
        }

        return document;
    }
}
