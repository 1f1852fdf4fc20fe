using ArgMiner.Tagging;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Tagging;

public sealed class TaggingCorporaTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"argminer-corpora-{Guid.NewGuid():N}");

    public TaggingCorporaTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void GivenGmbPersonSpansWithTitles_WhenMapped_ThenTitlesAreLeftOut()
    {
        var tags = TaggingCorpora.MapGmb(
            ["President", "George", "Bush", "and", "Mr.", "Blair", "met", "General"],
            ["B-per", "I-per", "I-per", "O", "B-per", "I-per", "O", "B-per"]);

        Assert.Equal(["O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "O", "O"], tags);
    }

    [Fact]
    public void GivenGmbTimeSpans_WhenMapped_ThenOnlyRealDatesBecomeDATE()
    {
        var tags = TaggingCorpora.MapGmb(
            ["since", "then", "on", "Tuesday", "in", "March", "2005", "later"],
            ["B-tim", "I-tim", "O", "B-tim", "O", "B-tim", "I-tim", "B-tim"]);

        Assert.Equal(["O", "O", "O", "B-DATE", "O", "B-DATE", "I-DATE", "O"], tags);
    }

    [Fact]
    public void GivenGmbTypes_WhenMapped_ThenTheyFollowTheDocumentedTable()
    {
        var tags = TaggingCorpora.MapGmb(
            ["Iraq", "Iraqi", "UN", "Olympics", "Boeing", "Katrina"],
            ["B-geo", "B-gpe", "B-org", "B-eve", "B-art", "B-nat"]);

        Assert.Equal(["B-LOC", "B-NORP", "B-ORG", "B-EVENT", "O", "O"], tags);
    }

    [Fact]
    public void GivenAGmbCsv_WhenReadBySplit_ThenEveryTenthSentenceIsHeldOutAndQuotesAreRead()
    {
        var lines = new List<string> { "Sentence #,Word,POS,Tag" };
        for (var n = 1; n <= 20; n++)
        {
            lines.Add($"Sentence: {n},Word{n},NN,O");
            lines.Add(",\"10,000\",CD,O");
            lines.Add(",\"\"\"\",``,O");
        }

        var path = Write("gmb.csv", string.Join('\n', lines) + "\n");

        var heldout = TaggingCorpora.ReadGmb(path, GmbSplit.Heldout);
        var train = TaggingCorpora.ReadGmb(path, GmbSplit.Train);
        var all = TaggingCorpora.ReadGmb(path, GmbSplit.All);

        Assert.Equal(["Word10", "Word20"], heldout.Select(s => s.Word(0)));
        Assert.Equal(18, train.Count);
        Assert.Equal(20, all.Count);
        Assert.DoesNotContain(train, s => s.Word(0) is "Word10" or "Word20");
        Assert.Equal("10,000", all[0].Word(1));
        Assert.Equal("\"", all[0].Word(2));
    }

    [Fact]
    public void GivenATokenizer_WhenGmbWordsAreResplit_ThenPartsContinueTheEntity()
    {
        var s = TaggedSentence.FromWords(["al-Qaida", "attacked", "U.S.", "troops", "."], ["B-ORG", "O", "B-LOC", "O", "O"], new RuleTokenizer());

        var words = Enumerable.Range(0, s.Tokens.Length).Select(s.Word).ToArray();
        Assert.Equal(["al", "-", "Qaida", "attacked", "U.S.", "troops", "."], words);
        Assert.Equal(["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O", "O"], s.Tags.ToArray());
    }

    [Fact]
    public void GivenConlluWithMultiwordTokens_WhenRead_ThenWordsAreUsedAndRangesSkipped()
    {
        var path = Write("t.conllu", "# text = I can't.\n1\tI\tI\tPRON\t_\t_\t_\t_\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\tcan\tAUX\t_\t_\t_\t_\t_\t_\n3\tn't\tnot\tPART\t_\t_\t_\t_\t_\t_\n3.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n4\t.\t.\tPUNCT\t_\t_\t_\t_\t_\t_\n\n");

        var sentences = TaggingCorpora.ReadConllu(path);

        var s = Assert.Single(sentences);
        Assert.Equal(["I", "ca", "n't", "."], Enumerable.Range(0, s.Tokens.Length).Select(s.Word));
        Assert.Equal(["PRON", "AUX", "PART", "PUNCT"], s.Tags.ToArray());
    }

    [Fact]
    public void GivenIob2_WhenRead_ThenUnerTypesMapAndOthersDrop()
    {
        var path = Write("u.iob2", "# sent_id = 1\n1\tJohn\tB-PER\t-\t-\n2\tin\tO\t-\t-\n3\tTampa\tB-LOC\t-\t-\n4\tBay\tI-LOC\t-\t-\n5\tGoogle\tB-ORG\t-\t-\n6\tX\tB-MISC\t-\t-\n\n");

        var s = Assert.Single(TaggingCorpora.ReadIob2(path));

        Assert.Equal(["B-PERSON", "O", "B-LOC", "I-LOC", "B-ORG", "O"], s.Tags.ToArray());
    }

    [Theory]
    [InlineData("B-PER", "B-PERSON")]
    [InlineData("I-person", "I-PERSON")]
    [InlineData("B-group", "B-ORG")]
    [InlineData("I-corporation", "I-ORG")]
    [InlineData("B-location", "B-LOC")]
    [InlineData("B-product", "O")]
    [InlineData("I-creative-work", "O")]
    [InlineData("B-OTH", "O")]
    [InlineData("O", "O")]
    public void GivenWebCorpusTags_WhenMapped_ThenTheyFollowTheCorpusReadme(string tag, string expected) =>
        Assert.Equal(expected, TaggingCorpora.MapWebTag(tag));

    [Fact]
    public void GivenATwoColumnConllFile_WhenRead_ThenHashtagsAreWordsAndTabOnlyLinesEndSentences()
    {
        var path = Write("web.conll", "#tbt\tO\nApple\tB-corporation\nInc\tI-corporation\n\t\nMaria\tB-person\nlikes\tO\niPhone\tB-product\n\n");

        var sentences = TaggingCorpora.ReadConll(path);

        Assert.Equal(2, sentences.Count);
        Assert.Equal("#tbt Apple Inc", sentences[0].Text);
        Assert.Equal(["O", "B-ORG", "I-ORG"], sentences[0].Tags.ToArray());
        Assert.Equal(["B-PERSON", "O", "O"], sentences[1].Tags.ToArray());
    }

    [Fact]
    public void GivenAConllLineWithoutATag_WhenRead_ThenTheFileAndLineAreNamed()
    {
        var path = Write("bad.conll", "Apple\tB-ORG\nlonely\n");

        var ex = Assert.Throws<InvalidDataException>(() => TaggingCorpora.ReadConll(path));

        Assert.Contains("bad.conll:2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("conll")]
    [InlineData("iob2")]
    [InlineData("conllu")]
    [InlineData("gmb")]
    public void GivenACorpusLineThatIsNotUtf8_WhenRead_ThenTheFileAndLineAreNamedInsteadOfReplacementCharacters(string format)
    {
        var head = format switch
        {
            "conllu" => "1\tApple\tapple\tPROPN\t_\t_\t0\troot\t_\t_\n2\t",
            "gmb" => "Sentence #,Word,POS,Tag\nSentence: 1,Apple,NNP,B-org\n,",
            _ => "Apple\tB-ORG\n",
        };
        var path = Path.Combine(_dir, "latin1." + format);
        File.WriteAllBytes(path, [.. System.Text.Encoding.UTF8.GetBytes(head), 0x43, 0x61, 0x66, 0xE9, .. "\tO\n"u8]);

        var ex = Assert.Throws<InvalidDataException>(() => format switch
        {
            "conll" => TaggingCorpora.ReadConll(path),
            "iob2" => TaggingCorpora.ReadIob2(path),
            "conllu" => TaggingCorpora.ReadConllu(path),
            _ => TaggingCorpora.ReadGmb(path, GmbSplit.All),
        });

        Assert.Contains($"latin1.{format}:" + (format == "conllu" ? "2" : format == "gmb" ? "3" : "2") + ": not valid UTF-8", ex.Message, StringComparison.Ordinal);
    }
}
