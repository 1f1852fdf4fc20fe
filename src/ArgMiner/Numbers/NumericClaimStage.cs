using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Numbers;

/// <summary>
/// Requires tokens and sentences; assigns <see cref="Document.Numbers"/>. Each sentence is read on its own,
/// so a claim never crosses a sentence. Stateless: one instance serves every thread.
/// </summary>
public sealed class NumericClaimStage : IProcess
{
    /// <inheritdoc/>
    public string Name => "numbers";

    /// <inheritdoc/>
    public Document Process(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var claims = new List<NumericClaim>();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            NumericClaimExtractor.Analyze(document.Text, document.TokensOf(document.Sentences[s]), s, claims);
        }

        return document with { Numbers = [.. claims] };
    }
}
