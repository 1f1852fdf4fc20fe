using ArgMiner.Models;
using ArgMiner.Tagging;

namespace ArgMiner.Tests.Tagging;

public sealed class WordClassesTests
{
    [Fact]
    public void GivenNamesSuffixesAndText_WhenBuilt_ThenEachWordGetsItsMarksWhateverItsCase()
    {
        var text = Enumerable.Range(0, 3).Select(_ => TaggedSentence.FromWords(
            ["We", "had", "a", "great", "time", "in", "London"], ["O", "O", "O", "O", "O", "O", "B-LOC"])).ToList();

        var classes = WordClasses.Build([("london", 4, 1)], ["Dana"], ["Ltd."], text);

        var london = classes.Lookup(TaggerFeatures.HashLower("LONDON"));
        Assert.Equal(5u, london & WordClasses.FineMask);
        Assert.Equal(2u, (london >> WordClasses.CoarseShift) & WordClasses.FineMask);
        Assert.Equal(2u, (london >> WordClasses.CaseShift) & 3);
        Assert.Equal(1u, (classes.Lookup(TaggerFeatures.HashLower("Great")) >> WordClasses.CaseShift) & 3);
        Assert.NotEqual(0u, classes.Lookup(TaggerFeatures.HashLower("dana")) & WordClasses.FirstName);
        Assert.NotEqual(0u, classes.Lookup(TaggerFeatures.HashLower("LTD.")) & WordClasses.CompanySuffix);
        Assert.Equal(0u, classes.Lookup(TaggerFeatures.HashLower("We")));
    }

    [Fact]
    public void GivenAModelWithWordClasses_WhenSavedAndLoaded_ThenItTagsIdenticallyAndIsFormat2()
    {
        var data = TaggingTestData.NerSentences(150, seed: 3);
        var classes = WordClasses.Build([("oslo", 0, 0), ("lima", 0, 0), ("anna", 1, 1)], ["Anna", "Boris"], WordClasses.DefaultCompanySuffixes, data);
        var options = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.NerKind).Options with { WordClasses = classes };
        var model = new AveragedPerceptronTrainer(options).Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"argminer-wc-{Guid.NewGuid():N}.model");
        try
        {
            model.Save(path, new System.Text.Json.Nodes.JsonObject());
            var loaded = AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.NerKind);

            Assert.True(loaded.UsesWordClasses);
            Assert.Equal(2, ModelPackage.Load(path, AveragedPerceptronTagger.NerKind, AveragedPerceptronTagger.FormatVersion).FormatVersion);
            var ex = Assert.Throws<ModelFormatException>(() => ModelPackage.Load(path, AveragedPerceptronTagger.NerKind, 1));
            Assert.Contains("newer", ex.Message, StringComparison.OrdinalIgnoreCase);
            foreach (var s in TaggingTestData.NerSentences(20, seed: 11))
            {
                Assert.Equal(model.Predict(s), loaded.Predict(s));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void GivenAModelWithoutWordClasses_WhenSaved_ThenItStaysFormat1()
    {
        var model = TaggingTestData.SmallTrainer(AveragedPerceptronTagger.NerKind).Fit(TaggingTestData.NerSentences(50, seed: 3));
        var path = Path.Combine(Path.GetTempPath(), $"argminer-nowc-{Guid.NewGuid():N}.model");
        try
        {
            model.Save(path, new System.Text.Json.Nodes.JsonObject());

            Assert.Equal(1, ModelPackage.Load(path, AveragedPerceptronTagger.NerKind, 1).FormatVersion);
            Assert.False(AveragedPerceptronTagger.Load(path, AveragedPerceptronTagger.NerKind).UsesWordClasses);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
