using ArgMiner.Text;
using ArgMiner.Classification;
using ArgMiner.Models;
using Microsoft.ML;

namespace ArgMiner.Training.Classification;

/// <summary>
/// Scores sentences through ML.NET itself: the model file's ML.NET model (as <c>MLContext.Model.Save</c> wrote
/// it) loaded by <c>MLContext.Model.Load</c>, fed ArgMiner's features, run by a <c>PredictionEngine</c>.
/// <c>classify --engine mlnet</c> uses it; the default engine is <see cref="SentenceClassifier"/>'s compiled
/// copy of the same weights, and a contract test holds the two to the same labels and probabilities. A model
/// with a document-context stage scores documents through that stage's own ML.NET model too
/// (<see cref="PredictDocument"/>).
/// Not thread-safe (ML.NET's prediction engine is not): one per thread.
/// </summary>
public sealed class MlNetSentenceScorer : IDisposable
{
    private readonly SentenceFeaturizer _featurizer;
    private readonly PredictionEngine<FeatureRow, ScoreRow> _engine;
    private readonly PredictionEngine<FeatureRow, ScoreRow>? _context;

    /// <summary>Loads the ML.NET model inside <paramref name="classifier"/>.</summary>
    /// <exception cref="ModelFormatException">The model has no ML.NET model (layout 1 or 2), or ML.NET cannot read it.</exception>
    public MlNetSentenceScorer(SentenceClassifier classifier, string source)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var bytes = classifier.MlNetModel
            ?? throw new ModelFormatException(source, "this model holds no ML.NET model (it was written before ArgMiner trained with ML.NET); retrain it, or score it with the default engine");
        _featurizer = classifier.Featurizer;
        var ml = new MLContext(1);
        _engine = ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(LoadModel(ml, bytes, source, SentenceClassifier.MlNetEntry), ignoreMissingColumns: true, inputSchemaDefinition: FeatureData.Schema(_featurizer.Dimension));
        if (classifier.Context is { } context)
        {
            _context = ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(LoadModel(ml, context.MlNetModel, source, DocumentContextModel.MlNetEntry), ignoreMissingColumns: true, inputSchemaDefinition: FeatureData.Schema(DocumentContextModel.FeatureCount));
        }
    }

    private static ITransformer LoadModel(MLContext ml, byte[] bytes, string source, string entry)
    {
        // ML.NET extracts the archive's entries to temporary files without a limit: checked first (a zip bomb).
        ModelPackage.CheckNestedZip(bytes, source, entry);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return ml.Model.Load(stream, out _);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException or IOException or ArgumentException)
        {
            throw new ModelFormatException(source, $"corrupt ML.NET model ({ex.Message.TrimEnd('.')})");
        }
    }

    /// <summary>
    /// Classifies a document's sentences in reading order: each through the first stage, then, when the model
    /// has a document-context stage and the document two sentences or more, through that stage's ML.NET model.
    /// </summary>
    public SentencePrediction[] PredictDocument(IReadOnlyList<(string Text, SentenceContext Context)> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var first = sentences.Select(s => Predict(s.Text, s.Context)).ToArray();
        var n = first.Length;
        if (_context is null || n < 2)
        {
            return first;
        }

        var features = DocumentContextModel.FeatureRows(first, 0, n);
        var result = new SentencePrediction[n];
        for (var i = 0; i < n; i++)
        {
            var x = features[i];
            result[i] = CrossValidation.Prediction(_context.Predict(new FeatureRow { Features = new Microsoft.ML.Data.VBuffer<float>(x.Length, x) }).Score);
        }

        return result;
    }

    /// <summary>Classifies one sentence (blank text is <c>other</c>, as with the default engine).</summary>
    public SentencePrediction Predict(string text, in SentenceContext context = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return CrossValidation.Prediction([0, 0, 0, 1]);
        }

        var row = new FeatureRow { Features = FeatureData.Vector(_featurizer, text, context) };
        return CrossValidation.Prediction(_engine.Predict(row).Score);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _engine.Dispose();
        _context?.Dispose();
    }
}
