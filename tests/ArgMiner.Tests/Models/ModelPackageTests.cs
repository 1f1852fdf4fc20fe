using System.IO.Compression;
using System.Text.Json.Nodes;
using ArgMiner.Models;

namespace ArgMiner.Tests.Models;

public sealed class ModelPackageTests
{
    [Fact]
    public void GivenWeightsAndText_WhenSaved_ThenBinaryEntriesAreStoredAndTextIsDeflatedAndBothReadBack()
    {
        var package = new ModelPackage("test-kind", 1, new JsonObject { ["note"] = "x" });
        var weights = new byte[4096];
        new Random(5).NextBytes(weights);
        var names = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("feature name\n", 500)));
        package.Entries["weights.bin"] = weights;
        package.Entries["ml.zip"] = weights[..1000];
        package.Entries["feature-names.tsv"] = names;

        using var stream = new MemoryStream();
        package.Write(stream);
        stream.Position = 0;
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
        {
            Assert.Equal(weights.Length, zip.GetEntry("weights.bin")!.CompressedLength);
            Assert.Equal(1000, zip.GetEntry("ml.zip")!.CompressedLength);
            Assert.True(zip.GetEntry("feature-names.tsv")!.CompressedLength < names.Length / 10);
        }

        stream.Position = 0;
        var read = ModelPackage.Read(stream, "test", "test-kind", 1);
        Assert.Equal(weights, read.Entries["weights.bin"]);
        Assert.Equal(names, read.Entries["feature-names.tsv"]);
    }

    /// <summary>A model file of 12 MB or so whose manifest.json inflates to <paramref name="bytes"/> of spaces and then a valid manifest.</summary>
    private static void WriteManifestBomb(string path, long bytes)
    {
        using var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        using var manifest = zip.CreateEntry("manifest.json", CompressionLevel.Optimal).Open();
        var spaces = new byte[1 << 20];
        Array.Fill(spaces, (byte)' ');
        for (long written = 0; written < bytes; written += spaces.Length)
        {
            manifest.Write(spaces);
        }

        manifest.Write("{\"signature\":\"argminer-model\",\"kind\":\"test-kind\",\"formatVersion\":1}"u8);
    }

    [Fact]
    public void GivenAManifestThatInflatesToGigabytes_WhenLoaded_ThenItIsRefusedAsCorruptNotAStackTrace()
    {
        var dir = Directory.CreateTempSubdirectory("argminer-package-");
        try
        {
            // 2.5 GB of white space: JsonNode.Parse's whole-stream read overflowed (OverflowException, exit 134) until session 34.
            var path = Path.Combine(dir.FullName, "bomb.model");
            WriteManifestBomb(path, 2560L << 20);
            var ex = Assert.Throws<ModelFormatException>(() => ModelPackage.Load(path, "test-kind", 1));
            Assert.Equal($"{path}: corrupt model file (its manifest.json is larger than any model's)", ex.Message);
            Assert.Null(ModelPackage.KindOf(path));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void GivenEntriesThatAddUpToMoreThanAnyModel_WhenLoaded_ThenItIsRefusedBeforeAnyIsRead()
    {
        var dir = Directory.CreateTempSubdirectory("argminer-package-");
        try
        {
            var path = Path.Combine(dir.FullName, "big.model");
            using (var zip = new ZipArchive(File.Create(path), ZipArchiveMode.Create))
            {
                using (var manifest = zip.CreateEntry("manifest.json").Open())
                {
                    manifest.Write("{\"signature\":\"argminer-model\",\"kind\":\"test-kind\",\"formatVersion\":1}"u8);
                }

                // Five entries of 1 GiB of zeros each, each within the one-entry limit: 5 GiB read into memory before.
                var zeros = new byte[1 << 20];
                for (var i = 0; i < 5; i++)
                {
                    using var entry = zip.CreateEntry($"part-{i}.bin", CompressionLevel.Optimal).Open();
                    for (var mb = 0; mb < 1024; mb++)
                    {
                        entry.Write(zeros);
                    }
                }
            }

            var ex = Assert.Throws<ModelFormatException>(() => ModelPackage.Load(path, "test-kind", 1));
            Assert.Equal($"{path}: corrupt model file (its entries add up to more than any model holds)", ex.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void GivenAModelFileWithOneStoredByteFlipped_WhenLoaded_ThenItIsRefusedAsCorruptNamingTheEntry()
    {
        var dir = Directory.CreateTempSubdirectory("argminer-package-");
        try
        {
            var path = Path.Combine(dir.FullName, "m.model");
            var package = new ModelPackage("test-kind", 1, []);
            var weights = new byte[4096];
            new Random(5).NextBytes(weights);
            package.Entries["weights.bin"] = weights;
            package.Save(path);
            Assert.Equal(weights, ModelPackage.Load(path, "test-kind", 1).Entries["weights.bin"]);

            // A bit flip in the stored weights (a bad sector, a bad copy): the archive's own CRC-32 no longer matches.
            var bytes = File.ReadAllBytes(path);
            var at = bytes.AsSpan().IndexOf(weights.AsSpan(0, 64)) + 100;
            bytes[at] ^= 0x10;
            File.WriteAllBytes(path, bytes);

            var ex = Assert.Throws<ModelFormatException>(() => ModelPackage.Load(path, "test-kind", 1));
            Assert.Equal($"{path}: corrupt model file (weights.bin does not match its checksum)", ex.Message);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
