namespace ArgMiner.Encoders.Embedding;

/// <summary>The pretrained encoders this build can load, by the name a model card gives them.</summary>
public static class SentenceEncoders
{
    /// <summary>The accurate tier's encoders, in the order their vectors are joined: ArcticXs, then MiniLM.</summary>
    public static IReadOnlyList<string> Default { get; } = [ArcticXsEmbedder.EncoderName, MiniLmEmbedder.EncoderName];

    /// <summary>The short names <c>train-accurate --encoder</c> takes, with the encoders' full names.</summary>
    public static IReadOnlyDictionary<string, string> ShortNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["arctic-xs"] = ArcticXsEmbedder.EncoderName,
        ["minilm"] = MiniLmEmbedder.EncoderName,
    };

    /// <summary>Loads the encoder named <paramref name="name"/> (its <see cref="ISentenceEmbedder.Name"/>), or null when this build has no such encoder.</summary>
    public static ISentenceEmbedder? Create(string name) => name switch
    {
        ArcticXsEmbedder.EncoderName => new ArcticXsEmbedder(),
        MiniLmEmbedder.EncoderName => new MiniLmEmbedder(),
        _ => null,
    };
}
