using ArgMiner.Text;

namespace ArgMiner.Pipeline;

/// <summary>The one way every stage treats a missing layer, and the one way a pipeline's order is checked.</summary>
public static class StageContract
{
    /// <summary>Throws when <paramref name="document"/> lacks a layer <paramref name="stage"/> requires.</summary>
    /// <exception cref="InvalidOperationException">A required layer was never set.</exception>
    public static void EnsureRequired(this IProcess stage, Document document)
    {
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(document);
        var missing = stage.Requires & ~document.Layers;
        if (missing != DocumentLayers.None)
        {
            throw new InvalidOperationException($"the '{stage.Name}' stage requires {Describe(missing)}, which document '{document.Id}' does not have: run the stages that assign them first");
        }
    }

    /// <summary>
    /// Checks that each stage's required layers are assigned by a stage before it (or are in
    /// <paramref name="given"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A stage comes before the stages it needs.</exception>
    public static void CheckOrder(IReadOnlyList<IProcess> stages, DocumentLayers given = DocumentLayers.None)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var available = given;
        foreach (var stage in stages)
        {
            var missing = stage.Requires & ~available;
            if (missing != DocumentLayers.None)
            {
                throw new ArgumentException($"the '{stage.Name}' stage requires {Describe(missing)}, which no stage before it assigns (stages in order: {string.Join(", ", stages.Select(s => s.Name))})", nameof(stages));
            }

            available |= stage.Assigns;
        }
    }

    /// <summary>Layer names in lower case, e.g. "tokens and sentences".</summary>
    public static string Describe(DocumentLayers layers)
    {
        var names = Enum.GetValues<DocumentLayers>().Where(l => l != DocumentLayers.None && layers.HasFlag(l)).Select(l => l switch
        {
            DocumentLayers.PartsOfSpeech => "parts of speech",
            _ => l.ToString().ToLowerInvariant(),
        }).ToList();
        return names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " and " + names[^1];
    }
}
