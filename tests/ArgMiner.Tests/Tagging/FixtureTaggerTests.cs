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
    public void Given_the_format_1_pos_fixture_When_loaded_Then_it_still_tags_its_training_sentences()
    {
        var model = AveragedPerceptronTagger.Load(Fixture("pos-tagger-v1.model"), AveragedPerceptronTagger.PosKind);
        var sentences = TaggingCorpora.ReadConllu(Fixture("pos-fixture.conllu"));
        Assert.Equal(8, sentences.Count);
        Assert.True(TaggerEvaluation.Accuracy(model, sentences) >= 0.95);
    }

    [Fact]
    public void Given_the_pos_fixture_When_loaded_as_an_entity_model_Then_one_clear_error_names_the_kind()
    {
        var ex = Assert.Throws<ArgMiner.Models.ModelFormatException>(() => AveragedPerceptronTagger.Load(Fixture("pos-tagger-v1.model"), AveragedPerceptronTagger.NerKind));
        Assert.Contains("pos-tagger", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
