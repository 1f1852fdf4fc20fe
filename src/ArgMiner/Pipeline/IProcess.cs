using ArgMiner.Text;

namespace ArgMiner.Pipeline;

/// <summary>
/// One pipeline stage, in the manner of Catalyst's <c>IProcess</c> and spaCy's components: it reads the
/// layers it requires and returns the document with the layer it assigns. Stages hold no mutable shared
/// state, so one instance serves every thread.
/// </summary>
public interface IProcess
{
    /// <summary>A short name for messages and model cards.</summary>
    string Name { get; }

    /// <summary>Returns <paramref name="document"/> with this stage's layer added.</summary>
    Document Process(Document document);
}
