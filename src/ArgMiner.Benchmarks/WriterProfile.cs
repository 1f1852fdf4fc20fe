using System.Diagnostics;
using System.Globalization;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Pipeline;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Time and allocations of the output writers alone (CSV and JSON Lines, as <c>run</c>'s default): the documents of a
/// folder of .txt files go through the full pipeline once, then are written ROUNDS times to a temporary folder.
/// Run: <c>dotnet run -c Release --project src/ArgMiner.Benchmarks -- writer DIR [ROUNDS]</c>. The best round is the
/// figure to compare: on a machine shared with other jobs it moves far less than a whole run's time (issue 12).
/// </summary>
public static class WriterProfile
{
    /// <summary>Processes the folder's documents, then writes them round after round and prints each round.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var pipeline = TextPipeline.CreateFull();
        var contexts = Directory.EnumerateFiles(args[0], "*.txt", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => DocumentContext.Of(pipeline.Process(DocumentReaders.Compose(Path.GetFileNameWithoutExtension(path), path, null, File.ReadAllText(path), []))))
            .ToList();
        var folder = Path.Combine(Path.GetTempPath(), "argminer-writer-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            GC.Collect();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            using (var writer = new BatchWriter(folder, OutputFormats.Csv | OutputFormats.JsonLines))
            {
                foreach (var context in contexts)
                {
                    writer.Write(context);
                }

                writer.Commit();
            }

            var seconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            times.Add(seconds);
            var mb = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {seconds * 1000:0} ms wall, {cpuSeconds * 1000:0} ms CPU (process), {mb:0.0} MB allocated"));
        }

        Directory.Delete(folder, true);
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{contexts.Count} documents; best {times[0] * 1000:0} ms, median {times[times.Count / 2] * 1000:0} ms"));
        return 0;
    }
}
