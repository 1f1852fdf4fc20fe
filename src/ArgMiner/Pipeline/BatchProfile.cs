using System.Diagnostics;

namespace ArgMiner.Pipeline;

/// <summary>
/// Where a batch's time goes, counted while it runs (<c>ARGMINER_PROFILE=1 argminer run …</c>): reading, each
/// stage and writing, as <see cref="Stopwatch"/> ticks. Stage ticks are summed over every job's thread, so with
/// several jobs they add up to CPU time, not wall time. Off (null) by default, when it costs one null check a
/// stage.
/// </summary>
public sealed class BatchProfile
{
    private long _readTicks;
    private long _writeTicks;

    /// <summary>Creates a profile for a pipeline of <paramref name="stages"/> stages.</summary>
    public BatchProfile(int stages) => StageTicks = new long[stages];

    /// <summary>Ticks spent in each stage, in pipeline order, summed over threads.</summary>
    public long[] StageTicks { get; }

    /// <summary>Ticks spent reading and decoding inputs (the input enumerator).</summary>
    public long ReadTicks => _readTicks;

    /// <summary>Ticks spent handing documents to the writers.</summary>
    public long WriteTicks => _writeTicks;

    internal void AddRead(long ticks) => Interlocked.Add(ref _readTicks, ticks);

    internal void AddWrite(long ticks) => Interlocked.Add(ref _writeTicks, ticks);

    /// <summary>Seconds of <paramref name="ticks"/>.</summary>
    public static double Seconds(long ticks) => (double)ticks / Stopwatch.Frequency;
}
