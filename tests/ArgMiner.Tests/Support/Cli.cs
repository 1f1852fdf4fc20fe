namespace ArgMiner.Tests.Support;

/// <summary>Runs the argminer command line in-process and captures what it prints.</summary>
public static class Cli
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = ArgMiner.Cli.CommandLine.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
