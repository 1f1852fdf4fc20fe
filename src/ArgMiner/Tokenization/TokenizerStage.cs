using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tokenization;

/// <summary>Requires paragraphs; assigns tokens (paragraph by paragraph, so no token crosses one).</summary>
public sealed class TokenizerStage(ITokenizer tokenizer) : ICancellableProcess
{
    /// <inheritdoc/>
    public string Name => "tokenizer";

    /// <inheritdoc/>
    public DocumentLayers Requires => DocumentLayers.None;

    /// <inheritdoc/>
    public DocumentLayers Assigns => DocumentLayers.Tokens;

    /// <inheritdoc/>
    public Document Process(Document document) => Process(document, CancellationToken.None);

    /// <inheritdoc/>
    public Document Process(Document document, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Sized for a token per four characters (UD EWT averages one per 4.9): at one per five, about half the
        // documents outgrew the list and copied it (issue 12, a sixth of the stage's time). The list is the
        // thread's own and serves document after document: a new one per document was 9 MB of the 4 MB benchmark
        // text's allocations, all of it zeroed and then garbage (issue 12, session 33).
        var tokens = t_tokens ??= new List<Token>(4096);
        tokens.Clear();
        tokens.EnsureCapacity(document.Text.Length / 4 + 16);
        try
        {
            var paragraphs = document.Paragraphs;
            for (var i = 0; i < paragraphs.Length; i++)
            {
                StageCancellation.Check(i, cancellation);
                tokenizer.Tokenize(document.Text, paragraphs[i].Start, paragraphs[i].End, tokens);
            }

            return document with { Tokens = [.. tokens], Layers = document.Layers | Assigns };
        }
        finally
        {
            // One huge document does not keep its list alive for the rest of the batch.
            if (tokens.Capacity > MaxKeptTokens)
            {
                t_tokens = null;
            }
        }
    }

    // 1 MB of tokens (eight bytes each): articles are far below it.
    private const int MaxKeptTokens = 1 << 17;

    [ThreadStatic]
    private static List<Token>? t_tokens;
}
