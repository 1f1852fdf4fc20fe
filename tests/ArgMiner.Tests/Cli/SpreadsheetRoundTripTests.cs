using ArgMiner.Classification;
using ArgMiner.Tests.Support;
using CsvHelper;

namespace ArgMiner.Tests.Cli;

public class SpreadsheetRoundTripTests
{
    [Fact]
    public void GivenARunOutputWithCorrectedLabels_WhenTrainedOnItAsIs_ThenTheNewModelFollowsTheCorrections()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Support.Cli.Run("run", Repository.Articles, "--out", dir.File("out")).Exit);

        // The user opens sentences.csv, relabels every reader-comment sentence as evidence (a correction the
        // shipped model would never make), and saves it as CSV again.
        var rows = new List<string[]>();
        string[] header;
        using (var reader = CsvReader.Create(new StreamReader(dir.File("out/sentences.csv")), new CsvReaderOptions { HasHeader = true, AllowLineBreaksInQuotes = true }, false))
        {
            reader.ReadHeader();
            header = [.. reader.Headers!];
            while (reader.Read())
            {
                rows.Add([.. Enumerable.Range(0, header.Length).Select(reader.GetString)]);
            }
        }

        int section = Array.IndexOf(header, "section"), label = Array.IndexOf(header, "label"), text = Array.IndexOf(header, "text");
        var corrected = rows.Where(r => r[section] == "comment").ToList();
        Assert.True(corrected.Count >= 20);
        Assert.True(corrected.Count(r => r[label] != "evidence") >= 15, "the shipped model already says evidence: the test would prove nothing");
        foreach (var r in corrected)
        {
            r[label] = "evidence";
        }

        using (var writer = CsvWriter.Create(File.Create(dir.File("edited.csv")), new CsvWriterOptions { WriteByteOrderMark = true }, false))
        {
            writer.WriteRecord(header);
            foreach (var r in rows)
            {
                writer.WriteRecord(r);
            }
        }

        var (exit, _, stderr) = Support.Cli.Run("train", "--data", dir.File("edited.csv"), "--out", dir.File("mine.model"), "--folds", "0");
        Assert.True(exit == 0, stderr);
        var mine = SentenceClassifier.Load(dir.File("mine.model"));
        // train tags its rows by default, so the model is scored on tagged sentences, as run and evaluate score it.
        Assert.True(mine.TaggedFeatures);
        var tagger = ArgMiner.Pipeline.TextPipeline.CreateSentenceTagger();
        var followed = corrected.Count(r => mine.Predict(r[text], tagger.Tag(r[text])).Label == "evidence");
        Assert.True(followed * 10 >= corrected.Count * 9, $"{followed} of {corrected.Count} corrected sentences follow the correction");
    }

    [Fact]
    public void GivenTenSeedCommentsCorrectedToOpinionInTheWorkbook_WhenRetrainedWithTheCorpus_ThenTheCorrectionsWin()
    {
        using var dir = new TempDirectory();
        Assert.Equal(0, Support.Cli.Run("run", Repository.Articles, "--out", dir.File("out"), "--format", "csv,xlsx").Exit);
        var workbook = dir.File("out/argminer.xlsx");
        var corrected = Workbooks.TenCommentsToCorrect(dir.File("out/sentences.csv"));
        Assert.Equal(10, corrected.Count);
        Assert.Equal(10, Workbooks.Relabel(workbook, corrected.ToDictionary(t => t, _ => "opinion")));

        var (exit, stdout, stderr) = Support.Cli.Run("train", "--data", Path.Combine(Repository.Root, "corpus", "labelled"), workbook, "--out", dir.File("mine.model"), "--folds", "0");
        Assert.True(exit == 0, stderr);
        // Ten corrections override the corpus's labels of the same sentences; the seed run's other labels that differ from the corpus's count too.
        var overrode = System.Text.RegularExpressions.Regex.Match(stdout, @"overrode (\d+) labels");
        Assert.True(overrode.Success, stdout);
        Assert.True(int.Parse(overrode.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 10, stdout);
        var opinion = Workbooks.CountLabelled(dir.File("mine.model"), corrected, "opinion");
        Assert.True(opinion >= 8, $"{opinion} of 10 corrected comments come out opinion");
    }
}
