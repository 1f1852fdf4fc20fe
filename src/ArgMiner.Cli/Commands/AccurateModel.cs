using System.Text;
using ArgMiner.Classification;
using ArgMiner.Encoders.Classification;
using ArgMiner.Encoders.Embedding;
using ArgMiner.Models;
using ArgMiner.Pipeline;

namespace ArgMiner.Cli.Commands;

/// <summary>
/// <c>--model accurate</c> (or <c>--model FILE</c> naming an accurate-tier model) for <c>classify</c> and
/// <c>run</c>: kept here so those commands change by a few lines each, and so the encoder and ONNX Runtime are
/// loaded only when the accurate tier is asked for.
/// </summary>
internal static class AccurateModel
{
    /// <summary>The <c>--model</c> value that asks for the shipped accurate model.</summary>
    public const string Keyword = "accurate";

    /// <summary>Whether <paramref name="model"/> asks for the accurate tier.</summary>
    public static bool IsRequested(string? model) =>
        model == Keyword || (model is not null && File.Exists(model) && ModelPackage.KindOf(model) == AccurateClassifier.Kind);

    /// <summary>
    /// Loads the accurate tier with the encoders its card names, with <paramref name="gate"/> instead of its own gate
    /// when given (<c>--gate</c>) and running its tuned encoders only when <paramref name="tunedOnly"/>
    /// (<c>--encoders tuned</c>), or writes one error line and returns null.
    /// </summary>
    public static AccurateClassifier? Load(string model, TextWriter stderr, double? gate = null, bool tunedOnly = false)
    {
        try
        {
            var classifier = model == Keyword ? AccurateClassifier.LoadDefault(SentenceEncoders.Create) : AccurateClassifier.Load(model, SentenceEncoders.Create);
            if (tunedOnly && classifier.Tuned.IsEmpty)
            {
                stderr.WriteLine($"argminer: {model}: --encoders tuned needs a tier with tuned encoders (format 4 or later); this one has none");
                EncodersOf(classifier)?.Dispose();
                return null;
            }

            classifier = gate is { } g ? classifier.WithGate(g) : classifier;
            return tunedOnly ? classifier.WithTunedOnly(true) : classifier;
        }
        catch (ModelFormatException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return null;
        }
    }

    /// <summary>Disposes <paramref name="classifier"/>'s encoders when disposed (null for no classifier).</summary>
    public static IDisposable? EncodersOf(AccurateClassifier? classifier) => classifier is null ? null : new EncoderOwner(classifier.Embedders, classifier.Tuned);

    /// <summary><c>run</c>'s full pipeline with the accurate tier as its classifier, or null after one error line.</summary>
    public static TextPipeline? CreatePipeline(string model, TextWriter stderr, double? gate = null, bool tunedOnly = false) =>
        Load(model, stderr, gate, tunedOnly) is { } classifier ? new TextPipeline([.. TextPipeline.CreateAnalysis().Stages, new AccurateClassifierStage(classifier)]) : null;

    /// <summary>
    /// <c>classify --model accurate</c>: the same CSV as the fast model's (text, label, confidence, four
    /// probabilities); lines are scored in batches so the encoder sees many at once. A blank line is
    /// <c>other</c> with probability 1 from the fast model, which is sure of it, so it never reaches the encoder.
    /// </summary>
    public static void Classify(AccurateClassifier classifier, TextReader reader, TextWriter writer)
    {
        const int BatchSize = 1024;
        writer.Write("text,label,confidence,p_claim,p_evidence,p_opinion,p_other\n");
        var batch = new List<string>(BatchSize);
        var line = new StringBuilder();
        while (true)
        {
            var text = reader.ReadLine();
            if (text is not null)
            {
                batch.Add(text);
            }

            if (batch.Count == BatchSize || (text is null && batch.Count > 0))
            {
                var predictions = classifier.PredictAll(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    line.Clear().Append(ClassifierCli.Cell(batch[i])).Append(',');
                    var p = predictions[i];
                    line.Append(p.Label).Append(',');
                    LineClassification.AppendProbability(line, p.Confidence);
                    foreach (var probability in p.Probabilities)
                    {
                        line.Append(',');
                        LineClassification.AppendProbability(line, probability);
                    }

                    writer.Write(line.Append('\n').ToString());
                }

                batch.Clear();
            }

            if (text is null)
            {
                return;
            }
        }
    }

    private sealed class EncoderOwner(IReadOnlyList<ISentenceEmbedder> embedders, IReadOnlyList<TunedEncoderHead> tuned) : IDisposable
    {
        public void Dispose()
        {
            foreach (var embedder in embedders)
            {
                embedder.Dispose();
            }

            foreach (var head in tuned)
            {
                head.Dispose();
            }
        }
    }
}
