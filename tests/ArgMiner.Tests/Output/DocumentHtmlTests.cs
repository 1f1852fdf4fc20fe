using ArgMiner.Output.Html;
using ArgMiner.Text;

namespace ArgMiner.Tests.Output;

public sealed class DocumentHtmlTests
{
    [Fact]
    public void GivenSentencesOfSeveralParagraphs_WhenGrouped_ThenEachParagraphGetsItsOwnInDocumentOrderAndStrayOnesNone()
    {
        // Paragraph 1 has no sentence; sentence 4 names a paragraph the document lacks.
        var document = new Document
        {
            Id = "d",
            Source = "-",
            Text = "a b. c d e",
            Paragraphs = [new Paragraph(0, 4, Section.Body, null), new Paragraph(4, 5, Section.Body, null), new Paragraph(5, 10, Section.Body, null)],
            Sentences =
            [
                new Sentence(0, 1, Section.Body, 0, null, 0, 1), new Sentence(2, 4, Section.Body, 0, null, 1, 2),
                new Sentence(6, 7, Section.Body, 2, null, 3, 1), new Sentence(8, 9, Section.Body, 2, null, 4, 1),
                new Sentence(9, 10, Section.Body, 7, null, 5, 1),
            ],
        };

        var (sentences, first) = DocumentHtml.SentencesByParagraph(document);

        Assert.Equal([0, 2, 2, 4], first);
        Assert.Equal([0, 1, 2, 3], sentences);
    }
}
