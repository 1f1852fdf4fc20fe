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
        new("doc_id", d => d.Document.Id, IsText: true),
        new("source", d => d.Document.Source, IsText: true),
        new("title", d => d.Document.Title, IsText: true),
        new("sentences", d => Int(d.Document.Sentences.Length), Type: ColumnType.Integer),
        new("comments", d => Int(d.Document.CommentCount), Type: ColumnType.Integer),
    ];

    /// <summary>
    /// sentences.csv: doc_id, sentence_id, section, paragraph, comment, start, end, text, entities, numbers,
    /// label, confidence, p_claim, p_evidence, p_opinion, p_other, comment_id, comment_author (the reader
    /// comment's own id and author, as the input gave them; empty outside comments). Every cell whose value comes
    /// from the input (sentence, title, author, spans, and the ids and paths, which a feed or a file name sets) is
    /// guarded by <see cref="CsvSafety"/>; labels, sections and numbers are ArgMiner's own and written as they are.
    /// </summary>
    public static IReadOnlyList<CsvColumn<SentenceRow>> SentenceColumns { get; } =
    [
        new("doc_id", r => r.Context.Document.Id, IsText: true),
        new("sentence_id", r => Int(r.Index), Type: ColumnType.Integer, Cell: (r, s) => CsvCells.Int(r.Index, s)),
        new("section", r => r.Sentence.Section.ToName()),
        new("paragraph", r => Int(r.Sentence.Paragraph), Type: ColumnType.Integer, Cell: (r, s) => CsvCells.Int(r.Sentence.Paragraph, s)),
        new("comment", r => r.Sentence.Comment is int c ? Int(c) : null, Type: ColumnType.Integer, Cell: (r, s) => r.Sentence.Comment is int c ? CsvCells.Int(c, s) : default),
        new("start", r => Int(r.Context.Map.ToCodePoint(r.Sentence.Start)), Type: ColumnType.Integer, Cell: (r, s) => CsvCells.Int(r.Context.Map.ToCodePoint(r.Sentence.Start), s)),
        new("end", r => Int(r.Context.Map.ToCodePoint(r.Sentence.End)), Type: ColumnType.Integer, Cell: (r, s) => CsvCells.Int(r.Context.Map.ToCodePoint(r.Sentence.End), s)),
        new("text", r => r.Context.Document.Text[r.Sentence.Start..r.Sentence.End], IsText: true, Cell: (r, _) => r.Context.Document.Text.AsSpan(r.Sentence.Start, r.Sentence.End - r.Sentence.Start)),
        new("entities", r => Int(r.Context.EntitiesPerSentence[r.Index]), Type: ColumnType.Integer, Cell: (r, s) => CsvCells.Int(r.Context.EntitiesPerSentence[r.Index], s)),
        new("numbers", r => Int(r.Context.NumbersPerSentence[r.Index]), Type: ColumnType.Integer, Cell: (r, s) => CsvCells.Int(r.Context.NumbersPerSentence[r.Index], s)),
        new("label", r => Prediction(r)?.Label),
        new("confidence", r => Prediction(r) is { } p ? Probability(p.Confidence) : null, Type: ColumnType.Number, Cell: (r, s) => Prediction(r) is { } p ? CsvCells.Probability(p.Confidence, s) : default),
        .. SentenceLabels.All.Select((label, k) => new CsvColumn<SentenceRow>("p_" + label, r => Prediction(r) is { } p ? Probability(p.Probabilities[k]) : null, Type: ColumnType.Number, Cell: (r, s) => Prediction(r) is { } p ? CsvCells.Probability(p.Probabilities[k], s) : default)),
        new("comment_id", r => Comment(r)?.Id, IsText: true),
        new("comment_author", r => Comment(r)?.Author, IsText: true),
    ];

    /// <summary>
    /// entities.csv: doc_id, sentence_id, start, end, text, type, source; documents.jsonl's entity objects hold the
    /// same fields but the document id (the sentence index as <c>sentence</c>).
    /// </summary>
    public static IReadOnlyList<CsvColumn<EntityRow>> EntityColumns { get; } =
    [
        new("doc_id", r => r.Context.Document.Id, IsText: true),
        new("sentence_id", r => Int(r.Entity.Sentence), Type: ColumnType.Integer, JsonName: "sentence", Cell: (r, s) => CsvCells.Int(r.Entity.Sentence, s)),
        new("start", r => Int(r.Context.Map.ToCodePoint(r.Entity.Start)), Type: ColumnType.Integer, JsonName: "start", Cell: (r, s) => CsvCells.Int(r.Context.Map.ToCodePoint(r.Entity.Start), s)),
        new("end", r => Int(r.Context.Map.ToCodePoint(r.Entity.End)), Type: ColumnType.Integer, JsonName: "end", Cell: (r, s) => CsvCells.Int(r.Context.Map.ToCodePoint(r.Entity.End), s)),
        new("text", r => r.Context.Document.Text[r.Entity.Start..r.Entity.End], IsText: true, JsonName: "text", Cell: (r, _) => r.Context.Document.Text.AsSpan(r.Entity.Start, r.Entity.End - r.Entity.Start)),
        new("type", r => r.Entity.Type, JsonName: "type"),
        new("source", r => SourceName(r.Entity.Source), JsonName: "source"),
    ];

    /// <summary>
    /// numbers.csv: doc_id, sentence_id, start, end, text, kind, value, low, high, qualifier, unit, period,
    /// counted, time, source; documents.jsonl's number objects hold the same fields but the document id.
    /// </summary>
    public static IReadOnlyList<CsvColumn<NumberRow>> NumberColumns { get; } =
    [
        new("doc_id", r => r.Context.Document.Id, IsText: true),
        new("sentence_id", r => Int(r.Claim.Sentence), Type: ColumnType.Integer, JsonName: "sentence", Cell: (r, s) => CsvCells.Int(r.Claim.Sentence, s)),
        new("start", r => Int(r.Context.Map.ToCodePoint(r.Claim.Start)), Type: ColumnType.Integer, JsonName: "start", Cell: (r, s) => CsvCells.Int(r.Context.Map.ToCodePoint(r.Claim.Start), s)),
        new("end", r => Int(r.Context.Map.ToCodePoint(r.Claim.End)), Type: ColumnType.Integer, JsonName: "end", Cell: (r, s) => CsvCells.Int(r.Context.Map.ToCodePoint(r.Claim.End), s)),
        new("text", r => r.Context.Document.Text[r.Claim.Start..r.Claim.End], IsText: true, JsonName: "text", Cell: (r, _) => r.Context.Document.Text.AsSpan(r.Claim.Start, r.Claim.End - r.Claim.Start)),
        new("kind", r => r.Claim.Kind, JsonName: "kind"),
        new("value", r => Number(r.Claim.Value), Type: ColumnType.Number, JsonName: "value"),
        new("low", r => Number(r.Claim.Low), Type: ColumnType.Number, JsonName: "low"),
        new("high", r => Number(r.Claim.High), Type: ColumnType.Number, JsonName: "high"),
        new("qualifier", r => r.Claim.Qualifier, JsonName: "qualifier"),
        new("unit", r => r.Claim.Unit, IsText: true, JsonName: "unit"),
        new("period", r => r.Claim.Period, JsonName: "period"),
        new("counted", r => r.Claim.Counted, IsText: true, JsonName: "counted"),
        new("time", r => r.Claim.Time, IsText: true, JsonName: "time"),
        new("source", r => r.Claim.Source, IsText: true, JsonName: "source"),
    ];

    /// <summary>
    /// A number cell: invariant, shortest round-trip form, empty when absent or not finite (a figure beyond a double,
    /// "1e400", parses to infinity: every format leaves it empty, as documents.jsonl writes null).
    /// </summary>
    public static string? Number(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : null;

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
