using System.CommandLine;
using ArgMiner.Cli.Settings;
using ArgMiner.Evaluation;
using ArgMiner.Segmentation;
using ArgMiner.Tokenization;
using ArgMiner.Output;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer evaluate-text</c>'s settings.</summary>
/// <param name="Ud">The CoNLL-U file to score against.</param>
/// <param name="Errors">A file for every sentence or paragraph that differs, or null.</param>
/// <param name="Boundaries">A file for every sentence boundary missed or spurious, with its context, or null.</param>
internal sealed record EvaluateTextSettings(string Ud, string? Errors, string? Boundaries = null);

/// <summary>
/// <c>argminer evaluate-text --ud FILE</c>: scores the tokenizer (word precision/recall/F1, each sentence
/// tokenized on its own) and the sentence splitter (sentence precision/recall/F1 over paragraphs rebuilt
/// from <c># newpar</c>) against a Universal Dependencies CoNLL-U file, overall and per genre (the
/// <c># sent_id</c> prefix: weblog, newsgroup, email, answers, reviews in UD English EWT).
/// </summary>
internal static class EvaluateTextCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>evaluate-text</c>'s options, and the binder that reads them into <see cref="EvaluateTextSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<EvaluateTextSettings>
    {
        private readonly Option<string> _ud = new("--ud") { Description = "A CoNLL-U file (e.g. en_ewt-ud-dev.conllu).", Required = true };
        private readonly Option<string?> _errors = new("--errors") { Description = "Write every sentence or paragraph that differs from the gold standard to this file." };

        private readonly Option<string?> _boundaries = new("--boundaries")
        {
            Description = "Write every sentence boundary the splitter missed or made wrongly, one a line (missed|spurious, genre, context), to this file.",
        };

        public Binder() => Command = new Command("evaluate-text", "Score the tokenizer and sentence splitter against Universal Dependencies data.") { _ud, _errors, _boundaries };

        public override Command Command { get; }

        public override EvaluateTextSettings Bind(ParseResult parse) => new(parse.GetValue(_ud)!, parse.GetValue(_errors), parse.GetValue(_boundaries));
    }

    /// <summary>Scores the tokenizer and splitter as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(EvaluateTextSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var path = settings.Ud;
        if (CommandLine.NotAFile(path) is { } notAFile)
        {
            stderr.WriteLine($"argminer: {notAFile}");
            return CommandLine.Failed;
        }

        List<ConlluSentence> sentences;
        try
        {
            sentences = Conllu.ReadFile(path);
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"argminer: {path}: cannot read CoNLL-U ({ex.Message})");
            return CommandLine.Failed;
        }

        if (sentences.Count == 0)
        {
            stderr.WriteLine($"argminer: {path}: no sentences");
            return CommandLine.Failed;
        }

        if (sentences.All(s => s.Words.IsEmpty))
        {
            // Lines without a tab are passed over, so a plain-text file read as one sentence of no words and scored
            // precision, recall and F1 1.0000, exit 0.
            stderr.WriteLine($"argminer: {path}: no CoNLL-U word lines (tab-separated ID, FORM, …); not a CoNLL-U file");
            return CommandLine.Failed;
        }

        // The error lines are gathered and each file written whole at the end under a temporary name (AtomicFile), so
        // an interrupted evaluation leaves no half file; they are a few lines per sentence at most.
        var errors = settings.Errors is null ? null : new List<string>();
        var boundaries = settings.Boundaries is null ? null : new List<string>();
        var tokenizer = new RuleTokenizer();
        var words = TokenizationEvaluation.EvaluateWords(sentences, tokenizer, errors is null ? null : errors.Add);
        errors?.Add("==== sentences");
        var sents = TokenizationEvaluation.EvaluateSentences(sentences, tokenizer, new RuleSentenceSplitter(), errors is null ? null : errors.Add, boundaries is null ? null : boundaries.Add);
        WriteLines(settings.Errors, errors);
        WriteLines(settings.Boundaries, boundaries);
        var unaligned = 0;
        foreach (var s in sentences)
        {
            unaligned += s.UnalignedWords;
        }

        stdout.WriteLine($"sentences in file: {sentences.Count}, gold words not aligned to the text: {unaligned}");
        stdout.WriteLine($"words:     {words}");
        stdout.WriteLine($"sentences: {sents}");

        // Per genre (UD EWT: the sentence id's prefix): web text is not one thing, and a user reading
        // e-mails wants the e-mail figure. Each genre's documents are whole, so paragraphs stay intact.
        var genres = sentences.Select(s => s.Genre).Where(g => g.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (genres.Count > 1)
        {
            foreach (var genre in genres)
            {
                var part = sentences.Where(s => s.Genre == genre).ToList();
                var score = TokenizationEvaluation.EvaluateSentences(part, tokenizer, new RuleSentenceSplitter());
                stdout.WriteLine($"sentences [{genre}]: {score}");
            }
        }

        return CommandLine.Ok;
    }

    private static void WriteLines(string? path, List<string>? lines)
    {
        if (path is not null && lines is not null)
        {
            AtomicFile.WriteText(path, new System.Text.UTF8Encoding(false), w => lines.ForEach(w.WriteLine));
        }
    }
}
