using System.CommandLine;

namespace ArgMiner.Cli.Settings;

/// <summary>
/// One command's options, declared once, and the one place that reads them: <see cref="Bind"/> turns a parse
/// result into the command's settings record, and the handler sees only that record, never a
/// <see cref="ParseResult"/> or an <see cref="Option"/> (Spectre.Console.Cli's settings classes, on
/// System.CommandLine). Values are parsed by the options themselves (<see cref="OptionParsers"/>), so a bad
/// value is a usage error before any handler runs.
/// </summary>
/// <typeparam name="TSettings">The command's settings record.</typeparam>
internal abstract class SettingsBinder<TSettings>
{
    /// <summary>The command with its arguments and options, in the order its help lists them.</summary>
    public abstract Command Command { get; }

    /// <summary>Reads the command's settings from a parse without errors.</summary>
    public abstract TSettings Bind(ParseResult parse);

    /// <summary>The command, whose action binds the settings and passes them to <paramref name="handler"/>.</summary>
    public Command HandledBy(Func<TSettings, int> handler)
    {
        Command.SetAction(parse => handler(Bind(parse)));
        return Command;
    }

    /// <summary>Whether <paramref name="option"/> was given on the command line (not just defaulted).</summary>
    protected static bool Given(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };
}
