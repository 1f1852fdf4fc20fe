using ArgMiner.Text;
using System.CommandLine;
using ArgMiner.Classification;
using ArgMiner.Cli.Settings;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer evaluate</c>'s settings.</summary>
/// <param name="Model">A model file, or null for the shipped model.</param>
/// <param name="Data">The labelled data to measure on.</param>
/// <param name="Labels">The labels predictions are restricted to (<c>--labels</c>), or null for all four.</param>
/// <param name="Predictions">A CSV file to write each sentence's prediction to, or null.</param>
internal sealed record EvaluateSettings(string? Model, LabelledDataSettings Data, IReadOnlyList<string>? Labels, string? Predictions);

/// <summary><c>argminer evaluate</c>: metrics of a model on labelled data.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>evaluate</c>'s options, and the binder that reads them into <see cref="EvaluateSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<EvaluateSettings>
    {
        private readonly Option<string> _model = SharedOptions.Model("Model file (default: the shipped model); 'accurate' (or an accurate-tier file) measures the opt-in accurate tier");
        private readonly LabelledDataGroup _data = new();
        private readonly Option<string> _predictions = new("--predictions") { Description = "Write each sentence's prediction beside its gold label to this CSV" };
        private readonly Option<IReadOnlyList<string>> _labels = new("--labels") { Description = "Restrict predictions to these labels (comma-separated), e.g. claim,evidence for IBM Debater data", CustomParser = OptionParsers.Labels };

        public Binder()
        {
            Command = new Command("evaluate", "Measure a sentence classifier on labelled data (accuracy, per-class precision/recall/F1, macro-F1, log-loss, confusion matrix).") { _model, _data.Data };
            foreach (var option in _data.Reading)
            {
                Command.Options.Add(option);
            }

            Command.Options.Add(_labels);
            Command.Options.Add(_predictions);
        }

        public override Command Command { get; }

        public override EvaluateSettings Bind(ParseResult parse) => new(parse.GetValue(_model), _data.Bind(parse), parse.GetValue(_labels), parse.GetValue(_predictions));
    }

    /// <summary>Measures the model on the data as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(EvaluateSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var restrict = settings.Labels is { } labels ? labels.ToArray() : null;
        var rows = ClassifierCli.ReadData(settings.Data, stderr);
        if (rows is null)
        {
            return CommandLine.Failed;
        }

        var predictions = Predict(settings.Model, ref rows, stdout, stderr);
        if (predictions is null)
        {
            return CommandLine.Failed;
        }

        if (!ClassifierCli.TryWritePredictions(settings.Predictions, rows, predictions, stderr))
        {
            return CommandLine.Failed;
        }

        var title = $"model {settings.Model ?? "(shipped)"} on {string.Join(" ", settings.Data.Paths)}" + (restrict is null ? string.Empty : $" (predictions restricted to {string.Join(",", restrict)})");
        ClassifierCli.WriteMetrics(stdout, title, MulticlassMetrics.Evaluate(rows, predictions, restrict));
        var sources = rows.Select(r => r.Source).Distinct().ToList();
        if (sources.Count > 1)
        {
            foreach (var source in sources)
            {
                var idx = Enumerable.Range(0, rows.Count).Where(i => rows[i].Source == source).ToList();
                ClassifierCli.WriteMetrics(stdout, $"source {source}", MulticlassMetrics.Evaluate([.. idx.Select(i => rows[i])], [.. idx.Select(i => predictions[i])], restrict));
            }
        }

        return CommandLine.Ok;
    }

    /// <summary>
    /// The predictions of the fast model or, for <c>--model accurate</c> or an accurate-tier file, of the accurate
    /// tier (its encoders loaded only then), on <paramref name="rows"/>; null after one error line. A model trained on
    /// tagged sentences is measured on tagged sentences, as it runs in <c>run</c>, so the rows are replaced by their
    /// tagged copies then.
    /// </summary>
    private static IReadOnlyList<SentencePrediction>? Predict(string? model, ref IReadOnlyList<LabelledSentence> rows, TextWriter stdout, TextWriter stderr)
    {
        if (AccurateModel.IsRequested(model))
        {
            var accurate = AccurateModel.Load(model!, stderr);
            if (accurate is null)
            {
                return null;
            }

            using (AccurateModel.EncodersOf(accurate))
            {
                rows = accurate.Fast.TaggedFeatures ? ClassifierCli.Tag(rows, stdout) : rows;
                return accurate.PredictRows(rows);
            }
        }

        var classifier = ClassifierCli.LoadModel(model, stderr);
        if (classifier is null)
        {
            return null;
        }

        rows = classifier.TaggedFeatures ? ClassifierCli.Tag(rows, stdout) : rows;
        return classifier.PredictRows(rows);
    }
}
