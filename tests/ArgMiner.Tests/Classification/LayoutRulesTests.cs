using System.Collections.Immutable;
using ArgMiner.Classification;
using ArgMiner.Text;

namespace ArgMiner.Tests.Classification;

public sealed class LayoutRulesTests
{
    private static readonly SentencePrediction Claim = new("claim", 0.9, [0.9, 0.05, 0.03, 0.02]);

    // n sentences, every third a body sentence and the rest headings, each in a paragraph of its own.
    private static (Document Document, ImmutableArray<SentencePrediction> Labels) ManyHeadings(int n)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>(n);
        var paragraphs = ImmutableArray.CreateBuilder<Paragraph>(n);
        for (var i = 0; i < n; i++)
        {
            var section = i % 3 == 0 ? Section.Body : Section.Heading;
            paragraphs.Add(new Paragraph(i * 2, (i * 2) + 1, section, null));
            sentences.Add(new Sentence(i * 2, (i * 2) + 1, section, i, null, i, 1));
        }

        var document = new Document
        {
            Id = "d",
            Source = "-",
            Text = string.Concat(Enumerable.Repeat("x\n", n)),
            Paragraphs = paragraphs.MoveToImmutable(),
            Sentences = sentences.MoveToImmutable(),
        };
        return (document, [.. Enumerable.Repeat(Claim, n)]);
    }

    [Fact]
    public void GivenHeadingsAndBodySentences_WhenTheLayoutRulesApply_ThenHeadingsAreOtherAndTheRestUnchanged()
    {
        var (document, labels) = ManyHeadings(30);

        var ruled = SentenceClassifierStage.WithLayoutRules(document, labels);

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(i % 3 == 0 ? "claim" : "other", ruled[i].Label);
        }

        Assert.Same(Claim, ruled[0]);
    }

    [Fact]
    public void GivenADocumentOfTwentyThousandHeadingLines_WhenTheLayoutRulesApply_ThenTheLabelsAreCopiedOnceNotOncePerHeading()
    {
        var (document, labels) = ManyHeadings(20_000);
        _ = SentenceClassifierStage.WithLayoutRules(document, labels); // compiled before measuring

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ruled = SentenceClassifierStage.WithLayoutRules(document, labels);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // One copy of 20,000 references is 160 KB; a copy per heading (13,333 of them) would be about 2 GB.
        Assert.True(allocated < 4_000_000, $"{allocated} bytes allocated");
        Assert.Equal(13_333, ruled.Count(p => p.Label == "other"));
    }

    [Fact]
    public void GivenADocumentWithoutTitlesHeadingsOrFooters_WhenTheLayoutRulesApply_ThenTheSameLabelsComeBack()
    {
        var (document, labels) = ManyHeadings(3);
        document = document with { Sentences = [.. document.Sentences.Select(s => s with { Section = Section.Body })] };

        var ruled = SentenceClassifierStage.WithLayoutRules(document, labels);

        Assert.True(labels == ruled, "the same array, not a copy");
    }
}
