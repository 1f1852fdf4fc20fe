using System.Collections.Immutable;
using System.Text;
using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>
/// One sentence of training or evaluation data: its text, its tokens (spans of the text, as the
/// pipeline makes them) and one gold tag per token (a UPOS tag, or a BIO entity tag such as
/// <c>B-PERSON</c>).
/// </summary>
/// <param name="Text">The sentence's text; the tokens index it.</param>
/// <param name="Tokens">The tokens, in order.</param>
/// <param name="Tags">One tag per token.</param>
public sealed record TaggedSentence(string Text, ImmutableArray<Token> Tokens, ImmutableArray<string> Tags)
{
    /// <summary>Builds a sentence from words (joined by single spaces) and their tags.</summary>
    public static TaggedSentence FromWords(IReadOnlyList<string> words, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(tags);
        if (words.Count != tags.Count)
        {
            throw new ArgumentException("one tag per word is needed", nameof(tags));
        }

        var sb = new StringBuilder();
        var tokens = ImmutableArray.CreateBuilder<Token>(words.Count);
        foreach (var w in words)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            var s = sb.Length;
            sb.Append(w);
            tokens.Add(new Token(s, sb.Length));
        }

        return new TaggedSentence(sb.ToString(), tokens.MoveToImmutable(), [.. tags]);
    }

    /// <summary>The text of token <paramref name="i"/>.</summary>
    public string Word(int i) => Text[Tokens[i].Start..Tokens[i].End];
}
