using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Cli.Settings;
using ArgMiner.Encoders.Classification;
using ArgMiner.Text;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer calibrate</c>'s settings.</summary>
/// <param name="Model">The accurate tier: a file, or <c>accurate</c> for the shipped one.</param>
/// <param name="Data">Held-out labelled sentences (ArgMiner's four labels) to fit the temperature on.</param>
/// <param name="Out">The calibrated tier's file.</param>
internal sealed record CalibrateSettings(string Model, LabelledDataSettings Data, string Out);

/// <summary>
/// <c>argminer calibrate</c>: fits the accurate tier's temperature on held-out labelled sentences
/// (<see cref="Calibration.FitTemperature"/>), so its confidence reads as a probability, and writes the tier with it.
/// Labels never change; the fast model needs none (its confidence is calibrated by its own training:
/// models/sentence-classifier.md).
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>calibrate</c>'s options, and the binder that reads them into <see cref="CalibrateSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<CalibrateSettings>
    {
        private readonly Option<string> _model = SharedOptions.Model("The accurate tier to calibrate: its file, or 'accurate' for the shipped one", required: true);
        private readonly LabelledDataGroup _data = new(dataNote: ". Held-out sentences, never trained on, labelled claim, evidence, opinion or other", trains: false);
        private readonly Option<string> _out = SharedOptions.Out("Calibrated tier file to write", required: true);

        public Binder()
        {
            Command = new Command("calibrate", "Fit the accurate tier's temperature on held-out labelled sentences so its confidence reads as a probability (labels never change), and write the tier with it.") { _model, _data.Data };
            foreach (var option in _data.Reading)
            {
                Command.Options.Add(option);
            }

            Command.Options.Add(_out);
        }

        public override Command Command { get; }

        public override CalibrateSettings Bind(ParseResult parse) => new(parse.GetValue(_model)!, _data.Bind(parse), parse.GetValue(_out)!);
    }

    /// <summary>Fits and writes as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(CalibrateSettings settings, TextWriter stdout, TextWriter stderr)
    {
        if (!AccurateModel.IsRequested(settings.Model))
        {
            if (CommandLine.NotAFile(settings.Model) is { } notAFile)
            {
                stderr.WriteLine($"argminer: --model {notAFile}");
            }
            else if (ArgMiner.Models.ModelPackage.KindOf(settings.Model) is not null || ClassifierCli.LoadModel(settings.Model, stderr) is not null)
            {
                // A readable model of another kind; a damaged file was named as damaged by the loader, in one line.
                stderr.WriteLine($"argminer: --model {settings.Model}: not an accurate-tier model (calibrate fits the accurate tier's temperature; the fast model's confidence needs none)");
            }

            return CommandLine.Failed;
        }

        var rows = ClassifierCli.ReadData(settings.Data, stderr);
        if (rows is null)
        {
            return CommandLine.Failed;
        }

        if (rows.FirstOrDefault(r => !SentenceLabels.All.Contains(r.Label)) is { } foreign)
        {
            stderr.WriteLine($"argminer: {foreign.Source}: gold label '{foreign.Label}' is not one of {string.Join(", ", SentenceLabels.All)} (calibrate needs ArgMiner's own labels, not --map)");
            return CommandLine.Failed;
        }

        var loaded = AccurateModel.Load(settings.Model, stderr);
        if (loaded is null)
        {
            return CommandLine.Failed;
        }

        var before = loaded.WithTemperature(1);
        List<double[]> probabilities = [];
        List<int> gold = [];
        SentencePrediction[] predictions;
        using (AccurateModel.EncodersOf(loaded))
        {
            rows = before.Fast.TaggedFeatures ? ClassifierCli.Tag(rows, stdout) : rows;
            var fast = before.Fast.PredictRows(rows);
            predictions = before.PredictRows(rows);

            // Only the sentences the tier consulted take its temperature; the fast model's own predictions do not, nor do
            // titles, headings and footers, which run labels other by the layout rule whatever the tier says.
            for (var i = 0; i < rows.Count; i++)
            {
                if (before.Consults(fast[i]) && !SentenceClassifierStage.IsOtherByLayout(rows[i].Section))
                {
                    probabilities.Add([.. predictions[i].Probabilities]);
                    gold.Add(SentenceLabels.All.IndexOf(rows[i].Label));
                }
            }
        }

        if (probabilities.Count == 0)
        {
            stderr.WriteLine($"argminer: the tier consulted none of the {rows.Count} sentences (its gate is {before.Gate.ToString(CultureInfo.InvariantCulture)}): nothing to fit a temperature on");
            return CommandLine.Failed;
        }

        var temperature = Calibration.FitTemperature(probabilities, gold);
        var errorBefore = Calibration.ExpectedError(probabilities, gold, 1);
        var errorAfter = Calibration.ExpectedError(probabilities, gold, temperature);
        var lossBefore = Calibration.LogLoss(probabilities, gold, 1);
        var lossAfter = Calibration.LogLoss(probabilities, gold, temperature);
        static string F(double x) => x.ToString("0.0000", CultureInfo.InvariantCulture);
        stdout.WriteLine($"temperature {F(temperature)}, fitted on {probabilities.Count} of {rows.Count} sentences (those the tier consults, titles, headings and footers left out)");
        stdout.WriteLine($"  log-loss {F(lossBefore)} -> {F(lossAfter)}; calibration error (ten bins) {F(errorBefore)} -> {F(errorAfter)}; labels unchanged");
        var calibrated = before.WithTemperature(temperature);
        var card = calibrated.Card;
        card[AccurateClassifier.CalibrationKey] = new JsonObject
        {
            ["method"] = "temperature scaling: each consulted sentence's probabilities raised to 1/T and renormalised, T minimising the log-loss",
            ["data"] = new JsonArray([.. settings.Data.Paths.Select(p => (JsonNode)FileNames(p))]),
            ["sentences"] = probabilities.Count,
            ["logLossBefore"] = Math.Round(lossBefore, 4),
            ["logLossAfter"] = Math.Round(lossAfter, 4),
            ["calibrationErrorBefore"] = Math.Round(errorBefore, 4),
            ["calibrationErrorAfter"] = Math.Round(errorAfter, 4),
        };
        return ClassifierCli.SaveModel(calibrated.WithCard(card).Save, settings.Out, stdout, stderr);
    }

    /// <summary>A <c>--data</c> path with its folders left out, in its suffixes too (<c>dev.conllu#labels=dev.labels</c>): the card names the data, not this machine's folders.</summary>
    private static string FileNames(string path) =>
        string.Join('#', path.Split('#').Select((part, i) => i == 0
            ? Path.GetFileName(part.TrimEnd('/', '\\'))
            : part.Split('=', 2) is [var key, var value] ? key + "=" + Path.GetFileName(value.TrimEnd('/', '\\')) : part));
}
