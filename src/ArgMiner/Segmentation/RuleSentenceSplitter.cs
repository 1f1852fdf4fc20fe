using ArgMiner.Text;

namespace ArgMiner.Segmentation;

/// <summary>Placeholder splitter: a sentence ends at '.', '!' or '?'. (To be replaced.)</summary>
public sealed class RuleSentenceSplitter : ISentenceSplitter
{
    /// <inheritdoc/>
    public void Split(string text, ReadOnlySpan<Token> tokens, List<int> sentenceLengths)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentenceLengths);
        var start = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var c = text[tokens[i].Start];
            if (tokens[i].Length == 1 && c is '.' or '!' or '?')
            {
                sentenceLengths.Add(i + 1 - start);
                start = i + 1;
            }
        }

        if (start < tokens.Length)
        {
            sentenceLengths.Add(tokens.Length - start);
        }
    }
}
