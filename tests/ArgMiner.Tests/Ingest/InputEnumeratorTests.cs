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
        dir.Write("notes.odt", "ignored");
        var files = new InputEnumerator([dir.Path]).Files().ToList();
        Assert.Equal(["a", "b", "sub/a"], files.Select(f => f.Id));
        Assert.Equal(InputFormat.JsonLines, files[0].Format);
    }

    [Fact]
    public void GivenAFolderOfFilesRunDoesNotRead_WhenSearched_ThenOneNoteSaysWhatItLooksForAndWhatItFound()
    {
        using var dir = new TempDirectory();
        dir.Write("pages/b.epub", "PK");
        dir.Write("pages/a.odt", "x");
        dir.Write("pages/sub/c.rtf", "x");
        dir.Write("pages/sub/d.doc", "x");
        var notes = new List<InputError>();
        Assert.Empty(FolderSearch.InputFiles(dir.File("pages"), "pages", notes));
        Assert.Equal("pages: no .txt, .md, .markdown, .html, .htm, .docx, .pdf or .jsonl file in it, nothing read from it (4 other files: a.odt, b.epub, sub/c.rtf, …)", Assert.Single(notes).ToString());

        // A folder with one file run reads says nothing of the others.
        dir.Write("pages/e.md", "# E");
        notes.Clear();
        Assert.Single(FolderSearch.InputFiles(dir.File("pages"), "pages", notes));
        Assert.Empty(notes);
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

    /// <summary>Standard input that never ends: <paramref name="line"/> over and over, as a generator piping into the tool.</summary>
    private sealed class EndlessStream(string line) : Stream
    {
        private readonly byte[] _line = System.Text.Encoding.UTF8.GetBytes(line);
        private long _at;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = _line[(int)(_at++ % _line.Length)];
            }

            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task GivenJsonLinesPipedInWithoutEnd_WhenRead_ThenRecordsComeAsTheyArrive()
    {
        // Standard input was copied whole before its format was decided: a batch piped in was held in memory, and
        // one that never ends was never read at all (the test is given a minute).
        var stdin = new EndlessStream("{\"body\":\"A record from a pipe.\"}\n");

        var items = await Task.Run(() => new InputEnumerator(["-"], () => stdin).Read().Take(3).ToList()).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(["stdin#1", "stdin#2", "stdin#3"], items.Select(i => i.Document!.Id));
    }

    [Fact]
    public void GivenPlainTextPipedInWithoutEnd_WhenRead_ThenItIsSkippedWithOneErrorOnceItPassesTheLimit()
    {
        // `run /dev/zero` or a generator that never stops ran the process out of memory.
        var stdin = new EndlessStream("Plain text without an end. ");

        var item = new InputEnumerator(["-"], () => stdin).Read().Single();

        Assert.Null(item.Document);
        Assert.Contains($"more than {InputEnumerator.MaxUnsizedPlainText >> 20} MB of plain text in one document", item.Error!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Plain text in UTF-16 from a pipe.", "stdin")]
    [InlineData("{\"id\":\"s\",\"body\":\"JSON Lines in UTF-16.\"}\n", "s")]
    public void GivenUtf16WithABomOnStandardInput_WhenRead_ThenItIsADocument(string text, string id)
    {
        // PowerShell pipes UTF-16: the text converted to UTF-8 was put in a MemoryStream whose buffer the format
        // detection could not look at ("MemoryStream's internal buffer cannot be accessed.", nothing read).
        var utf16 = new System.Text.UnicodeEncoding(false, true);
        var stdin = new MemoryStream([.. utf16.GetPreamble(), .. utf16.GetBytes(text)]);

        var item = new InputEnumerator(["-"], () => stdin).Read().Single();

        Assert.Null(item.Error);
        Assert.Equal(id, item.Document!.Id);
    }

    [Fact]
    public void GivenUtf16TextAndJsonLinesFilesWithABom_WhenRead_ThenBothGiveDocuments()
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
    public void GivenAPlainTextFileOverTheDocumentLimit_WhenRead_ThenItIsOneLineWithoutBeingReadAndTheNextFileIsRead()
    {
        // A 1.2 GB text file ended the whole batch with "Out of memory." (SIGABRT) until session 36. A sparse file of
        // 257 MB stands in (its zeros were read whole and then called binary).
        using var dir = new TempDirectory();
        using (var big = File.Create(Path.Combine(dir.Path, "a.txt")))
        {
            big.SetLength(DocumentReaders.MaxDocumentBytes + (1 << 20));
        }

        dir.Write("b.txt", "The next file is read.");
        var items = new InputEnumerator([dir.Path]).Read().ToList();
        Assert.Equal(
            $"{dir.Path}/a.txt: 257 MB, more than the 256 MB one document may hold (it is held whole while it is processed); split it, skipped",
            items[0].Error!.ToString());
        Assert.Equal("b", items[1].Document!.Id);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GivenUtf32TextAndJsonLinesFilesWithABom_WhenRead_ThenBothGiveDocuments(bool bigEndian)
    {
        // Until session 36 the text came out with a NUL between every two letters (little-endian) or was called binary
        // (big-endian), and the JSON Lines file was skipped whole as binary.
        using var dir = new TempDirectory();
        var utf32 = new System.Text.UTF32Encoding(bigEndian, byteOrderMark: true);
        dir.WriteBytes("a.txt", [.. utf32.GetPreamble(), .. utf32.GetBytes("Plain text in UTF-32. It has two sentences.")]);
        dir.WriteBytes("b.jsonl", [.. utf32.GetPreamble(), .. utf32.GetBytes("{\"id\":\"r1\",\"body\":\"First.\"}\n{\"id\":\"r2\",\"body\":\"A \u0000.\"}\n{\"id\":\"r3\",\"body\":\"Third.\"}\n")]);
        var items = new InputEnumerator([dir.Path]).Read().ToList();
        Assert.Equal(["a", "r1", null, "r3"], items.Select(i => i.Document?.Id));
        Assert.Equal("Plain text in UTF-32. It has two sentences.", items[0].Document!.Text);

        // A NUL character costs its record alone, as a raw NUL byte in a UTF-8 record does.
        Assert.Equal($"{dir.Path}/b.jsonl:2: binary data (NUL bytes), record skipped", items[2].Error!.ToString());
    }

    [Fact]
    public void GivenJsonLinesWithWindows1252Records_WhenRead_ThenTheyAreReadWithOneWarningForTheFile()
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
    public void GivenAFolderLinkThatLoopsBack_WhenEnumerated_ThenEachFileIsReadOnceAndTheLinkIsNamed()
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
    public void GivenAFolderLinkToAnotherPlace_WhenEnumerated_ThenItIsFollowed()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A text.");
        dir.Write("elsewhere/c.txt", "C text.");
        Directory.CreateSymbolicLink(dir.File("in/more"), dir.File("elsewhere"));
        var items = new InputEnumerator([dir.File("in")]).Read().ToList();
        Assert.Equal(["a", "more/c"], items.Select(i => i.Document!.Id));
    }

    [Fact]
    public void GivenHiddenFilesAndFolders_WhenEnumerated_ThenTheyAreSkippedWithOneLineNamingThem()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A text.");
        dir.Write("in/.draft.txt", "Hidden draft.");
        dir.Write("in/.cache/x.jsonl", "{\"body\":\"cached\"}");
        dir.Write("in/~$op-ed.docx", "\u0001lock file Word keeps beside an open document");
        var warnings = new List<InputError>();
        var items = new InputEnumerator([dir.File("in")], warn: warnings.Add).Read().ToList();
        Assert.Equal(["a"], items.Select(i => i.Document!.Id));
        var note = Assert.Single(warnings);
        Assert.Contains(".draft.txt", note.Message, StringComparison.Ordinal);
        Assert.Contains(".cache/", note.Message, StringComparison.Ordinal);
        Assert.Contains("~$op-ed.docx", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTwoRecordsWithTheSameId_WhenRead_ThenTheSecondGetsANumberedIdAndAWarning()
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
    public void GivenFilesOfTheSameNameInTwoInputFolders_WhenRead_ThenTheirIdsStayUnique()
    {
        using var dir = new TempDirectory();
        dir.Write("x/a.txt", "From x.");
        dir.Write("y/a.txt", "From y.");
        var items = new InputEnumerator([dir.File("x"), dir.File("y")]).Read().ToList();
        Assert.Equal(["a", "a~2"], items.Select(i => i.Document!.Id));
    }

    [Fact]
    public void GivenAFileWithABackslashInItsName_WhenReadInAFolderOrNamed_ThenItIsReadUnderItsOwnName()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // a backslash separates folders there
        }

        using var dir = new TempDirectory();
        var path = dir.Write(@"in/back\slash.txt", "Read me.");
        // Read in the folder, then named on its own (together, the second would be read once: session 33).
        var items = new InputEnumerator([dir.File("in")]).Read().Concat(new InputEnumerator([path]).Read()).ToList();
        Assert.All(items, i => Assert.Null(i.Error));
        Assert.Equal([@"back\slash", @"back\slash"], items.Select(i => i.Document!.Id));
        Assert.Equal([dir.File(@"in/back\slash.txt"), path], items.Select(i => i.Document!.Source));
    }

    [Fact]
    public void GivenAFileWhoseNameIsNotUtf8_WhenRead_ThenItIsSkippedWithAnErrorSayingSoNotNamedHidden()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // names there are UTF-16
        }

        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A text.");
        // .NET cannot make such a name (its strings are UTF-16); the shell's printf can, as unpacking an old Latin-1 archive does.
        var (exit, _, _) = ExternalProgram.Run("sh", ["-c", "printf 'Read me.' > \"$1/$(printf 'caf\\351.txt')\"", "sh", dir.File("in")]);
        Assert.Equal(0, exit);
        var warnings = new List<InputError>();
        var items = new InputEnumerator([dir.File("in")], warn: warnings.Add).Read().ToList();
        Assert.Empty(warnings);
        Assert.Equal("a", items[0].Document!.Id);
        var error = items[1].Error!;
        Assert.Equal(dir.File("in") + "/caf\uFFFD.txt", error.Path);
        Assert.StartsWith("its name is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAFileWithALineBreakInItsName_WhenItsErrorIsShown_ThenItIsOneLine()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // names there cannot hold a line break
        }

        using var dir = new TempDirectory();
        dir.WriteBytes("in/evil\nname.txt", [0xC3, 0xA9, (byte)' ', 0xC3, (byte)'(']);
        dir.WriteBytes("in/tab\tname.txt", [0, 1, 2]);
        var shown = new InputEnumerator([dir.File("in")]).Read().Select(i => i.Error!.ToString()).ToList();
        Assert.Equal(2, shown.Count);
        Assert.All(shown, line => Assert.DoesNotContain(line, char.IsControl));
        Assert.StartsWith(dir.File("in") + "/evil\\nname.txt:", shown[0], StringComparison.Ordinal);
        Assert.StartsWith(dir.File("in") + "/tab\\tname.txt:", shown[1], StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAFolderGivenTwiceAFileInsideItAndASubfolderOfIt_WhenRead_ThenEachFileIsReadOnceWithOneNoteAnInput()
    {
        // Until session 33 every document of them was read again, under an id renamed 'a~2'.
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A text.");
        dir.Write("in/sub/b.txt", "B text.");
        var inDir = dir.File("in");
        var warnings = new List<string>();
        var inputs = new[] { inDir, inDir + "/", dir.File("in/a.txt"), dir.File("in/sub") };

        var items = new InputEnumerator(inputs, warn: w => warnings.Add(w.ToString())).Read().ToList();

        Assert.Equal(["a", "sub/b"], items.Select(i => i.Document!.Id));
        Assert.Equal(["a", "sub/b"], new InputEnumerator(inputs).Files().Select(f => f.Id));
        Assert.Equal(
            [
                $"{inDir}/: already read with {inDir} (a folder given twice, or inside a folder given too), read once",
                $"{dir.File("in/a.txt")}: already read as {dir.File("in/a.txt")} (an input given twice, or inside a folder given too), read once",
                $"{dir.File("in/sub")}: already read with {inDir} (a folder given twice, or inside a folder given too), read once",
            ],
            warnings);
    }

    [Fact]
    public void GivenASubfolderGivenBeforeTheFolderItIsIn_WhenRead_ThenItsFilesAreReadOnceWithOneNoteForTheSubfolder()
    {
        // `run in/sub in` gave a warning for every file of in/sub (a folder of 100,000 files: 100,000 lines) until session 36.
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A text.");
        for (var i = 0; i < 5; i++)
        {
            dir.Write($"in/sub/b{i}.txt", "B text.");
        }

        var warnings = new List<string>();
        var items = new InputEnumerator([dir.File("in/sub"), dir.File("in")], warn: w => warnings.Add(w.ToString())).Read().ToList();

        Assert.Equal(["b0", "b1", "b2", "b3", "b4", "a"], items.Select(i => i.Document!.Id));
        Assert.Equal([$"{dir.File("in/sub")}: already read before {dir.File("in")} (a folder given before the folder it is in), read once"], warnings);
    }
}
