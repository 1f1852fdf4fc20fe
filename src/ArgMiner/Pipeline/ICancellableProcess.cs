using ArgMiner.Text;

namespace ArgMiner.Pipeline;

/// <summary>
/// A stage that stops partway through a document when asked: its long loops (over sentences or paragraphs) check
/// the token every <see cref="StageCancellation.Every"/> steps and throw <see cref="OperationCanceledException"/>.
/// Without it a stop request waited for the documents in flight: one 46 MB document kept <c>argminer run</c> alive
/// about 35 s after SIGTERM, past Kubernetes' 30 s grace period (session 37). Optional, beside <see cref="IProcess"/>,
/// so a stage with no long loop needs nothing more; <see cref="IProcess.Process"/> must give what this gives with a
/// token never cancelled.
/// </summary>
public interface ICancellableProcess : IProcess
{
    /// <summary>Returns <paramref name="document"/> with this stage's layers set, unless <paramref name="cancellation"/> is cancelled first.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled; the document is abandoned.</exception>
    Document Process(Document document, CancellationToken cancellation);
}

/// <summary>How stages and runners check a stop request.</summary>
public static class StageCancellation
{
    /// <summary>
    /// Steps (sentences or paragraphs) between two checks: a check is a read of one field, so checking every 256
    /// costs nothing measurable, and 256 sentences take well under a millisecond in the slowest stage.
    /// </summary>
    public const int Every = 256;

    /// <summary>Throws when <paramref name="cancellation"/> is cancelled and <paramref name="step"/> is a multiple of <see cref="Every"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static void Check(int step, CancellationToken cancellation)
    {
        if ((step & (Every - 1)) == 0)
        {
            cancellation.ThrowIfCancellationRequested();
        }
    }

    /// <summary>
    /// Runs <paramref name="stage"/> on <paramref name="document"/>: through <see cref="ICancellableProcess"/> when it
    /// is one, otherwise after one check (a stage without long loops ends soon anyway).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was cancelled.</exception>
    public static Document Process(this IProcess stage, Document document, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(stage);
        cancellation.ThrowIfCancellationRequested();
        return stage is ICancellableProcess cancellable ? cancellable.Process(document, cancellation) : stage.Process(document);
    }
}
