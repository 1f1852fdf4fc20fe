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
    public void Given_a_missing_file_When_loaded_Then_a_one_line_model_error()
    {
        var path = Path.Combine(_dir, "nope.model");

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, path, "not found");
    }

    [Fact]
    public void Given_garbage_bytes_When_loaded_Then_a_one_line_model_error()
    {
        var path = Path.Combine(_dir, "garbage.model");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, path, "corrupt");
    }

    [Fact]
    public void Given_truncated_weights_When_loaded_Then_a_one_line_model_error()
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
    public void Given_a_package_without_weights_When_loaded_Then_it_names_the_missing_entry()
    {
        var package = Small().ToPackage([]);
        package.Entries.Remove("weights.bin");
        var path = Path.Combine(_dir, "noweights.model");
        package.Save(path);

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, path, "weights.bin");
    }

    [Fact]
    public void Given_a_newer_format_When_loaded_Then_it_says_to_upgrade()
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
    public void Given_a_pos_model_When_loaded_as_ner_Then_it_names_both_kinds()
    {
        var path = Path.Combine(_dir, "pos.model");
        Small().Save(path, []);

        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.NerKind));

        AssertOneLine(ex, path, "'pos-tagger'");
    }

    [Fact]
    public void Given_a_manifest_that_is_not_json_When_loaded_Then_the_error_names_the_manifest()
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
    public void Given_a_folder_as_the_model_When_loaded_Then_the_error_says_it_is_a_folder()
    {
        var ex = Assert.Throws<ModelFormatException>(() => AveragedPerceptronTagger.Load(_dir, AveragedPerceptronTagger.PosKind));

        AssertOneLine(ex, _dir, "is a folder, not a model file");
    }

    [Fact]
    public void Given_the_shipped_models_When_loaded_Then_they_have_the_expected_classes_and_cards()
    {
        var pos = TaggingModels.PosTagger;
        var ner = TaggingModels.NerTagger;

        Assert.Contains("PROPN", pos.Classes);
        Assert.Contains("NOUN", pos.Classes);
        Assert.Contains("B-PERSON", ner.Classes);
        Assert.Contains("I-ORG", ner.Classes);
        Assert.DoesNotContain(ner.Classes, c => c.Contains("art", StringComparison.Ordinal) || c.Contains("nat", StringComparison.Ordinal));
        Assert.Equal(AveragedPerceptronTagger.PosKind, pos.Kind);
        Assert.Equal(AveragedPerceptronTagger.NerKind, ner.Kind);
    }
}
