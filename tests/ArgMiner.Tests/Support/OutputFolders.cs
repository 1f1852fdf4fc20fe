namespace ArgMiner.Tests.Support;

/// <summary>Compares output folders file by file, byte for byte.</summary>
public static class OutputFolders
{
    /// <summary>Every file of <paramref name="expected"/> (the hidden set listing too) is in <paramref name="actual"/> with the same bytes, and nothing else is.</summary>
    public static void AssertSame(string expected, string actual)
    {
        var want = Directory.GetFiles(expected).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var got = Directory.GetFiles(actual).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(want, got);
        foreach (var name in want)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, name!)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, name!))), $"{name} differs from a single run's");
        }
    }
}
