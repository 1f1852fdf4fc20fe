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
        var (text, paragraphs, source) = LoadText(1_000_000);
        var builder = ImmutableArray.CreateBuilder<Paragraph>(paragraphs.Count);
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

    internal static (string Text, List<(int, int)> Paragraphs, string Source) LoadText(int minChars)
    {
        var root = FindRoot();
        var ewt = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "corpora", "ud-english-ewt", "en_ewt-ud-train.conllu"));
        var paragraphs = new List<string>();
        string source;
        if (ewt is not null && File.Exists(ewt))
        {
            source = "UD EWT train # text";
            var current = new StringBuilder();
            foreach (var line in File.ReadLines(ewt))
            {
                if (line.StartsWith("# newpar", StringComparison.Ordinal) || line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    if (current.Length > 0)
                    {
                        paragraphs.Add(current.ToString());
                        current.Clear();
                    }
                }
                else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                {
                    current.Append(current.Length > 0 ? " " : "").Append(line.AsSpan(9));
                }
            }

            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString());
            }
        }
        else
        {
            source = "seed articles";
            foreach (var file in Directory.GetFiles(Path.Combine(root ?? ".", "corpus", "articles"), "*.txt"))
            {
                paragraphs.AddRange(File.ReadAllLines(file).Where(l => l.Trim().Length > 0));
            }
        }

        var sb = new StringBuilder(minChars + 100_000);
        var spans = new List<(int, int)>();
        while (sb.Length < minChars && paragraphs.Count > 0)
        {
            foreach (var p in paragraphs)
            {
                spans.Add((sb.Length, sb.Length + p.Length));
                sb.Append(p).Append('\n');
                if (sb.Length >= minChars)
                {
                    break;
                }
            }
        }

        return (sb.ToString(), spans, source);
    }

    private static string? FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArgMiner.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName;
    }
}

/// <summary>Adds the Tokens/s column for <see cref="NumbersBenchmarks"/>.</summary>
public sealed class NumbersBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public NumbersBenchmarkConfig()
    {
        AddColumn(new NumbersTokensPerSecondColumn());
    }
}

/// <summary>Tokens of the benchmark document divided by the mean time of one pass of the numbers stage.</summary>
public sealed class NumbersTokensPerSecondColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => "NumbersTokensPerSecond";

    /// <inheritdoc/>
    public string ColumnName => "Tokens/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Tokens of the document per second of one pass of the numbers stage";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not double ns || ns <= 0)
        {
            return "n/a";
        }

        // The column runs in the host process: set the document up there once to count its tokens.
        if (NumbersBenchmarks.TokenCount == 0)
        {
            new NumbersBenchmarks().Setup();
        }

        return (NumbersBenchmarks.TokenCount / (ns / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
