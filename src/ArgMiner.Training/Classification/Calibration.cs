using ArgMiner.Classification;

namespace ArgMiner.Training.Classification;

/// <summary>
/// How far a classifier's confidence reads as a probability, and temperature scaling to make it read so (Guo et al.,
/// 2017, "On Calibration of Modern Neural Networks"): one number T, fitted by minimising the negative log-likelihood
/// of the gold labels under p<sub>k</sub><sup>1/T</sup> renormalised, which never changes a prediction's label.
/// </summary>
/// <remarks>
/// Written here because ML.NET has no multiclass calibrator: its calibrators (Platt, isotonic, naive) map one binary
/// score each. The fit is a one-dimensional golden-section search over 1 / T, in which the log-likelihood of
/// probabilities raised to a power and renormalised is convex (a softmax of the log-probabilities scaled by 1 / T),
/// so the search finds its single minimum. The expected calibration error is the usual ten-bin figure, which
/// ML.NET's evaluator does not give either.
/// </remarks>
public static class Calibration
{
    /// <summary>The smallest temperature <see cref="FitTemperature"/> returns.</summary>
    public const double MinTemperature = 0.25;

    /// <summary>The largest temperature <see cref="FitTemperature"/> returns.</summary>
    public const double MaxTemperature = 4;

    // A gold class given no probability at all would make the log-likelihood infinite whatever the temperature.
    private const double Floor = 1e-12;

    /// <summary>
    /// Expected calibration error: predictions put in <paramref name="bins"/> equal-width bins of their confidence, and
    /// the mean over predictions of |accuracy − mean confidence| of their bin; 0 when there are none.
    /// </summary>
    /// <param name="outcomes">Each prediction's confidence (its top probability, 0 to 1) and whether its label was right.</param>
    /// <param name="bins">Number of bins (10 is the usual figure).</param>
    public static double ExpectedError(IEnumerable<(double Confidence, bool Correct)> outcomes, int bins = 10)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new long[bins];
        var confidence = new double[bins];
        var correct = new long[bins];
        long total = 0;
        foreach (var (c, right) in outcomes)
        {
            var b = double.IsNaN(c) ? 0 : Math.Clamp((int)(c * bins), 0, bins - 1);
            count[b]++;
            confidence[b] += double.IsNaN(c) ? 0 : c;
            correct[b] += right ? 1 : 0;
            total++;
        }

        var error = 0.0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                error += Math.Abs(correct[b] - confidence[b]) / total;
            }
        }

        return error;
    }

    /// <summary>The mean negative log-probability of the gold labels under <paramref name="probabilities"/> at <paramref name="temperature"/>.</summary>
    /// <param name="probabilities">Each sentence's probabilities, one per label.</param>
    /// <param name="gold">Each sentence's gold label index.</param>
    /// <param name="temperature">The temperature (1: the probabilities as they are).</param>
    public static double LogLoss(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> gold, double temperature)
    {
        Check(probabilities, gold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        return probabilities.Count == 0 ? 0 : NegativeLogLikelihood(probabilities, gold, 1 / temperature) / probabilities.Count;
    }

    /// <summary>
    /// The temperature, between <see cref="MinTemperature"/> and <see cref="MaxTemperature"/>, that minimises
    /// <see cref="LogLoss"/> on these sentences (1 when there are none).
    /// </summary>
    /// <param name="probabilities">Each sentence's probabilities, one per label.</param>
    /// <param name="gold">Each sentence's gold label index.</param>
    public static double FitTemperature(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> gold)
    {
        Check(probabilities, gold);
        if (probabilities.Count == 0)
        {
            return 1;
        }

        // Golden-section search over the power 1 / T.
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double low = 1 / MaxTemperature, high = 1 / MinTemperature;
        var a = high - ratio * (high - low);
        var b = low + ratio * (high - low);
        var fa = NegativeLogLikelihood(probabilities, gold, a);
        var fb = NegativeLogLikelihood(probabilities, gold, b);
        while (high - low > 1e-6)
        {
            if (fa <= fb)
            {
                high = b;
                b = a;
                fb = fa;
                a = high - ratio * (high - low);
                fa = NegativeLogLikelihood(probabilities, gold, a);
            }
            else
            {
                low = a;
                a = b;
                fa = fb;
                b = low + ratio * (high - low);
                fb = NegativeLogLikelihood(probabilities, gold, b);
            }
        }

        return 1 / ((low + high) / 2);
    }

    /// <summary><paramref name="p"/> raised to 1 / <paramref name="temperature"/> and renormalised (a copy; <see cref="TemperatureScaling"/>).</summary>
    public static double[] Scale(double[] p, double temperature)
    {
        ArgumentNullException.ThrowIfNull(p);
        var q = new double[p.Length];
        TemperatureScaling.Scale(p, temperature, q);
        return q;
    }

    /// <summary>
    /// <see cref="ExpectedError(IEnumerable{ValueTuple{double, bool}}, int)"/> of these sentences' predictions at
    /// <paramref name="temperature"/>: each one's top probability after scaling, and whether its label is the gold one.
    /// </summary>
    public static double ExpectedError(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> gold, double temperature)
    {
        Check(probabilities, gold);
        return ExpectedError(probabilities.Select((p, i) =>
        {
            var q = Scale(p, temperature);
            var top = 0;
            for (var k = 1; k < q.Length; k++)
            {
                top = q[k] > q[top] ? k : top;
            }

            return (q[top], top == gold[i]);
        }));
    }

    private static double NegativeLogLikelihood(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> gold, double power)
    {
        var sum = 0.0;
        for (var i = 0; i < probabilities.Count; i++)
        {
            // log softmax of power × log p, computed stably.
            var p = probabilities[i];
            var max = double.NegativeInfinity;
            foreach (var x in p)
            {
                max = Math.Max(max, power * Math.Log(Math.Max(x, Floor)));
            }

            var z = 0.0;
            foreach (var x in p)
            {
                z += Math.Exp(power * Math.Log(Math.Max(x, Floor)) - max);
            }

            sum -= power * Math.Log(Math.Max(p[gold[i]], Floor)) - max - Math.Log(z);
        }

        return sum;
    }

    private static void Check(IReadOnlyList<double[]> probabilities, IReadOnlyList<int> gold)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(gold);
        if (probabilities.Count != gold.Count)
        {
            throw new ArgumentException("one gold label per sentence is needed", nameof(gold));
        }

        for (var i = 0; i < gold.Count; i++)
        {
            if (probabilities[i] is not { } p || gold[i] < 0 || gold[i] >= p.Length)
            {
                throw new ArgumentException($"sentence {i}: its gold label is not one of its probabilities", nameof(gold));
            }
        }
    }
}
