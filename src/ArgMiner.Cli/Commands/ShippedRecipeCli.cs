using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary>The shipped recipe as <c>train --from-shipped</c> uses it: its data paths found on this machine, and the held-out sets to compare on.</summary>
/// <param name="TrainingPaths">The <c>--data</c> paths of the recipe's data sets that are here.</param>
/// <param name="CardSources">What the card records of them (names and descriptions, no machine paths).</param>
/// <param name="HeldOut">The held-out sets that are here.</param>
/// <param name="NameByPath">The recipe data set each training path belongs to.</param>
internal sealed record ResolvedRecipe(IReadOnlyList<string> TrainingPaths, IReadOnlyList<string> CardSources, IReadOnlyList<RecipeSource> HeldOut, IReadOnlyDictionary<string, string> NameByPath);

/// <summary>Finds the shipped recipe's data and compares a newly trained model with the shipped one on the recipe's held-out real text.</summary>
internal static class ShippedRecipeCli
{
    /// <summary>
    /// Resolves the recipe: says which data sets it reads and which are missing (and why the model will then
    /// differ from the shipped one); null after one usage error line when <paramref name="leaveOut"/> names no data set.
    /// </summary>
    public static ResolvedRecipe? Resolve(string? sharedOption, IReadOnlyList<string> leaveOut, TextWriter stdout, TextWriter stderr)
    {
        var project = ShippedRecipe.DefaultProjectDirectory;
        var shared = ShippedRecipe.FindShared(sharedOption);
        var training = ShippedRecipe.Training(project, shared);
        var unknown = leaveOut.FirstOrDefault(name => training.All(s => s.Name != name));
        if (unknown is not null)
        {
            stderr.WriteLine($"argminer: --leave-out '{unknown}' is not one of {string.Join(", ", training.Select(s => s.Name))}");
            return null;
        }

        var paths = new List<string>();
        var card = new List<string>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in training)
        {
            if (leaveOut.Contains(source.Name))
            {
                stdout.WriteLine($"shipped recipe: leaving out {source.Name} ({source.Description})");
            }
            else if (source.Present)
            {
                stdout.WriteLine($"shipped recipe: {source.Name} ({source.Description})");
                paths.AddRange(source.Paths);
                source.Paths.ToList().ForEach(p => names[p] = source.Name);
                card.Add($"shipped recipe: {source.Name} ({source.Description})");
            }
            else
            {
                var where = shared is null ? "no shared corpora folder was found; pass --shared DIR or set ARGMINER_SHARED" : $"not found under {shared}";
                stderr.WriteLine($"argminer: warning: shipped recipe: {source.Name} ({source.Description}) is missing ({where}); the new model will differ more from the shipped one");
            }
        }

        return new ResolvedRecipe(paths, card, [.. ShippedRecipe.HeldOut(project, shared).Where(s => s.Present)], names);
    }

    /// <summary>
    /// Measures the new model, and the old one when given, on each held-out set that is here, writes the two side
    /// by side, and returns the new model's figures by set for its card.
    /// </summary>
    public static JsonObject CompareOnHeldOut(ResolvedRecipe recipe, SentenceClassifier model, SentenceClassifier? old, bool tagged, TextWriter stdout, TextWriter stderr)
    {
        var figures = new JsonObject();
        if (recipe.HeldOut.Count == 0)
        {
            stdout.WriteLine("no held-out set of the shipped recipe is here (they live in the shared corpora): no comparison on held-out real text");
            return figures;
        }

        foreach (var set in recipe.HeldOut)
        {
            // Held-out sets are in the recipe's own formats: they are read with the default column names.
            var rows = ClassifierCli.ReadData(set.Paths, new LabelledDataOptions(), stderr);
            if (rows is null)
            {
                continue;
            }

            var plain = rows;
            var tags = tagged || old?.TaggedFeatures == true ? ClassifierCli.Tag(rows, stdout) : rows;
            var restrict = set.Labels?.ToArray();
            var after = MulticlassMetrics.Evaluate(rows, model.PredictRows(tagged ? tags : plain), restrict);
            figures[set.Name] = after.ToJson();
            if (old is null)
            {
                ClassifierCli.WriteMetrics(stdout, $"new model on {set.Description} (never trained on)", after);
                continue;
            }

            var before = MulticlassMetrics.Evaluate(rows, old.PredictRows(old.TaggedFeatures ? tags : plain), restrict);
            ClassifierCli.WriteComparison(stdout, $"shipped vs new model on {set.Description} ({rows.Count} sentences, never trained on by either)", before, after);
            WritePerClassF1(stdout, before, after);
        }

        return figures;
    }

    /// <summary>One line of per-class F1, old then new, so a drop in one label is not hidden by the average.</summary>
    private static void WritePerClassF1(TextWriter stdout, MulticlassMetrics before, MulticlassMetrics after)
    {
        var parts = after.PerClass.Where(c => c.Support > 0).Select(c =>
        {
            var was = before.PerClass.First(b => b.Label == c.Label).F1;
            return $"{c.Label} {ClassifierCli.F(was)} -> {ClassifierCli.F(c.F1)}";
        });
        stdout.WriteLine($"  F1 by class (shipped -> new): {string.Join("; ", parts)}");
    }
}
