using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ArgMiner.Classification;
using ArgMiner.Models;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Models;

/// <summary>
/// The ML.NET model inside a model file is a zip of its own, which ML.NET extracts to temporary files without a limit:
/// its declared and inflated sizes are capped before ML.NET sees it (<see cref="ModelPackage.CheckNestedZip(byte[], string, string)"/>).
/// </summary>
public sealed class NestedZipCapTests
{
    /// <summary>A zip holding each of <paramref name="entries"/> (name, count of zero bytes), deflated.</summary>
    private static byte[] Zip(params (string Name, int Zeros)[] entries) => Zip(CompressionLevel.Optimal, entries);

    private static byte[] Zip(CompressionLevel level, params (string Name, int Zeros)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, zeros) in entries)
            {
                using var entry = zip.CreateEntry(name, level).Open();
                entry.Write(new byte[zeros]);
            }
        }

        return stream.ToArray();
    }

    /// <summary><paramref name="zip"/> with the uncompressed size its central directory (and local header) gives <paramref name="name"/> set to <paramref name="size"/>.</summary>
    private static byte[] WithDeclaredSize(byte[] zip, string name, uint size)
    {
        var bytes = (byte[])zip.Clone();
        var patched = 0;
        for (var at = 0; at + 46 <= bytes.Length; at++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
            if (signature == 0x02014B50 && Encoding.UTF8.GetString(bytes, at + 46, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 28))) == name)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 24), size);
                patched++;
            }
            else if (signature == 0x04034B50 && Encoding.UTF8.GetString(bytes, at + 30, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at + 26))) == name)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at + 22), size);
                patched++;
            }
        }

        Assert.Equal(2, patched);
        return bytes;
    }

    [Fact]
    public void GivenAnEntryDeclaringMoreThanTheCap_WhenChecked_ThenTheModelFileIsNamedAsCorrupt()
    {
        var ex = Assert.Throws<ModelFormatException>(() => ModelPackage.CheckNestedZip(Zip(("Model.key", 2000)), "m.model", "mlnet-model.zip", 1000));
        Assert.Equal("m.model: corrupt model file (mlnet-model.zip inflates to more than 1000 bytes, more than any model holds)", ex.Message);
    }

    [Fact]
    public void GivenEntriesThatAddUpToMoreThanTheCap_WhenChecked_ThenTheyAreRefusedThoughEachIsUnderIt()
    {
        var ex = Assert.Throws<ModelFormatException>(() => ModelPackage.CheckNestedZip(Zip(("a", 600), ("b", 600)), "m.model", "mlnet-model.zip", 1000));
        Assert.Contains("inflates to more than 1000 bytes", ex.Message, StringComparison.Ordinal);
        ModelPackage.CheckNestedZip(Zip(("a", 400), ("b", 600)), "m.model", "mlnet-model.zip", 1000);
    }

    [Fact]
    public void GivenAStoredEntryWhoseHeadersUnderstateItsSize_WhenChecked_ThenTheBytesItHoldsAreWhatCount()
    {
        // Headers that say 10 bytes: .NET stops a deflated entry there, but reads a stored one to its stored length (50,000).
        var lying = WithDeclaredSize(Zip(CompressionLevel.NoCompression, ("Model.key", 50_000)), "Model.key", 10);

        var ex = Assert.Throws<ModelFormatException>(() => ModelPackage.CheckNestedZip(lying, "m.model", "mlnet-model.zip", 1000));

        Assert.Equal("m.model: corrupt model file (mlnet-model.zip inflates to more than 1000 bytes, more than any model holds)", ex.Message);
        ModelPackage.CheckNestedZip(lying, "m.model", "mlnet-model.zip", 50_000);
    }

    [Fact]
    public void GivenTheShippedClassifier_WhenItsMlNetModelsAreChecked_ThenTheyPassFarBelowTheCap()
    {
        var package = ModelPackage.Load(Path.Combine(Repository.Root, "models", "sentence-classifier.model"), SentenceClassifier.Kind, int.MaxValue);
        foreach (var name in new[] { SentenceClassifier.MlNetEntry, DocumentContextModel.MlNetEntry })
        {
            var nested = package.Entries[name];
            ModelPackage.CheckNestedZip(nested, "sentence-classifier.model", name);
            using var zip = new ZipArchive(new MemoryStream(nested), ZipArchiveMode.Read);
            Assert.True(zip.Entries.Sum(e => e.Length) * 32 < ModelPackage.MaxNestedZipBytes, $"{name}: {zip.Entries.Sum(e => e.Length)} bytes");
        }
    }

    [Fact]
    public void GivenAModelFileWhoseMlNetModelDeclaresHalfAGigabyte_WhenClassifiedWithEngineMlnet_ThenOneLineNamesTheFileAndNothingIsExtracted()
    {
        // Only the headers are forged: a real 512 MB bomb is not written in a test. ML.NET used to be handed it as it was.
        using var dir = new TempDirectory();
        var package = SentenceClassifier.Load(Path.Combine(Repository.Root, "models", "sentence-classifier.model")).ToPackage();
        package.Entries[SentenceClassifier.MlNetEntry] = WithDeclaredSize(package.Entries[SentenceClassifier.MlNetEntry], "TransformerChain/Model/Model.key", 512u << 20);
        var path = dir.File("bomb.model");
        package.Save(path);
        var input = dir.Write("in.txt", "Prices rose by 10 percent last year.\n");

        var (exit, stdout, stderr) = Support.Cli.Run("classify", "--model", path, "--engine", "mlnet", "--input", input);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Equal($"argminer: {path}: corrupt model file (mlnet-model.zip inflates to more than 256 MB, more than any model holds)", stderr.TrimEnd('\n', '\r'));
    }
}
