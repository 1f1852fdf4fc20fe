using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ArgMiner.Numbers;
using ArgMiner.Pipeline;
using ArgMiner.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Throughput of the numbers stage on a tokenized, split document: about a megabyte of UD English EWT train
/// text (<c># text</c> lines, paragraphs from <c># newpar</c>) when <c>../shared</c> is present, else the seed
/// articles repeated. Tokens/s divides the document's token count by the mean time of one pass.
/// Run: <c>dotnet run -c Release --project src/ArgMiner.Benchmarks -- --filter '*Numbers*' --job short</c>.
/// </summary>
[Config(typeof(NumbersBenchmarkConfig))]
[MemoryDiagnoser]
public class NumbersBenchmarks
{
    private readonly NumericClaimStage _stage = new();
    private Document _document = null!;

    /// <summary>Tokens in the benchmark document (read by the Tokens/s column).</summary>
    public static int TokenCount { get; private set; }

    /// <summary>Builds the document and runs tokenizer and splitter once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (text, paragraphs, source) = BenchmarkText.Load(1_000_000);
        var builder = ImmutableArray.CreateBuilder<Paragraph>(paragraphs.Length);
        foreach (var (s, e) in paragraphs)
        {
            builder.Add(new Paragraph(s, e, Section.Body, null));
        }

        var doc = new Document { Id = "bench", Source = source, Text = text, Paragraphs = builder.MoveToImmutable() };
        _document = TextPipeline.CreateDefault().Process(doc);
        TokenCount = _document.Tokens.Length;
        var claims = _stage.Process(_document).Numbers.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// text: {source}, {text.Length:N0} chars, {TokenCount:N0} tokens, {_document.Sentences.Length:N0} sentences, {claims:N0} claims"));
    }

    /// <summary>The numbers stage over every sentence of the document.</summary>
    [Benchmark]
    public int NumbersStage() => _stage.Process(_document).Numbers.Length;
}

/// <summary>Adds the Tokens/s column for <see cref="NumbersBenchmarks"/>.</summary>
public sealed class NumbersBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public NumbersBenchmarkConfig()
    {
        AddColumn(new TokensPerSecondColumn(() =>
        {
            new NumbersBenchmarks().Setup();
            return NumbersBenchmarks.TokenCount;
        }));
    }
}
