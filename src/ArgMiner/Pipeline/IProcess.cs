using ArgMiner.Text;

namespace ArgMiner.Pipeline;

/// <summary>
/// One pipeline stage, in the manner of Catalyst's <c>IProcess</c> and spaCy's components: it declares the
/// layers it requires and the layers it assigns, reads the former and returns the document with the latter
/// set (and recorded in <see cref="Document.Layers"/>). <see cref="TextPipeline"/> checks the order once, when
/// it is built. Stages hold no mutable shared state, so one instance serves every thread.
/// </summary>
public interface IProcess
{
    /// <summary>A short name for messages and model cards.</summary>
    string Name { get; }

    /// <summary>The layers this stage reads; a document without them is refused (<see cref="StageContract.EnsureRequired"/>).</summary>
    DocumentLayers Requires { get; }

    /// <summary>The layers this stage sets (or adds to).</summary>
    DocumentLayers Assigns { get; }

    /// <summary>Returns <paramref name="document"/> with this stage's layers set.</summary>
    Document Process(Document document);
}
