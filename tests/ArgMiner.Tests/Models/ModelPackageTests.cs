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
}
