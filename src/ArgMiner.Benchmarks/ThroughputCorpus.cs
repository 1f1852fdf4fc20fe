using System.Globalization;
using System.Text;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Turns a CoNLL-U treebank (UD English EWT train) into plain-text articles for the end-to-end throughput
/// run: one file per <c># newdoc</c>, one line per <c># newpar</c> paragraph (its sentences' <c># text</c>
/// joined by spaces), optionally repeated into several copies to reach a few MB. The files are written
/// outside the repository: the text belongs to the treebank's authors.
/// </summary>
public static class ThroughputCorpus
{
    /// <summary><c>prepare-text CONLLU OUTDIR [REPEAT]</c>.</summary>
    public static int Prepare(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: prepare-text CONLLU OUTDIR [REPEAT]");
            return 2;
        }

        var repeat = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var docs = new List<(string Id, StringBuilder Text)>();
        StringBuilder? current = null;
        var paragraphOpen = false;
        foreach (var line in File.ReadLines(args[0]))
        {
            if (line.StartsWith("# newdoc", StringComparison.Ordinal))
            {
                current = new StringBuilder();
                docs.Add(($"{docs.Count:00000}", current));
                paragraphOpen = false;
            }
            else if (line.StartsWith("# newpar", StringComparison.Ordinal))
            {
                if (current is not null && current.Length > 0)
                {
                    current.Append('\n');
                }

                paragraphOpen = false;
            }
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                if (current is null)
                {
                    current = new StringBuilder();
                    docs.Add(($"{docs.Count:00000}", current));
                }

                if (paragraphOpen)
                {
                    current.Append(' ');
                }

                current.Append(line.AsSpan("# text = ".Length));
                paragraphOpen = true;
            }
        }

        long bytes = 0;
        for (var r = 0; r < repeat; r++)
        {
            var dir = Path.Combine(args[1], $"copy{r}");
            Directory.CreateDirectory(dir);
            foreach (var (id, text) in docs)
            {
                var content = text.Append('\n').ToString();
                text.Length--;
                File.WriteAllText(Path.Combine(dir, id + ".txt"), content, new UTF8Encoding(false));
                bytes += Encoding.UTF8.GetByteCount(content);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {docs.Count * repeat} documents, {bytes / 1e6:0.00} MB, to {args[1]}"));
        return 0;
    }
}
