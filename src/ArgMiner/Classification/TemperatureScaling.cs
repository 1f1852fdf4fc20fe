namespace ArgMiner.Classification;

/// <summary>
/// Probabilities at a temperature T: each raised to 1/T and renormalised (temperature scaling; the accurate tier applies
/// it, and <c>Calibration</c> in ArgMiner.Training fits T). The probabilities keep their order, so no label changes.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>Writes <paramref name="p"/> at <paramref name="temperature"/> to <paramref name="into"/> (equal shares when every one is 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="temperature"/> is not above 0, or <paramref name="into"/> is shorter than <paramref name="p"/>.</exception>
    public static void Scale(ReadOnlySpan<double> p, double temperature, Span<double> into)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        ArgumentOutOfRangeException.ThrowIfLessThan(into.Length, p.Length, nameof(into));
        var power = 1 / temperature;
        var total = 0.0;
        for (var k = 0; k < p.Length; k++)
        {
            into[k] = Math.Pow(p[k], power);
            total += into[k];
        }

        for (var k = 0; k < p.Length; k++)
        {
            into[k] = total > 0 ? into[k] / total : 1.0 / p.Length;
        }
    }
}
