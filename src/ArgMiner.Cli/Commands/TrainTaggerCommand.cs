using ArgMiner.Pipeline;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ArgMiner.Cli.Settings;
using ArgMiner.Models;
using ArgMiner.Tagging;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer train-tagger</c>'s settings.</summary>
/// <param name="Kind"><c>pos</c> or <c>ner</c>.</param>
/// <param name="Data">The training corpora.</param>
/// <param name="Dev">The evaluation corpora.</param>
/// <param name="Out">The model file to write.</param>
/// <param name="Options">The trainer's settings (<c>--epochs</c>, <c>--seed</c>, <c>--bits</c>, <c>--prune</c>, <c>--lexicon-min</c>, <c>--sure-min</c>), with the kind's defaults.</param>
/// <param name="Gazetteer">ner: a gazetteer TSV, <c>default</c> or <c>none</c>, or null.</param>
/// <param name="Vectors">ner: word vectors for word classes, or null.</param>
/// <param name="Names">ner: a first-name list for word classes, or null.</param>
/// <param name="ClusterSeed">ner: ML.NET's seed for the k-means of the word vectors.</param>
internal sealed record TrainTaggerSettings(string Kind, IReadOnlyList<string> Data, IReadOnlyList<string> Dev, string Out, AveragedPerceptronTrainerOptions Options, string? Gazetteer, string? Vectors, string? Names, int ClusterSeed = 1);

/// <summary>
/// <c>argminer train-tagger pos|ner --data PATH… --out FILE [--dev PATH…] [--epochs N] [--seed N]</c>:
/// trains the POS tagger (CoNLL-U) or the entity recogniser (GMB CSV, held-out tenth never trained on,
/// and/or IOB2 and two-column CoNLL files such as BTC and WNUT-17 train, all sentences pooled), prints dev
/// metrics, and writes the versioned model file and its card.
/// </summary>
internal static class TrainTaggerCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => Execute(settings, stdout, stderr));

    /// <summary><c>train-tagger</c>'s argument and options, and the binder that reads them into <see cref="TrainTaggerSettings"/>.</summary>
    internal sealed class Binder : SettingsBinder<TrainTaggerSettings>
    {
        private readonly Argument<string> _kind = new Argument<string>("kind") { Description = "pos or ner" }.AcceptOnlyFromAmong("pos", "ner");
        private readonly Option<string[]> _data = new("--data") { Description = "training corpora: CoNLL-U for pos; for ner the GMB ner_dataset.csv, IOB2 or two-column CoNLL (BTC, WNUT-17), pooled", Required = true, AllowMultipleArgumentsPerToken = true };
        private readonly Option<string[]> _dev = new("--dev") { Description = "evaluation corpora (CoNLL-U, GMB CSV, IOB2 or CoNLL); for ner the GMB held-out tenth is always measured when GMB is trained on", AllowMultipleArgumentsPerToken = true };

        // Required: a default would be the shipped models/pos.model or models/ner.model, overwritten by a test run.
        private readonly Option<string> _out = SharedOptions.Out("model file to write (e.g. my-pos.model)", required: true);
        private readonly Option<int> _epochs = new("--epochs") { Description = "passes over the data", DefaultValueFactory = _ => 8 };
        private readonly Option<int> _seed = new("--seed") { Description = "shuffling seed", DefaultValueFactory = _ => 1 };
        private readonly Option<int> _bits = new("--bits") { Description = "log2 of the number of hashed feature buckets", DefaultValueFactory = _ => 18 };
        private readonly Option<float?> _prune = new("--prune") { Description = "drop averaged weights smaller than this (default 0.2 for pos, 1 for ner)" };
        private readonly Option<int> _lexicon = new("--lexicon-min") { Description = "words seen this often get an ambiguity-class feature (0: none)", DefaultValueFactory = _ => 10 };
        private readonly Option<int?> _sure = new("--sure-min") { Description = "words seen this often with one tag 99.5 % of the time get it without scoring (0: never; default 50 for pos, 0 for ner)" };
        private readonly Option<string?> _gazetteer = new("--gazetteer") { Description = "ner: also use the matches of this gazetteer TSV ('default': the shipped one) as features; default none (measured: no gain)" };
        private readonly Option<string?> _vectors = new("--vectors") { Description = "ner: word-class features from these word vectors' clusters ('shipped': models/word-vectors.model inside the library; default none)" };
        private readonly Option<int> _clusterSeed = new("--cluster-seed") { Description = "ner: seed of the k-means (ML.NET) that clusters the word vectors", DefaultValueFactory = _ => 1 };
        private readonly Option<string?> _names = new("--names") { Description = "ner: word-class features with this first-name list (one name a line, e.g. corpus/lexicons/first-names.txt)" };

        public Binder() => Command = new Command("train-tagger", "Train the POS tagger or the entity recogniser and write its model file.")
        {
            _kind, _data, _dev, _out, _epochs, _seed, _bits, _prune, _lexicon, _sure, _gazetteer, _vectors, _names, _clusterSeed,
        };

        public override Command Command { get; }

        public override TrainTaggerSettings Bind(ParseResult parse)
        {
            var pos = parse.GetValue(_kind) == "pos";
            return new TrainTaggerSettings(
                pos ? "pos" : "ner",
                parse.GetValue(_data) ?? [],
                parse.GetValue(_dev) ?? [],
                parse.GetValue(_out)!,
                new AveragedPerceptronTrainerOptions
                {
                    Kind = pos ? AveragedPerceptronTagger.PosKind : AveragedPerceptronTagger.NerKind,
                    Epochs = parse.GetValue(_epochs),
                    Seed = parse.GetValue(_seed),
                    BucketBits = parse.GetValue(_bits),
                    Prune = parse.GetValue(_prune) ?? (pos ? 0.2f : 1f),
                    LexiconMinCount = parse.GetValue(_lexicon),
                    SureMinCount = parse.GetValue(_sure) ?? (pos ? 50 : 0),
                },
                parse.GetValue(_gazetteer),
                parse.GetValue(_vectors),
                parse.GetValue(_names),
                parse.GetValue(_clusterSeed));
        }
    }

    /// <summary>Trains the tagger as <paramref name="settings"/> say; the exit code.</summary>
    internal static int Execute(TrainTaggerSettings settings, TextWriter stdout, TextWriter stderr)
    {
        var k = settings.Kind;
        var dataPaths = settings.Data;
        var devPaths = settings.Dev;
        var outPath = settings.Out;
        var options = settings.Options;
        if (options.Epochs < 1 || options.BucketBits is < 4 or > 24)
        {
            stderr.WriteLine("argminer: --epochs must be at least 1 and --bits between 4 and 24");
            return CommandLine.Usage;
        }

        // NaN or infinity trained the whole model, then crashed writing its card (JSON has no such numbers).
        if (!float.IsFinite(options.Prune) || options.Prune < 0 || options.LexiconMinCount < 0 || options.SureMinCount < 0)
        {
            stderr.WriteLine("argminer: --prune must be a number not below 0, and --lexicon-min and --sure-min not below 0");
            return CommandLine.Usage;
        }

        // Every file's format is checked before training; the dev files are read after it, so one of the other kind's
        // format, or a missing one, used to be found only then.
        foreach (var (path, dev) in dataPaths.Select(p => (p, false)).Concat(devPaths.Select(p => (p, true))))
        {
            var format = TaggerData.FormatOf(path, null);
            if ((k == "pos") != (format == "conllu"))
            {
                var kinds = k == "pos" ? "CoNLL-U" : "GMB CSV, IOB2 or CoNLL";
                stderr.WriteLine(dev
                    ? $"argminer: {path}: {k} is measured on {kinds} data, not {format} (--dev)"
                    : $"argminer: {path}: {k} is trained on {(k == "pos" ? "a CoNLL-U file" : "the GMB CSV, IOB2 or CoNLL files")}, not {format}");
                return CommandLine.Usage;
            }

            if (dev && CommandLine.NotAFile(path) is { } notAFile)
            {
                stderr.WriteLine($"argminer: {notAFile}");
                return CommandLine.Failed;
            }
        }

        // Read after the training data and the vectors' clustering (half a minute with the shipped vectors), until session 33.
        if (k == "ner" && settings.Names is { } names && CommandLine.NotAFile(names) is { } noNames)
        {
            stderr.WriteLine($"argminer: --names {noNames}");
            return CommandLine.Failed;
        }

        try
        {
            var g = settings.Gazetteer;
            if (k == "ner" && g is not null && g != "none")
            {
                options = options with { Gazetteer = g == "default" ? ShippedModels.Gazetteer : Gazetteer.Load(g) };
            }

            var v = settings.Vectors;
            var n = settings.Names;
            var wordClasses = k == "ner" && (v is not null || n is not null) ? (v, n, settings.ClusterSeed) : ((string?, string?, int)?)null;
            return Train(k, dataPaths, devPaths, outPath, options, wordClasses, stdout, stderr);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ModelFormatException or GazetteerFormatException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return CommandLine.Failed;
        }
    }

    private static int Train(string kind, IReadOnlyList<string> dataPaths, IReadOnlyList<string> devPaths, string outPath, AveragedPerceptronTrainerOptions options, (string? Vectors, string? Names, int Seed)? wordClasses, TextWriter stdout, TextWriter stderr)
    {
        var train = new List<TaggedSentence>();
        var parts = new List<string>();
        var evaluations = new List<(string Path, string Format, GmbSplit Split)>();
        foreach (var dataPath in dataPaths)
        {
            var dataFormat = TaggerData.FormatOf(dataPath, null);
            var part = TaggerData.Read(dataPath, dataFormat, GmbSplit.Train);
            train.AddRange(part);
            parts.Add(FormattableString.Invariant($"{Path.GetFileName(dataPath)} ({(dataFormat == "gmb" ? "GMB NER subset, every sentence but each 10th" : "all sentences")}, {part.Count} sentences, {part.Sum(s => s.Tokens.Length)} tokens)"));
            if (kind == "ner" && dataFormat == "gmb")
            {
                evaluations.Add((dataPath, "gmb", GmbSplit.Heldout));
            }
        }

        if (train.Sum(s => s.Tokens.Length) == 0)
        {
            // The trainer refuses an empty corpus with an ArgumentException, which reached the user as a stack trace.
            stderr.WriteLine($"argminer: {string.Join(", ", dataPaths)}: no sentences to train on");
            return CommandLine.Failed;
        }

        if (wordClasses is { } wc)
        {
            var classes = WordClassesBuilder.Build(wc.Vectors, wc.Names, train, wc.Seed);
            options = options with { WordClasses = classes };
            stdout.WriteLine($"word classes: {classes.Count} words (vectors: {wc.Vectors ?? "none"}, first names: {wc.Names ?? "none"})");
        }

        var tokens = train.Sum(s => s.Tokens.Length);
        stdout.WriteLine($"training {kind} on {train.Count} sentences, {tokens} tokens: {string.Join("; ", parts)}");
        var watch = Stopwatch.StartNew();
        var model = new AveragedPerceptronTrainer(options).Fit(train, line => stdout.WriteLine("  " + line));
        stdout.WriteLine(FormattableString.Invariant($"trained in {watch.Elapsed.TotalSeconds:F1} s; {model.NonZeroWeights} non-zero weights"));

        var metrics = new JsonObject();
        foreach (var devPath in devPaths)
        {
            evaluations.Add((devPath, TaggerData.FormatOf(devPath, null), GmbSplit.Heldout));
        }

        var card = new StringBuilder();
        foreach (var (path, format, split) in evaluations)
        {
            var sentences = TaggerData.Read(path, format, split);
            var name = Path.GetFileName(path) + (format == "gmb" ? " (held-out: every 10th sentence)" : string.Empty);
            if (kind == "pos")
            {
                var accuracy = TaggerEvaluation.Accuracy(model, sentences);
                stdout.WriteLine(FormattableString.Invariant($"dev accuracy on {name}: {accuracy:P2} ({sentences.Sum(s => s.Tokens.Length)} tokens)"));
                metrics[Path.GetFileName(path)] = new JsonObject { ["tokenAccuracy"] = Math.Round(accuracy, 4) };
            }
            else
            {
                var modelOnly = TaggerData.ScoreEntities(new EntityRecognizer(model, Gazetteer.Empty), sentences, format);
                var withGazetteer = TaggerData.ScoreEntities(new EntityRecognizer(model, ShippedModels.Gazetteer), sentences, format);
                TaggerData.Print(stdout, $"{name}, model only (exact span and type):", modelOnly);
                TaggerData.Print(stdout, $"{name}, model + default gazetteer:", withGazetteer);
                var m = new JsonObject();
                foreach (var s in modelOnly)
                {
                    m[s.Type] = new JsonObject { ["precision"] = Math.Round(s.Precision, 4), ["recall"] = Math.Round(s.Recall, 4), ["f1"] = Math.Round(s.F1, 4), ["gold"] = s.Gold };
                }

                m["ALL+gazetteer"] = Math.Round(withGazetteer[^1].F1, 4);
                metrics[Path.GetFileName(path) + (format == "gmb" ? ":heldout" : string.Empty)] = m;
            }
        }

        var json = new JsonObject
        {
            ["data"] = FormattableString.Invariant($"{string.Join("; ", parts)}: {train.Count} sentences, {tokens} tokens"),
            ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["toolVersion"] = ModelPackage.CurrentToolVersion,
            ["settings"] = options.ToJson(),
            ["classes"] = string.Join(' ', model.Classes),
            ["metrics"] = metrics,
        };
        if (wordClasses is { Vectors: not null and not "none" } clustered)
        {
            // The settings above count the word classes; how the vectors were clustered is said here, so a model
            // trained with another --cluster-seed can be told apart and trained again.
            json["wordClusters"] = $"ML.NET k-means of {clustered.Vectors}: {WordClassesBuilder.FineClusters} fine and {WordClassesBuilder.CoarseClusters} coarse, seed {clustered.Seed}";
        }

        model.Save(outPath, json);
        stdout.WriteLine($"wrote {outPath} ({new FileInfo(outPath).Length / 1024} KiB)");
        return CommandLine.Ok;
    }
}
