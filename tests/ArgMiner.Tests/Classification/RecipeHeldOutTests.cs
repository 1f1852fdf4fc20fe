using ArgMiner.Tests.Support;
using ArgMiner.Training.Classification;

namespace ArgMiner.Tests.Classification;

/// <summary>
/// The shipped recipe's held-out sets are never trained on: where a training overlay and a held-out overlay label
/// rows of the same external file, no row is in both. Reads only the project's overlays (<c>corpus/external</c>),
/// so it runs without the shared corpora.
/// </summary>
public sealed class RecipeHeldOutTests
{
    private const string NoShared = "/no-shared-corpora";

    /// <summary>The (source file, overlay file) pairs of a recipe entry's <c>FILE#labels=OVERLAY[@W]</c> paths.</summary>
    private static IEnumerable<(string Source, string Overlay)> Overlays(IEnumerable<RecipeSource> sources) =>
        from source in sources
        from path in source.Paths
        let at = path.IndexOf("#labels=", StringComparison.Ordinal)
        where at > 0
        let overlay = path[(at + "#labels=".Length)..]
        select (path[..at], overlay.Contains('@', StringComparison.Ordinal) ? overlay[..overlay.LastIndexOf('@')] : overlay);

    private static HashSet<int> Rows(string overlay) =>
        [.. File.ReadLines(overlay).Skip(1).Where(l => l.Length > 0).Select(l => int.Parse(l[..l.IndexOf(',', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public void GivenTheShippedRecipe_WhenItsTrainingAndHeldOutOverlaysShareASourceFile_ThenNoRowIsInBoth()
    {
        var project = Path.Combine(Repository.Root, "corpus");
        var training = Overlays(ShippedRecipe.Training(project, NoShared)).ToList();
        var heldOut = Overlays(ShippedRecipe.HeldOut(project, NoShared)).ToList();
        var pairs = (from t in training from h in heldOut where t.Source == h.Source select (t, h)).ToList();

        // UD EWT train (its held-out documents) and both WNUT-17 files (their held-out posts) at least.
        Assert.True(pairs.Count >= 3, $"only {pairs.Count} training/held-out overlay pairs share a source file");
        foreach (var (t, h) in pairs)
        {
            var trained = Rows(t.Overlay);
            var held = Rows(h.Overlay);
            Assert.NotEmpty(held);
            var both = trained.Intersect(held).Take(5).ToList();
            Assert.True(both.Count == 0, $"{Path.GetFileName(h.Overlay)} holds rows trained on in {Path.GetFileName(t.Overlay)}: {string.Join(", ", both)}");
        }
    }
}
