using System.Buffers;
using System.Collections.Immutable;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>
/// Requires tokens (and uses sentences when present); assigns <see cref="Document.Pos"/>, one UPOS tag per
/// token, sentence by sentence (the whole token list as one sequence when there are no sentences).
/// </summary>
public sealed class PosTaggerStage(AveragedPerceptronTagger tagger) : ICancellableProcess
{
    /// <summary>The POS model.</summary>
    public AveragedPerceptronTagger Tagger { get; } = tagger ?? throw new ArgumentNullException(nameof(tagger));

    /// <inheritdoc/>
    public string Name => "pos";

    /// <inheritdoc/>
    public DocumentLayers Requires => DocumentLayers.Tokens | DocumentLayers.Sentences;

    /// <inheritdoc/>
    public DocumentLayers Assigns => DocumentLayers.PartsOfSpeech;

    /// <inheritdoc/>
    public Document Process(Document document) => Process(document, CancellationToken.None);

    /// <inheritdoc/>
    public Document Process(Document document, CancellationToken cancellation)
    {
        this.EnsureRequired(document);
        var tokens = document.Tokens.AsSpan();
        var tags = ArrayPool<int>.Shared.Rent(Math.Max(1, tokens.Length));
        try
        {
            // Tokens outside every sentence (none with the standard splitter) get X.
            var x = Math.Max(0, Tagger.Classes.IndexOf("X"));
            tags.AsSpan(0, tokens.Length).Fill(x);
            var sentences = document.Sentences;
            for (var i = 0; i < sentences.Length; i++)
            {
                StageCancellation.Check(i, cancellation);
                var s = sentences[i];
                Tagger.Predict(document.Text, tokens.Slice(s.FirstToken, s.TokenCount), tags.AsSpan(s.FirstToken, s.TokenCount));
            }

            var pos = ImmutableArray.CreateBuilder<string>(tokens.Length);
            for (var i = 0; i < tokens.Length; i++)
            {
                pos.Add(Tagger.Classes[tags[i]]);
            }

            return document with { Pos = pos.MoveToImmutable(), Layers = document.Layers | Assigns };
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tags);
        }
    }
}
