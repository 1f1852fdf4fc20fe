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

    [Fact]
    public void Given_utf16_text_and_json_lines_files_with_a_bom_When_read_Then_both_give_documents()
    {
        using var dir = new TempDirectory();
        var utf16 = new System.Text.UnicodeEncoding(false, true);
        dir.WriteBytes("a.txt", [.. utf16.GetPreamble(), .. utf16.GetBytes("Plain text in UTF-16. It has two sentences.")]);
        dir.WriteBytes("b.jsonl", [.. utf16.GetPreamble(), .. utf16.GetBytes("{\"id\":\"r1\",\"body\":\"First.\"}\r\n{\"id\":\"r2\",\"body\":\"Second.\"}\r\n")]);
        var items = new InputEnumerator([dir.Path]).Read().ToList();
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal(["a", "r1", "r2"], items.Select(i => i.Document!.Id));
        Assert.Equal("Plain text in UTF-16. It has two sentences.", items[0].Document!.Text);
    }

    [Fact]
    public void Given_json_lines_with_windows_1252_records_When_read_Then_they_are_read_with_one_warning_for_the_file()
    {
        using var dir = new TempDirectory();
        var bytes = System.Text.Encoding.ASCII.GetBytes("{\"id\":\"a\",\"body\":\"It cost ?5.\"}\n{\"id\":\"b\",\"body\":\"Plain.\"}\n{\"id\":\"c\",\"body\":\"And ?6.\"}\n");
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'?')
            {
                bytes[i] = 0xA3;
            }
        }

        var path = dir.WriteBytes("r.jsonl", bytes);
        var warnings = new List<InputError>();
        var items = new InputEnumerator([path], warn: warnings.Add).Read().ToList();
        Assert.Equal(["It cost £5.", "Plain.", "And £6."], items.Select(i => i.Document!.Text));
        Assert.Equal($"{path}:1: not valid UTF-8 (byte 0xA3), read as Windows-1252", Assert.Single(warnings).ToString());
    }
}
