using System.Collections.Immutable;
using System.Text;
using ArgMiner.Text;
using ArgMiner.Tokenization;

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

    /// <summary>
    /// Builds a sentence from words and BIO tags, re-splitting each word with <paramref name="tokenizer"/>
    /// so training sees the tokens the pipeline will make ("al-Qaida" → "al" "-" "Qaida"): the first
    /// part keeps the word's tag, the other parts continue its entity (<c>I-</c>) or stay <c>O</c>.
    /// </summary>
    public static TaggedSentence FromWords(IReadOnlyList<string> words, IReadOnlyList<string> tags, ITokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        var joined = FromWords(words, tags);

        // Tokenize the whole sentence (abbreviations and final periods depend on context), then give each
        // token the tag of the word it lies in.
        var all = new List<Token>();
        tokenizer.Tokenize(joined.Text, 0, joined.Text.Length, all);
        var tokens = ImmutableArray.CreateBuilder<Token>(all.Count);
        var newTags = ImmutableArray.CreateBuilder<string>(all.Count);
        var w = 0;
        var firstOfWord = true;
        foreach (var t in all)
        {
            while (w < joined.Tokens.Length && joined.Tokens[w].End <= t.Start)
            {
                w++;
                firstOfWord = true;
            }

            if (w >= joined.Tokens.Length)
            {
                break;
            }

            var tag = tags[w];
            tokens.Add(t);
            newTags.Add(firstOfWord || tag == "O" || tag.Length < 2 ? tag : "I-" + tag[2..]);
            firstOfWord = false;
        }

        return new TaggedSentence(joined.Text, tokens.ToImmutable(), newTags.ToImmutable());
    }

    /// <summary>The text of token <paramref name="i"/>.</summary>
    public string Word(int i) => Text[Tokens[i].Start..Tokens[i].End];
}
