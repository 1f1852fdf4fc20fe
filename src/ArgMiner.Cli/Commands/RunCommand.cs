using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ArgMiner.Classification;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Pipeline;
using Spectre.Console;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer run &lt;inputs…&gt; --out DIR [--format csv,jsonl] [--jobs N]</c>: the batch pipeline.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files and folders (searched recursively for .txt and .jsonl), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the outputs to (created if missing).", Required = true };
        var format = new Option<string>("--format") { Description = "Comma-separated outputs: csv, jsonl.", DefaultValueFactory = _ => "csv,jsonl" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents processed in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var model = new Option<string?>("--model", "-m") { Description = "A sentence classifier trained with 'argminer train' (default: the shipped one), or 'accurate' for the encoder tier." };
        var stages = new Option<string>("--pipeline") { Description = "full (default): every stage; text: tokenize and split only (no tags, numbers or labels).", DefaultValueFactory = _ => "full" };
        stages.AcceptOnlyFromAmong("full", "text");
        var command = new Command("run", "Run the pipeline over articles and write CSV and JSON Lines.") { inputs, output, format, jobs, model, stages };
        command.SetAction(parse =>
        {
            if (!TryParseFormats(parse.GetValue(format)!, out var formats))
            {
                stderr.WriteLine($"argminer: --format takes csv, jsonl or both (csv,jsonl), not '{parse.GetValue(format)}'");
                return CommandLine.Usage;
            }

            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
            {
                stderr.WriteLine("argminer: --jobs must be at least 1");
                return CommandLine.Usage;
            }

            // Models load before any output file is opened: a bad model file leaves earlier outputs untouched.
            var pipeline = parse.GetValue(stages) == "text"
                ? TextPipeline.CreateDefault()
                : AccurateModel.IsRequested(parse.GetValue(model)) ? AccurateModel.CreatePipeline(parse.GetValue(model)!, stderr)
                : TextPipeline.CreateFull(parse.GetValue(model) is { } path ? SentenceClassifier.Load(path) : null);
            if (pipeline is null)
            {
                return CommandLine.Failed;
            }

            return Run(parse.GetValue(inputs)!, parse.GetValue(output)!, formats, jobCount, stdout, stderr, pipeline);
        });
        return command;
    }

    internal static int Run(IReadOnlyList<string> inputs, string outDir, OutputFormats formats, int jobs, TextWriter stdout, TextWriter stderr, TextPipeline pipeline)
    {
        var enumerator = new InputEnumerator(inputs);
        var runner = new BatchRunner(pipeline, jobs);
        BatchSummary summary;
        var errors = new List<InputError>();
        using (var writer = new BatchWriter(outDir, formats))
        {
            if (ShowProgress())
            {
                long total = Math.Max(1, enumerator.Files().Sum(f => f.Path != "-" && File.Exists(f.Path) ? new FileInfo(f.Path).Length : 0));
                summary = AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("argminer run", maxValue: total);
                        var result = runner.Run(enumerator.Read(), writer, errors.Add, d => task.Increment(System.Text.Encoding.UTF8.GetByteCount(d.Text)));
                        task.Value = task.MaxValue;
                        return result;
                    });
                foreach (var error in errors)
                {
                    stderr.WriteLine($"argminer: {error}");
                }
            }
            else
            {
                summary = runner.Run(enumerator.Read(), writer, e =>
                {
                    errors.Add(e);
                    stderr.WriteLine($"argminer: {e}");
                });
            }

            writer.Commit();
            stdout.WriteLine(Summarise(summary, outDir, writer.Files));
        }

        return summary.Skipped > 0 ? CommandLine.Failed : CommandLine.Ok;
    }

    internal static string Summarise(BatchSummary s, string outDir, IEnumerable<string> files)
    {
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 1e-9);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return string.Create(CultureInfo.InvariantCulture,
            $"argminer: {s.Documents} documents, {s.Sentences} sentences, {s.Tokens} tokens in {seconds:0.000} s " +
            $"({s.Bytes / 1e6 / seconds:0.00} MB/s, {s.Tokens / seconds:0} tokens/s, peak memory {peak:0} MB); " +
            $"{s.Skipped} skipped; wrote {string.Join(", ", files.Select(f => Path.Combine(outDir, f)))}");
    }

    private static bool TryParseFormats(string text, out OutputFormats formats)
    {
        formats = OutputFormats.None;
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "csv":
                    formats |= OutputFormats.Csv;
                    break;
                case "jsonl":
                case "json":
                    formats |= OutputFormats.JsonLines;
                    break;
                default:
                    return false;
            }
        }

        return formats != OutputFormats.None;
    }

    // A bar only for a person at a terminal; logs and pipes get the one-line summary.
    private static bool ShowProgress() =>
        !Console.IsErrorRedirected && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("CI") is null
        && AnsiConsole.Profile.Capabilities.Interactive;
}
