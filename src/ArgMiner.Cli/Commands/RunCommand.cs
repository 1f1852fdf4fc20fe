using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ArgMiner.Classification;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Pipeline;
using Spectre.Console;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer run &lt;inputs…&gt; --out DIR [--format csv,jsonl,xlsx,html] [--jobs N]</c>: the batch pipeline.</summary>
internal static class RunCommand
{
    /// <summary>The most threads a batch may use: its window holds 8 documents per job in memory.</summary>
    internal const int MaxJobs = 1024;

    /// <summary>Exit code after Ctrl-C (128 + SIGINT, as shells report it).</summary>
    internal const int Interrupted = 130;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var inputs = new Argument<string[]>("inputs")
        {
            Description = "Files and folders (searched recursively for .txt and .jsonl), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the outputs to (created if missing).", Required = true };
        var format = new Option<string>("--format") { Description = "Comma-separated outputs: csv, jsonl, xlsx (argminer.xlsx), html (report.html), parquet (documents/sentences/entities/numbers.parquet).", DefaultValueFactory = _ => "csv,jsonl" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents processed in parallel.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var model = new Option<string?>("--model", "-m") { Description = "A sentence classifier trained with 'argminer train' (default: the shipped one), or 'accurate' for the encoder tier." };
        var stages = new Option<string>("--pipeline") { Description = "full (default): every stage; text: tokenize and split only (no tags, numbers or labels).", DefaultValueFactory = _ => "full" };
        stages.AcceptOnlyFromAmong("full", "text");
        var encoding = CommandLine.EncodingOption();
        var command = new Command("run", "Run the pipeline over articles and write CSV and JSON Lines.") { inputs, output, format, jobs, model, stages, encoding };
        command.SetAction(parse =>
        {
            if (!TryParseFormats(parse.GetValue(format)!, out var formats))
            {
                stderr.WriteLine($"argminer: --format takes csv, jsonl, xlsx, html, parquet or several (csv,xlsx), not '{parse.GetValue(format)}'");
                return CommandLine.Usage;
            }

            var jobCount = parse.GetValue(jobs);
            if (jobCount is < 1 or > MaxJobs)
            {
                stderr.WriteLine($"argminer: --jobs must be between 1 and {MaxJobs}");
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

            // Ctrl-C or a termination request stops reading; what was written so far is removed, not published.
            using var interrupt = new CancellationTokenSource();
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            return Run(parse.GetValue(inputs)!, parse.GetValue(output)!, formats, jobCount, stdout, stderr, pipeline, interrupt.Token, TextDecoding.ParseChoice(parse.GetValue(encoding))!.Value);

            void Stop(PosixSignalContext context)
            {
                if (!interrupt.IsCancellationRequested)
                {
                    context.Cancel = true;
                    interrupt.Cancel();
                }
            }
        });
        return command;
    }

    internal static int Run(IReadOnlyList<string> inputs, string outDir, OutputFormats formats, int jobs, TextWriter stdout, TextWriter stderr, TextPipeline pipeline, CancellationToken interrupted = default, TextEncodingChoice encoding = TextEncodingChoice.Auto)
    {
        OutputSet set;
        try
        {
            set = OutputSet.Open(outDir, inputs, note => stderr.WriteLine($"argminer: {note}"));
        }
        catch (OutputFolderException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return CommandLine.Usage;
        }

        using var _ = set;
        var warnings = new List<InputError>();
        var progress = ShowProgress();
        var enumerator = new InputEnumerator(inputs, encoding: encoding, warn: w =>
        {
            if (progress)
            {
                warnings.Add(w);
            }
            else
            {
                stderr.WriteLine($"argminer: warning: {w}");
            }
        });
        var runner = new BatchRunner(pipeline, jobs);
        BatchSummary summary;
        var errors = new List<InputError>();
        var items = enumerator.Read().TakeWhile(_ => !interrupted.IsCancellationRequested);
        using (var writer = new BatchWriter(set.Staging, formats))
        {
            if (progress)
            {
                long total = Math.Max(1, enumerator.Files().Sum(f => f.Path != "-" && File.Exists(f.Path) ? new FileInfo(f.Path).Length : 0));
                summary = AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("argminer run", maxValue: total);
                        var result = runner.Run(items, writer, errors.Add, d => task.Increment(System.Text.Encoding.UTF8.GetByteCount(d.Text)));
                        task.Value = task.MaxValue;
                        return result;
                    });
                foreach (var warning in warnings)
                {
                    stderr.WriteLine($"argminer: warning: {warning}");
                }

                foreach (var error in errors)
                {
                    stderr.WriteLine($"argminer: {error}");
                }
            }
            else
            {
                summary = runner.Run(items, writer, e =>
                {
                    errors.Add(e);
                    stderr.WriteLine($"argminer: {e}");
                });
            }

            if (interrupted.IsCancellationRequested)
            {
                stderr.WriteLine($"argminer: interrupted after {summary.Documents} documents; nothing written, {outDir} left as it was");
                return Interrupted;
            }

            if (summary.Documents == 0)
            {
                stderr.WriteLine($"argminer: no document was read; nothing written, {outDir} left as it was");
                return CommandLine.Failed;
            }

            writer.Commit();
            set.Publish(writer.Files);
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
                case "xlsx":
                    formats |= OutputFormats.Xlsx;
                    break;
                case "html":
                    formats |= OutputFormats.Html;
                    break;
                case "parquet":
                    formats |= OutputFormats.Parquet;
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
