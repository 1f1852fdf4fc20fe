using ArgMiner.Text;

namespace ArgMiner.Output;

/// <summary>A processed document with its code point map, what every row of its tables is made from.</summary>
/// <param name="Document">The processed document.</param>
/// <param name="Map">Converts its UTF-16 offsets to the code point offsets written to files.</param>
public sealed record DocumentContext(Document Document, CodePointMap Map)
{
    /// <summary>Wraps <paramref name="document"/>, computing its map.</summary>
    public static DocumentContext Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new(document, new CodePointMap(document.Text));
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
