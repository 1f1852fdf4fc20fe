using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Cli.Settings;

using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer import-vectors</c>'s settings.</summary>
/// <param name="Text">The vectors in GloVe/word2vec text format.</param>
/// <param name="Out">The word-vector model file to write.</param>
/// <param name="Words">Keep the first N words.</param>
/// <param name="Dimensions">Principal components to project onto, or null to keep every dimension.</param>
/// <param name="Source">Where the vectors come from, for the card.</param>
/// <param name="Licence">Their licence, for the card.</param>
internal sealed record ImportVectorsSettings(string Text, string Out, int Words, int? Dimensions, string Source, string Licence);

/// <summary><c>argminer import-vectors</c>: turns pretrained word vectors in GloVe's text format into a word-vector model file for <c>train --vectors</c>.</summary>
internal static class ImportVectorsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>import-vectors</c>' options, and the binder that reads them into <see cref="ImportVectorsSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<ImportVectorsSettings>
    {
        private readonly Option<string> _text = new("--text") { Description = "Vectors in GloVe/word2vec text format: a word and its values per line, most frequent words first", Required = true };
        private readonly Option<string> _out = SharedOptions.Out("Word-vector model file to write", required: true);
        private readonly Option<int> _words = new("--words") { Description = "Keep the first N words", DefaultValueFactory = _ => 30000 };
        private readonly Option<int?> _dimensions = new("--dimensions") { Description = "Project onto this many principal components (fewer dimensions: faster featurizing)" };
        private readonly Option<string> _source = new("--source") { Description = "Where the vectors come from, for the card", DefaultValueFactory = _ => "unknown" };
        private readonly Option<string> _licence = new("--licence") { Description = "Their licence, for the card", DefaultValueFactory = _ => "unknown" };

        public Binder() => Command = new Command("import-vectors", "Import pretrained word vectors (GloVe text format) as a word-vector model file, quantised to bytes, for 'train --vectors'.")
        {
            _text, _out, _words, _dimensions, _source, _licence,
        };

        public override Command Command { get; }

        public override ImportVectorsSettings Bind(ParseResult parse) => new(
            parse.GetValue(_text)!, parse.GetValue(_out)!, parse.GetValue(_words), parse.GetValue(_dimensions), parse.GetValue(_source) ?? "unknown", parse.GetValue(_licence) ?? "unknown");
    }

    /// <summary>Imports the vectors as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(ImportVectorsSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var path = settings.Text;
        var max = settings.Words;
        if (max < 1)
        {
            stderr.WriteLine("argminer: --words must be at least 1");
            return CommandLine.Usage;
        }

        if (CommandLine.NotAFile(path) is { } notAFile)
        {
            stderr.WriteLine($"argminer: {notAFile}");
            return CommandLine.Failed;
        }

        WordVectors vectors;
        try
        {
            using var reader = new StreamReader(path, new UTF8Encoding(false, throwOnInvalidBytes: true));
            var card = new JsonObject { ["source"] = settings.Source, ["licence"] = settings.Licence };
            if (settings.Dimensions is { } dims)
            {
                card["reduction"] = $"centred and projected onto the {dims} strongest principal components";
            }

            vectors = WordVectorReduction.ReadText(reader, max, card, settings.Dimensions);
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

        vectors.Save(settings.Out);
        stdout.WriteLine($"wrote {settings.Out}: {vectors.Count} words, {vectors.Dimension} dimensions, fingerprint {vectors.Fingerprint}");
        return CommandLine.Ok;
    }
}
