using System.CommandLine;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer run</c>: the batch pipeline. (Being written.)</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("run", "Run the pipeline over articles and write CSV and JSON Lines.");
        command.SetAction(_ => 0);
        return command;
    }
}
