using ArgMiner.Classification;

namespace ArgMiner.Tests.Classification;

/// <summary>
/// The first sentence-classifier file ever written (format 1, trained on <see cref="TinyData"/> with
/// 2^12 hashed slots and no character n-grams) must stay readable and predict as it did.
/// </summary>
public sealed class FixtureModelTests
{
    private static string FixturePath => Path.Combine(LabelledDataTests.FindRepoRoot(), "tests", "ArgMiner.Tests", "Fixtures", "sentence-classifier-v1.model");

    [Fact]
    public void GivenTheFormat1Fixture_WhenLoaded_ThenItStillPredictsItsTrainingLabels()
    {
        var model = SentenceClassifier.Load(FixturePath);
        Assert.Equal(12, model.Featurizer.Options.HashBits);
        var rows = TinyData.Rows();
        var correct = 0;
        foreach (var r in rows)
        {
            var p = model.Predict(r.Text);
            Assert.Equal(1.0, p.Probabilities.Sum(), 9);
            correct += p.Label == r.Label ? 1 : 0;
        }

        Assert.True(correct >= rows.Count * 0.9, $"{correct} of {rows.Count} training sentences predicted as labelled");
    }
}
