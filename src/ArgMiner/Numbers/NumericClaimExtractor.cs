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
        if (tokens.IsEmpty)
        {
            return;
        }

        var view = new SentenceView(text, tokens, sentence);
        LiteralLexer.Lex(view);
        CodeMarker.Mark(view, codes);
        DateGrammar.MarkDates(view, dates);
        var first = claims.Count;
        var matcher = new ClaimMatcher(view, claims, numerals);
        var i = 0;
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
