using System.CommandLine;
using System.Globalization;
using System.Text;
using ArgMiner.Classification;
using ArgMiner.Models;
using ArgMiner.Output;

namespace ArgMiner.Cli.Commands;

/// <summary>Options and output shared by <c>train</c>, <c>evaluate</c> and <c>classify</c>.</summary>
internal static class ClassifierCli
{
    public static Option<string[]> DataOption() => new("--data")
    {
        Description = "Labelled CSV/TSV/JSONL files or folders (recursive); an IBM Debater folder may end in #train or #held-out; append @W to weigh a source W in training",
        Required = true,
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    public static Option<string> TextColumn() => new("--text-column") { Description = "Column holding the sentence", DefaultValueFactory = _ => "text" };

    public static Option<string> LabelColumn() => new("--label-column") { Description = "Column holding the gold label", DefaultValueFactory = _ => "label" };

    public static Option<string> DocColumn() => new("--doc-column") { Description = "Column holding the document id (doc_id is tried too)", DefaultValueFactory = _ => "doc" };

    public static Option<string[]> MapOption() => new("--map")
    {
        Description = "Map a foreign gold label to ArgMiner labels, e.g. SUBJ=claim|opinion or SUBJ=claim,opinion (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Reads labelled data, or writes one error line and returns null.</summary>
    public static IReadOnlyList<LabelledSentence>? ReadData(ParseResult parse, Option<string[]> data, Option<string> text, Option<string> label, Option<string> doc, Option<string[]> map, TextWriter stderr)
    {
        LabelMap labelMap;
        try
        {
            labelMap = LabelMap.Parse(parse.GetValue(map) ?? []);
        }
        catch (FormatException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return null;
        }

        try
        {
            var rows = LabelledData.Read(parse.GetValue(data) ?? [], new LabelledDataOptions
            {
                TextColumn = parse.GetValue(text) ?? "text",
                LabelColumn = parse.GetValue(label) ?? "label",
                DocColumn = parse.GetValue(doc) ?? "doc",
                Map = labelMap,
            });
            if (rows.Count == 0)
            {
                stderr.WriteLine("argminer: the data holds no labelled sentence");
                return null;
            }

            return rows;
        }
        catch (LabelledDataException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return null;
        }
    }

    /// <summary>Loads a model file, or the shipped model when <paramref name="path"/> is null; writes one error line and returns null on failure.</summary>
    public static SentenceClassifier? LoadModel(string? path, TextWriter stderr)
    {
        try
        {
            return path is null ? SentenceClassifier.LoadDefault() : SentenceClassifier.Load(path);
        }
        catch (ModelFormatException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return null;
        }
    }

    /// <summary>Tags the rows as 'run' tags sentences (<see cref="SentenceTagger"/>) and says how long it took.</summary>
    public static IReadOnlyList<LabelledSentence> Tag(IReadOnlyList<LabelledSentence> rows, TextWriter stdout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tagged = new SentenceTagger().TagRows(rows);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagged {rows.Count} sentences (entities, numbers) in {watch.Elapsed.TotalSeconds:0.0} s"));
        return tagged;
    }

    /// <summary>A metric with four decimals, invariant.</summary>
    public static string F(double value) => OutputSchema.Probability(value);

    /// <summary>Writes metrics as an aligned plain-text report.</summary>
    public static void WriteMetrics(TextWriter output, string title, MulticlassMetrics m)
    {
        output.WriteLine(title);
        output.WriteLine($"  sentences {m.Count}  micro-accuracy {F(m.MicroAccuracy)}  macro-accuracy {F(m.MacroAccuracy)}  macro-F1 {F(m.MacroF1)}  log-loss {F(m.LogLoss)}  log-loss reduction {F(m.LogLossReduction)}");
        var width = Math.Max(8, m.Classes.Max(c => c.Length) + 2);
        output.WriteLine($"  {"class".PadRight(width)}{"precision",10}{"recall",10}{"F1",10}{"support",9}");
        foreach (var c in m.PerClass)
        {
            output.WriteLine($"  {c.Label.PadRight(width)}{F(c.Precision),10}{F(c.Recall),10}{F(c.F1),10}{c.Support,9}");
        }

        output.WriteLine($"  confusion (rows gold, columns predicted)");
        var header = new StringBuilder("  " + new string(' ', width));
        foreach (var c in m.Classes)
        {
            header.Append(c.PadLeft(Math.Max(9, c.Length + 1)));
        }

        output.WriteLine(header.ToString());
        for (var g = 0; g < m.Classes.Length; g++)
        {
            var line = new StringBuilder("  " + m.Classes[g].PadRight(width));
            for (var p = 0; p < m.Classes.Length; p++)
            {
                line.Append(m.Confusion[g, p].ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(9, m.Classes[p].Length + 1)));
            }

            output.WriteLine(line.ToString());
        }
    }

    /// <summary>A CSV cell: formula-safe (<see cref="CsvSafety.Neutralise"/>) and quoted when it holds a comma, quote or line break or begins or ends with white space.</summary>
    public static string Cell(string value)
    {
        value = CsvSafety.Neutralise(value);
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// Writes the predictions file when <paramref name="path"/> is given; false (after one error line) when it
    /// cannot be written.
    /// </summary>
    public static bool TryWritePredictions(string? path, IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions, TextWriter stderr)
    {
        if (path is null)
        {
            return true;
        }

        try
        {
            WritePredictions(path, rows, predictions);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"argminer: {path}: cannot be written ({ex.Message.TrimEnd('.')})");
            return false;
        }
    }

    /// <summary>Writes per-sentence predictions next to the gold labels, for error analysis.</summary>
    public static void WritePredictions(string path, IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions)
    {
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(true));
        writer.Write("origin,doc,gold,label,confidence,p_claim,p_evidence,p_opinion,p_other,text\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var p = predictions[i];
            writer.Write($"{ClassifierCli.Cell(rows[i].Origin)},{ClassifierCli.Cell(rows[i].Doc ?? string.Empty)},{ClassifierCli.Cell(rows[i].Label)},{p.Label},{ClassifierCli.F(p.Confidence)},{string.Join(',', p.Probabilities.Select(ClassifierCli.F))},{ClassifierCli.Cell(rows[i].Text)}\n");
        }
    }
}
