using ArgMiner.Classification;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Classification;

/// <summary>
/// classify writes a text cell that needs quoting or a formula guard straight into its row since issue 12
/// (<see cref="LineClassification.WriteCell"/>); it must be exactly <see cref="LineClassification.Cell"/>.
/// </summary>
public sealed class CellWritingTests
{
    private static readonly string[] Tricky =
    [
        string.Empty, "-", "--", "=1+2", "+x", "@home", "-5, or more", "'=quoted", "''+", "\tlead", "\rx", "a,b", "\"",
        "\"\"", "say \"no\", twice \"\"", " padded ", "end ", " start", "\u00a0nbsp\u00a0", "line\nbreak", "cr\r",
        "=\"a\",b ", "plain sentence.", "\u2028sep",
    ];

    [Fact]
    public void GivenTrickyTexts_WhenWrittenAsCells_ThenEachIsCell()
    {
        foreach (var text in Tricky)
        {
            Assert.Equal(LineClassification.Cell(text), Written(text));
        }
    }

    [Fact]
    public void GivenAnyText_WhenWrittenAsACell_ThenItIsCell()
    {
        Prop.ForAll<string>(text => LineClassification.Cell(text ?? string.Empty) == Written(text ?? string.Empty)).QuickCheckThrowOnFailure();
    }

    private static string Written(string text)
    {
        var destination = new char[(2 * text.Length) + 3];
        return new string(destination, 0, LineClassification.WriteCell(text, destination));
    }
}
