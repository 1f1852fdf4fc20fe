namespace ArgMiner.Encoders.Embedding;

/// <summary>
/// A pretrained sentence encoder: one fixed-length vector per sentence. Implementations are deterministic
/// (the same sentence always gives the same vector, whatever else is in the batch) and safe to call from
/// several threads.
/// </summary>
public interface ISentenceEmbedder : IDisposable
{
    /// <summary>A short name that identifies the encoder and its weights (model cards, cache files).</summary>
    string Name { get; }

    /// <summary>The length of every vector.</summary>
    int Dimension { get; }

    /// <summary>One vector per sentence, in order.</summary>
    float[][] Embed(IReadOnlyList<string> sentences);
}
