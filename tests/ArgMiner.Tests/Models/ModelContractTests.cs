using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Tagging;
using ArgMiner.Tests.Classification;
using ArgMiner.Tests.Tagging;

namespace ArgMiner.Tests.Models;

/// <summary>
/// The one contract every trainable model honours (train -> save -> load -> bit-identical outputs; same data
/// and seed -> same file bytes), run for each kind ArgMiner ships: sentence classifier (SDCA and L-BFGS), POS tagger, NER.
/// </summary>
public sealed class ModelContractTests
{
    private static readonly JsonObject Card = new() { ["data"] = "synthetic test data" };

    public static TheoryData<string> Kinds => ["sentence-classifier", "sentence-classifier+vectors", "sentence-classifier-lbfgs", AveragedPerceptronTagger.PosKind, AveragedPerceptronTagger.NerKind, NerWithWordClasses];

    private const string NerWithWordClasses = "ner+word-classes";

    private static void Check(string kind, Action<ModelContract<SentenceClassifier>> classifier, Action<ModelContract<AveragedPerceptronTagger>> tagger)
    {
        if (kind.StartsWith("sentence-classifier", StringComparison.Ordinal))
        {
            string[] probes = ["Officials said 40 people were hurt.", "I love this piece!", "Taxes must fall.", "Contact us"];
            var options = kind switch
            {
                "sentence-classifier+vectors" => TinyData.Options() with { Vectors = TinyVectors.Create() },
                "sentence-classifier-lbfgs" => TinyData.Options() with { Trainer = SentenceTrainer.Lbfgs },
                _ => TinyData.Options(),
            };
            classifier(new(
                Train: () => new SentenceClassifierTrainer(options).Fit(TinyData.Rows()),
                Save: (m, path) => m.Save(path),
                Load: SentenceClassifier.Load,
                Outputs: m => [.. probes.SelectMany(p => m.Predict(p).Probabilities)]));
            return;
        }

        var data = kind == AveragedPerceptronTagger.PosKind ? TaggingTestData.PosSentences(200, seed: 1) : TaggingTestData.NerSentences(200, seed: 1);
        var probesTagged = kind == AveragedPerceptronTagger.PosKind ? TaggingTestData.PosSentences(30, seed: 9) : TaggingTestData.NerSentences(30, seed: 9);
        var modelKind = kind == NerWithWordClasses ? AveragedPerceptronTagger.NerKind : kind;
        var trainer = TaggingTestData.SmallTrainer(modelKind, seed: 5);
        if (kind == NerWithWordClasses)
        {
            trainer = new(trainer.Options with { WordClasses = WordClasses.Build([("oslo", 0, 0), ("kyoto", 1, 0)], ["Anna", "Elena"], WordClasses.DefaultCompanySuffixes, data) });
        }

        tagger(new(
            Train: () => trainer.Fit(data),
            Save: (m, path) => m.Save(path, Card),
            Load: path => AveragedPerceptronTagger.Load(path, modelKind),
            Outputs: m => [.. probesTagged.SelectMany(s => m.Predict(s)).Select(tag => (double)m.Classes.IndexOf(tag))]));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GivenATrainedModel_WhenSavedAndLoaded_ThenItsOutputsAreBitIdentical(string kind) =>
        Check(kind, c => c.AssertRoundTripIsExact(), t => t.AssertRoundTripIsExact());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void GivenTheSameDataAndSeed_WhenTrainedTwice_ThenTheFilesAreByteIdentical(string kind) =>
        Check(kind, c => c.AssertTrainingIsDeterministic(), t => t.AssertTrainingIsDeterministic());
}
