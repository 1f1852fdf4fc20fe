using ArgMiner.Text;
using System.CommandLine;
using System.Text;
using ArgMiner.Classification;
using ArgMiner.Ingest;
using ArgMiner.Models;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer classify</c>: labels one sentence per input line and writes CSV.</summary>
internal static class ClassifyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string>("--model") { Description = "Model file (default: the shipped model), or 'accurate' for the encoder tier (see 'train-accurate')" };
        var input = new Option<string>("--input") { Description = "Text file with one sentence per line, or - for standard input", DefaultValueFactory = _ => "-" };
        var output = new Option<string>("--out") { Description = "CSV file to write, or - for standard output", DefaultValueFactory = _ => "-" };
        var explain = new Option<bool>("--explain") { Description = "Add a 'why' column: the features that pushed each sentence to its label" };
        var tag = new Option<bool>("--tag")
        {
            Description = "Tag each line first as 'run' does (entities, numeric claims), so a model trained on tagged sentences scores it as in 'run'. "
                + "Much slower than the default bare-text scoring, which sees only the text's surface cues",
        };
        var engine = new Option<string>("--engine")
        {
            Description = "compiled (default: the model's weights scored by ArgMiner, fast) or mlnet (the model's ML.NET model scored by ML.NET's prediction engine)",
            DefaultValueFactory = _ => "compiled",
        };
        engine.AcceptOnlyFromAmong("compiled", "mlnet");
        var encoding = CommandLine.EncodingOption();
        var command = new Command("classify", "Label one sentence per line as claim, evidence, opinion or other; write CSV text,label,confidence,p_claim,p_evidence,p_opinion,p_other.")
        {
            model, input, output, explain, tag, engine, encoding,
        };
        command.SetAction(parse =>
        {
            var wantsAccurate = AccurateModel.IsRequested(parse.GetValue(model));
            if (wantsAccurate && (parse.GetValue(explain) || parse.GetValue(tag) || parse.GetValue(engine) == "mlnet"))
            {
                stderr.WriteLine("argminer: --explain, --tag and --engine mlnet work with the fast model only, not with the accurate tier");
                return CommandLine.Usage;
            }

            var accurate = wantsAccurate ? AccurateModel.Load(parse.GetValue(model)!, stderr) : null;
            using var disposeEncoder = accurate?.Embedder;
            var classifier = wantsAccurate ? accurate?.Fast : ClassifierCli.LoadModel(parse.GetValue(model), stderr);
            if (classifier is null)
            {
                return CommandLine.Failed;
            }

            MlNetSentenceScorer? mlnet = null;
            if (parse.GetValue(engine) == "mlnet")
            {
                try
                {
                    mlnet = new MlNetSentenceScorer(classifier, parse.GetValue(model) ?? SentenceClassifier.DefaultResource);
                }
                catch (ModelFormatException ex)
                {
                    stderr.WriteLine($"argminer: {ex.Message}");
                    return CommandLine.Failed;
                }
            }

            using var disposeEngine = mlnet;
            var inPath = parse.GetValue(input) ?? "-";
            var outPath = parse.GetValue(output) ?? "-";
            if (inPath != "-" && !File.Exists(inPath))
            {
                stderr.WriteLine($"argminer: {inPath}: file not found");
                return CommandLine.Failed;
            }

            void Emit(TextReader from, TextWriter to)
            {
                if (accurate is not null)
                {
                    AccurateModel.Classify(accurate, from, to);
                }
                else
                {
                    LineClassification.Classify(classifier, from, to, new LineClassificationOptions
                    {
                        Explain = parse.GetValue(explain),
                        Tag = parse.GetValue(tag),
                        Scorer = mlnet is null ? null : (string text, in SentenceContext context, Span<double> p) => mlnet.Predict(text, context).Probabilities.AsSpan().CopyTo(p),
                    });
                }
            }

            try
            {
                // Files are read by the one rule every reader follows (TextDecoding); standard input, which cannot
                // be read twice, must be UTF-8 (a BOM is dropped) and a bad byte stops the command.
                string? warning = null;
                using var reader = inPath == "-"
                    ? new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, throwOnInvalidBytes: true))
                    : TextStreams.Open(inPath, TextDecoding.ParseChoice(parse.GetValue(encoding))!.Value, out warning);
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
                    var temp = Path.GetFullPath(outPath) + ".tmp";
                    try
                    {
                        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(true), 1 << 16))
                        {
                            Emit(reader, writer);
                        }

                        File.Move(temp, outPath, overwrite: true);
                    }
                    finally
                    {
                        File.Delete(temp);
                    }
                }
            }
            catch (TextDecodingException ex)
            {
                stderr.WriteLine($"argminer: {inPath}, line {ex.Line}: {ex.Message}; nothing written");
                return CommandLine.Failed;
            }
            catch (DecoderFallbackException)
            {
                stderr.WriteLine($"argminer: {(inPath == "-" ? "standard input" : inPath)}: not valid {(inPath == "-" ? "UTF-8 (standard input is read as UTF-8; give the file with --input to have another encoding detected)" : "text")}{(outPath == "-" ? string.Empty : "; nothing written")}");
                return CommandLine.Failed;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"argminer: {ex.Message}");
                return CommandLine.Failed;
            }

            return CommandLine.Ok;
        });
        return command;
    }
}
