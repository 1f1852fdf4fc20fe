using System.CommandLine;
using ArgMiner.Models;
using ArgMiner.Tagging;

namespace ArgMiner.Cli.Commands;

/// <summary>
/// <c>argminer evaluate-tagger pos|ner --model FILE --data PATH [--format conllu|gmb|iob2|conll] [--split heldout|train|all] [--gazetteer FILE|none]</c>:
/// token accuracy of a POS model, or exact-span entity precision, recall and F1 of a NER model.
/// </summary>
internal static class EvaluateTaggerCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var kind = new Argument<string>("kind") { Description = "pos or ner" };
        kind.AcceptOnlyFromAmong("pos", "ner");
        var model = new Option<string>("--model") { Description = "model file", Required = true };
        var data = new Option<string>("--data") { Description = "gold corpus", Required = true };
        var format = new Option<string?>("--format") { Description = "conllu, gmb, iob2 or conll (default: from the extension)" };
        format.AcceptOnlyFromAmong("conllu", "gmb", "iob2", "conll");
        var split = new Option<string>("--split") { Description = "for gmb: heldout (every 10th sentence, never trained on), train or all", DefaultValueFactory = _ => "heldout" };
        split.AcceptOnlyFromAmong("heldout", "train", "all");
        var gazetteer = new Option<string?>("--gazetteer") { Description = "for ner: gazetteer TSV to apply, or 'none' (default: the shipped one)" };
        var errors = new Option<string?>("--errors") { Description = "for ner: write every sentence whose entities differ from the gold ones to this file" };
        var cmd = new Command("evaluate-tagger", "Measure a POS or NER model on gold data.") { kind, model, data, format, split, gazetteer, errors };
        cmd.SetAction(parse =>
        {
            var k = parse.GetValue(kind)!;
            var dataPath = parse.GetValue(data)!;
            var f = TaggerData.FormatOf(dataPath, parse.GetValue(format));
            if ((k == "pos") != (f == "conllu"))
            {
                stderr.WriteLine($"argminer: {dataPath}: {k} is measured on {(k == "pos" ? "CoNLL-U" : "GMB CSV, IOB2 or CoNLL")} data, not {f} (use --format)");
                return CommandLine.Usage;
            }

            try
            {
                var tagger = AveragedPerceptronTagger.Load(parse.GetValue(model)!, k == "pos" ? AveragedPerceptronTagger.PosKind : AveragedPerceptronTagger.NerKind);
                var sentences = TaggerData.Read(dataPath, f, TaggerData.ParseSplit(parse.GetValue(split)));
                var tokens = sentences.Sum(s => s.Tokens.Length);
                if (k == "pos")
                {
                    var accuracy = TaggerEvaluation.Accuracy(tagger, sentences);
                    stdout.WriteLine(FormattableString.Invariant($"token accuracy {accuracy:P2} on {tokens} tokens, {sentences.Count} sentences"));
                }
                else
                {
                    var g = parse.GetValue(gazetteer);
                    var gaz = g is null ? Gazetteer.LoadDefault() : g == "none" ? Gazetteer.Empty : Gazetteer.Load(g);
                    var recognizer = new EntityRecognizer(tagger, gaz);
                    var scores = TaggerData.ScoreEntities(recognizer, sentences, f);
                    if (parse.GetValue(errors) is { } errorPath)
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
        });
        return cmd;
    }
}
