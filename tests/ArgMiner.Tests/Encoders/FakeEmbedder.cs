using System.Security.Cryptography;
using System.Text;
using ArgMiner.Encoders.Embedding;

namespace ArgMiner.Tests.Encoders;

/// <summary>
/// A stand-in encoder for stacker and cache tests: a deterministic vector from the sentence's words (each word
/// hashed to a slot), so similar sentences get similar vectors, in microseconds. Counts what it embeds.
/// </summary>
internal sealed class FakeEmbedder(int dimension = 16, string name = "fake-test-encoder") : ISentenceEmbedder
{
    public string Name => name;

    public int Dimension => dimension;

    public int Embedded { get; private set; }

    public float[][] Embed(IReadOnlyList<string> sentences)
    {
        Embedded += sentences.Count;
        return [.. sentences.Select(Vector)];
    }

    public void Dispose()
    {
    }

    private float[] Vector(string sentence)
    {
        var v = new float[dimension];
        foreach (var word in sentence.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            v[SHA256.HashData(Encoding.UTF8.GetBytes(word))[0] % dimension] += 1;
        }

        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => norm > 0 ? x / norm : 0)];
    }
}
