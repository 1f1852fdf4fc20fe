using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Classification;

/// <summary>Requires sentences (and uses entities and numbers when present); assigns <see cref="Document.Labels"/>, one per sentence.</summary>
public sealed class SentenceClassifierStage(SentenceClassifier classifier) : IProcess
{
    /// <inheritdoc/>
    public string Name => "sentence-classifier";

    /// <summary>The model.</summary>
    public SentenceClassifier Classifier { get; } = classifier ?? throw new ArgumentNullException(nameof(classifier));

    /// <inheritdoc/>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document with { Labels = Classifier.PredictDocument(document) };
    }
}
