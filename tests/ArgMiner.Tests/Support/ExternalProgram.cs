using System.Diagnostics;

namespace ArgMiner.Tests.Support;

/// <summary>
/// A test that needs an external program (LibreOffice's soffice, Chromium): reported as Skipped, with the reason,
/// on a machine without it (xunit v2 has no dynamic skip, so the attribute sets <see cref="FactAttribute.Skip"/>
/// when it is built). .ci/run installs both, so they run in CI.
/// </summary>
public sealed class ProgramFactAttribute : FactAttribute
{
    public ProgramFactAttribute(string program)
    {
        if (ExternalProgram.Find(program) is null)
        {
            Skip = $"{program} is not installed (apt-get install {ExternalProgram.Package(program)})";
        }
    }
}

/// <summary>Finds and runs an external program with a time limit.</summary>
public static class ExternalProgram
{
    /// <summary>The Debian package that brings <paramref name="program"/>.</summary>
    public static string Package(string program) => program switch
    {
        "soffice" => "libreoffice-calc-nogui",
        "chromium" => "chromium",
        _ => program,
    };

    /// <summary>The program's full path on PATH, or null.</summary>
    public static string? Find(string program)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs <paramref name="program"/> and returns its exit code and standard output; kills it after <paramref name="seconds"/>.</summary>
    public static (int Exit, string Out, string Err) Run(string program, IEnumerable<string> args, int seconds = 180)
    {
        var start = new ProcessStartInfo(Find(program) ?? program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(seconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish in {seconds} s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
