using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Text;

namespace ArgMiner.Benchmarks;

/// <summary>
/// The two taggers alone, round after round, over real text (<see cref="BenchmarkText"/>, documents of about 2,000
/// characters, tokenized and split once first), with a checksum of every tag and entity so two builds can be shown to
/// tag alike. Run: <c>dotnet run -c Release --project src/ArgMiner.Benchmarks -- taggers [CHARS] [ROUNDS] [pos|ner|both]</c>.
/// Each round is timed in the thread's CPU time, which leaves out the time other processes take the core; on a machine
/// shared with other jobs, compare the medians of runs of two builds interleaved (issue 12). Instruction counts under
/// <c>valgrind --tool=callgrind</c> were no guide here (session 38): under valgrind the runtime's compiled code called
/// span indexers and <c>Vector256.Widen</c> out of line, which the tool's own code inlines.
/// </summary>
public static class TaggerProfile
{
    /// <summary>Tags the text ROUNDS times and prints each round's thread CPU time and the checksum.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var chars = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var which = args.Length > 2 ? args[2] : "both";
        var (text, spans, source) = BenchmarkText.Load(chars);
        var split = TextPipeline.CreateDefault();
        var documents = new List<Document>();
        var start = 0;
        for (var p = 0; p < spans.Length; p++)
        {
            if (spans[p].Item2 - spans[start].Item1 >= 2000 || p == spans.Length - 1)
            {
                var from = spans[start].Item1;
                var paragraphs = spans[start..(p + 1)].Select(s => new Paragraph(s.Item1 - from, s.Item2 - from, Section.Body, null));
                documents.Add(split.Process(new Document
                {
                    Id = "tag" + documents.Count.ToString(CultureInfo.InvariantCulture),
                    Source = source,
                    Text = text[from..spans[p].Item2],
                    Paragraphs = [.. paragraphs],
                }));
                start = p + 1;
            }
        }

        var pos = ShippedModels.CreatePosStage();
        var ner = ShippedModels.CreateEntityStage();
        var tokens = documents.Sum(d => d.Tokens.Length);
        foreach (var (name, model) in new[] { ("pos", pos.Tagger), ("entities", ner.Recognizer.Model) })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} model: {model.Classes.Length} classes, 2^{model.BucketBits} buckets, {model.Rows:N0} rows, word classes {model.UsesWordClasses}, gazetteer {model.UsesGazetteer}"));
        }

        // The entity stage reads the POS layer (a model name must hold a content word), so it tags documents tagged once here.
        var withPos = documents.Select(pos.Process).ToArray();
        var posTimes = new List<double>();
        var nerTimes = new List<double>();
        var checksum = 0UL;
        for (var round = 0; round < rounds; round++)
        {
            checksum = 14695981039346656037UL;
            if (which is "pos" or "both")
            {
                var clock = ThreadTime();
                foreach (var document in documents)
                {
                    foreach (var tag in pos.Process(document).Pos)
                    {
                        checksum = Fold(checksum, tag);
                    }
                }

                posTimes.Add(ThreadTime() - clock);
            }

            if (which is "ner" or "both")
            {
                var clock = ThreadTime();
                foreach (var document in withPos)
                {
                    foreach (var e in ner.Process(document).Entities)
                    {
                        checksum = Fold(Fold(Fold(Fold(checksum, (ulong)e.Start), (ulong)e.End), e.Type), (ulong)e.Source);
                    }
                }

                nerTimes.Add(ThreadTime() - clock);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source}: {text.Length:N0} chars, {documents.Count:N0} documents, {tokens:N0} tokens; {rounds} rounds of {which}"));
        Report("pos", posTimes, tokens);
        Report("entities", nerTimes, tokens);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"checksum {checksum:x16}"));
        return 0;
    }

    /// <summary>This thread's CPU time (user and system), in seconds: unlike a clock, it leaves out the time other processes take the core.</summary>
    private static double ThreadTime()
    {
        const int rusageThread = 1;
        return GetResourceUsage(rusageThread, out var usage) == 0
            ? usage.UserSeconds + (usage.UserMicroseconds / 1e6) + usage.SystemSeconds + (usage.SystemMicroseconds / 1e6)
            : Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }

    [DllImport("libc", EntryPoint = "getrusage")]
    private static extern int GetResourceUsage(int who, out ResourceUsage usage);

    // The start of Linux's struct rusage (x64): user and system time as (seconds, microseconds); the rest is room.
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 14)]
        public long[] Rest;
    }

    // FNV-1a, stable across processes (string.GetHashCode is not).
    private static ulong Fold(ulong h, ulong value) => (h ^ value) * 1099511628211UL;

    private static ulong Fold(ulong h, string s)
    {
        foreach (var c in s)
        {
            h = Fold(h, c);
        }

        return Fold(h, 0xFFFF);
    }

    private static void Report(string name, List<double> times, int tokens)
    {
        if (times.Count == 0)
        {
            return;
        }

        var sorted = times.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-9} best {sorted[0] * 1000:0.0} ms, median {sorted[sorted.Count / 2] * 1000:0.0} ms ({tokens / sorted[0]:N0} tokens/s at best); rounds {string.Join(' ', times.Select(t => (t * 1000).ToString("0", CultureInfo.InvariantCulture)))}"));
    }
}
