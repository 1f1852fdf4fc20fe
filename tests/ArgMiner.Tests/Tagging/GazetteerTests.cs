using ArgMiner.Pipeline;
using ArgMiner.Tagging;
using ArgMiner.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Tagging;

public sealed class GazetteerTests
{
    private static List<(string Text, string Type)> Match(Gazetteer g, TaggedSentence s)
    {
        var spans = new List<TokenSpan>();
        g.Match(s.Text, s.Tokens.AsSpan(), spans);
        return [.. spans.Select(e => (s.Text[s.Tokens[e.First].Start..s.Tokens[e.First + e.Count - 1].End], e.Type))];
    }

    private static TaggedSentence Words(params string[] words) => TaggedSentence.FromWords(words, [.. words.Select(_ => "O")]);

    private static Gazetteer Parse(string tsv, string name = "test.tsv") => Gazetteer.Parse(new StringReader(tsv), name);

    [Fact]
    public void GivenNestedNames_WhenMatched_ThenTheLongestWins()
    {
        var g = Parse("Islamic State\tORG\nIslamic State of Iraq\tORG\nIraq\tLOC\n");

        var found = Match(g, Words("the", "Islamic", "State", "of", "Iraq", "and", "Iraq"));

        Assert.Equal([("Islamic State of Iraq", "ORG"), ("Iraq", "LOC")], found);
    }

    [Fact]
    public void GivenAName_WhenItEndsInsideAToken_ThenNoMatch()
    {
        var g = Parse("UN\tORG\nPMF\tORG\n");

        Assert.Empty(Match(g, Words("UNESCO", "PMFs", "un")));
    }

    [Fact]
    public void GivenAName_WhenCaseDiffers_ThenNoMatch()
    {
        var g = Parse("Shia\tNORP\n");

        Assert.Empty(Match(g, Words("shia", "SHIA")));
        Assert.Single(Match(g, Words("Shia")));
    }

    [Fact]
    public void GivenTextWithSeveralSpaces_WhenMatched_ThenWhiteSpaceRunsMatchOneSpace()
    {
        var g = Parse("Ain al-Asad\tLOC\n");
        const string text = "at Ain   al-Asad base";
        Token[] tokens = [new(0, 2), new(3, 6), new(9, 16), new(17, 21)];
        var spans = new List<TokenSpan>();

        g.Match(text, tokens, spans);

        Assert.Equal([new TokenSpan(1, 2, "LOC")], spans);
    }

    [Fact]
    public void GivenRandomSentences_WhenMatched_ThenMatchesAreNamesOrderedDisjointAndLongest()
    {
        string[] names = ["Islamic State", "Islamic State of Iraq", "Iraq", "UN", "UN Security Council", "Ain al - Asad"];
        var g = Gazetteer.FromEntries(names.Select(n => (n, "ORG")));
        string[] vocabulary = ["Islamic", "State", "of", "Iraq", "UN", "Security", "Council", "Ain", "al", "-", "Asad", "the"];
        var gen = Gen.ArrayOf(Gen.Elements(vocabulary));
        Prop.ForAll(gen.ToArbitrary(), words =>
        {
            var s = Words(words);
            var spans = new List<TokenSpan>();
            g.Match(s.Text, s.Tokens.AsSpan(), spans);
            var end = 0;
            foreach (var e in spans)
            {
                var text = string.Join(' ', words.Skip(e.First).Take(e.Count));
                if (e.First < end || !names.Contains(text))
                {
                    return false;
                }

                // No longer name starts at the same token.
                for (var n = e.Count + 1; e.First + n <= words.Length; n++)
                {
                    if (names.Contains(string.Join(' ', words.Skip(e.First).Take(n))))
                    {
                        return false;
                    }
                }

                end = e.First + e.Count;
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void GivenCommentsAndBlankLines_WhenParsed_ThenTheyAreIgnoredAndLaterLinesWin()
    {
        var g = Parse("# a comment\n\nKurds\tORG\n  # indented comment\nKurds\tNORP\n");

        Assert.Equal(1, g.Count);
        Assert.Equal([("Kurds", "NORP")], Match(g, Words("Kurds")));
    }

    [Theory]
    [InlineData("NATO ORG\n", 1, "expected 'name<TAB>type'")]
    [InlineData("# ok\nNATO\tORG\nReuters\tCOMPANY\n", 3, "unknown type 'COMPANY'")]
    [InlineData("NATO\tORG\textra\n", 1, "3 column(s)")]
    [InlineData("\t\tORG\n", 1, "3 column(s)")]
    [InlineData(" \tORG\n", 1, "empty name")]
    public void GivenABadLine_WhenParsed_ThenOneErrorNamesFileAndLine(string tsv, int line, string problem)
    {
        var ex = Assert.Throws<GazetteerFormatException>(() => Parse(tsv, "my.tsv"));

        Assert.StartsWith($"my.tsv:{line}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void GivenAMissingFile_WhenLoaded_ThenAGazetteerError()
    {
        var ex = Assert.Throws<GazetteerFormatException>(() => Gazetteer.Load("/no/such/gazetteer.tsv"));

        Assert.Contains("not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAFolderABinaryFileOrABadByte_WhenLoaded_ThenOneErrorNamesTheFileAndWhatIsWrong()
    {
        using var dir = new Support.TempDirectory();
        var folder = Assert.Throws<GazetteerFormatException>(() => Gazetteer.Load(dir.Path));
        Assert.Equal($"{dir.Path}: is a folder; give a gazetteer file", folder.Message);

        var binary = dir.File("binary.tsv");
        File.WriteAllBytes(binary, [.. "Paris\tLOC\n"u8, 0x1B, (byte)'[', (byte)'2', (byte)'J', (byte)'\t', 0x00, 0xFF, (byte)'\n']);
        Assert.Equal($"{binary}:2: binary file (contains NUL bytes)", Assert.Throws<GazetteerFormatException>(() => Gazetteer.Load(binary)).Message);

        // A bad byte used to become U+FFFD in the name, matched against no text, without a word.
        var latin1 = dir.File("latin1.tsv");
        File.WriteAllBytes(latin1, [.. "Paris\tLOC\nS"u8, 0xE3, .. "o Paulo\tLOC\n"u8]);
        Assert.Equal($"{latin1}:2: not valid UTF-8 (bad byte 0xE3 at byte 11)", Assert.Throws<GazetteerFormatException>(() => Gazetteer.Load(latin1)).Message);
    }

    [Fact]
    public void GivenAnUnknownTypeWithControlCharacters_WhenParsed_ThenItIsQuotedShortOnOneLine()
    {
        var ex = Assert.Throws<GazetteerFormatException>(() => Parse("Paris\t\u001b[2J" + new string('x', 500) + "\n", "my.tsv"));
        Assert.StartsWith("my.tsv:1: unknown type '\\x1B[2J", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', ex.Message);
        Assert.True(ex.Message.Length < 200, ex.Message);
    }

    [Fact]
    public void GivenTheRepositoryFile_WhenLoaded_ThenItParsesAndEqualsTheEmbeddedDefault()
    {
        var path = Path.Combine(TaggingTestData.RepoRoot(), "corpus", "gazetteer.tsv");

        var fromFile = Gazetteer.Load(path);
        var embedded = ShippedModels.Gazetteer;

        Assert.True(fromFile.Count > 50);
        Assert.Equal(fromFile.Count, embedded.Count);
        Assert.Equal([("Kataib Hezbollah", "ORG")], Match(embedded, Words("Kataib", "Hezbollah")));
    }
}
