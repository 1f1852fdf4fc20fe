using ArgMiner.Tagging;

namespace ArgMiner.Tests.Tagging;

/// <summary>
/// The seed articles (corpus/articles) through tokenize, split, POS, NER and gazetteer: every name listed
/// in Golden/seeds.entities.tsv (written by reading the articles) must come out with its type.
/// </summary>
public sealed class SeedsGoldenTests
{
    [Fact]
    public void GivenSeedArticles_WhenTagged_ThenEveryGoldenEntityIsFoundWithItsType()
    {
        var root = TaggingTestData.RepoRoot();
        var found = new Dictionary<string, HashSet<(string Text, string Type)>>(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(Path.Combine(root, "corpus", "articles"), "*.txt").Order(StringComparer.Ordinal))
        {
            var doc = TaggingTestData.Pipeline.Process(TaggingTestData.Doc(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path)));
            found[Path.GetFileName(path)] = [.. TaggingTestData.EntityTexts(doc).Select(e => (e.Text, e.Type))];
        }

        var golden = Path.Combine(AppContext.BaseDirectory, "Golden", "seeds.entities.tsv");
        var problems = new List<string>();
        var checkedCount = 0;
        foreach (var line in File.ReadLines(golden))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cols = line.Split('\t');
            Assert.Equal(3, cols.Length);
            var (file, text, type) = (cols[0], cols[1], cols[2]);
            Assert.True(found.ContainsKey(file), $"golden names unknown article {file}");
            checkedCount++;
            if (!found[file].Contains((text, type)))
            {
                var got = found[file].Where(e => e.Text.Contains(text, StringComparison.Ordinal) || text.Contains(e.Text, StringComparison.Ordinal));
                problems.Add($"{file}: expected {text} {type}; found {string.Join(", ", got.Select(g => $"[{g.Text} {g.Type}]"))}");
            }

            // The same text must never come out with another type in that article.
            foreach (var e in found[file].Where(e => e.Text == text && e.Type != type))
            {
                problems.Add($"{file}: {text} also tagged {e.Type}");
            }
        }

        Assert.True(checkedCount >= 25, "the golden file should list the seed names");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
