using System.Text;
using ArgMiner.Classification;
using ArgMiner.Classification.Evaluation;

namespace ArgMiner.Tests.Classification;

/// <summary>The IBM Debater articles reader: its frozen sentence rule and its rows under an overlay, on a tiny corpus written here.</summary>
public sealed class IbmArticlesTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("argminer-ibm-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    [Theory]
    [InlineData("Taxes rose in 2009 [REF]. Critics said so.", new[] { "Taxes rose in 2009.", "Critics said so." })]
    [InlineData("Mr. Smith met Dr. Jones in the U.S. Army. It rained.", new[] { "Mr. Smith met Dr. Jones in the U.S. Army.", "It rained." })]
    [InlineData("J. Edgar Hoover led it. \"Why?\" he asked. (It grew.) 2010 was worse!", new[] { "J. Edgar Hoover led it.", "\"Why?\" he asked.", "(It grew.)", "2010 was worse!" })]
    [InlineData("prices fell 3.5 percent. then rose", new[] { "prices fell 3.5 percent. then rose" })]
    [InlineData(" . ", new string[0])]
    [InlineData("Card Rooms - $1.18 billion", new[] { "Card Rooms - $1.18 billion" })]
    public void GivenAParagraph_WhenCut_ThenTheFrozenRuleGivesTheseSentences(string paragraph, string[] expected)
    {
        Assert.Equal(expected, IbmArticles.Sentences(paragraph));
    }

    [Fact]
    public void GivenAnArticlesFolderAndAnOverlay_WhenRead_ThenRowsNumberTheListedArticlesSentencesInIdOrder()
    {
        Write("ibm/claims.txt", "Topic\tClaim\n");
        Write("ibm/evidence.txt", "Topic\tClaim\tEvidence\n");
        Write("ibm/motions.txt", "Topic id\tTopic\tData-set\n1\tThis house would ban it\ttrain and test\n");
        Write("ibm/articles.txt", "Topic\tTitle\tarticle Id\nThis house would ban it\tB\t20\nThis house would ban it\tA\t3\n");
        Write("ibm/articles/clean_3.txt", ". \n\nGambling is old. It grew in 1850 [REF].\n\nSome say it harms towns.\n");
        Write("ibm/articles/clean_20.txt", "Lotteries raised money.\n");
        Write("ibm/articles/clean_99.txt", "An article no topic lists is not read.\n");
        var overlay = Write("o.labels", $"row,label,check\n2,evidence,{LabelOverlay.Check("It grew in 1850.")}\n3,claim,\n4,evidence,{LabelOverlay.Check("Lotteries raised money.")}\n");

        var rows = LabelledData.Read([Path.Combine(_dir.FullName, "ibm", "articles") + "#labels=" + overlay], new LabelledDataOptions());

        Assert.Equal(["It grew in 1850.", "Some say it harms towns.", "Lotteries raised money."], rows.Select(r => r.Text));
        Assert.Equal(["evidence", "claim", "evidence"], rows.Select(r => r.Label));
        Assert.Equal(["ibm-article-3", "ibm-article-3", "ibm-article-20"], rows.Select(r => r.Doc));
    }

    [Fact]
    public void GivenAnOverlayWhoseCheckNoLongerMatches_WhenRead_ThenOneErrorNamesTheRow()
    {
        Write("ibm/claims.txt", "Topic\tClaim\n");
        Write("ibm/evidence.txt", "Topic\tClaim\tEvidence\n");
        Write("ibm/motions.txt", "Topic id\tTopic\tData-set\n1\tT\ttrain and test\n");
        Write("ibm/articles.txt", "Topic\tTitle\tarticle Id\nT\tA\t3\n");
        Write("ibm/articles/clean_3.txt", "Gambling is old.\n");
        var overlay = Write("o.labels", $"row,label,check\n1,evidence,{LabelOverlay.Check("Gambling is new.")}\n");

        var error = Assert.Throws<LabelledDataException>(() => LabelledData.Read([Path.Combine(_dir.FullName, "ibm", "articles") + "#labels=" + overlay], new LabelledDataOptions()));

        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnArticleWithABadByte_WhenReadOrEvaluated_ThenOneErrorNamesTheFileAndLine()
    {
        Write("ibm/claims.txt", "Topic\tClaim\n");
        Write("ibm/evidence.txt", "Topic\tClaim\tEvidence\n");
        Write("ibm/motions.txt", "Topic id\tTopic\tData-set\n1\tT\ttrain and test\n");
        Write("ibm/articles.txt", "Topic\tTitle\tarticle Id\nT\tA\t3\n");
        var article = Write("ibm/articles/clean_3.txt", "Gambling is old.\n");
        File.AppendAllText(article, "It grew.\n");
        using (var file = new FileStream(article, FileMode.Append))
        {
            file.Write([.. "Bad "u8, 0xFF, .. " byte.\n"u8]);
        }

        var overlay = Write("o.labels", "row,label\n1,evidence\n");
        var spec = Path.Combine(_dir.FullName, "ibm", "articles") + "#labels=" + overlay;

        // .NET's DecoderFallbackException went past every handler: a stack trace and exit 134 until session 34.
        var error = Assert.Throws<LabelledDataException>(() => LabelledData.Read([spec], new LabelledDataOptions()));
        Assert.Equal($"{article}:3: not valid UTF-8 (bad byte 0xFF at byte 30)", error.Message);
        var (code, _, stderr) = Support.Cli.Run("evaluate", "--data", spec);
        Assert.Equal(1, code);
        Assert.Equal($"argminer: {article}:3: not valid UTF-8 (bad byte 0xFF at byte 30)", stderr.Trim());
    }

    [Fact]
    public void GivenAClaimsFileWithABadByte_WhenRead_ThenOneErrorNamesTheFileAndLineInsteadOfAReplacementCharacter()
    {
        Write("ibm/claims.txt", "Topic\tClaim\n");
        var claims = Path.Combine(_dir.FullName, "ibm", "claims.txt");
        using (var file = new FileStream(claims, FileMode.Append))
        {
            file.Write([.. "T\tCasinos harm "u8, 0xE9, .. "conomies.\n"u8]);
        }

        Write("ibm/evidence.txt", "Topic\tClaim\tEvidence\n");
        Write("ibm/motions.txt", "Topic id\tTopic\tData-set\n1\tT\ttrain and test\n");
        var error = Assert.Throws<LabelledDataException>(() => LabelledData.Read([Path.Combine(_dir.FullName, "ibm")], new LabelledDataOptions()));
        Assert.StartsWith($"{claims}:2: not valid UTF-8 (bad byte 0xE9", error.Message, StringComparison.Ordinal);
    }
}
