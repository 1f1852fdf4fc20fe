using ArgMiner.Classification;
using ArgMiner.Text;
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

    private static string Classify(string input, int jobs, int blockChars, int trickle = 0, int blockLines = 1 << 14)
    {
        using TextReader reader = trickle > 0 ? new TrickleReader(input, trickle) : new StringReader(input);
        using var writer = new StringWriter();
        LineClassification.Classify(ShippedModels.SentenceClassifier, reader, writer, new LineClassificationOptions { Jobs = jobs, BlockChars = blockChars, BlockLines = blockLines });
        return writer.ToString();
    }

    // The reference: TextReader.ReadLine's lines, each scored by the compiled weights through the path that takes
    // another scorer and written row by row, an implementation apart from the blocks'.
    private static string OneLineAtATime(string input)
    {
        var classifier = ShippedModels.SentenceClassifier;
        using var reader = new StringReader(input);
        using var writer = new StringWriter();
        LineClassification.Classify(classifier, reader, writer, new LineClassificationOptions
        {
            Scorer = (string text, in SentenceContext context, Span<double> p) => classifier.Predict(text, context).Probabilities.AsSpan().CopyTo(p),
        });
        return writer.ToString();
    }

    [Fact]
    public void GivenALineStartingWithAnApostropheAndAFormula_WhenClassified_ThenItsCellIsGuardedAndRestoresToTheLine()
    {
        // Neutralise gives "'=1+1" a second apostrophe so that Restore can tell the guard from the text's own; the
        // plain-cell shortcut wrote it bare until session 40, and Restore then gave "=1+1" back.
        foreach (var jobs in new[] { 1, 2 })
        {
            var cell = Classify("'=1+1\n", jobs, 1 << 16).Split('\n')[1].Split(',')[0];

            Assert.Equal("''=1+1", cell);
            Assert.Equal("'=1+1", ArgMiner.Output.CsvSafety.Restore(cell));
        }

        Assert.Equal("''=1+1", OneLineAtATime("'=1+1\n").Split('\n')[1].Split(',')[0]);
    }

    [Fact]
    public void GivenAnyLinesAndLineBreaks_WhenScoredOnSeveralThreadsInSmallBlocks_ThenTheOutputIsTheOneThreadOutput()
    {
        var property = Prop.ForAll(Inputs, Gen.Choose(16, 200).ToArbitrary(), Gen.Choose(2, 5).ToArbitrary(), (input, block, jobs) =>
            Classify(input, jobs, block) == Classify(input, 1, block) && Classify(input, 1, block) == OneLineAtATime(input));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void GivenBlocksCutAfterAFewLines_WhenScoredOnOneThreadOrSeveral_ThenTheOutputIsTheOneLineAtATimeOutput()
    {
        // A block holds at most so many lines (empty lines would otherwise make a block of a million rows).
        var property = Prop.ForAll(Inputs, Gen.Choose(1, 5).ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (input, lines, jobs) =>
            Classify(input, jobs, 200, blockLines: lines) == OneLineAtATime(input));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void GivenAnInputThatArrivesInShortReads_WhenScoredOnSeveralThreads_ThenTheOutputIsTheOneThreadOutput()
    {
        // A pipe or a terminal hands over a few chars at a time: the parallel path scores what has arrived.
        var property = Prop.ForAll(Inputs, Gen.Choose(1, 60).ToArbitrary(), Gen.Choose(16, 200).ToArbitrary(), (input, trickle, block) =>
            Classify(input, 3, block, trickle) == Classify(input, 1, block));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void GivenLinesPipedInOneAtATime_WhenScoredOnSeveralThreads_ThenEachRowIsWrittenBeforeTheNextLineIsRead()
    {
        using var writer = new StringWriter();
        using var reader = new LineByLineReader(["I love this place!\n", "Shame on them.\r\n", "The rate rose 3%."], writer);

        LineClassification.Classify(ShippedModels.SentenceClassifier, reader, writer, new LineClassificationOptions { Jobs = 2 });

        Assert.Equal(4, writer.ToString().Count(c => c == '\n'));
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

    /// <summary>A reader that hands over at most a few chars a call, as a pipe does.</summary>
    private sealed class TrickleReader(string text, int most) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, most), text.Length - _at);
            text.CopyTo(_at, buffer, index, n);
            _at += n;
            return n;
        }

        public override int Read() => _at < text.Length ? text[_at++] : -1;

        public override int Peek() => _at < text.Length ? text[_at] : -1;
    }

    /// <summary>
    /// Hands over one line a call, as a terminal does, and refuses to hand over the next until the rows of those
    /// already read are written: a reader that waited for a full block would never be answered.
    /// </summary>
    private sealed class LineByLineReader(string[] lines, StringWriter written) : TextReader
    {
        private int _next;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_next == lines.Length)
            {
                return 0;
            }

            var rows = written.ToString().Count(c => c == '\n') - 1;
            if (rows < _next)
            {
                throw new InvalidOperationException($"line {_next + 1} was asked for before the row of line {_next} was written");
            }

            var line = lines[_next++];
            line.CopyTo(0, buffer, index, line.Length);
            return line.Length;
        }
    }
}
