using ArgMiner.Tagging;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Tagging;

/// <summary>
/// Backward compatibility: the first tagger model file of format 1 (a tiny POS model trained on
/// Fixtures/pos-fixture.conllu with <c>argminer train-tagger pos</c>) must keep loading and tagging.
/// </summary>
public sealed class FixtureTaggerTests
{
    private static string Fixture(string name) => Path.Combine(Repository.Root, "tests", "ArgMiner.Tests", "Fixtures", name);

    [Fact]
    public void GivenTheFormat1PosFixture_WhenLoaded_ThenItStillTagsItsTrainingSentences()
    {
        var model = AveragedPerceptronTagger.Load(Fixture("pos-tagger-v1.model"), AveragedPerceptronTagger.PosKind);
        var sentences = TaggingCorpora.ReadConllu(Fixture("pos-fixture.conllu"));
        Assert.Equal(8, sentences.Count);
        Assert.True(TaggerEvaluation.Accuracy(model, sentences) >= 0.95);
    }

    [Fact]
    public void GivenThePosFixture_WhenLoadedAsAnEntityModel_ThenOneClearErrorNamesTheKind()
    {
        var ex = Assert.Throws<ArgMiner.Models.ModelFormatException>(() => AveragedPerceptronTagger.Load(Fixture("pos-tagger-v1.model"), AveragedPerceptronTagger.NerKind));
        Assert.Contains("pos-tagger", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
