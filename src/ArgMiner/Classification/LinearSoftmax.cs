namespace ArgMiner.Classification;

/// <summary>
/// The compiled form of a small ML.NET maximum-entropy model over dense features: one row of weights per label
/// (label-major), a bias per label, and the softmax of the linear scores. The document-context stage and the
/// accurate tier's stacker score with it; the sums run in one fixed order, so the same input gives the same bits.
/// </summary>
public static class LinearSoftmax
{
    /// <summary>
    /// Writes the softmax of <c>bias[k] + weights[k] · features</c> for each label k into
    /// <paramref name="probabilities"/> (as many labels as <paramref name="bias"/> has).
    /// </summary>
    public static void Probabilities(ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, ReadOnlySpan<float> features, Span<double> probabilities)
    {
        var labels = bias.Length;
        var n = weights.Length / labels;
        if (n * labels != weights.Length || features.Length < n || probabilities.Length < labels)
        {
            throw new ArgumentException("the weights, features and probabilities do not fit together");
        }

        var max = double.NegativeInfinity;
        for (var k = 0; k < labels; k++)
        {
            var row = weights.Slice(k * n, n);
            double z = bias[k];
            for (var j = 0; j < n; j++)
            {
                z += (double)row[j] * features[j];
            }

            probabilities[k] = z;
            max = Math.Max(max, z);
        }

        var sum = 0.0;
        for (var k = 0; k < labels; k++)
        {
            probabilities[k] = Math.Exp(probabilities[k] - max);
            sum += probabilities[k];
        }

        for (var k = 0; k < labels; k++)
        {
            probabilities[k] /= sum;
        }
    }
}
