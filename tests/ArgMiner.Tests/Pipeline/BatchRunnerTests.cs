using System.Collections.Immutable;
using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tests.Pipeline;

/// <summary>How <see cref="BatchRunner"/> hands runs of documents to a stage that takes several at once (<see cref="IBatchProcess"/>).</summary>
public sealed class BatchRunnerTests
{
    private static InputItem Item(int i, string text) => InputItem.Of(DocumentReaders.Compose($"d{i}", $"in/d{i}.txt", null, text, []));

    private static List<InputItem> Items(int count, int failing = -1) =>
        [.. Enumerable.Range(0, count).Select(i => Item(i, i == failing ? "This one says boom." : $"Document {i} is here. It has two sentences."))];

    private static (List<Document> Written, List<InputError> Errors) Run(LabellingStage stage, List<InputItem> items, int jobs)
    {
        var pipeline = new TextPipeline([.. TextPipeline.CreateDefault().Stages, stage]);
        var written = new List<Document>();
        var errors = new List<InputError>();
        new BatchRunner(pipeline, jobs).Run(items, (context, _) => written.Add(context.Document), errors.Add);
        return (written, errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void GivenABatchStage_WhenABatchRuns_ThenItGetsRunsOfDocumentsAndEveryDocumentAsProcessAloneWouldGiveIt(int jobs)
    {
        var stage = new LabellingStage();
        var (written, errors) = Run(stage, Items(40), jobs);

        Assert.Empty(errors);
        Assert.Equal(40, written.Count);
        Assert.True(stage.LargestRun > 1, "the stage was never handed more than one document");
        Assert.Equal(0, stage.Alone);
        var alone = new TextPipeline([.. TextPipeline.CreateDefault().Stages, new LabellingStage()]);
        for (var i = 0; i < written.Count; i++)
        {
            Assert.Equal($"d{i}", written[i].Id);
            Assert.Equal(Flat(alone.Process(Items(40)[i].Document!).Labels), Flat(written[i].Labels));
        }
    }

    [Fact]
    public void GivenABatchStageThatFailsOnOneDocument_WhenABatchRuns_ThenOnlyThatDocumentIsSkippedWithItsError()
    {
        var stage = new LabellingStage();
        var (written, errors) = Run(stage, Items(20, failing: 7), jobs: 1);

        Assert.Equal(19, written.Count);
        Assert.DoesNotContain(written, d => d.Id == "d7");
        var error = Assert.Single(errors);
        Assert.Equal("in/d7.txt", error.Path);
        Assert.Contains("boom", error.Message, StringComparison.Ordinal);
        Assert.True(stage.Alone > 0, "after the run failed, its documents were not processed one by one");
    }

    [Theory]
    [InlineData(1, 48)] // windows of 16: the three before d50's are written
    [InlineData(2, 32)] // windows of 32, processed in parallel: the one before d50's is written
    public void GivenAStopRequestedWhileADocumentIsInItsStages_WhenABatchRuns_ThenItReturnsWithTheWindowsBeforeWrittenWholeAndNoneOfItsOwn(int jobs, int expected)
    {
        using var stop = new CancellationTokenSource();
        var pipeline = new TextPipeline([.. TextPipeline.CreateDefault().Stages, new StoppingStage(stop, "d50")]);
        var written = new List<Document>();
        var errors = new List<InputError>();
        var windows = new List<long>();

        var summary = new BatchRunner(pipeline, jobs) { WindowDocuments = 10, Cancellation = stop.Token }
            .Run(Items(100), (context, _) => written.Add(context.Document), errors.Add, onWindow: windows.Add);

        // Stopped, not failed: no document is reported as skipped, and every window counted was written whole.
        Assert.Empty(errors);
        Assert.Equal(Enumerable.Range(0, expected).Select(i => $"d{i}"), written.Select(d => d.Id));
        Assert.Equal(expected, summary.Documents);
        Assert.Equal(expected, windows[^1]);
    }

    [Fact]
    public void GivenAStageThatThrowsOperationCanceledOfItsOwn_WhenNoStopWasRequested_ThenOnlyThatDocumentIsSkippedWithItsError()
    {
        using var stop = new CancellationTokenSource();
        using var other = new CancellationTokenSource();
        var pipeline = new TextPipeline([.. TextPipeline.CreateDefault().Stages, new StoppingStage(other, "d3")]);
        var written = new List<Document>();
        var errors = new List<InputError>();

        new BatchRunner(pipeline, 1) { Cancellation = stop.Token }.Run(Items(10), (context, _) => written.Add(context.Document), errors.Add);

        Assert.Equal(9, written.Count);
        Assert.Equal("in/d3.txt", Assert.Single(errors).Path);
    }

    /// <summary>Requests the stop when it meets one document, and stops there as a stage's loop would.</summary>
    private sealed class StoppingStage(CancellationTokenSource stop, string at) : ICancellableProcess
    {
        public string Name => "stopping";

        public DocumentLayers Requires => DocumentLayers.None;

        public DocumentLayers Assigns => DocumentLayers.None;

        public Document Process(Document document) => Process(document, CancellationToken.None);

        public Document Process(Document document, CancellationToken cancellation)
        {
            if (document.Id == at)
            {
                stop.Cancel();
                stop.Token.ThrowIfCancellationRequested();
            }

            return document;
        }
    }

    private static string[] Flat(ImmutableArray<SentencePrediction> labels) => [.. labels.Select(l => $"{l.Label} {string.Join(' ', l.Probabilities)}")];

    /// <summary>Labels each sentence by its length; refuses a document that says "boom", alone or in a run.</summary>
    private sealed class LabellingStage : IBatchProcess
    {
        private int _largestRun;
        private int _alone;

        public int LargestRun => _largestRun;

        public int Alone => _alone;

        public string Name => "labelling";

        public DocumentLayers Requires => DocumentLayers.Sentences;

        public DocumentLayers Assigns => DocumentLayers.Labels;

        public Document Process(Document document)
        {
            Interlocked.Increment(ref _alone);
            return Label(document);
        }

        public IReadOnlyList<Document> ProcessAll(IReadOnlyList<Document> documents)
        {
            int seen;
            do
            {
                seen = _largestRun;
            }
            while (documents.Count > seen && Interlocked.CompareExchange(ref _largestRun, documents.Count, seen) != seen);
            return [.. documents.Select(Label)];
        }

        private Document Label(Document document)
        {
            if (document.Text.Contains("boom", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("boom");
            }

            var labels = document.Sentences.Select(s => new SentencePrediction(s.Length > 20 ? "claim" : "other", 1.0, [1.0, 0, 0, 0])).ToImmutableArray();
            return document with { Labels = labels, Layers = document.Layers | Assigns };
        }
    }
}
