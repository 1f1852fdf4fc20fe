using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Pipeline;

namespace ArgMiner.Cli.Commands;

/// <summary>
/// <c>run --shard K/N</c> and <c>run --resume</c>: the batch (or its shard) is processed into a records file
/// (<see cref="DocumentRecords"/>) in the staging folder, with a checkpoint (<see cref="ShardState"/>) written
/// atomically every <c>--checkpoint-every</c> documents; a resumed run cuts the records back to the checkpoint
/// and reads on after its last item. The output files are rendered as the documents come, as a single run writes
/// them (<see cref="RecordRenderer"/>; a resumed run renders the interrupted run's records first); a shard also keeps
/// its records and writes its manifest, last, for <c>merge</c>. The staging folder becomes the output folder in one step (<see cref="OutputSet"/>),
/// so a shard's folder never looks complete before it is.
/// </summary>
internal static class CheckpointedRun
{
    public static int Run(RunSettings settings, TextPipeline pipeline, TextWriter stdout, TextWriter stderr, CancellationToken interrupted)
    {
        if (settings.Inputs.Contains("-"))
        {
            stderr.WriteLine("argminer: --shard and --resume read files and folders, not standard input (-)");
            return CommandLine.Usage;
        }

        var shard = settings.Shard ?? new ShardSpec(0, 1);
        var sharded = settings.Shard is not null;
        var enumerator = new InputEnumerator(settings.Inputs, encoding: settings.Encoding, comments: settings.Comments, knownWord: ShippedModels.IsEnglishWord, warn: w => stderr.WriteLine($"argminer: warning: {w}"));
        var files = enumerator.Files().ToList();
        var sizes = files.Select(f => f.Problem is null && File.Exists(f.Path) ? new FileInfo(f.Path).Length : 0).ToList();
        // A JSON Lines file may be cut into byte ranges (not one in UTF-16, which is converted whole).
        var splittable = files.Select(f => f.Problem is null && f.Format == InputFormat.JsonLines && File.Exists(f.Path) && !StartsWithUtf16Bom(f.Path)).ToList();
        var parts = ShardPlan.Parts(sizes, splittable, shard.Count);
        var (first, end) = ShardPlan.Range(ShardPlan.Assign([.. parts.Select(p => p.Size)], shard.Count), shard.Index);
        var ranges = new Dictionary<int, ByteRange>();
        foreach (var part in parts.Skip(first).Take(end - first))
        {
            ranges[part.File] = ranges.TryGetValue(part.File, out var earlier) ? earlier with { End = part.End } : new ByteRange(part.Start, part.End);
        }

        // A file all of whose parts are in this shard is read whole, as a single run reads it.
        foreach (var (file, range) in ranges.ToList())
        {
            if (range.Start == 0 && range.End == sizes[file])
            {
                ranges[file] = ByteRange.Whole;
            }
        }

        var fresh = new ShardState
        {
            Tool = ToolVersion,
            Model = ModelIdentity(settings),
            Inputs = InputFingerprint(settings.Inputs, files),
            Settings = string.Create(CultureInfo.InvariantCulture, $"pipeline {(settings.TextOnly ? "text" : "full")}; encoding {settings.Encoding}; comments {settings.Comments}"),
            Formats = (int)settings.Formats,
            Shard = shard.Index,
            Shards = shard.Count,
            Files = files.Count,
            Parts = parts.Count,
            FirstPart = first,
            EndPart = end,
        };

        if (sharded && settings.Resume && ShardState.Load(Path.Combine(settings.Out, ShardState.ManifestName), out _) is { } done
            && done.SameRunAs(fresh) && done.RecordsSha256 is not null)
        {
            // Complete only if its records are whole: merge refuses a folder whose records were lost or damaged and
            // says to run the shard again, which must then not answer "nothing to do".
            if (done.RecordsMatch(settings.Out))
            {
                stdout.WriteLine(InputError.OneLine($"argminer: shard {shard} is already complete in {settings.Out} ({done.Documents} documents); nothing to do"));
                return CommandLine.Ok;
            }

            stderr.WriteLine(InputError.OneLine($"argminer: {settings.Out}: shard {shard}'s {DocumentRecords.FileName} is missing or does not match its manifest; running the shard again"));
        }

        OutputSet set;
        try
        {
            set = OutputSet.Open(settings.Out, settings.Inputs, note => stderr.WriteLine($"argminer: {note}"), resume: settings.Resume, underLock: sharded ? RefuseAnotherShard : null);
        }
        catch (OutputFolderException ex)
        {
            // A folder another run still holds (a batch engine's earlier attempt whose lock is not yet
            // released) is worth a retry, so it is not a usage error, which engines are told not to retry.
            stderr.WriteLine($"argminer: {ex.Message}");
            return ex.Busy ? CommandLine.Failed : CommandLine.Usage;
        }

        using var staged = set;
        var checkpointPath = Path.Combine(set.Staging, ShardState.CheckpointName);
        var recordsPath = Path.Combine(set.Staging, DocumentRecords.FileName);
        var state = settings.Resume ? Resumable(checkpointPath, recordsPath, fresh, settings.Out, stderr) : null;
        ClearStaging(set.Staging, keepRecords: state is not null);
        state ??= fresh;

        try
        {
            return Process();
        }
        catch (IOException ex)
        {
            // A full disk or a lost mount: the checkpoint stays, so the hours already spent are not lost. A full disk is
            // said so, naming the output folder: .NET's words named a hidden temporary file in the staging folder until session 35.
            set.Keep();
            var (what, fix) = OutputPath.NoSpace(ex) is { } why ? ($"{settings.Out}: {why}; {settings.Out} is left as it was", "free some space") : (ex.Message.TrimEnd('.'), "fix this");
            stderr.WriteLine(InputError.OneLine(File.Exists(checkpointPath)
                ? $"argminer: {what}; the last checkpoint is kept: {fix} and run the same command with --resume to continue"
                : $"argminer: {what}; it stopped before its first checkpoint (every --checkpoint-every {settings.CheckpointEvery} documents), so the same command with --resume starts over"));
            return CommandLine.Failed;
        }

        // Each shard needs a folder of its own. Array tasks given one --out (a forgotten $K) replaced one another's
        // finished shards, hours of work each, with exit 0, and only merge found out ("shard 0/8 missing"). Read under
        // the folder's lock: a shard that finishes while this one starts counts too.
        void RefuseAnotherShard()
        {
            if (ShardState.Load(Path.Combine(settings.Out, ShardState.ManifestName), out _) is { } other
                && other.Inputs == fresh.Inputs && other.Shards == fresh.Shards && other.Shard != fresh.Shard)
            {
                throw new OutputFolderException($"--out {settings.Out} holds shard {other.Shard}/{other.Shards} of this batch; each shard needs a folder of its own (e.g. --out shards/shard-{shard.Index}), so shard {shard} is not written over it");
            }
        }

        int Process()
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var runner = new BatchRunner(pipeline, settings.Jobs) { Cancellation = interrupted };
            var done0 = state.Items;
            var order = new List<int[]>();

            // The files are rendered as the documents come, as a single run writes them, so the writing overlaps the
            // stages (it used to wait for the whole batch, then read the records back: 18-21 s against a plain run's
            // 10-13 s with every format). A resumed run first renders the interrupted run's records. An interruption
            // or failure leaves the files unfinished, under temporary names the next run clears; the records and the
            // checkpoint are what is kept.
            BatchSummary summary;
            var written = new List<string>();
            var outputNotes = new List<(string File, string Note)>();
            using (var writer = new BatchWriter(set.Staging, settings.Formats, settings.Jobs))
            {
                // A stop request may cut the rendering partway through a document (a long one took seconds to write); the
                // files are then unfinished, and never published. The records are written whole, window by window,
                // whatever happens to the rendering, so the checkpoint always counts whole windows.
                var renderer = new RecordRenderer(writer, w => stderr.WriteLine($"argminer: warning: {w}"), interrupted);
                var rendering = true;
                void Render(Action add)
                {
                    if (rendering)
                    {
                        try
                        {
                            add();
                        }
                        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
                        {
                            rendering = false;
                        }
                    }
                }

                if (state.RecordsBytes > 0)
                {
                    try
                    {
                        foreach (var (document, fileIndex) in DocumentRecords.ReadAll(recordsPath, state.RecordsBytes, interrupted))
                        {
                            ShardState.AddToOrder(order, fileIndex);
                            Render(() => renderer.Add(document));
                        }
                    }
                    catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
                    {
                        // Stopped while the interrupted run's records were read: the checkpoint stays as it was.
                        rendering = false;
                    }
                }

                using (var records = new DocumentRecordWriter(recordsPath, state.RecordsBytes))
                {
                    var sinceCheckpoint = 0;
                    void Checkpoint()
                    {
                        records.Flush();
                        state.RecordsBytes = records.Length;
                        state.Save(checkpointPath);
                        sinceCheckpoint = 0;
                    }

                    // Files before the resume point are not read again; a plain-text file is one item, so one already
                    // done is skipped whole, and the items done of a JSON Lines file are read and passed over.
                    var resumeFile = state.ResumeFile;
                    var skipInFile = state.ResumeFileItems;
                    if (resumeFile >= 0 && files[resumeFile].Format != InputFormat.JsonLines)
                    {
                        (resumeFile, skipInFile) = (resumeFile + 1, 0);
                    }

                    var pending = new Queue<int>();
                    long tracked = 0;
                    IEnumerable<InputItem> Remaining()
                    {
                        foreach (var item in enumerator.Read(uniqueIds: false, i => i < resumeFile ? null : ranges.TryGetValue(i, out var range) ? range : null))
                        {
                            if (item.FileIndex == resumeFile && skipInFile > 0)
                            {
                                skipInFile--;
                                continue;
                            }

                            pending.Enqueue(item.FileIndex);
                            yield return item;
                        }
                    }

                    var items = Remaining().TakeWhile(_ => !interrupted.IsCancellationRequested);
                    runner.Run(
                        items,
                        (context, item) =>
                        {
                            records.Write(context.Document, item.FileIndex);
                            ShardState.AddToOrder(order, item.FileIndex);
                            Render(() => renderer.Add(context));
                            state.Documents++;
                            sinceCheckpoint++;
                        },
                        e =>
                        {
                            state.Skipped.Add(e.ToString());
                            stderr.WriteLine($"argminer: {e}");
                        },
                        onWindow: consumed =>
                        {
                            state.Items = done0 + consumed;
                            for (; tracked < consumed; tracked++)
                            {
                                var file = pending.Dequeue();
                                (state.ResumeFile, state.ResumeFileItems) = file == state.ResumeFile ? (file, state.ResumeFileItems + 1) : (file, 1);
                            }

                            if (sinceCheckpoint >= settings.CheckpointEvery)
                            {
                                Checkpoint();
                            }
                        });
                    Checkpoint();
                }

                if (interrupted.IsCancellationRequested)
                {
                    set.Keep();
                    stderr.WriteLine(InputError.OneLine($"argminer: interrupted after {state.Documents} documents; the checkpoint is kept: run the same command with --resume to continue ({settings.Out} left as it was)"));
                    return Interrupted;
                }

                if (state.Documents == 0 && !sharded)
                {
                    stderr.WriteLine(InputError.OneLine($"argminer: no document was read; nothing written, {settings.Out} left as it was"));
                    return CommandLine.Failed;
                }

                summary = renderer.Summary;
                writer.Commit();
                written.AddRange(writer.Files);
                outputNotes.AddRange(writer.OutputNotes);
            }

            File.Delete(checkpointPath);
            if (sharded)
            {
                // The manifest comes last: a folder holding it holds the whole shard.
                state.Order.AddRange(order);
                state.RecordsSha256 = ShardState.Sha256(recordsPath, state.RecordsBytes);
                state.Save(Path.Combine(set.Staging, ShardState.ManifestName));
                written.Add(DocumentRecords.FileName);
                written.Add(ShardState.ManifestName);
            }
            else
            {
                File.Delete(recordsPath);
            }

            set.Publish(written);
            summary = summary with { Skipped = state.Skipped.Count, Elapsed = clock.Elapsed };
            var line = RunCommand.Summarise(summary, settings.Out, written);
            stdout.WriteLine(sharded ? $"argminer: shard {shard}: " + line["argminer: ".Length..] : line);
            RunCommand.WriteOutputNotes(stdout, outputNotes);

            // A shard that is written has done its task, skipped inputs and all (they are in its manifest, and merge
            // reports them and exits 1 as a single run would): a batch engine must not retry it for a bad file.
            return summary.Skipped > 0 && !sharded ? CommandLine.Failed : CommandLine.Ok;
        }
    }

    private const int Interrupted = RunCommand.Interrupted;

    /// <summary>ArgMiner's version, as the tool reports it.</summary>
    internal static string ToolVersion { get; } =
        typeof(CheckpointedRun).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>The model a run uses, named so that two runs with different models never match.</summary>
    internal static string ModelIdentity(RunSettings settings)
    {
        if (settings.TextOnly)
        {
            return "none (--pipeline text)";
        }

        if (settings.Model is null)
        {
            return "shipped " + ResourcesHash(typeof(TextPipeline).Assembly);
        }

        var identity = settings.Model == AccurateModel.Keyword
            ? (FullRuntime.HasJit ? "accurate " + ResourcesHash(typeof(Encoders.Classification.AccurateClassifier).Assembly) : throw FullRuntime.HandedOver())
            : "file sha256:" + ShardState.Sha256(settings.Model, new FileInfo(settings.Model).Length);
        // Another gate, or the tuned encoders alone, label differently, so they are part of the identity (a resumed run or a
        // shard must not mix them).
        identity = settings.Gate is { } gate ? identity + string.Create(CultureInfo.InvariantCulture, $" gate {gate:R}") : identity;
        return settings.TunedOnly ? identity + " encoders tuned" : identity;
    }

    /// <summary>SHA-256 of an assembly's embedded models (by name and content).</summary>
    private static string ResourcesHash(Assembly assembly)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            using var stream = assembly.GetManifestResourceStream(name)!;
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>SHA-256 of the input listing: the arguments, and every file's path, size and modification time.</summary>
    internal static string InputFingerprint(IReadOnlyList<string> inputs, IReadOnlyList<InputFile> files)
    {
        var text = new StringBuilder();
        foreach (var input in inputs)
        {
            text.Append("input\t").Append(input).Append('\n');
        }

        foreach (var file in files)
        {
            var info = file.Problem is null ? new FileInfo(file.Path) : null;
            text.Append(CultureInfo.InvariantCulture, $"file\t{file.Path}\t{info?.Length ?? -1}\t{info?.LastWriteTimeUtc.Ticks ?? 0}\t{file.Problem}\n");
        }

        return "sha256:" + ShardState.Sha256(text.ToString());
    }

    /// <summary>The checkpoint to continue from, or null (starting over, said why) when there is none that fits.</summary>
    private static ShardState? Resumable(string checkpointPath, string recordsPath, ShardState fresh, string outDir, TextWriter stderr)
    {
        var checkpoint = ShardState.Load(checkpointPath, out var error, out var line);
        if (checkpoint is null)
        {
            if (error is not null)
            {
                // Named with its line, as any file read is; the run starts over by itself and writes a new one.
                stderr.WriteLine(InputError.OneLine($"argminer: {new InputError(checkpointPath, line == 0 ? null : line, $"the checkpoint of the interrupted run is {error}; starting over from the first document")}"));
            }

            return null;
        }

        if (!checkpoint.SameRunAs(fresh))
        {
            stderr.WriteLine(InputError.OneLine($"argminer: {outDir}: the interrupted run had other inputs, settings, model or version; starting over"));
            return null;
        }

        // The checkpoint has no checksum: a count out of range (a flipped digit, an edit) read every file again after
        // rendering the records (each document twice, exit 0), or crashed with a stack trace (a resume file past the
        // last, a negative length).
        if (checkpoint.ResumeFile < -1 || checkpoint.ResumeFile >= checkpoint.Files || checkpoint.ResumeFileItems < 0
            || checkpoint.Items < checkpoint.Documents || checkpoint.Documents < 0 || checkpoint.RecordsBytes < 0)
        {
            stderr.WriteLine(InputError.OneLine($"argminer: {outDir}: the checkpoint of the interrupted run is damaged (a count out of range); starting over"));
            return null;
        }

        if (!File.Exists(recordsPath) || new FileInfo(recordsPath).Length < checkpoint.RecordsBytes)
        {
            stderr.WriteLine(InputError.OneLine($"argminer: {outDir}: the interrupted run's records are shorter than its checkpoint; starting over"));
            return null;
        }

        // Every block is checked before any is rendered, so damaged records mean starting over, said in one line,
        // not a crash halfway through the outputs.
        if (DocumentRecords.Damage(recordsPath, checkpoint.RecordsBytes) is { } damage)
        {
            stderr.WriteLine(InputError.OneLine($"argminer: {outDir}: the interrupted run's records are damaged ({damage}); starting over"));
            return null;
        }

        stderr.WriteLine(InputError.OneLine($"argminer: {outDir}: resuming after {checkpoint.Documents} documents ({checkpoint.Items} inputs done)"));
        return checkpoint;
    }

    private static bool StartsWithUtf16Bom(string path)
    {
        try
        {
            // Four bytes: UTF-32's big-endian BOM (00 00 FE FF) is a wide file too, read whole and never split.
            Span<byte> head = stackalloc byte[4];
            using var file = File.OpenRead(path);
            var read = file.ReadAtLeast(head, 4, throwOnEndOfStream: false);
            return read >= 2 && TextDecoding.Utf16Encoding(head[..read]) is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Empties the staging folder but for its lock (and the records of a run being resumed).</summary>
    private static void ClearStaging(string staging, bool keepRecords)
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(staging).ToList())
        {
            var name = Path.GetFileName(entry);
            if (name == ".lock" || (keepRecords && name is DocumentRecords.FileName or ShardState.CheckpointName))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Directory.Delete(entry, recursive: true);
            }
            else
            {
                File.Delete(entry);
            }
        }
    }
}
