using System.CommandLine;
using System.Globalization;
using ArgMiner.Cli.Settings;
using ArgMiner.Output;
using ArgMiner.Text;

namespace ArgMiner.Cli.Commands;

/// <summary><c>argminer merge</c>'s settings.</summary>
/// <param name="Shards">The output folders of <c>run --shard K/N</c>, one per shard, in any order.</param>
/// <param name="Out">The folder to write the merged outputs to.</param>
/// <param name="Formats">The outputs to write (<c>--format</c>), or null for the shards' own.</param>
internal sealed record MergeSettings(IReadOnlyList<string> Shards, string Out, OutputFormats? Formats = null);

/// <summary>
/// <c>argminer merge SHARD_DIR… --out DIR</c>: joins the shards of one batch into exactly the files a single
/// run writes. Every shard's manifest must say the same version, model, inputs, settings and N, and the
/// shards must be 0 to N-1, each once and complete; the documents are then rendered from the shards'
/// records in the single run's order, with ids made unique across the whole batch.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) => new Binder().HandledBy(settings => RunCommand.Interruptible(interrupted => Execute(settings, stdout, stderr, interrupted)));

    /// <summary><c>merge</c>'s arguments and options.</summary>
    internal sealed class Binder : SettingsBinder<MergeSettings>
    {
        private readonly Argument<string[]> _shards = new("shards")
        {
            Description = "The output folders of 'argminer run --shard K/N', every K from 0 to N-1 once, in any order.",
            Arity = ArgumentArity.OneOrMore,
        };

        private readonly Option<string> _out = SharedOptions.Out("Folder to write the merged outputs to (created if missing).", required: true, shortAlias: true);

        private readonly Option<OptionValue<OutputFormats>> _format = new("--format")
        {
            Description = "Outputs to write (as run's --format; default: the formats the shards were run with). The shards' records hold everything, so any format can be written.",
            CustomParser = OptionParsers.Formats,
        };

        public Binder() => Command = new Command("merge", "Join the output folders of 'run --shard K/N' into the files one run writes.") { _shards, _out, _format };

        public override Command Command { get; }

        public override MergeSettings Bind(ParseResult parse) => new(parse.GetValue(_shards) ?? [], parse.GetValue(_out)!, parse.GetValue(_format)?.Value);
    }

    internal static int Execute(MergeSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken interrupted = default)
    {
        var shards = Check(settings.Shards, out var problem);
        if (shards is null)
        {
            // The shards are earlier runs' --out folders, shown with a line break escaped as the output folder is.
            stderr.WriteLine(ArgMiner.Ingest.InputError.OneLine($"argminer: merge: {problem}"));
            return CommandLine.Failed;
        }

        OutputSet set;
        try
        {
            set = OutputSet.Open(settings.Out, settings.Shards, note => stderr.WriteLine($"argminer: {note}"));
        }
        catch (OutputFolderException ex)
        {
            stderr.WriteLine($"argminer: {ex.Message}");
            return CommandLine.Usage;
        }

        using var staged = set;
        foreach (var error in shards.SelectMany(s => s.State.Skipped))
        {
            stderr.WriteLine($"argminer: {error}");
        }

        var skipped = shards.Sum(s => s.State.Skipped.Count);
        if (shards.Sum(s => s.State.Documents) == 0)
        {
            stderr.WriteLine(ArgMiner.Ingest.InputError.OneLine($"argminer: no document was read in any shard; nothing written, {settings.Out} left as it was"));
            return CommandLine.Failed;
        }

        // A stop request cuts the reading of a long record and its rendering too (RecordRenderer.Render stops, nothing is published).
        var documents = shards.SelectMany(s => Records(s.Folder, s.State, interrupted)).TakeWhile(_ => !interrupted.IsCancellationRequested);
        try
        {
            using var writer = new BatchWriter(set.Staging, settings.Formats ?? (OutputFormats)shards[0].State.Formats, Environment.ProcessorCount);
            var summary = RecordRenderer.Render(documents, writer, w => stderr.WriteLine($"argminer: warning: {w}"), interrupted) with { Skipped = skipped };
            if (interrupted.IsCancellationRequested)
            {
                // As run: what was written goes with the staging folder, and the earlier outputs stay.
                stderr.WriteLine(ArgMiner.Ingest.InputError.OneLine($"argminer: interrupted after {summary.Documents} documents; nothing written, {settings.Out} left as it was"));
                return RunCommand.Interrupted;
            }

            writer.Commit();
            set.Publish(writer.Files);
            stdout.WriteLine(RunCommand.Summarise(summary, settings.Out, writer.Files).Replace("argminer: ", $"argminer: merged {shards.Count} shards: ", StringComparison.Ordinal));
            RunCommand.WriteOutputNotes(stdout, writer.OutputNotes);
            return skipped > 0 ? CommandLine.Failed : CommandLine.Ok;
        }
        catch (IOException ex) when (OutputPath.NoSpace(ex) is { } why)
        {
            // As run: the staging folder goes with the set, and the earlier outputs stay.
            stderr.WriteLine(RunCommand.NoSpaceLine(settings.Out, why));
            return CommandLine.Failed;
        }
    }

    /// <summary>The shards in order K = 0…N-1, or null and the one line that says what is wrong.</summary>
    internal static List<(string Folder, ShardState State)>? Check(IReadOnlyList<string> folders, out string? problem)
    {
        problem = null;
        var shards = new List<(string Folder, ShardState State)>();
        foreach (var folder in folders)
        {
            var state = Manifest(folder, out problem);
            if (state is null)
            {
                return null;
            }

            shards.Add((folder, state));
        }

        var (firstFolder, first) = shards[0];
        foreach (var (folder, s) in shards.Skip(1))
        {
            problem = s.Tool != first.Tool ? $"{folder} was written by argminer {s.Tool} and {firstFolder} by {first.Tool}; run every shard with one version"
                : s.Model != first.Model ? $"{folder} used the model {s.Model} and {firstFolder} {first.Model}; run every shard with one model"
                : s.Inputs != first.Inputs || s.Files != first.Files ? $"{folder} and {firstFolder} read different inputs (other arguments, or files added, changed or removed between their runs); run every shard on the same inputs"
                : s.Settings != first.Settings || s.Formats != first.Formats ? $"{folder} and {firstFolder} were run with different settings ({Describe(s)} against {Describe(first)}); run every shard with the same options"
                : s.Shards != first.Shards || s.Parts != first.Parts ? $"{folder} is shard {s.Shard}/{s.Shards} and {firstFolder} shard {first.Shard}/{first.Shards}: different splits of the batch; run every shard with the same N"
                : null;
            if (problem is not null)
            {
                return null;
            }
        }

        var byIndex = new (string Folder, ShardState State)?[first.Shards];
        foreach (var shard in shards)
        {
            if (byIndex[shard.State.Shard] is { } twice)
            {
                problem = $"shard {shard.State.Shard}/{first.Shards} is given twice ({twice.Folder} and {shard.Folder}); give each shard's folder once";
                return null;
            }

            byIndex[shard.State.Shard] = shard;
        }

        var missing = Enumerable.Range(0, first.Shards).Where(k => byIndex[k] is null).ToList();
        if (missing.Count > 0)
        {
            var shown = string.Join(", ", missing.Take(5).Select(k => string.Create(CultureInfo.InvariantCulture, $"{k}/{first.Shards}"))) + (missing.Count > 5 ? $" and {missing.Count - 5} more" : string.Empty);
            problem = $"shard{(missing.Count > 1 ? "s" : string.Empty)} {shown} missing: give the folders of all {first.Shards} shards (a failed shard must be run again first)";
            return null;
        }

        var ordered = byIndex.Select(s => s!.Value).ToList();
        int next = 0, lastFile = 0;
        foreach (var (folder, s) in ordered)
        {
            // The shards' documents come in the single run's order: file indexes never go back.
            var inOrder = s.Order.All(o =>
            {
                var ok = o[0] >= lastFile;
                lastFile = o[0];
                return ok;
            });
            if (!inOrder || s.FirstPart != next || s.EndPart < s.FirstPart || (s.Shard == s.Shards - 1 && s.EndPart != s.Parts) || s.Order.Any(o => o[0] < 0 || o[0] >= s.Files) || s.Order.Sum(o => o[1]) != s.Documents)
            {
                problem = $"{folder}: its manifest does not fit the other shards' split of the files; run that shard again";
                return null;
            }

            next = s.EndPart;
        }

        return ordered;
    }

    /// <summary>
    /// A shard's documents, as many as its manifest says: records that match their SHA-256 but hold fewer (an empty
    /// file with a manifest edited to match) were merged without a word, one shard's documents missing, and exit 0.
    /// </summary>
    private static IEnumerable<(Document Document, int FileIndex)> Records(string folder, ShardState state, CancellationToken interrupted)
    {
        var path = Path.Combine(folder, DocumentRecords.FileName);
        var count = 0;
        foreach (var record in DocumentRecords.ReadAll(path, state.RecordsBytes, interrupted))
        {
            if (++count > state.Documents)
            {
                break;
            }

            yield return record;
        }

        if (count != state.Documents)
        {
            throw new InvalidDataException($"merge: {path} holds {(count > state.Documents ? "more" : count.ToString(CultureInfo.InvariantCulture))} documents, and its manifest {state.Documents}; run that shard again");
        }
    }

    private static string Describe(ShardState s) => $"{s.Settings}; formats {(OutputFormats)s.Formats}";

    /// <summary>A shard folder's manifest, checked against its records; null and the reason when it is not a complete shard.</summary>
    private static ShardState? Manifest(string folder, out string? problem)
    {
        problem = null;
        if (!Directory.Exists(folder))
        {
            problem = File.Exists(folder) ? $"{folder} is a file, not a shard's folder; give the folders 'run --shard K/N' wrote" : $"{folder}: no such folder";
            return null;
        }

        var manifest = Path.Combine(folder, ShardState.ManifestName);
        var state = ShardState.Load(manifest, out var error, out var line);
        if (state is null)
        {
            problem = error is null
                ? $"{folder} is not a complete shard (no {ShardState.ManifestName}): its run failed, was stopped or is still running; run that shard again"
                : $"{new ArgMiner.Ingest.InputError(manifest, line == 0 ? null : line, $"this shard's manifest is {error}")}; run that shard again";
            return null;
        }

        if (!state.RecordsMatch(folder))
        {
            problem = $"{folder} is incomplete: its {DocumentRecords.FileName} does not match its manifest (damaged or partly copied); run that shard again";
            return null;
        }

        if (state.Shard < 0 || state.Shard >= state.Shards)
        {
            problem = $"{folder}: its manifest names shard {state.Shard}/{state.Shards}; run that shard again";
            return null;
        }

        return state;
    }
}
