using System.Collections.Immutable;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>
/// Requires tokens and sentences; assigns <see cref="Document.Entities"/> from the NER model and the
/// gazetteer, sentence by sentence, so no entity crosses a sentence.
/// </summary>
public sealed class EntityRecognizerStage(EntityRecognizer recognizer) : IProcess
{
    /// <summary>The recogniser (model and gazetteer).</summary>
    public EntityRecognizer Recognizer { get; } = recognizer ?? throw new ArgumentNullException(nameof(recognizer));

    /// <inheritdoc/>
    public string Name => "entities";

    /// <inheritdoc/>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Sentences.IsEmpty && !document.Tokens.IsEmpty)
        {
            throw new InvalidOperationException("the entity stage requires sentences: run the sentence splitter first");
        }

        var tokens = document.Tokens.AsSpan();
        var found = new List<RecognizedEntity>();
        var scratch = new RecognizerScratch();
        var entities = ImmutableArray.CreateBuilder<Entity>();
        for (var si = 0; si < document.Sentences.Length; si++)
        {
            var s = document.Sentences[si];
            found.Clear();
            var sentenceTokens = tokens.Slice(s.FirstToken, s.TokenCount);
            Recognizer.Recognize(document.Text, sentenceTokens, found, scratch);
            foreach (var e in found)
            {
                var first = sentenceTokens[e.Span.First];
                var last = sentenceTokens[e.Span.First + e.Span.Count - 1];
                entities.Add(new Entity(first.Start, last.End, e.Span.Type, e.Source, si));
            }
        }

        return document with { Entities = entities.ToImmutable() };
    }
}
