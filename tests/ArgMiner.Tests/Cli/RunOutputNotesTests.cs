using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

public sealed class RunOutputNotesTests
{
    [Fact]
    public void GivenATitleLongerThanACell_WhenRunWritesTheWorkbook_ThenTheCommandSaysACellWasCut()
    {
        // The workbook's Summary sheet said so, but a run that does not open the workbook said nothing until session 38.
        using var dir = new TempDirectory();
        var title = new string('x', 40_000);
        dir.Write("in.jsonl", "{\"id\":\"a\",\"title\":\"" + title + "\",\"body\":\"The plan failed. Voters were angry.\"}\n");
        var (code, stdout, stderr) = Support.Cli.Run("run", dir.File("in.jsonl"), "--out", dir.File("out"), "--format", "csv,xlsx");
        Assert.True(code == 0, stderr);
        var note = Assert.Single(stdout.Split('\n'), l => l.StartsWith("argminer: note: ", StringComparison.Ordinal));
        Assert.StartsWith("argminer: note: argminer.xlsx: ", note, StringComparison.Ordinal);
        Assert.Contains("were cut (ending in …)", note, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenAnOrdinaryBatch_WhenRunWritesTheWorkbookAndReport_ThenNoNoteIsSaid()
    {
        using var dir = new TempDirectory();
        dir.Write("in/a.txt", "A Short Title\n\nThe plan failed. Voters were angry.\n");
        var (code, stdout, stderr) = Support.Cli.Run("run", dir.File("in"), "--out", dir.File("out"), "--format", "xlsx,html");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("argminer: note: ", stdout, StringComparison.Ordinal);
    }
}
