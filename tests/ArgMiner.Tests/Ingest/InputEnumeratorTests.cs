using ArgMiner.Ingest;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Ingest;

public class InputEnumeratorTests
{
    [Fact]
    public void GivenAFolderTree_WhenEnumerated_ThenTxtAndJsonlFilesComeInOrdinalOrderWithRelativeIds()
    {
        using var dir = new TempDirectory();
        dir.Write("b.txt", "B text.");
        dir.Write("sub/a.txt", "A text.");
        dir.Write("a.jsonl", "{\"body\":\"x\"}");
        dir.Write("notes.md", "ignored");
        var files = new InputEnumerator([dir.Path]).Files().ToList();
        Assert.Equal(["a", "b", "sub/a"], files.Select(f => f.Id));
        Assert.Equal(InputFormat.JsonLines, files[0].Format);
    }

    [Fact]
    public void GivenAMissingPath_WhenRead_ThenOneErrorNamesIt()
    {
        var items = new InputEnumerator(["/no/such/place.txt"]).Read().ToList();
        Assert.Equal("/no/such/place.txt: no such file or folder", items.Single().Error!.ToString());
    }

    [Fact]
    public void GivenStandardInputWithJson_WhenRead_ThenItIsReadAsJsonLines()
    {
        var stdin = new MemoryStream("{\"id\":\"s\",\"body\":\"From a pipe.\"}\n"u8.ToArray());
        var item = new InputEnumerator(["-"], () => stdin).Read().Single();
        Assert.Equal("s", item.Document!.Id);
    }

    [Fact]
    public void GivenStandardInputWithText_WhenRead_ThenItIsOnePlainDocument()
    {
        var stdin = new MemoryStream("Plain text from a pipe.\n"u8.ToArray());
        var item = new InputEnumerator(["-"], () => stdin).Read().Single();
        Assert.Equal("stdin", item.Document!.Id);
        Assert.Equal("-", item.Document.Source);
    }
}
