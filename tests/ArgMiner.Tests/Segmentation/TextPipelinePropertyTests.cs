using System.Text;
using ArgMiner.Ingest;
using ArgMiner.Pipeline;
using ArgMiner.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ArgMiner.Tests.Segmentation;

/// <summary>
/// For arbitrary Unicode text (surrogate pairs, lone surrogates, combining marks, control characters,
/// CR/LF, spaces, punctuation, digits, emoji), the default pipeline's layers are well-formed.
/// </summary>
public sealed class TextPipelinePropertyTests
{
    private static readonly string[] Pieces =
    [
        "a", "Z", "é", "ß", "word", "U.S.", "etc.", "don't", "Iraq’s", "1", "2,500", "1.5", "$", "%", "£3m",
        ".", "...", "…", "!", "?", "?!", ",", ";", ":", "-", "--", "–", "—", "'", "\"", "“", "”", "’", "(", ")",
        "[", "<", ">", "@", "#", "/", "&", "_", " ", "  ", "\t", "\n", "\r\n", "\r", "\n\n\n", "\u00A0", "\u2028",
        "\u0000", "\u0007", "\u001B", "\u0301", "\u0308", "\u200D", "\uFE0F", "\u00AD", "\uD83D\uDE02",
        "\uD83D\uDC4D\uD83C\uDFFD", "\uD83C\uDDEE\uD83C\uDDF6", "\uD800", "\uDC00", "\uD835\uDC00", "\u4E2D",
        "http://x.y/z", "a@b.c", ":)", "Mr.", "Gen.", "A", "The", "I",
    ];

    private static readonly Arbitrary<string> Texts = Arb.From(
        Gen.Frequency(
            (8, Gen.Elements(Pieces)),
            (2, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())))
        .ArrayOf()
        .Select(parts => string.Concat(parts)));

    private static bool WellFormed(Document d)
    {
        var text = d.Text;
        var at = 0;
        foreach (var t in d.Tokens)
        {
            if (t.Start < at || t.End <= t.Start || t.End > text.Length)
            {
                return false;
            }

            at = t.End;
            for (var k = t.Start; k < t.End; k++)
            {
                if (char.IsWhiteSpace(text[k]))
                {
                    return false;
                }
            }

            // No surrogate pair is cut at either edge.
            if (char.IsLowSurrogate(text[t.Start]) && t.Start > 0 && char.IsHighSurrogate(text[t.Start - 1]))
            {
                return false;
            }

            if (char.IsHighSurrogate(text[t.End - 1]) && t.End < text.Length && char.IsLowSurrogate(text[t.End]))
            {
                return false;
            }

            if (t.In(text).ToString() != text[t.Start..t.End])
            {
                return false;
            }
        }

        var tokensInSentences = 0;
        var previousEnd = 0;
        foreach (var s in d.Sentences)
        {
            var p = d.Paragraphs[s.Paragraph];
            if (s.Start < previousEnd || s.Start < p.Start || s.End > p.End || s.TokenCount <= 0)
            {
                return false;
            }

            previousEnd = s.End;
            foreach (var t in d.TokensOf(s))
            {
                if (t.Start < s.Start || t.End > s.End)
                {
                    return false;
                }
            }

            if (d.Tokens[s.FirstToken].Start != s.Start || d.Tokens[s.FirstToken + s.TokenCount - 1].End != s.End || s.FirstToken != tokensInSentences)
            {
                return false;
            }

            tokensInSentences += s.TokenCount;
        }

        // Every token belongs to a sentence.
        return tokensInSentences == d.Tokens.Length;
    }

    [Fact]
    public void GivenArbitraryUnicodeText_WhenReadAsPlainTextAndProcessed_ThenAllSpansAreWellFormed()
    {
        var pipeline = TextPipeline.CreateDefault();
        var property = Prop.ForAll(Texts, text =>
        {
            var item = DocumentReaders.ReadPlainText(Encoding.UTF8.GetBytes(text), "t.txt", "t");
            if (item.Document is null)
            {
                return true; // empty, only white space, or not decodable: rejected with a message instead
            }

            return WellFormed(pipeline.Process(item.Document));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    // Markdown's block markers, mixed into the same pieces: headings, setext underlines, lists, quotations, breaks,
    // fences, tables and front matter, at any place.
    private static readonly string[] MarkdownPieces =
        ["# ", "## ", "###### ", "#", " ##", "\n===\n", "\n---\n", "\n- ", "\n* ", "\n+ ", "\n1. ", "\n> ", ">", "\n```\n", "~~~", "|", "\n|---|---|\n",
         "---\ntitle: ", "\n---\n", "    ", "\t", "**", "_", "[a](http://x.y)", "<div>", "\n\n", "\n"];

    private static readonly Arbitrary<string> MarkdownTexts = Arb.From(
        Gen.Frequency(
            (6, Gen.Elements(Pieces)),
            (4, Gen.Elements(MarkdownPieces)),
            (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())))
        .ArrayOf()
        .Select(parts => string.Concat(parts)));

    [Fact]
    public void GivenArbitraryMarkdown_WhenReadAsMarkdownAndProcessed_ThenParagraphsAndAllSpansAreWellFormed()
    {
        var pipeline = TextPipeline.CreateDefault();
        var property = Prop.ForAll(MarkdownTexts, text =>
        {
            var item = DocumentReaders.ReadPlainText(Encoding.UTF8.GetBytes(text), "t.md", "t", markdown: true);
            if (item.Document is null)
            {
                return true; // empty, no prose, or not decodable: rejected with a message instead
            }

            var d = item.Document;
            var at = 0;
            foreach (var p in d.Paragraphs)
            {
                if (p.Start < at || p.End <= p.Start || p.End > d.Text.Length || char.IsWhiteSpace(d.Text[p.Start]) || char.IsWhiteSpace(d.Text[p.End - 1]))
                {
                    return false;
                }

                at = p.End;
            }

            return WellFormed(pipeline.Process(d));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    // HTML's tags, entities, comments and raw text, mixed into the same pieces, closed or not, at any place.
    private static readonly string[] HtmlPieces =
        ["<p>", "</p>", "<div>", "</div>", "<h1>", "</h1>", "<h2>", "</h2>", "<ul>", "<li>", "</li>", "<br>", "<table><tr><td>", "</td><td>", "</tr><tr>",
         "<script>", "</script>", "<style>", "<!--", "-->", "<title>", "</title>", "<meta property=og:title content='T'>", "&amp;", "&nbsp;", "&#8364;",
         "&#", ";", "<b>", "</b>", "<pre>", "</pre>", "<nav>", "<footer>", "<article>", "</article>", "<section id=comments>", "<li class=comment>",
         "</section>", "<blockquote>", "<a href='x'>", "</a>", "<", ">", "\"", "'", "="];

    private static readonly Arbitrary<string> HtmlTexts = Arb.From(
        Gen.Frequency(
            (6, Gen.Elements(Pieces)),
            (4, Gen.Elements(HtmlPieces)),
            (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())))
        .ArrayOf()
        .Select(parts => string.Concat(parts)));

    [Fact]
    public void GivenArbitraryHtml_WhenReadAsAPageAndProcessed_ThenTheParagraphsAreTheTextExactlyAndAllSpansAreWellFormed()
    {
        var pipeline = TextPipeline.CreateDefault();
        var property = Prop.ForAll(HtmlTexts, html =>
        {
            var item = DocumentReaders.ReadHtml(Encoding.UTF8.GetBytes(html), "t.html", "t");
            if (item.Document is null)
            {
                return true; // empty, no prose, or not decodable: rejected with a message instead
            }

            // The document's text is its paragraphs, a blank line between two, and nothing else.
            var d = item.Document;
            var at = 0;
            foreach (var p in d.Paragraphs)
            {
                if (p.Start != (at == 0 ? 0 : at + 2) || p.End <= p.Start || p.End > d.Text.Length || char.IsWhiteSpace(d.Text[p.Start])
                    || char.IsWhiteSpace(d.Text[p.End - 1]) || d.Text.AsSpan(p.Start, p.End - p.Start).Contains("\n\n", StringComparison.Ordinal)
                    || (at > 0 && d.Text[at..p.Start] != "\n\n"))
                {
                    return false;
                }

                at = p.End;
            }

            return at == d.Text.Length && WellFormed(pipeline.Process(d));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void GivenArbitraryUnicodeText_WhenComposedAsARecordAndProcessed_ThenAllSpansAreWellFormed()
    {
        var pipeline = TextPipeline.CreateDefault();
        var property = Prop.ForAll(Texts, text =>
        {
            var document = DocumentReaders.Compose("id", "src", text.Length > 3 ? text[..3] : null, text, [(text, null, null)]);
            return WellFormed(pipeline.Process(document));
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }
}
