using System.Text;
using ArgMiner.Classification;
using ArgMiner.Models;
using ArgMiner.Pipeline;

namespace ArgMiner.Tagging;

/// <summary>
/// Builds the entity model's <see cref="WordClasses"/> for <c>train-tagger ner --vectors --names</c>: ML.NET k-means
/// clusters (<see cref="WordVectorClusterer"/>) of a word-vector table (256 fine, 32 coarse), a first-name list, the built-in company suffixes,
/// and the training text's capitalisation.
/// </summary>
public static class WordClassesBuilder
{
    /// <summary>Fine clusters of the word vectors.</summary>
    public const int FineClusters = 256;

    /// <summary>Coarse clusters of the word vectors.</summary>
    public const int CoarseClusters = 32;

    /// <summary>The word classes from <paramref name="vectorsPath"/> (a table file, <c>shipped</c>, <c>none</c> or null), a first-name list and the training text.</summary>
    /// <exception cref="FileNotFoundException">The first-name list is missing.</exception>
    /// <exception cref="ModelFormatException">The vectors file is missing or corrupt.</exception>
    public static WordClasses Build(string? vectorsPath, string? namesPath, IReadOnlyList<TaggedSentence> train, int clusterSeed = 1)
    {
        var clusters = new List<(string, int, int)>();
        if (vectorsPath is not null && vectorsPath != "none")
        {
            var table = vectorsPath == "shipped"
                ? ShippedModels.WordVectors ?? throw new ModelFormatException(ShippedModels.WordVectorsResource, "no word vectors are embedded in this build")
                : WordVectors.Load(vectorsPath);
            var words = table.Words;
            var vectors = words.Select(w => table.Get(w)!).ToList();
            var fine = WordVectorClusterer.Cluster(vectors, FineClusters, clusterSeed);
            var coarse = WordVectorClusterer.Cluster(vectors, CoarseClusters, clusterSeed);
            for (var i = 0; i < words.Count; i++)
            {
                clusters.Add((words[i], fine[i], coarse[i]));
            }
        }

        var names = new List<string>();
        if (namesPath is not null)
        {
            if (!File.Exists(namesPath))
            {
                throw new FileNotFoundException($"{namesPath}: file not found");
            }

            foreach (var line in TaggingCorpora.ReadLines(namesPath))
            {
                var name = line.Trim();
                if (name.Length > 0 && name[0] != '#')
                {
                    names.Add(name);
                }
            }
        }

        return WordClasses.Build(clusters, names, WordClasses.DefaultCompanySuffixes, train);
    }
}
