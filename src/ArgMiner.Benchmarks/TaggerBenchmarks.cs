using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Text;
using BenchmarkDotNet.Attributes;

namespace ArgMiner.Benchmarks;

/// <summary>
/// Speed of the POS tagger and the entity recogniser on the seed articles (corpus/articles, each copied
/// ten times), one core. Tokens per second = <see cref="Tokens"/> / mean time; the setup prints the count.
/// Run: <c>dotnet run -c Release --project src/ArgMiner.Benchmarks -- --filter '*TaggerBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
public class TaggerBenchmarks
{
    private Document[] _raw = [];
    private Document[] _split = [];
    private PosTaggerStage _pos = null!;
    private EntityRecognizerStage _ner = null!;
    private TextPipeline _default = null!;
    private TextPipeline _tagging = null!;

    /// <summary>Tokens in one pass over the documents.</summary>
    public int Tokens { get; private set; }

    /// <summary>Reads the articles and runs the tokenizer and splitter once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "corpus", "articles")))
        {
            dir = dir.Parent;
        }

        var articles = Directory.GetFiles(Path.Combine(dir!.FullName, "corpus", "articles"), "*.txt").Order(StringComparer.Ordinal).ToArray();
        _raw = [.. Enumerable.Range(0, 10).SelectMany(i => articles.Select(a =>
            DocumentReaders.ReadPlainText(File.ReadAllBytes(a), a, $"{Path.GetFileNameWithoutExtension(a)}-{i}").Document!))];
        _default = TextPipeline.CreateDefault();
        _tagging = TextPipeline.CreateTagging();
        _split = [.. _raw.Select(_default.Process)];
        _pos = ShippedModels.CreatePosStage();
        _ner = ShippedModels.CreateEntityStage();
        Tokens = _split.Sum(d => d.Tokens.Length);
        Console.WriteLine($"// TaggerBenchmarks: {Tokens} tokens per operation");
    }

    /// <summary>POS tagging of already tokenized and split documents.</summary>
    [Benchmark]
    public int Pos()
    {
        var n = 0;
        foreach (var d in _split)
        {
            n += _pos.Process(d).Pos.Length;
        }

        return n;
    }

    /// <summary>Entity recognition (model + gazetteer) of already tokenized and split documents.</summary>
    [Benchmark]
    public int Ner()
    {
        var n = 0;
        foreach (var d in _split)
        {
            n += _ner.Process(d).Entities.Length;
        }

        return n;
    }

    /// <summary>Tokenize + split only (the baseline the tagging adds to).</summary>
    [Benchmark(Baseline = true)]
    public int TokenizeSplit()
    {
        var n = 0;
        foreach (var d in _raw)
        {
            n += _default.Process(d).Sentences.Length;
        }

        return n;
    }

    /// <summary>Tokenize + split + POS + NER.</summary>
    [Benchmark]
    public int FullTagging()
    {
        var n = 0;
        foreach (var d in _raw)
        {
            n += _tagging.Process(d).Entities.Length;
        }

        return n;
    }
}
