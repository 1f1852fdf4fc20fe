using ArgMiner.Pipeline;
using System.CommandLine;
using ArgMiner.Cli.Settings;
using ArgMiner.Models;
using ArgMiner.Tagging;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer evaluate-tagger</c>'s settings.</summary>
/// <param name="Kind"><c>pos</c> or <c>ner</c>.</param>
/// <param name="Model">The model file.</param>
/// <param name="Data">The gold corpus.</param>
/// <param name="Format">The corpus format (<c>--format</c>, else from the extension).</param>
/// <param name="Split">For GMB: the sentences measured on.</param>
/// <param name="Gazetteer">For ner: a gazetteer TSV or <c>none</c>, or null for the shipped one.</param>
/// <param name="Errors">For ner: a file for every sentence whose entities differ, or null.</param>
internal sealed record EvaluateTaggerSettings(string Kind, string Model, string Data, string Format, GmbSplit Split, string? Gazetteer, string? Errors);

/// <summary>
/// <c>argminer evaluate-tagger pos|ner --model FILE --data PATH [--format conllu|gmb|iob2|conll] [--split heldout|train|all] [--gazetteer FILE|none]</c>:
/// token accuracy of a POS model, or exact-span entity precision, recall and F1 of a NER model.
/// </summary>
internal static class EvaluateTaggerCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>evaluate-tagger</c>'s argument and options, and the binder that reads them into <see cref="EvaluateTaggerSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<EvaluateTaggerSettings>
    {
        private readonly Argument<string> _kind = new Argument<string>("kind") { Description = "pos or ner" }.AcceptOnlyFromAmong("pos", "ner");
        private readonly Option<string> _model = SharedOptions.Model("model file", required: true);
        private readonly Option<string> _data = new("--data") { Description = "gold corpus", Required = true };
        private readonly Option<string?> _format = new Option<string?>("--format") { Description = "conllu, gmb, iob2 or conll (default: from the extension)" }.AcceptOnlyFromAmong("conllu", "gmb", "iob2", "conll");
        private readonly Option<string> _split = new Option<string>("--split") { Description = "for gmb: heldout (every 10th sentence, never trained on), train or all", DefaultValueFactory = _ => "heldout" }.AcceptOnlyFromAmong("heldout", "train", "all");
        private readonly Option<string?> _gazetteer = new("--gazetteer") { Description = "for ner: gazetteer TSV to apply, or 'none' (default: the shipped one)" };
        private readonly Option<string?> _errors = new("--errors") { Description = "for ner: write every sentence whose entities differ from the gold ones to this file" };

        public Binder() => Command = new Command("evaluate-tagger", "Measure a POS or NER model on gold data.") { _kind, _model, _data, _format, _split, _gazetteer, _errors };

        public override Command Command { get; }

        public override EvaluateTaggerSettings Bind(ParseResult parse)
        {
            var data = parse.GetValue(_data)!;
            return new(parse.GetValue(_kind)!, parse.GetValue(_model)!, data, TaggerData.FormatOf(data, parse.GetValue(_format)), TaggerData.ParseSplit(parse.GetValue(_split)), parse.GetValue(_gazetteer), parse.GetValue(_errors));
        }
    }

    /// <summary>Measures the model as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(EvaluateTaggerSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var k = settings.Kind;
        var dataPath = settings.Data;
        var f = settings.Format;
        if ((k == "pos") != (f == "conllu"))
        {
            stderr.WriteLine($"argminer: {dataPath}: {k} is measured on {(k == "pos" ? "CoNLL-U" : "GMB CSV, IOB2 or CoNLL")} data, not {f} (use --format)");
            return CommandLine.Usage;
        }

        try
        {
            var tagger = AveragedPerceptronTagger.Load(settings.Model, k == "pos" ? AveragedPerceptronTagger.PosKind : AveragedPerceptronTagger.NerKind);
            var sentences = TaggerData.Read(dataPath, f, settings.Split);
            var tokens = sentences.Sum(s => s.Tokens.Length);
            if (tokens == 0)
            {
                // An empty or blank file scored as "0.00 % on 0 tokens" with exit 0 looked like a measurement.
                stderr.WriteLine($"argminer: {dataPath}: no sentences{(f == "gmb" && settings.Split != GmbSplit.All ? $" in --split {settings.Split.ToString().ToLowerInvariant()}" : string.Empty)}");
                return CommandLine.Failed;
            }

            if (k == "pos")
            {
                var accuracy = TaggerEvaluation.Accuracy(tagger, sentences);
                stdout.WriteLine(FormattableString.Invariant($"token accuracy {accuracy:P2} on {tokens} tokens, {sentences.Count} sentences"));
            }
            else
            {
                var g = settings.Gazetteer;
                var gaz = g is null ? ShippedModels.Gazetteer : g == "none" ? Gazetteer.Empty : Gazetteer.Load(g);
                var recognizer = new EntityRecognizer(tagger, gaz);
                var scores = TaggerData.ScoreEntities(recognizer, sentences, f);
                if (settings.Errors is { } errorPath)
                {
                    TaggerData.WriteEntityErrors(errorPath, recognizer, sentences, f);
                }

                TaggerData.Print(stdout, $"{tokens} tokens, {sentences.Count} sentences; gazetteer: {g ?? "default"} (exact span and type)", scores);
            }

            return CommandLine.Ok;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ModelFormatException or GazetteerFormatException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return CommandLine.Failed;
        }
    }
}
