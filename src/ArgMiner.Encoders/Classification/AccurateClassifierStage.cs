using ArgMiner.Classification;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Encoders.Classification;

/// <summary>
/// The accurate tier as a pipeline stage: assigns <see cref="Document.Labels"/>, one per sentence, as the fast
/// model's stage does, titles, headings and footers included (<see cref="SentenceClassifierStage.WithLayoutRules"/>).
/// A run of documents is classified in one call (<see cref="IBatchProcess"/>), so the encoders see all their
/// sentences at once, sorted by length: the same labels as document by document, for less padding.
/// </summary>
public sealed class AccurateClassifierStage(AccurateClassifier classifier) : IBatchProcess
{
    /// <inheritdoc/>
    public string Name => "accurate-sentence-classifier";

    /// <summary>Tokens, sentences, entities and numeric claims: the fast model inside it reads them.</summary>
    public DocumentLayers Requires => DocumentLayers.Tokens | DocumentLayers.Sentences | DocumentLayers.Entities | DocumentLayers.Numbers;

    /// <inheritdoc/>
    public DocumentLayers Assigns => DocumentLayers.Labels;

    /// <summary>The model.</summary>
    public AccurateClassifier Classifier { get; } = classifier ?? throw new ArgumentNullException(nameof(classifier));

    /// <inheritdoc/>
    public Document Process(Document document)
    {
        this.EnsureRequired(document);
        return document with { Labels = SentenceClassifierStage.WithLayoutRules(document, Classifier.PredictDocument(document)), Layers = document.Layers | Assigns };
    }

    /// <inheritdoc/>
    public IReadOnlyList<Document> ProcessAll(IReadOnlyList<Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var document in documents)
        {
            this.EnsureRequired(document);
        }

        var labels = Classifier.PredictDocuments(documents);
        var result = new Document[documents.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = documents[i] with { Labels = SentenceClassifierStage.WithLayoutRules(documents[i], labels[i]), Layers = documents[i].Layers | Assigns };
        }

        return result;
    }
}
