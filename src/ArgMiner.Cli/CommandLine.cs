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

    /// <summary>
    /// Why <paramref name="path"/>, given where one file is read, cannot be read as one: a folder (said so, not "not
    /// found", which sent users looking for a path that exists) or nothing there; null when it is a file.
    /// </summary>
    public static string? NotAFile(string path) =>
        File.Exists(path) ? null : Directory.Exists(path) ? $"{path} is a folder; give a file" : $"{path}: file not found";

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // The native tool holds only its own commands (FullRuntime): any other command line, and the help that lists
        // every command, goes to the full build as it is.
        if (FullRuntime.IsNative && FullRuntime.NeededBeforeParsing(args) is { } beforeParsing)
        {
            return FullRuntime.HandOver(args, beforeParsing, stderr);
        }

        var parse = CreateRoot(stdout, stderr).Parse(HelpCommand(args));
        if (Unmatched(parse) is { } unmatched)
        {
            stderr.WriteLine($"argminer: {unmatched}");
            return Usage;
        }

        var errors = parse.Errors.Select(Describe).Concat(UnknownOptions(parse)).Distinct(StringComparer.Ordinal).ToList();
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine($"argminer: {error}");
            }

            // An option's own parser or check names the option and what it takes, and an unknown option's line names
            // the command's help: that one line says it all. Otherwise the hint names the command's own help, where
            // the options are (it said 'argminer --help', which lists only the commands, under 'run' without --out).
            if (!parse.Errors.All(e => IsOptionsOwnMessage(e) || Choices(e) is not null))
            {
                var command = parse.CommandResult.Command;
                stderr.WriteLine(command is RootCommand ? "Try 'argminer --help'." : $"Try 'argminer {command.Name} --help'.");
            }

            return Usage;
        }

        if ((EmptyPath(parse) ?? OutputThatIsAnInput(parse) ?? UnusableOutputFile(parse)) is { } clash)
        {
            // A path is shown as given, with a line break in it escaped (InputError.OneLine), so this stays one line.
            stderr.WriteLine($"argminer: {ArgMiner.Ingest.InputError.OneLine(clash)}");
            return Usage;
        }

        // The native tool hands what needs the JIT (ML.NET, the accurate tier) to the full build beside it.
        if (FullRuntime.IsNative && parse.Action is not System.CommandLine.Help.HelpAction && FullRuntime.Needed(parse) is { } needsFull)
        {
            return FullRuntime.HandOver(args, needsFull, stderr);
        }

        // run and merge stop on their own (RunCommand.Interruptible); every other command ends at once, and its file
        // being written under a temporary name was left behind, hidden, as large as the output had grown (session 33).
        var interruptible = parse.CommandResult.Command.Name is "run" or "merge";
        using var onInterrupt = interruptible ? null : System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, Abandon);
        using var onTerminate = interruptible ? null : System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, Abandon);
        void Abandon(System.Runtime.InteropServices.PosixSignalContext context)
        {
            // The default action (the process ends) follows.
            if (ArgMiner.Output.AtomicFile.AbandonAll() > 0)
            {
                stderr.WriteLine("argminer: interrupted; the file being written is removed (an earlier one stays)");
            }
        }

        // A stale temporary file removed before a file is written (a killed command's .NAME.partial) is said in one line.
        var notes = ArgMiner.Output.AtomicFile.Notes;
        ArgMiner.Output.AtomicFile.Notes = line => stderr.WriteLine($"argminer: {ArgMiner.Ingest.InputError.OneLine(line)}");
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or Models.ModelFormatException)
        {
            // The user's environment, not a bug: one line, no stack trace.
            stderr.WriteLine($"argminer: {ex.Message}");
            return Failed;
        }
        finally
        {
            ArgMiner.Output.AtomicFile.Notes = notes;
        }
    }

    /// <summary>The command tree: every subcommand under the root.</summary>
    internal static RootCommand CreateRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("ArgMiner: turns news opinion articles and reader comments into sortable data.");
        foreach (var command in Commands.All.Create(stdout, stderr))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>
    /// A token no command or option takes, in one line naming the help to read: <c>argminer bogus</c> said "Required
    /// command was not provided." and "Unrecognized command or argument 'bogus'.", then a third line; <c>classify
    /// --bogus</c> said the second, where <c>run --bogus</c> says "unknown option" (<see cref="UnknownOptions"/>);
    /// <c>argminer help bogus</c> showed the list of commands and exit 0. Null when every token was taken.
    /// </summary>
    private static string? Unmatched(ParseResult parse)
    {
        if (parse.UnmatchedTokens is not [var token, ..])
        {
            return null;
        }

        var command = parse.CommandResult.Command;
        var help = command is RootCommand ? "argminer --help" : $"argminer {command.Name} --help";
        return token.Length > 1 && token[0] == '-' ? $"unknown option '{token}' (see '{help}')"
            : command is RootCommand ? $"unknown command '{token}' (see '{help}')"
            : $"{command.Name} takes no argument '{token}' (see '{help}')";
    }

    /// <summary><c>argminer help [command]</c> is <c>argminer [command] --help</c>.</summary>
    private static string[] HelpCommand(string[] args) =>
        args.Length > 0 && args[0] == "help" ? [.. args[1..], "--help"] : args;

    /// <summary>
    /// Whether <paramref name="error"/> comes from an option's own parser or check (<see cref="Settings.OptionParsers"/>),
    /// whose message starts with the option's name; System.CommandLine's own messages never do.
    /// </summary>
    private static bool IsOptionsOwnMessage(ParseError error) =>
        error.SymbolResult is OptionResult o && error.Message.StartsWith(o.Option.Name, StringComparison.Ordinal);

    /// <summary>
    /// A value outside an option's or argument's choices in one line (<c>--encoding takes auto, utf-8 or windows-1252, not
    /// 'latin1'</c>), or null for another error. System.CommandLine's own message put each choice on a line of its own,
    /// four lines and a fifth ("Try …") for one mistake, until session 33.
    /// </summary>
    private static string? Choices(ParseError error)
    {
        var lines = error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2 || !lines[0].EndsWith("Must be one of:", StringComparison.Ordinal) || error.SymbolResult?.Tokens is not { Count: > 0 } tokens)
        {
            return null;
        }

        var name = error.SymbolResult switch
        {
            OptionResult o => o.Option.Name,
            ArgumentResult { Parent: OptionResult o } => o.Option.Name,
            ArgumentResult a => $"<{a.Argument.Name}>",
            _ => null,
        };
        var choices = lines[1..].Select(l => l.Trim('\'')).ToList();
        var given = tokens.Select(t => t.Value).FirstOrDefault(v => !choices.Contains(v, StringComparer.Ordinal)) ?? tokens[0].Value;
        return name is null ? null : $"{name} takes {string.Join(", ", choices[..^1])}{(choices.Count > 1 ? " or " : string.Empty)}{choices[^1]}, not '{given}'";
    }

    /// <summary>A parse error in words: a numeric option asks for a (whole) number instead of naming a .NET type.</summary>
    private static string Describe(ParseError error)
    {
        if (IsOptionsOwnMessage(error))
        {
            return error.Message;
        }

        if (Choices(error) is { } choices)
        {
            return choices;
        }

        var (name, type) = error.SymbolResult switch
        {
            OptionResult o => (o.Option.Name, o.Option.ValueType),
            ArgumentResult { Parent: OptionResult o } => (o.Option.Name, o.Option.ValueType),
            ArgumentResult a => (a.Argument.Name, a.Argument.ValueType),
            _ => (string.Empty, typeof(void)),
        };
        var tokens = error.SymbolResult?.Tokens;
        if (tokens is not { Count: > 0 })
        {
            return error.Message;
        }

        if (type == typeof(int) || type == typeof(int?) || type == typeof(long) || type == typeof(long?))
        {
            return $"{name} takes a whole number, not '{tokens[0].Value}'";
        }

        return type == typeof(double) || type == typeof(double?) || type == typeof(float) || type == typeof(float?)
            ? $"{name} takes a number (with a '.' for decimals), not '{tokens[0].Value}'"
            : error.Message;
    }

    /// <summary>The options that name a file a command writes: <c>--out</c> and the side files of training and evaluation.</summary>
    private static readonly HashSet<string> OutputOptions = new(StringComparer.Ordinal)
    {
        "--out", "--predictions", "--soft-labels-out", "--errors", "--boundaries", "--failures",
    };

    /// <summary>
    /// Every file a command writes (<see cref="OutputOptions"/>) is checked against the paths the same command reads
    /// (<c>--data</c>, <c>--input</c>, <c>--model</c>, <c>--against-predictions</c>, input arguments…) and the other
    /// files it writes: writing over one would destroy it before or while it is read. Only existing paths are compared
    /// (an input must exist); <c>-</c> is a stream, never a clash.
    /// </summary>
    private static string? OutputThatIsAnInput(ParseResult parse)
    {
        var command = parse.CommandResult;
        foreach (var outResult in command.Children.OfType<OptionResult>().Where(o => OutputOptions.Contains(o.Option.Name)))
        {
            // A device or pipe (/dev/null, /dev/stdout, >(gzip > x.gz)) is written in place and destroys nothing;
            // /dev/stdin and /dev/stdout on one terminal lead to the same device.
            if (outResult is not { Tokens.Count: > 0 } || outResult.Tokens[0].Value is "-" or "" || ArgMiner.Output.OutputPath.IsSpecialFile(outResult.Tokens[0].Value))
            {
                continue;
            }

            var outName = outResult.Option.Name;

            // With links resolved: a file written through a link lands on the link's target (AtomicFile).
            var outTarget = ArgMiner.Output.AtomicFile.TargetOf(outResult.Tokens[0].Value);
            var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
            foreach (var child in command.Children)
            {
                if (child == outResult)
                {
                    continue;
                }

                var name = child switch
                {
                    OptionResult o => o.Option.Name,
                    ArgumentResult a => a.Argument.Name,
                    _ => null,
                };
                foreach (var token in child.Tokens)
                {
                    foreach (var path in PathsIn(token.Value))
                    {
                        if (string.Equals(ArgMiner.Output.AtomicFile.TargetOf(path), outTarget, comparison))
                        {
                            return $"{outName} {outResult.Tokens[0].Value} is also {(name is not null && OutputOptions.Contains(name) ? "written by" : "an input")} ({name}); refusing to write over it. Give another {outName}";
                        }
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The options that name a file or folder a command reads or writes (evaluate-numbers' --text is a sentence).</summary>
    private static readonly HashSet<string> PathOptions = new(OutputOptions, StringComparer.Ordinal)
    {
        "--against", "--against-predictions", "--compare", "--data", "--dev", "--embedding-cache", "--evaluate", "--gazetteer",
        "--input", "--model", "--names", "--shared", "--soft-labels", "--specs", "--text", "--tuned-from", "--ud", "--vectors",
    };

    /// <summary>
    /// An empty string where a path goes (<c>--out ""</c>, <c>run ""</c>, an unset shell variable): .NET's
    /// Path.GetFullPath threw on it, and the user got an ArgumentException's stack trace.
    /// </summary>
    private static string? EmptyPath(ParseResult parse)
    {
        var command = parse.CommandResult;
        foreach (var child in command.Children)
        {
            var name = child switch
            {
                OptionResult o when PathOptions.Contains(o.Option.Name) && !(o.Option.Name == "--text" && command.Command.Name == "evaluate-numbers") => o.Option.Name,
                ArgumentResult a when a.Argument.Name is "inputs" or "shards" => a.Argument.Name,
                _ => null,
            };
            if (name is not null && child.Tokens.Any(t => t.Value.Length == 0))
            {
                return $"{name}: an empty string is not a path";
            }
        }

        return null;
    }

    /// <summary>
    /// A file a command writes (a model, a CSV, a side file) that names an existing folder: refused before anything is
    /// read, since the write is the last step (train and evaluate used to work for their whole run, then say 'cannot be
    /// written (Is a directory …)', the model lost). <c>run</c>'s and <c>merge</c>'s <c>--out</c> are folders (checked by
    /// <see cref="ArgMiner.Output.OutputSet"/>). So is one that cannot be written there (<see cref="ArgMiner.Output.AtomicFile.Unusable"/>).
    /// </summary>
    private static string? UnusableOutputFile(ParseResult parse)
    {
        var command = parse.CommandResult;
        foreach (var result in command.Children.OfType<OptionResult>().Where(o => OutputOptions.Contains(o.Option.Name)))
        {
            // Standard input's "-", a device or pipe (/dev/null, /dev/stdout: written in place by AtomicFile), and run's
            // and merge's --out (folders, checked by OutputSet) have nothing to check here.
            if (result is not { Tokens.Count: > 0 } || result.Tokens[0].Value is not { Length: > 0 } path || path == "-"
                || (result.Option.Name == "--out" && command.Command.Name is "run" or "merge") || ArgMiner.Output.OutputPath.IsSpecialFile(path))
            {
                continue;
            }

            if (Directory.Exists(path))
            {
                return $"{result.Option.Name} {path} is a folder, not a file; give a file name";
            }

            // As a folder on the way that is a file: found only when the file was written (train's after the whole
            // training), in .NET's words, exit 1, until session 32.
            if (ArgMiner.Output.AtomicFile.Unusable(path) is { } why)
            {
                return $"{result.Option.Name} {path}: {why}";
            }

            // A folder this user may not write in: found only when the file was written, after all the work (evaluate's
            // scoring, train's training), with .NET's words naming the hidden .NAME.partial, until session 33.
            if (ArgMiner.Output.OutputPath.NotWritable(Path.GetDirectoryName(ArgMiner.Output.AtomicFile.TargetOf(path))!) is { } readOnly)
            {
                return $"{result.Option.Name} {path}: {readOnly}";
            }
        }

        return null;
    }

    /// <summary>The existing paths a token names: itself, or a data path before its '@weight' or '#…' suffix.</summary>
    private static IEnumerable<string> PathsIn(string token)
    {
        if (token is "-" or "")
        {
            yield break;
        }

        foreach (var candidate in new[] { token, token.Split('@')[0], token.Split('#')[0], token.Split('@')[0].Split('#')[0] }.Distinct(StringComparer.Ordinal))
        {
            if (candidate.Length > 0 && (File.Exists(candidate) || Directory.Exists(candidate)))
            {
                yield return candidate;
            }
        }

        var labels = token.IndexOf("#labels=", StringComparison.Ordinal);
        if (labels >= 0 && token[(labels + 8)..].Split('@')[0] is { Length: > 0 } overlay && File.Exists(overlay))
        {
            yield return overlay;
        }
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
