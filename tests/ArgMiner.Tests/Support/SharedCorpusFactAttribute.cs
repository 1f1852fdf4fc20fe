namespace ArgMiner.Tests.Support;

/// <summary>
/// A fact that needs files of <c>../shared/corpora</c>: xunit reports it Skipped (with the missing path) on
/// a fresh clone without them, instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    /// <summary>Skips unless every path (relative to <c>../shared/corpora</c>) exists.</summary>
    public SharedCorpusFactAttribute(params string[] corpusPaths)
    {
        foreach (var p in corpusPaths)
        {
            if (SharedCorpus.Find(p) is null)
            {
                Skip = $"needs ../shared/corpora/{p}, which is not beside this checkout";
                return;
            }
        }
    }
}

/// <summary>Paths into <c>../shared/corpora</c>.</summary>
public static class SharedCorpus
{
    /// <summary>The full path of <paramref name="corpusPath"/> under <c>../shared/corpora</c>, or null when absent.</summary>
    public static string? Find(string corpusPath) =>
        Repository.Shared is { } shared && Path.Combine(shared, "corpora", corpusPath) is var path && File.Exists(path) ? path : null;

    /// <summary>As <see cref="Find"/>, for a test that the attribute already guards.</summary>
    public static string Get(string corpusPath) =>
        Find(corpusPath) ?? throw new InvalidOperationException($"../shared/corpora/{corpusPath} is missing");
}
