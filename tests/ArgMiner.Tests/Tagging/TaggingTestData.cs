using System.Collections.Immutable;
using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Text;

namespace ArgMiner.Tests.Tagging;

/// <summary>Small synthetic corpora and helpers shared by the tagging tests.</summary>
internal static class TaggingTestData
{
    private static readonly string[] Dets = ["the", "a", "this", "every"];
    private static readonly string[] Nouns = ["dog", "cat", "house", "river", "plan", "city", "road", "tree"];
    private static readonly string[] Verbs = ["sees", "likes", "builds", "crosses", "finds", "wants"];
    private static readonly string[] Adjs = ["big", "old", "green", "quiet"];
    private static readonly string[] People = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid"];
    private static readonly string[] Places = ["Oslo", "Lima", "Kyoto", "Dakar", "Quito"];

    /// <summary>A shared pipeline with the shipped models (they are immutable).</summary>
    public static TextPipeline Pipeline { get; } = TextPipeline.CreateTagging();

    /// <summary>POS-like sentences: DET (ADJ) NOUN VERB DET NOUN PUNCT, words drawn by a fixed generator.</summary>
    public static List<TaggedSentence> PosSentences(int count, int seed)
    {
        var rng = new Random(seed);
        var result = new List<TaggedSentence>();
        for (var k = 0; k < count; k++)
        {
            var words = new List<string>();
            var tags = new List<string>();
            void Add(string w, string t)
            {
                words.Add(w);
                tags.Add(t);
            }

            Add(Dets[rng.Next(Dets.Length)], "DET");
            if (rng.Next(2) == 0)
            {
                Add(Adjs[rng.Next(Adjs.Length)], "ADJ");
            }

            Add(Nouns[rng.Next(Nouns.Length)], "NOUN");
            Add(Verbs[rng.Next(Verbs.Length)], "VERB");
            Add(Dets[rng.Next(Dets.Length)], "DET");
            Add(Nouns[rng.Next(Nouns.Length)], "NOUN");
            Add(".", "PUNCT");
            result.Add(TaggedSentence.FromWords(words, tags));
        }

        return result;
    }

    /// <summary>NER-like sentences: "Anna Boris met Chen in Oslo ." with BIO tags.</summary>
    public static List<TaggedSentence> NerSentences(int count, int seed)
    {
        var rng = new Random(seed);
        var result = new List<TaggedSentence>();
        for (var k = 0; k < count; k++)
        {
            var words = new List<string>();
            var tags = new List<string>();
            words.Add(People[rng.Next(People.Length)]);
            tags.Add("B-PERSON");
            if (rng.Next(2) == 0)
            {
                words.Add(People[rng.Next(People.Length)]);
                tags.Add("I-PERSON");
            }

            words.AddRange(["met", "friends", "in"]);
            tags.AddRange(["O", "O", "O"]);
            words.Add(Places[rng.Next(Places.Length)]);
            tags.Add("B-LOC");
            words.Add(".");
            tags.Add("O");
            result.Add(TaggedSentence.FromWords(words, tags));
        }

        return result;
    }

    /// <summary>A small, fast trainer (small table, few passes).</summary>
    public static AveragedPerceptronTrainer SmallTrainer(string kind, int seed = 7) =>
        new(new AveragedPerceptronTrainerOptions { Kind = kind, Epochs = 3, Seed = seed, BucketBits = 12, Prune = 0, LexiconMinCount = 2 });

    /// <summary>A document of plain text in the seeds' layout.</summary>
    public static Document Doc(string text, string id = "t") =>
        DocumentReaders.ReadPlainText(System.Text.Encoding.UTF8.GetBytes(text), id + ".txt", id).Document!;

    /// <summary>The repository root (the folder with ArgMiner.sln), found above the test binaries.</summary>
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArgMiner.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    /// <summary>The entities of a processed document as (text, type, source).</summary>
    public static ImmutableArray<(string Text, string Type, EntitySource Source)> EntityTexts(Document d) =>
        [.. d.Entities.Select(e => (d.Text[e.Start..e.End], e.Type, e.Source))];
}
