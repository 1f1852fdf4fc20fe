using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Encoders.Classification;

/// <summary>The accurate tier as a pipeline stage: assigns <see cref="Document.Labels"/>, one per sentence, as the fast model's stage does.</summary>
public sealed class AccurateClassifierStage(AccurateClassifier classifier) : IProcess
{
    /// <inheritdoc/>
    public string Name => "accurate-sentence-classifier";

    /// <summary>The model.</summary>
    public AccurateClassifier Classifier { get; } = classifier ?? throw new ArgumentNullException(nameof(classifier));

    /// <inheritdoc/>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with { Labels = Classifier.PredictDocument(document) };
    }
}
