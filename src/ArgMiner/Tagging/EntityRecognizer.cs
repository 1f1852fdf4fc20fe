using System.Runtime.InteropServices;
using ArgMiner.Numbers;
using ArgMiner.Numbers.Grammar;
using ArgMiner.Text;

namespace ArgMiner.Tagging;

/// <summary>Buffers one thread reuses across sentences.</summary>
internal sealed class RecognizerScratch
{
    /// <summary>The tagger's class per token.</summary>
    public int[] Tags { get; set; } = new int[64];

    /// <summary>The model's entities of the sentence.</summary>
    public List<TokenSpan> Model { get; } = [];

    /// <summary>The gazetteer's matches in the sentence.</summary>
    public List<TokenSpan> Gazetteer { get; } = [];
}

/// <summary>An entity found in a sentence, with where it came from.</summary>
/// <param name="Span">Its tokens (relative to the sentence) and type.</param>
/// <param name="Source">The model or the gazetteer.</param>
public readonly record struct RecognizedEntity(TokenSpan Span, EntitySource Source);

/// <summary>
/// Finds entities in one sentence: the NER tagger's BIO tags decoded (with repair), two date rules, then
/// the gazetteer's matches, which replace the model entities they overlap. The gazetteer acts after the
/// model rather than as a model feature, so the shipped model does not depend on the user's edits of the
/// gazetteer file and an added name takes effect at once without retraining. Immutable and thread-safe.
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
        Gazetteer.Match(text, tokens, gaz);
        Model.Predict(text, tokens, scratch.Tags, CollectionsMarshal.AsSpan(gaz));
        _decoder.Decode(scratch.Tags.AsSpan(0, tokens.Length), model);
        SplitDateLists(text, tokens, model);
        JoinMidPrefix(text, tokens, model);
        JoinMonthYear(text, tokens, model);
        FixNameBoundaries(text, tokens, model);
        if (keepModel is not null)
        {
            model.RemoveAll(e => !keepModel(e));
        }

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
        // Both lists are sorted and free of overlaps, so one sweep finds, for each model entity, the run
        // of gazetteer matches it overlaps (linear even for a sentence of 100,000 names).
        var dropped = 0;
        var g0 = 0;
        foreach (var me in model)
        {
            var end = me.First + me.Count;
            while (g0 < gaz.Count && gaz[g0].First + gaz[g0].Count <= me.First)
            {
                g0++;
            }

            var g1 = g0;
            var absorbs = true;
            while (g1 < gaz.Count && gaz[g1].First < end)
            {
                var ge = gaz[g1++];
                absorbs &= ge.Count > 0 && ge.First >= me.First && ge.First + ge.Count <= end && ge.Count < me.Count && (ge.Type == me.Type || ge.Count == 1);
            }

            if (g1 > g0 && absorbs)
            {
                for (var g = g0; g < g1; g++)
                {
                    gaz[g] = gaz[g] with { Count = 0 };
                    dropped++;
                }
            }
        }

        if (dropped > 0)
        {
            gaz.RemoveAll(static ge => ge.Count == 0);
        }
    }

    /// <summary>
    /// Boundaries a reader expects, whatever the model learnt from corpora that disagree: a greeting or a
    /// title before a person ("Hi Dana", "Dr. Smith") and a possessive after any name ("Google's") are
    /// not part of it; a company's legal suffix after a name ("Acme Ltd.", "Apple, Inc.") is, and makes
    /// it an ORG; a lone Roman numeral or single capital letter is no name ("Part II", "I"), nor the label of a
    /// contact field ("Fax", "Tel", "Email").
    /// </summary>
    internal static void FixNameBoundaries(string text, ReadOnlySpan<Token> tokens, List<TokenSpan> spans)
    {
        var changed = false;
        for (var e = 0; e < spans.Count; e++)
        {
            var span = spans[e];
            if (span.Type is "DATE" or "EVENT")
            {
                continue;
            }

            var first = span.First;
            var end = span.First + span.Count;
            var type = span.Type;
            while (end - first > 0 && IsPossessive(tokens[end - 1].In(text)))
            {
                end--;
            }

            if (type == "PERSON")
            {
                while (end - first > 1 && (PersonTitles.Contains(tokens[first].In(text)) || GreetingLookup.Contains(tokens[first].In(text))))
                {
                    first++;
                }
            }

            // "Fax: 713 …": the label of a contact field alone is no name ("Tel Aviv" stays one).
            if (end - first == 1 && FieldLabelLookup.Contains(tokens[first].In(text)))
            {
                end = first;
            }

            // "Acme Ltd." or "Apple, Inc.": the suffix joins the name when nothing but a comma lies between.
            var next = end < tokens.Length && tokens[end].In(text).SequenceEqual(",") ? end + 1 : end;
            var limit = e + 1 < spans.Count ? spans[e + 1].First : tokens.Length;
            if (end - first > 0 && next < limit && CompanySuffixLookup.Contains(tokens[next].In(text)))
            {
                end = next + 1;
                type = "ORG";
            }

            if (end - first == 1 && IsRomanNumeralOrInitial(tokens[first].In(text)))
            {
                end = first;
            }

            var fixedSpan = new TokenSpan(first, end - first, type);
            if (fixedSpan != span)
            {
                spans[e] = fixedSpan;
                changed = true;
            }
        }

        if (changed)
        {
            spans.RemoveAll(static s => s.Count <= 0);
        }
    }

    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Hi", "Hello", "Hey", "Dear", "Thanks", "Thank", "Cheers", "Regards", "Best", "Sincerely", "Love",
        "Congrats", "Congratulations", "Welcome", "Bye", "Goodbye", "Morning", "Evening", "Yo", "Attn", "Attn.",
    };

    /// <summary>
    /// Labels of contact and header fields in e-mail signatures and web pages, which the model took for names
    /// ("Fax" was a PERSON 14 times in UD EWT train's e-mails).
    /// </summary>
    private static readonly HashSet<string> FieldLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Fax", "Tel", "Tel.", "Phone", "Telephone", "Email", "E-mail", "Cell", "Mobile", "Pager", "Subject", "Cc", "Bcc",
    };

    private static readonly HashSet<string> CompanySuffixes = new(StringComparer.Ordinal)
    {
        "Inc", "Inc.", "Corp", "Corp.", "Co.", "Ltd", "Ltd.", "LLC", "L.L.C.", "LLP", "plc", "PLC", "GmbH", "AG",
        "S.A.", "N.V.", "B.V.", "Pty", "Pty.", "Limited", "Incorporated", "Corporation",
    };

    // Looked up straight from the text: a string per checked token was 2.4 MB of the 4 MB benchmark text's
    // allocations (issue 12, session 33). Same comparers, so the same answers.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GreetingLookup = Greetings.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FieldLabelLookup = FieldLabels.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CompanySuffixLookup = CompanySuffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsPossessive(ReadOnlySpan<char> word) =>
        word.SequenceEqual("'s") || word.SequenceEqual("\u2019s") || word.SequenceEqual("'S") || word.SequenceEqual("'") || word.SequenceEqual("\u2019");

    private static bool IsRomanNumeralOrInitial(ReadOnlySpan<char> word)
    {
        if (word.Length == 1)
        {
            return char.IsUpper(word[0]);
        }

        if (word.Length > 4)
        {
            return false;
        }

        foreach (var c in word)
        {
            if (c is not ('I' or 'V' or 'X'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// GMB sometimes marks "December 2019 and January 2020" as one time expression; ArgMiner reports each
    /// date, so a DATE is split at "and" / "or" when both sides are non-empty.
    /// </summary>
    internal static void SplitDateLists(string text, ReadOnlySpan<Token> tokens, List<TokenSpan> spans)
    {
        List<TokenSpan>? result = null;
        for (var e = 0; e < spans.Count; e++)
        {
            var span = spans[e];
            var split = -1;
            if (span.Type == "DATE")
            {
                for (var k = span.First + 1; k < span.First + span.Count - 1; k++)
                {
                    var word = tokens[k].In(text);
                    if (word.SequenceEqual("and") || word.SequenceEqual("or"))
                    {
                        split = k;
                        break;
                    }
                }
            }

            if (split < 0)
            {
                result?.Add(span);
                continue;
            }

            // Rebuilt into a new list (not inserted in place) so many splits stay linear.
            result ??= [.. spans.Take(e)];
            result.Add(new TokenSpan(span.First, split - span.First, "DATE"));
            var rest = new TokenSpan(split + 1, span.First + span.Count - split - 1, "DATE");
            spans[e] = rest;
            e--;
        }

        if (result is not null)
        {
            spans.Clear();
            spans.AddRange(result);
        }
    }

    /// <summary>
    /// "mid-2025", "mid-July": the UD tokenizer splits them into "mid" "-" "2025", and GMB (retokenized) has
    /// too few such dates for the model to learn them, so a "mid" glued by a hyphen to a year, decade or
    /// month (or to a DATE the model found there) becomes one DATE, replacing what the model saw there.
    /// </summary>
    internal static void JoinMidPrefix(string text, ReadOnlySpan<Token> tokens, List<TokenSpan> spans)
    {
        List<TokenSpan>? dates = null;
        var e = 0;
        for (var k = 0; k + 2 < tokens.Length; k++)
        {
            if (!tokens[k].In(text).Equals("mid", StringComparison.OrdinalIgnoreCase)
                || !tokens[k + 1].In(text).SequenceEqual("-")
                || tokens[k].End != tokens[k + 1].Start
                || tokens[k + 1].End != tokens[k + 2].Start)
            {
                continue;
            }

            // The model's DATE that covers the word after the hyphen, if any (spans are sorted).
            while (e < spans.Count && spans[e].First + spans[e].Count <= k + 2)
            {
                e++;
            }

            int last;
            if (e < spans.Count && spans[e].Type == "DATE" && spans[e].First <= k + 2)
            {
                last = spans[e].First + spans[e].Count - 1;
            }
            else if (LooksLikeDate(tokens[k + 2].In(text)))
            {
                last = k + 2;
            }
            else
            {
                continue;
            }

            (dates ??= []).Add(new TokenSpan(k, last - k + 1, "DATE"));
            k = last;
        }

        if (dates is null)
        {
            return;
        }

        // Merge: the joined dates replace every model entity they overlap.
        var merged = new List<TokenSpan>(spans.Count + dates.Count);
        var d = 0;
        foreach (var span in spans)
        {
            while (d < dates.Count && dates[d].First + dates[d].Count <= span.First)
            {
                merged.Add(dates[d++]);
            }

            var overlaps = d < dates.Count && dates[d].First < span.First + span.Count;
            if (!overlaps)
            {
                merged.Add(span);
            }
        }

        while (d < dates.Count)
        {
            merged.Add(dates[d++]);
        }

        spans.Clear();
        spans.AddRange(merged);
    }

    /// <summary>
    /// "since October 2023", "in Dec. 2019": a month (or its abbreviation) and the year after it are one date, as
    /// GMB, OntoNotes and a reader take them. The model sometimes stops a DATE at the month (two of the seed articles' dates, with the word
    /// clusters of session 25), so a DATE ending on a month name takes the four-digit year that follows it after
    /// white space, joining a DATE that starts there; a year inside an entity of another type is left alone.
    /// </summary>
    internal static void JoinMonthYear(string text, ReadOnlySpan<Token> tokens, List<TokenSpan> spans)
    {
        List<TokenSpan>? result = null;
        for (var e = 0; e < spans.Count; e++)
        {
            var span = spans[e];
            var last = span.First + span.Count - 1;
            var year = last + 1;
            var joins = span.Type == "DATE"
                && year < tokens.Length
                && IsMonthOrAbbreviation(tokens[last].In(text))
                && IsYear(tokens[year].In(text))
                && text.AsSpan(tokens[last].End, tokens[year].Start - tokens[last].End).IsWhiteSpace();
            var next = e + 1 < spans.Count && spans[e + 1].First == year ? spans[e + 1] : (TokenSpan?)null;
            if (!joins || next is { Type: not "DATE" })
            {
                result?.Add(span);
                continue;
            }

            // Rebuilt into a new list (not changed in place) so a sentence of many dates stays linear.
            result ??= [.. spans.Take(e)];
            var end = next is { } date ? date.First + date.Count : year + 1;
            result.Add(new TokenSpan(span.First, end - span.First, "DATE"));
            if (next is not null)
            {
                e++;
            }
        }

        if (result is not null)
        {
            spans.Clear();
            spans.AddRange(result);
        }
    }

    private static bool IsMonth(ReadOnlySpan<char> word)
    {
        foreach (var month in Months)
        {
            if (word.Equals(month, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The numbers stage's month table (names and abbreviations), an abbreviation's full stop aside, as its date
    // grammar reads "Oct." as one token.
    private static bool IsMonthOrAbbreviation(ReadOnlySpan<char> word) =>
        LexiconLookup.TryLookup(NumberLexicon.Months, word.Length > 3 && word[^1] == '.' ? word[..^1] : word, out _);

    private static bool IsYear(ReadOnlySpan<char> word) =>
        word.Length == 4 && word[0] is '1' or '2' && char.IsAsciiDigit(word[1]) && char.IsAsciiDigit(word[2]) && char.IsAsciiDigit(word[3]);

    private static bool LooksLikeDate(ReadOnlySpan<char> word)
    {
        // A year (1990, 2025), a decade (1990s) or a month name.
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }

        return (digits == 4 && (word.Length == 4 || (word.Length == 5 && word[4] == 's'))) || IsMonth(word);
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
