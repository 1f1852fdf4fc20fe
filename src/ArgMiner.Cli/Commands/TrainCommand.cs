using ArgMiner.Text;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Models;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer train</c>: cross-validates, then trains the sentence classifier on all the data and writes it with its card.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = ClassifierCli.DataOption();
        data.Required = false;
        data.Description += ". With --from-shipped, your data is read after the shipped recipe's, so your labels win where they differ";
        var fromShipped = new Option<bool>("--from-shipped") { Description = "Start from the shipped model's recipe: its data (the project's corpus and the shared corpora it learned from) and settings, then your --data; compare the new model with the shipped one on held-out real text" };
        var shared = new Option<string>("--shared") { Description = "With --from-shipped: the shared corpora folder (holding corpora/); default ARGMINER_SHARED, else a 'shared' folder beside the current directory or a parent" };
        var leaveOut = new Option<string[]>("--leave-out") { Description = "With --from-shipped: leave out these recipe data sets (corpus, seeds, newssd, ibm, ud-ewt)", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = true };
        var noCompare = new Option<bool>("--no-compare") { Description = "With --from-shipped: skip the comparison with the shipped model" };
        var output = new Option<string>("--out") { Description = "Model file to write", Required = true };
        var text = ClassifierCli.TextColumn();
        var label = ClassifierCli.LabelColumn();
        var doc = ClassifierCli.DocColumn();
        var map = ClassifierCli.MapOption();
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds (documents stay in one fold); 0 skips cross-validation", DefaultValueFactory = _ => 5 };
        var seed = new Option<int>("--seed") { Description = "Seed of ML.NET's context: fold assignment and SDCA's row order", DefaultValueFactory = _ => 1 };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty (ML.NET L2Regularization)", DefaultValueFactory = _ => new SentenceClassifierTrainerOptions().L2 };
        var l1 = new Option<double>("--l1") { Description = "L1 penalty (ML.NET L1Regularization, lbfgs only): zeroes weak weights, smaller model", DefaultValueFactory = _ => 0 };
        var iterations = new Option<int>("--max-iterations") { Description = "Most L-BFGS iterations (SDCA: passes over the data)", DefaultValueFactory = _ => new SentenceClassifierTrainerOptions().MaxIterations };
        var tolerance = new Option<double?>("--tolerance") { Description = "When training stops: SDCA's duality-gap tolerance (default 0.001) or L-BFGS's optimization tolerance (default 1e-7)" };
        var optimizer = new Option<string>("--trainer") { Description = "The ML.NET trainer: sdca (SdcaMaximumEntropy, the default, L2 only), lbfgs (LbfgsMaximumEntropy, L1 and L2; slower, wants --l2 near 1) or lightgbm (LightGbm trees, cross-validation only: no model is written)", DefaultValueFactory = _ => "sdca" };
        var hashBits = new Option<int>("--hash-bits") { Description = "Hashed feature space size as a power of two", DefaultValueFactory = _ => new FeaturizerOptions().HashBits };
        var charMin = new Option<int>("--char-min") { Description = "Shortest character n-gram (0: none)", DefaultValueFactory = _ => new FeaturizerOptions().CharMin };
        var charMax = new Option<int>("--char-max") { Description = "Longest character n-gram", DefaultValueFactory = _ => new FeaturizerOptions().CharMax };
        var cueWeight = new Option<float>("--cue-weight") { Description = "Value of each linguistic cue feature", DefaultValueFactory = _ => new FeaturizerOptions().CueWeight };
        var balance = new Option<bool>("--balance") { Description = "Weigh classes inversely to their frequency" };
        var classWeight = new Option<string[]>("--class-weight") { Description = "Weigh a label in training, e.g. opinion=2 (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var compare = new Option<string>("--compare") { Description = "An older model to report side by side on the same test folds" };
        var vectors = new Option<string>("--vectors") { Description = "Word-vector table whose sentence average joins the features: a file made by 'argminer import-vectors', 'shipped' (the default: the table in models/word-vectors.model) or 'none'", DefaultValueFactory = _ => "shipped" };
        var vectorWeight = new Option<float>("--vector-weight") { Description = "Norm of the word-vector block (the n-gram blocks have norm 1)", DefaultValueFactory = _ => new FeaturizerOptions().VectorWeight };
        var noSentiment = new Option<bool>("--no-sentiment") { Description = "Leave out the AFINN-165 sentiment cues (positive, negative, strong words)" };
        var noTag = new Option<bool>("--no-tag") { Description = "Train on the bare text: no entity types or number kinds (the default tags each sentence as 'run' does, so the tagged features get weights)" };
        var predictionsOut = new Option<string>("--predictions") { Description = "Write the cross-validated (out-of-fold) predictions to this CSV, for error analysis" };
        var command = new Command("train", "Train the claim/evidence/opinion/other sentence classifier: cross-validated metrics, then a model trained on all the data.")
        {
            data, fromShipped, shared, leaveOut, noCompare, output, text, label, doc, map, folds, seed, l2, l1, iterations, tolerance, optimizer, hashBits, charMin, charMax, cueWeight, balance, classWeight, vectors, vectorWeight, noSentiment, noTag, compare, predictionsOut,
        };
        command.SetAction(parse =>
        {
            var recipe = parse.GetValue(fromShipped) ? ShippedRecipeCli.Resolve(parse.GetValue(shared), parse.GetValue(leaveOut) ?? [], stdout, stderr) : null;
            if (parse.GetValue(fromShipped) && recipe is null)
            {
                return CommandLine.Usage;
            }

            if (recipe is null && (parse.GetValue(shared) is not null || parse.GetResult(leaveOut) is not null || parse.GetValue(noCompare)))
            {
                stderr.WriteLine("argminer: --shared, --leave-out and --no-compare go with --from-shipped");
                return CommandLine.Usage;
            }

            string[] userData = parse.GetValue(data) ?? [];
            if (recipe is null && userData.Length == 0)
            {
                stderr.WriteLine("argminer: train needs --data (labelled files or folders), or --from-shipped to start from the shipped model's data");
                return CommandLine.Usage;
            }

            var rows = ClassifierCli.ReadData([.. recipe?.TrainingPaths ?? [], .. userData], parse, text, label, doc, map, stderr);
            if (rows is null)
            {
                return CommandLine.Failed;
            }

            if (rows is LabelledDataSet { Overridden: > 0 } corrected)
            {
                stdout.WriteLine($"corrections win: overrode {corrected.Overridden} labels of earlier --data paths where a later path labels the same sentence otherwise (the correcting rows weigh {Corrections.CorrectionWeight} times)");
            }

            Classification.SentenceClassifier? old = null;
            var comparePath = parse.GetValue(compare);
            if (comparePath is not null || (recipe is not null && !parse.GetValue(noCompare)))
            {
                old = ClassifierCli.LoadModel(comparePath, stderr);
                if (old is null)
                {
                    return CommandLine.Failed;
                }
            }

            var oldName = comparePath ?? "(shipped)";

            var classWeights = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var entry in parse.GetValue(classWeight) ?? [])
            {
                var parts = entry.Split('=', 2);
                if (parts.Length != 2 || !SentenceLabels.All.Contains(parts[0].Trim().ToLowerInvariant())
                    || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var cw) || !(cw > 0) || double.IsInfinity(cw))
                {
                    stderr.WriteLine($"argminer: --class-weight '{entry}' is not LABEL=positive number with LABEL one of {string.Join(", ", SentenceLabels.All)}");
                    return CommandLine.Usage;
                }

                classWeights[parts[0].Trim().ToLowerInvariant()] = cw;
            }

            WordVectors? table;
            try
            {
                table = parse.GetValue(vectors) switch
                {
                    "none" => null,
                    "shipped" or null => WordVectors.LoadDefault(),
                    var path => WordVectors.Load(path),
                };
            }
            catch (ModelFormatException ex)
            {
                stderr.WriteLine($"argminer: {ex.Message}");
                return CommandLine.Failed;
            }

            if (parse.GetValue(vectorWeight) is var vw && !(vw > 0 && vw <= 100))
            {
                stderr.WriteLine("argminer: --vector-weight must be above 0 and at most 100");
                return CommandLine.Usage;
            }

            SentenceClassifierTrainerOptions options;
            try
            {
                var featurizer = new FeaturizerOptions
                {
                    HashBits = parse.GetValue(hashBits),
                    CharMin = parse.GetValue(charMin),
                    CharMax = parse.GetValue(charMax),
                    CueWeight = parse.GetValue(cueWeight),
                    VectorWeight = parse.GetValue(vectorWeight),
                    Sentiment = !parse.GetValue(noSentiment),
                };
                _ = new SentenceFeaturizer(featurizer);
                var defaults = recipe is null ? new SentenceClassifierTrainerOptions() : ShippedRecipe.Options;
                options = new SentenceClassifierTrainerOptions
                {
                    Featurizer = featurizer,
                    L2 = parse.GetResult(l2) is null ? defaults.L2 : parse.GetValue(l2),
                    L1 = parse.GetValue(l1),
                    MaxIterations = parse.GetValue(iterations),
                    Tolerance = parse.GetResult(tolerance) is null ? defaults.Tolerance : parse.GetValue(tolerance),
                    Seed = parse.GetResult(seed) is null ? defaults.Seed : parse.GetValue(seed),
                    BalanceClasses = parse.GetValue(balance),
                    ClassWeights = classWeights.Count == 0 ? defaults.ClassWeights : classWeights,
                    DataSources = [.. recipe?.CardSources ?? [], .. userData],
                    Vectors = table,
                    Trainer = parse.GetResult(optimizer) is null ? defaults.Trainer : parse.GetValue(optimizer) switch { "lbfgs" => SentenceTrainer.Lbfgs, "sdca" => SentenceTrainer.Sdca, "lightgbm" => SentenceTrainer.LightGbm, var other => throw new ArgumentOutOfRangeException(nameof(optimizer), $"--trainer '{other}' is not sdca, lbfgs or lightgbm") },
                };
                options.Validate();
                if (options.Trainer == SentenceTrainer.LightGbm && parse.GetValue(folds) < 2)
                {
                    throw new ArgumentOutOfRangeException(nameof(folds), "--trainer lightgbm cross-validates only: give --folds 2 or more");
                }
            }
            catch (ArgumentOutOfRangeException ex)
            {
                stderr.WriteLine($"argminer: {ex.Message.Split(" (Parameter", 2)[0]}");
                return CommandLine.Usage;
            }

            // One label cannot train a classifier; check before the slow tagging.
            try
            {
                foreach (var warning in SentenceClassifierTrainer.CheckLabels(rows))
                {
                    stderr.WriteLine($"argminer: warning: {warning}");
                }
            }
            catch (ArgumentException ex)
            {
                stderr.WriteLine($"argminer: {ex.Message}");
                return CommandLine.Failed;
            }

            // Tagging is the slow part of reading the data, so it waits until every option has been checked.
            var tag = !parse.GetValue(noTag);
            rows = tag ? ClassifierCli.Tag(rows, stdout) : rows;
            var trainer = new SentenceClassifierTrainer(options);
            var sources = rows.Select(r => r.Source).Distinct().ToList();
            stdout.WriteLine($"read {rows.Count} labelled sentences from {sources.Count} source(s)");

            var cv = new JsonObject();
            var k = parse.GetValue(folds);
            if (k >= 2)
            {
                SentencePrediction[] predictions;
                var watch = Stopwatch.StartNew();
                try
                {
                    stdout.WriteLine($"cross-validating: {k} folds, documents kept in one fold...");
                    predictions = CrossValidation.OutOfFold(trainer, rows, k, (fold, all, took) => stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  fold {fold}/{all} trained and scored in {took.TotalSeconds:0.0} s")));
                }
                catch (ArgumentException ex)
                {
                    stderr.WriteLine($"argminer: {ex.Message.Split(" (Parameter", 2)[0]}");
                    return CommandLine.Failed;
                }

                if (!ClassifierCli.TryWritePredictions(parse.GetValue(predictionsOut), rows, predictions, stderr))
                {
                    return CommandLine.Failed;
                }

                stdout.WriteLine($"{k}-fold cross-validation (documents kept in one fold, seed {options.Seed}) in {watch.Elapsed.TotalSeconds:0.0} s");
                var oldPredictions = old?.PredictRows(old.TaggedFeatures && !tag ? ClassifierCli.Tag(rows, stdout) : rows);
                if (sources.Count > 1)
                {
                    var all = MulticlassMetrics.Evaluate(rows, predictions);
                    ClassifierCli.WriteMetrics(stdout, "new model, cross-validated, on all sources together", all);
                    cv["(all)"] = all.ToJson();
                }

                foreach (var source in sources)
                {
                    var idx = Enumerable.Range(0, rows.Count).Where(i => rows[i].Source == source).ToList();
                    var part = idx.Select(i => rows[i]).ToList();
                    // A source whose labels cover only some of the four (IBM: claim, evidence) is scored with
                    // the argmax among those, as 'evaluate --labels' does, and says so.
                    var used = SentenceLabels.All.Where(l => part.Any(r => r.Targets.Contains(l))).ToArray();
                    var restrict = used.Length < SentenceLabels.All.Length ? used : null;
                    var note = restrict is null ? string.Empty : $" (predictions restricted to {string.Join(",", restrict)})";
                    var metrics = MulticlassMetrics.Evaluate(part, [.. idx.Select(i => predictions[i])], restrict);
                    if (recipe is not null && recipe.NameByPath.TryGetValue(source, out var recipeName))
                    {
                        // The shipped model learned from the recipe's own data, so comparing on it says nothing:
                        // one line each, and the comparison is made on held-out text after training.
                        stdout.WriteLine($"new model, cross-validated, on shipped recipe {recipeName} {Path.GetFileName(source.Split('#')[0])}{note}: sentences {metrics.Count}  micro-accuracy {ClassifierCli.F(metrics.MicroAccuracy)}  macro-F1 {ClassifierCli.F(metrics.MacroF1)}");
                        cv[$"shipped recipe: {recipeName} {Path.GetFileName(source.Split('#')[0])}"] = metrics.ToJson();
                        continue;
                    }

                    ClassifierCli.WriteMetrics(stdout, $"new model, cross-validated, on {source}{note}", metrics);
                    cv[source] = metrics.ToJson();
                    if (oldPredictions is not null)
                    {
                        var before = MulticlassMetrics.Evaluate(part, [.. idx.Select(i => oldPredictions[i])], restrict);
                        ClassifierCli.WriteMetrics(stdout, $"old model {oldName} on the same test folds of {source} (it may have been trained on them)", before);
                        ClassifierCli.WriteComparison(stdout, $"old vs new model on the same test folds of {source}", before, metrics);
                    }
                }
            }

            if (options.Trainer == SentenceTrainer.LightGbm)
            {
                stdout.WriteLine("--trainer lightgbm cross-validates only: no model written (both engines score linear models)");
                return CommandLine.Ok;
            }

            stdout.WriteLine($"training on all {rows.Count} sentences...");
            var fit = Stopwatch.StartNew();
            SentenceClassifier model;
            try
            {
                model = trainer.Fit(rows);
            }
            catch (ArgumentException ex)
            {
                stderr.WriteLine($"argminer: {ex.Message.Split(" (Parameter", 2)[0]}");
                return CommandLine.Failed;
            }

            stdout.WriteLine($"trained on all {rows.Count} sentences in {fit.Elapsed.TotalSeconds:0.0} s");
            var card = model.Card;
            card["taggedFeatures"] = tag;
            if (k >= 2)
            {
                card["crossValidation"] = new JsonObject
                {
                    ["folds"] = k,
                    ["seed"] = options.Seed,
                    ["bySource"] = cv,
                };
            }

            if (recipe is not null)
            {
                var heldOut = ShippedRecipeCli.CompareOnHeldOut(recipe, model, old, tag, stdout, stderr);
                if (heldOut.Count > 0)
                {
                    card["heldOut"] = heldOut;
                }
            }

            return ClassifierCli.SaveModel(model.WithCard(card).Save, parse.GetValue(output)!, stdout, stderr);
        });
        return command;
    }
}
