using System.Text.Json.Nodes;
using ArgMiner.Classification;

namespace ArgMiner.Tests.Classification;

/// <summary>
/// A small hand-made word-vector table: words of a kind share a direction (praise, report, obligation), so a
/// word training never saw lands near the words of its kind, as pretrained vectors place it.
/// </summary>
internal static class TinyVectors
{
    public const int Dimension = 8;

    public static readonly string[] Praise = ["love", "great", "brilliant", "wonderful", "superb", "fantastic", "splendid", "marvellous"];
    public static readonly string[] Report = ["said", "reported", "according", "announced", "stated", "confirmed", "told", "disclosed"];
    public static readonly string[] Duty = ["must", "should", "ought", "need", "needs", "has", "have", "required"];

    public static WordVectors Create() => WordVectors.Create(Entries(), 1000, new JsonObject { ["source"] = "synthetic test vectors" });

    public static IEnumerable<(string, float[])> Entries()
    {
        var random = new Random(7);
        IEnumerable<(string, float[])> Kind(string[] words, int axis) => words.Select(w =>
        {
            var v = new float[Dimension];
            for (var j = 0; j < Dimension; j++)
            {
                v[j] = (float)((random.NextDouble() - 0.5) * 0.2);
            }

            v[axis] += 1f;
            return (w, v);
        });

        return [.. Kind(Praise, 0), .. Kind(Report, 1), .. Kind(Duty, 2)];
    }
}
