namespace ArgMiner.Ingest;

/// <summary>Putting back together the lines of a paragraph the XY cut split along a river of white space.</summary>
internal static partial class PdfText
{
    /// <summary>The most lines a block split off by a river may have: a river runs down a few lines, a column down many.</summary>
    public const int MaxRiverLines = 3;

    /// <summary>Pages with more lines than this are left as cut (the partner search is linear in the page's lines for each short block).</summary>
    public const int MaxLinesForRivers = 2_000;

    /// <summary>
    /// Joins lines that the layout analysis cut in two along a river: in justified text the stretched spaces of a few
    /// lines can line up into a gap from top to bottom of a short paragraph, and the XY cut then reads the right-hand part
    /// of those lines as a block of its own, after the rest ("Excellent answer googlenut. tional info." and "Let me add
    /// some addi-" for a two-line paragraph). A block of at most <see cref="MaxRiverLines"/> lines is put back at the end
    /// of the lines to its left when each of its lines has one on the same baseline, in one other block, no further away
    /// than one and a half times the widest word gap of either line (justification stretches every gap of a line alike;
    /// a column's gutter is wider than its words' gaps) nor two line heights, and that left line does not end where
    /// other lines of the page end (a column's right edge, where full lines of a column all stop, is not a river).
    /// Written by hand: PdfPig's XY cut has no such repair, and a wider least gap ran columns together (<see cref="PdfInput"/>).
    /// </summary>
    internal static List<Line> JoinRiverSplits(IReadOnlyList<Line> page)
    {
        var lines = page.ToArray();
        if (lines.Length < 2 || lines.Length > MaxLinesForRivers)
        {
            return [.. lines];
        }

        var removed = new bool[lines.Length];
        foreach (var members in BlocksOf(lines))
        {
            if (members.Count > MaxRiverLines)
            {
                continue;
            }

            var partners = new int[members.Count];
            var partnerBlock = -1;
            var joinable = true;
            for (var m = 0; m < members.Count && joinable; m++)
            {
                var right = lines[members[m]];
                var best = LeftNeighbour(lines, removed, members[m]);
                joinable = best >= 0 && (partnerBlock < 0 || lines[best].Block == partnerBlock)
                    && RiverGap(lines[best], right) && !AtAnEdge(lines, best, right.Block);
                partners[m] = best;
                partnerBlock = best >= 0 ? lines[best].Block : partnerBlock;
            }

            if (!joinable)
            {
                continue;
            }

            for (var m = 0; m < members.Count; m++)
            {
                var (left, right) = (lines[partners[m]], lines[members[m]]);
                lines[partners[m]] = left with
                {
                    Text = left.Text + " " + right.Text,
                    Right = right.Right,
                    Top = Math.Max(left.Top, right.Top),
                    Bottom = Math.Min(left.Bottom, right.Bottom),
                    WordGap = Math.Max(Math.Max(left.WordGap, right.WordGap), right.Left - left.Right),
                };
                removed[members[m]] = true;
            }
        }

        return [.. lines.Where((_, i) => !removed[i])];
    }

    // The lines of each block, in reading order.
    private static IEnumerable<List<int>> BlocksOf(Line[] lines)
    {
        var blocks = new Dictionary<int, List<int>>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!blocks.TryGetValue(lines[i].Block, out var list))
            {
                blocks[lines[i].Block] = list = [];
            }

            list.Add(i);
        }

        return blocks.Values;
    }

    // The nearest line of another block ending left of line `i` on its baseline, or -1.
    private static int LeftNeighbour(Line[] lines, bool[] removed, int i)
    {
        var line = lines[i];
        var best = -1;
        for (var j = 0; j < lines.Length; j++)
        {
            var other = lines[j];
            if (!removed[j] && other.Block != line.Block && other.Right <= line.Left
                && Math.Abs(other.Bottom - line.Bottom) <= 0.25 * line.Height && (best < 0 || other.Right > lines[best].Right))
            {
                best = j;
            }
        }

        return best;
    }

    private static bool RiverGap(Line left, Line right)
    {
        var gap = right.Left - left.Right;
        var words = Math.Max(left.WordGap, right.WordGap);
        return words > 0 && gap <= 1.5 * words && gap <= 2 * right.Height;
    }

    // Whether two or more other lines of the page (not of the right-hand block) end where line `i` ends: a column's edge.
    private static bool AtAnEdge(Line[] lines, int i, int rightBlock)
    {
        var aligned = 0;
        for (var j = 0; j < lines.Length && aligned < 2; j++)
        {
            if (j != i && lines[j].Block != rightBlock && Math.Abs(lines[j].Right - lines[i].Right) <= 0.5)
            {
                aligned++;
            }
        }

        return aligned >= 2;
    }
}
