using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tokenization;

/// <summary>Requires paragraphs; assigns tokens (paragraph by paragraph, so no token crosses one).</summary>
public sealed class TokenizerStage(ITokenizer tokenizer) : IProcess
{
    /// <inheritdoc/>
    public string Name => "tokenizer";

    /// <inheritdoc/>
    public DocumentLayers Requires => DocumentLayers.None;

    /// <inheritdoc/>
    public DocumentLayers Assigns => DocumentLayers.Tokens;

    /// <inheritdoc/>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Sized for a token per four characters (UD EWT averages one per 4.9): at one per five, about half the
        // documents outgrew the list and copied it (issue 12, a sixth of the stage's time).
        var tokens = new List<Token>(document.Text.Length / 4 + 16);
        foreach (var p in document.Paragraphs)
        {
            tokenizer.Tokenize(document.Text, p.Start, p.End, tokens);
        }

        return document with { Tokens = [.. tokens], Layers = document.Layers | Assigns };
    }
}
