using System.Text;
using System.Text.Json;
using ArgMiner.Ingest;
using ArgMiner.Output;
using ArgMiner.Pipeline;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Output;

public class DocumentRecordsTests
{
    private static readonly TextPipeline Full = TextPipeline.CreateFull();

    private static List<Document> Processed(TempDirectory dir)
    {
        dir.Write("in/a.txt", "Emoji 🖤 title\nPrices rose by 5 percent in Ohio, said Dr. Smith. We must act now!\n\n\nnice 🖤\n");
        dir.Write("in/b.jsonl", "{\"id\":\"r1\",\"title\":\"T\",\"body\":\"Unemployment fell to 3.5% in 2023. That is good.\",\"tags\":[1,\"x\",{\"k\":null}],\"comments\":[{\"id\":\"c1\",\"author\":\"Ann\",\"text\":\"I disagree.\"}]}\n");
        return [.. new InputEnumerator([dir.File("in")]).Read().Select(i => Full.Process(i.Document!))];
    }

    private static string Json(Document document)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            DocumentJsonWriter.WriteDocument(json, DocumentContext.Of(document));
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [Fact]
    public void GivenAStopRequestedAfterTheFirstRecord_WhenRecordsAreRead_ThenReadingStopsBeforeTheNext()
    {
        // merge read one 46 MB document's record for about 10 s after SIGTERM before it stopped (session 37).
        using var dir = new TempDirectory();
        var document = TextPipeline.CreateDefault().Process(DocumentReaders.Compose("long", "in/long.txt", null, string.Join("\n\n", Enumerable.Range(0, 100_000).Select(i => $"Paragraph {i} is here.")), []));
        var path = dir.File("r.bin");
        using (var writer = new DocumentRecordWriter(path))
        {
            writer.Write(document, 0);
            writer.Write(document with { Id = "second" }, 0);
            writer.Flush();
        }

        using var stop = new CancellationTokenSource();
        var read = new List<string>();

        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var (record, _) in DocumentRecords.ReadAll(path, new FileInfo(path).Length, stop.Token))
            {
                read.Add(record.Id);
                stop.Cancel();
            }
        });

        // Both records are in one block, already decompressed: the stop is found while the second one's layers are read.
        Assert.Equal(["long"], read);
        Assert.Equal(2, DocumentRecords.ReadAll(path, new FileInfo(path).Length).Count());
    }

    [Theory]
    [InlineData(2)] // the block's length
    [InlineData(10)] // its SHA-256
    [InlineData(-1)] // the last byte of its data
    [InlineData(-300)] // inside its data
    public void GivenRecordsWithOneByteChanged_WhenChecked_ThenTheDamagedBlockIsNamedAndReadingRefusesIt(int at)
    {
        using var dir = new TempDirectory();
        var documents = Processed(dir);
        var path = dir.File("r.bin");
        using (var writer = new DocumentRecordWriter(path))
        {
            foreach (var document in documents)
            {
                writer.Write(document, 0);
            }

            writer.Flush();
        }

        var length = new FileInfo(path).Length;
        Assert.Null(DocumentRecords.Damage(path, length));
        var bytes = File.ReadAllBytes(path);
        bytes[at >= 0 ? at : bytes.Length + at] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var damage = DocumentRecords.Damage(path, length);
        Assert.NotNull(damage);
        Assert.Contains("a damaged block at byte 0", damage, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => DocumentRecords.ReadAll(path, length).ToList());
    }

    [Fact]
    public void GivenProcessedDocuments_WhenStoredAndReadBack_ThenEveryLayerIsTheSame()
    {
        using var dir = new TempDirectory();
        var documents = Processed(dir);
        using (var writer = new DocumentRecordWriter(dir.File("r.bin")))
        {
            for (var i = 0; i < documents.Count; i++)
            {
                writer.Write(documents[i], i + 10);
            }

            writer.Flush();
        }

        var back = DocumentRecords.ReadAll(dir.File("r.bin"), new FileInfo(dir.File("r.bin")).Length).ToList();
        Assert.Equal(documents.Count, back.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            var (d, fileIndex) = back[i];
            Assert.Equal(i + 10, fileIndex);
            Assert.Equal(Json(documents[i]), Json(d));
            Assert.Equal(documents[i].Tokens.ToArray(), d.Tokens.ToArray());
            Assert.Equal(documents[i].Pos.ToArray(), d.Pos.ToArray());
            Assert.Equal(documents[i].Numbers.ToArray(), d.Numbers.ToArray());
            Assert.Equal(documents[i].Layers, d.Layers);
            Assert.Equal(documents[i].Labels.Select(l => (l.Label, l.Confidence, string.Join(',', l.Probabilities.Select(p => p.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))), d.Labels.Select(l => (l.Label, l.Confidence, string.Join(',', l.Probabilities.Select(p => p.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))));
        }
    }

    [Fact]
    public void GivenAFileCutBackToACheckpoint_WhenAppendedTo_ThenOnlyTheCheckpointedRecordsAndTheNewOnesAreRead()
    {
        using var dir = new TempDirectory();
        var documents = Processed(dir);
        long checkpoint;
        using (var writer = new DocumentRecordWriter(dir.File("r.bin")))
        {
            writer.Write(documents[0], 0);
            writer.Flush();
            checkpoint = writer.Length;
            writer.Write(documents[1], 1);
            writer.Flush();
        }

        using (var writer = new DocumentRecordWriter(dir.File("r.bin"), checkpoint))
        {
            writer.Write(documents[1], 7);
            writer.Flush();
        }

        var back = DocumentRecords.ReadAll(dir.File("r.bin"), new FileInfo(dir.File("r.bin")).Length).Select(r => r.FileIndex).ToList();
        Assert.Equal([0, 7], back);
        Assert.Throws<InvalidDataException>(() => DocumentRecords.ReadAll(dir.File("r.bin"), checkpoint + 3).ToList());
    }

    [Fact]
    public void GivenBlocksOfDifferentSizes_WhenWrittenAndReadBackThroughReusedBuffers_ThenNoBlockCarriesAnotherOnesBytes()
    {
        // The writer and the reader reuse one compressed and one uncompressed buffer for every block: a small block
        // after a large one must not read on into what the large one left in them.
        using var dir = new TempDirectory();
        var documents = Processed(dir);
        int[][] blocks = [[0, 1, 0, 1, 0], [1], [0, 0], [1, 0, 1]];
        var order = new List<int>();
        using (var writer = new DocumentRecordWriter(dir.File("r.bin")))
        {
            foreach (var block in blocks)
            {
                foreach (var k in block)
                {
                    writer.Write(documents[k], order.Count);
                    order.Add(k);
                }

                writer.Flush();
            }
        }

        var back = DocumentRecords.ReadAll(dir.File("r.bin"), new FileInfo(dir.File("r.bin")).Length).ToList();
        Assert.Equal(Enumerable.Range(0, order.Count), back.Select(r => r.FileIndex));
        Assert.Equal(order.Select(k => Json(documents[k])), back.Select(r => Json(r.Document)));
    }
}
