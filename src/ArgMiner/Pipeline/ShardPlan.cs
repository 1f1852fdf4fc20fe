using System.Globalization;

namespace ArgMiner.Pipeline;

/// <summary>One shard of a batch: <c>K/N</c>, <see cref="Index"/> K counted from 0, of <see cref="Count"/> N.</summary>
/// <param name="Index">K, from 0 to N-1.</param>
/// <param name="Count">N, at least 1.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The most shards a batch may be split into.</summary>
    public const int MaxCount = 100_000;

    /// <summary>Parses <c>K/N</c>; null (with <paramref name="error"/>) when it is not one.</summary>
    public static ShardSpec? Parse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            error = $"--shard takes K/N (shard K of N, K counted from 0, e.g. 0/8), not '{text}'";
            return null;
        }

        if (n < 1 || n > MaxCount || k >= n)
        {
            error = $"--shard {text}: K must be 0 to N-1 and N 1 to {MaxCount.ToString(CultureInfo.InvariantCulture)}";
            return null;
        }

        return new ShardSpec(k, n);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}

/// <summary>
/// Splits a batch's input files into shards: the files in the order a single run reads them, each given to
/// one shard by where its middle byte falls in the batch's total size, so every shard holds a contiguous run
/// of files of about 1/N of the bytes (off by at most one file). The rule reads only the listing and the file
/// sizes, never the machine, the time or which shards ran, so every shard computes the same plan. A file is
/// never split: one huge file is one shard's work.
/// </summary>
public static class ShardPlan
{
    /// <summary>The shard of each file, from the files' sizes in reading order.</summary>
    public static int[] Assign(IReadOnlyList<long> sizes, int count)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        // Every file weighs at least one byte, so empty files (and missing inputs) spread like the rest.
        var total = 0m;
        foreach (var size in sizes)
        {
            total += Math.Max(size, 0) + 1;
        }

        var shards = new int[sizes.Count];
        var before = 0m;
        for (var i = 0; i < sizes.Count; i++)
        {
            var weight = Math.Max(sizes[i], 0) + 1m;
            var middle = before + (weight / 2);
            shards[i] = (int)Math.Min(count - 1, Math.Floor(middle * count / total));
            before += weight;
        }

        return shards;
    }

    /// <summary>The files of <paramref name="shard"/>: the range <c>[Start, End)</c> of file indexes.</summary>
    public static (int Start, int End) Range(int[] assignment, int shard)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        var start = 0;
        while (start < assignment.Length && assignment[start] < shard)
        {
            start++;
        }

        var end = start;
        while (end < assignment.Length && assignment[end] == shard)
        {
            end++;
        }

        return (start, end);
    }
}
