using ArgMiner.Pipeline;
using System.Buffers.Binary;
using System.Text;
using ArgMiner.Classification;
using ArgMiner.Models;
using ArgMiner.Tagging;

namespace ArgMiner.Cli.Commands;

/// <summary>
/// Builds the entity model's <see cref="WordClasses"/> for <c>train-tagger ner --vectors --names</c>: ML.NET k-means
/// clusters (<see cref="WordVectorClusterer"/>) of a word-vector table (256 fine, 32 coarse), a first-name list, the built-in company suffixes,
/// and the training text's capitalisation.
/// </summary>
internal static class TaggerWordClasses
{
    public const int FineClusters = 256;
    public const int CoarseClusters = 32;

    public static WordClasses Build(string? vectorsPath, string? namesPath, IReadOnlyList<TaggedSentence> train, int clusterSeed = 1)
    {
        var clusters = new List<(string, int, int)>();
        if (vectorsPath is not null && vectorsPath != "none")
        {
            var table = vectorsPath == "shipped"
                ? ShippedModels.WordVectors ?? throw new ModelFormatException(ShippedModels.WordVectorsResource, "no word vectors are embedded in this build")
                : WordVectors.Load(vectorsPath);
            var words = Words(table);
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

            foreach (var line in File.ReadLines(namesPath, Encoding.UTF8))
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

    /// <summary>The table's words, in its order, read from its byte layout (count, dimension, then each word as a UTF-8 string with a 16-bit length).</summary>
    private static List<string> Words(WordVectors table)
    {
        var bytes = table.GetBytes();
        var count = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        var at = 8;
        var words = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[at..]);
            words.Add(Encoding.UTF8.GetString(bytes.Slice(at + 2, length)));
            at += 2 + length;
        }

        return words;
    }
}
