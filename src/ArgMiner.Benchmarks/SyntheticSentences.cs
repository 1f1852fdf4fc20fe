using ArgMiner.Text;
using System.Globalization;
using ArgMiner.Classification;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Deterministic synthetic sentences with the surface cues of each label (invented templates), for the
/// classifier benchmark when no labelled data is given and for the optimiser tests, which compile this
/// same file (tests/ArgMiner.Tests links it).
/// </summary>
internal static class SyntheticSentences
{
    /// <summary>
    /// <paramref name="count"/> sentences cycling claim, evidence, opinion, other, drawn with
    /// <paramref name="seed"/>; every <paramref name="perDocument"/> consecutive sentences share a document id.
    /// </summary>
    public static List<LabelledSentence> Generate(int count, int seed = 42, int perDocument = 20)
    {
        var random = new Random(seed);
        string[] nouns = ["government", "militias", "withdrawal", "economy", "council", "voters", "budget", "troops", "ministry", "reform", "prices", "schools", "court", "election", "hospital"];
        string[] names = ["Reuters", "the UN", "Senator Whitcombe", "the ministry", "Baghdad", "the central bank", "Dr. Okafor", "the Pentagon"];
        string[] verbs = ["risks", "will weaken", "must protect", "should reform", "undermines", "could destabilise", "is failing", "ignores"];
        string[] feelings = ["I love this piece", "What a brilliant article", "Thank you for writing this", "I am so tired of this nonsense", "Great read", "This made me angry"];
        var rows = new List<LabelledSentence>(count);
        for (var i = 0; i < count; i++)
        {
            string N() => nouns[random.Next(nouns.Length)];
            var kind = i % 4;
            var text = kind switch
            {
                0 => $"The {N()} {verbs[random.Next(verbs.Length)]} the {N()} and the {N()}.",
                1 => $"In {2000 + random.Next(26)}, {names[random.Next(names.Length)]} reported that {random.Next(2, 5000)} {N()} were affected, up {random.Next(1, 90)} percent.",
                2 => $"{feelings[random.Next(feelings.Length)]}, the {N()} part especially{(random.Next(2) == 0 ? "!" : ".")}",
                _ => $"{char.ToUpperInvariant(N()[0])}{N()[1..]} and the {N()}",
            };
            rows.Add(new LabelledSentence(text, SentenceLabels.All[kind]) { Doc = "doc" + (i / perDocument).ToString(CultureInfo.InvariantCulture) });
        }

        return rows;
    }
}
