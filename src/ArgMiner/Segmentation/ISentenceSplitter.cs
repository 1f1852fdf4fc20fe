using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>Finds sentence boundaries inside one paragraph, over its tokens.</summary>
public interface ISentenceSplitter
{
    /// <summary>
    /// Returns the token counts of the consecutive sentences that <paramref name="tokens"/> (the tokens of
    /// one paragraph of <paramref name="text"/>) form, appending them to <paramref name="sentenceLengths"/>.
    /// The counts add up to <c>tokens.Length</c>; none is zero.
    /// </summary>
    void Split(string text, ReadOnlySpan<Token> tokens, List<int> sentenceLengths);
}
