using ArgMiner.Ingest;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Ingest;

public class InputEnumeratorTests
{
    [Fact]
    public void Given_a_folder_tree_When_enumerated_Then_txt_and_jsonl_files_come_in_ordinal_order_with_relative_ids()
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
    public void Given_a_missing_path_When_read_Then_one_error_names_it()
    {
        var items = new InputEnumerator(["/no/such/place.txt"]).Read().ToList();
        Assert.Equal("/no/such/place.txt: no such file or folder", items.Single().Error!.ToString());
    }

    [Fact]
    public void Given_standard_input_with_json_When_read_Then_it_is_read_as_json_lines()
    {
        var stdin = new MemoryStream("{\"id\":\"s\",\"body\":\"From a pipe.\"}\n"u8.ToArray());
        var item = new InputEnumerator(["-"], () => stdin).Read().Single();
        Assert.Equal("s", item.Document!.Id);
    }

    [Fact]
    public void Given_standard_input_with_text_When_read_Then_it_is_one_plain_document()
    {
        var stdin = new MemoryStream("Plain text from a pipe.\n"u8.ToArray());
        var item = new InputEnumerator(["-"], () => stdin).Read().Single();
        Assert.Equal("stdin", item.Document!.Id);
        Assert.Equal("-", item.Document.Source);
    }
}
