using System.Text;
using ArgMiner.Output;
using ArgMiner.Text;

namespace ArgMiner.Classification;

/// <summary>Scores one sentence into four probabilities in label order (another engine than the compiled weights, e.g. ML.NET's).</summary>
public delegate void SentenceScorer(string text, in SentenceContext context, Span<double> probabilities);

/// <summary>How <see cref="LineClassification.Classify"/> labels lines.</summary>
public sealed record LineClassificationOptions
{
    /// <summary>Add a <c>why</c> column: the features that pushed each sentence to its label.</summary>
    public bool Explain { get; init; }

    /// <summary>Tag each line first as <c>run</c> does (entities, numeric claims) with this tagger (null: no tagging).</summary>
    public SentenceTagger? Tagger { get; init; }

    /// <summary>Score with this instead of the model's compiled weights (null: the compiled weights).</summary>
    public SentenceScorer? Scorer { get; init; }

    /// <summary>
    /// Threads that score lines on the default path (the compiled weights, no explanation, no tagging), and that tag
    /// lines with <see cref="Tagger"/>; the output is the same for any number. Explanations and another
    /// <see cref="Scorer"/> score one line at a time.
    /// </summary>
    public int Jobs { get; init; } = 1;

    /// <summary>Characters read at a time when <see cref="Jobs"/> is above 1, at most 65,536 with one job (the block grows for a longer line); small in tests.</summary>
    internal int BlockChars { get; init; } = 1 << 20;

    /// <summary>
    /// Most lines scored as one block: a block of a million characters of empty or very short lines held a million
    /// rows of output at once (1,000,000 empty lines: 300 MB at peak against 121 MB for a million op-ed sentences).
    /// The rest of the block waits for the next round; the output is the same. At most 512 with one job; small in tests.
    /// </summary>
    internal int BlockLines { get; init; } = 1 << 14;
}

/// <summary>
/// Labels one sentence per line and writes CSV <c>text,label,confidence,p_claim,p_evidence,p_opinion,p_other</c>
/// (what <c>argminer classify</c> does). The default path allocates nothing per line, which is what keeps it at
/// hundreds of thousands of lines a second.
/// </summary>
public static class LineClassification
{
    /// <summary>
    /// Appends <paramref name="value"/> (a probability in [0, 1]) with four decimals, exactly as
    /// <c>ToString("F4", InvariantCulture)</c> would. Formatting five doubles per row was a fifth of the
    /// command's time, so the common case is done with integers; a value within a hair of a rounding midpoint,
    /// where the product <c>value * 10000</c> could round the wrong way, goes through the standard formatter.
    /// </summary>
    public static void AppendProbability(StringBuilder line, double value)
    {
        Span<char> buffer = stackalloc char[32];
        line.Append(buffer[..FormatProbability(buffer, value)]);
    }

    /// <summary>
    /// Writes <paramref name="value"/> as <see cref="AppendProbability"/> does into <paramref name="destination"/>
    /// (at least 32 chars) and returns the number of chars written.
    /// </summary>
    public static int FormatProbability(Span<char> destination, double value)
    {
        var scaled = value * 10000;
        var floor = Math.Floor(scaled);
        if (value is < 0 or > 1 || Math.Abs(scaled - floor - 0.5) < 1e-6)
        {
            value.TryFormat(destination, out var n, "F4", System.Globalization.CultureInfo.InvariantCulture);
            return n;
        }

        var units = (int)(scaled - floor > 0.5 ? floor + 1 : floor);
        destination[5] = (char)('0' + (units % 10));
        destination[4] = (char)('0' + (units / 10 % 10));
        destination[3] = (char)('0' + (units / 100 % 10));
        destination[2] = (char)('0' + (units / 1000 % 10));
        destination[1] = '.';
        destination[0] = (char)('0' + (units / 10000));
        return 6;
    }

    /// <summary>The label with the highest probability (the first of equals).</summary>
    private static int Best(ReadOnlySpan<double> p)
    {
        var best = 0;
        for (var k = 1; k < p.Length; k++)
        {
            if (p[k] > p[best])
            {
                best = k;
            }
        }

        return best;
    }

    /// <summary>Whether a text cell can be written as it is: no quoting needed and no formula guard (<see cref="ClassifierCli.Cell"/>).</summary>
    private static bool IsPlainCell(ReadOnlySpan<char> text) =>
        text.Length == 0 || (!CsvSafety.NeedsGuard(text) && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && text.IndexOfAny(",\"\r\n") < 0);

    /// <summary>Appends the text cell without allocating when it needs neither quoting nor a formula guard.</summary>
    private static void AppendCell(StringBuilder line, string text)
    {
        if (IsPlainCell(text))
        {
            line.Append(text);
        }
        else
        {
            line.Append(Cell(text));
        }
    }

    /// <summary>
    /// Writes the CSV: one row per input line, in input order; an empty line is <c>other</c> with probability 1.
    /// With <see cref="LineClassificationOptions.Tagger"/>, lines are tagged (<see cref="SentenceTagger"/>) in
    /// batches before scoring; with <see cref="LineClassificationOptions.Scorer"/>, it scores each line instead of
    /// the compiled weights.
    /// </summary>
    public static void Classify(SentenceClassifier classifier, TextReader reader, TextWriter writer, LineClassificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= new LineClassificationOptions();
        var (explain, tag) = (options.Explain, options.Tagger is not null);
        writer.Write(explain ? "text,label,confidence,p_claim,p_evidence,p_opinion,p_other,why\n" : "text,label,confidence,p_claim,p_evidence,p_opinion,p_other\n");
        if (!tag && !explain && options.Scorer is null)
        {
            // One thread gains nothing from big blocks: with 64K chars and 512 rows a round, the lines read and the
            // rows formatted stay in the CPU's cache until they are scored and written, instead of megabytes going
            // out to memory and back (issue 12). The output is the same for any block size.
            var jobs = Math.Max(1, options.Jobs);
            var (blockChars, blockLines) = jobs == 1
                ? (Math.Min(options.BlockChars, 1 << 16), Math.Min(options.BlockLines, 1 << 9))
                : (options.BlockChars, options.BlockLines);
            ClassifyBlocks(classifier, reader, writer, jobs, Math.Max(16, blockChars), Math.Max(1, blockLines));
            return;
        }

        var scorer = new RowScorer(classifier, options.Scorer, new FeatureVectorBuilder().CachingWords());

        var line = new StringBuilder();
        if (!tag)
        {
            while (reader.ReadLine() is { } text)
            {
                WriteRow(scorer, text, default, line, writer, explain);
            }

            return;
        }

        // Batches keep memory bounded on huge inputs while the tagger uses every core.
        const int BatchSize = 4096;
        var tagger = options.Tagger!;
        var batch = new List<string>(BatchSize);
        while (true)
        {
            batch.Clear();
            while (batch.Count < BatchSize && reader.ReadLine() is { } text)
            {
                batch.Add(text);
            }

            if (batch.Count == 0)
            {
                return;
            }

            var contexts = tagger.TagAll(batch, jobs: options.Jobs);
            for (var i = 0; i < batch.Count; i++)
            {
                WriteRow(scorer, batch[i], contexts[i], line, writer, explain);
            }
        }
    }

    /// <summary>
    /// The default path: a block of whole lines is read, cut into lines as <see cref="TextReader.ReadLine"/> cuts
    /// them, split into one contiguous run of lines per thread (one thread scores in place), each run's rows
    /// formatted into that thread's buffer (<see cref="FormatRow"/>), and the buffers written in order, so the file is
    /// the same for any number of threads. Nothing is allocated per line except a text cell that needs quoting.
    /// </summary>
    private static void ClassifyBlocks(SentenceClassifier classifier, TextReader reader, TextWriter writer, int jobs, int blockChars, int blockLines)
    {
        var buffer = new char[blockChars];
        var end = 0;
        var eof = false;
        var starts = new List<int>();
        var lengths = new List<int>();
        var outputs = new RowBuffer[jobs];
        var builders = new FeatureVectorBuilder[jobs];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = jobs };
        while (true)
        {
            while (!eof && end < buffer.Length)
            {
                var want = buffer.Length - end;
                var n = reader.Read(buffer, end, want);
                eof = n == 0;
                end += n;

                // A short read means the input has no more for now (a pipe or a terminal): score the lines already
                // here rather than wait for a full block, so lines piped or typed in are answered as they come.
                if (n > 0 && n < want && buffer.AsSpan(end - n, n).IndexOfAny('\r', '\n') >= 0)
                {
                    break;
                }
            }

            starts.Clear();
            lengths.Clear();
            var at = 0;
            while (true)
            {
                var nl = buffer.AsSpan(at, end - at).IndexOfAny('\r', '\n');
                if (nl < 0)
                {
                    break;
                }

                nl += at;
                if (buffer[nl] == '\r' && nl + 1 == end && !eof)
                {
                    break; // whether \n follows decides where the next line starts
                }

                starts.Add(at);
                lengths.Add(nl - at);
                at = nl + 1;
                if (buffer[nl] == '\r' && at < end && buffer[at] == '\n')
                {
                    at++;
                }

                if (starts.Count == blockLines)
                {
                    break;
                }
            }

            // The last line of the input has no line end; it is only the last once every full line before it is cut.
            if (eof && at < end && starts.Count < blockLines)
            {
                starts.Add(at);
                lengths.Add(end - at);
                at = end;
            }

            if (starts.Count == 0)
            {
                if (eof)
                {
                    return;
                }

                // A line longer than the block: read on into a larger one. (A block that is not full waits for more.)
                if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                continue;
            }

            var count = starts.Count;
            var runs = Math.Min(jobs, count);
            var block = buffer;
            void Run(int r)
            {
                var output = outputs[r] ??= new RowBuffer();
                var builder = builders[r] ??= new FeatureVectorBuilder().CachingWords();
                output.Clear();
                for (var i = (int)((long)count * r / runs); i < (int)((long)count * (r + 1) / runs); i++)
                {
                    output.Add(classifier, block.AsSpan(starts[i], lengths[i]), builder);
                }
            }

            if (runs == 1)
            {
                Run(0);
            }
            else
            {
                Parallel.For(0, runs, parallel, Run);
            }

            for (var r = 0; r < runs; r++)
            {
                writer.Write(outputs[r].Written);
            }

            Array.Copy(buffer, at, buffer, 0, end - at);
            end -= at;
            if (eof && end == 0)
            {
                return;
            }
        }
    }

    /// <summary>One thread's formatted rows (<see cref="ClassifyBlocks"/>).</summary>
    private sealed class RowBuffer
    {
        private char[] _chars = new char[1 << 16];
        private int _count;

        public ReadOnlySpan<char> Written => _chars.AsSpan(0, _count);

        public void Clear() => _count = 0;

        /// <summary>Formats the row straight after the rows before it (no copy through a row buffer: issue 12).</summary>
        public void Add(SentenceClassifier classifier, ReadOnlySpan<char> text, FeatureVectorBuilder builder) =>
            _count = FormatRow(classifier, text, builder, ref _chars, _count);
    }

    /// <summary>
    /// Formats one CSV row, as <see cref="WriteRow"/> writes it without explanation, into <paramref name="chars"/>
    /// from <paramref name="start"/> on (the array grown, its first <paramref name="start"/> chars kept, when too
    /// small); where the row ends.
    /// </summary>
    private static int FormatRow(SentenceClassifier classifier, ReadOnlySpan<char> text, FeatureVectorBuilder builder, ref char[] chars, int start)
    {
        Span<double> p = stackalloc double[4];
        classifier.PredictInto(text, default, builder, p);
        var best = Best(p);

        var plain = IsPlainCell(text);
        var label = SentenceLabels.All[best];

        // Cell (at most twice the text and a guard and quotes), label and five probabilities of at most 32 chars
        // each, with separators.
        var need = start + (plain ? text.Length : (2 * text.Length) + 3) + label.Length + (5 * 33) + 2;
        if (chars.Length < need)
        {
            Array.Resize(ref chars, Math.Max(need, chars.Length * 2));
        }

        var span = chars.AsSpan(start);
        int at;
        if (plain)
        {
            text.CopyTo(span);
            at = text.Length;
        }
        else
        {
            at = WriteCell(text, span);
        }

        span[at++] = ',';
        label.CopyTo(span[at..]);
        at += label.Length;
        span[at++] = ',';
        at += FormatProbability(span[at..], p[best]);
        for (var k = 0; k < 4; k++)
        {
            span[at++] = ',';
            at += FormatProbability(span[at..], p[k]);
        }

        span[at++] = '\n';
        return start + at;
    }

    private static void WriteRow(RowScorer scorer, string text, in SentenceContext context, StringBuilder line, TextWriter writer, bool explain)
    {
        Span<double> p = stackalloc double[4];
        scorer.Score(text, context, p);
        var classifier = scorer.Classifier;
        var best = Best(p);

        line.Clear();
        AppendCell(line, text);
        line.Append(',').Append(SentenceLabels.All[best]).Append(',');
        AppendProbability(line, p[best]);
        for (var k = 0; k < 4; k++)
        {
            line.Append(',');
            AppendProbability(line, p[k]);
        }

        if (explain)
        {
            var why = string.IsNullOrWhiteSpace(text)
                ? string.Empty
                : string.Join("; ", classifier.Explain(text, SentenceLabels.All[best], 5, context).Select(f => $"{f.Feature} +{f.Contribution.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}"));
            line.Append(',').Append(Cell(why));
        }

        line.Append('\n');
        writer.Write(line);
    }

    /// <summary>Scores a row with the compiled weights, or with the given scorer.</summary>
    private sealed class RowScorer(SentenceClassifier classifier, SentenceScorer? scorer, FeatureVectorBuilder builder)
    {
        public SentenceClassifier Classifier { get; } = classifier;

        public void Score(string text, in SentenceContext context, Span<double> p)
        {
            if (scorer is null)
            {
                Classifier.PredictInto(text, context, builder, p);
                return;
            }

            scorer(text, context, p);
        }
    }

    /// <summary>
    /// Writes <see cref="Cell"/> of <paramref name="text"/> into <paramref name="destination"/> (room for twice the
    /// text and three chars) and returns its length: the same chars, without the three strings <see cref="Cell"/>
    /// makes. Op-ed sentences with a comma, a third or more of them, took that path for every line (issue 12).
    /// </summary>
    internal static int WriteCell(ReadOnlySpan<char> text, Span<char> destination)
    {
        var guard = CsvSafety.NeedsGuard(text);

        // Cell's test on the guarded value: a guard is an apostrophe, neither white space nor a char to quote.
        var quote = text.IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && ((!guard && char.IsWhiteSpace(text[0])) || char.IsWhiteSpace(text[^1])));
        var at = 0;
        if (quote)
        {
            destination[at++] = '"';
        }

        if (guard)
        {
            destination[at++] = '\'';
        }

        if (!quote)
        {
            text.CopyTo(destination[at..]);
            return at + text.Length;
        }

        var rest = text;
        while (true)
        {
            var q = rest.IndexOf('"');
            if (q < 0)
            {
                rest.CopyTo(destination[at..]);
                at += rest.Length;
                break;
            }

            rest[..(q + 1)].CopyTo(destination[at..]);
            at += q + 1;
            destination[at++] = '"';
            rest = rest[(q + 1)..];
        }

        destination[at++] = '"';
        return at;
    }

    /// <summary>A CSV cell: formula-safe (<see cref="CsvSafety.Neutralise"/>) and quoted when it holds a comma, quote or line break or begins or ends with white space.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        value = CsvSafety.Neutralise(value);
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
