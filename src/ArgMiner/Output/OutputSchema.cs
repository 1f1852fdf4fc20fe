using System.Globalization;
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
        new("sentences", d => Int(d.Document.Sentences.Length)),
        new("comments", d => Int(d.Document.CommentCount)),
    ];

    /// <summary>sentences.csv: doc_id, sentence_id, section, paragraph, comment, start, end, text.</summary>
    public static IReadOnlyList<CsvColumn<SentenceRow>> SentenceColumns { get; } =
    [
        new("doc_id", r => r.Context.Document.Id, IsText: true),
        new("sentence_id", r => Int(r.Index)),
        new("section", r => r.Sentence.Section.ToName()),
        new("paragraph", r => Int(r.Sentence.Paragraph)),
        new("comment", r => r.Sentence.Comment is int c ? Int(c) : null),
        new("start", r => Int(r.Context.Map.ToCodePoint(r.Sentence.Start))),
        new("end", r => Int(r.Context.Map.ToCodePoint(r.Sentence.End))),
        new("text", r => r.Context.Document.Text[r.Sentence.Start..r.Sentence.End], IsText: true),
    ];

    /// <summary>An integer cell, invariant.</summary>
    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
