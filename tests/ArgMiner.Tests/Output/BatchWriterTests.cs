using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ArgMiner.Classification;
using ArgMiner.Numbers;
using ArgMiner.Output;
using ArgMiner.Tagging;
using ArgMiner.Tests.Support;
using ArgMiner.Text;

namespace ArgMiner.Tests.Output;

public class BatchWriterTests
{
    // "🖤 " shifts every later UTF-16 offset by one relative to code points.
    private const string Text = "🖤 Reuters said =over 100 attacks.";

    private static Document Sample()
    {
        int At(string s) => Text.IndexOf(s, StringComparison.Ordinal);
        return new Document
        {
            Id = "-doc",
            Source = "in.txt",
            Text = Text,
            Paragraphs = [new Paragraph(0, Text.Length, Section.Body, null)],
            Tokens = [new Token(0, 2), new Token(At("Reuters"), At("Reuters") + 7), new Token(At("said"), At("said") + 4), new Token(At("=over"), At("=over") + 5), new Token(At("100"), At("100") + 3), new Token(At("attacks"), At("attacks") + 7), new Token(Text.Length - 1, Text.Length)],
            Sentences = [new Sentence(0, Text.Length, Section.Body, 0, null, 0, 7)],
            Pos = ["SYM", "PROPN", "VERB", "ADP", "NUM", "NOUN", "PUNCT"],
            Entities = [new Entity(At("Reuters"), At("Reuters") + 7, "ORG", EntitySource.Gazetteer, 0)],
            Numbers = [new NumericClaim { Start = At("=over"), End = At("attacks") + 7, Sentence = 0, Kind = "count", Value = 100, Qualifier = "more_than", Counted = "attacks", Source = "Reuters" }],
            Labels = [new SentencePrediction("evidence", 0.7, [0.1, 0.7, 0.05, 0.15])],
        };
    }

    private static string[] Lines(string path) => Encoding.UTF8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void GivenAStopRequestedBeforeTheSecondDocument_WhenItIsWritten_ThenTheWriteStopsAndAbandoningLeavesNoFile()
    {
        // A plain run stopped while writing a long document abandons its files (session 37): nothing half-written is kept.
        using var dir = new TempDirectory();
        using var stop = new CancellationTokenSource();
        var writer = new BatchWriter(dir.Path, OutputFormats.Csv | OutputFormats.JsonLines | OutputFormats.Xlsx | OutputFormats.Html | OutputFormats.Parquet);
        writer.Write(DocumentContext.Of(Sample()), stop.Token);
        stop.Cancel();

        Assert.Throws<OperationCanceledException>(() => writer.Write(DocumentContext.Of(Sample() with { Id = "second" }), stop.Token));
        writer.Dispose();

        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [PathFact("/dev/full")] // Linux's always-full device stands in for a full disk
    public void GivenAFullDisk_WhenAnUncommittedBatchIsAbandoned_ThenEveryTemporaryFileGoesThoughClosingTheFirstFails()
    {
        using var dir = new TempDirectory();
        // The first table's temporary name points at /dev/full: closing it fails (ENOSPC), as every file does on a full disk.
        File.CreateSymbolicLink(Path.Combine(dir.Path, ".documents.csv.partial"), "/dev/full");
        var writer = new BatchWriter(dir.Path, OutputFormats.Csv | OutputFormats.JsonLines);
        writer.Write(DocumentContext.Of(Sample()));

        writer.Dispose();

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void GivenADocumentWithEveryLayer_WhenWritten_ThenEachTableHasItsRowWithCodePointOffsets()
    {
        using var dir = new TempDirectory();
        using (var writer = new BatchWriter(dir.Path, OutputFormats.All))
        {
            writer.Write(DocumentContext.Of(Sample()));
            writer.Commit();
        }

        Assert.Equal("doc_id,sentence_id,section,paragraph,comment,start,end,text,entities,numbers,label,confidence,p_claim,p_evidence,p_opinion,p_other,comment_id,comment_author", Lines(dir.File("sentences.csv"))[0]);
        // The id "-doc" begins like a formula and is guarded in every CSV file (documents.jsonl keeps it as it is).
        Assert.Equal("'-doc,0,body,0,,0,33,🖤 Reuters said =over 100 attacks.,1,1,evidence,0.7000,0.1000,0.7000,0.0500,0.1500,,", Lines(dir.File("sentences.csv"))[1]);
        Assert.Equal(["doc_id,sentence_id,start,end,text,type,source", "'-doc,0,2,9,Reuters,ORG,gazetteer"], Lines(dir.File("entities.csv")));
        Assert.Equal("'-doc,0,15,32,'=over 100 attacks,count,100,,,more_than,,,attacks,,Reuters", Lines(dir.File("numbers.csv"))[1]);

        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("documents.jsonl")));
        var root = json.RootElement;
        Assert.Equal("PROPN", root.GetProperty("sentences")[0].GetProperty("tokens")[1].GetProperty("pos").GetString());
        Assert.Equal("evidence", root.GetProperty("sentences")[0].GetProperty("label").GetString());
        Assert.Equal(0.7, root.GetProperty("sentences")[0].GetProperty("probabilities").GetProperty("evidence").GetDouble());
        Assert.Equal(2, root.GetProperty("entities")[0].GetProperty("start").GetInt32());
        Assert.Equal("more_than", root.GetProperty("numbers")[0].GetProperty("qualifier").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("numbers")[0].GetProperty("low").ValueKind);
    }

    [Fact]
    public void GivenReaderCommentsWithIdsAndAuthors_WhenWritten_ThenEachCommentSentenceRowNamesThem()
    {
        var document = ArgMiner.Ingest.DocumentReaders.Compose("d", "in.jsonl:1", null, "Body.", [("First comment.", "c1", "=Ann"), ("Second one.", null, null)]);
        var comment0 = document.Paragraphs.First(p => p.Comment == 0);
        var comment1 = document.Paragraphs.First(p => p.Comment == 1);
        document = document with
        {
            Sentences =
            [
                new Sentence(0, 5, Section.Body, 0, null, 0, 0),
                new Sentence(comment0.Start, comment0.End, Section.Comment, 1, 0, 0, 0),
                new Sentence(comment1.Start, comment1.End, Section.Comment, 2, 1, 0, 0),
            ],
        };
        using var dir = new TempDirectory();
        using (var writer = new BatchWriter(dir.Path, OutputFormats.Csv))
        {
            writer.Write(DocumentContext.Of(document));
            writer.Commit();
        }

        var rows = Lines(dir.File("sentences.csv"));
        Assert.EndsWith(",,", rows[1], StringComparison.Ordinal);
        Assert.EndsWith(",c1,'=Ann", rows[2], StringComparison.Ordinal);
        Assert.EndsWith(",,", rows[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAFigureBeyondADouble_WhenWrittenInEveryFormat_ThenEachLeavesItsValueEmptyAsTheJsonLinesFileDoes()
    {
        // "1e400" parses to infinity: the CSV said "Infinity", the workbook held that as text in a number column,
        // Parquet held +inf and the report showed it, while documents.jsonl wrote null.
        var document = Sample() with { Numbers = [new NumericClaim { Start = 0, End = 2, Sentence = 0, Kind = "count", Value = double.PositiveInfinity, Low = double.NegativeInfinity, High = double.NaN }] };
        using var dir = new TempDirectory();
        using (var writer = new BatchWriter(dir.Path, OutputFormats.All | OutputFormats.Xlsx | OutputFormats.Html | OutputFormats.Parquet))
        {
            writer.Write(DocumentContext.Of(document));
            writer.Commit();
        }

        Assert.Equal("'-doc,0,0,1,🖤,count,,,,,,,,,", Lines(dir.File("numbers.csv"))[1]);
        using var json = JsonDocument.Parse(File.ReadAllText(dir.File("documents.jsonl")));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("numbers")[0].GetProperty("value").ValueKind);
        await using (var stream = File.OpenRead(dir.File("numbers.parquet")))
        await using (var reader = await Parquet.ParquetReader.CreateAsync(stream))
        {
            using var group = reader.OpenRowGroupReader(0);
            foreach (var name in new[] { "value", "low", "high" })
            {
                var values = new double?[1];
                await group.ReadAsync<double>(reader.Schema.GetDataFields().Single(f => f.Name == name), values.AsMemory());
                Assert.Null(values[0]);
            }
        }

        using var workbook = System.IO.Compression.ZipFile.OpenRead(dir.File("argminer.xlsx"));
        foreach (var entry in workbook.Entries)
        {
            using var part = new StreamReader(entry.Open());
            Assert.DoesNotContain("Infinity", part.ReadToEnd(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Infinity", File.ReadAllText(dir.File("report.html")), StringComparison.Ordinal);
    }
}
