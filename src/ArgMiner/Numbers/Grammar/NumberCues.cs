using ArgMiner.Text;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// The cheap test run before the grammar: whether a sentence can hold anything the grammar emits. Most sentences
/// of running text hold no number, and the claim matcher tries a dozen rules at every token of every sentence,
/// so skipping those sentences is most of the stage's time. The test is one pass over the tokens: a token with
/// an ASCII digit (every literal, code, numeric date and digit fraction has one), or a word that can begin an
/// amount, a fraction, a multiplier or a date without digits (<see cref="NumberLexicon.CueWords"/>, or a word
/// ending in "fold"). It may say yes where the grammar then finds nothing; it never says no where the grammar
/// would find something (NumberCuesTests holds that over the test corpora).
/// </summary>
internal static class NumberCues
{
    /// <summary>Whether the sentence <paramref name="tokens"/> of <paramref name="text"/> has a digit or a cue word.</summary>
    public static bool MayHoldNumber(string text, ReadOnlySpan<Token> tokens)
    {
        foreach (var token in tokens)
        {
            if (IsCue(text.AsSpan(token.Start, token.Length)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether one token is a digit-bearing token or a cue word.</summary>
    internal static bool IsCue(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return false;
        }

        if (AsciiRanges.AnyDigit(word))
        {
            return true;
        }

        // Number words, months and the rest begin with a letter; punctuation and symbols need a digit after them.
        if (!char.IsLetter(word[0]))
        {
            return false;
        }

        // "threefold", "ten-fold" as one token (ProportionReader.TryReadMultiplier).
        if (word.Length > 4 && word.EndsWith("fold", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // "Oct." as one token is the month "Oct" (DateGrammar.IsMonth).
        if (word.Length > 3 && word[^1] == '.')
        {
            word = word[..^1];
        }

        // Lower-case "may" and "march" are a verb and a noun, never a month, and in no other table.
        return LexiconLookup.IsIn(CueWords, word) && !word.SequenceEqual("may") && !word.SequenceEqual("march");
    }
}
