using System.Text;
using ArgMiner.Tests.Support;

namespace ArgMiner.Tests.Cli;

public sealed class ClassifyInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void GivenAWindows1252File_WhenClassified_ThenItIsReadAsWindows1252WithOneWarningNamingTheFileAndLine()
    {
        var input = _dir.WriteBytes("excel.txt", Encoding.Latin1.GetBytes("The council should act.\nThe caf\u00e9 charges \u00a35 for tea.\n"));
        var output = _dir.File("out.csv");

        var (code, _, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);

        Assert.Equal(0, code);
        Assert.Equal($"argminer: warning: {input}: not valid UTF-8 (byte 0xE9 on line 2), read as Windows-1252", stderr.Trim());
        Assert.Contains("The caf\u00e9 charges \u00a35 for tea.,", File.ReadAllText(output, Encoding.UTF8), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenDamagedUtf8_WhenClassified_ThenOneErrorLineNamesFileAndLineAndNothingIsWritten()
    {
        var bytes = Encoding.UTF8.GetBytes("A na\u00efve plan.\nSecond line.\nThird ").Concat(new byte[] { 0xFF }).Concat(Encoding.ASCII.GetBytes(" line.\n")).ToArray();
        var input = _dir.WriteBytes("damaged.txt", bytes);
        var output = _dir.File("out.csv");

        var (code, stdout, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);

        Assert.Equal(1, code);
        Assert.Equal($"argminer: {input}, line 3: not valid UTF-8 (bad byte 0xFF at byte 34); nothing written", stderr.Trim());
        Assert.Equal(string.Empty, stdout);
        Assert.False(File.Exists(output));
        Assert.Equal([input], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public void GivenAFileNamedLikeATemporaryOne_WhenClassifiedBesideIt_ThenItIsLeftAsItWas()
    {
        var input = _dir.Write("in.txt", "The council should act.\n");
        var output = _dir.File("out.csv");
        var mine = _dir.Write("out.csv.tmp", "my own notes");

        var (code, _, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);

        Assert.True(code == 0, stderr);
        Assert.Equal("my own notes", File.ReadAllText(mine));
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'t'], File.ReadAllBytes(output)[..4]);
        Assert.Equal([input, output, mine], Directory.GetFiles(_dir.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenAnOutputInAFolderNotYetMade_WhenClassifiedAndEvaluated_ThenTheFolderIsMadeAndTheFilesWritten()
    {
        var input = _dir.Write("in.txt", "The council should act.\n");
        var data = _dir.Write("data.csv", "text,label\nThe plan will fail.,claim\nIt rained on Monday.,evidence\n");
        var output = _dir.File("new/sub/out.csv");
        var predictions = _dir.File("other/predictions.csv");

        var (code, _, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);
        Assert.True(code == 0, stderr);
        (code, _, stderr) = Support.Cli.Run("evaluate", "--data", data, "--predictions", predictions);
        Assert.True(code == 0, stderr);

        Assert.StartsWith("text,label,", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.True(File.Exists(predictions));
    }

    [Fact]
    public void GivenAFileNamedLikeAModelsTemporaryOne_WhenAModelIsSavedBesideIt_ThenItIsLeftAsItWas()
    {
        var model = _dir.File("m.model");
        var mine = _dir.Write("m.model.tmp", "my own notes");
        var package = new ArgMiner.Models.ModelPackage("test", 1, []);
        package.Entries["a.bin"] = [1, 2, 3];

        package.Save(model);

        Assert.Equal("my own notes", File.ReadAllText(mine));
        Assert.Equal([1, 2, 3], ArgMiner.Models.ModelPackage.Load(model, "test", 1).Entries["a.bin"]);
        Assert.Equal([model, mine], Directory.GetFiles(_dir.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void GivenUtf16WithABom_WhenClassified_ThenEveryLineIsClassifiedWithItsText()
    {
        var input = _dir.WriteBytes("utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("D\u00e9j\u00e0 vu all over again.\nPrices rose 3 percent.\n")]);
        var output = _dir.File("out.csv");

        var (code, _, stderr) = Support.Cli.Run("classify", "--input", input, "--out", output);

        Assert.True(code == 0, stderr);
        var lines = File.ReadAllLines(output, Encoding.UTF8);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("D\u00e9j\u00e0 vu all over again.,", lines[1], StringComparison.Ordinal);
    }
}
