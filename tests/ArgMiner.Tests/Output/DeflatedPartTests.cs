using ArgMiner.Output.Xlsx;
using ArgMiner.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using ICSharpCode.SharpZipLib.Zip;

namespace ArgMiner.Tests.Output;

/// <summary>
/// A sheet's rows are deflated during the batch and the XML around them at the end, and the zip entry is the pieces
/// one after another (<see cref="DeflatedPart.Join"/>), its CRC-32 combined from theirs (<see cref="Crc32Combine"/>).
/// </summary>
public sealed class DeflatedPartTests
{
    [Fact]
    public void GivenTwoByteRuns_WhenTheirCrcsAreCombined_ThenTheResultIsTheCrcOfBothInOrder()
    {
        var property = Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), ArbMap.Default.ArbFor<byte[]>(), (a, b) =>
            Crc32Combine.Combine(Crc32Reference.Of(a), Crc32Reference.Of(b), b.Length) == Crc32Reference.Of([.. a, .. b]));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void GivenALongSecondRun_WhenCombined_ThenEveryBitOfItsLengthCounts()
    {
        // Lengths with high bits set (the rows of a large sheet run to hundreds of megabytes).
        var a = "<worksheet>"u8.ToArray();
        foreach (var length in new[] { 1, 255, 256, 65_537, 3_000_001 })
        {
            var b = Enumerable.Range(0, length).Select(i => (byte)(i * 31 % 251)).ToArray();
            Assert.Equal(Crc32Reference.Of([.. a, .. b]), Crc32Combine.Combine(Crc32Reference.Of(a), Crc32Reference.Of(b), b.Length));
        }
    }

    [Fact]
    public void GivenPartsSplitIntoPieces_WhenJoinedIntoAZip_ThenEachEntryReadsBackWholeWithItsCrc()
    {
        using var dir = new TempDirectory();
        var property = Prop.ForAll(ArbMap.Default.ArbFor<byte[][]>(), chunks =>
        {
            chunks = [.. chunks.Where(c => c is not null)];
            var zipped = new MemoryStream();
            using (var zip = new ZipOutputStream(zipped) { IsStreamOwner = false })
            {
                // Every chunk a piece of its own; the first ones in temporary files, as the rows are.
                var pieces = new List<DeflatedPiece?>();
                for (var i = 0; i < chunks.Length; i++)
                {
                    var chunk = chunks[i];
                    pieces.Add(DeflatedPiece.Write(i % 2 == 0 ? dir.Path : null, $"piece{i}", s => s.Write(chunk), final: false));
                }

                pieces.Add(null);
                pieces.Add(DeflatedPiece.Write(null, "end", s => s.Write("</worksheet>"u8), final: true));
                using var part = DeflatedPart.Join("part.xml", pieces);
                part.CopyTo(zip);
                zip.Finish();
            }

            zipped.Position = 0;
            using var read = new System.IO.Compression.ZipArchive(zipped);
            var entry = Assert.Single(read.Entries);
            using var data = new MemoryStream();
            using (var input = entry.Open())
            {
                input.CopyTo(data);
            }

            byte[] expected = [.. chunks.SelectMany(c => c), .. "</worksheet>"u8.ToArray()];
            return data.ToArray().SequenceEqual(expected) && entry.Crc32 == Crc32Reference.Of(expected) && entry.Length == expected.Length;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), property);
    }

    [Fact]
    public void GivenALastPieceLeftOpen_WhenJoined_ThenThePartIsRefused()
    {
        var open = DeflatedPiece.Write(null, "rows", s => s.Write("<row/>"u8), final: false);
        Assert.Throws<ArgumentException>(() => DeflatedPart.Join("part.xml", [open]));
    }
}
