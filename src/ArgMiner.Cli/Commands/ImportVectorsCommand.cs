using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using ArgMiner.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer import-vectors</c>: turns pretrained word vectors in GloVe's text format into a word-vector model file for <c>train --vectors</c>.</summary>
internal static class ImportVectorsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Option<string>("--text") { Description = "Vectors in GloVe/word2vec text format: a word and its values per line, most frequent words first", Required = true };
        var output = new Option<string>("--out") { Description = "Word-vector model file to write", Required = true };
        var words = new Option<int>("--words") { Description = "Keep the first N words", DefaultValueFactory = _ => 30000 };
        var dimensions = new Option<int?>("--dimensions") { Description = "Project onto this many principal components (fewer dimensions: faster featurizing)" };
        var source = new Option<string>("--source") { Description = "Where the vectors come from, for the card", DefaultValueFactory = _ => "unknown" };
        var licence = new Option<string>("--licence") { Description = "Their licence, for the card", DefaultValueFactory = _ => "unknown" };
        var command = new Command("import-vectors", "Import pretrained word vectors (GloVe text format) as a word-vector model file, quantised to bytes, for 'train --vectors'.")
        {
            input, output, words, dimensions, source, licence,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            var max = parse.GetValue(words);
            if (max < 1)
            {
                stderr.WriteLine("argminer: --words must be at least 1");
                return CommandLine.Usage;
            }

            if (!File.Exists(path))
            {
                stderr.WriteLine($"argminer: {path}: file not found");
                return CommandLine.Failed;
            }

            WordVectors vectors;
            try
            {
                using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
                var card = new JsonObject { ["source"] = parse.GetValue(source), ["licence"] = parse.GetValue(licence) };
                if (parse.GetValue(dimensions) is { } dims)
                {
                    card["reduction"] = $"centred and projected onto the {dims} strongest principal components";
                }

                vectors = WordVectors.ReadText(reader, max, card, parse.GetValue(dimensions));
            }
            catch (FormatException ex)
            {
                stderr.WriteLine($"argminer: {path}: {ex.Message}");
                return CommandLine.Failed;
            }
            catch (ArgumentOutOfRangeException ex)
            {
                stderr.WriteLine($"argminer: --dimensions: {ex.Message.Split(" (Parameter", 2)[0]}");
                return CommandLine.Usage;
            }
            catch (DecoderFallbackException)
            {
                stderr.WriteLine($"argminer: {path}: not valid UTF-8 text");
                return CommandLine.Failed;
            }

            vectors.Save(parse.GetValue(output)!);
            stdout.WriteLine($"wrote {parse.GetValue(output)}: {vectors.Count} words, {vectors.Dimension} dimensions, fingerprint {vectors.Fingerprint}");
            return CommandLine.Ok;
        });
        return command;
    }
}
