using System.Text;
using ArgMiner.Classification;
using ArgMiner.Tests.Support;
using ArgMiner.Text;

namespace ArgMiner.Tests.Classification;

public sealed class LabelOverlayTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("argminer-overlay-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    private static IReadOnlyList<LabelledSentence> Read(string spec) => LabelledData.Read([spec], new LabelledDataOptions());

    private static string ReadFails(string spec) => Assert.Throws<LabelledDataException>(() => Read(spec)).Message;

    /// <summary>A foreign file with its own labels (SUBJ/OBJ) and a multi-line quoted sentence, as NewsSD has.</summary>
    private string Source() => Write("foreign.csv", "Sentence,Label\n\"The bill passed 52 to 48\non Tuesday.\",OBJ\nWhat a farce.,SUBJ\nCouncils must get the power back.,SUBJ\n");

    [Fact]
    public void GivenAnOverlay_WhenRead_ThenItsLabelsReplaceTheFilesAndUnlistedRowsAreLeftOut()
    {
        var source = Source();
        var overlay = Write("o.labels", $"row,label,check\n3,claim,{LabelOverlay.Check("Councils must get the power back.")}\n1,evidence,\n");

        var rows = Read($"{source}#labels={overlay}@0.5");

        Assert.Equal(["evidence", "claim"], rows.Select(r => r.Label));
        Assert.Equal(["evidence"], rows[0].Targets.ToArray());
        Assert.Equal("The bill passed 52 to 48\non Tuesday.", rows[0].Text);
        Assert.Equal($"{source}:5", rows[1].Origin); // line 5: the first row spans lines 2 and 3
        Assert.All(rows, r => Assert.Equal(0.5, r.Weight));
    }

    [Fact]
    public void GivenAnOverlayWithASectionColumn_WhenRead_ThenItsRowsTakeThatSectionAndAnEmptyCellKeepsTheSources()
    {
        var source = Write("sections.csv", "text,section\nWhat a farce.,body\nCouncils must get the power back.,body\nPrices rose 3% in May.,\n");
        var overlay = Write("o.labels", "row,label,check,section\n1,opinion,,Comment\n2,claim,,\n3,evidence,,comment\n");

        var rows = Read($"{source}#labels={overlay}");

        Assert.Equal([Section.Comment, Section.Body, Section.Comment], rows.Select(r => r.Section));
    }

    [Fact]
    public void GivenAnOverlayWithAnUnknownSection_WhenRead_ThenOneErrorNamesItsLine()
    {
        var overlay = Write("o.labels", "row,label,section\n1,claim,\n2,opinion,thread\n");
        Assert.StartsWith($"{overlay}:3: unknown section 'thread'", ReadFails($"{Source()}#labels={overlay}"), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenASourceWithoutALabelColumn_WhenReadWithAnOverlay_ThenTheOverlayLabelsIt()
    {
        var source = Write("plain.csv", "text\nPrices rose 3% in May.\n");
        var overlay = Write("o.labels", "row,label\n1,Evidence\n");
        Assert.Equal("evidence", Assert.Single(Read($"{source}#labels={overlay}")).Label);
    }

    [Fact]
    public void GivenACheckThatNoLongerMatches_WhenRead_ThenTheErrorNamesTheOverlayLineAndRow()
    {
        var source = Source();
        var overlay = Write("o.labels", $"row,label,check\n1,evidence,{LabelOverlay.Check("The bill passed 52 to 48 on Tuesday.")}\n2,opinion,{LabelOverlay.Check("What a farce!")}\n");
        Assert.StartsWith($"{overlay}:3: row 2 of the source no longer has the text", ReadFails($"{source}#labels={overlay}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("row,label\n4,claim\n", 2, "row '4' is not a data row of the source (1 to 3)")]
    [InlineData("row,label\n0,claim\n", 2, "row '0' is not a data row")]
    [InlineData("row,label\nx,claim\n", 2, "row 'x' is not a data row")]
    [InlineData("row,label\n1,claim\n1,evidence\n", 3, "row 1 is labelled twice")]
    [InlineData("row,label\n1,rant\n", 2, "unknown label 'rant'")]
    [InlineData("line,label\n1,claim\n", 1, "a label file needs the columns row,label[,check]")]
    [InlineData("row,label\n1,claim,extra\n", 2, "malformed CSV")]
    public void GivenABadOverlay_WhenRead_ThenOneErrorNamesItsLine(string content, int line, string problem)
    {
        var overlay = Write("o.labels", content);
        Assert.StartsWith($"{overlay}:{line}: {problem}", ReadFails($"{Source()}#labels={overlay}"), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAMissingOverlayOrAFolderSource_WhenRead_ThenTheErrorSaysSo()
    {
        var missing = Path.Combine(_dir.FullName, "none.labels");
        Assert.Equal($"{missing}: no such label file", ReadFails($"{Source()}#labels={missing}"));
        Assert.EndsWith("a '#labels=FILE' suffix needs a data file (or an IBM Debater articles folder), not a folder", ReadFails($"{_dir.FullName}#labels={missing}"), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnOverlayWithABadByteOrNulOrAFolder_WhenRead_ThenTheErrorNamesTheOverlayLineAndProblem()
    {
        var source = Source();

        // A Latin-1 byte in a check cell was read as U+FFFD, and the error blamed the source file ("was the source file changed?").
        var latin1 = Path.Combine(_dir.FullName, "latin1.labels");
        File.WriteAllBytes(latin1, [.. "row,label,check\n1,evidence,\n3,claim,ab"u8, 0xE9, .. "f\n"u8]);
        Assert.StartsWith($"{latin1}:3: not valid UTF-8 (bad byte 0xE9", ReadFails($"{source}#labels={latin1}"), StringComparison.Ordinal);

        var binary = Path.Combine(_dir.FullName, "binary.labels");
        File.WriteAllBytes(binary, [.. "row,label\n"u8, 0x00, 0x01]);
        Assert.Equal($"{binary}:2: binary file (contains NUL bytes)", ReadFails($"{source}#labels={binary}"));

        var folder = Directory.CreateDirectory(Path.Combine(_dir.FullName, "labels")).FullName;
        Assert.Equal($"{folder}: is a folder; give the label file", ReadFails($"{source}#labels={folder}"));
    }

    [Fact]
    public void GivenTextsThatDifferOnlyInWhiteSpace_WhenChecked_ThenTheChecksAgree()
    {
        Assert.Equal(LabelOverlay.Check("The bill passed\n on  Tuesday."), LabelOverlay.Check(" The bill passed on Tuesday.\n"));
        Assert.NotEqual(LabelOverlay.Check("The bill passed on Tuesday."), LabelOverlay.Check("The bill failed on Tuesday."));
        Assert.Matches("^[0-9a-f]{8}$", LabelOverlay.Check("x"));
    }

    /// <summary>
    /// The project's own labels for external corpora (corpus/external): every file numbers its rows once each
    /// with a known label.
    /// </summary>
    [Theory]
    [InlineData("newssd-eng-train.labels", 731)]
    [InlineData("newssd-eng-val.labels", 99)]
    [InlineData("newssd-eng-val.second-pass.labels", 99)]
    public void GivenTheShippedOverlays_WhenRead_ThenEveryRowIsNumberedOnceWithAKnownLabel(string overlay, int rows)
    {
        var lines = File.ReadAllLines(Overlay(overlay)).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Enumerable.Range(1, rows), lines.Select(l => int.Parse(l[0], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(lines, l => Assert.Contains(l[1], SentenceLabels.All));
    }

    /// <summary>With ../shared beside the repository, every check of the shipped overlays matches its source row.</summary>
    [SharedCorpusTheory("newssd-eng")]
    [InlineData("newssd-eng-train.labels", "newssd-eng/train.csv", 731)]
    [InlineData("newssd-eng-val.labels", "newssd-eng/val.csv", 99)]
    [InlineData("newssd-eng-val.second-pass.labels", "newssd-eng/val.csv", 99)]
    public void GivenTheShippedOverlays_WhenReadAgainstTheirSources_ThenEveryRowIsLabelledOnce(string overlay, string source, int rows) =>
        Assert.Equal(rows, Read($"{SharedCorpus.Get(source)}#labels={Overlay(overlay)}").Count);

    private static string Overlay(string name) => Path.Combine(Repository.Root, "corpus", "external", name);
}
