using ArgMiner.Pipeline;
using ArgMiner.Text;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Cli.Settings;
using ArgMiner.Models;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer train</c>'s settings. A null trainer setting was not given: the trainer's default (or the shipped recipe's) applies.</summary>
internal sealed record TrainSettings
{
    /// <summary>Your labelled data (<c>--data</c>, may be empty with <see cref="FromShipped"/>) and how to read it.</summary>
    public required LabelledDataSettings Data { get; init; }

    /// <summary>Start from the shipped model's recipe.</summary>
    public bool FromShipped { get; init; }

    /// <summary>The shared corpora folder (<c>--shared</c>), or null.</summary>
    public string? Shared { get; init; }

    /// <summary>Recipe data sets to leave out, or null when <c>--leave-out</c> was not given.</summary>
    public IReadOnlyList<string>? LeaveOut { get; init; }

    /// <summary>Skip the comparison with the shipped model.</summary>
    public bool NoCompare { get; init; }

    /// <summary>The model file to write.</summary>
    public required string Out { get; init; }

    /// <summary>Cross-validation folds (0: none).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>ML.NET's seed, or null when not given.</summary>
    public int? Seed { get; init; }

    /// <summary>The L2 penalty, or null when not given.</summary>
    public double? L2 { get; init; }

    /// <summary>The L1 penalty.</summary>
    public double L1 { get; init; }

    /// <summary>Most iterations.</summary>
    public int MaxIterations { get; init; } = new SentenceClassifierTrainerOptions().MaxIterations;

    /// <summary>The stopping tolerance, or null when not given.</summary>
    public double? Tolerance { get; init; }

    /// <summary>The ML.NET trainer, or null when not given.</summary>
    public SentenceTrainer? Trainer { get; init; }

    /// <summary>The featurizer's settings (<c>--hash-bits</c>, <c>--char-min</c>, <c>--char-max</c>, <c>--cue-weight</c>, <c>--vector-weight</c>, <c>--no-sentiment</c>).</summary>
    public FeaturizerOptions Featurizer { get; init; } = new();

    /// <summary>Weigh classes inversely to their frequency.</summary>
    public bool Balance { get; init; }

    /// <summary>Weights by label (<c>--class-weight</c>); empty when none was given.</summary>
    public IReadOnlyDictionary<string, double> ClassWeights { get; init; } = new Dictionary<string, double>();

    /// <summary>The word-vector table: <c>shipped</c>, <c>none</c> or a file.</summary>
    public string Vectors { get; init; } = "shipped";

    /// <summary>Train on the bare text, untagged.</summary>
    public bool NoTag { get; init; }

    /// <summary>Leave out the document-context stage (<c>--no-context</c>).</summary>
    public bool NoContext { get; init; }

    /// <summary>An older model to compare with, or null.</summary>
    public string? Compare { get; init; }

    /// <summary>A CSV file for the out-of-fold predictions, or null.</summary>
    public string? Predictions { get; init; }

    /// <summary>A teacher's probabilities to train towards (<c>--soft-labels</c>, <see cref="SoftTargets"/>), or null.</summary>
    public string? SoftLabels { get; init; }

    /// <summary>How much of a listed sentence's target is the teacher's (<c>--soft-weight</c>), or null for the default.</summary>
    public double? SoftWeight { get; init; }
}

/// <summary><c>argminer train</c>: cross-validates, then trains the sentence classifier on all the data and writes it with its card.</summary>
internal static class TrainCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>train</c>'s options, and the binder that reads them into <see cref="TrainSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<TrainSettings>
    {
        private readonly LabelledDataGroup _data = new(dataRequired: false, dataNote: ". With --from-shipped, your data is read after the shipped recipe's, so your labels win where they differ");
        private readonly Option<bool> _fromShipped = new("--from-shipped") { Description = "Start from the shipped model's recipe: its data (the project's corpus and the shared corpora it learned from) and settings, then your --data; compare the new model with the shipped one on held-out real text" };
        private readonly Option<string> _shared = new("--shared") { Description = "With --from-shipped: the shared corpora folder (holding corpora/); default ARGMINER_SHARED, else a 'shared' folder beside the current directory or a parent" };
        private readonly Option<string[]> _leaveOut = new("--leave-out") { Description = $"With --from-shipped: leave out these recipe data sets ({ShippedRecipe.SourceNames})", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = true };
        private readonly Option<bool> _noCompare = new("--no-compare") { Description = "With --from-shipped: skip the comparison with the shipped model" };
        private readonly Option<string> _out = SharedOptions.Out("Model file to write", required: true);
        private readonly Option<int> _folds = new Option<int>("--folds") { Description = "Cross-validation folds (documents stay in one fold); 0 skips cross-validation", DefaultValueFactory = _ => 5 }
            .Accepting(k => k is 0 or >= 2, "--folds must be 0 (no cross-validation) or at least 2");
        private readonly Option<int> _seed = new("--seed") { Description = "Seed of ML.NET's context: fold assignment and SDCA's row order", DefaultValueFactory = _ => 1 };
        private readonly Option<double> _l2 = new("--l2") { Description = "L2 penalty (ML.NET L2Regularization)", DefaultValueFactory = _ => new SentenceClassifierTrainerOptions().L2 };
        private readonly Option<double> _l1 = new("--l1") { Description = "L1 penalty (ML.NET L1Regularization, lbfgs only): zeroes weak weights, smaller model", DefaultValueFactory = _ => 0 };
        private readonly Option<int> _iterations = new("--max-iterations") { Description = "Most L-BFGS iterations (SDCA: passes over the data)", DefaultValueFactory = _ => new SentenceClassifierTrainerOptions().MaxIterations };
        private readonly Option<double?> _tolerance = new("--tolerance") { Description = "When training stops: SDCA's duality-gap tolerance (default 0.001) or L-BFGS's optimization tolerance (default 1e-7)" };
        private readonly Option<OptionValue<SentenceTrainer>> _trainer = new("--trainer") { Description = "The ML.NET trainer: sdca (SdcaMaximumEntropy, the default, L2 only), lbfgs (LbfgsMaximumEntropy, L1 and L2; slower, wants --l2 near 1) or lightgbm (LightGbm trees, cross-validation only: no model is written)", DefaultValueFactory = _ => new(SentenceTrainer.Sdca, "sdca"), CustomParser = OptionParsers.Trainer };
        private readonly Option<int> _hashBits = new("--hash-bits") { Description = "Hashed feature space size as a power of two", DefaultValueFactory = _ => new FeaturizerOptions().HashBits };
        private readonly Option<int> _charMin = new("--char-min") { Description = "Shortest character n-gram (0: none)", DefaultValueFactory = _ => new FeaturizerOptions().CharMin };
        private readonly Option<int> _charMax = new("--char-max") { Description = "Longest character n-gram", DefaultValueFactory = _ => new FeaturizerOptions().CharMax };
        private readonly Option<float> _cueWeight = new("--cue-weight") { Description = "Value of each linguistic cue feature", DefaultValueFactory = _ => new FeaturizerOptions().CueWeight };
        private readonly Option<bool> _balance = new("--balance") { Description = "Weigh classes inversely to their frequency" };
        private readonly Option<IReadOnlyDictionary<string, double>> _classWeight = new("--class-weight") { Description = "Weigh a label in training, e.g. opinion=2 (repeatable)", Arity = ArgumentArity.ZeroOrMore, CustomParser = OptionParsers.ClassWeights };
        private readonly Option<string> _compare = new("--compare") { Description = "An older model to report side by side on the same test folds" };
        private readonly Option<string> _vectors = new("--vectors") { Description = "Word-vector table whose sentence average joins the features: a file made by 'argminer import-vectors', 'shipped' (the default: the table in models/word-vectors.model) or 'none'", DefaultValueFactory = _ => "shipped" };
        private readonly Option<float> _vectorWeight = new("--vector-weight") { Description = "Norm of the word-vector block (the n-gram blocks have norm 1)", DefaultValueFactory = _ => new FeaturizerOptions().VectorWeight };
        private readonly Option<bool> _noSentiment = new("--no-sentiment") { Description = "Leave out the AFINN-165 sentiment cues (positive, negative, strong words)" };
        private readonly Option<bool> _noStancePairs = new("--no-stance-pairs") { Description = "Leave out the cue pairs (a question with a negative word or an intensifier, address to the reader or a figure with a stance word)" };
        private readonly Option<bool> _noTag = new("--no-tag") { Description = "Train on the bare text: no entity types or number kinds (the default tags each sentence as 'run' does, so the tagged features get weights)" };
        private readonly Option<bool> _noContext = new("--no-context") { Description = "Leave out the second stage that rescores each sentence from its neighbours' and its document's first-stage probabilities (it is trained on the cross-validation's out-of-fold predictions, so --folds 0 leaves it out too)" };
        private readonly Option<string> _predictions = new("--predictions") { Description = "Write the cross-validated (out-of-fold) predictions to this CSV, for error analysis" };
        private readonly Option<string> _softLabels = new("--soft-labels") { Description = "Distil a teacher: train each sentence this CSV lists (written by 'train-accurate --soft-labels-out') towards a mix of its gold label and the teacher's probabilities" };
        private readonly Option<double?> _softWeight = new("--soft-weight") { Description = "With --soft-labels: the teacher's share of the target, 0 to 1 (default 0.5)" };

        public Binder() => Command = new Command("train", "Train the claim/evidence/opinion/other sentence classifier: cross-validated metrics, then a model trained on all the data.")
        {
            _data.Data, _fromShipped, _shared, _leaveOut, _noCompare, _out, _data.TextColumn, _data.LabelColumn, _data.DocColumn, _data.Map, _folds, _seed, _l2, _l1, _iterations, _tolerance, _trainer, _hashBits, _charMin, _charMax, _cueWeight, _balance, _classWeight, _vectors, _vectorWeight, _noSentiment, _noStancePairs, _noTag, _noContext, _compare, _predictions, _softLabels, _softWeight,
        };

        public override Command Command { get; }

        public override TrainSettings Bind(ParseResult parse) => new()
        {
            Data = _data.Bind(parse),
            FromShipped = parse.GetValue(_fromShipped),
            Shared = parse.GetValue(_shared),
            LeaveOut = Given(parse, _leaveOut) ? parse.GetValue(_leaveOut) ?? [] : null,
            NoCompare = parse.GetValue(_noCompare),
            Out = parse.GetValue(_out)!,
            Folds = parse.GetValue(_folds),
            Seed = Given(parse, _seed) ? parse.GetValue(_seed) : null,
            L2 = Given(parse, _l2) ? parse.GetValue(_l2) : null,
            L1 = parse.GetValue(_l1),
            MaxIterations = parse.GetValue(_iterations),
            Tolerance = parse.GetValue(_tolerance),
            Trainer = Given(parse, _trainer) ? parse.GetValue(_trainer)?.Value : null,
            Featurizer = new FeaturizerOptions
            {
                HashBits = parse.GetValue(_hashBits),
                CharMin = parse.GetValue(_charMin),
                CharMax = parse.GetValue(_charMax),
                CueWeight = parse.GetValue(_cueWeight),
                VectorWeight = parse.GetValue(_vectorWeight),
                Sentiment = !parse.GetValue(_noSentiment),
                StancePairs = !parse.GetValue(_noStancePairs),
            },
            Balance = parse.GetValue(_balance),
            ClassWeights = parse.GetValue(_classWeight) ?? new Dictionary<string, double>(),
            Vectors = parse.GetValue(_vectors) ?? "shipped",
            NoTag = parse.GetValue(_noTag),
            NoContext = parse.GetValue(_noContext),
            Compare = parse.GetValue(_compare),
            Predictions = parse.GetValue(_predictions),
            SoftLabels = parse.GetValue(_softLabels),
            SoftWeight = parse.GetValue(_softWeight),
        };
    }

    /// <summary>Cross-validates and trains as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(TrainSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var recipe = settings.FromShipped ? ShippedRecipeCli.Resolve(settings.Shared, settings.LeaveOut ?? [], stdout, stderr) : null;
        if (settings.FromShipped && recipe is null)
        {
            return CommandLine.Usage;
        }

        if (recipe is null && (settings.Shared is not null || settings.LeaveOut is not null || settings.NoCompare))
        {
            stderr.WriteLine("argminer: --shared, --leave-out and --no-compare go with --from-shipped");
            return CommandLine.Usage;
        }

        var userData = settings.Data.Paths;
        if (recipe is null && userData.Count == 0)
        {
            stderr.WriteLine("argminer: train needs --data (labelled files or folders), or --from-shipped to start from the shipped model's data");
            return CommandLine.Usage;
        }

        var rows = ClassifierCli.ReadData([.. recipe?.TrainingPaths ?? [], .. userData], settings.Data.ReaderOptions, stderr);
        if (rows is null)
        {
            return CommandLine.Failed;
        }

        if (rows is LabelledDataSet { Overridden: > 0 } corrected)
        {
            stdout.WriteLine($"corrections win: overrode {corrected.Overridden} labels of earlier --data paths where a later path labels the same sentence otherwise (the correcting rows weigh {Corrections.CorrectionWeight} times)");
        }

        Classification.SentenceClassifier? old = null;
        var comparePath = settings.Compare;
        if (comparePath is not null || (recipe is not null && !settings.NoCompare))
        {
            old = ClassifierCli.LoadModel(comparePath, stderr);
            if (old is null)
            {
                return CommandLine.Failed;
            }
        }

        var oldName = comparePath ?? "(shipped)";

        WordVectors? table;
        try
        {
            table = settings.Vectors switch
            {
                "none" => null,
                "shipped" => ShippedModels.WordVectors,
                var path => WordVectors.Load(path),
            };
        }
        catch (ModelFormatException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return CommandLine.Failed;
        }

        if (settings.Featurizer.VectorWeight is var vw && !(vw > 0 && vw <= 100))
        {
            stderr.WriteLine("argminer: --vector-weight must be above 0 and at most 100");
            return CommandLine.Usage;
        }

        // A cue weight of NaN or infinity made every row's features NaN: ML.NET dropped them all and threw
        // "Training set has 0 instances" with a stack trace. A tolerance out of range was ML.NET's to refuse, after tagging.
        if (!float.IsFinite(settings.Featurizer.CueWeight) || settings.Featurizer.CueWeight < 0)
        {
            stderr.WriteLine("argminer: --cue-weight must be a number not below 0");
            return CommandLine.Usage;
        }

        // The featurizer's own checks name its properties (HashBits, CharMin), not the options a user typed.
        if (settings.Featurizer.HashBits is < 10 or > 24)
        {
            stderr.WriteLine("argminer: --hash-bits must be between 10 and 24");
            return CommandLine.Usage;
        }

        if (settings.Featurizer is var f && (f.CharMin < 0 || (f.CharMin > 0 && f.CharMax < f.CharMin) || f.CharMax > 8))
        {
            stderr.WriteLine("argminer: --char-min and --char-max must satisfy 0 < --char-min <= --char-max <= 8 (or --char-min 0: no character n-grams)");
            return CommandLine.Usage;
        }

        if (settings.Tolerance is { } tolerance && !(tolerance > 0 && tolerance <= 1))
        {
            stderr.WriteLine("argminer: --tolerance must be above 0 and at most 1");
            return CommandLine.Usage;
        }

        SentenceClassifierTrainerOptions options;
        try
        {
            var featurizer = settings.Featurizer;
            _ = new SentenceFeaturizer(featurizer);
            var defaults = recipe is null ? new SentenceClassifierTrainerOptions() : ShippedRecipe.Options;
            options = new SentenceClassifierTrainerOptions
            {
                Featurizer = featurizer,
                L2 = settings.L2 ?? defaults.L2,
                L1 = settings.L1,
                MaxIterations = settings.MaxIterations,
                Tolerance = settings.Tolerance ?? defaults.Tolerance,
                Seed = settings.Seed ?? defaults.Seed,
                BalanceClasses = settings.Balance,
                ClassWeights = settings.ClassWeights.Count == 0 ? defaults.ClassWeights : settings.ClassWeights,
                DataSources = [.. recipe?.CardSources ?? [], .. userData],
                Vectors = table,
                Trainer = settings.Trainer ?? defaults.Trainer,
                SoftWeight = settings.SoftWeight ?? defaults.SoftWeight,
            };
            options.Validate();
            if (options.Trainer == SentenceTrainer.LightGbm && settings.Folds < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(settings), "--trainer lightgbm cross-validates only: give --folds 2 or more");
            }
        }
        catch (ArgumentOutOfRangeException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message.Split(" (Parameter", 2)[0]}");
            return CommandLine.Usage;
        }

        if (settings.SoftLabels is { } softPath)
        {
            try
            {
                options = options with { SoftTargets = SoftTargets.Read(softPath), SoftTargetsSource = Path.GetFileName(softPath) };
            }
            catch (LabelledDataException ex)
            {
                stderr.WriteLine($"argminer: {ex.Message}");
                return CommandLine.Failed;
            }
        }
        else if (settings.SoftWeight is not null)
        {
            stderr.WriteLine("argminer: --soft-weight goes with --soft-labels");
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
        var tag = !settings.NoTag;
        rows = tag ? ClassifierCli.Tag(rows, stdout) : rows;
        var trainer = new SentenceClassifierTrainer(options);
        var sources = rows.Select(r => r.Source).Distinct().ToList();
        stdout.WriteLine($"read {rows.Count} labelled sentences from {sources.Count} source(s)");

        var cv = new JsonObject();
        var k = settings.Folds;
        SentencePrediction[]? outOfFold = null;
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

            outOfFold = predictions;
            if (!ClassifierCli.TryWritePredictions(settings.Predictions, rows, predictions, stderr))
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

        if (outOfFold is not null && !settings.NoContext && trainer.CrossValidateContext(rows, outOfFold, k) is { } contextFolds)
        {
            // The second stage learns from the first stage's out-of-fold predictions; cross-validating it on those
            // (documents in one fold again) measures both stages on sentences neither was trained on.
            var withNeighbours = new HashSet<int>(SentenceClassifier.DocumentRuns(rows).Where(r => r.Count >= 2).SelectMany(r => Enumerable.Range(r.Start, r.Count)));
            var contextCv = new JsonObject();
            foreach (var source in sources.Prepend("(all)"))
            {
                var idx = Enumerable.Range(0, rows.Count).Where(i => withNeighbours.Contains(i) && (source == "(all)" || rows[i].Source == source)).ToList();
                if (idx.Count == 0)
                {
                    continue;
                }

                var part = idx.Select(i => rows[i]).ToList();
                var first = MulticlassMetrics.Evaluate(part, [.. idx.Select(i => outOfFold[i])]);
                var both = MulticlassMetrics.Evaluate(part, [.. idx.Select(i => contextFolds[i])]);
                var name = source == "(all)" ? "all sources" : recipe is not null && recipe.NameByPath.TryGetValue(source, out var recipeName) ? $"shipped recipe {recipeName} {Path.GetFileName(source.Split('#')[0])}" : source;
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"document-context stage, cross-validated, on {name} (sentences with neighbours): sentences {idx.Count}  macro-F1 first stage {ClassifierCli.F(first.MacroF1)} -> both stages {ClassifierCli.F(both.MacroF1)}  micro-accuracy {ClassifierCli.F(first.MicroAccuracy)} -> {ClassifierCli.F(both.MicroAccuracy)}"));
                contextCv[source] = new JsonObject { ["firstStage"] = first.ToJson(), ["bothStages"] = both.ToJson() };
            }

            cv["document-context stage"] = contextCv;
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
        var context = outOfFold is not null && !settings.NoContext
            ? trainer.FitContext(rows, outOfFold)
            : null;
        var card = model.Card;
        if (context is not null)
        {
            model = model.WithContext(context);
            var used = SentenceClassifier.DocumentRuns(rows).Where(r => r.Count >= 2).Sum(r => r.Count);
            stdout.WriteLine($"document-context stage trained on the out-of-fold predictions of {used} sentences that have neighbours");
            card["context"] = new JsonObject
            {
                ["trainer"] = "ML.NET SdcaMaximumEntropy",
                ["l2"] = DocumentContextTrainer.L2,
                ["features"] = DocumentContextModel.FeatureCount,
                ["sentences"] = used,
                ["note"] = "second stage: rescores each sentence of a document from the first stage's probabilities of the sentence, its neighbours and the rest of the document; trained on out-of-fold probabilities; the cross-validated figures above are the first stage's",
            };
        }
        else
        {
            stdout.WriteLine(settings.NoContext ? "no document-context stage (--no-context)" : k < 2 ? "no document-context stage: it learns from cross-validation's out-of-fold predictions, and --folds is below 2" : "no document-context stage: no document in the data has two sentences of two labels");
        }

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

        return ClassifierCli.SaveModel(model.WithCard(card).Save, settings.Out, stdout, stderr);
    }
}
