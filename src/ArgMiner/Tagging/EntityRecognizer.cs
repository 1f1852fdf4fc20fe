using System.Buffers;
using ArgMiner.Text;

namespace ArgMiner.Tagging;

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
    public void Recognize(string text, ReadOnlySpan<Token> tokens, List<RecognizedEntity> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (tokens.IsEmpty)
        {
            return;
        }

        var tags = ArrayPool<int>.Shared.Rent(tokens.Length);
        var model = new List<TokenSpan>();
        var gaz = new List<TokenSpan>();
        try
        {
            Model.Predict(text, tokens, tags);
            _decoder.Decode(tags.AsSpan(0, tokens.Length), model);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(tags);
        }

        Gazetteer.Match(text, tokens, gaz);

        // A model entity that strictly contains a gazetteer match of its own type is the better reading
        // ("U.N. Security Council" over "U.N."); otherwise the gazetteer wins over every model entity it
        // overlaps.
        gaz.RemoveAll(ge => model.Exists(me => me.Type == ge.Type && me.First <= ge.First && me.First + me.Count >= ge.First + ge.Count && me.Count > ge.Count));
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

    /// <summary>The entities of a gold sentence (for evaluation).</summary>
    public IReadOnlyList<TokenSpan> Recognize(TaggedSentence sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var result = new List<RecognizedEntity>();
        Recognize(sentence.Text, sentence.Tokens.AsSpan(), result);
        return [.. result.Select(e => e.Span)];
    }
}
