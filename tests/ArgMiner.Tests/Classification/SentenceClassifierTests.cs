using ArgMiner.Text;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Ingest;
using ArgMiner.Models;
using ArgMiner.Pipeline;
using ArgMiner.Tests.Models;

namespace ArgMiner.Tests.Classification;

public sealed class SentenceClassifierTests
{
    private static readonly string[] Probes =
    [
        "The mayor should resign.",
        "In 2022, the agency counted 1,300 complaints.",
        "I love it!",
        "Breaking News",
        "",
        "According to the report, 40 percent of voters said they would stay home.",
    ];

    [Fact]
    public void GivenTinyData_WhenTrained_ThenItFitsItsTrainingSentencesAndProbabilitiesSumToOne()
    {
        var rows = TinyData.Rows();
        var model = new SentenceClassifierTrainer(TinyData.Options(1e-4)).Fit(rows);
        var correct = 0;
        foreach (var r in rows)
        {
            var p = model.Predict(r.Text);
            Assert.Equal(1.0, p.Probabilities.Sum(), 10);
            Assert.Equal(p.Probabilities.Max(), p.Confidence);
            correct += p.Label == r.Label ? 1 : 0;
        }

        Assert.True(correct >= rows.Count * 0.95, $"{correct} of {rows.Count} training sentences fitted");
    }

    [Fact]
    public void GivenAnEmptySentence_WhenPredicted_ThenItIsOtherWithCertainty()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        var p = model.Predict("   ");
        Assert.Equal("other", p.Label);
        Assert.Equal(new[] { 0.0, 0.0, 0.0, 1.0 }, p.Probabilities.ToArray());
    }

    [Fact]
    public void GivenATrainedModel_WhenExplained_ThenTopFeaturesAreReadableAndPushTheLabel()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        var why = model.Explain("According to the report, 300 jobs were cut in 2020.", "evidence");
        Assert.NotEmpty(why);
        Assert.All(why, f => Assert.True(f.Contribution > 0));
        Assert.Contains(why, f => f.Feature.StartsWith("word:", StringComparison.Ordinal) || f.Feature.StartsWith("feat:", StringComparison.Ordinal) || f.Feature.StartsWith("bigram:", StringComparison.Ordinal));
        Assert.DoesNotContain(why, f => f.Feature.StartsWith("hash:", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenAGarbageFile_WhenLoaded_ThenModelFormatExceptionNamesTheFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "this is not a zip archive");
            var ex = Assert.Throws<ModelFormatException>(() => SentenceClassifier.Load(path));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenANewerFormatModel_WhenLoaded_ThenModelFormatExceptionSaysUpgrade()
    {
        var path = Path.Combine(Path.GetTempPath(), $"argminer-newer-{Guid.NewGuid():N}.model");
        try
        {
            var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
            var package = new ModelPackage(SentenceClassifier.Kind, SentenceClassifier.FormatVersion + 1, model.Card);
            package.Save(path);
            var ex = Assert.Throws<ModelFormatException>(() => SentenceClassifier.Load(path));
            Assert.Contains("newer", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenAModelWithTruncatedWeights_WhenLoaded_ThenModelFormatExceptionSaysCorrupt()
    {
        var path = Path.Combine(Path.GetTempPath(), $"argminer-corrupt-{Guid.NewGuid():N}.model");
        try
        {
            var package = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows()).ToPackage();
            package.Entries["weights.bin"] = package.Entries["weights.bin"][..40];
            package.Save(path);
            var ex = Assert.Throws<ModelFormatException>(() => SentenceClassifier.Load(path));
            Assert.Contains("corrupt", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenATrainedModel_WhenSaved_ThenTheCardRecordsLabelsFeaturizerFingerprintAndSources()
    {
        var rows = TinyData.Rows();
        var options = TinyData.Options() with { DataSources = ["tiny"] };
        var model = new SentenceClassifierTrainer(options).Fit(rows);
        var path = Path.Combine(Path.GetTempPath(), $"argminer-card-{Guid.NewGuid():N}.model");
        try
        {
            model.Save(path);
            using var zip = ZipFile.OpenRead(path);
            using var stream = zip.GetEntry("manifest.json")!.Open();
            var manifest = JsonNode.Parse(stream)!;
            Assert.Equal("sentence-classifier", (string?)manifest["kind"]);
            var card = manifest["card"]!;
            Assert.Equal(4, card["labels"]!.AsArray().Count);
            Assert.Equal(14, (int?)card["featurizer"]!["hashBits"]);
            Assert.Equal("sha256:" + SentenceClassifierTrainer.Fingerprint(rows), (string?)card["training"]!["fingerprint"]);
            Assert.Equal("tiny", (string?)card["training"]!["sources"]![0]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenChangedRows_WhenFingerprinted_ThenTheFingerprintChanges()
    {
        var rows = TinyData.Rows();
        var changed = rows.ToList();
        changed[0] = changed[0] with { Label = "opinion", Targets = ["opinion"] };
        Assert.NotEqual(SentenceClassifierTrainer.Fingerprint(rows), SentenceClassifierTrainer.Fingerprint(changed));
    }

    [Fact]
    public void GivenAProcessedDocument_WhenTheStageRuns_ThenEverySentenceGetsOneLabel()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        var document = DocumentReaders.Compose("d1", "test", "Mostly Theater", "The council should reject the stadium deal. In 2023, the city spent 4.2 million dollars.", [("I love this piece!", null, null)]);
        var pipeline = new TextPipeline([.. TextPipeline.CreateDefault().Stages, new SentenceClassifierStage(model)]);
        var processed = pipeline.Process(document);
        Assert.NotEmpty(processed.Sentences);
        Assert.Equal(processed.Sentences.Length, processed.Labels.Length);
        Assert.All(processed.Labels, l => Assert.Contains(l.Label, SentenceLabels.All));
        Assert.Equal(processed.Labels, pipeline.Process(document).Labels, (a, b) => a.Label == b.Label && a.Probabilities.SequenceEqual(b.Probabilities));
    }

    [Fact]
    public void GivenATitleTheModelCallsAClaim_WhenTheStageRuns_ThenTheTitleIsOtherAsTheGuidelinesRule()
    {
        const string title = "The council should reject the stadium deal";
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        Assert.NotEqual("other", model.Predict(title).Label);
        var document = DocumentReaders.Compose("d1", "test", title, "The council should reject the stadium deal. In 2023, the city spent 4.2 million dollars.", []);
        var processed = new TextPipeline([.. TextPipeline.CreateDefault().Stages, new SentenceClassifierStage(model)]).Process(document);
        Assert.Equal(Section.Title, processed.Sentences[0].Section);
        Assert.Equal("other", processed.Labels[0].Label);
        Assert.Equal(1.0, processed.Labels[0].Probabilities[3]);
        // The same words in the body are labelled by the model.
        Assert.Equal(Section.Body, processed.Sentences[1].Section);
        Assert.Equal(model.Predict(title + ".").Label, processed.Labels[1].Label);
    }

    [Fact]
    public void GivenAPublisherFooter_WhenTheStageRuns_ThenItIsOtherAsTheGuidelinesRuleAndProseAboutCopyrightIsNot()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        const string body = "The council should reject the stadium deal.\nThe views expressed are the author's and do not necessarily reflect the Ledger's.\nCopyright law protected the stadium's design until 2020.";
        var processed = new TextPipeline([.. TextPipeline.CreateDefault().Stages, new SentenceClassifierStage(model)]).Process(DocumentReaders.Compose("d1", "test", null, body, []));
        Assert.Equal([Section.Body, Section.Footer, Section.Body], processed.Sentences.Select(s => s.Section));
        Assert.Equal("other", processed.Labels[1].Label);
        Assert.Equal(1.0, processed.Labels[1].Probabilities[3]);
        Assert.True(processed.Labels[2].Probabilities[3] < 1.0);
    }

    [Fact]
    public void GivenPathologicalInput_WhenPredicted_ThenItCompletesWithValidProbabilities()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        var megabyte = string.Concat(Enumerable.Repeat("word, ", 180_000));
        var digits = new string('7', 200_000);
        foreach (var text in new[] { megabyte, digits, new string('"', 100_000), new string('\u00e9', 50_000) })
        {
            var p = model.Predict(text);
            Assert.Equal(1.0, p.Probabilities.Sum(), 9);
        }
    }

    [Fact]
    public void GivenTheShippedModel_WhenLoadedByDefault_ThenItLoadsAndPredictsEveryLabel()
    {
        // models/sentence-classifier.model ships inside the library: a build without it fails here.
        var model = ShippedModels.SentenceClassifier;
        Assert.Equal(SentenceLabels.All.Length, model.Card["labels"]!.AsArray().Count);
        var p = model.Predict("The government must act now.");
        Assert.Contains(p.Label, SentenceLabels.All);
        Assert.Equal(4, p.Probabilities.Length);
        Assert.Equal(1.0, p.Probabilities.Sum(), 9);
    }

    [Fact]
    public void GivenADocumentWithTaggedNumbers_WhenContextsAreBuilt_ThenSectionPositionAndKindsAreKnown()
    {
        var document = DocumentReaders.Compose("d1", "test", "Mostly Theater", "Prices rose 3 percent. The council should act.", []);
        var processed = TextPipeline.CreateDefault().Process(document);
        var first = processed.Sentences[1];
        processed = processed with
        {
            Numbers = [new NumericClaim { Start = first.Start, End = first.End, Sentence = 1, Kind = "percent" }],
            Layers = processed.Layers | DocumentLayers.Numbers,
        };
        var contexts = SentenceClassifier.DocumentContexts(processed);
        Assert.Equal(processed.Sentences.Length, contexts.Length);
        Assert.Equal(global::ArgMiner.Text.Section.Title, contexts[0].Section);
        Assert.Equal(0.0, contexts[0].Position);
        Assert.Equal(1.0, contexts[^1].Position);
        Assert.All(contexts, c => Assert.NotEqual(global::ArgMiner.Text.Section.Comment, c.Section));
        Assert.Equal(new[] { "percent" }, contexts[1].NumberKinds!.ToArray());
        Assert.Empty(contexts[^1].NumberKinds!);
        Assert.Null(contexts[1].EntityTypes);
    }

    [Fact]
    public void GivenASentence_WhenExplained_ThenEveryNamedFeatureOccursInThatSentence()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        const string text = "I love this wonderful piece!";
        var why = model.Explain(text, "opinion", top: 50);
        Assert.Contains(why, f => f.Feature == "feat:first-person-singular");
        foreach (var f in why.Where(f => f.Feature.StartsWith("word:", StringComparison.Ordinal)))
        {
            Assert.Contains(f.Feature["word:".Length..], text.ToLowerInvariant(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GivenATrainedModel_WhenAskedForTopFeatures_ThenTheyAreOrderedByWeight()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        var top = model.TopFeatures("evidence", 10);
        Assert.Equal(10, top.Count);
        Assert.Equal(top.OrderByDescending(t => t.Weight).Select(t => t.Weight), top.Select(t => t.Weight));
        Assert.True(top[0].Weight > 0);
    }

    [Fact]
    public void GivenOneModel_WhenManyThreadsClassifyAtOnce_ThenResultsEqualTheSequentialOnes()
    {
        var model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());
        var texts = TinyData.Rows().Select(r => r.Text).Concat(Probes).ToArray();
        var sequential = texts.Select(t => model.Predict(t).Probabilities.ToArray()).ToArray();
        var parallel = new double[texts.Length][];
        Parallel.For(0, texts.Length * 20, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var p = model.Predict(texts[i % texts.Length]).Probabilities.ToArray();
            if (i < texts.Length)
            {
                parallel[i] = p;
            }
            else
            {
                Assert.Equal(sequential[i % texts.Length], p);
            }
        });
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void GivenADocumentWithComments_WhenContextsAreBuilt_ThenCommentPositionsRunOverTheCommentsAlone()
    {
        var document = DocumentReaders.Compose("d1", "test", "Title Here", "First body sentence. Second body sentence.", [("Great piece!", null, null), ("I disagree.", null, null)]);
        var processed = TextPipeline.CreateDefault().Process(document);
        var contexts = SentenceClassifier.DocumentContexts(processed);
        var comments = Enumerable.Range(0, processed.Sentences.Length).Where(i => processed.Sentences[i].Comment is not null).ToList();
        var article = Enumerable.Range(0, processed.Sentences.Length).Where(i => processed.Sentences[i].Comment is null).ToList();
        Assert.Equal(2, comments.Count);
        Assert.Equal(0.0, contexts[comments[0]].Position);
        Assert.Equal(1.0, contexts[comments[^1]].Position);
        Assert.Equal(1.0, contexts[article[^1]].Position);
        Assert.All(comments, i => Assert.Equal(global::ArgMiner.Text.Section.Comment, contexts[i].Section));
    }

    [Fact]
    public void GivenTaggedLayers_WhenFeaturized_ThenSurfaceCuesStayAndTaggedFeaturesAreAdded()
    {
        var featurizer = new SentenceFeaturizer(new FeaturizerOptions());
        const string text = "In 2019, Reuters said prices rose 40 percent.";
        var bare = featurizer.Featurize(text);
        var untaggedDoc = featurizer.Featurize(text, new SentenceContext { NumberKinds = [], EntityTypes = [] });
        var tagged = featurizer.Featurize(text, new SentenceContext { NumberKinds = ["percent"], EntityTypes = ["ORG"] });
        Assert.Equal(bare.Indices, untaggedDoc.Indices);
        Assert.Equal(bare.Values, untaggedDoc.Values);
        Assert.Contains(featurizer.CueIndex("number"), bare.Indices);
        Assert.Contains(featurizer.CueIndex("number:percent"), bare.Indices);
        Assert.Subset(tagged.Indices.ToHashSet(), bare.Indices.ToHashSet());
        Assert.Contains(featurizer.CueIndex("number-tagged"), tagged.Indices);
        Assert.Contains(featurizer.CueIndex("entity"), tagged.Indices);
        Assert.True(tagged.Indices.Length > bare.Indices.Length);
    }

    [Theory]
    [InlineData("How can anyone be this stupid?", "feat:pair:question-negative")]
    [InlineData("Are you really going to defend this?", "feat:pair:question-intensifier")]
    [InlineData("You clearly have no idea, what a terrible take.", "feat:pair:address-stance")]
    [InlineData("Those 40,000 jobs prove the policy is a disaster.", "feat:pair:figure-stance")]
    public void GivenAPairOfCues_WhenFeaturizedWithStancePairs_ThenThePairIsAFeatureOnlyThen(string text, string pair)
    {
        var with = new SentenceFeaturizer(new FeaturizerOptions()).NameFeatures([(text, default)]);
        var without = new SentenceFeaturizer(new FeaturizerOptions { StancePairs = false }).NameFeatures([(text, default)]);
        Assert.Contains(pair, with.Values);
        Assert.DoesNotContain(without.Values, name => name.StartsWith("feat:pair:", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenFeaturizerSettingsWrittenBeforeStancePairs_WhenRead_ThenThePairsStayOff()
    {
        var old = new FeaturizerOptions { StancePairs = false }.ToJson();
        Assert.False(old.ContainsKey("stancePairs"));
        Assert.False(FeaturizerOptions.FromJson(old).StancePairs);
        Assert.True(FeaturizerOptions.FromJson(new FeaturizerOptions().ToJson()).StancePairs);
    }

    [Fact]
    public void GivenAHeavyClassWeight_WhenTrained_ThenThatClassGainsProbability()
    {
        const string probe = "Honestly the council report was fine.";
        var plain = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows()).Predict(probe);
        var weighted = new SentenceClassifierTrainer(TinyData.Options() with { ClassWeights = new Dictionary<string, double> { ["opinion"] = 5 } }).Fit(TinyData.Rows()).Predict(probe);
        Assert.True(weighted.Probabilities[2] > plain.Probabilities[2], $"{weighted.Probabilities[2]} <= {plain.Probabilities[2]}");
    }

    [Fact]
    public void GivenMlNetsSdca_WhenTrained_ThenItReachesTheSameLabelsAsLbfgs()
    {
        var rows = TinyData.Rows();
        var lbfgs = new SentenceClassifierTrainer(TinyData.Options() with { Trainer = SentenceTrainer.Lbfgs }).Fit(rows);
        var sdca = new SentenceClassifierTrainer(TinyData.Options() with { Trainer = SentenceTrainer.Sdca }).Fit(rows);
        var probes = rows.Select(r => r.Text).Concat(Probes).ToList();
        var agree = probes.Count(t => lbfgs.Predict(t).Label == sdca.Predict(t).Label);
        Assert.True(agree >= probes.Count - 2, $"{agree} of {probes.Count} agree");
        Assert.Equal("ML.NET SdcaMaximumEntropy", (string?)sdca.Card["trainer"]!["trainer"]);
    }

    [Fact]
    public void GivenAnL1Penalty_WhenTrained_ThenTheModelIsSparserAndStillFitsItsData()
    {
        var rows = TinyData.Rows();
        var dense = new SentenceClassifierTrainer(TinyData.Options(1e-4) with { Trainer = SentenceTrainer.Lbfgs }).Fit(rows);
        var sparse = new SentenceClassifierTrainer(TinyData.Options(1e-4) with { Trainer = SentenceTrainer.Lbfgs, L1 = 1e-3 }).Fit(rows);
        int NonZeroRows(SentenceClassifier m)
        {
            var weights = m.ToPackage().Entries["weights.bin"];
            return BitConverter.ToInt32(weights, 8);
        }

        Assert.True(NonZeroRows(sparse) < NonZeroRows(dense) / 2, $"{NonZeroRows(sparse)} vs {NonZeroRows(dense)} non-zero feature rows");
        var fitted = rows.Count(r => sparse.Predict(r.Text).Label == r.Label);
        Assert.True(fitted >= rows.Count * 0.9, $"{fitted} of {rows.Count}");
        Assert.Equal(1e-3, (double?)sparse.Card["trainer"]!["l1"]);
    }
}
