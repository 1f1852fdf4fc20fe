using static ArgMiner.Numbers.Grammar.LexiconLookup;
using static ArgMiner.Numbers.NumberLexicon;

namespace ArgMiner.Numbers.Grammar;

/// <summary>
/// The time anchor of a claim: the date nearest to it in the same sentence (by characters), with the
/// preposition before the date ("Since October 2023", "as of mid-2025", "In June 2025").
/// </summary>
internal static class TimeAnchorFinder
{
    /// <summary>
    /// The dates <see cref="DateGrammar"/> marked in <paramref name="sentence"/>, in text order: first and end
    /// token of each, and the first token of its anchor (the date, or the preposition before it).
    /// </summary>
    internal static List<(int Start, int End, int AnchorStart)> Anchors(in SentenceView sentence)
    {
        var anchors = new List<(int Start, int End, int AnchorStart)>();
        for (var i = 0; i < sentence.Count; i++)
        {
            if (sentence.DateEnds[i] > 0)
            {
                var anchorStart = i;
                if (i >= 2 && sentence.WordIs(i - 2, "as") && sentence.WordIs(i - 1, "of"))
                {
                    anchorStart = i - 2;
                }
                else if (i >= 1 && IsIn(TimePrepositions, sentence.Word(i - 1)))
                {
                    anchorStart = i - 1;
                }

                anchors.Add((i, sentence.DateEnds[i], anchorStart));
            }
        }

        return anchors;
    }

    /// <summary>
    /// Sets the time anchor and the source of the claims from <paramref name="first"/> on, all of
    /// <paramref name="sentence"/>: each claim's anchor is the date nearest to it, the source is the sentence's.
    /// </summary>
    internal static void Attach(in SentenceView sentence, List<NumericClaim> claims, int first, string? source)
    {
        var anchors = Anchors(sentence);
        var nearest = 0;
        for (var c = first; c < claims.Count; c++)
        {
            var claim = claims[c];
            string? time = null;
            if (anchors.Count > 0)
            {
                // The claims are in text order and so are the dates: the nearest only moves forward.
                while (nearest + 1 < anchors.Count
                    && Math.Abs(sentence.Tokens[anchors[nearest + 1].Start].Start - claim.Start) <= Math.Abs(sentence.Tokens[anchors[nearest].Start].Start - claim.Start))
                {
                    nearest++;
                }

                var (_, end, anchorStart) = anchors[nearest];
                time = sentence.TextOf(anchorStart, end);
            }

            if (time is not null || source is not null)
            {
                claims[c] = claim with { Time = time, Source = source };
            }
        }
    }
}
