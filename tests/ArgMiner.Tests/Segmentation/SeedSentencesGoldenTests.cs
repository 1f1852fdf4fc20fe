using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Text;

namespace ArgMiner.Tests.Segmentation;

/// <summary>
/// The seed articles split as a careful reader splits them. The expected list
/// (Golden/seeds.sentences.tsv: "# file" lines, then section TAB sentence) was checked by reading.
/// </summary>
public sealed class SeedSentencesGoldenTests
{
    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ArgMiner.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ArgMiner.sln not found above " + AppContext.BaseDirectory);
    }

    private static List<string> Expected()
    {
        var path = Path.Combine(RepositoryRoot(), "tests", "ArgMiner.Tests", "Golden", "seeds.sentences.tsv");
        return [.. File.ReadAllLines(path).Where(l => l.Length > 0)];
    }

    private static List<string> Actual()
    {
        var lines = new List<string>();
        var folder = Path.Combine(RepositoryRoot(), "corpus", "articles");
        foreach (var file in Directory.GetFiles(folder, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var item = DocumentReaders.ReadPlainText(File.ReadAllBytes(file), file, Path.GetFileNameWithoutExtension(file));
            var document = TextPipeline.CreateDefault().Process(item.Document!);
            lines.Add("# " + Path.GetFileName(file));
            foreach (var s in document.Sentences)
            {
                lines.Add(s.Section.ToName() + "\t" + document.Text[s.Start..s.End]);
            }
        }

        return lines;
    }

    [Fact]
    public void GivenTheSeedArticles_WhenRunThroughThePipeline_ThenThereAre145Sentences()
    {
        Assert.Equal(145, Actual().Count(l => !l.StartsWith('#')));
        Assert.Equal(145, Expected().Count(l => !l.StartsWith('#')));
    }

    [Fact]
    public void GivenTheSeedArticles_WhenRunThroughThePipeline_ThenTheSentencesAndSectionsAreTheGoldenList()
    {
        var expected = Expected();
        var actual = Actual();
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            Assert.True(expected[i] == actual[i], $"line {i + 1}:\nexpected: {expected[i]}\nactual:   {actual[i]}");
        }

        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public void GivenTheSeedArticles_WhenLaidOut_ThenTheTitleFourHeadingsFooterAndCommentsAreFound()
    {
        var expected = Expected();
        Assert.Equal(["A U.S. Withdrawal Risks Handing Iraq to Militias"], Sections(expected, "title"));
        Assert.Equal(["Mostly Theater", "Kurdistan Gains New Leverage", "The Remaining Vacuum", "Who Really Wins?"], Sections(expected, "heading"));
        Assert.Equal(2, Sections(expected, "footer").Count);
        Assert.Equal(29, Sections(expected, "comment").Count);
        Assert.Equal(expected, Actual());
    }

    private static List<string> Sections(List<string> lines, string section) =>
        [.. lines.Where(l => l.StartsWith(section + "\t", StringComparison.Ordinal)).Select(l => l[(section.Length + 1)..])];
}
