using ArgMiner.Numbers.Grammar;
using ArgMiner.Text;

namespace ArgMiner.Numbers;

/// <summary>
/// The numeric-claim grammar: a hand-written matcher over the tokens of one sentence, in the manner of
/// Microsoft.Recognizers.Text's number, number-range, percent and currency models (which do not restore
/// here). It finds cardinals in digits and words, ordinals, money, percentages, measures, ranges, qualifiers
/// and rates, keeps dates apart, and attaches the counted noun, time anchor and source.
/// </summary>
/// <remarks>
/// The grammar's parts are in Numbers/Grammar, one type per part, run in this order over a
/// <see cref="SentenceView"/>: <see cref="LiteralLexer"/> (numbers in digits), <see cref="CodeMarker"/> (phone
/// numbers, scores and numbers in names, which are neither), <see cref="DateGrammar"/> (dates,
/// which are never quantities), then at each token <see cref="ClaimMatcher"/> (qualifiers, ranges, fractions and
/// multipliers with <see cref="ProportionReader"/>) over
/// <see cref="QuantityReader"/> (<see cref="CurrencyReader"/>, <see cref="UnitReader"/>) over
/// <see cref="AmountReader"/> (<see cref="NumberWords"/>), which names each claim's counted noun
/// (<see cref="CountedNounFinder"/>) and period (<see cref="RatePeriodFinder"/>); last, the sentence's time
/// anchors (<see cref="TimeAnchorFinder"/>) and source (<see cref="SourceFinder"/>). Every rule looks a
/// bounded number of tokens ahead and the scan never goes back, so the work is linear in the sentence (a
/// literal that spans several tokens is lexed once). The decisions (what the span covers, when "one" or a
/// year is a quantity, currency defaults) are listed in Numbers/README.md.
/// </remarks>
public static class NumericClaimExtractor
{
    /// <summary>The longest sentence (in tokens) whose marks use the thread's reused buffers.</summary>
    internal const int MaxPooledTokens = 4096;

    /// <summary>
    /// How many tokens before its first cue (<see cref="NumberCues.IsCue"/>: a digit or a number word) a claim can
    /// start: the longest qualifier ("less than or equal to"), "between" or "from", a sign ("minus", "-"), a
    /// currency of up to four tokens ("U . S . $"), a second sign before the digits, and two words before the
    /// first cue of the amount ("a - third", "a hundred", "several dozen"); nine plus the qualifier. Percent first
    /// ("per cent of 10") and "a day or two" reach less far.
    /// </summary>
    private static readonly int MatchReach = NumberLexicon.Qualifiers[0].Words.Length + 9;

    // This thread's marks (SentenceView's literals, inside-literal flags and date ends), reused sentence after
    // sentence: allocating them per sentence was most of the stage's garbage. t_insideLiteral and t_dateEnds are
    // always as long as t_literals.
    [ThreadStatic]
    private static NumberLiteral[]? t_literals;

    [ThreadStatic]
    private static bool[]? t_insideLiteral;

    [ThreadStatic]
    private static int[]? t_dateEnds;

    /// <summary>
    /// Finds the claims, dates and numerals of one sentence and appends them to the lists.
    /// </summary>
    /// <param name="text">The document text.</param>
    /// <param name="tokens">The sentence's tokens.</param>
    /// <param name="sentence">The sentence's index, copied into every result.</param>
    /// <param name="claims">Receives the claims, in text order.</param>
    /// <param name="dates">Receives the dates, in text order; may be null.</param>
    /// <param name="numerals">Receives the bare numerals, in text order; may be null.</param>
    /// <param name="codes">Receives the phone numbers and scores (digits that are neither quantities nor dates), in text order; may be null.</param>
    public static void Analyze(string text, ReadOnlySpan<Token> tokens, int sentence, List<NumericClaim> claims, List<DateSpan>? dates = null, List<Numeral>? numerals = null, List<CodeSpan>? codes = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(claims);
        // Most sentences hold no number; the grammar would find nothing in them (NumberCues says why).
        if (tokens.IsEmpty || !NumberCues.MayHoldNumber(text, tokens))
        {
            return;
        }

        AnalyzeSentence(text, tokens, sentence, claims, dates, numerals, codes);
    }

    /// <summary>
    /// <see cref="Analyze"/> without the pre-check: the whole grammar over a non-empty sentence. Its marks live in
    /// this thread's buffers (the runner calls stages from several threads; nothing here is shared), cleared
    /// for each sentence; a sentence longer than <see cref="MaxPooledTokens"/> gets marks of its own, so that
    /// one freak sentence does not pin a large buffer to the thread. <paramref name="skipFarTokens"/> false tries
    /// the claim matcher at every token (NumberCuesTests compares the two).
    /// </summary>
    internal static void AnalyzeSentence(string text, ReadOnlySpan<Token> tokens, int sentence, List<NumericClaim> claims, List<DateSpan>? dates, List<Numeral>? numerals, List<CodeSpan>? codes, bool skipFarTokens = true)
    {
        var n = tokens.Length;
        SentenceView view;
        if (n > MaxPooledTokens)
        {
            view = new SentenceView(text, tokens, sentence);
        }
        else
        {
            if (t_literals is null || t_literals.Length < n)
            {
                var size = Math.Max(64, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n));
                t_literals = new NumberLiteral[size];
                t_insideLiteral = new bool[size];
                t_dateEnds = new int[size];
            }

            var literals = t_literals.AsSpan(0, n);
            var insideLiteral = t_insideLiteral.AsSpan(0, n);
            var dateEnds = t_dateEnds.AsSpan(0, n);
            literals.Clear();
            insideLiteral.Clear();
            dateEnds.Clear();
            view = new SentenceView(text, tokens, sentence, literals, insideLiteral, dateEnds);
        }

        LiteralLexer.Lex(view);
        CodeMarker.Mark(view, codes);
        DateGrammar.MarkDates(view, dates);
        var first = claims.Count;
        var matcher = new ClaimMatcher(view, claims, numerals);
        var i = 0;
        var nextCue = -1;
        while (i < view.Count)
        {
            if (view.DateEnds[i] > 0)
            {
                i = view.DateEnds[i];
                continue;
            }

            if (view.InsideLiteral[i])
            {
                i++;
                continue;
            }

            // A claim starts at most MatchReach tokens before its first cue, so the matcher would read nothing at
            // the tokens further back (nor does any date start there: every date holds a cue within two tokens of
            // its start); the scan moves on to where a claim could start, as one token at a time would.
            if (skipFarTokens)
            {
                if (nextCue < i)
                {
                    nextCue = i;
                    while (nextCue < view.Count && !NumberCues.IsCue(view.Word(nextCue)))
                    {
                        nextCue++;
                    }
                }

                if (nextCue == view.Count)
                {
                    break;
                }

                if (nextCue - i > MatchReach)
                {
                    i = nextCue - MatchReach;
                    continue;
                }
            }

            var next = matcher.MatchAt(i);
            i = next > i ? next : i + 1;
        }

        if (claims.Count > first)
        {
            TimeAnchorFinder.Attach(view, claims, first, SourceFinder.Find(view));
        }
    }

    /// <summary>The date spans of every sentence of a tokenised, split document (for DATE entities).</summary>
    public static IReadOnlyList<DateSpan> FindDates(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var dates = new List<DateSpan>();
        var claims = new List<NumericClaim>();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            claims.Clear();
            Analyze(document.Text, document.TokensOf(document.Sentences[s]), s, claims, dates);
        }

        return dates;
    }
}
