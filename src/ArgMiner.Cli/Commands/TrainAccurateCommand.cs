using ArgMiner.Pipeline;
using ArgMiner.Text;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Cli.Settings;
using ArgMiner.Encoders.Classification;
using ArgMiner.Encoders.Embedding;
using ArgMiner.Models;
using ArgMiner.Training.Classification;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer train-accurate</c>'s settings.</summary>
/// <param name="Data">The labelled data to train on (<c>--data</c>).</param>
/// <param name="Evaluate">Held-out labelled data sets to measure on (<c>--evaluate</c>).</param>
/// <param name="Out">The accurate model file to write, or null to measure only.</param>
/// <param name="Options">The stacker's settings (<c>--folds</c>, <c>--seed</c>, <c>--stacker-l2</c>, <c>--gate</c>).</param>
/// <param name="Balance">Weigh classes inversely to their frequency.</param>
/// <param name="L1">The fast model's L1 penalty.</param>
/// <param name="EmbeddingCache">A folder keeping sentence vectors between runs, or null.</param>
/// <param name="FromShipped">Train the fast model by the shipped recipe (its data, then <paramref name="Data"/>; its settings).</param>
/// <param name="Shared">With <paramref name="FromShipped"/>: the shared corpora folder, or null to look for it.</param>
/// <param name="LeaveOut">With <paramref name="FromShipped"/>: recipe data sets to leave out.</param>
/// <param name="Encoders">The encoders' short names (<see cref="SentenceEncoders.ShortNames"/>), in order; empty for <see cref="SentenceEncoders.Default"/>.</param>
/// <param name="SoftLabelsOut">A file for the stacker's out-of-fold probabilities of the training sentences (<see cref="SoftTargets"/>), or null.</param>
/// <param name="TunedFrom">A tier file whose fine-tuned encoders are mixed into the new tier, or null for none.</param>
internal sealed record TrainAccurateSettings(IReadOnlyList<string> Data, IReadOnlyList<string> Evaluate, string? Out, AccurateTrainerOptions Options, bool Balance, double L1, string? EmbeddingCache, bool FromShipped = false, string? Shared = null, IReadOnlyList<string>? LeaveOut = null, IReadOnlyList<string>? Encoders = null, string? SoftLabelsOut = null, string? TunedFrom = null);

/// <summary>
/// <c>argminer train-accurate</c>: trains the accurate tier (fast model, out-of-fold probabilities, encoder,
/// stacker) and measures it against its own fast model on held-out sets, gate by gate.
/// </summary>
internal static class TrainAccurateCommand
{
    /// <summary>The gates measured on every held-out set.</summary>
    private static readonly double[] Gates = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>train-accurate</c>'s options, and the binder that reads them into <see cref="TrainAccurateSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<TrainAccurateSettings>
    {
        private readonly Option<string[]> _data = new LabelledDataGroup(dataRequired: false, dataNote: ". With --from-shipped, read after the shipped recipe's data").Data;
        private readonly Option<bool> _fromShipped = new("--from-shipped") { Description = "Train the fast model by the shipped model's recipe (its data and ML.NET settings), then your --data; --balance and --l1 do not apply" };
        private readonly Option<string> _shared = new("--shared") { Description = "With --from-shipped: the shared corpora folder (holding corpora/); default ARGMINER_SHARED, else a 'shared' folder beside the current directory or a parent" };
        private readonly Option<string[]> _leaveOut = new("--leave-out") { Description = $"With --from-shipped: leave out these recipe data sets ({ShippedRecipe.SourceNames})", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = true };
        private readonly Option<string[]> _evaluate = new("--evaluate")
        {
            Description = "Held-out labelled data to measure the fast model and the accurate tier on (repeatable; same forms as --data); a set labelled with only some labels (IBM: claim, evidence) is scored among those",
            Arity = ArgumentArity.ZeroOrMore,
        };

        private readonly Option<string> _out = SharedOptions.Out("Accurate model file to write (omit to measure only)");
        private readonly Option<int> _folds = new("--folds") { Description = "Folds of the fast model's cross-validation that give the stacker its out-of-fold probabilities", DefaultValueFactory = _ => 5 };
        private readonly Option<int> _seed = new("--seed") { Description = "Seed of ML.NET's contexts", DefaultValueFactory = _ => 1 };
        private readonly Option<bool> _balance = new("--balance") { Description = "Weigh classes inversely to their frequency (fast model and stacker)" };
        private readonly Option<double> _l1 = new("--l1") { Description = "The fast model's L1 penalty", DefaultValueFactory = _ => 0 };
        private readonly Option<double> _l2 = new("--stacker-l2") { Description = "The stacker's L2 penalty", DefaultValueFactory = _ => new AccurateTrainerOptions().L2 };
        private readonly Option<double> _gate = new("--gate") { Description = "Consult the encoder only when the fast model's top probability is below this (1: every sentence)", DefaultValueFactory = _ => new AccurateTrainerOptions().Gate };
        private readonly Option<string> _cache = new("--embedding-cache") { Description = "Folder keeping sentence vectors between runs (a temporary folder, never the repository)" };
        private readonly Option<string[]> _encoder = new("--encoder") { Description = "The encoders whose vectors the stacker reads, in order (arctic-xs, minilm; default: both)", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = true };
        private readonly Option<bool> _noContext = new("--no-tier-context") { Description = "Leave out the tier's own document-context stage (fitted on the stacker's out-of-fold probabilities)" };
        private readonly Option<int> _neighbours = new("--neighbours")
        {
            Description = "The stacker also reads the label shares of this many nearest training sentences (their encoder vectors kept in the model, about 0.8 KB a sentence); with --from-shipped the bank holds the real text only, not the project's written corpus (corpus, seeds, cases). 0: none",
            DefaultValueFactory = _ => 0,
        };

        private readonly Option<string> _softLabelsOut = new("--soft-labels-out") { Description = "Write the stacker's out-of-fold probabilities of the training sentences to this CSV (keyed by document and a check of the text, no text), for 'train --soft-labels'" };

        // The tuned encoders learn from the recipe's sentences and labels alone (src/ArgMiner.FineTuning), not from the
        // fast model or the taggers, so a retrained tier can keep them without the 17 minutes a seed of fine-tuning.
        private readonly Option<string> _tunedFrom = new("--tuned-from") { Description = "Mix the fine-tuned encoders of this tier file (e.g. models/accurate-classifier.model) into the new tier, as models/fine-tune-encoder.sh attaches them" };

        public Binder() => Command = new Command("train-accurate", "Train the opt-in accurate tier (pretrained sentence encoder + stacker over the fast model) and measure it against the fast model.")
        {
            _data, _fromShipped, _shared, _leaveOut, _evaluate, _out, _folds, _seed, _balance, _l1, _l2, _gate, _cache, _encoder, _noContext, _neighbours, _softLabelsOut, _tunedFrom,
        };

        public override Command Command { get; }

        public override TrainAccurateSettings Bind(ParseResult parse) => new(
            parse.GetValue(_data) ?? [],
            parse.GetValue(_evaluate) ?? [],
            parse.GetValue(_out),
            new AccurateTrainerOptions { Folds = parse.GetValue(_folds), Seed = parse.GetValue(_seed), L2 = parse.GetValue(_l2), Gate = parse.GetValue(_gate), Context = !parse.GetValue(_noContext), Neighbours = parse.GetValue(_neighbours) },
            parse.GetValue(_balance),
            parse.GetValue(_l1),
            parse.GetValue(_cache),
            parse.GetValue(_fromShipped),
            parse.GetValue(_shared),
            parse.GetValue(_leaveOut),
            parse.GetValue(_encoder),
            parse.GetValue(_softLabelsOut),
            parse.GetValue(_tunedFrom));
    }

    /// <summary>The shipped recipe's data sets the project wrote itself (corpus/labelled), kept out of the neighbour bank.</summary>
    private static readonly string[] WrittenSources = ["corpus", "seeds", "cases"];

    /// <summary>Trains and measures the accurate tier as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(TrainAccurateSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var options = settings.Options;
        if (!(options.Gate > 0 && options.Gate <= 1) || !(options.L2 >= 0) || options.Folds < 2 || options.Neighbours is < 0 or > 1000)
        {
            stderr.WriteLine("argminer: --gate must be above 0 and at most 1, --stacker-l2 at least 0, --folds at least 2, --neighbours 0 to 1000");
            return CommandLine.Usage;
        }

        // Both used to be found after tagging every sentence: an --l1 of NaN by the fast trainer (exit 1), a cache that
        // is a file by Directory.CreateDirectory ("The file '…' already exists.").
        if (!double.IsFinite(settings.L1) || settings.L1 < 0 || !double.IsFinite(options.L2))
        {
            stderr.WriteLine("argminer: --l1 and --stacker-l2 must be finite and not negative");
            return CommandLine.Usage;
        }

        if (settings.EmbeddingCache is { } cacheFolder && File.Exists(cacheFolder))
        {
            stderr.WriteLine($"argminer: --embedding-cache {cacheFolder} is a file, not a folder; give a folder");
            return CommandLine.Usage;
        }

        // Under a file, or in a folder this user may not write in: found when the first vectors were written, after the
        // data were read and tagged and the encoders loaded, until session 33 (.NET's words; a read-only folder then
        // also crashed the process, exit 139, as the encoders were disposed under the threads still embedding).
        if (settings.EmbeddingCache is { } cache
            && (ArgMiner.Output.OutputPath.InTheWay(Path.Combine(cache, "embeddings.bin")) ?? ArgMiner.Output.OutputPath.NotWritable(cache)) is { } unusable)
        {
            stderr.WriteLine($"argminer: --embedding-cache {cache}: {unusable}");
            return CommandLine.Usage;
        }

        if (!settings.FromShipped && (settings.Shared is not null || settings.LeaveOut is { Count: > 0 }))
        {
            stderr.WriteLine("argminer: --shared and --leave-out go with --from-shipped");
            return CommandLine.Usage;
        }

        if (settings.FromShipped && (settings.Balance || settings.L1 != 0))
        {
            stderr.WriteLine("argminer: --balance and --l1 do not go with --from-shipped (the recipe has its own settings)");
            return CommandLine.Usage;
        }

        var unknown = (settings.Encoders ?? []).Where(e => !SentenceEncoders.ShortNames.ContainsKey(e)).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"argminer: unknown --encoder {string.Join(", ", unknown)} (known: {string.Join(", ", SentenceEncoders.ShortNames.Keys)})");
            return CommandLine.Usage;
        }

        var data = settings.Data;
        IReadOnlyList<string> cardSources = data;
        if (settings.FromShipped)
        {
            var recipe = ShippedRecipeCli.Resolve(settings.Shared, settings.LeaveOut ?? [], stdout, stderr);
            if (recipe is null)
            {
                return CommandLine.Usage;
            }

            data = [.. recipe.TrainingPaths, .. settings.Data];
            cardSources = [.. recipe.CardSources, .. settings.Data];
            if (options.Neighbours > 0)
            {
                // The written corpus is what the stacker must not lean on for real text (the model card): its rows
                // still train the stacker, with shares read from the real-text bank.
                options = options with
                {
                    InBank = row => !(recipe.NameByPath.TryGetValue(row.Source, out var name) && WrittenSources.Contains(name)),
                    BankDescription = $"the recipe's real text: every data set but {string.Join(", ", WrittenSources)}, plus any --data",
                };
            }
        }

        if (data.Count == 0)
        {
            stderr.WriteLine("argminer: train-accurate needs --data (labelled files or folders), or --from-shipped");
            return CommandLine.Usage;
        }

        // Found only after the data were read and tagged (minutes for the shipped recipe's), until session 33.
        if (settings.TunedFrom is { } donorPath && CommandLine.NotAFile(donorPath) is { } notAFile)
        {
            stderr.WriteLine($"argminer: --tuned-from {notAFile}");
            return CommandLine.Failed;
        }

        var rows = Read(data, stderr);
        var heldOut = new List<(string Spec, IReadOnlyList<LabelledSentence> Rows)>();
        foreach (var spec in settings.Evaluate)
        {
            var set = Read([spec], stderr);
            if (set is null)
            {
                return CommandLine.Failed;
            }

            heldOut.Add((spec, set));
        }

        if (rows is null)
        {
            return CommandLine.Failed;
        }

        var fastOptions = settings.FromShipped
            ? ShippedRecipe.Options with { DataSources = [.. cardSources], Vectors = ShippedModels.WordVectors }
            : new SentenceClassifierTrainerOptions
            {
                Seed = options.Seed,
                BalanceClasses = settings.Balance,
                L1 = settings.L1,
                DataSources = [.. data],
                Vectors = ShippedModels.WordVectors,
            };
        rows = ClassifierCli.Tag(rows, stdout);
        var names = settings.Encoders is { Count: > 0 } chosen ? [.. chosen.Select(e => SentenceEncoders.ShortNames[e])] : SentenceEncoders.Default;
        var encoders = names.Select(n => SentenceEncoders.Create(n) ?? throw new InvalidOperationException($"no encoder {n}")).ToList();
        using var dispose = new Disposables(encoders);
        IReadOnlyList<ISentenceEmbedder> embedders = settings.EmbeddingCache is { } folder ? [.. encoders.Select(e => new EmbeddingCache(e, folder))] : encoders;
        AccurateClassifier? donor = null;
        if (settings.TunedFrom is { } tunedFrom)
        {
            try
            {
                donor = AccurateClassifier.Load(tunedFrom, encoders);
            }
            catch (ModelFormatException ex)
            {
                stderr.WriteLine($"argminer: {ex.Message}");
                return CommandLine.Failed;
            }

            if (donor.Tuned.IsEmpty)
            {
                stderr.WriteLine($"argminer: {tunedFrom}: the tier holds no fine-tuned encoder (--tuned-from)");
                return CommandLine.Failed;
            }
        }

        var trainer = new AccurateClassifierTrainer(new SentenceClassifierTrainer(fastOptions), embedders, options);
        var watch = Stopwatch.StartNew();
        AccurateClassifier model;
        SentencePrediction[]? stackerOutOfFold;
        try
        {
            (model, _, stackerOutOfFold) = trainer.Fit(rows, fast =>
            {
                var card = fast.Card;
                card["taggedFeatures"] = true;
                return fast.WithCard(card);
            });
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message.Split(" (Parameter", 2)[0]}");
            return CommandLine.Failed;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained the fast model and the stacker on {rows.Count} sentences in {watch.Elapsed.TotalSeconds:0.0} s"));
        if (donor is not null)
        {
            var tunedCard = model.Card;
            tunedCard["tunedEncoderTraining"] = donor.Card["tunedEncoderTraining"]?.DeepClone();
            tunedCard["tunedEncodersFrom"] = Path.GetFileName(settings.TunedFrom);
            model = model.WithCard(tunedCard).WithTuned(donor.Tuned);
            stdout.WriteLine($"mixed in the {donor.Tuned.Length} fine-tuned encoder(s) of {settings.TunedFrom}");
        }

        if (settings.SoftLabelsOut is { } softPath)
        {
            if (stackerOutOfFold is null)
            {
                stderr.WriteLine("argminer: --soft-labels-out needs the tier's context stage (the stacker's folds); drop --no-tier-context");
                return CommandLine.Usage;
            }

            try
            {
                SoftTargets.Write(softPath, rows, stackerOutOfFold);
                stdout.WriteLine($"wrote the stacker's out-of-fold probabilities of {rows.Count} sentences to {softPath}");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A full disk's message names the file already (AtomicFile.Write).
                stderr.WriteLine(ex is ArgMiner.Output.NoSpaceException ? $"argminer: {ex.Message}" : $"argminer: {softPath}: cannot be written ({ex.Message.TrimEnd('.')})");
                return CommandLine.Failed;
            }
        }
        var evaluation = new JsonObject();
        foreach (var (spec, set) in heldOut)
        {
            evaluation[spec] = Measure(model, spec, ClassifierCli.Tag(set, stdout), stdout);
        }

        var card = model.Card;
        card["fastModelCard"] = model.Fast.Card;
        card["evaluation"] = evaluation;
        return settings.Out is { } outPath ? ClassifierCli.SaveModel(model.WithCard(card).Save, outPath, stdout, stderr) : CommandLine.Ok;
    }

    private static IReadOnlyList<LabelledSentence>? Read(IReadOnlyList<string> specs, TextWriter stderr)
    {
        try
        {
            var rows = LabelledData.Read(specs, new LabelledDataOptions());
            if (rows.Count == 0)
            {
                stderr.WriteLine($"argminer: {string.Join(" ", specs)}: no labelled sentence");
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

    /// <summary>Prints and returns the fast model's and the accurate tier's figures (every gate) on one held-out set.</summary>
    private static JsonObject Measure(AccurateClassifier model, string spec, IReadOnlyList<LabelledSentence> rows, TextWriter stdout)
    {
        var used = SentenceLabels.All.Where(l => rows.Any(r => r.Targets.Contains(l))).ToArray();
        var restrict = used.Length < SentenceLabels.All.Length ? used : null;
        var fast = model.Fast.PredictRows(rows);
        var watch = Stopwatch.StartNew();
        var stacked = model.WithGate(1.0).Refine([.. rows.Select(r => r.Text)], fast);
        var seconds = watch.Elapsed.TotalSeconds;
        var context = model.Context is null ? "no context stage of its own" : "then its own context stage";
        var fastMetrics = MulticlassMetrics.Evaluate(rows, fast, restrict);
        ClassifierCli.WriteMetrics(stdout, $"fast model on {spec}", fastMetrics);
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accurate tier on {spec}: {rows.Count} sentences embedded and stacked in {seconds:0.0} s (cached vectors cost nothing), {context}"));
        stdout.WriteLine("  gate  consulted  macro-F1  " + string.Join("  ", SentenceLabels.All.Select(l => $"{l,8}")));
        var result = new JsonObject { ["sentences"] = rows.Count, ["fast"] = fastMetrics.ToJson() };
        stdout.WriteLine(Line("fast", 0, fastMetrics));
        if (model.Context is not null)
        {
            var stackerOnly = MulticlassMetrics.Evaluate(rows, stacked, restrict);
            stdout.WriteLine(Line("1.0*", 1, stackerOnly));
            stdout.WriteLine("  (1.0*: the stacker alone, without the tier's context stage)");
            result["1.0-stacker-only"] = stackerOnly.ToJson();
        }

        foreach (var g in Gates)
        {
            var predictions = new SentencePrediction[rows.Count];
            var consulted = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var unsure = fast[i].Confidence < g;
                consulted += unsure ? 1 : 0;
                predictions[i] = unsure ? stacked[i] : fast[i];
            }

            predictions = model.WithContext(rows, predictions);

            var metrics = MulticlassMetrics.Evaluate(rows, predictions, restrict);
            stdout.WriteLine(Line(g.ToString("0.0", CultureInfo.InvariantCulture), (double)consulted / rows.Count, metrics));
            result[g.ToString("0.0", CultureInfo.InvariantCulture)] = metrics.ToJson();
            if (g == model.Gate)
            {
                ClassifierCli.WriteMetrics(stdout, $"accurate tier (gate {g.ToString("0.0", CultureInfo.InvariantCulture)}) on {spec}", metrics);
            }
        }

        return result;
    }

    /// <summary>Disposes the encoders the command loaded (the caches wrap them and leave them to their owner).</summary>
    private sealed class Disposables(IReadOnlyList<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }

    private static string Line(string gate, double consulted, MulticlassMetrics m) =>
        string.Create(CultureInfo.InvariantCulture, $"  {gate,4}  {consulted,9:P0}  {ClassifierCli.F(m.MacroF1),8}  ")
        + string.Join("  ", SentenceLabels.All.Select(l => m.PerClass.FirstOrDefault(c => c.Label == l) is { Label: not null } c ? $"{ClassifierCli.F(c.F1),8}" : $"{"-",8}"));
}
