using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Text;

namespace ArgMiner.Numbers;

/// <summary>
/// Requires tokens and sentences (and entities, when <see cref="AddDateEntities"/>); assigns
/// <see cref="Document.Numbers"/>, and adds the grammar's calendar dates to <see cref="Document.Entities"/>
/// as DATE entities where the entity recogniser found none ("early 2024" where it found only "2024"), and drops the
/// recogniser's DATE entities inside a phone number, a score or a rank ("0000" in "+44 20 7946 0000", "fourth").
/// Each sentence is read on its own, so a claim never crosses a sentence. Stateless: one instance serves
/// every thread.
/// </summary>
public sealed class NumericClaimStage : ICancellableProcess
{
    [ThreadStatic]
    private static List<NumericClaim>? t_claims;

    [ThreadStatic]
    private static List<DateSpan>? t_dates;

    [ThreadStatic]
    private static List<CodeSpan>? t_codes;

    /// <summary>Whether the grammar's dates join the entity layer (on by default).</summary>
    public bool AddDateEntities { get; init; } = true;

    /// <inheritdoc/>
    public string Name => "numbers";

    /// <inheritdoc/>
    public DocumentLayers Requires => DocumentLayers.Tokens | DocumentLayers.Sentences | (AddDateEntities ? DocumentLayers.Entities : DocumentLayers.None);

    /// <summary>The numeric claims, and, with <see cref="AddDateEntities"/>, the grammar's dates added to the entities.</summary>
    public DocumentLayers Assigns => DocumentLayers.Numbers | (AddDateEntities ? DocumentLayers.Entities : DocumentLayers.None);

    /// <inheritdoc/>
    public Document Process(Document document) => Process(document, CancellationToken.None);

    /// <inheritdoc/>
    public Document Process(Document document, CancellationToken cancellation)
    {
        this.EnsureRequired(document);

        // This thread's lists, reused document after document (the runner calls the stage from several threads).
        var claims = t_claims ??= [];
        var dates = AddDateEntities ? (t_dates ??= []) : null;
        var codes = AddDateEntities ? (t_codes ??= []) : null;
        claims.Clear();
        dates?.Clear();
        codes?.Clear();
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            StageCancellation.Check(s, cancellation);
            NumericClaimExtractor.Analyze(document.Text, document.TokensOf(document.Sentences[s]), s, claims, dates, null, codes);
        }

        var layers = document.Layers | Assigns;
        var entities = document.Entities;
        if (AddDateEntities)
        {
            entities = DropFalseDates(entities, codes!, claims);
            if (dates is { Count: > 0 })
            {
                entities = MergeDates(entities, dates);
            }
        }

        return document with { Numbers = [.. claims], Entities = entities, Layers = layers };
    }

    /// <summary>
    /// Drops the recogniser's DATE entities that lie inside digits the grammar knows are no date: a phone number or
    /// a score (<paramref name="codes"/>), or a rank ("fourth", an ordinal claim). Both lists are in text order.
    /// </summary>
    internal static System.Collections.Immutable.ImmutableArray<Entity> DropFalseDates(System.Collections.Immutable.ImmutableArray<Entity> entities, List<CodeSpan> codes, List<NumericClaim> claims)
    {
        if (entities.IsDefaultOrEmpty)
        {
            return entities;
        }

        // A loop rather than LINQ with closures: this runs for every document; most keep every entity and
        // allocate nothing.
        System.Collections.Immutable.ImmutableArray<Entity>.Builder? kept = null;
        Blockers? blockers = null;
        for (var e = 0; e < entities.Length; e++)
        {
            var entity = entities[e];
            if (entity.Type == "DATE" && entity.Source == EntitySource.Model && (blockers ??= new Blockers(codes, claims)).Cover(entity))
            {
                if (kept is null)
                {
                    kept = System.Collections.Immutable.ImmutableArray.CreateBuilder<Entity>(entities.Length - 1);
                    for (var k = 0; k < e; k++)
                    {
                        kept.Add(entities[k]);
                    }
                }
            }
            else
            {
                kept?.Add(entity);
            }
        }

        return kept is null ? entities : kept.ToImmutable();
    }

    /// <summary>
    /// The spans a model DATE may not lie inside (phone numbers and scores, ordinal claims), sorted by start with the
    /// furthest end reached so far, so each date is checked by one binary search: checking every span for every date
    /// was quadratic (a paragraph of 40,000 numbered sentences spent 4 s here).
    /// </summary>
    private sealed class Blockers
    {
        private readonly int[] _starts;
        private readonly int[] _furthestEnds;

        public Blockers(List<CodeSpan> codes, List<NumericClaim> claims)
        {
            var spans = new List<(int Start, int End)>(codes.Count);
            foreach (var code in codes)
            {
                spans.Add((code.Start, code.End));
            }

            foreach (var claim in claims)
            {
                if (claim.Kind == NumericKinds.Ordinal)
                {
                    spans.Add((claim.Start, claim.End));
                }
            }

            spans.Sort();
            _starts = new int[spans.Count];
            _furthestEnds = new int[spans.Count];
            var furthest = int.MinValue;
            for (var i = 0; i < spans.Count; i++)
            {
                _starts[i] = spans[i].Start;
                furthest = Math.Max(furthest, spans[i].End);
                _furthestEnds[i] = furthest;
            }
        }

        /// <summary>Whether some span starts at or before the entity and ends at or after it.</summary>
        public bool Cover(Entity entity)
        {
            // The last span starting at or before the entity; the furthest end among it and those before it.
            var at = Array.BinarySearch(_starts, entity.Start);
            if (at < 0)
            {
                at = ~at - 1;
            }
            else
            {
                while (at + 1 < _starts.Length && _starts[at + 1] == entity.Start)
                {
                    at++;
                }
            }

            return at >= 0 && _furthestEnds[at] >= entity.End;
        }
    }

    /// <summary>
    /// Adds each date that overlaps no entity; a date that covers only DATE entities replaces them (it is
    /// the longer reading); a date that overlaps any other entity is dropped. Both lists are in text order,
    /// so this is one merge pass.
    /// </summary>
    internal static System.Collections.Immutable.ImmutableArray<Entity> MergeDates(System.Collections.Immutable.ImmutableArray<Entity> entities, List<DateSpan> dates)
    {
        dates.Sort((a, b) => a.Start.CompareTo(b.Start));
        var result = new List<Entity>(entities.Length + dates.Count);
        var e = 0;
        foreach (var date in dates)
        {
            while (e < entities.Length && entities[e].End <= date.Start)
            {
                result.Add(entities[e++]);
            }

            var overlap = e;
            var onlyDates = true;
            while (overlap < entities.Length && entities[overlap].Start < date.End)
            {
                onlyDates &= entities[overlap].Type == "DATE" && entities[overlap].Start >= date.Start && entities[overlap].End <= date.End;
                overlap++;
            }

            if (onlyDates)
            {
                var same = overlap == e + 1 && entities[e].Start == date.Start && entities[e].End == date.End;
                result.Add(same ? entities[e] : new Entity(date.Start, date.End, "DATE", EntitySource.Rules, date.Sentence));
                e = overlap;
            }
        }

        while (e < entities.Length)
        {
            result.Add(entities[e++]);
        }

        return [.. result];
    }
}
