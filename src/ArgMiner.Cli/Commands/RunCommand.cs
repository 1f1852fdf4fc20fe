using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ArgMiner.Classification;
using ArgMiner.Cli.Settings;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Pipeline;
using Spectre.Console;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer run</c>'s settings.</summary>
/// <param name="Inputs">Files and folders to read, or <c>-</c> for standard input.</param>
/// <param name="Out">The folder to write the outputs to.</param>
/// <param name="Formats">The outputs to write (<c>--format</c>).</param>
/// <param name="Jobs">Documents processed in parallel.</param>
/// <param name="Model">A sentence classifier file, <c>accurate</c>, or null for the shipped model.</param>
/// <param name="TextOnly">Tokenize and split only (<c>--pipeline text</c>).</param>
/// <param name="Encoding">How files are decoded.</param>
/// <param name="Comments">How plain text's reader comments are found (<c>--comments</c>).</param>
/// <param name="Shard">Only this shard of the inputs (<c>--shard K/N</c>), or null for all.</param>
/// <param name="Resume">Checkpoint as the batch goes and continue an interrupted run (<c>--resume</c>).</param>
/// <param name="CheckpointEvery">Documents between checkpoints of a sharded or resumable run.</param>
/// <param name="Gate">With the accurate tier, its gate instead of the model's (<c>--gate</c>); null for the model's.</param>
/// <param name="TunedOnly">With the accurate tier, run its tuned encoders only (<c>--encoders tuned</c>).</param>
internal sealed record RunSettings(IReadOnlyList<string> Inputs, string Out, OutputFormats Formats, int Jobs, string? Model, bool TextOnly, TextEncodingChoice Encoding,
    CommentDetection Comments = CommentDetection.Auto, ShardSpec? Shard = null, bool Resume = false, int CheckpointEvery = RunCommand.DefaultCheckpointEvery, double? Gate = null, bool TunedOnly = false)
{
    /// <summary>Whether the run stores its documents and checkpoints (a shard or a resumable run).</summary>
    public bool Checkpointed => Shard is not null || Resume;
}

/// <summary><c>argminer run &lt;inputs…&gt; --out DIR [--format csv,jsonl,xlsx,html] [--jobs N]</c>: the batch pipeline.</summary>
internal static class RunCommand
{
    /// <summary>The most threads a batch may use: its two windows hold 64 documents (16 per job beyond four; at most 256 K characters per job) each.</summary>
    internal const int MaxJobs = SharedOptions.MaxJobs;

    /// <summary><c>--checkpoint-every</c>'s default.</summary>
    internal const int DefaultCheckpointEvery = 1000;

    /// <summary>Exit code after Ctrl-C (128 + SIGINT, as shells report it).</summary>
    internal const int Interrupted = 130;

    /// <summary><c>--format</c>'s default: the four CSV tables and documents.jsonl.</summary>
    private static readonly OptionValue<OutputFormats> DefaultFormats = new(OutputFormats.Csv | OutputFormats.JsonLines, "csv,jsonl");

    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>run</c>'s arguments and options, and the binder that reads them into <see cref="RunSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<RunSettings>
    {
        private readonly Argument<string[]> _inputs = new("inputs")
        {
            Description = "Files and folders (searched recursively for .txt, .md, .markdown, .html, .htm, .docx, .pdf and .jsonl), or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };

        private readonly Option<string> _out = SharedOptions.Out("Folder to write the outputs to (created if missing).", required: true, shortAlias: true);
        private readonly Option<OptionValue<OutputFormats>> _format = new("--format")
        {
            Description = "Comma-separated outputs: csv, jsonl, xlsx (argminer.xlsx), html (report.html), parquet (documents/sentences/entities/numbers.parquet).",
            DefaultValueFactory = _ => DefaultFormats,
            CustomParser = OptionParsers.Formats,
        };

        private readonly Option<int> _jobs = SharedOptions.Jobs();
        private readonly Option<string> _model = SharedOptions.Model("A sentence classifier trained with 'argminer train' (default: the shipped one), or 'accurate' for the encoder tier.", shortAlias: true);
        private readonly Option<string> _pipeline = new Option<string>("--pipeline") { Description = "full (default): every stage; text: tokenize and split only (no tags, numbers or labels).", DefaultValueFactory = _ => "full" }.AcceptOnlyFromAmong("full", "text");
        private readonly Option<string> _encoding = SharedOptions.Encoding();
        private readonly Option<string> _comments = new Option<string>("--comments")
        {
            Description = "Reader comments in plain text: auto (default): below a comments heading ('Comments', '12 comments') or from the first of "
                + "the writers' lines ('name wrote:', 'Posted by name at 10:42'); else after blank lines, when the lines there read like comments "
                + "(first person, addressing the reader, no reporting) and unlike the article; blank-lines: everything after the first two or more "
                + "blank lines; none: no comment section.",
            DefaultValueFactory = _ => "auto",
        }.AcceptOnlyFromAmong("auto", "none", "blank-lines");

        private readonly Option<ShardSpec?> _shard = new("--shard")
        {
            Description = "Process only shard K of N (K from 0; e.g. --shard $JOB_COMPLETION_INDEX/8); 'argminer merge' joins the shards' folders.",
            CustomParser = OptionParsers.Shard,
        };

        private readonly Option<bool> _resume = new("--resume") { Description = "Checkpoint as the batch goes; after a crash or kill, the same command continues from the last checkpoint." };
        private readonly Option<double?> _gate = SharedOptions.Gate();
        private readonly Option<string?> _encoders = SharedOptions.TierEncoders();
        private readonly Option<int> _checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Documents between checkpoints (with --shard or --resume).", DefaultValueFactory = _ => DefaultCheckpointEvery }
            .InRange(1, int.MaxValue, "--checkpoint-every must be at least 1");

        public Binder()
        {
            // Standard input can be read once: a second '-' was reported as an empty file and made the run exit 1.
            _inputs.Validators.Add(result =>
            {
                if (result.Tokens.Count(t => t.Value == "-") > 1)
                {
                    result.AddError("standard input (-) can be given once");
                }
            });
            Command = new Command("run", "Run the pipeline over articles and write CSV and JSON Lines (by default), an xlsx workbook, an HTML report or Parquet.") { _inputs, _out, _format, _jobs, _model, _pipeline, _encoding, _comments, _shard, _resume, _checkpointEvery, _gate, _encoders };
        }

        public override Command Command { get; }

        public override RunSettings Bind(ParseResult parse) => new(
            parse.GetValue(_inputs) ?? [],
            parse.GetValue(_out)!,
            (parse.GetValue(_format) ?? DefaultFormats).Value,
            parse.GetValue(_jobs),
            parse.GetValue(_model),
            parse.GetValue(_pipeline) == "text",
            parse.GetEncoding(_encoding),
            parse.GetValue(_comments) switch { "none" => CommentDetection.None, "blank-lines" => CommentDetection.BlankLines, _ => CommentDetection.Auto },
            parse.GetValue(_shard),
            parse.GetValue(_resume),
            parse.GetValue(_checkpointEvery),
            parse.GetValue(_gate),
            parse.GetValue(_encoders) == "tuned");
    }

    /// <summary>Runs the pipeline as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(RunSettings settings, TextWriter stdout, TextWriter stderr)
    {
        // Options that the rest of the command line makes idle are refused, as --gate is without the accurate tier: with
        // --pipeline text no model is loaded, so a mistyped --model path ran without a word (and '--model accurate
        // --gate 0.8' was told that --gate needs --model accurate); without --shard or --resume nothing checkpoints.
        if (settings.TextOnly && settings.Model is not null)
        {
            stderr.WriteLine("argminer: --model applies to the full pipeline only (--pipeline text labels nothing)");
            return CommandLine.Usage;
        }

        if (!settings.Checkpointed && settings.CheckpointEvery != DefaultCheckpointEvery)
        {
            stderr.WriteLine("argminer: --checkpoint-every applies with --resume or --shard only (a plain run keeps no checkpoints)");
            return CommandLine.Usage;
        }

        if (!SharedOptions.CheckTierOptions(settings.Gate, settings.TunedOnly, () => !settings.TextOnly && AccurateModel.IsRequested(settings.Model), stderr))
        {
            return CommandLine.Usage;
        }

        var profile = RunProfile.FromEnvironment();
        // Models load before any output file is opened: a bad model file leaves earlier outputs untouched.
        var pipeline = settings.TextOnly
            ? TextPipeline.CreateDefault()
            : AccurateModel.IsRequested(settings.Model) ? (FullRuntime.HasJit ? AccurateModel.CreatePipeline(settings.Model!, stderr, settings.Gate, settings.TunedOnly) : throw FullRuntime.HandedOver())
            : TextPipeline.CreateFull(settings.Model is { } path ? SentenceClassifier.Load(path) : null);
        if (pipeline is null)
        {
            return CommandLine.Failed;
        }

        // Reading the models (about 50 MB allocated) leaves their decoded files behind as garbage; collecting it once
        // now, before the batch, keeps it out of the batch's peak memory (issue 12). The large-object heap is not
        // compacted: that moved the live model tables, half a one-document run's GC pauses (median 17 -> 8.5 ms, 10
        // interleaved runs), and the IBM run's peak memory is the same without it (CSV/JSONL/Parquet, 4 interleaved runs:
        // 220-228 MB against 218-234 MB), the batch's large arrays reusing the freed space.
        if (!settings.TextOnly)
        {
            GC.Collect();
        }

        profile?.ModelsLoaded(pipeline);

        // Ctrl-C or a termination request stops reading and the documents in flight, inside their stages and their
        // writing (BatchRunner.Cancellation); what was written so far is removed, not published.
        return Interruptible(interrupted => settings.Checkpointed
            ? CheckpointedRun.Run(settings, pipeline, stdout, stderr, interrupted)
            : Run(settings.Inputs, settings.Out, settings.Formats, settings.Jobs, stdout, stderr, pipeline, interrupted, settings.Encoding, settings.Comments, profile));
    }

    /// <summary>
    /// Runs <paramref name="command"/> with a token that the first Ctrl-C or termination request cancels instead of
    /// ending the process (a second one ends it); <c>run</c> and <c>merge</c> then remove what they wrote and say so.
    /// </summary>
    internal static int Interruptible(Func<CancellationToken, int> command)
    {
        using var interrupt = new CancellationTokenSource();
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        return command(interrupt.Token);

        void Stop(PosixSignalContext context)
        {
            if (!interrupt.IsCancellationRequested)
            {
                context.Cancel = true;
                interrupt.Cancel();
            }
        }
    }

    internal static int Run(IReadOnlyList<string> inputs, string outDir, OutputFormats formats, int jobs, TextWriter stdout, TextWriter stderr, TextPipeline pipeline, CancellationToken interrupted = default,
        TextEncodingChoice encoding = TextEncodingChoice.Auto, CommentDetection comments = CommentDetection.Auto, RunProfile? profile = null)
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
        var enumerator = new InputEnumerator(inputs, encoding: encoding, comments: comments, knownWord: ShippedModels.IsEnglishWord, warn: w =>
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
        var runner = new BatchRunner(pipeline, jobs) { Profile = profile?.Batch, Cancellation = interrupted };
        profile?.BatchStarted();
        BatchSummary summary;
        var errors = new List<InputError>();
        var items = enumerator.Read().TakeWhile(_ => !interrupted.IsCancellationRequested);
        try
        {
            using (var writer = new BatchWriter(set.Staging, formats, jobs))
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
                    stderr.WriteLine(InputError.OneLine($"argminer: interrupted after {summary.Documents} documents; nothing written, {outDir} left as it was"));
                    return Interrupted;
                }

                if (summary.Documents == 0)
                {
                    stderr.WriteLine(InputError.OneLine($"argminer: no document was read; nothing written, {outDir} left as it was"));
                    return CommandLine.Failed;
                }

                profile?.BatchEnded();
                writer.Commit();
                set.Publish(writer.Files);
                stdout.WriteLine(Summarise(summary, outDir, writer.Files));
                WriteOutputNotes(stdout, writer.OutputNotes);
            }
        }
        catch (IOException ex) when (OutputPath.NoSpace(ex) is { } why)
        {
            // The staging folder goes with the set (disposed on return) and the output folder is not touched. .NET's words
            // named a hidden temporary file in the staging folder (".out.partial/.documents.jsonl.partial") until session 35.
            stderr.WriteLine(NoSpaceLine(outDir, why));
            return CommandLine.Failed;
        }

        profile?.Report(stderr);

        return summary.Skipped > 0 ? CommandLine.Failed : CommandLine.Ok;
    }

    /// <summary>One line for each thing the workbook or the report leaves out or cuts (<see cref="BatchWriter.OutputNotes"/>).</summary>
    internal static void WriteOutputNotes(TextWriter stdout, IEnumerable<(string File, string Note)> notes)
    {
        foreach (var (file, note) in notes)
        {
            stdout.WriteLine(InputError.OneLine($"argminer: note: {file}: {note}"));
        }
    }

    /// <summary>The one line for a run or merge stopped by a full disk (<see cref="OutputPath.NoSpace"/>): nothing is published.</summary>
    internal static string NoSpaceLine(string outDir, string why) =>
        InputError.OneLine($"argminer: {outDir}: {why}; nothing was written, {outDir} is left as it was. Free some space and run again");

    internal static string Summarise(BatchSummary s, string outDir, IEnumerable<string> files)
    {
        var seconds = Math.Max(s.Elapsed.TotalSeconds, 1e-9);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        return InputError.OneLine(string.Create(CultureInfo.InvariantCulture,
            $"argminer: {Count(s.Documents, "document")}, {Count(s.Sentences, "sentence")}, {Count(s.Tokens, "token")} in {seconds:0.000} s " +
            $"({s.Bytes / 1e6 / seconds:0.00} MB/s, {s.Tokens / seconds:0} tokens/s, peak memory {peak:0} MB); " +
            $"{s.Skipped} skipped; wrote {string.Join(", ", files.Select(f => Path.Combine(outDir, f)))}"));

        // "1 documents, 1 sentences" until session 36.
        static string Count(long n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : "s")}");
    }

    // A bar only for a person at a terminal; logs and pipes get the one-line summary.
    private static bool ShowProgress() =>
        !Console.IsErrorRedirected && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("CI") is null
        && AnsiConsole.Profile.Capabilities.Interactive;
}
