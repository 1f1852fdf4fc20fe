using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Text;

namespace ArgMiner.Tests.Ingest;

public class DocumentReadersTests
{
    private static List<InputItem> ReadJsonl(string content) =>
        [.. DocumentReaders.ReadJsonLines(new MemoryStream(Encoding.UTF8.GetBytes(content)), "in.jsonl", "in")];

    [Fact]
    public void Given_a_bom_When_reading_plain_text_Then_the_text_starts_after_it()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Hello there.")).ToArray();
        var item = DocumentReaders.ReadPlainText(bytes, "a.txt", "a");
        Assert.Equal("Hello there.", item.Document!.Text);
    }

    [Fact]
    public void Given_invalid_utf8_When_reading_plain_text_Then_the_error_names_the_line()
    {
        var bytes = Encoding.UTF8.GetBytes("line one\nline two \u00e9\n").ToList();
        bytes.Insert(12, 0xFF);
        var item = DocumentReaders.ReadPlainText(bytes.ToArray(), "bad.txt", "bad");
        Assert.Null(item.Document);
        Assert.StartsWith("bad.txt:2: not valid UTF-8", item.Error!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_binary_bytes_When_reading_plain_text_Then_it_is_skipped_as_binary()
    {
        var item = DocumentReaders.ReadPlainText([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01], "img.txt", "img");
        Assert.Contains("binary", item.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n \r\n")]
    public void Given_an_empty_or_blank_file_When_reading_Then_it_is_skipped(string content)
    {
        var item = DocumentReaders.ReadPlainText(Encoding.UTF8.GetBytes(content), "e.txt", "e");
        Assert.NotNull(item.Error);
        Assert.Equal("e.txt", item.Error!.Path);
    }

    [Fact]
    public void Given_json_lines_with_a_bad_line_When_reading_Then_the_others_are_kept_and_the_bad_one_is_named()
    {
        var items = ReadJsonl("{\"id\":\"a\",\"body\":\"One.\"}\n{not json}\n{\"id\":\"b\",\"title\":\"T\"}\n{\"id\":\"c\",\"body\":\"Two.\"}\n");
        Assert.Equal(["a", null, null, "c"], items.Select(i => i.Document?.Id));
        Assert.Equal("in.jsonl:2: not valid JSON at column 2, record skipped", items[1].Error!.ToString());
        Assert.Equal("in.jsonl:3: record has no \"body\" string, skipped", items[2].Error!.ToString());
    }

    [Fact]
    public void Given_a_record_with_title_comments_and_extra_fields_When_reading_Then_all_are_placed()
    {
        var items = ReadJsonl("{\"id\":7,\"title\":\"The Title\",\"body\":\"Para one.\\nMostly Theater\\nPara two.\",\"comments\":[\"nice 🖤\",{\"id\":\"c2\",\"author\":\"Ann\",\"text\":\"no way\"}],\"url\":\"http://x\",\"tags\":[1,2]}");
        var d = items.Single().Document!;
        Assert.Equal("7", d.Id);
        Assert.Equal("The Title", d.Title);
        Assert.Equal(["title", "body", "heading", "body", "comment", "comment"], d.Paragraphs.Select(p => p.Section.ToName()));
        Assert.Equal("nice 🖤", d.Text[d.Paragraphs[4].Start..d.Paragraphs[4].End]);
        Assert.Equal(new CommentInfo(1, "c2", "Ann"), d.Comments[1]);
        Assert.Equal(["tags", "url"], d.Metadata.Keys);
        Assert.Equal("in.jsonl:1", d.Source);
    }

    [Fact]
    public void Given_a_record_without_id_When_reading_Then_the_id_is_the_path_and_line()
    {
        var d = ReadJsonl("\n{\"body\":\"Text.\"}").Single().Document!;
        Assert.Equal("in#2", d.Id);
    }

    [Fact]
    public void Given_an_empty_jsonl_file_When_reading_Then_one_error_says_so()
    {
        var items = ReadJsonl("\n\n");
        Assert.Contains("empty", items.Single().Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_megabyte_line_When_reading_json_lines_Then_it_is_read_whole()
    {
        var body = new string('x', 1_000_000);
        var d = ReadJsonl("{\"body\":\"" + body + "\"}\n").Single().Document!;
        Assert.Equal(body, d.Text);
    }

    [Fact]
    public void Given_an_unpaired_surrogate_escape_When_reading_json_lines_Then_the_record_is_skipped_with_a_reason()
    {
        var items = ReadJsonl("{\"body\":\"bad \\ud800 text\"}\n{\"body\":\"good\"}");
        Assert.Contains("surrogate", items[0].Error!.Message, StringComparison.Ordinal);
        Assert.NotNull(items[1].Document);
    }

    [Fact]
    public void Given_an_unpaired_surrogate_escape_in_an_unknown_field_When_reading_Then_the_record_is_skipped_with_a_reason()
    {
        var items = ReadJsonl("{\"body\":\"ok\",\"m\":\"\\ud83d\"}\n{\"body\":\"ok\",\"m\":{\"deep\":[\"\\ud83d\"]}}\n{\"body\":\"good\"}");
        Assert.Contains("surrogate", items[0].Error!.Message, StringComparison.Ordinal);
        Assert.Contains("surrogate", items[1].Error!.Message, StringComparison.Ordinal);
        Assert.NotNull(items[2].Document);
    }

    [Fact]
    public void Given_json_nested_deeper_than_the_reader_allows_When_reading_Then_the_error_says_so()
    {
        var items = ReadJsonl("{\"body\":\"ok\",\"m\":" + new string('[', 100) + new string(']', 100) + "}\n{\"body\":\"good\"}");
        Assert.Equal("in.jsonl:1: nested deeper than 64 levels, record skipped", items[0].Error!.ToString());
        Assert.NotNull(items[1].Document);
    }

    [Fact]
    public void Given_crlf_line_ends_and_a_bom_on_a_later_line_When_reading_json_lines_Then_every_record_is_read()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"id\":\"a\",\"body\":\"One.\"}\r\n")
            .Concat(new byte[] { 0xEF, 0xBB, 0xBF })
            .Concat(Encoding.UTF8.GetBytes("{\"id\":\"b\",\"body\":\"Two.\"}\r\n")).ToArray();
        var items = DocumentReaders.ReadJsonLines(new MemoryStream(bytes), "in.jsonl", "in").ToList();
        Assert.Equal(["a", "b"], items.Select(i => i.Document?.Id));
        Assert.Equal("One.", items[0].Document!.Text);
    }
}
