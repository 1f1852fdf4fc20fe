using ArgMiner.Training.Classification;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Classification;

public sealed class CalibrationTests
{
    /// <summary>
    /// Sentences whose true label is drawn from the probabilities <c>p</c>, with the model reporting <c>p</c> sharpened by
    /// <paramref name="sharpenedBy"/> (raised to that power and renormalised): a model over-confident by a known temperature.
    /// </summary>
    private static (List<double[]> Probabilities, List<int> Gold) Sample(int count, double sharpenedBy, int seed)
    {
        var random = new Random(seed);
        var probabilities = new List<double[]>();
        var gold = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var p = new double[4];
            for (var k = 0; k < 4; k++)
            {
                p[k] = Math.Exp(2 * random.NextDouble() * random.NextDouble() * 3);
            }

            var sum = p.Sum();
            for (var k = 0; k < 4; k++)
            {
                p[k] /= sum;
            }

            var u = random.NextDouble();
            var label = 0;
            for (var acc = p[0]; label < 3 && u > acc; acc += p[++label])
            {
            }

            probabilities.Add(Calibration.Scale(p, 1 / sharpenedBy));
            gold.Add(label);
        }

        return (probabilities, gold);
    }

    [Fact]
    public void GivenAModelOverConfidentByAKnownTemperature_WhenFitting_ThenThatTemperatureIsFoundAndTheErrorFalls()
    {
        var (p, gold) = Sample(20000, sharpenedBy: 2, seed: 7);
        var t = Calibration.FitTemperature(p, gold);
        Assert.InRange(t, 1.9, 2.1);
        Assert.True(Calibration.LogLoss(p, gold, t) < Calibration.LogLoss(p, gold, 1));
        static double Error(List<double[]> p, List<int> gold, double t) => Calibration.ExpectedError(p, gold, t);

        Assert.True(Error(p, gold, 1) > 0.05, $"the sharpened model should be visibly over-confident ({Error(p, gold, 1):0.000})");
        Assert.True(Error(p, gold, t) < 0.02, $"after scaling {Error(p, gold, t):0.000}");

        // A model that is calibrated already keeps a temperature near 1.
        (p, gold) = Sample(20000, sharpenedBy: 1, seed: 8);
        Assert.InRange(Calibration.FitTemperature(p, gold), 0.93, 1.07);
    }

    [Fact]
    public void GivenBinsOfKnownAccuracy_WhenMeasuringTheExpectedError_ThenItIsTheWeightedGap()
    {
        // Ten at 0.9 of which 5 right (gap 0.4), ten at 0.35 of which 3 right (gap 0.05): (10 × 0.4 + 10 × 0.05) / 20.
        var outcomes = Enumerable.Range(0, 10).Select(i => (0.9, i < 5)).Concat(Enumerable.Range(0, 10).Select(i => (0.35, i < 3 || i == 9 && false)));
        Assert.Equal(0.225, Calibration.ExpectedError([.. outcomes]), 10);
        Assert.Equal(0, Calibration.ExpectedError([]));

        // Confidence 1 falls in the top bin, not past it.
        Assert.Equal(0, Calibration.ExpectedError([(1.0, true)]), 10);
    }

    [Fact]
    public void GivenAnyProbabilitiesAndTemperature_WhenScaled_ThenTheyStillSumToOneInTheSameOrder()
    {
        var property = Prop.ForAll<int, int>((seed, tSeed) =>
        {
            var random = new Random(seed);
            var p = Enumerable.Range(0, 4).Select(_ => random.NextDouble() < 0.1 ? 0 : random.NextDouble()).ToArray();
            var total = p.Sum();
            p = total == 0 ? [0.25, 0.25, 0.25, 0.25] : [.. p.Select(x => x / total)];
            var t = 0.25 + (Math.Abs(tSeed % 1000) / 1000.0 * 3.75);
            var q = Calibration.Scale(p, t);
            var sameOrder = Enumerable.Range(0, 4).All(a => Enumerable.Range(0, 4).All(b => p[a] > p[b] == q[a] > q[b] && p[a] == p[b] == (q[a] == q[b])));
            return Math.Abs(q.Sum() - 1) < 1e-9 && sameOrder;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property);
    }

    [Fact]
    public void GivenAGoldLabelOutsideTheProbabilities_WhenFitting_ThenItIsRefused()
    {
        Assert.Throws<ArgumentException>(() => Calibration.FitTemperature([[0.5, 0.5]], [2]));
        Assert.Throws<ArgumentException>(() => Calibration.FitTemperature([[0.5, 0.5]], []));
        Assert.Equal(1, Calibration.FitTemperature([], []));
    }
}
