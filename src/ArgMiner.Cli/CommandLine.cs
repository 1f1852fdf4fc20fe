using System.CommandLine;
using System.CommandLine.Parsing;

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

        var parse = root.Parse(HelpCommand(args));
        var errors = parse.Errors.Select(Describe).Concat(UnknownOptions(parse)).Distinct(StringComparer.Ordinal).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"argminer: {error}");
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

    /// <summary><c>argminer help [command]</c> is <c>argminer [command] --help</c>.</summary>
    private static string[] HelpCommand(string[] args) =>
        args.Length > 0 && args[0] == "help" ? [.. args[1..], "--help"] : args;

    /// <summary>A parse error in words: an integer option asks for a whole number instead of naming a .NET type.</summary>
    private static string Describe(ParseError error)
    {
        var (name, type) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType),
            ArgumentResult { Parent: OptionResult o } => (o.Option.Name, o.Option.ValueType),
            ArgumentResult a => (a.Argument.Name, a.Argument.ValueType),
            _ => (string.Empty, typeof(void)),
        };
        var tokens = error.SymbolResult?.Tokens;
        return (type == typeof(int) || type == typeof(int?) || type == typeof(long)) && tokens is { Count: > 0 }
            ? $"{name} takes a whole number, not '{tokens[0].Value}'"
            : error.Message;
    }

    /// <summary>
    /// Tokens such as <c>--bogus</c> that landed in a command's own arguments (its input files, say): an option
    /// nobody defines is a usage error, not a file name. <c>-</c> (standard input) and negative numbers are
    /// arguments.
    /// </summary>
    private static IEnumerable<string> UnknownOptions(ParseResult parse)
    {
        for (SymbolResult? command = parse.CommandResult; command is CommandResult c; command = c.Parent)
        {
            foreach (var argument in c.Children.OfType<ArgumentResult>())
            {
                foreach (var token in argument.Tokens)
                {
                    var value = token.Value;
                    if (value.Length > 1 && value[0] == '-' && !double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                    {
                        yield return $"unknown option '{value}' (see 'argminer {c.Command.Name} --help')";
                    }
                }
            }
        }
    }
}
