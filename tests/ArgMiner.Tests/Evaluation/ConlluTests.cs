using ArgMiner.Evaluation;
using ArgMiner.Segmentation;
using ArgMiner.Tokenization;

namespace ArgMiner.Tests.Evaluation;

public sealed class ConlluTests
{
    // A made-up two-paragraph sample in CoNLL-U form (not from any corpus).
    private const string Sample = """
        # newdoc id = d1
        # newpar id = p1
        # text = We don't know.
        1	We	we	PRON	_	_	0	root	_	_
        2-3	don't	_	_	_	_	_	_	_	_
        2	do	do	AUX	_	_	0	root	_	_
        3	n't	not	PART	_	_	0	root	_	_
        4	know	know	VERB	_	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	_	_	0	root	_	_

        # text = Mid-2025 came.
        1	Mid	mid	ADJ	_	_	0	root	_	SpaceAfter=No
        2	-	-	PUNCT	_	_	0	root	_	SpaceAfter=No
        3	2025	2025	NUM	_	_	0	root	_	_
        4	came	come	VERB	_	_	0	root	_	SpaceAfter=No
        5	.	.	PUNCT	_	_	0	root	_	_

        # newpar id = p2
        # text = Hi there
        1	Hi	hi	INTJ	_	_	0	root	_	_
        2	there	there	ADV	_	_	0	root	_	_

        """;

    [Fact]
    public void GivenAFileWithoutTextComments_WhenRead_ThenEachSentenceTextIsRebuiltFromItsTokensAsUdSpellsIt()
    {
        var withText = Conllu.Read(new StringReader(Sample));
        var without = Conllu.Read(new StringReader(string.Join('\n', Sample.Split('\n').Where(l => !l.StartsWith("# text = ", StringComparison.Ordinal)))));
        Assert.Equal(withText.Select(s => s.Text), without.Select(s => s.Text));
        Assert.Equal(withText.Select(s => s.Words.ToArray()), without.Select(s => s.Words.ToArray()));
        Assert.All(without, s => Assert.Equal(0, s.UnalignedWords));
    }

    [Fact]
    public void GivenAMultiwordToken_WhenRead_ThenItsWordsGetConsecutiveSpans()
    {
        var sentences = Conllu.Read(new StringReader(Sample));
        Assert.Equal(3, sentences.Count);
        var s = sentences[0];
        Assert.Equal("We don't know.", s.Text);
        Assert.Equal(["We", "do", "n't", "know", "."], s.Words.Select(w => s.Text[w.Start..w.End]));
        Assert.True(s.NewParagraph);
        Assert.False(sentences[1].NewParagraph);
        Assert.True(sentences[2].NewParagraph);
        Assert.Equal(0, s.UnalignedWords);
    }

    [Fact]
    public void GivenTheSample_WhenEvaluated_ThenCountsMatchAHandCheckedScore()
    {
        var sentences = Conllu.Read(new StringReader(Sample));
        var words = TokenizationEvaluation.EvaluateWords(sentences, new RuleTokenizer());
        Assert.Equal(12, words.Gold);
        Assert.Equal(12, words.Correct);
        var sents = TokenizationEvaluation.EvaluateSentences(sentences, new RuleTokenizer(), new RuleSentenceSplitter());
        Assert.Equal(3, sents.Gold);
        Assert.Equal(3, sents.Correct);
        Assert.Equal(1.0, sents.F1);
    }

    [Fact]
    public void GivenPartlyWrongPredictions_WhenScored_ThenPrecisionRecallAndF1FollowTheirDefinitions()
    {
        var score = new PrfScore(Gold: 10, Predicted: 8, Correct: 6);
        Assert.Equal(0.75, score.Precision, 10);
        Assert.Equal(0.6, score.Recall, 10);
        Assert.Equal(2 * 0.75 * 0.6 / 1.35, score.F1, 10);
        Assert.Contains("f1 0.6667", score.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void GivenSentenceIds_WhenRead_ThenTheGenreIsTheIdsPrefix()
    {
        const string text = "# sent_id = email-enron_01-0001\n# text = Hi\n1\tHi\t_\t_\t_\t_\t0\troot\t_\t_\n\n# text = No id\n1\tNo\t_\t_\t_\t_\t0\troot\t_\t_\n2\tid\t_\t_\t_\t_\t0\troot\t_\t_\n\n";

        var sentences = Conllu.Read(new StringReader(text));

        Assert.Equal("email-enron_01-0001", sentences[0].SentId);
        Assert.Equal("email", sentences[0].Genre);
        Assert.Equal(string.Empty, sentences[1].Genre);
    }

    [Fact]
    public void GivenAMissedBoundary_WhenSentencesAreEvaluatedWithABoundaryReport_ThenItIsReportedWithGenreAndContext()
    {
        // One paragraph, two gold sentences, no mark between them: the splitter makes one.
        const string text = "# newdoc id = r\n# sent_id = reviews-r-1\n# text = Good food\n1\tGood\t_\t_\t_\t_\t0\troot\t_\t_\n2\tfood\t_\t_\t_\t_\t0\troot\t_\t_\n\n"
            + "# sent_id = reviews-r-2\n# text = Go.\n1\tGo\t_\t_\t_\t_\t0\troot\t_\tSpaceAfter=No\n2\t.\t_\t_\t_\t_\t0\troot\t_\t_\n\n";
        var lines = new List<string>();

        TokenizationEvaluation.EvaluateSentences(Conllu.Read(new StringReader(text)), new RuleTokenizer(), new RuleSentenceSplitter(), onBoundary: lines.Add);

        Assert.Equal("missed\treviews\tGood food \u2016 Go.", Assert.Single(lines));
    }

    [Theory]
    [InlineData("# text = Hi there.\n1\tHi\n2\tthere\nx\t.\n\n", "line 4: not a CoNLL-U token line")]
    [InlineData("# text = Hi.\n1\tHi\n\n# text = A\0B\n", "line 4: binary file")]
    public void GivenABrokenFile_WhenRead_ThenTheErrorNamesTheLine(string text, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => Conllu.Read(new StringReader(text)));
        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }
}
