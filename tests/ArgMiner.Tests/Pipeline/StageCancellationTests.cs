using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Segmentation;
using ArgMiner.Text;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Pipeline;

/// <summary>
/// A stop request reaches the work inside a document (<see cref="ICancellableProcess"/>): a stage stops within
/// <see cref="StageCancellation.Every"/> steps of the request, not at the end of a long document.
/// </summary>
public sealed class StageCancellationTests
{
    private const int Paragraphs = 5000;

    // Five thousand paragraphs of two sentences each: a long document, cut into many steps for every stage.
    private static Document LongDocument() =>
        DocumentReaders.Compose("long", "in/long.txt", null, string.Join("\n\n", Enumerable.Range(0, Paragraphs).Select(i => $"Paragraph {i} says the rent rose 5 % in Leeds. Critics disagree.")), []);

    [Fact]
    public void GivenAStopRequestedAfter300Paragraphs_WhenTheTokenizerStageRuns_ThenItThrowsWithinOneCheckOfIt()
    {
        using var stop = new CancellationTokenSource();
        var counting = new CountingTokenizer(new RuleTokenizer(), stop, cancelAt: 300);

        Assert.Throws<OperationCanceledException>(() => new TokenizerStage(counting).Process(LongDocument(), stop.Token));

        Assert.InRange(counting.Calls, 300, 300 + StageCancellation.Every);
    }

    [Fact]
    public void GivenAStopRequestedAfter300Paragraphs_WhenTheSentenceStageRuns_ThenItThrowsWithinOneCheckOfIt()
    {
        using var stop = new CancellationTokenSource();
        var tokenized = new TokenizerStage(new RuleTokenizer()).Process(LongDocument());
        var counting = new CountingSplitter(new RuleSentenceSplitter(), stop, cancelAt: 300);

        Assert.Throws<OperationCanceledException>(() => new SentenceSplitterStage(counting).Process(tokenized, stop.Token));

        Assert.InRange(counting.Calls, 300, 300 + StageCancellation.Every);
    }

    [Fact]
    public void GivenACancelledToken_WhenEachStageOfTheFullPipelineMeetsALongDocument_ThenEveryStageStopsInsideItsOwnLoop()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var pipeline = TextPipeline.CreateFull();
        var document = LongDocument();
        foreach (var stage in pipeline.Stages)
        {
            // Every stage of the full pipeline takes the token itself; none waits for its whole document.
            var cancellable = Assert.IsAssignableFrom<ICancellableProcess>(stage);
            var ex = Assert.ThrowsAny<OperationCanceledException>(() => cancellable.Process(document, stop.Token));
            Assert.Equal(stop.Token, ex.CancellationToken);
            document = stage.Process(document);
        }

        Assert.True(document.Sentences.Length > 4 * StageCancellation.Every, $"{document.Sentences.Length} sentences: too few to show a stop inside a loop");
        Assert.Equal(document.Sentences.Length, document.Labels.Length);
    }

    [Fact]
    public void GivenATokenNeverCancelled_WhenTheFullPipelineRuns_ThenEveryLayerIsWhatItIsWithoutAToken()
    {
        var pipeline = TextPipeline.CreateFull();

        var plain = pipeline.Process(LongDocument());
        var withToken = pipeline.Process(LongDocument(), CancellationToken.None);

        // Typed as sequences: ImmutableArray's own equality compares the arrays' references.
        Assert.Equal<Token>(plain.Tokens, withToken.Tokens);
        Assert.Equal<Sentence>(plain.Sentences, withToken.Sentences);
        Assert.Equal<string>(plain.Pos, withToken.Pos);
        Assert.Equal<Entity>(plain.Entities, withToken.Entities);
        Assert.Equal<NumericClaim>(plain.Numbers, withToken.Numbers);
        Assert.NotEmpty(plain.Numbers);
        Assert.Equal(plain.Labels.Select(l => l.Label + " " + string.Join(' ', l.Probabilities)), withToken.Labels.Select(l => l.Label + " " + string.Join(' ', l.Probabilities)));
    }

    [Fact]
    public void GivenAStageWithoutItsOwnChecks_WhenRunWithACancelledToken_ThenItIsNotStarted()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var stage = new PlainStage();

        Assert.Throws<OperationCanceledException>(() => stage.Process(LongDocument(), stop.Token));

        Assert.Equal(0, stage.Calls);
    }

    /// <summary>A tokenizer that counts its calls (one per paragraph) and requests the stop at one of them.</summary>
    private sealed class CountingTokenizer(ITokenizer inner, CancellationTokenSource stop, int cancelAt) : ITokenizer
    {
        public int Calls { get; private set; }

        public void Tokenize(string text, int start, int end, List<Token> tokens)
        {
            if (++Calls == cancelAt)
            {
                stop.Cancel();
            }

            inner.Tokenize(text, start, end, tokens);
        }
    }

    /// <summary>A splitter that counts its calls (one per paragraph) and requests the stop at one of them.</summary>
    private sealed class CountingSplitter(ISentenceSplitter inner, CancellationTokenSource stop, int cancelAt) : ISentenceSplitter
    {
        public int Calls { get; private set; }

        public void Split(string text, ReadOnlySpan<Token> tokens, List<int> sentenceLengths)
        {
            if (++Calls == cancelAt)
            {
                stop.Cancel();
            }

            inner.Split(text, tokens, sentenceLengths);
        }
    }

    /// <summary>A stage that is only an <see cref="IProcess"/>.</summary>
    private sealed class PlainStage : IProcess
    {
        public int Calls { get; private set; }

        public string Name => "plain";

        public DocumentLayers Requires => DocumentLayers.None;

        public DocumentLayers Assigns => DocumentLayers.None;

        public Document Process(Document document)
        {
            Calls++;
            return document;
        }
    }
}
