using ArgMiner.Pipeline;
using ArgMiner.Cli.Settings;
using ArgMiner.Text;
using System.Globalization;
using System.Text;
using ArgMiner.Classification;
using ArgMiner.Training.Classification;
using ArgMiner.Models;
using ArgMiner.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ArgMiner.Cli.Commands;

/// <summary>Data, models and output shared by <c>train</c>, <c>evaluate</c> and <c>classify</c> (their options: <see cref="LabelledDataGroup"/>, <see cref="SharedOptions"/>).</summary>
internal static class ClassifierCli
{
    /// <summary>Reads the labelled data the settings name, or writes one error line and returns null.</summary>
    public static IReadOnlyList<LabelledSentence>? ReadData(LabelledDataSettings data, TextWriter stderr) => ReadData(data.Paths, data.ReaderOptions, stderr);

    /// <summary>Reads labelled data from <paramref name="paths"/> (warnings to <paramref name="stderr"/>), or writes one error line and returns null.</summary>
    public static IReadOnlyList<LabelledSentence>? ReadData(IReadOnlyList<string> paths, LabelledDataOptions options, TextWriter stderr)
    {
        try
        {
            var rows = LabelledData.Read(paths, options with { OnWarning = warning => stderr.WriteLine($"argminer: warning: {warning}") });
            if (rows.Count == 0)
            {
                // The files are named, as every other data error names its file (until session 34: "the data holds no
                // labelled sentence", which left a person with several --data to guess which was empty).
                stderr.WriteLine(ArgMiner.Ingest.InputError.OneLine($"argminer: {string.Join(", ", paths)}: no labelled sentence"));
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
            return path is null ? ShippedModels.SentenceClassifier : SentenceClassifier.Load(path);
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
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagging {rows.Count} sentences (entities, numbers)..."));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tagged = ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger().TagRows(rows);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagged {rows.Count} sentences (entities, numbers) in {watch.Elapsed.TotalSeconds:0.0} s"));
        return tagged;
    }

    /// <summary>Saves a model by <paramref name="save"/> and says so, or writes one error line; the command's exit code.</summary>
    public static int SaveModel(Action<string> save, string outPath, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            save(outPath);
        }
        catch (OutputPathException ex)
        {
            // Its message is the path and why, one line: the path is not said twice.
            stderr.WriteLine($"argminer: --out {ex.Message}");
            return CommandLine.Usage;
        }
        catch (NoSpaceException ex)
        {
            // Its message is the path and that the disk is full, one line.
            stderr.WriteLine($"argminer: {ex.Message}");
            return CommandLine.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"argminer: {outPath}: cannot be written ({ex.Message.TrimEnd('.')})");
            return CommandLine.Failed;
        }

        stdout.WriteLine($"wrote {outPath}");
        return CommandLine.Ok;
    }

    /// <summary>A metric with four decimals, invariant.</summary>
    public static string F(double value) => OutputSchema.Probability(value);

    /// <summary>Width the metric tables are laid out in, whatever the terminal: the report is the same everywhere.</summary>
    private const int ReportWidth = 120;

    /// <summary>
    /// Writes metrics: the title, a summary line (micro/macro accuracy, macro-F1, log-loss, log-loss reduction),
    /// a per-class precision/recall/F1/support table and the confusion matrix, as Spectre.Console tables.
    /// </summary>
    public static void WriteMetrics(TextWriter output, string title, MulticlassMetrics m)
    {
        output.WriteLine(title);
        output.WriteLine($"  sentences {m.Count}  micro-accuracy {F(m.MicroAccuracy)}  macro-accuracy {F(m.MacroAccuracy)}  macro-F1 {F(m.MacroF1)}  log-loss {F(m.LogLoss)}  log-loss reduction {F(m.LogLossReduction)}  calibration error {F(m.CalibrationError)}");
        var console = Console(output, out var border);
        var perClass = new Table { Border = border };
        perClass.AddColumn(new TableColumn(T("class")));
        foreach (var name in new[] { "precision", "recall", "F1", "support" })
        {
            perClass.AddColumn(new TableColumn(T(name)).RightAligned());
        }

        foreach (var c in m.PerClass)
        {
            perClass.AddRow(T(c.Label), T(F(c.Precision)), T(F(c.Recall)), T(F(c.F1)), T(c.Support.ToString(CultureInfo.InvariantCulture)));
        }

        console.Write(perClass);
        output.WriteLine("confusion (rows gold, columns predicted)");
        var confusion = new Table { Border = border };
        confusion.AddColumn(new TableColumn(T("gold \\ predicted")));
        foreach (var c in m.Classes)
        {
            confusion.AddColumn(new TableColumn(T(c)).RightAligned());
        }

        for (var g = 0; g < m.Classes.Length; g++)
        {
            var cells = new List<IRenderable> { T(m.Classes[g]) };
            for (var p = 0; p < m.Classes.Length; p++)
            {
                cells.Add(T(m.Confusion[g, p].ToString(CultureInfo.InvariantCulture)));
            }

            confusion.AddRow(cells);
        }

        console.Write(confusion);
    }

    /// <summary>Writes an old and a new model's summary metrics side by side, with the change.</summary>
    public static void WriteComparison(TextWriter output, string title, MulticlassMetrics before, MulticlassMetrics after)
    {
        output.WriteLine(title);
        var console = Console(output, out var border);
        var table = new Table { Border = border };
        table.AddColumn(new TableColumn(T("metric")));
        foreach (var name in new[] { "old", "new", "change" })
        {
            table.AddColumn(new TableColumn(T(name)).RightAligned());
        }

        foreach (var (name, old, now) in new[]
        {
            ("macro-F1", before.MacroF1, after.MacroF1),
            ("micro-accuracy", before.MicroAccuracy, after.MicroAccuracy),
            ("macro-accuracy", before.MacroAccuracy, after.MacroAccuracy),
            ("log-loss", before.LogLoss, after.LogLoss),
        })
        {
            var change = now - old;
            table.AddRow(T(name), T(F(old)), T(F(now)), T((change >= 0 ? "+" : "-") + F(Math.Abs(change))));
        }

        console.Write(table);
    }

    /// <summary>A plain (not markup) table cell: labels may hold brackets.</summary>
    private static Spectre.Console.Text T(string text) => new(text);

    /// <summary>
    /// A Spectre console writing to <paramref name="output"/>: a fixed width so the report does not depend on
    /// the terminal; colour and rounded borders only on the real, unredirected standard output, plain ASCII
    /// everywhere else (files, pipes, tests).
    /// </summary>
    private static IAnsiConsole Console(TextWriter output, out TableBorder border)
    {
        var terminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        border = terminal ? TableBorder.Rounded : TableBorder.Ascii;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = ReportWidth;
        return console;
    }

    /// <summary>A CSV cell: formula-safe and quoted when needed (<see cref="LineClassification.Cell"/>).</summary>
    public static string Cell(string value) => LineClassification.Cell(value);

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
            PredictionsFile.Write(path, rows, predictions);
            return true;
        }
        catch (OutputPathException ex)
        {
            // Its message is the path and why, one line: the path is not said twice.
            stderr.WriteLine($"argminer: --predictions {ex.Message}");
            return false;
        }
        catch (NoSpaceException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"argminer: {path}: cannot be written ({ex.Message.TrimEnd('.')})");
            return false;
        }
    }
}
