using ArgMiner.Text;

namespace ArgMiner.Tokenization;

/// <summary>
/// Placeholder rule tokenizer: white space separates tokens and punctuation stands alone.
/// (To be replaced by the UD-conformant tokenizer.)
/// </summary>
public sealed class RuleTokenizer : ITokenizer
{
    /// <inheritdoc/>
    public void Tokenize(string text, int start, int end, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var i = start;
        while (i < end)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var s = i;
            if (char.IsPunctuation(text[i]))
            {
                i++;
            }
            else
            {
                while (i < end && !char.IsWhiteSpace(text[i]) && !char.IsPunctuation(text[i]))
                {
                    i++;
                }
            }

            tokens.Add(new Token(s, i));
        }
    }
}
