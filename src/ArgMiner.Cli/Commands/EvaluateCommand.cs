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
/// <param name="Bootstrap">Document resamples for a 95 % interval of macro-F1 and per-class F1 (0: none).</param>
/// <param name="BootstrapSeed">The resampling's seed.</param>
/// <param name="Against">A second model to compare with on the same resamples (macro-F1 of this model minus that one's), or null.</param>
/// <param name="Gate">With the accurate tier as <paramref name="Model"/>, its gate instead of the model's (<c>--gate</c>); null for the model's.</param>
/// <param name="TunedOnly">With the accurate tier as <paramref name="Model"/>, run its tuned encoders only (<c>--encoders tuned</c>).</param>
/// <param name="AgainstPredictions">A file written by <c>--predictions</c> on the same data (another model, perhaps another build) to compare with instead of <paramref name="Against"/>, or null.</param>
internal sealed record EvaluateSettings(string? Model, LabelledDataSettings Data, IReadOnlyList<string>? Labels, string? Predictions, int Bootstrap = 0, int BootstrapSeed = 1, string? Against = null, double? Gate = null, bool TunedOnly = false, string? AgainstPredictions = null);

/// <summary><c>argminer evaluate</c>: metrics of a model on labelled data.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>evaluate</c>'s options, and the binder that reads them into <see cref="EvaluateSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<EvaluateSettings>
    {
        private readonly Option<string> _model = SharedOptions.Model("Model file (default: the shipped model); 'accurate' (or an accurate-tier file) measures the opt-in accurate tier");
        private readonly LabelledDataGroup _data = new(trains: false);
        private readonly Option<string> _predictions = new("--predictions") { Description = "Write each sentence's prediction beside its gold label to this CSV" };
        private readonly Option<int> _bootstrap = new("--bootstrap") { Description = "Also print a 95 % interval of macro-F1 and of each class's F1 from this many resamples of the documents (e.g. 1000): how far the figure could move on other text of the same kind" };
        private readonly Option<int> _bootstrapSeed = new("--bootstrap-seed") { Description = "Seed of the resampling", DefaultValueFactory = _ => 1 };
        private readonly Option<double?> _gate = SharedOptions.Gate();
        private readonly Option<string?> _encoders = SharedOptions.TierEncoders();
        private readonly Option<string> _against = new("--against") { Description = "A second model (file, or 'shipped' or 'accurate'): print the difference in macro-F1 (--model minus this one) and, with --bootstrap, its 95 % interval over the same resamples" };
        private readonly Option<string> _againstPredictions = new("--against-predictions") { Description = "Compare with the predictions another run wrote with --predictions on the same --data (e.g. a model scored by another build, with other taggers embedded), as --against does" };
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
            Command.Options.Add(_bootstrap);
            Command.Options.Add(_bootstrapSeed);
            Command.Options.Add(_against);
            Command.Options.Add(_againstPredictions);
            Command.Options.Add(_gate);
            Command.Options.Add(_encoders);
        }

        public override Command Command { get; }

        public override EvaluateSettings Bind(ParseResult parse) => new(parse.GetValue(_model), _data.Bind(parse), parse.GetValue(_labels), parse.GetValue(_predictions), parse.GetValue(_bootstrap), parse.GetValue(_bootstrapSeed), parse.GetValue(_against), parse.GetValue(_gate), parse.GetValue(_encoders) == "tuned", parse.GetValue(_againstPredictions));
    }

    /// <summary>The most resamples <c>--bootstrap</c> takes (a thousand is the usual figure).</summary>
    internal const int MaxResamples = 1_000_000;

    /// <summary>Measures the model on the data as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(EvaluateSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var restrict = settings.Labels is { } labels ? labels.ToArray() : null;
        // The intervals keep every resample's figures: 2147483647 resamples ran out of memory after the metrics
        // (.NET's bare "Out of memory.", exit 134).
        if (settings.Bootstrap is < 0 or 1 or > MaxResamples)
        {
            stderr.WriteLine($"argminer: --bootstrap takes at least 2 resamples and at most {MaxResamples} (0: none)");
            return CommandLine.Usage;
        }

        if (!SharedOptions.CheckTierOptions(settings.Gate, settings.TunedOnly, () => AccurateModel.IsRequested(settings.Model), stderr))
        {
            return CommandLine.Usage;
        }

        if (settings.Against is not null && settings.AgainstPredictions is not null)
        {
            stderr.WriteLine("argminer: --against and --against-predictions do not go together (compare with one of them)");
            return CommandLine.Usage;
        }

        // A missing or mistyped file to compare with was found only after the scoring (the accurate tier's: minutes),
        // until session 33.
        foreach (var (option, path) in new[] { ("--against", settings.Against), ("--against-predictions", settings.AgainstPredictions) })
        {
            if (path is not null and not ("shipped" or AccurateModel.Keyword) && CommandLine.NotAFile(path) is { } notAFile)
            {
                stderr.WriteLine($"argminer: {option} {notAFile}");
                return CommandLine.Failed;
            }
        }

        var rows = ClassifierCli.ReadData(settings.Data, stderr);
        if (rows is null)
        {
            return CommandLine.Failed;
        }

        var read = rows;
        var predictions = Predict(settings.Model, ref rows, stdout, stderr, settings.Gate, settings.TunedOnly);
        if (predictions is null)
        {
            return CommandLine.Failed;
        }

        IReadOnlyList<SentencePrediction>? against = null;
        if (settings.AgainstPredictions is { } file)
        {
            try
            {
                // Lined up with the rows as --predictions writes them: the tagged copies when the model tags.
                against = PredictionsFile.Read(file, rows);
            }
            catch (LabelledDataException ex)
            {
                stderr.WriteLine($"argminer: {ex.Message}");
                return CommandLine.Failed;
            }
        }
        else if (settings.Against is { } other)
        {
            var otherRows = read;
            against = Predict(other == "shipped" ? null : other, ref otherRows, stdout, stderr);
            if (against is null)
            {
                return CommandLine.Failed;
            }
        }

        if (!ClassifierCli.TryWritePredictions(settings.Predictions, rows, predictions, stderr))
        {
            return CommandLine.Failed;
        }

        var title = $"model {settings.Model ?? "(shipped)"} on {string.Join(" ", settings.Data.Paths)}" + (restrict is null ? string.Empty : $" (predictions restricted to {string.Join(",", restrict)})");
        var metrics = MulticlassMetrics.Evaluate(rows, predictions, restrict);
        ClassifierCli.WriteMetrics(stdout, title, metrics);
        WriteIntervals(stdout, settings, rows, predictions, metrics.MacroF1, against, restrict);
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

    /// <summary>The bootstrap interval (<c>--bootstrap</c>) and the comparison with <c>--against</c>, after the whole set's metrics.</summary>
    private static void WriteIntervals(TextWriter stdout, EvaluateSettings settings, IReadOnlyList<LabelledSentence> rows, IReadOnlyList<SentencePrediction> predictions, double macroF1, IReadOnlyList<SentencePrediction>? against, string[]? restrict)
    {
        static string F(double x) => x.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture);
        static string Signed(double x) => (x >= 0 ? "+" : string.Empty) + F(x);
        if (settings.Bootstrap > 0)
        {
            var interval = BootstrapInterval.Compute(rows, predictions, restrict, settings.Bootstrap, settings.BootstrapSeed);
            stdout.WriteLine($"  macro-F1 95 % interval [{F(interval.MacroF1Low)}, {F(interval.MacroF1High)}] ({interval.Resamples} resamples of {interval.Documents} documents, seed {interval.Seed})");
            stdout.WriteLine("  per-class F1 95 % intervals: " + string.Join(", ", interval.PerClass.Select(c => $"{c.Label} [{F(c.Low)}, {F(c.High)}]")));
        }

        if (against is not null)
        {
            var name = settings.Against ?? Path.GetFileName(settings.AgainstPredictions);
            if (settings.Bootstrap > 0)
            {
                var (difference, low, high) = BootstrapInterval.Difference(rows, against, predictions, restrict, settings.Bootstrap, settings.BootstrapSeed);
                stdout.WriteLine($"  macro-F1 minus {name}'s: {Signed(difference)}, 95 % interval [{F(low)}, {F(high)}] (paired, the same {settings.Bootstrap} resamples)");
            }
            else
            {
                stdout.WriteLine($"  macro-F1 minus {name}'s: {Signed(macroF1 - MulticlassMetrics.Evaluate(rows, against, restrict).MacroF1)}");
            }
        }
    }

    /// <summary>
    /// The predictions of the fast model or, for <c>--model accurate</c> or an accurate-tier file, of the accurate
    /// tier (its encoders loaded only then), on <paramref name="rows"/>; null after one error line. A model trained on
    /// tagged sentences is measured on tagged sentences, as it runs in <c>run</c>, so the rows are replaced by their
    /// tagged copies then. Rows the data places in a title, heading or footer are <c>other</c>, as <c>run</c> labels
    /// them (<see cref="SentenceClassifierStage.WithLayoutRules"/>); until session 35 they were the model's guesses, so
    /// a corrected workbook scored its headings lower than <c>run</c> had labelled them.
    /// </summary>
    private static IReadOnlyList<SentencePrediction>? Predict(string? model, ref IReadOnlyList<LabelledSentence> rows, TextWriter stdout, TextWriter stderr, double? gate = null, bool tunedOnly = false)
    {
        var predictions = PredictModel(model, ref rows, stdout, stderr, gate, tunedOnly);
        if (predictions is null)
        {
            return null;
        }

        var result = predictions.ToArray();
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = SentenceClassifierStage.IsOtherByLayout(rows[i].Section) ? SentenceClassifierStage.Other : result[i];
        }

        return result;
    }

    private static IReadOnlyList<SentencePrediction>? PredictModel(string? model, ref IReadOnlyList<LabelledSentence> rows, TextWriter stdout, TextWriter stderr, double? gate, bool tunedOnly)
    {
        if (AccurateModel.IsRequested(model))
        {
            var accurate = AccurateModel.Load(model!, stderr, gate, tunedOnly);
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
