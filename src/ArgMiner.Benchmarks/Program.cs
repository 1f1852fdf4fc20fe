using BenchmarkDotNet.Running;

namespace ArgMiner.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project src/ArgMiner.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args)
    {
        if (args.Contains("--quick-classifier"))
        {
            ClassifierBenchmarks.Quick(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
