using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ArgMiner.Pipeline;
using ArgMiner.Segmentation;
using ArgMiner.Text;
using ArgMiner.Tokenization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Tokenizer and sentence splitter throughput over a few megabytes of real text: the <c># text</c> lines
/// of UD English EWT train (paragraphs rebuilt from <c># newpar</c>) when <c>../shared</c> is present,
/// else the seed articles repeated. The "Tokens/s" column divides the token count of the text by the
/// mean time of one pass. Run: <c>dotnet run -c Release --project src/ArgMiner.Benchmarks -- --filter '*Text*' --job short</c>.
/// </summary>
[Config(typeof(TextBenchmarkConfig))]
[MemoryDiagnoser]
public class TextBenchmarks
{
    private readonly RuleTokenizer _tokenizer = new();
    private readonly RuleSentenceSplitter _splitter = new();
    private readonly List<Token> _tokens = new(1 << 20);
    private readonly List<int> _lengths = [];
    private string _text = string.Empty;
    private (int Start, int End)[] _paragraphs = [];
    private Document _document = null!;
    private TextPipeline _pipeline = null!;

    /// <summary>The number of tokens in the benchmark text (set in setup; read by the Tokens/s column).</summary>
    public static int TokenCount { get; private set; }

    /// <summary>Loads and tokenizes the text once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var (text, paragraphs, source) = BenchmarkText.Load(3_000_000);
        _text = text;
        _paragraphs = paragraphs;
        _tokens.Clear();
        foreach (var (s, e) in _paragraphs)
        {
            _tokenizer.Tokenize(_text, s, e, _tokens);
        }

        TokenCount = _tokens.Count;
        var builder = ImmutableArray.CreateBuilder<Paragraph>(_paragraphs.Length);
        foreach (var (s, e) in _paragraphs)
        {
            builder.Add(new Paragraph(s, e, Section.Body, null));
        }

        _document = new Document { Id = "bench", Source = source, Text = _text, Paragraphs = builder.MoveToImmutable() };
        _pipeline = TextPipeline.CreateDefault();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// text: {source}, {_text.Length:N0} chars, {_paragraphs.Length:N0} paragraphs, {TokenCount:N0} tokens"));
    }

    /// <summary>The tokenizer alone, paragraph by paragraph, into one reused list.</summary>
    [Benchmark]
    public int Tokenize()
    {
        _tokens.Clear();
        foreach (var (s, e) in _paragraphs)
        {
            _tokenizer.Tokenize(_text, s, e, _tokens);
        }

        return _tokens.Count;
    }

    /// <summary>Tokenizer and sentence splitter, paragraph by paragraph, reusing buffers.</summary>
    [Benchmark]
    public int TokenizeAndSplit()
    {
        var sentences = 0;
        foreach (var (s, e) in _paragraphs)
        {
            _tokens.Clear();
            _lengths.Clear();
            _tokenizer.Tokenize(_text, s, e, _tokens);
            _splitter.Split(_text, CollectionsMarshal.AsSpan(_tokens), _lengths);
            sentences += _lengths.Count;
        }

        return sentences;
    }

    /// <summary>The pipeline's two stages on a document (building the immutable token and sentence layers).</summary>
    [Benchmark]
    public int PipelineStages() => _pipeline.Process(_document).Sentences.Length;

}

/// <summary>Adds the Tokens/s column.</summary>
public sealed class TextBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public TextBenchmarkConfig()
    {
        AddColumn(new TokensPerSecondColumn(() =>
        {
            new TextBenchmarks().Setup();
            return TextBenchmarks.TokenCount;
        }));
    }
}

/// <summary>Tokens of the benchmark text divided by the mean time of one operation.</summary>
/// <param name="countTokens">The benchmark's token count, computed in the host process (the benchmark ran in a child).</param>
public sealed class TokensPerSecondColumn(Func<int> countTokens) : IColumn
{
    private readonly Lazy<int> _tokens = new(countTokens);

    /// <inheritdoc/>
    public string Id => "TokensPerSecond";

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
    public string Legend => "Tokens of the text per second of one pass (token count printed in the log)";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var report = summary[benchmarkCase];
        var mean = report?.ResultStatistics?.Mean;
        if (mean is not double ns || ns <= 0)
        {
            return "n/a";
        }

        // The column runs in the host process; the token count is recomputed there once.
        return (_tokens.Value / (ns / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
