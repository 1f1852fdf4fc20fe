using System.CommandLine;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ArgMiner.Cli;

/// <summary>
/// The native tool (<c>deploy/publish-native.sh</c>: compiled ahead of time, no JIT at run time) runs what users run
/// on their batches itself: <c>run</c>, <c>classify</c> and <c>merge</c> with the fast model. ML.NET (training,
/// <c>--engine mlnet</c>, evaluation metrics) and the accurate tier's encoders generate code at run time, which a
/// native build cannot, so every other command, and those with <c>--model accurate</c> or <c>--engine mlnet</c>, is
/// handed to the full build published beside it (<see cref="CompanionName"/>), with the same arguments, standard streams
/// and exit code: the process image is replaced (<c>execv</c>), so signals and the exit code are the full build's own.
/// The full build itself never hands anything over (<see cref="RuntimeFeature.IsDynamicCodeSupported"/> is true there).
/// </summary>
internal static partial class FullRuntime
{
    /// <summary>The full build's launcher, in the native tool's folder.</summary>
    public const string CompanionName = "argminer-full";

    /// <summary>The commands the native tool runs itself (with the fast model).</summary>
    private static readonly HashSet<string> NativeCommands = new(StringComparer.Ordinal) { "run", "classify", "merge" };

    /// <summary>
    /// Whether this process can generate code at run time (the full build), which ML.NET and the accurate tier need. The
    /// native compiler takes it as the constant false and leaves out the code behind it, and with that ML.NET, the
    /// encoders and their models.
    /// </summary>
    public static bool HasJit => RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>Whether this process is the native tool.</summary>
    public static bool IsNative => !HasJit;

    /// <summary>
    /// What the native tool cannot parse itself: any command line that does not start with one of its commands (or ask
    /// for the version), in words; null for the rest.
    /// </summary>
    public static string? NeededBeforeParsing(string[] args) =>
        args is [var first, ..] && (NativeCommands.Contains(first) || first == "--version") ? null
        : args is [var command, ..] ? $"'{command}'"
        : "the list of commands";

    /// <summary>For a branch the native tool never takes, because it handed the command over before (<see cref="Needed"/>).</summary>
    public static InvalidOperationException HandedOver() => new("the native tool hands this to the full build before it gets here");

    /// <summary>
    /// What in <paramref name="parse"/> needs the full build (a command, or an option of <c>run</c> or
    /// <c>classify</c>), in words; null when the native tool runs it itself.
    /// </summary>
    public static string? Needed(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        if (command is RootCommand)
        {
            return null;
        }

        if (!NativeCommands.Contains(command.Name))
        {
            return $"'{command.Name}'";
        }

        if (command.Name is "run" or "classify")
        {
            var model = command.Options.Any(o => o.Name == "--model") ? parse.GetValue<string>("--model") : null;
            if (Commands.AccurateModel.IsRequested(model))
            {
                return "the accurate tier (--model " + model + ")";
            }

            if (command.Options.Any(o => o.Name == "--engine") && parse.GetValue<string>("--engine") == "mlnet")
            {
                return "--engine mlnet";
            }
        }

        return null;
    }

    /// <summary>
    /// Runs <paramref name="args"/> in the full build beside this tool: replaces this process with it where the system
    /// allows (Linux, macOS), else starts it and waits. Without one, says so in one line and returns
    /// <see cref="CommandLine.Failed"/>.
    /// </summary>
    public static int HandOver(string[] args, string what, TextWriter stderr)
    {
        var path = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? CompanionName + ".exe" : CompanionName);
        if (!File.Exists(path))
        {
            stderr.WriteLine($"argminer: {what} needs the full build ({CompanionName}), which is not beside this native tool; publish both with deploy/publish-native.sh, or use the tool 'dotnet publish' gives");
            return CommandLine.Failed;
        }

        stderr.Flush();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            Exec(path, args);

            // execv returned: the companion could not be started.
            stderr.WriteLine($"argminer: could not start {path} (error {Marshal.GetLastPInvokeError()})");
            return CommandLine.Failed;
        }

        var start = new ProcessStartInfo(path) { UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary><c>execv</c> with <paramref name="path"/> as argv[0]; returns only when it fails.</summary>
    private static void Exec(string path, string[] args)
    {
        var argv = new IntPtr[args.Length + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(path);
            for (var i = 0; i < args.Length; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }

            _ = ExecV(argv[0], argv);
        }
        finally
        {
            foreach (var p in argv)
            {
                Marshal.FreeCoTaskMem(p);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "execv", SetLastError = true)]
    private static partial int ExecV(IntPtr path, IntPtr[] argv);
}
