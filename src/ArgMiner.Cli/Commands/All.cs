using System.CommandLine;

namespace ArgMiner.Cli.Commands;

/// <summary>Every subcommand, in the order <c>--help</c> lists them.</summary>
internal static class All
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr)
    {
        yield return RunCommand.Create(stdout, stderr);
        yield return MergeCommand.Create(stdout, stderr);
        yield return TrainCommand.Create(stdout, stderr);
        yield return TrainAccurateCommand.Create(stdout, stderr);
        yield return EvaluateCommand.Create(stdout, stderr);
        yield return CalibrateCommand.Create(stdout, stderr);
        yield return ImportVectorsCommand.Create(stdout, stderr);
        yield return ClassifyCommand.Create(stdout, stderr);
        yield return EvaluateTextCommand.Create(stdout, stderr);
        yield return TrainTaggerCommand.Create(stdout, stderr);
        yield return EvaluateTaggerCommand.Create(stdout, stderr);
        yield return EvaluateNumbersCommand.Create(stdout, stderr);
    }
}
