using System.Text;
using ArgMiner.Classification;
using ArgMiner.Classification.Evaluation;

namespace ArgMiner.Tests.Classification;

/// <summary>The CoNLL posts reader (WNUT-17 comments): its frozen detokenizing and cutting rule, and its rows under an overlay, on posts written here.</summary>
public sealed class ConllPostsTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("argminer-conll-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static string Conll(params string[][] posts) =>
        string.Concat(posts.Select(p => string.Concat(p.Select(t => t + "\tO\n")) + "\n"));

    [Theory]
    [InlineData("I ca n ' t believe it ' s over , lol .", new[] { "I can't believe it's over, lol." })]
    [InlineData("& gt ; Quoted line . It ' s ( mostly ) true ! ! Next", new[] { "> Quoted line.", "It's (mostly) true!!", "Next" })]
    [InlineData("He said \" stop \" . . . then left", new[] { "He said \"stop\"...", "then left" })]
    [InlineData("https://t.co/abc 😂 .", new string[0])]
    [InlineData("@ someone :)", new string[0])]
    [InlineData("Costs $ 5 ? Yes : cheap", new[] { "Costs $5?", "Yes: cheap" })]
    public void GivenAPostsTokens_WhenCut_ThenTheFrozenRuleGivesTheseSentences(string tokens, string[] expected)
    {
        Assert.Equal(expected, ConllPosts.Sentences(tokens.Split(' ')));
    }

    [Fact]
    public void GivenAConllFileAndAnOverlay_WhenRead_ThenRowsNumberEveryPostsSentencesInFileOrder()
    {
        var data = Write("posts.conll", Conll(["Great", "video", "!", "Subscribe", "now"], ["https://t.co/x"], ["This", "is", "wrong", "."]));
        var overlay = Write("o.labels", $"row,label,check\n1,opinion,{LabelOverlay.Check("Great video!")}\n3,claim,{LabelOverlay.Check("This is wrong.")}\n");

        var rows = LabelledData.Read([data + "#labels=" + overlay], new LabelledDataOptions());

        Assert.Equal(["Great video!", "This is wrong."], rows.Select(r => r.Text));
        Assert.Equal(["opinion", "claim"], rows.Select(r => r.Label));
        Assert.Equal(["posts.conll#1", "posts.conll#3"], rows.Select(r => r.Doc));
    }

    [Fact]
    public void GivenAConllFileWithoutAnOverlay_WhenRead_ThenOneErrorSaysItHoldsNoLabels()
    {
        var data = Write("posts.conll", Conll(["Hello", "there"]));

        var error = Assert.Throws<LabelledDataException>(() => LabelledData.Read([data], new LabelledDataOptions()));

        Assert.Contains("#labels=FILE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnOverlayWhoseCheckNoLongerMatches_WhenRead_ThenOneErrorNamesTheRow()
    {
        var data = Write("posts.conll", Conll(["Hello", "there", "."], ["Bye", "now"]));
        var overlay = Write("o.labels", $"row,label,check\n2,other,{LabelOverlay.Check("Bye then")}\n");

        var error = Assert.Throws<LabelledDataException>(() => LabelledData.Read([data + "#labels=" + overlay], new LabelledDataOptions()));

        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
    }
}
