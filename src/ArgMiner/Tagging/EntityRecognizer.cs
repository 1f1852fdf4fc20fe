using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>Buffers one thread reuses across sentences.</summary>
internal sealed class RecognizerScratch
{
    public int[] Tags { get; set; } = new int[64];

    public List<TokenSpan> Model { get; } = [];

    public List<TokenSpan> Gazetteer { get; } = [];
}

/// <summary>An entity found in a sentence, with where it came from.</summary>
/// <param name="Span">Its tokens (relative to the sentence) and type.</param>
/// <param name="Source">The model or the gazetteer.</param>
public readonly record struct RecognizedEntity(TokenSpan Span, EntitySource Source);

/// <summary>
/// Finds entities in one sentence: the NER tagger's BIO tags decoded (with repair), then the gazetteer's
/// matches, which replace every model entity they overlap. Immutable and thread-safe.
/// </summary>
public sealed class EntityRecognizer
{
    private readonly BioDecoder _decoder;

    /// <summary>Combines a NER model with a gazetteer (use <see cref="Gazetteer.Empty"/> for none).</summary>
    public EntityRecognizer(AveragedPerceptronTagger model, Gazetteer gazetteer)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Gazetteer = gazetteer ?? throw new ArgumentNullException(nameof(gazetteer));
        _decoder = new BioDecoder(model.Classes);
    }

    /// <summary>The NER model.</summary>
    public AveragedPerceptronTagger Model { get; }

    /// <summary>The gazetteer.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>Appends the entities of one sentence, in token order, to <paramref name="result"/>.</summary>
    public void Recognize(string text, ReadOnlySpan<Token> tokens, List<RecognizedEntity> result) =>
        Recognize(text, tokens, result, new RecognizerScratch());

    /// <summary>
    /// As above, reusing <paramref name="scratch"/> (one per thread) so sentences allocate nothing; when
    /// <paramref name="keepModel"/> is given, model entities it rejects are dropped before the gazetteer
    /// is merged.
    /// </summary>
    internal void Recognize(string text, ReadOnlySpan<Token> tokens, List<RecognizedEntity> result, RecognizerScratch scratch, Func<TokenSpan, bool>? keepModel = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (tokens.IsEmpty)
        {
            return;
        }

        if (scratch.Tags.Length < tokens.Length)
        {
            scratch.Tags = new int[Math.Max(tokens.Length, 2 * scratch.Tags.Length)];
        }

        var model = scratch.Model;
        var gaz = scratch.Gazetteer;
        model.Clear();
        gaz.Clear();
        Model.Predict(text, tokens, scratch.Tags);
        _decoder.Decode(scratch.Tags.AsSpan(0, tokens.Length), model);
        SplitDateLists(text, tokens, model);
        JoinMidPrefix(text, tokens, model);
        if (keepModel is not null)
        {
            model.RemoveAll(e => !keepModel(e));
        }

        Gazetteer.Match(text, tokens, gaz);
        if (gaz.Count > 0)
        {
            KeepContainingModelEntities(model, gaz);
        }

        var m = 0;
        foreach (var ge in gaz)
        {
            while (m < model.Count && model[m].First + model[m].Count <= ge.First)
            {
                result.Add(new RecognizedEntity(model[m++], EntitySource.Model));
            }

            while (m < model.Count && model[m].First < ge.First + ge.Count)
            {
                m++;
            }

            result.Add(new RecognizedEntity(ge, EntitySource.Gazetteer));
        }

        while (m < model.Count)
        {
            result.Add(new RecognizedEntity(model[m++], EntitySource.Model));
        }
    }

    /// <summary>
    /// A model entity that strictly contains every gazetteer match it overlaps, each of them of its own type
    /// or a single token, is the better reading ("U.N. Security Council" over "U.N.", "U.S. Embassy" over
    /// "U.S."): those matches are dropped. Everywhere else the gazetteer wins over the model entities it
    /// overlaps. Both lists are in token order and short (one sentence).
    /// </summary>
    private static void KeepContainingModelEntities(List<TokenSpan> model, List<TokenSpan> gaz)
    {
        foreach (var me in model)
        {
            var end = me.First + me.Count;
            bool any = false, absorbs = true;
            foreach (var ge in gaz)
            {
                var geEnd = ge.First + ge.Count;
                if (ge.First >= end || geEnd <= me.First)
                {
                    continue;
                }

                any = true;
                absorbs &= ge.First >= me.First && geEnd <= end && ge.Count < me.Count && (ge.Type == me.Type || ge.Count == 1);
            }

            if (any && absorbs)
            {
                for (var g = gaz.Count - 1; g >= 0; g--)
                {
                    if (gaz[g].First >= me.First && gaz[g].First + gaz[g].Count <= end)
                    {
                        gaz.RemoveAt(g);
                    }
                }
            }
        }
    }

    /// <summary>
    /// GMB sometimes marks "December 2019 and January 2020" as one time expression; ArgMiner reports each
    /// date, so a DATE is split at "and" / "or" when both sides are non-empty.
    /// </summary>
    internal static void SplitDateLists(string text, ReadOnlySpan<Token> tokens, List<TokenSpan> spans)
    {
        for (var e = 0; e < spans.Count; e++)
        {
            var span = spans[e];
            if (span.Type != "DATE")
            {
                continue;
            }

            for (var k = span.First + 1; k < span.First + span.Count - 1; k++)
            {
                var word = tokens[k].In(text);
                if (word.SequenceEqual("and") || word.SequenceEqual("or"))
                {
                    spans[e] = new TokenSpan(span.First, k - span.First, "DATE");
                    spans.Insert(e + 1, new TokenSpan(k + 1, span.First + span.Count - k - 1, "DATE"));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// "mid-2025", "mid-July": the UD tokenizer splits them into "mid" "-" "2025", and GMB (retokenized) has
    /// too few such dates for the model to learn them, so a "mid" glued by a hyphen to a year, decade or
    /// month (or to a DATE the model found there) becomes one DATE, replacing what the model saw there.
    /// </summary>
    internal static void JoinMidPrefix(string text, ReadOnlySpan<Token> tokens, List<TokenSpan> spans)
    {
        for (var k = 0; k + 2 < tokens.Length; k++)
        {
            if (!tokens[k].In(text).Equals("mid", StringComparison.OrdinalIgnoreCase)
                || !tokens[k + 1].In(text).SequenceEqual("-")
                || tokens[k].End != tokens[k + 1].Start
                || tokens[k + 1].End != tokens[k + 2].Start)
            {
                continue;
            }

            var last = k + 2;
            var date = -1;
            for (var e = 0; e < spans.Count; e++)
            {
                if (spans[e].Type == "DATE" && spans[e].First <= k + 2 && spans[e].First + spans[e].Count > k + 2)
                {
                    date = e;
                }
            }

            if (date >= 0)
            {
                last = spans[date].First + spans[date].Count - 1;
            }
            else if (!LooksLikeDate(tokens[k + 2].In(text)))
            {
                continue;
            }

            for (var e = spans.Count - 1; e >= 0; e--)
            {
                if (spans[e].First <= last && spans[e].First + spans[e].Count > k)
                {
                    spans.RemoveAt(e);
                }
            }

            var at = 0;
            while (at < spans.Count && spans[at].First < k)
            {
                at++;
            }

            spans.Insert(at, new TokenSpan(k, last - k + 1, "DATE"));
            k = last;
        }
    }

    private static bool LooksLikeDate(ReadOnlySpan<char> word)
    {
        // A year (1990, 2025), a decade (1990s) or a month name.
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        if (digits == 4 && (word.Length == 4 || (word.Length == 5 && word[4] == 's')))
        {
            return true;
        }

        foreach (var month in Months)
        {
            if (word.Equals(month, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];

    /// <summary>The entities of a gold sentence (for evaluation).</summary>
    public IReadOnlyList<TokenSpan> Recognize(TaggedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var result = new List<RecognizedEntity>();
        Recognize(sentence.Text, sentence.Tokens.AsSpan(), result);
        return [.. result.Select(e => e.Span)];
    }
}
