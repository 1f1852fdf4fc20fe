using ArgMiner.Text;

namespace ArgMiner.Classification;

/// <summary>
/// Tags bare sentences (training rows, <c>classify --tag</c> lines) as <c>argminer run</c> tags the sentences of
/// a document before classifying them: each sentence is its own document and goes through the tagging stages
/// the analysis pipeline (<c>TextPipeline.CreateAnalysis</c>: (tokenize, split, POS, entities with the gazetteer, numeric claims
/// with their DATE entities), and its entity types and number kinds are read off the layers by the same
/// mapping <see cref="SentenceClassifier.PredictDocument"/> uses. So a model trained on tagged rows sees the
/// features it will see in <c>run</c>. Immutable and thread-safe; deterministic whatever the thread count.
/// </summary>
public sealed class SentenceTagger
{
    private readonly Func<Document, Document> _analyse;

    /// <summary>
    /// A tagger that runs <paramref name="analyse"/> on each sentence as a document of its own; it must
    /// tokenize, split and tag. The composition root builds the one <c>run</c> uses
    /// (<c>TextPipeline.CreateSentenceTagger</c>), so this class depends on no pipeline.
    /// </summary>
    public SentenceTagger(Func<Document, Document> analyse)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        _analyse = analyse;
    }

    /// <summary>
    /// <paramref name="context"/> (section, position… kept as given) with the entity types and number kinds
    /// of <paramref name="text"/>; both are lists, empty when nothing was found. Should the splitter cut the
    /// text into several sentences, their tags are joined in order.
    /// </summary>
    public SentenceContext Tag(string text, in SentenceContext context = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var section = context.Section ?? Section.Body;
        var comment = section == Section.Comment ? 0 : (int?)null;
        var document = _analyse(new Document
        {
            Id = "sentence",
            Source = "sentence",
            Text = text,
            Paragraphs = text.Length == 0 ? [] : [new Paragraph(0, text.Length, section, comment)],
            Comments = comment is null ? [] : [new CommentInfo(0, null, null)],
        });
        var (numbers, entities) = SentenceClassifier.SentenceTags(document);
        return context with { NumberKinds = Join(numbers), EntityTypes = Join(entities) };
    }

    /// <summary>
    /// Tags many sentences on up to <paramref name="jobs"/> threads (0: one per core); the result is in input
    /// order and the same whatever <paramref name="jobs"/> is. <paramref name="contexts"/>, when given, holds
    /// one context per text to keep.
    /// </summary>
    public SentenceContext[] TagAll(IReadOnlyList<string> texts, IReadOnlyList<SentenceContext>? contexts = null, int jobs = 0)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (contexts is not null && contexts.Count != texts.Count)
        {
            throw new ArgumentException("one context per text is needed", nameof(contexts));
        }

        var result = new SentenceContext[texts.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = jobs > 0 ? jobs : Environment.ProcessorCount };
        // Each sentence is tagged on its own and written to its own slot: order and output do not depend on scheduling.
        Parallel.For(0, texts.Count, options, i => result[i] = Tag(texts[i], contexts is null ? default : contexts[i]));
        return result;
    }

    /// <summary>The rows with their entity types and number kinds set (text, label, section, position… unchanged), in input order.</summary>
    public IReadOnlyList<LabelledSentence> TagRows(IReadOnlyList<LabelledSentence> rows, int jobs = 0)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var tags = TagAll([.. rows.Select(r => r.Text)], [.. rows.Select(r => r.Context)], jobs);
        var result = new LabelledSentence[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            result[i] = rows[i] with { NumberKinds = tags[i].NumberKinds, EntityTypes = tags[i].EntityTypes };
        }

        return result;
    }

    private static IReadOnlyList<string> Join(IReadOnlyList<string>?[] parts)
    {
        if (parts.Length == 1)
        {
            return parts[0] ?? [];
        }

        var all = new List<string>();
        foreach (var part in parts)
        {
            all.AddRange(part ?? []);
        }

        return all;
    }
}
