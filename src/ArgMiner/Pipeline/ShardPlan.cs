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

/// <summary>One part of a batch's input: a whole file, or a byte range of a large JSON Lines file.</summary>
/// <param name="File">The file's index in the listing.</param>
/// <param name="Start">The first byte (0 for a whole file).</param>
/// <param name="End">One past the last byte (the size for a whole file).</param>
/// <param name="Whole">Whether the part is the whole file.</param>
public readonly record struct InputPart(int File, long Start, long End, bool Whole)
{
    /// <summary>Its size in bytes.</summary>
    public long Size => End - Start;
}

/// <summary>
/// Splits a batch's input into shards: the files in the order a single run reads them, a JSON Lines file
/// larger than a shard's share of the bytes cut into equal byte ranges first (<see cref="Parts"/>; each
/// record belongs to the range its line starts in), and each part given to one shard by where its middle
/// byte falls in the batch's total size, so every shard holds a contiguous run of parts of about 1/N of
/// the bytes (off by at most one part). The rule reads only the listing and the file sizes, never the
/// machine, the time or which shards ran, so every shard computes the same plan. A plain-text file is one
/// document and never split.
/// </summary>
public static class ShardPlan
{
    /// <summary>
    /// The parts of a batch of files of <paramref name="sizes"/> for <paramref name="count"/> shards: each
    /// file whole, except that a <paramref name="splittable"/> one larger than 1/N of the total is cut into
    /// as many equal byte ranges as it holds shares.
    /// </summary>
    public static List<InputPart> Parts(IReadOnlyList<long> sizes, IReadOnlyList<bool> splittable, int count)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(splittable);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var total = 0L;
        foreach (var size in sizes)
        {
            total += Math.Max(size, 0) + 1;
        }

        var share = Math.Max(1, total / count);
        var parts = new List<InputPart>(sizes.Count);
        for (var f = 0; f < sizes.Count; f++)
        {
            var size = Math.Max(sizes[f], 0);
            if (count == 1 || !splittable[f] || size <= share)
            {
                parts.Add(new InputPart(f, 0, size, true));
                continue;
            }

            var pieces = (int)Math.Min(count, (size + share - 1) / share);
            for (var k = 0; k < pieces; k++)
            {
                parts.Add(new InputPart(f, (long)((decimal)size * k / pieces), (long)((decimal)size * (k + 1) / pieces), false));
            }
        }

        return parts;
    }

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
