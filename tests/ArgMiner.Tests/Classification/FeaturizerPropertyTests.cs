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

    [Theory]
    [InlineData("The \uFB01nancial \uFB02ow was a\uFB00ected by the tra\uFB03c o\uFB04oad.", "The financial flow was affected by the traffic offload.")]
    [InlineData("\uFB01rst!", "first!")]
    public void GivenLigaturesFromAPdf_WhenFeaturized_ThenTheFeaturesAreThoseOfTheLetters(string withLigatures, string spelt)
    {
        // Text copied out of a PDF keeps "fi" and "ff" as one character each; 22 of 293 UD EWT dev sentences changed
        // label so (session 41).
        var a = Model.Featurizer.Featurize(withLigatures);
        var b = Model.Featurizer.Featurize(spelt);
        Assert.Equal(b.Indices, a.Indices);
        Assert.Equal(b.Values, a.Values);
    }

    [Fact]
    public void GivenAnyStringWithLigatures_WhenFeaturized_ThenItIsFeaturizedAsItsLetters() =>
        Prop.ForAll<string>(text =>
        {
            var t = (text ?? string.Empty).Replace("fi", "\uFB01", StringComparison.Ordinal) + " \uFB00";
            var a = Model.Featurizer.Featurize(t);
            var b = Model.Featurizer.Featurize(ArgMiner.Text.Ligatures.SpellOut(t));
            return a.Indices.SequenceEqual(b.Indices) && a.Values.SequenceEqual(b.Values);
        }).QuickCheckThrowOnFailure();
}
