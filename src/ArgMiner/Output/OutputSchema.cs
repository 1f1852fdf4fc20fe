using System.Globalization;
using ArgMiner.Classification;
using ArgMiner.Tagging;
using ArgMiner.Text;

namespace ArgMiner.Output;

/// <summary>
/// The columns of ArgMiner's CSV tables. Indexes (sentence_id, paragraph, comment) are zero-based and
/// match the arrays of documents.jsonl; start and end are code point offsets into the document text.
/// </summary>
public static class OutputSchema
{
    /// <summary>documents.csv: doc_id, source, title, sentences, comments.</summary>
    public static IReadOnlyList<CsvColumn<DocumentContext>> DocumentColumns { get; } =
    [
        new("doc_id", d => d.Document.Id),
        new("source", d => d.Document.Source),
        new("title", d => d.Document.Title, IsText: true),
        new("sentences", d => Int(d.Document.Sentences.Length)),
        new("comments", d => Int(d.Document.CommentCount)),
    ];

    /// <summary>
    /// sentences.csv: doc_id, sentence_id, section, paragraph, comment, start, end, text, entities, numbers,
    /// label, confidence, p_claim, p_evidence, p_opinion, p_other, comment_id, comment_author (the reader
    /// comment's own id and author, as the input gave them; empty outside comments). Ids and paths are
    /// written as they are; free text (sentence, title, author, spans) is guarded by <see cref="CsvSafety"/>.
    /// </summary>
    public static IReadOnlyList<CsvColumn<SentenceRow>> SentenceColumns { get; } =
    [
        new("doc_id", r => r.Context.Document.Id),
        new("sentence_id", r => Int(r.Index)),
        new("section", r => r.Sentence.Section.ToName()),
        new("paragraph", r => Int(r.Sentence.Paragraph)),
        new("comment", r => r.Sentence.Comment is int c ? Int(c) : null),
        new("start", r => Int(r.Context.Map.ToCodePoint(r.Sentence.Start))),
        new("end", r => Int(r.Context.Map.ToCodePoint(r.Sentence.End))),
        new("text", r => r.Context.Document.Text[r.Sentence.Start..r.Sentence.End], IsText: true),
        new("entities", r => Int(r.Context.EntitiesPerSentence[r.Index])),
        new("numbers", r => Int(r.Context.NumbersPerSentence[r.Index])),
        new("label", r => Prediction(r)?.Label),
        new("confidence", r => Prediction(r) is { } p ? Probability(p.Confidence) : null),
        .. SentenceLabels.All.Select((label, k) => new CsvColumn<SentenceRow>("p_" + label, r => Prediction(r) is { } p ? Probability(p.Probabilities[k]) : null)),
        new("comment_id", r => Comment(r)?.Id),
        new("comment_author", r => Comment(r)?.Author, IsText: true),
    ];

    /// <summary>entities.csv: doc_id, sentence_id, start, end, text, type, source.</summary>
    public static IReadOnlyList<CsvColumn<EntityRow>> EntityColumns { get; } =
    [
        new("doc_id", r => r.Context.Document.Id),
        new("sentence_id", r => Int(r.Entity.Sentence)),
        new("start", r => Int(r.Context.Map.ToCodePoint(r.Entity.Start))),
        new("end", r => Int(r.Context.Map.ToCodePoint(r.Entity.End))),
        new("text", r => r.Context.Document.Text[r.Entity.Start..r.Entity.End], IsText: true),
        new("type", r => r.Entity.Type),
        new("source", r => SourceName(r.Entity.Source)),
    ];

    /// <summary>
    /// numbers.csv: doc_id, sentence_id, start, end, text, kind, value, low, high, qualifier, unit, period,
    /// counted, time, source.
    /// </summary>
    public static IReadOnlyList<CsvColumn<NumberRow>> NumberColumns { get; } =
    [
        new("doc_id", r => r.Context.Document.Id),
        new("sentence_id", r => Int(r.Claim.Sentence)),
        new("start", r => Int(r.Context.Map.ToCodePoint(r.Claim.Start))),
        new("end", r => Int(r.Context.Map.ToCodePoint(r.Claim.End))),
        new("text", r => r.Context.Document.Text[r.Claim.Start..r.Claim.End], IsText: true),
        new("kind", r => r.Claim.Kind),
        new("value", r => Number(r.Claim.Value)),
        new("low", r => Number(r.Claim.Low)),
        new("high", r => Number(r.Claim.High)),
        new("qualifier", r => r.Claim.Qualifier),
        new("unit", r => r.Claim.Unit, IsText: true),
        new("period", r => r.Claim.Period),
        new("counted", r => r.Claim.Counted, IsText: true),
        new("time", r => r.Claim.Time, IsText: true),
        new("source", r => r.Claim.Source, IsText: true),
    ];

    /// <summary>A number cell: invariant, shortest round-trip form, empty when absent.</summary>
    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A probability cell: four decimals, invariant.</summary>
    public static string Probability(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>The name written for an entity's source.</summary>
    public static string SourceName(EntitySource source) => source switch
    {
        EntitySource.Model => "model",
        EntitySource.Gazetteer => "gazetteer",
        EntitySource.Rules => "rules",
        _ => source.ToString().ToLowerInvariant(),
    };

    private static CommentInfo? Comment(SentenceRow r) =>
        r.Sentence.Comment is int c && c < r.Context.Document.Comments.Length ? r.Context.Document.Comments[c] : null;

    private static SentencePrediction? Prediction(SentenceRow r) =>
        r.Context.Document.Labels.Length == r.Context.Document.Sentences.Length && r.Context.Document.Labels.Length > 0
            ? r.Context.Document.Labels[r.Index]
            : null;

    /// <summary>An integer cell, invariant.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
