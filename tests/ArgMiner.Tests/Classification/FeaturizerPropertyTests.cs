using ArgMiner.Classification;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Classification;

public sealed class FeaturizerPropertyTests
{
    private static readonly SentenceClassifier Model = new SentenceClassifierTrainer(TinyData.Options()).Fit(TinyData.Rows());

    [Fact]
    public void GivenAnyString_WhenPredicted_ThenProbabilitiesAreFiniteAndSumToOne() =>
        Prop.ForAll<string>(text =>
        {
            var p = Model.Predict(text ?? string.Empty);
            return p.Probabilities.All(double.IsFinite) && Math.Abs(p.Probabilities.Sum() - 1.0) < 1e-9 && SentenceLabels.All.Contains(p.Label);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void GivenAnyString_WhenFeaturizedTwice_ThenTheFeaturesAreIdenticalAndInRange() =>
        Prop.ForAll<string>(text =>
        {
            var featurizer = Model.Featurizer;
            var a = featurizer.Featurize(text ?? string.Empty);
            var b = featurizer.Featurize(text ?? string.Empty);
            return a.Indices.SequenceEqual(b.Indices) && a.Values.SequenceEqual(b.Values)
                && a.Indices.All(i => i >= 0 && i < featurizer.Dimension) && a.Values.All(float.IsFinite);
        }).QuickCheckThrowOnFailure();
}
