using System.CommandLine;
using System.Globalization;
using ArgMiner.Cli.Settings;
using ArgMiner.Numbers;
using ArgMiner.Numbers.Evaluation;
using ArgMiner.Text;
using ArgMiner.Tokenization;
using ArgMiner.Output;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer evaluate-numbers</c>' settings.</summary>
/// <param name="Specs">The Recognizers-Text spec folder or file, or null.</param>
/// <param name="Failures">A file for every failed in-scope case, or null.</param>
/// <param name="Text">A text whose claims, dates and numerals to print instead, or null.</param>
internal sealed record EvaluateNumbersSettings(string? Specs, string? Failures, string? Text);

/// <summary>
/// <c>argminer evaluate-numbers --specs DIR</c>: scores the numeric-claim grammar against the English test
/// specifications of Microsoft.Recognizers.Text (per file: cases, in scope, passed, pass rate).
/// <c>--text "…"</c> instead prints the claims and dates of one sentence.
/// </summary>
internal static class EvaluateNumbersCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>evaluate-numbers</c>' options, and the binder that reads them into <see cref="EvaluateNumbersSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<EvaluateNumbersSettings>
    {
        private readonly Option<string?> _specs = new("--specs") { Description = "Folder of Recognizers-Text spec files (searched recursively), or one file." };
        private readonly Option<string?> _failures = new("--failures") { Description = "Write every failed in-scope case to this file." };
        private readonly Option<string?> _text = new("--text") { Description = "Print the claims, dates and numerals found in this text (read as one sentence)." };

        public Binder() => Command = new Command("evaluate-numbers", "Score the numbers grammar against Microsoft.Recognizers.Text's English specs.") { _specs, _failures, _text };

        public override Command Command { get; }

        public override EvaluateNumbersSettings Bind(ParseResult parse) => new(parse.GetValue(_specs), parse.GetValue(_failures), parse.GetValue(_text));
    }

    /// <summary>Scores the grammar, or prints one text's claims, as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(EvaluateNumbersSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var sample = settings.Text;
        if (sample is not null)
        {
            PrintSample(sample, stdout);
            return CommandLine.Ok;
        }

        var path = settings.Specs;
        if (path is null)
        {
            stderr.WriteLine("argminer: evaluate-numbers: give --specs DIR or --text TEXT");
            return CommandLine.Usage;
        }

        if (!Directory.Exists(path) && !File.Exists(path))
        {
            stderr.WriteLine($"argminer: {path}: not found");
            return CommandLine.Failed;
        }

        // One bad file in a folder of specs is named and skipped, and the others are scored (it used to stop the
        // whole evaluation with a line naming only the folder).
        IReadOnlyList<SpecFileResult> results;
        var skipped = 0;
        try
        {
            var tokenizer = new RuleTokenizer();
            results = Directory.Exists(path)
                ? RecognizersSpecEvaluation.EvaluateDirectory(path, tokenizer, (file, problem) =>
                {
                    skipped++;
                    stderr.WriteLine($"argminer: {file}: cannot read the specs ({problem}), skipped");
                })
                : [RecognizersSpecEvaluation.EvaluateFile(path, tokenizer)];
        }
        catch (Exception ex) when (RecognizersSpecEvaluation.IsSpecError(ex))
        {
            stderr.WriteLine($"argminer: {path}: cannot read the specs ({ex.Message})");
            return CommandLine.Failed;
        }

        if (results.Count == 0)
        {
            if (skipped > 0)
            {
                return CommandLine.Failed;
            }

            stderr.WriteLine($"argminer: {path}: no spec files (NumberModel.json, CurrencyModel.json, …)");
            return CommandLine.Failed;
        }

        stdout.WriteLine($"{"file",-26} {"cases",6} {"scope",6} {"passed",7} {"rate",7}");
        foreach (var r in results)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.File,-26} {r.Total,6} {r.InScope,6} {r.Passed,7} {r.PassRate,7:P1}"));
        }

        var failurePath = settings.Failures;
        if (failurePath is not null)
        {
            AtomicFile.WriteText(failurePath, new System.Text.UTF8Encoding(false), w =>
            {
                foreach (var r in results)
                {
                    w.WriteLine($"==== {r.File}: {r.Passed}/{r.InScope} in scope passed, {r.Total} cases");
                    foreach (var (reason, count) in r.Exclusions)
                    {
                        w.WriteLine($"  out of scope: {reason}: {count}");
                    }

                    foreach (var f in r.Failures)
                    {
                        w.WriteLine(f);
                    }
                }
            });
        }

        return skipped > 0 ? CommandLine.Failed : CommandLine.Ok;
    }

    private static void PrintSample(string sample, TextWriter stdout)
    {
        var tokens = new List<Token>();
        new RuleTokenizer().Tokenize(sample, 0, sample.Length, tokens);
        var claims = new List<NumericClaim>();
        var dates = new List<DateSpan>();
        var numerals = new List<Numeral>();
        NumericClaimExtractor.Analyze(sample, tokens.ToArray(), 0, claims, dates, numerals);
        stdout.WriteLine("tokens: " + string.Join(" | ", tokens.Select(t => sample[t.Start..t.End])));
        foreach (var c in claims)
        {
            stdout.WriteLine($"claim \"{sample[c.Start..c.End]}\" quantity \"{sample[c.QuantityStart..c.QuantityEnd]}\" {c with { Start = c.Start }}");
        }

        foreach (var d in dates)
        {
            stdout.WriteLine($"date \"{sample[d.Start..d.End]}\"");
        }

        foreach (var n in numerals)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"numeral \"{sample[n.Start..n.End]}\" = {n.Value}"));
        }
    }
}
