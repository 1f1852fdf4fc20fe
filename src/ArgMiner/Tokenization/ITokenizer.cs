using ArgMiner.Text;

namespace ArgMiner.Tokenization;

/// <summary>Splits a stretch of text into tokens without changing it (non-destructive).</summary>
public interface ITokenizer
{
    /// <summary>
    /// Appends the tokens of <c>text[start..end)</c> to <paramref name="tokens"/>, in order. Offsets are
    /// into <paramref name="text"/>; white space belongs to no token. Must not allocate per token.
    /// </summary>
    void Tokenize(string text, int start, int end, List<Token> tokens);
}
