namespace ArgMiner.Text;

/// <summary>
/// A paragraph: one line of a text file (or of a record's body), a title, a heading, a footer line or
/// one reader comment. Offsets are UTF-16 indexes into <see cref="Document.Text"/>, <c>[Start, End)</c>.
/// </summary>
/// <param name="Start">First character.</param>
/// <param name="End">One past the last character.</param>
/// <param name="Section">The part of the document it belongs to.</param>
/// <param name="Comment">The zero-based reader comment it belongs to, or null outside comments.</param>
public readonly record struct Paragraph(int Start, int End, Section Section, int? Comment)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;
}

/// <summary>
/// A token: a word, number, punctuation mark, URL, emoji… Offsets are UTF-16 indexes into the document
/// text, <c>[Start, End)</c>. A token never contains white space.
/// </summary>
public readonly record struct Token(int Start, int End)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;

    /// <summary>The token's characters in <paramref name="text"/>, without allocating.</summary>
    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, End - Start);
}

/// <summary>
/// A sentence. Offsets are UTF-16 indexes into the document text, <c>[Start, End)</c>; its tokens are
/// <c>Document.Tokens[FirstToken .. FirstToken + TokenCount]</c>.
/// </summary>
/// <param name="Start">First character (the first token's start).</param>
/// <param name="End">One past the last character (the last token's end).</param>
/// <param name="Section">The section of its paragraph.</param>
/// <param name="Paragraph">Zero-based index of its paragraph in <see cref="Document.Paragraphs"/>.</param>
/// <param name="Comment">The zero-based reader comment it belongs to, or null outside comments.</param>
/// <param name="FirstToken">Index of its first token in <see cref="Document.Tokens"/>.</param>
/// <param name="TokenCount">Number of tokens.</param>
public readonly record struct Sentence(int Start, int End, Section Section, int Paragraph, int? Comment, int FirstToken, int TokenCount)
{
    /// <summary>Length in UTF-16 code units.</summary>
    public int Length => End - Start;
}
