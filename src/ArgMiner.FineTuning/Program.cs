using System.Globalization;
using System.Text.Json.Nodes;
using ArgMiner.Classification;
using ArgMiner.Encoders.Classification;
using ArgMiner.Encoders.Embedding;
using ArgMiner.Models;
using ArgMiner.Training.Classification;

namespace ArgMiner.FineTuning;

/// <summary>
/// <c>argminer-fine-tune check | train | attach</c>: fine-tunes ArcticXs for the accurate tier
/// (models/fine-tune-encoder.sh runs the three in order).
/// </summary>
internal static class Program
{
    private const string Usage = """
        usage:
          argminer-fine-tune check
              the TorchSharp network, loaded with the package's weights, gives the package's own vectors
          argminer-fine-tune train --out FILE [--shared DIR] [--corpus DIR] [--epochs N] [--seed N] [--lr X] [--threads N]
              fine-tunes on the shipped recipe's data (corpus/labelled, corpus/external and ../shared/corpora) and writes
              the tuned encoder (how each weight moved, and the head) to FILE, its settings to FILE.json
          argminer-fine-tune attach --tier FILE --tuned FILE[,FILE...] --out FILE
              writes the accurate-tier model FILE with the tuned encoders mixed in last (one: format 4; several, their
              mean: format 5)
        """;

    private static readonly string[] Probe =
    [
        "The council should reject the deal.",
        "Police recorded 42 burglaries last year, up from 30.",
        "I love this!",
        "Related coverage",
        "Honestly, who thought this was a good idea???",
        "Ms. Smith said the plan would cost roughly $1 billion annually, according to the 2023 report.",
    ];

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !TryOptions(args.Skip(1).ToArray(), out var options))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        try
        {
            return args[0] switch
            {
                "check" => Check(),
                "train" => Train(options),
                "attach" => Attach(options),
                _ => Fail(Usage),
            };
        }
        catch (Exception ex) when (ex is ModelFormatException or LabelledDataException or IOException or KeyNotFoundException or FormatException)
        {
            return Fail($"argminer-fine-tune: {ex.Message}");
        }
        catch (TypeInitializationException ex) when (ex.TypeName.StartsWith("TorchSharp", StringComparison.Ordinal))
        {
            // libtorch did not load: on Debian 12 it needs the patch models/fine-tune-encoder.sh applies after each build.
            return Fail($"argminer-fine-tune: libtorch could not be loaded (run models/fine-tune-encoder.sh, which builds this tool and makes libtorch load on this system): {ex.InnerException?.Message.Split('\n')[0]}");
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }

    private static bool TryOptions(string[] args, out Dictionary<string, string> options)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return false;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return true;
    }

    /// <summary>The network's first-token states, normalised, against the package encoder's vectors for <see cref="Probe"/>.</summary>
    private static int Check()
    {
        var model = FineTuner.Pretrained(1);
        var states = new FineTuner(new FineTuneOptions(), Console.Out).FirstTokenStates(model, Probe);
        using var package = new ArcticXsEmbedder();
        var vectors = package.Embed(Probe);
        var worst = 0.0;
        for (var i = 0; i < Probe.Length; i++)
        {
            var norm = Math.Sqrt(states[i].Sum(x => (double)x * x));
            for (var d = 0; d < vectors[i].Length; d++)
            {
                worst = Math.Max(worst, Math.Abs((states[i][d] / norm) - vectors[i][d]));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"largest difference from the package's vectors over {Probe.Length} sentences: {worst:G3}"));
        return worst < 1e-4 ? 0 : Fail("argminer-fine-tune: the network does not reproduce the package's encoder");
    }

    private static int Train(Dictionary<string, string> options)
    {
        if (!options.TryGetValue("out", out var output))
        {
            return Fail(Usage);
        }

        var settings = new FineTuneOptions
        {
            Epochs = Get(options, "epochs", 3),
            Seed = Get(options, "seed", 1),
            Threads = Get(options, "threads", 2),
            LearningRate = options.TryGetValue("lr", out var lr) ? double.Parse(lr, CultureInfo.InvariantCulture) : 5e-5,
        };
        var corpus = options.GetValueOrDefault("corpus", "corpus");
        var shared = ShippedRecipe.FindShared(options.GetValueOrDefault("shared"));
        var sources = ShippedRecipe.Training(corpus, shared);
        var missing = sources.Where(s => !s.Present).Select(s => s.Name).ToList();
        if (missing.Count > 0)
        {
            return Fail($"argminer-fine-tune: the recipe's data sets {string.Join(", ", missing)} are not here (corpus {corpus}, shared {shared ?? "not found"})");
        }

        var rows = LabelledData.Read(sources.SelectMany(s => s.Paths), new LabelledDataOptions());
        Console.WriteLine($"fine-tuning on {rows.Count} sentences of the shipped recipe ({string.Join(", ", sources.Select(s => s.Name))})");
        var model = new FineTuner(settings, Console.Out).Fit(rows);
        var graph = ArcticXsGraph.Read();
        var matMuls = ArcticXsGraph.MatMulWeights(graph);
        var pretrained = TunedEncoderHead.PackageTensors(graph);
        var tuned = model.Tensors(matMuls);
        var dims = ArcticXsGraph.Shapes(graph);
        var tensors = pretrained.Keys.Where(tuned.ContainsKey).Select(name => (name, dims[name], pretrained[name], tuned[name])).ToList();
        var (head, bias) = model.Head();
        // Written beside, then moved over: a run killed while writing leaves no half file under the name.
        File.WriteAllBytes(output + ".partial", TunedEncoderHead.Write(tensors, head, bias));
        File.Move(output + ".partial", output, overwrite: true);
        var recipe = new JsonObject
        {
            ["encoder"] = TunedEncoderHead.EncoderName,
            ["rows"] = rows.Count,
            ["data"] = new JsonArray([.. sources.Select(s => (JsonNode)s.Name)]),
            ["epochs"] = settings.Epochs,
            ["learningRate"] = settings.LearningRate,
            ["weightDecay"] = settings.WeightDecay,
            ["batchSize"] = settings.BatchSize,
            ["opinionWeight"] = settings.OpinionWeight,
            ["seed"] = settings.Seed,
            ["maxPieces"] = TunedEncoderHead.MaxPieces,
            ["tensors"] = tensors.Count,
        };
        File.WriteAllText(output + ".json", recipe.ToJsonString(new() { WriteIndented = true }));
        Console.WriteLine($"wrote {output} ({tensors.Count} tensors) and {output}.json");
        return 0;
    }

    private static int Attach(Dictionary<string, string> options)
    {
        if (!options.TryGetValue("tier", out var tierPath) || !options.TryGetValue("tuned", out var tunedPath) || !options.TryGetValue("out", out var output))
        {
            return Fail(Usage);
        }

        var tier = AccurateClassifier.Load(tierPath, SentenceEncoders.Create);
        var paths = tunedPath.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tuned = paths.Select(p => TunedEncoderHead.FromBytes(File.ReadAllBytes(p), p)).ToList();
        var card = tier.Card;
        JsonNode? Settings(string p) => File.Exists(p + ".json") ? JsonNode.Parse(File.ReadAllText(p + ".json")) : null;
        card["tunedEncoderTraining"] = paths.Length == 1 ? Settings(paths[0]) : new JsonArray([.. paths.Select(Settings)]);

        // A temperature was fitted on the tier's probabilities with its former encoders mixed in: not these.
        card.Remove(AccurateClassifier.TemperatureKey);
        card.Remove(AccurateClassifier.CalibrationKey);
        tier.WithCard(card).WithTuned(tuned).Save(output);
        Console.WriteLine($"wrote {output}");
        return 0;
    }

    private static int Get(Dictionary<string, string> options, string name, int fallback) =>
        options.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
