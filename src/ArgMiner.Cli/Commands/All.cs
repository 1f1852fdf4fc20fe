using System.CommandLine;

namespace ArgMiner.Cli.Commands;

/// <summary>Every subcommand, in the order <c>--help</c> lists them.</summary>
internal static class All
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr)
    {
        var run = RunCommand.Create(stdout, stderr);
        var merge = MergeCommand.Create(stdout, stderr);
        var classify = ClassifyCommand.Create(stdout, stderr);

        // The native tool holds only the commands it runs itself (FullRuntime.NativeCommands), so that training,
        // evaluation and ML.NET stay out of it; it hands every other command line to the full build before parsing.
        // (A list, not an iterator: the native compiler drops the branch, which an iterator's resume points would keep.)
        if (!FullRuntime.HasJit)
        {
            return [run, merge, classify];
        }

        return
        [
            run,
            merge,
            TrainCommand.Create(stdout, stderr),
            TrainAccurateCommand.Create(stdout, stderr),
            EvaluateCommand.Create(stdout, stderr),
            CalibrateCommand.Create(stdout, stderr),
            ImportVectorsCommand.Create(stdout, stderr),
            classify,
            EvaluateTextCommand.Create(stdout, stderr),
            TrainTaggerCommand.Create(stdout, stderr),
            EvaluateTaggerCommand.Create(stdout, stderr),
            EvaluateNumbersCommand.Create(stdout, stderr),
        ];
    }
}
