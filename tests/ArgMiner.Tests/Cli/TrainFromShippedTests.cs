using ArgMiner.Pipeline;
using System.IO.Compression;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Tests.Support;
using ArgMiner.Training.Classification;

namespace ArgMiner.Tests.Cli;

public sealed class TrainFromShippedTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static JsonObject Card(string model)
    {
        using var zip = ZipFile.OpenRead(model);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return JsonNode.Parse(reader.ReadToEnd())!["card"]!.AsObject();
    }

    private string UserData()
    {
        var path = _dir.File("mine.csv");
        File.WriteAllText(path, "text,label,doc\n\"Honestly, this blender is the worst thing I have ever bought.\",opinion,u1\n\"The shop refunded 40 dollars after two weeks.\",evidence,u1\n");
        return path;
    }

    [Fact]
    public void GivenTheShippedModel_WhenItsCardIsRead_ThenItsTrainerSettingsAreTheRecipes()
    {
        var card = Card(Path.Combine(Repository.Root, "models", "sentence-classifier.model"));
        Assert.Equal(ShippedRecipe.Options.ToJson().ToJsonString(), card["trainer"]!.ToJsonString());
    }

    [Fact]
    public void GivenNoSharedCorpora_WhenTrainedFromShipped_ThenTheMissingSetsAreNamedAndTheProjectDataAndYoursAreLearned()
    {
        var model = _dir.File("mine.model");
        var (code, stdout, stderr) = Support.Cli.Run("train", "--from-shipped", "--shared", _dir.File("no-such-folder"), "--data", UserData(), "--folds", "0", "--out", model);
        Assert.True(code == 0, stderr);
        foreach (var missing in new[] { "newssd", "ibm", "ud-ewt", "wnut17", "wnut17-train" })
        {
            Assert.Contains($"warning: shipped recipe: {missing} (", stderr, StringComparison.Ordinal);
        }

        Assert.Contains("shipped recipe: corpus (", stdout, StringComparison.Ordinal);
        Assert.Contains("no held-out set of the shipped recipe is here", stdout, StringComparison.Ordinal);
        var card = Card(model);
        var sources = card["training"]!["sources"]!.AsArray().Select(s => s!.GetValue<string>()).ToList();
        Assert.StartsWith("shipped recipe: corpus", sources[0], StringComparison.Ordinal);
        Assert.StartsWith("shipped recipe: seeds", sources[1], StringComparison.Ordinal);
        Assert.Equal(UserData(), sources[^1]);
        Assert.Equal(ShippedRecipe.Options.ToJson().ToJsonString(), card["trainer"]!.ToJsonString());
        var corpus = File.ReadLines(Path.Combine(Repository.Root, "corpus", "labelled", "part-a.csv")).Count() - 1;
        Assert.True(card["training"]!["sentences"]!.GetValue<int>() > corpus, "the recipe's corpus was not read");
    }

    [Fact]
    public void GivenAnUnknownDataSetToLeaveOut_WhenTrainedFromShipped_ThenUsageErrorNamesTheSets()
    {
        var (code, _, stderr) = Support.Cli.Run("train", "--from-shipped", "--leave-out", "newspapers", "--out", _dir.File("x.model"));
        Assert.Equal(2, code);
        Assert.Contains("--leave-out 'newspapers' is not one of corpus, seeds, newssd, ibm, ud-ewt, wnut17, wnut17-train, cases", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.File("x.model")));
    }

    [Fact]
    public void GivenNeitherDataNorFromShipped_WhenTrained_ThenUsageErrorSaysWhatIsNeeded()
    {
        var (code, _, stderr) = Support.Cli.Run("train", "--out", _dir.File("x.model"));
        Assert.Equal(2, code);
        Assert.Contains("train needs --data", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenRecipeOptionsWithoutFromShipped_WhenTrained_ThenUsageError()
    {
        var (code, _, stderr) = Support.Cli.Run("train", "--data", UserData(), "--leave-out", "seeds", "--out", _dir.File("x.model"));
        Assert.Equal(2, code);
        Assert.Contains("go with --from-shipped", stderr, StringComparison.Ordinal);
    }

    [SharedCorpusFact("newssd-eng/train.csv", "ibm-ce-emnlp-2015", "ud-english-ewt/en_ewt-ud-train.conllu", "newssd-eng/val.csv")]
    public void GivenTheSharedCorpora_WhenTrainedFromShippedAlone_ThenItPredictsAsTheShippedModelAndComparesOnHeldOutText()
    {
        var model = _dir.File("again.model");
        var (code, stdout, stderr) = Support.Cli.Run("train", "--from-shipped", "--shared", Repository.Shared!, "--folds", "0", "--out", model);
        Assert.True(code == 0, stderr);
        Assert.Contains("shipped vs new model on UD English EWT held-out web documents", stdout, StringComparison.Ordinal);
        Assert.Contains("shipped vs new model on IBM Debater held-out motions", stdout, StringComparison.Ordinal);
        Assert.NotNull(Card(model)["heldOut"]?["ud-ewt-heldout"]);
        var again = SentenceClassifier.Load(model);
        // --folds 0 has no out-of-fold predictions, so no document-context stage: the recipe's first stage is
        // what must come out the same (the context stage is trained from the same folds in models/train-sentence-classifier.sh).
        Assert.Contains("no document-context stage", stdout, StringComparison.Ordinal);
        Assert.Null(again.Context);
        var shipped = ShippedModels.SentenceClassifier.WithContext(null);
        var rows = ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger().TagRows(LabelledData.ReadFile(Path.Combine(Repository.Root, "corpus", "labelled", "seeds.csv"), new LabelledDataOptions()));
        var mine = again.PredictRows(rows);
        var theirs = shipped.PredictRows(rows);
        var differ = Enumerable.Range(0, rows.Count).Count(i => mine[i].Label != theirs[i].Label || Math.Abs(mine[i].Confidence - theirs[i].Confidence) > 1e-4);
        Assert.Equal(0, differ);
    }
}
