using ArgMiner.Pipeline;
using ArgMiner.Text;
using System.CommandLine;
using System.Globalization;
using System.Text;
using ArgMiner.Classification;
using ArgMiner.Cli.Settings;
using ArgMiner.Ingest;
using ArgMiner.Models;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer classify</c>'s settings.</summary>
/// <param name="Model">A model file, <c>accurate</c>, or null for the shipped model.</param>
/// <param name="Input">The text file to read, one sentence per line, or <c>-</c> for standard input.</param>
/// <param name="Out">The CSV file to write, or <c>-</c> for standard output.</param>
/// <param name="Explain">Add a 'why' column.</param>
/// <param name="Tag">Tag each line first as 'run' does.</param>
/// <param name="MlNet">Score with ML.NET's prediction engine (<c>--engine mlnet</c>) instead of the compiled weights.</param>
/// <param name="Encoding">How the input file is decoded.</param>
/// <param name="Gate">With the accurate tier, its gate instead of the model's (<c>--gate</c>); null for the model's.</param>
/// <param name="TunedOnly">With the accurate tier, run its tuned encoders only (<c>--encoders tuned</c>).</param>
/// <param name="Jobs">Threads that score lines with the fast model's compiled weights (<c>--jobs</c>).</param>
internal sealed record ClassifySettings(string? Model, string Input, string Out, bool Explain, bool Tag, bool MlNet, TextEncodingChoice Encoding, double? Gate = null, bool TunedOnly = false, int Jobs = 1);

/// <summary><c>argminer classify</c>: labels one sentence per input line and writes CSV.</summary>
internal static class ClassifyCommand
{
    /// <summary>The most characters of one input line that are scored and written (<see cref="LineLengthLimit"/>).</summary>
    internal const int MaxLineChars = 1_000_000;

    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>classify</c>'s options, and the binder that reads them into <see cref="ClassifySettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<ClassifySettings>
    {
        private readonly Option<string> _model = SharedOptions.Model("Model file (default: the shipped model), or 'accurate' for the encoder tier (see 'train-accurate')");
        private readonly Option<string> _input = new("--input") { Description = "Text file with one sentence per line, or - for standard input", DefaultValueFactory = _ => "-" };
        private readonly Option<string> _out = SharedOptions.Out("CSV file to write, or - for standard output", defaultValue: "-");
        private readonly Option<bool> _explain = new("--explain") { Description = "Add a 'why' column: the features that pushed each sentence to its label" };
        private readonly Option<bool> _tag = new("--tag")
        {
            Description = "Tag each line first as 'run' does (entities, numeric claims), so a model trained on tagged sentences scores it as in 'run'. "
                + "Much slower than the default bare-text scoring, which sees only the text's surface cues",
        };

        private readonly Option<string> _engine = new Option<string>("--engine")
        {
            Description = "compiled (default: the model's weights scored by ArgMiner, fast) or mlnet (the model's ML.NET model scored by ML.NET's prediction engine)",
            DefaultValueFactory = _ => "compiled",
        }.AcceptOnlyFromAmong("compiled", "mlnet");

        private readonly Option<string> _encoding = SharedOptions.Encoding();
        private readonly Option<double?> _gate = SharedOptions.Gate();
        private readonly Option<string?> _encoders = SharedOptions.TierEncoders();
        private readonly Option<int> _jobs = SharedOptions.Jobs(
            "Threads scoring lines with the fast model, and tagging them with --tag (default: all cores); the output is the same for any number. "
            + "--explain and --engine mlnet score one line at a time, and the accurate tier runs its encoders side by side");

        public Binder() => Command = new Command("classify", "Label one sentence per line as claim, evidence, opinion or other; write CSV text,label,confidence,p_claim,p_evidence,p_opinion,p_other.")
        {
            _model, _input, _out, _explain, _tag, _engine, _encoding, _gate, _encoders, _jobs,
        };

        public override Command Command { get; }

        public override ClassifySettings Bind(ParseResult parse) => new(
            parse.GetValue(_model),
            parse.GetValue(_input) ?? "-",
            parse.GetValue(_out) ?? "-",
            parse.GetValue(_explain),
            parse.GetValue(_tag),
            parse.GetValue(_engine) == "mlnet",
            parse.GetEncoding(_encoding),
            parse.GetValue(_gate),
            parse.GetValue(_encoders) == "tuned",
            parse.GetValue(_jobs));
    }

    /// <summary>Labels the input's lines as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(ClassifySettings settings, TextWriter stdout, TextWriter stderr)
    {
        var wantsAccurate = AccurateModel.IsRequested(settings.Model);
        if (wantsAccurate && (settings.Explain || settings.Tag || settings.MlNet))
        {
            stderr.WriteLine("argminer: --explain, --tag and --engine mlnet work with the fast model only, not with the accurate tier");
            return CommandLine.Usage;
        }

        if (!SharedOptions.CheckTierOptions(settings.Gate, settings.TunedOnly, () => wantsAccurate, stderr))
        {
            return CommandLine.Usage;
        }

        // FullRuntime.HasJit (constant in the native tool) leaves the accurate tier and ML.NET out of the native tool,
        // which hands both to the full build before it gets here.
        var accurate = !wantsAccurate ? null : FullRuntime.HasJit ? AccurateModel.Load(settings.Model!, stderr, settings.Gate, settings.TunedOnly) : throw FullRuntime.HandedOver();
        using var disposeEncoders = AccurateModel.EncodersOf(accurate);
        var classifier = wantsAccurate ? accurate?.Fast : ClassifierCli.LoadModel(settings.Model, stderr);
        if (classifier is null)
        {
            return CommandLine.Failed;
        }

        MlNetSentenceScorer? mlnet = null;
        if (settings.MlNet && FullRuntime.HasJit)
        {
            try
            {
                mlnet = new MlNetSentenceScorer(classifier, settings.Model ?? ShippedModels.ClassifierResource);
            }
            catch (ModelFormatException ex)
            {
                stderr.WriteLine($"argminer: {ex.Message}");
                return CommandLine.Failed;
            }
        }

        using var disposeEngine = mlnet;
        var inPath = settings.Input;
        var outPath = settings.Out;
        if (inPath != "-" && CommandLine.NotAFile(inPath) is { } notAFile)
        {
            stderr.WriteLine($"argminer: {notAFile}");
            return CommandLine.Failed;
        }

        void Emit(TextReader from, TextWriter to)
        {
            if (accurate is not null && FullRuntime.HasJit)
            {
                AccurateModel.Classify(accurate, from, to);
            }
            else
            {
                LineClassification.Classify(classifier, from, to, new LineClassificationOptions
                {
                    Explain = settings.Explain,
                    Tagger = settings.Tag ? ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger() : null,
                    Scorer = mlnet is null || !FullRuntime.HasJit ? null : (string text, in SentenceContext context, Span<double> p) => mlnet.Predict(text, context).Probabilities.AsSpan().CopyTo(p),
                    Jobs = settings.Jobs,
                });
            }
        }

        try
        {
            // Files are read by the one rule every reader follows (TextDecoding); standard input, which cannot
            // be read twice, must be UTF-8 (a BOM is dropped; a bad byte stops the command) unless
            // --encoding windows-1252 says otherwise.
            string? warning = null;
            TextReader opened;
            try
            {
                opened = inPath == "-"
                    ? TextStreams.ReadOnce(Console.OpenStandardInput(), settings.Encoding)
                    : TextStreams.Open(inPath, settings.Encoding, out warning);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A file this user may not read was .NET's words alone ("Access to the path '…' is denied."), until session 33.
                stderr.WriteLine($"argminer: {inPath}: cannot be read ({ex.Message.TrimEnd('.')})");
                return CommandLine.Failed;
            }

            // A line is a sentence: one past a million characters is scored and written as its first million, with a
            // warning naming it, so the rows stay one per input line (a 600 MB line took 8.3 GB until session 36).
            var where = inPath == "-" ? "standard input" : inPath;
            using var reader = new LineLengthLimit(opened, MaxLineChars, (line, length) => stderr.WriteLine(string.Create(
                CultureInfo.InvariantCulture, $"argminer: warning: {where}, line {line}: {length:N0} characters, more than the {MaxLineChars:N0} one line may hold; scored and written as its first {MaxLineChars:N0}")));
            if (warning is not null)
            {
                stderr.WriteLine($"argminer: warning: {inPath}: {warning}");
            }

            if (outPath == "-")
            {
                Emit(reader, stdout);
                stdout.Flush();
            }
            else
            {
                // Under a hidden temporary name, renamed when whole (AtomicFile, as every other written file): the
                // name used to be OUT.tmp, so a file of the user's of that name was overwritten and deleted.
                ArgMiner.Output.AtomicFile.WriteText(outPath, new UTF8Encoding(true), writer => Emit(reader, writer));
            }
        }
        catch (TextDecodingException ex)
        {
            // Standard input and pipes name the line too since session 33 (Utf8CheckingStream).
            stderr.WriteLine($"argminer: {(inPath == "-" ? "standard input" : inPath)}, line {ex.Line}: {ex.Message}{(outPath == "-" ? string.Empty : "; nothing written")}");
            return CommandLine.Failed;
        }
        catch (DecoderFallbackException)
        {
            // Not expected (files are checked before they are read, standard input and pipes as they are read); kept so
            // that a bad byte the checks let through is still one line.
            stderr.WriteLine($"argminer: {(inPath == "-" ? "standard input" : inPath)}: not valid UTF-8 (it can be read only once, so it is read as UTF-8: give --encoding windows-1252, or a file with --input to have its encoding detected){(outPath == "-" ? string.Empty : "; nothing written")}");
            return CommandLine.Failed;
        }
        catch (ArgMiner.Output.OutputPathException ex)
        {
            // --out cannot be written where it is asked for (its message is the path and why, one line): a usage error.
            stderr.WriteLine($"argminer: --out {ex.Message}");
            return CommandLine.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return CommandLine.Failed;
        }

        return CommandLine.Ok;
    }
}
