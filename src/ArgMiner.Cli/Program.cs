namespace ArgMiner.Cli;

/// <summary>Entry point of the <c>argminer</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args) => CommandLine.Run(args, Console.Out, Console.Error);
}
