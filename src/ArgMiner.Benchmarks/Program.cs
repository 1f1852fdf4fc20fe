using BenchmarkDotNet.Running;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Runs the BenchmarkDotNet benchmarks (<c>dotnet run -c Release --project src/ArgMiner.Benchmarks -- --filter '*'</c>),
/// or prepares the end-to-end throughput corpus (<c>… -- prepare-text CONLLU OUTDIR [REPEAT]</c>, used by
/// <c>throughput.sh</c>).
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "prepare-text")
        {
            return ThroughputCorpus.Prepare(args[1..]);
        }

        if (args.Length > 0 && args[0] == "writer")
        {
            return WriterProfile.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "taggers")
        {
            return TaggerProfile.Run(args[1..]);
        }

        if (args.Length > 0 && args[0] == "stages")
        {
            return StageProfile.Run(args[1..]);
        }

        if (args.Contains("--quick-classifier"))
        {
            ClassifierBenchmarks.Quick(Console.Out);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
