using ArgMiner.Pipeline;
using System.Text.Json.Nodes;
using ArgMiner.Models;
using ArgMiner.Tagging;

namespace ArgMiner.Tests.Tagging;

public sealed class ModelFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"argminer-tagger-{Guid.NewGuid():N}");

    public ModelFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static AveragedPerceptronTagger Small() =>
        TaggingTestData.SmallTrainer(AveragedPerceptronTagger.PosKind).Fit(TaggingTestData.PosSentences(50, seed: 1));

    private static void AssertOneLine(ModelFormatException ex, string path, string words)
    {
        Assert.DoesNotContain('\n', ex.Message);
        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(words, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAMissingFile_WhenLoaded_ThenAOneLineModelError()
    {
        var path = Path.Combine(_dir, "nope.model");

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, path, "not found");
    }

    [Fact]
    public void GivenGarbageBytes_WhenLoaded_ThenAOneLineModelError()
    {
        var path = Path.Combine(_dir, "garbage.model");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, path, "corrupt");
    }

    [Fact]
    public void GivenTruncatedWeights_WhenLoaded_ThenAOneLineModelError()
    {
        var package = Small().ToPackage([]);
        var weights = package.Entries["weights.bin"];
        package.Entries["weights.bin"] = weights[..(weights.Length / 2)];
        var path = Path.Combine(_dir, "truncated.model");
        package.Save(path);

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, path, "corrupt");
    }

    [Fact]
    public void GivenAPackageWithoutWeights_WhenLoaded_ThenItNamesTheMissingEntry()
    {
        var package = Small().ToPackage([]);
        package.Entries.Remove("weights.bin");
        var path = Path.Combine(_dir, "noweights.model");
        package.Save(path);

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, path, "weights.bin");
    }

    [Fact]
    public void GivenANewerFormat_WhenLoaded_ThenItSaysToUpgrade()
    {
        var current = Small().ToPackage([]);
        var newer = new ModelPackage(AveragedPerceptronTagger.PosKind, AveragedPerceptronTagger.FormatVersion + 1, new JsonObject());
        foreach (var (name, bytes) in current.Entries)
        {
            newer.Entries[name] = bytes;
        }

        var path = Path.Combine(_dir, "newer.model");
        newer.Save(path);

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, path, "newer");
    }

    [Fact]
    public void GivenAPosModel_WhenLoadedAsNer_ThenItNamesBothKinds()
    {
        var path = Path.Combine(_dir, "pos.model");
        Small().Save(path, []);

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.NerKind));

        AssertOneLine(ex, path, "'pos-tagger'");
    }

    [Fact]
    public void GivenAManifestThatIsNotJson_WhenLoaded_ThenTheErrorNamesTheManifest()
    {
        var path = Path.Combine(_dir, "badmanifest.model");
        using (var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            entry.Write("this is { not json");
        }

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, path, "manifest.json is not valid JSON");
    }

    [Fact]
    public void GivenAFolderAsTheModel_WhenLoaded_ThenTheErrorSaysItIsAFolder()
    {
        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(_dir, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, _dir, "is a folder, not a model file");
    }

    [Fact]
    public void GivenTheShippedModels_WhenLoaded_ThenTheyHaveTheExpectedClassesAndCards()
    {
        var pos = ShippedModels.PosTagger;
        var ner = ShippedModels.NerTagger;

        Assert.Contains("PROPN", pos.Classes);
        Assert.Contains("NOUN", pos.Classes);
        Assert.Contains("B-PERSON", ner.Classes);
        Assert.Contains("I-ORG", ner.Classes);
        Assert.DoesNotContain(ner.Classes, c => c.Contains("art", StringComparison.Ordinal) || c.Contains("nat", StringComparison.Ordinal));
        Assert.Equal(AveragedPerceptronTagger.PosKind, pos.Kind);
        Assert.Equal(AveragedPerceptronTagger.NerKind, ner.Kind);
    }
}
