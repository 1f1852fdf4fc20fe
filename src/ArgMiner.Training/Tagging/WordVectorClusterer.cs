using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace ArgMiner.Tagging;

/// <summary>
/// Clusters word vectors by direction with ML.NET's <see cref="KMeansTrainer"/> (k-means++ start, one thread,
/// so the same vectors, k and seed give the same clusters): the entity model's fine and coarse word classes.
/// The vectors are scaled to unit length first, so Euclidean distance orders neighbours as cosine similarity does.
/// </summary>
public static class WordVectorClusterer
{
    /// <summary>The cluster of each vector, from 0 to <paramref name="k"/> - 1 (fewer when there are fewer vectors).</summary>
    /// <param name="vectors">The vectors, all of one length.</param>
    /// <param name="k">How many clusters.</param>
    /// <param name="seed">ML.NET's seed, which draws the k-means++ start.</param>
    public static int[] Cluster(IReadOnlyList<float[]> vectors, int k, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            return [];
        }

        var dimension = vectors[0].Length;
        if (vectors.Any(v => v.Length != dimension))
        {
            throw new ArgumentException("every vector must have the same length", nameof(vectors));
        }

        k = Math.Clamp(k, 1, Math.Min(vectors.Count, WordClasses.MaxClusters));
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(VectorRow));
        schema[nameof(VectorRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var data = ml.Data.LoadFromEnumerable(vectors.Select(v => new VectorRow { Features = UnitLength(v) }), schema);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(VectorRow.Features),
            NumberOfClusters = k,
            InitializationAlgorithm = KMeansTrainer.InitializationAlgorithm.KMeansPlusPlus,
            NumberOfThreads = 1,
        });
        var assigned = trainer.Fit(data).Transform(data);

        // PredictedLabel is a key: 1 to k, in row order.
        return assigned.GetColumn<uint>("PredictedLabel").Select(key => (int)key - 1).ToArray();
    }

    private static float[] UnitLength(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return norm > 0 ? v.Select(x => x / norm).ToArray() : (float[])v.Clone();
    }

    private sealed class VectorRow
    {
        public float[] Features { get; set; } = [];
    }
}
