namespace ArgMiner.Tests.Support;

/// <summary>
/// A fact that needs files or folders of <c>../shared/corpora</c>: xunit reports it Skipped (with the missing
/// path) on a fresh clone without them, instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    /// <summary>Skips unless every path (relative to <c>../shared/corpora</c>) exists.</summary>
    public SharedCorpusFactAttribute(params string[] corpusPaths) => Skip = SharedCorpus.MissingReason(corpusPaths);
}

/// <summary>
/// A theory that needs files or folders of <c>../shared/corpora</c>: xunit reports it Skipped (with the missing
/// path) on a fresh clone without them, instead of passing silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    /// <summary>Skips unless every path (relative to <c>../shared/corpora</c>) exists.</summary>
    public SharedCorpusTheoryAttribute(params string[] corpusPaths) => Skip = SharedCorpus.MissingReason(corpusPaths);
}

/// <summary>Paths into <c>../shared/corpora</c>.</summary>
public static class SharedCorpus
{
    /// <summary>The full path of the file or folder <paramref name="corpusPath"/> under <c>../shared/corpora</c>, or null when absent.</summary>
    public static string? Find(string corpusPath) =>
        Repository.Shared is { } shared && Path.Combine(shared, "corpora", corpusPath) is var path && (File.Exists(path) || Directory.Exists(path)) ? path : null;

    /// <summary>Why a test needing <paramref name="corpusPaths"/> cannot run here, or null when they are all there.</summary>
    internal static string? MissingReason(string[] corpusPaths) =>
        corpusPaths.FirstOrDefault(p => Find(p) is null) is { } missing
            ? $"needs ../shared/corpora/{missing}, which is not beside this checkout"
            : null;

    /// <summary>As <see cref="Find"/>, for a test that the attribute already guards.</summary>
    public static string Get(string corpusPath) =>
        Find(corpusPath) ?? throw new InvalidOperationException($"../shared/corpora/{corpusPath} is missing");
}
