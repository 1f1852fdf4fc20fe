using ArgMiner.Text;

namespace ArgMiner.Pipeline;

/// <summary>
/// A stage that can process several documents in one call, as spaCy's components may implement <c>pipe</c>
/// beside <c>__call__</c>: for a stage whose cost falls when it sees more at once (the accurate tier's sentence
/// encoders pad each batch to its longest sentence, so more sentences sorted by length pad less).
/// <see cref="BatchRunner"/> hands it each run of documents; the result must be exactly what
/// <see cref="IProcess.Process"/> gives each document alone, so output bytes do not depend on how documents are
/// grouped (and so on <c>--jobs</c>).
/// </summary>
public interface IBatchProcess : IProcess
{
    /// <summary>
    /// Returns each of <paramref name="documents"/> with this stage's layers set, in order. When it throws,
    /// the runner processes the documents one by one, so only a failing document is skipped.
    /// </summary>
    IReadOnlyList<Document> ProcessAll(IReadOnlyList<Document> documents);
}
