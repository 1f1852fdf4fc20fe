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

    [Fact]
    public void Given_a_folder_link_that_loops_back_When_enumerated_Then_each_file_is_read_once_and_the_link_is_named()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A text.");
        dir.Write("in/sub/b.txt", "B text.");
        Directory.CreateSymbolicLink(dir.File("in/sub/loop"), dir.File("in"));
        var warnings = new List<InputError>();
        var items = new InputEnumerator([dir.File("in")], warn: warnings.Add).Read().ToList();
        Assert.Equal(["a", "sub/b"], items.Select(i => i.Document!.Id));
        Assert.Contains(warnings, w => w.Path.EndsWith("sub/loop", StringComparison.Ordinal) && w.Message.Contains("not followed", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_folder_link_to_another_place_When_enumerated_Then_it_is_followed()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A text.");
        dir.Write("elsewhere/c.txt", "C text.");
        Directory.CreateSymbolicLink(dir.File("in/more"), dir.File("elsewhere"));
        var items = new InputEnumerator([dir.File("in")]).Read().ToList();
        Assert.Equal(["a", "more/c"], items.Select(i => i.Document!.Id));
    }

    [Fact]
    public void Given_hidden_files_and_folders_When_enumerated_Then_they_are_skipped_with_one_line_naming_them()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A text.");
        dir.Write("in/.draft.txt", "Hidden draft.");
        dir.Write("in/.cache/x.jsonl", "{\"body\":\"cached\"}");
        var warnings = new List<InputError>();
        var items = new InputEnumerator([dir.File("in")], warn: warnings.Add).Read().ToList();
        Assert.Equal(["a"], items.Select(i => i.Document!.Id));
        var note = Assert.Single(warnings);
        Assert.Contains(".draft.txt", note.Message, StringComparison.Ordinal);
        Assert.Contains(".cache/", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_two_records_with_the_same_id_When_read_Then_the_second_gets_a_numbered_id_and_a_warning()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("r.jsonl", "{\"id\":\"a\",\"body\":\"One.\"}\n{\"id\":\"a\",\"body\":\"Two.\"}\n{\"id\":\"a~2\",\"body\":\"Three.\"}\n");
        var warnings = new List<InputError>();
        var items = new InputEnumerator([path], warn: warnings.Add).Read().ToList();
        Assert.Equal(["a", "a~2", "a~2~2"], items.Select(i => i.Document!.Id));
        Assert.Equal($"{path}:2: duplicate id 'a' (an earlier document has it), renamed 'a~2'", warnings[0].ToString());
        Assert.Equal(2, warnings.Count);
    }

    [Fact]
    public void Given_files_of_the_same_name_in_two_input_folders_When_read_Then_their_ids_stay_unique()
    {
        using var dir = new TempDirectory();
        dir.Write("x/a.txt", "From x.");
        dir.Write("y/a.txt", "From y.");
        var items = new InputEnumerator([dir.File("x"), dir.File("y")]).Read().ToList();
        Assert.Equal(["a", "a~2"], items.Select(i => i.Document!.Id));
    }
}
