namespace ArgMiner.Tests.Support;

/// <summary>Finds the repository's folders from the test binaries.</summary>
public static class Repository
{
    /// <summary>The folder holding ArgMiner.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>corpus/articles.</summary>
    public static string Articles => Path.Combine(Root, "corpus", "articles");

    /// <summary>../shared beside the checkout, or null when absent (a user's fresh clone).</summary>
    public static string? Shared
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArgMiner.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ArgMiner.sln not found above " + AppContext.BaseDirectory);
    }
}
