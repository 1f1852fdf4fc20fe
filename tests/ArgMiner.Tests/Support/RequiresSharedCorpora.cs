namespace ArgMiner.Tests.Support;

/// <summary>
/// The corpora under ../shared/corpora beside the checkout. They are there on the project's machines and in
/// CI, not in a user's fresh clone: a test that reads them says so with
/// <see cref="RequiresSharedCorporaFactAttribute"/> or <see cref="RequiresSharedCorporaTheoryAttribute"/>, and
/// xunit then reports it as skipped where they are missing instead of letting it pass without checking.
/// </summary>
public static class SharedCorpora
{
    /// <summary>The full path of <paramref name="relativePath"/> under ../shared/corpora, whether or not it exists.</summary>
    public static string PathOf(string relativePath) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Repository.Root, "..", "shared", "corpora", relativePath));

    /// <summary>Why a test needing <paramref name="relativePath"/> cannot run here, or null when the file or folder is there.</summary>
    internal static string? MissingReason(string relativePath)
    {
        string path;
        try
        {
            path = PathOf(relativePath);
        }
        catch (InvalidOperationException ex)
        {
            return ex.Message; // No repository above the test binaries: nothing under ../shared to find either.
        }

        return File.Exists(path) || Directory.Exists(path)
            ? null
            : $"needs ../shared/corpora/{relativePath}, which is absent (a fresh clone has no ../shared)";
    }
}

/// <summary>A fact that reads ../shared/corpora/<c>relativePath</c>: skipped, with the reason, where it is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresSharedCorporaFactAttribute : FactAttribute
{
    /// <param name="relativePath">A file or folder under ../shared/corpora ("ud-english-ewt/en_ewt-ud-dev.conllu").</param>
    public RequiresSharedCorporaFactAttribute(string relativePath)
    {
        RelativePath = relativePath;
        Skip = SharedCorpora.MissingReason(relativePath);
    }

    /// <summary>The file or folder the test reads, under ../shared/corpora.</summary>
    public string RelativePath { get; }
}

/// <summary>A theory that reads ../shared/corpora/<c>relativePath</c>: skipped, with the reason, where it is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequiresSharedCorporaTheoryAttribute : TheoryAttribute
{
    /// <param name="relativePath">A file or folder under ../shared/corpora ("newssd-eng").</param>
    public RequiresSharedCorporaTheoryAttribute(string relativePath)
    {
        RelativePath = relativePath;
        Skip = SharedCorpora.MissingReason(relativePath);
    }

    /// <summary>The file or folder the test reads, under ../shared/corpora.</summary>
    public string RelativePath { get; }
}
