using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ArgMiner.Pipeline;

namespace ArgMiner.Cli.Commands;

/// <summary>
/// <c>ARGMINER_PROFILE=1 argminer run …</c>: after the run, a breakdown of the whole process's time on standard
/// error (start-up before the command, model loading, reading, each stage, writing, finishing the files, and the
/// runtime's own GC and JIT time), so a speed claim can be checked on real articles with the published tool itself.
/// </summary>
internal sealed class RunProfile
{
    private readonly TimeSpan _beforeCommand;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _models;
    private TimeSpan _batchStart;
    private TimeSpan _batchEnd;

    private RunProfile()
    {
        using var self = Process.GetCurrentProcess();
        _beforeCommand = DateTime.Now - self.StartTime;
    }

    /// <summary>A profile when <c>ARGMINER_PROFILE</c> is 1, else null.</summary>
    public static RunProfile? FromEnvironment() => Environment.GetEnvironmentVariable("ARGMINER_PROFILE") == "1" ? new RunProfile() : null;

    /// <summary>The counters the batch runner fills.</summary>
    public BatchProfile? Batch { get; private set; }

    /// <summary>Marks the models loaded and the pipeline built.</summary>
    public void ModelsLoaded(TextPipeline pipeline)
    {
        _models = _clock.Elapsed;
        Batch = new BatchProfile(pipeline.Stages.Count);
        Stages = pipeline.Stages.Select(s => s.Name).ToArray();
    }

    private string[] Stages { get; set; } = [];

    /// <summary>Marks the start of the batch (outputs opened).</summary>
    public void BatchStarted() => _batchStart = _clock.Elapsed;

    /// <summary>Marks the end of the batch (every document written, files not yet finished).</summary>
    public void BatchEnded() => _batchEnd = _clock.Elapsed;

    /// <summary>Writes the breakdown.</summary>
    public void Report(TextWriter stderr)
    {
        var total = _clock.Elapsed;
        var b = Batch!;
        var lines = new List<(string What, double Seconds)>
        {
            ("start-up before the run command (runtime, host, command line)", _beforeCommand.TotalSeconds),
            ("loading models, building the pipeline, one GC of the loading's garbage", _models.TotalSeconds),
            ("opening outputs", (_batchStart - _models).TotalSeconds),
            ("the batch, wall time; of which, as thread time:", (_batchEnd - _batchStart).TotalSeconds),
            ("  reading inputs (main thread, alongside the stages)", BatchProfile.Seconds(b.ReadTicks)),
        };
        lines.AddRange(Stages.Select((s, i) => ($"  stage {s} (worker threads, summed over jobs)", BatchProfile.Seconds(b.StageTicks[i]))));
        lines.Add(("  writing documents: CSV/JSON/… encoders (main thread, alongside the stages)", BatchProfile.Seconds(b.WriteTicks)));
        lines.Add(("finishing and publishing the files", (total - _batchEnd).TotalSeconds));
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"argminer profile: {(_beforeCommand + total).TotalSeconds:0.000} s from process start"));
        foreach (var (what, seconds) in lines)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {seconds,8:0.000} s  {what}"));
        }

        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  included above: GC pauses {GC.GetTotalPauseDuration().TotalSeconds:0.000} s ({GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections, "
            + $"{GC.GetTotalAllocatedBytes() / 1e6:0} MB allocated, {(GCSettings.IsServerGC ? "server" : "workstation")} GC); "
            + $"JIT {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds:0.000} s for {System.Runtime.JitInfo.GetCompiledMethodCount()} methods"));
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        using var self = Process.GetCurrentProcess();
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  memory: peak working set {self.PeakWorkingSet64 / 1048576.0:0} MB; managed heap {gc.HeapSizeBytes / 1048576.0:0} MB after the last GC, {gc.TotalCommittedBytes / 1048576.0:0} MB committed"));
    }
}
