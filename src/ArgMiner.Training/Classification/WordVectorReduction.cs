using System.Text.Json.Nodes;
using ArgMiner.Classification;
using MathNet.Numerics.LinearAlgebra;

namespace ArgMiner.Training.Classification;

/// <summary>
/// Import-time reduction of a word-vector table (<c>argminer import-vectors --dimensions</c>): training-side
/// code, kept out of the runtime library, which only reads the reduced table.
/// </summary>
public static class WordVectorReduction
{
    /// <summary>
    /// Reads vectors in GloVe's text format as <see cref="WordVectors.ReadText"/> does, projected onto their
    /// <paramref name="dimensions"/> principal components when it is given.
    /// </summary>
    /// <exception cref="FormatException">A line is malformed: the message names the line.</exception>
    public static WordVectors ReadText(TextReader reader, int maxWords, JsonObject card, int? dimensions)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return dimensions is { } d
            ? WordVectors.Create(ReduceDimensions(WordVectors.ReadTextEntries(reader, maxWords), d), maxWords, card)
            : WordVectors.ReadText(reader, maxWords, card);
    }

    /// <summary>
    /// Projects vectors onto their <paramref name="dimensions"/> principal components (centred; eigenvectors of
    /// the covariance by MathNet.Numerics, strongest first), a standard way to shrink word vectors: the
    /// featurizer's cost per word is proportional to the dimension. Deterministic for the same input. The
    /// eigen-decomposition is MathNet.Numerics'; ML.NET's own PCA (<c>ProjectToPrincipalComponents</c>) is
    /// randomized and approximate, and would change the shipped table and every model built on it.
    /// </summary>
    public static IReadOnlyList<(string Word, float[] Vector)> ReduceDimensions(IReadOnlyList<(string Word, float[] Vector)> vectors, int dimensions)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            return vectors;
        }

        var d = vectors[0].Vector.Length;
        if (dimensions < 1 || dimensions > d)
        {
            throw new ArgumentOutOfRangeException(nameof(dimensions), $"the vectors have {d} dimensions; ask for 1 to {d}");
        }

        var mean = new double[d];
        foreach (var (_, v) in vectors)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += v[j];
            }
        }

        for (var j = 0; j < d; j++)
        {
            mean[j] /= vectors.Count;
        }

        var covariance = Matrix<double>.Build.Dense(d, d);
        var centred = new double[d];
        foreach (var (_, v) in vectors)
        {
            for (var j = 0; j < d; j++)
            {
                centred[j] = v[j] - mean[j];
            }

            for (var a = 0; a < d; a++)
            {
                for (var b = a; b < d; b++)
                {
                    covariance[a, b] += centred[a] * centred[b];
                }
            }
        }

        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b < a; b++)
            {
                covariance[a, b] = covariance[b, a];
            }
        }

        var evd = covariance.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, d).OrderByDescending(i => evd.EigenValues[i].Real).ThenBy(i => i).Take(dimensions).ToArray();
        var basis = order.Select(i => evd.EigenVectors.Column(i).ToArray()).ToArray();
        var result = new List<(string, float[])>(vectors.Count);
        foreach (var (word, v) in vectors)
        {
            var projected = new float[dimensions];
            for (var k = 0; k < dimensions; k++)
            {
                double dot = 0;
                for (var j = 0; j < d; j++)
                {
                    dot += (v[j] - mean[j]) * basis[k][j];
                }

                projected[k] = (float)dot;
            }

            result.Add((word, projected));
        }

        return result;
    }
}
