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
