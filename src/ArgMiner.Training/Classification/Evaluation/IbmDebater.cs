using System.Text;

namespace ArgMiner.Classification.Evaluation;

/// <summary>Which motions of the IBM corpus to read.</summary>
public enum IbmSplit
{
    /// <summary>Every motion.</summary>
    All,

    /// <summary>The 39 motions IBM marks "train and test".</summary>
    Train,

    /// <summary>The 19 motions IBM marks "held-out".</summary>
    HeldOut,
}

/// <summary>
/// Reads the IBM Debater claims and evidence corpus (CE-EMNLP-2015, tab-separated <c>claims.txt</c>,
/// <c>evidence.txt</c>, <c>motions.txt</c>): claims as <c>claim</c>, evidence texts (deduplicated) as
/// <c>evidence</c>, each with its motion as document so cross-validation folds never split a motion.
/// </summary>
public static class IbmDebater
{
    /// <summary>Whether <paramref name="folder"/> looks like the corpus.</summary>
    public static bool IsCorpus(string folder) =>
        File.Exists(Path.Combine(folder, "claims.txt")) && File.Exists(Path.Combine(folder, "evidence.txt")) && File.Exists(Path.Combine(folder, "motions.txt"));

    /// <summary>Parses a <c>#split</c> suffix: train, held-out (or heldout, test), all.</summary>
    public static IbmSplit ParseSplit(string? split, string spec) => split?.ToLowerInvariant() switch
    {
        null or "all" => IbmSplit.All,
        "train" => IbmSplit.Train,
        "held-out" or "heldout" or "test" => IbmSplit.HeldOut,
        _ => throw new LabelledDataException(spec, $"unknown IBM split '{split}' (expected train, held-out or all)"),
    };

    /// <summary>Reads the claims and evidence of the motions in <paramref name="split"/>.</summary>
    public static IReadOnlyList<LabelledSentence> Read(string folder, IbmSplit split)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var motions = new Dictionary<string, (string Id, bool HeldOut)>(StringComparer.Ordinal);
        var motionsPath = Path.Combine(folder, "motions.txt");
        var line = 0;
        // Strict UTF-8 (CorpusText), as every corpus is read: a bad byte became U+FFFD without a word until session 34.
        foreach (var row in ArgMiner.Evaluation.CorpusText.ReadLines(motionsPath, ArgMiner.Evaluation.CorpusText.DataError(motionsPath)).Skip(1))
        {
            line++;
            var cells = row.Split('\t');
            if (cells.Length < 3)
            {
                continue;
            }

            motions[Norm(cells[1])] = (cells[0].Trim(), cells[2].Contains("held-out", StringComparison.OrdinalIgnoreCase));
        }

        var rows = new List<LabelledSentence>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void ReadFile(string name, int textColumn, string label)
        {
            var path = Path.Combine(folder, name);
            var n = 1;
            foreach (var row in ArgMiner.Evaluation.CorpusText.ReadLines(path, ArgMiner.Evaluation.CorpusText.DataError(path)).Skip(1))
            {
                n++;
                var cells = row.Split('\t');
                if (cells.Length <= textColumn)
                {
                    continue;
                }

                if (!motions.TryGetValue(Norm(cells[0]), out var motion))
                {
                    throw new LabelledDataException($"{path}:{n}", "motion not listed in motions.txt");
                }

                if ((split == IbmSplit.Train && motion.HeldOut) || (split == IbmSplit.HeldOut && !motion.HeldOut))
                {
                    continue;
                }

                var text = Clean(cells[textColumn]);
                if (text.Length == 0 || !seen.Add(label + "\u0001" + text))
                {
                    continue;
                }

                rows.Add(new LabelledSentence(text, label)
                {
                    Doc = "ibm:" + motion.Id,
                    InReadingOrder = false,
                    Origin = $"{path}:{n}",
                    Source = folder,
                });
            }
        }

        ReadFile("claims.txt", 1, "claim");
        ReadFile("evidence.txt", 2, "evidence");
        return rows;
    }

    private static string Norm(string s) => s.Trim().ToLowerInvariant();

    /// <summary>Removes the corpus's citation marks ([REF], a cut-off "[REF") and stray spaces.</summary>
    private static string Clean(string text)
    {
        var s = text.Replace("[REF]", string.Empty, StringComparison.Ordinal).Replace("[REF", string.Empty, StringComparison.Ordinal);
        return string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim().Trim('"').Trim();
    }
}
