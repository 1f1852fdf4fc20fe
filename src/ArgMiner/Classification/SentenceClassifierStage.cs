using System.Collections.Immutable;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Classification;

/// <summary>
/// Requires sentences (and uses entities and numbers when present); assigns <see cref="Document.Labels"/>, one per
/// sentence. Titles, headings and publisher footers the layout found are <c>other</c> with probability 1, as the
/// guidelines rule (a thesis is labelled where the text argues it, never in its title; boilerplate and disclaimers
/// do no argumentative work): the model sees too few of them in its labelled data to learn that from the section
/// feature alone.
/// </summary>
public sealed class SentenceClassifierStage(SentenceClassifier classifier) : ICancellableProcess
{
    /// <summary>The prediction a title, heading or footer gets: <c>other</c> with probability 1.</summary>
    public static SentencePrediction Other { get; } = new("other", 1.0, [0.0, 0.0, 0.0, 1.0]);

    /// <summary>Whether a sentence of <paramref name="section"/> is <c>other</c> by the guidelines' layout rule (titles, headings, footers).</summary>
    public static bool IsOtherByLayout(Section? section) => section is Section.Title or Section.Heading or Section.Footer;

    /// <inheritdoc/>
    public string Name => "sentence-classifier";

    /// <summary>Tokens and sentences; with a model trained on tagged sentences, also the entities and numeric claims it was trained to read.</summary>
    public DocumentLayers Requires => DocumentLayers.Tokens | DocumentLayers.Sentences | (Classifier.TaggedFeatures ? DocumentLayers.Entities | DocumentLayers.Numbers : DocumentLayers.None);

    /// <inheritdoc/>
    public DocumentLayers Assigns => DocumentLayers.Labels;

    /// <summary>The model.</summary>
    public SentenceClassifier Classifier { get; } = classifier ?? throw new ArgumentNullException(nameof(classifier));

    /// <inheritdoc/>
    public Document Process(Document document) => Process(document, CancellationToken.None);

    /// <inheritdoc/>
    public Document Process(Document document, CancellationToken cancellation)
    {
        this.EnsureRequired(document);
        return document with { Labels = WithLayoutRules(document, Classifier.PredictDocument(document, cancellation)), Layers = document.Layers | Assigns };
    }

    /// <summary>
    /// <paramref name="labels"/> (one per sentence of <paramref name="document"/>) with every title, heading and
    /// footer sentence made <c>other</c> with probability 1: the guidelines' rule, which every classifier stage applies.
    /// </summary>
    public static ImmutableArray<SentencePrediction> WithLayoutRules(Document document, ImmutableArray<SentencePrediction> labels)
    {
        ArgumentNullException.ThrowIfNull(document);

        // One copy for the whole document: SetItem copies the array each time, which made a document of many
        // heading lines (36,000 "Subject:" lines) take time and memory quadratic in its length.
        ImmutableArray<SentencePrediction>.Builder? changed = null;
        for (var i = 0; i < labels.Length; i++)
        {
            if (IsOtherByLayout(document.Sentences[i].Section))
            {
                changed ??= labels.ToBuilder();
                changed[i] = Other;
            }
        }

        return changed?.DrainToImmutable() ?? labels;
    }
}
