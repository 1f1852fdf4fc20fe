using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Text;

namespace ArgMiner.Numbers;

/// <summary>
/// Requires tokens and sentences (and entities, when <see cref="AddDateEntities"/>); assigns
/// <see cref="Document.Numbers"/>, and adds the grammar's calendar dates to <see cref="Document.Entities"/>
/// as DATE entities where the entity recogniser found none ("early 2024" where it found only "2024").
/// Each sentence is read on its own, so a claim never crosses a sentence. Stateless: one instance serves
/// every thread.
/// </summary>
public sealed class NumericClaimStage : IProcess
{
    /// <summary>Whether the grammar's dates join the entity layer (on by default).</summary>
    public bool AddDateEntities { get; init; } = true;

    /// <inheritdoc/>
    public string Name => "numbers";

    /// <inheritdoc/>
    public DocumentLayers Requires => DocumentLayers.Tokens | DocumentLayers.Sentences | (AddDateEntities ? DocumentLayers.Entities : DocumentLayers.None);

    /// <summary>The numeric claims, and, with <see cref="AddDateEntities"/>, the grammar's dates added to the entities.</summary>
    public DocumentLayers Assigns => DocumentLayers.Numbers | (AddDateEntities ? DocumentLayers.Entities : DocumentLayers.None);

    /// <inheritdoc/>
    public Document Process(Document document)
    {
        this.EnsureRequired(document);
        var claims = new List<NumericClaim>();
        var dates = AddDateEntities ? new List<DateSpan>() : null;
        for (var s = 0; s < document.Sentences.Length; s++)
        {
            NumericClaimExtractor.Analyze(document.Text, document.TokensOf(document.Sentences[s]), s, claims, dates);
        }

        var layers = document.Layers | Assigns;
        return dates is { Count: > 0 }
            ? document with { Numbers = [.. claims], Entities = MergeDates(document.Entities, dates), Layers = layers }
            : document with { Numbers = [.. claims], Layers = layers };
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
