using ArgMiner.Text;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// The tokens of one sentence as the numbers grammar reads them, with what its passes mark on them: the number
/// literals (<see cref="LiteralLexer"/>), the tokens inside a literal, and where each date ends
/// (<see cref="DateGrammar"/>). Every word query answers "no" outside the sentence, so a rule may look a few
/// tokens ahead or behind without bounds checks of its own.
/// </summary>
internal readonly ref struct SentenceView
{
    /// <summary>Creates the view with nothing marked yet, over marks of its own.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="index">The sentence's index in its document, copied into every result.</param>
    public SentenceView(string text, ReadOnlySpan<Token> tokens, int index)
        : this(text, tokens, index, new NumberLiteral[tokens.Length], new bool[tokens.Length], new int[tokens.Length])
    {
    }

    /// <summary>
    /// Creates the view over marks the caller owns (<see cref="NumericClaimExtractor"/> reuses one set per thread
    /// rather than allocating three arrays per sentence); each span must be as long as <paramref name="tokens"/>
    /// and cleared, so that every index past the sentence still throws as it would on arrays of its own.
    /// </summary>
    public SentenceView(string text, ReadOnlySpan<Token> tokens, int index, Span<NumberLiteral> literals, Span<bool> insideLiteral, Span<int> dateEnds)
    {
        Text = text;
        Tokens = tokens;
        Index = index;
        Count = tokens.Length;
        Literals = literals;
        InsideLiteral = insideLiteral;
        DateEnds = dateEnds;
    }

    /// <summary>The document text.</summary>
    public string Text { get; }

    /// <summary>The sentence's tokens.</summary>
    public ReadOnlySpan<Token> Tokens { get; }

    /// <summary>The sentence's index in its document.</summary>
    public int Index { get; }

    /// <summary>The number of tokens.</summary>
    public int Count { get; }

    /// <summary>The number literal that starts at each token (<see cref="NumberLiteral.Valid"/> false where none does).</summary>
    public Span<NumberLiteral> Literals { get; }

    /// <summary>Whether each token is a later piece of a literal that starts before it ("500" in "1" "," "500").</summary>
    public Span<bool> InsideLiteral { get; }

    /// <summary>At the first token of each date, one past its last token; 0 elsewhere.</summary>
    public Span<int> DateEnds { get; }

    /// <summary>The text of token <paramref name="i"/>, or empty outside the sentence.</summary>
    public ReadOnlySpan<char> Word(int i) => i >= 0 && i < Count ? Text.AsSpan(Tokens[i].Start, Tokens[i].Length) : [];

    /// <summary>Whether token <paramref name="i"/> is <paramref name="word"/>, ignoring case.</summary>
    public bool WordIs(int i, string word) => i >= 0 && i < Count && Word(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether token <paramref name="i"/> starts where the one before it ends ("3" "m" in "3m").</summary>
    public bool TouchesPrevious(int i) => i > 0 && i < Count && Tokens[i].Start == Tokens[i - 1].End;

    /// <summary>Whether token <paramref name="i"/> is glued to a number before it (a literal, or a piece of one).</summary>
    public bool FollowsNumber(int i) => TouchesPrevious(i) && (Literals[i - 1].Valid || InsideLiteral[i - 1]);

    /// <summary>Whether token <paramref name="i"/> is a hyphen, a dash or a minus sign.</summary>
    public bool IsDash(int i)
    {
        var word = Word(i);
        return word.Length == 1 && word[0] is '-' or '–' or '—' or '‒' or '−';
    }

    /// <summary>Whether token <paramref name="i"/> starts with neither a letter nor a digit.</summary>
    public bool IsPunctuation(int i)
    {
        var word = Word(i);
        return word.Length > 0 && !char.IsLetterOrDigit(word[0]);
    }

    /// <summary>Whether token <paramref name="i"/> starts with a capital letter.</summary>
    public bool IsCapitalized(int i)
    {
        var word = Word(i);
        return word.Length > 0 && char.IsUpper(word[0]);
    }

    /// <summary>Whether token <paramref name="i"/> starts with a letter.</summary>
    public bool StartsWithLetter(int i)
    {
        var word = Word(i);
        return word.Length > 0 && char.IsLetter(word[0]);
    }

    /// <summary>The text from the start of token <paramref name="first"/> to the end of the token before <paramref name="endExclusive"/>.</summary>
    public string TextOf(int first, int endExclusive) => Text[Tokens[first].Start..Tokens[endExclusive - 1].End];

    /// <summary>"percent", "percents", "pct", "percentage" or "per cent" at <paramref name="i"/>.</summary>
    public bool IsPercentWord(int i) =>
        WordIs(i, "percent") || WordIs(i, "percents") || WordIs(i, "pct") || WordIs(i, "percentage") || (WordIs(i, "per") && WordIs(i + 1, "cent"));

    /// <summary>Whether token <paramref name="i"/> is a plural noun that can be counted ("attacks", "people").</summary>
    public bool IsPluralNoun(int i)
    {
        if (i < 0 || i >= Count || !StartsWithLetter(i))
        {
            return false;
        }

        var word = Word(i);
        if (LexiconLookup.IsIn(IrregularPlurals, word))
        {
            return true;
        }

        if (word.Length < 3 || LexiconLookup.IsIn(PhraseStops, word) || !word.EndsWith('s') || word.EndsWith("ss") || word.EndsWith("us")
            || word.EndsWith("is") || word.EndsWith("'s"))
        {
            return false;
        }

        // "Americans" counts, "States" in "United States" does not.
        return !IsCapitalized(i) || !(i + 1 < Count && IsCapitalized(i + 1));
    }
}
