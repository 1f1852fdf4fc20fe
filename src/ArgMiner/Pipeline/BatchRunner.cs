using System.Diagnostics;
using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Text;

namespace ArgMiner.Pipeline;

/// <summary>What a batch did.</summary>
/// <param name="Documents">Documents processed and written.</param>
/// <param name="Skipped">Inputs (files or records) skipped with an error.</param>
/// <param name="Sentences">Sentences written.</param>
/// <param name="Tokens">Tokens found.</param>
/// <param name="Bytes">UTF-8 bytes of document text processed.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record BatchSummary(int Documents, int Skipped, long Sentences, long Tokens, long Bytes, TimeSpan Elapsed);

/// <summary>
/// Runs a pipeline over a stream of inputs: reads a window of documents, processes the window in parallel,
/// writes it in input order, and moves on. Memory is bounded by the window, not by the batch; output order,
/// and so every output byte, is the same for any number of jobs.
/// </summary>
public sealed class BatchRunner
{
    private readonly TextPipeline _pipeline;
    private readonly int _jobs;

    /// <summary>Creates a runner using up to <paramref name="jobs"/> threads.</summary>
    public BatchRunner(TextPipeline pipeline, int jobs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);
        _pipeline = pipeline;
        _jobs = jobs;
    }

    /// <summary>
    /// Documents read ahead: at least 64, so each model's weights serve many documents while they are in the
    /// processor's cache (64 gave the stages 20-30 % more speed than 8 on 4 MB of articles, issue 12), and
    /// 16 per job beyond four jobs. Two windows are in memory at a time (one processing, one being written).
    /// </summary>
    public int WindowDocuments { get; init; } = 64;

    /// <summary>Characters of text read ahead per job, whatever the document count: long documents keep memory bounded.</summary>
    public int WindowCharsPerJob { get; init; } = 256 * 1024;

    /// <summary>Where the time goes, counted when set (<see cref="BatchProfile"/>); null, the default, counts nothing.</summary>
    public BatchProfile? Profile { get; init; }

    /// <summary>
    /// A stop request (Ctrl-C, SIGTERM): once cancelled, reading stops, the documents in flight are abandoned between
    /// stages and inside the stages' long loops (<see cref="ICancellableProcess"/>), and <c>Run</c> returns what was
    /// written. Windows are written whole or not at all, so every document written is whole and every window counted
    /// by <c>onWindow</c> was written entirely. Until session 37 a stop waited for the documents in flight: about
    /// 35 s for one 46 MB document, past Kubernetes' 30 s grace period.
    /// </summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Processes every item and writes the documents; skipped inputs go to <paramref name="onError"/>. A stop
    /// (<see cref="Cancellation"/>) may leave <paramref name="writer"/>'s files unfinished: abandon them.
    /// </summary>
    public BatchSummary Run(IEnumerable<InputItem> items, BatchWriter writer, Action<InputError> onError, Action<Document>? onDocument = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return Run(items, (context, _) => writer.Write(context, Cancellation), onError, onDocument);
    }

    /// <summary>
    /// Processes every item and hands each document, in input order, to <paramref name="write"/> with its item;
    /// skipped inputs go to <paramref name="onError"/>. After each window, <paramref name="onWindow"/> gets the
    /// number of items consumed so far: every one of them has been written or reported. When <see cref="Cancellation"/>
    /// is cancelled it returns early, with the windows not yet written left out (their documents are neither written
    /// nor counted).
    /// </summary>
    public BatchSummary Run(IEnumerable<InputItem> items, Action<DocumentContext, InputItem> write, Action<InputError> onError, Action<Document>? onDocument = null, Action<long>? onWindow = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(onError);
        long consumed = 0;
        var clock = Stopwatch.StartNew();
        int documents = 0, skipped = 0;
        long sentences = 0, tokens = 0, bytes = 0;

        // Two windows alternate: while the jobs process one on worker threads, this thread writes the window
        // before it, in input order, and reads the next one. Reading and writing no longer leave the cores idle
        // (issue 12); the order of writes, and so every output byte, is what one window at a time gave.
        var size = Math.Max(WindowDocuments, 16 * _jobs);
        var windows = new[] { new List<InputItem>(size), new List<InputItem>(size) };
        var resultSets = new[] { new Result[size], new Result[size] };
        Task? processing = null;
        var inFlight = -1;

        void WriteOut(int k)
        {
            var window = windows[k];
            var results = resultSets[k];
            for (var i = 0; i < window.Count; i++)
            {
                var r = results[i];
                if (r.Error is not null)
                {
                    skipped++;
                    onError(r.Error);
                }
                else if (r.Context is { } context)
                {
                    if (Profile is { } profile)
                    {
                        var start = Stopwatch.GetTimestamp();
                        write(context, window[i]);
                        profile.AddWrite(Stopwatch.GetTimestamp() - start);
                    }
                    else
                    {
                        write(context, window[i]);
                    }

                    documents++;
                    sentences += context.Document.Sentences.Length;
                    tokens += context.Document.Tokens.Length;
                    bytes += Encoding.UTF8.GetByteCount(context.Document.Text);
                    onDocument?.Invoke(context.Document);
                }

                results[i] = default;
            }

            consumed += window.Count;
            window.Clear();
            onWindow?.Invoke(consumed);
        }

        // Window k is read: wait for the window before it, set k processing, then write the one before.
        void Hand(int k)
        {
            processing?.GetAwaiter().GetResult();
            var previous = inFlight;
            var window = windows[k];
            var results = resultSets[k];
            processing = window.Count == 0 ? null : Task.Run(() => Process(window, results));
            inFlight = k;
            if (previous >= 0)
            {
                WriteOut(previous);
            }
        }

        var current = 0;
        var chars = 0L;
        var maxChars = (long)_jobs * WindowCharsPerJob;
        try
        {
            foreach (var item in Profile is { } p ? Timed(items, p) : items)
            {
                Cancellation.ThrowIfCancellationRequested();
                windows[current].Add(item);
                chars += item.Document?.Text.Length ?? 0;
                if (windows[current].Count == size || chars >= maxChars)
                {
                    Hand(current);
                    current ^= 1;
                    chars = 0;
                }
            }

            Cancellation.ThrowIfCancellationRequested();
            Hand(current);
            processing?.GetAwaiter().GetResult();
            processing = null;
            Cancellation.ThrowIfCancellationRequested();
            WriteOut(inFlight);
        }
        catch (OperationCanceledException) when (Cancellation.IsCancellationRequested)
        {
            // Stopped: the window being processed (and the one being read) are dropped whole; what was written stays.
        }
        finally
        {
            // A failed read or write leaves no worker running behind the caller's back.
            if (processing is not null)
            {
                try
                {
                    processing.Wait();
                }
                catch (AggregateException)
                {
                    // The first failure is the one already propagating.
                }
            }
        }

        return new BatchSummary(documents, skipped, sentences, tokens, bytes, clock.Elapsed);
    }

    // Reading is lazy (the enumerator decodes a file when asked for its next item), so its time is the time in MoveNext.
    private static IEnumerable<InputItem> Timed(IEnumerable<InputItem> items, BatchProfile profile)
    {
        using var e = items.GetEnumerator();
        while (true)
        {
            var start = Stopwatch.GetTimestamp();
            var more = e.MoveNext();
            profile.AddRead(Stopwatch.GetTimestamp() - start);
            if (!more)
            {
                yield break;
            }

            yield return e.Current;
        }
    }

    // Documents go through the stages a run of documents at a time, stage by stage: each model's weight table
    // then serves several documents while it is in the processor's cache, instead of being evicted by the next
    // stage's after every document (issue 12: the stages ran ~30 % slower document by document). Every document
    // still gets exactly the same stages in the same order, so every output byte is unchanged.
    private void Process(List<InputItem> window, Result[] results)
    {
        if (_jobs == 1 || window.Count <= 1)
        {
            ProcessRun(window, results, 0, window.Count);
            return;
        }

        // Two runs per job, handed out as threads come free, so a run of long documents does not hold up the others.
        var run = Math.Max(1, window.Count / (2 * _jobs));
        var runs = (window.Count + run - 1) / run;
        try
        {
            Parallel.For(0, runs, new ParallelOptions { MaxDegreeOfParallelism = _jobs, CancellationToken = Cancellation }, r => ProcessRun(window, results, r * run, Math.Min(window.Count, (r + 1) * run)));
        }
        catch (AggregateException ex) when (Cancellation.IsCancellationRequested && ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new OperationCanceledException(Cancellation);
        }
    }

    private void ProcessRun(List<InputItem> window, Result[] results, int from, int to)
    {
        var documents = new Document?[to - from];
        for (var i = from; i < to; i++)
        {
            if (window[i].Error is { } error)
            {
                results[i] = new Result(null, error);
            }
            else
            {
                documents[i - from] = window[i].Document!;
            }
        }

        var stages = _pipeline.Stages;
        for (var s = 0; s < stages.Count; s++)
        {
            Cancellation.ThrowIfCancellationRequested();
            if (stages[s] is IBatchProcess batch && TryProcessAll(batch, s, documents))
            {
                continue;
            }

            for (var k = 0; k < documents.Length; k++)
            {
                if (documents[k] is not { } document)
                {
                    continue;
                }

                try
                {
                    var start = Profile is null ? 0 : Stopwatch.GetTimestamp();
                    documents[k] = stages[s].Process(document, Cancellation);
                    if (Profile is { } profile)
                    {
                        Interlocked.Add(ref profile.StageTicks[s], Stopwatch.GetTimestamp() - start);
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !Stopped(ex))
                {
                    results[from + k] = Failed(window[from + k], ex);
                    documents[k] = null;
                }
            }
        }

        for (var k = 0; k < documents.Length; k++)
        {
            if (documents[k] is not { } document)
            {
                continue;
            }

            try
            {
                results[from + k] = new Result(DocumentContext.Of(document), null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                results[from + k] = Failed(window[from + k], ex);
            }
        }
    }

    // A stage that processes several documents at once gets the run's documents in one call; if that call throws,
    // the caller goes document by document, so the failing document alone is skipped with its own error.
    private bool TryProcessAll(IBatchProcess stage, int index, Document?[] documents)
    {
        var present = new List<Document>(documents.Length);
        foreach (var document in documents)
        {
            if (document is not null)
            {
                present.Add(document);
            }
        }

        if (present.Count < 2)
        {
            return false;
        }

        var start = Profile is null ? 0 : Stopwatch.GetTimestamp();
        IReadOnlyList<Document> processed;
        try
        {
            processed = stage.ProcessAll(present);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && !Stopped(ex))
        {
            return false;
        }

        if (processed.Count != present.Count)
        {
            return false;
        }

        var next = 0;
        for (var k = 0; k < documents.Length; k++)
        {
            if (documents[k] is not null)
            {
                documents[k] = processed[next++];
            }
        }

        if (Profile is { } profile)
        {
            Interlocked.Add(ref profile.StageTicks[index], Stopwatch.GetTimestamp() - start);
        }

        return true;
    }

    // A stop request is no failure of the document's: it must reach Run, not skip the document with an error.
    private bool Stopped(Exception ex) => ex is OperationCanceledException && Cancellation.IsCancellationRequested;

    // A bug of ours, not the user's: name the document, keep the batch going.
    private static Result Failed(InputItem item, Exception ex) =>
        new(null, new InputError(item.Document!.Source, null, $"could not be processed ({ex.GetType().Name}: {ex.Message}), skipped"));

    private readonly record struct Result(DocumentContext? Context, InputError? Error);
}
