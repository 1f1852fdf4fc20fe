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

        // Number words, months and the rest begin with a letter; punctuation and symbols need a digit after them, and a
        // vulgar fraction ("½ per cent") is a number of its own.
        if (!char.IsLetter(word[0]))
        {
            return LiteralLexer.VulgarFraction(word[0]) > 0;
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
        return CueShapes.MayBeCue(word) && LexiconLookup.IsIn(CueWords, word) && !word.SequenceEqual("may") && !word.SequenceEqual("march");
    }
}

/// <summary>
/// The length, first and last letter of every cue word (<see cref="NumberLexicon.CueWords"/>), as a bitmap: a word
/// whose length and end letters no cue word has cannot be one, and is turned away without hashing it for the
/// case-insensitive look-up ("the", "and", "said": most tokens of running text; the look-up was a tenth of the
/// numbers stage, issue 12). It only ever says no where the look-up would too: a case-insensitive ordinal match
/// needs the same length, and an ASCII letter matches only itself in either case; a word whose first or last
/// character is not an ASCII letter goes to the look-up, and so does every word when a cue word is not plain ASCII.
/// </summary>
internal static class CueShapes
{
    private const int Lengths = 32;

    // Per length (the last slot: 31 and longer) and first letter a-z, the last letters a-z of the cue words.
    private static readonly uint[] Ends = new uint[Lengths * 26];

    // Lengths at which some cue word starts or ends with something other than an ASCII letter: no filter there.
    private static readonly uint OpenLengths;

    private static readonly bool Enabled = Build(out OpenLengths);

    /// <summary>False only when no cue word has the length and (case-folded) first and last letter of <paramref name="word"/>.</summary>
    public static bool MayBeCue(ReadOnlySpan<char> word)
    {
        if (!Enabled || word.IsEmpty)
        {
            return true;
        }

        var length = Math.Min(word.Length, Lengths - 1);
        // Below 26 only for an ASCII letter, of either case.
        var first = (uint)((word[0] | 0x20) - 'a');
        var last = (uint)((word[^1] | 0x20) - 'a');
        if (first >= 26 || last >= 26 || (OpenLengths & (1u << length)) != 0)
        {
            return true;
        }

        return (Ends[(length * 26) + (int)first] & (1u << (int)last)) != 0;
    }

    private static bool Build(out uint openLengths)
    {
        openLengths = 0;
        foreach (var cue in CueWords)
        {
            if (cue.Length == 0 || !System.Text.Ascii.IsValid(cue))
            {
                return false;
            }

            var length = Math.Min(cue.Length, Lengths - 1);
            if (!char.IsAsciiLetter(cue[0]) || !char.IsAsciiLetter(cue[^1]))
            {
                openLengths |= 1u << length;
                continue;
            }

            Ends[(length * 26) + ((cue[0] | 0x20) - 'a')] |= 1u << ((cue[^1] | 0x20) - 'a');
        }

        return true;
    }
}
