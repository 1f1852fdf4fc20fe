using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ArgMiner.Text;

namespace ArgMiner.Ingest;

/// <summary>
/// Reads a saved web page (<c>.html</c>, <c>.htm</c>: blog posts, editorials and reviews saved from a browser) as one
/// document. The markup is parsed by AngleSharp's HTML5 parser (the browsers' algorithm: unclosed tags, entities and
/// misnested markup as a browser reads them); the document's text is then made from the page's blocks, so
/// <b>the document's text is the extracted text, not the HTML source</b>: one block a paragraph, blocks separated by a blank
/// line, entities decoded, every run of white space one space (a <c>&lt;br&gt;</c> a line end). Offsets index that text
/// exactly, as every output's do; offsets into the markup would mean nothing to a spreadsheet user.
/// <para>
/// What is read: headings <c>h1</c>–<c>h6</c> are headings; the first <c>h1</c> before any body text is the title, and
/// without one the page's <c>og:title</c> (or else its <c>&lt;title&gt;</c>) is the title, put first; paragraphs, list
/// items (without bullets: those are style), quotations, captions, definitions and any other block holding text are
/// body; a table row is one body paragraph, its cells joined by " | " as a Markdown row's; a footer inside an article
/// is <see cref="Section.Footer"/>, as is a paragraph worded like a publisher's footer. Left out as not prose:
/// <c>pre</c> (code), <c>script</c>, <c>style</c>, <c>noscript</c>, <c>template</c>, <c>nav</c>, <c>form</c> (unless the
/// page's article or <c>h1</c> is inside it, as ASP.NET pages put their whole body in one) and form controls,
/// <c>aside</c>, embedded media, elements marked <c>hidden</c> or <c>aria-hidden</c> or styled <c>display: none</c> or
/// <c>visibility: hidden</c> in their own <c>style</c> (style sheets are not read), ARIA navigation, complementary and
/// search landmarks, a page's own header (one outside any <c>article</c> or <c>main</c>) and footer (outside any
/// article), links to the comments and counts of them
/// (<c>&lt;a href="#comments"&gt;5 Comments&lt;/a&gt;</c>, <c>comments-link</c>, <c>comment-count</c>: the plain-text rule
/// below would take "5 Comments" for a comments heading), and the rest of <c>head</c>.
/// </para>
/// <para>
/// Reader comments: a container (<c>div</c>, <c>section</c>, <c>ol</c>, <c>ul</c>, <c>aside</c>, <c>footer</c>,
/// <c>dl</c>) whose id or a class names a comments section (<c>comments</c>, <c>comments-area</c>, <c>comment-list</c>,
/// <c>commentlist</c>, <c>disqus_thread</c>…; not <c>comments-link</c> or <c>comment-count</c>) holds the comments: each
/// <c>li</c>, <c>article</c> or element classed <c>comment</c> (or with an id <c>comment-123</c>) inside it starts a
/// comment (a reply nested in it is a comment of its own), and its blocks, author and date lines included, are that
/// comment's paragraphs, as plain text's "X wrote:" lines are; blocks of the section outside any such element are a
/// comment each, except its headings ("3 Comments"), which are left out, as are reply links and the reply form.
/// A page without such markup has its comments found in the extracted text as plain text's are (a "Comments" heading,
/// writers' lines: <see cref="CommentRegister"/>), every block from there on one comment; <c>--comments none</c> finds none.
/// </para>
/// <para>
/// Hand-written here, and why: the walk over the parsed tree that picks the blocks (an explicit stack, never recursion:
/// a recursive walk over a deep tree overflows the stack, which ends the process and cannot be caught; AngleSharp's
/// <see cref="HtmlParserOptions.MaximumDepth"/> also caps the tree at 512 levels, so the library's own code stays safe
/// too), the <c>&lt;meta charset&gt;</c> look-up in the first 1,024 bytes (<see cref="DeclaredEncoding"/>; the project's
/// decoding rules, <see cref="TextDecoding"/>, then read the bytes, so that bad bytes give the same one line as any input),
/// and a linear pre-scan of the tags (<see cref="TooDeep"/>). AngleSharp's tree building is quadratic in the nesting
/// (HTML5's scope checks walk the stack of open elements for each tag: 100,000 nested <c>div</c>s took 93 s, 20,000 took
/// 2.4 s, and 5,000 <c>&lt;p&gt;&lt;font id=…&gt;</c> left open 32 s and 12.5 million nodes, its formatting elements
/// re-opened in every paragraph), whatever its depth cap; so a page whose elements would stand more than
/// <see cref="MaxNesting"/> deep, open or waiting to be re-opened, is skipped with one line before it is parsed (none of
/// 1,055 real pages, the Rust and Debian HTML documentation, was). The document's id is the file's name without its
/// extension, as for any file; its title is a paragraph of its text, as plain text's is.
/// </para>
/// <para>
/// Not used: SmartReader (the Readability port) for the article's main content. Measured in session 39: 2.5 s for a
/// 1.6 MB page that AngleSharp parses in 0.5 s; 180 s for 2.2 MB of elements nested 1,000 deep; and it drops reader
/// comments and the byline. The left-out elements above do most of what it would, linearly.
/// </para>
/// </summary>
public static partial class HtmlLayout
{
    /// <summary>
    /// The deepest a page's elements may nest (open elements, and formatting elements left open to be re-opened, each
    /// counted) for it to be read: deeper markup makes HTML5 tree building superlinear (<see cref="HtmlLayout"/>).
    /// </summary>
    public const int MaxNesting = 256;

    /// <summary>
    /// The largest page read, in bytes: its parsed tree takes about 50 bytes a byte of markup (20 MB of nested
    /// <c>div</c>s peaked at 1 GB), against about 20 for plain text, so pages get a quarter of the
    /// <see cref="DocumentReaders.MaxDocumentBytes"/> other documents may hold. Saved pages are rarely over a few MB.
    /// </summary>
    public const int MaxPageBytes = 64 << 20;

    /// <summary>How many bytes are looked through for a <c>&lt;meta charset&gt;</c> (HTML's own pre-scan looks as far).</summary>
    public const int CharsetScanBytes = 1024;

    /// <summary>The text and layout of a page read by <see cref="TryRead"/>.</summary>
    /// <param name="Text">The document's text: the page's blocks, a blank line between two.</param>
    /// <param name="Paragraphs">The blocks, in order, indexing <paramref name="Text"/>.</param>
    /// <param name="CommentCount">How many reader comments the paragraphs number.</param>
    public sealed record Page(string Text, List<Paragraph> Paragraphs, int CommentCount);

    /// <summary>
    /// Reads a page's markup; null, with the one-line reason ("…, skipped"), when it nests too deep to read in linear
    /// time (<see cref="MaxNesting"/>) or AngleSharp fails on it. A page without prose gives a page without paragraphs.
    /// </summary>
    /// <param name="html">The page, decoded.</param>
    /// <param name="comments">How the reader comments are found.</param>
    /// <param name="problem">Why the page was not read.</param>
    public static Page? TryRead(string html, CommentDetection comments, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(html);
        problem = TooDeep(html);
        if (problem is not null)
        {
            return null;
        }

        try
        {
            return Read(html, comments);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
        {
            problem = $"AngleSharp could not parse it as HTML ({ex.Message.TrimEnd('.')}), skipped";
            return null;
        }
    }

    // ---- The text encoding a page declares ----

    /// <summary>
    /// How the bytes of a page without a byte-order mark are read, from a <c>&lt;meta charset="…"&gt;</c> or
    /// <c>&lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;</c> in its first <see cref="CharsetScanBytes"/>
    /// bytes: UTF-8 strictly (damaged UTF-8 is then the usual error), or Windows-1252 for the labels HTML reads as
    /// Windows-1252 (<c>iso-8859-1</c>, <c>latin1</c>, <c>us-ascii</c>, <c>cp1252</c>…). Null when the page declares
    /// nothing (the caller's choice stands), or names another charset, given in <paramref name="unsupported"/>.
    /// </summary>
    public static TextEncodingChoice? DeclaredEncoding(ReadOnlySpan<byte> bytes, out string? unsupported)
    {
        unsupported = null;
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, CharsetScanBytes)]);
        var match = CharsetPattern().Match(head);
        if (!match.Success)
        {
            return null;
        }

        var label = match.Groups[1].Value.Trim().ToLowerInvariant();
        switch (label)
        {
            case "utf-8" or "utf8" or "unicode-1-1-utf-8" or "unicode11utf8" or "unicode20utf8" or "x-unicode20utf8":
                return TextEncodingChoice.Utf8;
            case "windows-1252" or "cp1252" or "x-cp1252" or "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "iso88591" or "latin1" or "l1"
                or "us-ascii" or "ascii" or "ansi_x3.4-1968" or "iso-ir-100" or "csisolatin1" or "ibm819" or "cp819" or "iso_8859-1:1987":
                return TextEncodingChoice.Windows1252;
            case "utf-16" or "utf-16le" or "utf-16be":
                // Only a byte-order mark makes UTF-16 (HTML ignores this label in bytes it could read it from).
                return null;
            default:
                unsupported = label;
                return null;
        }
    }

    // Over at most 1,024 characters, so no time-out is needed (one would throw through to the user).
    [GeneratedRegex("""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-.:]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetPattern();

    // ---- The pre-scan of the nesting ----

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param",
        "source", "track", "wbr",
    };

    // Elements whose content is raw text or RCDATA: no tag inside them counts.
    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    };

    // Elements an open element of the same name (in the same list or table) closes when they start.
    private static readonly HashSet<string> SelfClosingSiblings = new(StringComparer.Ordinal)
    {
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rp", "rtc", "colgroup", "caption",
    };

    // The elements HTML re-opens in a new paragraph when they were left open (its "active formatting elements").
    private static readonly HashSet<string> FormattingElements = new(StringComparer.Ordinal)
    {
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
    };

    // Elements that close an open paragraph when they start.
    private static readonly HashSet<string> ParagraphClosers = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6",
        "pre", "listing", "form", "table", "hr", "xmp", "li", "dd", "dt",
    };

    // Where a search of the open elements for one to close stops (HTML's scopes, simplified).
    private static readonly HashSet<string> ScopeBoundaries = new(StringComparer.Ordinal)
    {
        "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button", "svg", "math", "ul", "ol", "dl", "select",
    };

    /// <summary>
    /// Why the page's elements nest too deep to be parsed in linear time, or null. A single pass over the tags (comments,
    /// raw text and attribute values passed over) keeps a simplified stack of open elements as HTML5 builds it (a
    /// paragraph, list item or cell closes its open sibling; an end tag closes up to the element it names, or is ignored
    /// when none is open) and the formatting elements left open, which HTML re-opens in each new paragraph (at most three
    /// alike). Each search of the stack is bounded by <see cref="MaxNesting"/>, so the whole is linear.
    /// </summary>
    internal static string? TooDeep(string html)
    {
        var open = new List<string>();
        var formatting = new List<string>(); // "name attributes" of formatting elements not closed
        var foreign = 0; // open svg and math elements, inside which "/>" closes an element
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var next = html[lt + 1];
            if (next == '!')
            {
                var close = html.AsSpan(lt).StartsWith("<!--") ? html.IndexOf("-->", lt + 4, StringComparison.Ordinal) : html.IndexOf('>', lt);
                if (close < 0)
                {
                    break;
                }

                i = close + 1;
                continue;
            }

            if (next == '?')
            {
                var close = html.IndexOf('>', lt);
                if (close < 0)
                {
                    break;
                }

                i = close + 1;
                continue;
            }

            var end = next == '/';
            var nameStart = lt + (end ? 2 : 1);
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                i = lt + 1;
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && html[nameEnd] is not (' ' or '\t' or '\n' or '\r' or '\f' or '/' or '>'))
            {
                nameEnd++;
            }

            // The tag's end: the first '>' outside a quoted attribute value.
            var gt = nameEnd;
            var quote = '\0';
            while (gt < html.Length && (quote != '\0' || html[gt] != '>'))
            {
                if (quote != '\0')
                {
                    quote = html[gt] == quote ? '\0' : quote;
                }
                else if (html[gt] is '"' or '\'' && html[gt - 1] is '=' or ' ' or '\t' or '\n')
                {
                    quote = html[gt];
                }

                gt++;
            }

            if (gt >= html.Length)
            {
                break;
            }

            i = gt + 1;
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            if (end)
            {
                var at = Find(open, name, stopAtScope: false);
                if (at >= 0)
                {
                    PopTo(at);
                }

                if (FormattingElements.Contains(name))
                {
                    var f = formatting.FindLastIndex(k => k.AsSpan().StartsWith(name) && k.Length > name.Length && k[name.Length] == ' ');
                    if (f >= 0)
                    {
                        formatting.RemoveAt(f);
                    }
                }

                continue;
            }

            if (RawTextElements.Contains(name))
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }

            if (name == "plaintext")
            {
                break;
            }

            if (VoidElements.Contains(name) || name is "html" or "head" or "body" || (foreign > 0 && html[gt - 1] == '/'))
            {
                continue;
            }

            if (ParagraphClosers.Contains(name) && Find(open, "p", stopAtScope: true) is var p and >= 0)
            {
                PopTo(p);
            }

            if (SelfClosingSiblings.Contains(name) && Find(open, name, stopAtScope: true) is var sibling and >= 0)
            {
                PopTo(sibling);
            }

            if (FormattingElements.Contains(name))
            {
                // A new a (or nobr) closes the one left open; otherwise at most three alike are kept after the last marker.
                var key = name + " " + html[nameEnd..gt].Trim();
                var marker = formatting.LastIndexOf(Marker);
                if (name is "a" or "nobr")
                {
                    var previous = formatting.FindLastIndex(k => k.StartsWith(name + " ", StringComparison.Ordinal));
                    if (previous > marker)
                    {
                        formatting.RemoveAt(previous);
                    }
                }
                else if (formatting.Skip(marker + 1).Count(k => k == key) >= 3)
                {
                    formatting.RemoveAt(formatting.IndexOf(key, marker + 1));
                }

                formatting.Add(key);
            }
            else if (MarkerElements.Contains(name))
            {
                formatting.Add(Marker);
            }

            open.Add(name);
            foreign += name is "svg" or "math" ? 1 : 0;
            if (open.Count > MaxNesting || formatting.Count > MaxNesting)
            {
                var line = 1 + html.AsSpan(0, lt).Count('\n');
                return $"elements nest deeper than {MaxNesting} levels (line {line}), which is not read in linear time; skipped";
            }
        }

        return null;

        // Closes the open elements from index at on; a cell, caption or object closed forgets the formatting opened in it.
        void PopTo(int at)
        {
            for (var k = open.Count - 1; k >= at; k--)
            {
                foreign -= open[k] is "svg" or "math" ? 1 : 0;
                if (MarkerElements.Contains(open[k]) && formatting.LastIndexOf(Marker) is var m and >= 0)
                {
                    formatting.RemoveRange(m, formatting.Count - m);
                }
            }

            open.RemoveRange(at, open.Count - at);
        }
    }

    private const string Marker = "|";

    // Elements that start a new list of formatting elements to re-open (HTML's "markers").
    private static readonly HashSet<string> MarkerElements = new(StringComparer.Ordinal)
    {
        "td", "th", "caption", "applet", "object", "marquee", "template",
    };

    // The index of the innermost open element named name, or -1; with stopAtScope, not past a scope boundary.
    private static int Find(List<string> open, string name, bool stopAtScope)
    {
        for (var k = open.Count - 1; k >= 0; k--)
        {
            if (open[k] == name)
            {
                return k;
            }

            if (stopAtScope && ScopeBoundaries.Contains(open[k]))
            {
                return -1;
            }
        }

        return -1;
    }

    // ---- The walk over the tree ----

    private static readonly HashSet<string> DroppedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "form", "button", "select", "option", "textarea", "input", "label", "svg", "math",
        "iframe", "object", "embed", "canvas", "audio", "video", "map", "dialog", "aside", "pre", "head", "menu", "frameset", "noframes",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "dir", "div", "dl", "dt", "fieldset", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "listing", "main", "ol", "p",
        "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "search",
    };

    private static readonly HashSet<string> ContainerElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "ol", "ul", "aside", "footer", "dl",
    };

    private enum Kind
    {
        Body,
        Heading,
        H1,
        Footer,
        Comment,
    }

    private enum Mark : byte
    {
        None,
        CommentSection,
        CommentItem,
    }

    private readonly record struct Block(string Text, Kind Kind, int Comment);

    private static Page Read(string html, CommentDetection comments)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, MaximumDepth = 512 });
        using var document = parser.ParseDocument(html);
        var blocks = new List<Block>();
        var headTitle = HeadTitle(document);
        var markedComments = comments != CommentDetection.None;

        // The walk's state: counts of the elements open around the node being visited.
        var current = new StringBuilder();
        var space = false; // white space seen since the last character written
        var heading = 0;
        var h1 = 0;
        var article = 0; // article or main
        var articleOnly = 0; // article
        var footer = 0; // footers kept (inside an article)
        var commentSection = 0;
        var commentItem = 0;
        var comment = -1; // the comment whose blocks are being written
        var commentCount = 0;
        var newComment = false; // an item began: its first block starts a new comment
        var row = false; // in a table row, where cells are joined

        void Write(string s)
        {
            foreach (var c in s)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && current.Length > 0 && current[^1] != '\n')
                {
                    current.Append(' ');
                }

                space = false;
                current.Append(c);
            }
        }

        void Flush()
        {
            // Trailing spaces were never written; a line end left at the end is dropped.
            while (current.Length > 0 && char.IsWhiteSpace(current[^1]))
            {
                current.Length--;
            }

            space = false;
            if (current.Length == 0)
            {
                return;
            }

            var text = current.ToString();
            current.Clear();
            if (commentSection > 0 && markedComments)
            {
                if (commentItem == 0 && heading > 0)
                {
                    return; // "3 Comments", "Join the discussion": the section's own heading
                }

                if (newComment || commentItem == 0 || comment < 0)
                {
                    comment = commentCount++;
                    newComment = false;
                }

                blocks.Add(new Block(text, Kind.Comment, comment));
                return;
            }

            var kind = h1 > 0 && heading > 0 ? Kind.H1
                : heading > 0 ? Kind.Heading
                : footer > 0 || PlainTextLayout.IsFooter(text) ? Kind.Footer
                : Kind.Body;
            blocks.Add(new Block(text, kind, -1));
        }

        // An element is visited twice, on the way in and (Entering false) on the way out, with what it began (Mark).
        var stack = new Stack<(INode Node, bool Entering, Mark Mark)>();
        if (document.Body is { } body)
        {
            stack.Push((body, true, Mark.None));
        }

        while (stack.Count > 0)
        {
            var (node, entering, mark) = stack.Pop();
            if (node is IText textNode)
            {
                Write(textNode.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue; // comments, processing instructions
            }

            var name = element.LocalName;
            if (!entering)
            {
                Leave(name, mark);
                continue;
            }

            if (Skip(element, name))
            {
                continue;
            }

            if (name == "br")
            {
                while (current.Length > 0 && current[^1] == ' ')
                {
                    current.Length--;
                }

                if (current.Length > 0 && current[^1] != '\n')
                {
                    current.Append('\n');
                }

                space = false;
                continue;
            }

            if (name is "td" or "th" && row)
            {
                if (current.Length > 0)
                {
                    current.Append(" | ");
                    space = false;
                }
            }
            else if (BlockElements.Contains(name) || ContainerElements.Contains(name))
            {
                Flush();
            }

            // Counts are raised here and lowered in Leave, for the same element.
            mark = Mark.None;
            if (markedComments && commentSection == 0 && IsCommentSection(element, name))
            {
                commentSection++;
                mark = Mark.CommentSection;
            }
            else if (commentSection > 0 && IsCommentItem(element, name))
            {
                commentItem++;
                newComment = true;
                mark = Mark.CommentItem;
            }

            if (name is "article" or "main")
            {
                article++;
                articleOnly += name == "article" ? 1 : 0;
            }
            else if (name == "footer")
            {
                footer++;
            }
            else if (name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                heading++;
                h1 += name == "h1" ? 1 : 0;
            }
            else if (name == "tr")
            {
                row = true;
            }

            stack.Push((element, false, mark));
            var children = element.ChildNodes;
            for (var k = children.Length - 1; k >= 0; k--)
            {
                stack.Push((children[k], true, Mark.None));
            }
        }

        Flush();

        void Leave(string name, Mark mark)
        {
            if (BlockElements.Contains(name) || ContainerElements.Contains(name))
            {
                Flush();
            }

            if (mark == Mark.CommentSection)
            {
                commentSection--;
            }
            else if (mark == Mark.CommentItem)
            {
                commentItem--;
                newComment = true; // what follows in the section is not this comment
            }

            if (name is "article" or "main")
            {
                article--;
                articleOnly -= name == "article" ? 1 : 0;
            }
            else if (name == "footer")
            {
                footer--;
            }
            else if (name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
            {
                heading--;
                h1 -= name == "h1" ? 1 : 0;
            }
            else if (name == "tr")
            {
                row = false;
            }
        }

        // Whether an element and all in it is left out (footers and headers are kept where they belong to the article).
        bool Skip(IElement element, string name)
        {
            if (element.HasAttribute("hidden") || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
                || (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style)))
            {
                return true;
            }

            // ARIA landmarks that are navigation, sidebars or search, as nav and aside are.
            if (element.GetAttribute("role") is { } role && (role.Equals("navigation", StringComparison.OrdinalIgnoreCase)
                || role.Equals("complementary", StringComparison.OrdinalIgnoreCase) || role.Equals("search", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            if (commentSection > 0)
            {
                return name is not ("footer" or "header" or "aside") && DroppedElements.Contains(name) || IsReplyLink(element);
            }

            if (markedComments && IsCommentSection(element, name))
            {
                return false;
            }

            // A form is left out unless the page is inside it (ASP.NET pages wrap their whole body in one).
            if (name == "form")
            {
                return element.QuerySelector("article, main, h1") is null;
            }

            return DroppedElements.Contains(name) || IsLinkToComments(element, name)
                || (name == "header" && article == 0)
                || (name == "footer" && articleOnly == 0);
        }

        return Compose(blocks, headTitle, comments);
    }

    // The page's og:title, else its <title>, white space collapsed; null when it has neither.
    private static string? HeadTitle(IDocument document)
    {
        string? og = null, title = null;
        if (document.Head is { } head)
        {
            foreach (var child in head.Children)
            {
                if (og is null && child.LocalName == "meta" && string.Equals(child.GetAttribute("property"), "og:title", StringComparison.OrdinalIgnoreCase))
                {
                    og = Collapse(child.GetAttribute("content"));
                }
                else if (title is null && child.LocalName == "title")
                {
                    title = Collapse(child.TextContent);
                }
            }
        }

        return og ?? title;
    }

    private static string? Collapse(string? s) => s is null ? null : WhiteSpaceRuns.Collapse(s) is { Length: > 0 } collapsed ? collapsed : null;

    // The document's text and paragraphs from the blocks: the title first, a blank line between two blocks.
    private static Page Compose(List<Block> blocks, string? headTitle, CommentDetection comments)
    {
        // The first h1 is the title when no body text comes before it; otherwise the head's title is put first.
        var firstH1 = blocks.FindIndex(b => b.Kind == Kind.H1);
        var titled = firstH1 >= 0 && !blocks.Take(firstH1).Any(b => b.Kind is Kind.Body or Kind.Comment);
        var sb = new StringBuilder();
        var paragraphs = new List<Paragraph>(blocks.Count + 1);
        var commentCount = 0;

        void Add(string text, Section section, int? commentIndex)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            var start = sb.Length;
            sb.Append(text);
            paragraphs.Add(new Paragraph(start, sb.Length, section, commentIndex));
        }

        if (!titled && headTitle is not null && blocks.Count > 0)
        {
            Add(headTitle, Section.Title, null);
        }

        for (var k = 0; k < blocks.Count; k++)
        {
            var b = blocks[k];
            switch (b.Kind)
            {
                case Kind.Comment:
                    Add(b.Text, Section.Comment, b.Comment);
                    commentCount = Math.Max(commentCount, b.Comment + 1);
                    break;
                case Kind.H1 when titled && k == firstH1:
                    Add(b.Text, Section.Title, null);
                    break;
                case Kind.H1 or Kind.Heading:
                    Add(b.Text, Section.Heading, null);
                    break;
                case Kind.Footer:
                    Add(b.Text, Section.Footer, null);
                    break;
                default:
                    Add(b.Text, Section.Body, null);
                    break;
            }
        }

        var text = sb.ToString();
        if (commentCount == 0 && comments != CommentDetection.None && paragraphs.Count > 0)
        {
            // No comments section in the markup: found in the text as plain text's are, every block from there on one comment.
            var from = CommentRegister.CommentOffset(text, comments);
            for (var k = 0; k < paragraphs.Count; k++)
            {
                if (paragraphs[k].Start >= from)
                {
                    paragraphs[k] = paragraphs[k] with { Section = Section.Comment, Comment = commentCount++ };
                }
            }
        }

        return new Page(text, paragraphs, commentCount);
    }

    // A comments section: a container whose id or a class names one ("comments", "comments-area", "comment-list").
    private static bool IsCommentSection(IElement element, string name)
    {
        if (!ContainerElements.Contains(name))
        {
            return false;
        }

        if (element.Id is { } id && IsCommentsToken(id))
        {
            return true;
        }

        foreach (var token in element.ClassList)
        {
            if (IsCommentsToken(token))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCommentsToken(string token)
    {
        var t = token.ToLowerInvariant().Replace('_', '-');
        if (t is "disqus-thread" or "comment-list" or "commentlist" or "comment-section" or "comment-thread" or "comment-area" or "comments")
        {
            return true;
        }

        if (!(t.StartsWith("comments-", StringComparison.Ordinal) || t.EndsWith("-comments", StringComparison.Ordinal)))
        {
            return false;
        }

        // "comments-link", "comments-count", "post-comments-button": a link to the comments, not them.
        return !(t.EndsWith("-link", StringComparison.Ordinal) || t.EndsWith("-count", StringComparison.Ordinal) || t.EndsWith("-number", StringComparison.Ordinal)
            || t.EndsWith("-button", StringComparison.Ordinal) || t.EndsWith("-toggle", StringComparison.Ordinal) || t.EndsWith("-icon", StringComparison.Ordinal)
            || t.EndsWith("-title", StringComparison.Ordinal));
    }

    // One comment: an li or article in the section, or an element classed "comment" or with an id "comment-123".
    private static bool IsCommentItem(IElement element, string name)
    {
        if (name is "li" or "article")
        {
            return true;
        }

        if (element.Id is { } id && CommentIdPattern().IsMatch(id))
        {
            return true;
        }

        foreach (var token in element.ClassList)
        {
            if (string.Equals(token, "comment", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"^comment[-_]?\d+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentIdPattern();

    // A link to the comments or a count of them ("5 Comments" in a byline): left out, or the plain-text rule would read
    // it as a comments heading and every block after it as a comment.
    private static bool IsLinkToComments(IElement element, string name)
    {
        if (name == "a" && element.GetAttribute("href") is { } href && href.IndexOf('#') is var hash and >= 0)
        {
            var fragment = href.AsSpan(hash + 1);
            if (fragment.StartsWith("comment", StringComparison.OrdinalIgnoreCase) || fragment.Equals("respond", StringComparison.OrdinalIgnoreCase)
                || fragment.Equals("disqus_thread", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var token in element.ClassList)
        {
            var t = token.ToLowerInvariant().Replace('_', '-');
            if (t.StartsWith("comment", StringComparison.Ordinal) && (t.EndsWith("-link", StringComparison.Ordinal) || t.EndsWith("-count", StringComparison.Ordinal)
                || t.EndsWith("-number", StringComparison.Ordinal) || t.EndsWith("-button", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    // "Reply" links and buttons in a comment.
    private static bool IsReplyLink(IElement element)
    {
        foreach (var token in element.ClassList)
        {
            var t = token.ToLowerInvariant();
            if (t is "reply" or "comment-reply" or "comment-reply-link" or "reply-link" or "reply-button")
            {
                return true;
            }
        }

        return false;
    }
}
