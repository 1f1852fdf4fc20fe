using System.CommandLine;

namespace ArgMiner.Cli;

/// <summary>The command tree. Each command lives in its own file under <c>Commands/</c>.</summary>
public static class CommandLine
{
    /// <summary>Exit code when everything went well.</summary>
    public const int Ok = 0;

    /// <summary>Exit code when some input was skipped or a command failed on its data.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for usage errors.</summary>
    public const int Usage = 2;

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("ArgMiner: turns news opinion articles and reader comments into sortable data.");
        foreach (var command in Commands.All.Create(stdout, stderr))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"argminer: {error.Message}");
            }

            stderr.WriteLine("Try 'argminer --help'.");
            return Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Models.ModelFormatException)
        {
            // The user's environment, not a bug: one line, no stack trace.
            stderr.WriteLine($"argminer: {ex.Message}");
            return Failed;
        }
    }
}
