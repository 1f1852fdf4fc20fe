using System.Diagnostics;

namespace ArgMiner.Tests.Support;

/// <summary>
/// The built argminer program run as a child process (through <c>/bin/sh</c>, as a batch engine runs a task's
/// command line, with the engine's variables in its environment), so a test can kill it for real.
/// </summary>
public static class ChildRun
{
    /// <summary>The argminer program beside the test binaries.</summary>
    public static string Program => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "argminer.exe" : "argminer");

    /// <summary>Starts <c>sh -c <paramref name="script"/></c> with <c>$ARGMINER</c> and <paramref name="environment"/> set.</summary>
    public static Process Start(string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        // exec: the shell becomes argminer, so killing the child kills the run itself.
        start.ArgumentList.Add("exec " + script);
        start.Environment["ARGMINER"] = Program;
        start.Environment["CI"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Runs to the end (at most <paramref name="seconds"/>); the exit code and standard error.</summary>
    public static (int Exit, string Err) Run(string script, IReadOnlyDictionary<string, string> environment, int seconds = 300)
    {
        using var process = Start(script, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(seconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{script}' did not finish in {seconds} s");
        }

        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr.Result);
    }

    /// <summary>
    /// Starts the run, waits until <paramref name="checkpoint"/> exists, then sends it SIGTERM (what Kubernetes
    /// sends an evicted pod) and waits for it to end; its exit code and standard error.
    /// </summary>
    public static (int Exit, string Err) TerminateAfterCheckpoint(string script, IReadOnlyDictionary<string, string> environment, string checkpoint, int seconds = 300)
    {
        using var process = Start(script, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        WaitFor(process, checkpoint, stderr, seconds);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(seconds * 1000), "the run did not stop after SIGTERM");
        process.WaitForExit();
        _ = stdout.Result;
        return (process.ExitCode, stderr.Result);
    }

    private static void WaitFor(Process process, string checkpoint, Task<string> stderr, int seconds)
    {
        var clock = Stopwatch.StartNew();
        while (!File.Exists(checkpoint))
        {
            if (process.HasExited)
            {
                Assert.Fail($"the run ended (exit {process.ExitCode}) before its first checkpoint, so it could not be stopped mid-batch: {stderr.Result}");
            }

            Assert.True(clock.Elapsed.TotalSeconds < seconds, "no checkpoint appeared");
            Thread.Sleep(5);
        }

        Assert.False(process.HasExited, "the run ended before it could be stopped mid-batch; give it more input");
    }

    /// <summary>
    /// Starts the run, waits until <paramref name="checkpoint"/> exists (a checkpoint was written mid-batch),
    /// then kills the process with SIGKILL; fails when the run ended before it could be killed.
    /// </summary>
    public static void KillAfterCheckpoint(string script, IReadOnlyDictionary<string, string> environment, string checkpoint, int seconds = 300)
    {
        using var process = Start(script, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        WaitFor(process, checkpoint, stderr, seconds);
        process.Kill();
        process.WaitForExit();
        _ = stdout.Result;
        _ = stderr.Result;
        Assert.NotEqual(0, process.ExitCode);
    }
}
