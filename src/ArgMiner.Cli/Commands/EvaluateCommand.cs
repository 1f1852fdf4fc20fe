using System.CommandLine;
using ArgMiner.Classification;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer evaluate</c>: metrics of a model on labelled data.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Option<string>("--model") { Description = "Model file (default: the shipped model)" };
        var data = ClassifierCli.DataOption();
        var text = ClassifierCli.TextColumn();
        var label = ClassifierCli.LabelColumn();
        var doc = ClassifierCli.DocColumn();
        var map = ClassifierCli.MapOption();
        var predictionsOut = new Option<string>("--predictions") { Description = "Write each sentence's prediction beside its gold label to this CSV" };
        var labels = new Option<string>("--labels") { Description = "Restrict predictions to these labels (comma-separated), e.g. claim,evidence for IBM Debater data" };
        var command = new Command("evaluate", "Measure a sentence classifier on labelled data (accuracy, per-class precision/recall/F1, macro-F1, log-loss, confusion matrix).")
        {
            model, data, text, label, doc, map, labels, predictionsOut,
        };
        command.SetAction(parse =>
        {
            string[]? restrict = null;
            if (parse.GetValue(labels) is { } list)
            {
                restrict = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.ToLowerInvariant()).ToArray();
                var bad = restrict.FirstOrDefault(l => !SentenceLabels.All.Contains(l));
                if (bad is not null || restrict.Length == 0)
                {
                    stderr.WriteLine($"argminer: --labels: '{bad}' is not one of {string.Join(", ", SentenceLabels.All)}");
                    return CommandLine.Usage;
                }
            }

            var rows = ClassifierCli.ReadData(parse, data, text, label, doc, map, stderr);
            if (rows is null)
            {
                return CommandLine.Failed;
            }

            var classifier = ClassifierCli.LoadModel(parse.GetValue(model), stderr);
            if (classifier is null)
            {
                return CommandLine.Failed;
            }

            // A model trained on tagged sentences is measured on tagged sentences, as it runs in 'run'.
            rows = classifier.TaggedFeatures ? ClassifierCli.Tag(rows, stdout) : rows;
            var predictions = classifier.PredictRows(rows);
            if (!ClassifierCli.TryWritePredictions(parse.GetValue(predictionsOut), rows, predictions, stderr))
            {
                return CommandLine.Failed;
            }

            var title = $"model {parse.GetValue(model) ?? "(shipped)"} on {string.Join(" ", parse.GetValue(data) ?? [])}" + (restrict is null ? string.Empty : $" (predictions restricted to {string.Join(",", restrict)})");
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
        });
        return command;
    }
}
