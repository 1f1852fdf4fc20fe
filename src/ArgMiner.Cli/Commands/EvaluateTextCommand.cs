using System.CommandLine;
using ArgMiner.Evaluation;
using ArgMiner.Segmentation;
using ArgMiner.Tokenization;

namespace ArgMiner.Cli.Commands;

/// <summary>
/// <c>argminer evaluate-text --ud FILE</c>: scores the tokenizer (word precision/recall/F1, each sentence
/// tokenized on its own) and the sentence splitter (sentence precision/recall/F1 over paragraphs rebuilt
/// from <c># newpar</c>) against a Universal Dependencies CoNLL-U file, overall and per genre (the
/// <c># sent_id</c> prefix: weblog, newsgroup, email, answers, reviews in UD English EWT).
/// </summary>
internal static class EvaluateTextCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var ud = new Option<string>("--ud") { Description = "A CoNLL-U file (e.g. en_ewt-ud-dev.conllu).", Required = true };
        var errors = new Option<string?>("--errors") { Description = "Write every sentence or paragraph that differs from the gold standard to this file." };
        var command = new Command("evaluate-text", "Score the tokenizer and sentence splitter against Universal Dependencies data.") { ud, errors };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(ud)!;
            if (!File.Exists(path))
            {
                stderr.WriteLine($"argminer: {path}: file not found");
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

            var errorPath = parse.GetValue(errors);
            using var errorWriter = errorPath is null ? null : new StreamWriter(errorPath);
            Action<string>? onError = errorWriter is null ? null : errorWriter.WriteLine;
            var tokenizer = new RuleTokenizer();
            var words = TokenizationEvaluation.EvaluateWords(sentences, tokenizer, onError);
            errorWriter?.WriteLine("==== sentences");
            var sents = TokenizationEvaluation.EvaluateSentences(sentences, tokenizer, new RuleSentenceSplitter(), onError);
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
        });
        return command;
    }
}
