using System.Text;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Real text for the benchmarks: the <c># text</c> lines of UD English EWT train (paragraphs from
/// <c># newpar</c>) when <c>../shared</c> is present, else the seed articles, repeated to the size asked.
/// Read from its place, never copied into the repository.
/// </summary>
public static class BenchmarkText
{
    /// <summary>At least <paramref name="minChars"/> characters of paragraphs, with their spans.</summary>
    public static (string Text, (int, int)[] Paragraphs, string Source) Load(int minChars)
    {
        var root = FindRoot();
        var ewt = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu"));
        var paragraphs = new List<string>();
        string source;
        if (ewt is not null && File.Exists(ewt))
        {
            source = "UD EWT train # text";
            var current = new StringBuilder();
            foreach (var line in File.ReadLines(ewt))
            {
                if (line.StartsWith("# newpar", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    if (current.Length > 0)
                    {
                        paragraphs.Add(current.ToString());
                        current.Clear();
                    }
                }
                else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    if (current.Length > 0)
                    {
                        current.Append(' ');
                    }

                    current.Append(line.AsSpan(9));
                }
            }

            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString());
            }
        }
        else
        {
            source = "seed articles";
            foreach (var file in Directory.GetFiles(Path.Combine(root ?? ".", "corpus", "articles"), "*.txt"))
            {
                paragraphs.AddRange(File.ReadAllLines(file).Where(l => l.Trim().Length > 0));
            }
        }

        var sb = new StringBuilder(minChars + 100_000);
        var spans = new List<(int, int)>();
        while (sb.Length < minChars && paragraphs.Count > 0)
        {
            foreach (var p in paragraphs)
            {
                spans.Add((sb.Length, sb.Length + p.Length));
                sb.Append(p).Append('\n');
            }
        }

        return (sb.ToString(), spans.ToArray(), source);
    }

    private static string? FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArgMiner.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}
