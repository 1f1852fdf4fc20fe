namespace ArgMiner.Text;

/// <summary>
/// The annotation layers a pipeline stage can set on a <see cref="Document"/> (spaCy's <c>requires</c> /
/// <c>assigns</c> attributes): each stage declares the layers it needs and the layers it sets, and the
/// document records which have been set, so a layer that was computed and found nothing (set, empty) differs
/// from one that was never computed (not set). Paragraphs are not a layer: the reader gives them with the text.
/// </summary>
[Flags]
public enum DocumentLayers
{
    /// <summary>No layer.</summary>
    None = 0,

    /// <summary><see cref="Document.Tokens"/>.</summary>
    Tokens = 1,

    /// <summary><see cref="Document.Sentences"/>.</summary>
    Sentences = 2,

    /// <summary><see cref="Document.Pos"/>.</summary>
    PartsOfSpeech = 4,

    /// <summary><see cref="Document.Entities"/>.</summary>
    Entities = 8,

    /// <summary><see cref="Document.Numbers"/>.</summary>
    Numbers = 16,

    /// <summary><see cref="Document.Labels"/>.</summary>
    Labels = 32,
}
