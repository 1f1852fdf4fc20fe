using ArgMiner.Text;

namespace ArgMiner.Output;

/// <summary>A processed document with its code point map, what every row of its tables is made from.</summary>
/// <param name="Document">The processed document.</param>
/// <param name="Map">Converts its UTF-16 offsets to the code point offsets written to files.</param>
public sealed record DocumentContext(Document Document, CodePointMap Map)
{
    /// <summary>Entities per sentence, counted once so each row is O(1).</summary>
    public required int[] EntitiesPerSentence { get; init; }

    /// <summary>Numeric claims per sentence, counted once so each row is O(1).</summary>
    public required int[] NumbersPerSentence { get; init; }

    /// <summary>Wraps <paramref name="document"/>, computing its map and per-sentence counts.</summary>
    public static DocumentContext Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entities = new int[document.Sentences.Length];
        foreach (var e in document.Entities)
        {
            entities[e.Sentence]++;
        }

        var numbers = new int[document.Sentences.Length];
        foreach (var n in document.Numbers)
        {
            numbers[n.Sentence]++;
        }

        return new(document, new CodePointMap(document.Text)) { EntitiesPerSentence = entities, NumbersPerSentence = numbers };
    }
}

/// <summary>One sentence row: the document and the sentence's index in it.</summary>
/// <param name="Context">The document.</param>
/// <param name="Index">Index in <see cref="Document.Sentences"/>.</param>
public readonly record struct SentenceRow(DocumentContext Context, int Index)
{
    /// <summary>The sentence.</summary>
    public Sentence Sentence => Context.Document.Sentences[Index];
}

/// <summary>One entity row: the document and the entity's index in it.</summary>
/// <param name="Context">The document.</param>
/// <param name="Index">Index in <see cref="Document.Entities"/>.</param>
public readonly record struct EntityRow(DocumentContext Context, int Index)
{
    /// <summary>The entity.</summary>
    public Entity Entity => Context.Document.Entities[Index];
}

/// <summary>One numeric-claim row: the document and the claim's index in it.</summary>
/// <param name="Context">The document.</param>
/// <param name="Index">Index in <see cref="Document.Numbers"/>.</param>
public readonly record struct NumberRow(DocumentContext Context, int Index)
{
    /// <summary>The numeric claim.</summary>
    public NumericClaim Claim => Context.Document.Numbers[Index];
}
