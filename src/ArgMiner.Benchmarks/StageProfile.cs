using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Time per stage of the full pipeline (<c>TextPipeline.CreateFull()</c>) on one core, over real text
/// (<see cref="BenchmarkText"/>): a quick whole-path figure beside the BenchmarkDotNet benchmarks.
/// Run: <c>dotnet run -c Release --project src/ArgMiner.Benchmarks -- stages [CHARS]</c>. With
/// <c>ARGMINER_DOC_MAJOR=1</c> it first runs three rounds document by document (every stage on one document,
/// then the next): against the stage-by-stage rounds, that shows what cache reuse across documents is worth.
/// </summary>
public static class StageProfile
{
    /// <summary>Runs every stage over the text three times and prints the best time of each.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var chars = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000_000;
        var (text, spans, source) = BenchmarkText.Load(chars);
        // Documents of about 2,000 characters, as articles are, so per-document work counts too.
        var documents = new List<Document>();
        var batch = new List<(int Start, int End)>();
        void Flush()
        {
            if (batch.Count == 0)
            {
                return;
            }

            var from = batch[0].Start;
            var docText = text[from..batch[^1].End];
            documents.Add(new Document
            {
                Id = "bench" + documents.Count.ToString(CultureInfo.InvariantCulture),
                Source = source,
                Text = docText,
                Paragraphs = [.. batch.Select(p => new Paragraph(p.Start - from, p.End - from, Section.Body, null))],
            });
            batch.Clear();
        }

        foreach (var span in spans)
        {
            batch.Add(span);
            if (span.Item2 - batch[0].Start >= 2000)
            {
                Flush();
            }
        }

        Flush();
        var pipeline = TextPipeline.CreateFull();
        if (Environment.GetEnvironmentVariable("ARGMINER_DOC_MAJOR") == "1")
        {
            for (var round = 0; round < 3; round++)
            {
                var profile = new BatchProfile(pipeline.Stages.Count);
                var clock = Stopwatch.StartNew();
                foreach (var d in documents)
                {
                    pipeline.Process(d, profile);
                }

                var perStage = string.Join(", ", pipeline.Stages.Select((s, i) => s.Name + " " + (BatchProfile.Seconds(profile.StageTicks[i]) * 1000).ToString("0", CultureInfo.InvariantCulture)));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"document-major round {round}: {clock.Elapsed.TotalMilliseconds:0} ms; {perStage}"));
            }
        }

        var best = new double[pipeline.Stages.Count];
        var first = new double[pipeline.Stages.Count];
        var tokens = 0;
        for (var round = 0; round < 3; round++)
        {
            var current = documents.ToArray();
            for (var i = 0; i < pipeline.Stages.Count; i++)
            {
                var clock = Stopwatch.StartNew();
                for (var d = 0; d < current.Length; d++)
                {
                    current[d] = pipeline.Stages[i].Process(current[d]);
                }

                var seconds = clock.Elapsed.TotalSeconds;
                best[i] = round == 0 ? seconds : Math.Min(best[i], seconds);
                if (round == 0)
                {
                    first[i] = seconds;
                }
            }

            tokens = current.Sum(d => d.Tokens.Length);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{source}: {text.Length:N0} chars in {documents.Count:N0} documents, {tokens:N0} tokens; best of 3, one thread"));
        for (var i = 0; i < best.Length; i++)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {pipeline.Stages[i].Name,-20} {best[i] * 1000,9:0.0} ms  {tokens / best[i],14:N0} tokens/s  (first round {first[i] * 1000:0.0} ms)"));
        }

        var total = best.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"all stages",-20} {total * 1000,9:0.0} ms  {tokens / total,14:N0} tokens/s"));
        var tagging = best.Take(best.Length - 1).Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"all but classifier",-20} {tagging * 1000,9:0.0} ms  {tokens / tagging,14:N0} tokens/s"));
        return 0;
    }
}
