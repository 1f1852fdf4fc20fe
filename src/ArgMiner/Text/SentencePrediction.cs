using System.Collections.Immutable;

namespace ArgMiner.Text;

/// <summary>The classifier's verdict on one sentence.</summary>
/// <param name="Label">claim, evidence, opinion or other.</param>
/// <param name="Confidence">The probability of <paramref name="Label"/>.</param>
/// <param name="Probabilities">One probability per label, in <see cref="SentenceLabels.All"/> order; they sum to 1.</param>
public sealed record SentencePrediction(string Label, double Confidence, ImmutableArray<double> Probabilities);

/// <summary>The four sentence labels, in the fixed order of every probability vector and output column.</summary>
public static class SentenceLabels
{
    /// <summary>claim, evidence, opinion, other.</summary>
    public static ImmutableArray<string> All { get; } = ["claim", "evidence", "opinion", "other"];
}
