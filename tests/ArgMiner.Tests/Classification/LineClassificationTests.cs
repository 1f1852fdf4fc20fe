using ArgMiner.Classification;
using ArgMiner.Pipeline;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Classification;

/// <summary>
/// <c>classify</c>'s line scoring: the parallel path (blocks of lines, one run of lines per thread) writes exactly
/// what the one-line-at-a-time path writes, whatever the line breaks, the block size and the number of threads.
/// </summary>
public sealed class LineClassificationTests
{
    private static readonly string[] Pieces =
    [
        "The council raised taxes again.", "I love it!", "Shame on them", "In 2023, 40% rose.", "", " ", "a",
        "\n", "\r\n", "\r", "\n\n", "\r\r\n", ",", "\"", "=SUM(A1)", "-3", "@x", "\t", "\uD83D\uDE02", "é",
        new string('x', 700), new string('y', 1500) + " words " + new string('z', 900),
    ];

    private static readonly Arbitrary<string> Inputs = Arb.From(Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)));

    private static string Classify(string input, int jobs, int blockChars)
    {
        using var reader = new StringReader(input);
        using var writer = new StringWriter();
        LineClassification.Classify(ShippedModels.SentenceClassifier, reader, writer, new LineClassificationOptions { Jobs = jobs, BlockChars = blockChars });
        return writer.ToString();
    }

    [Fact]
    public void GivenAnyLinesAndLineBreaks_WhenScoredOnSeveralThreadsInSmallBlocks_ThenTheOutputIsTheOneThreadOutput()
    {
        var property = Prop.ForAll(Inputs, Gen.Choose(16, 200).ToArbitrary(), Gen.Choose(2, 5).ToArbitrary(), (input, block, jobs) =>
            Classify(input, jobs, block) == Classify(input, 1, block));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void GivenLinesLongerThanTheRowBuffer_WhenScoredOnOneThread_ThenEachRowHoldsItsWholeLine()
    {
        var longLine = string.Join(' ', Enumerable.Repeat("word", 600));
        var output = Classify(longLine + "\nshort\n" + longLine, 1, 1 << 20);

        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, rows.Length);
        Assert.StartsWith(longLine + ",", rows[1], StringComparison.Ordinal);
        Assert.StartsWith(longLine + ",", rows[3], StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTheSameInput_WhenScoredWithOneTwoAndEightThreads_ThenTheFilesAreIdentical()
    {
        var lines = string.Join("\r\n", Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? string.Empty : $"Sentence {i} says the rise of {i}% was a disgrace, \"really\"."));

        var one = Classify(lines, 1, 1 << 20);

        Assert.Equal(5001, one.Count(c => c == '\n'));
        Assert.Equal(one, Classify(lines, 2, 4096));
        Assert.Equal(one, Classify(lines, 8, 1 << 20));
    }
}
