using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Segmentation;

namespace ArgMiner.Tests.Segmentation;

public class SentenceLengthCapTests
{
    private static ArgMiner.Text.Document Split(string text) =>
        TextPipeline.CreateDefault().Process(DocumentReaders.ReadPlainText(System.Text.Encoding.UTF8.GetBytes(text), "long.txt", "long").Document!);

    [Fact]
    public void Given_a_paragraph_far_longer_than_the_cap_without_a_sentence_end_When_split_Then_every_sentence_fits_and_all_tokens_are_kept_in_order()
    {
        var words = new[] { "prices", "rose", "and", "people", "were", "angry", "about", "it" };
        var text = string.Join(' ', Enumerable.Range(0, 6000).Select(i => words[i % words.Length]));
        var d = Split(text);
        Assert.True(d.Sentences.Length >= text.Length / SentenceSplitterStage.MaxSentenceLength);
        Assert.All(d.Sentences, s => Assert.InRange(s.End - s.Start, 1, SentenceSplitterStage.MaxSentenceLength));
        Assert.Equal(d.Tokens.Length, d.Sentences.Sum(s => s.TokenCount));
        for (var i = 1; i < d.Sentences.Length; i++)
        {
            Assert.Equal(d.Sentences[i - 1].FirstToken + d.Sentences[i - 1].TokenCount, d.Sentences[i].FirstToken);
        }
    }

    [Fact]
    public void Given_a_long_run_with_commas_When_capped_Then_it_is_cut_after_a_comma_near_the_limit()
    {
        var clause = "the council said that prices rose again this year, ";
        var text = string.Concat(Enumerable.Repeat(clause, 3 * SentenceSplitterStage.MaxSentenceLength / clause.Length));
        var d = Split(text);
        Assert.True(d.Sentences.Length > 1);
        var first = d.Sentences[0];
        Assert.Equal(',', d.Text[first.End - 1]);
        Assert.True(first.End - first.Start > SentenceSplitterStage.MaxSentenceLength / 2);
    }

    [Fact]
    public void Given_ordinary_sentences_When_split_Then_the_cap_changes_nothing()
    {
        var d = Split("Prices rose. People were angry, and said so.");
        Assert.Equal(2, d.Sentences.Length);
    }
}
