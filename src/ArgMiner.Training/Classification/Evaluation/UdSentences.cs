namespace ArgMiner.Classification.Evaluation;

/// <summary>
/// The sentences of a Universal Dependencies CoNLL-U file (UD English EWT: weblogs, newsgroups, e-mail, reviews,
/// answers) as unlabelled rows, one per sentence in file order, for a <see cref="LabelOverlay"/> to label:
/// <c>--data en_ewt-ud-train.conllu#labels=corpus/external/ud-ewt-train.labels</c>. The text is the sentence's
/// <c># text</c> comment; the document is its <c># newdoc id</c>, so cross-validation keeps a document in one fold.
/// </summary>
public static class UdSentences
{
    /// <summary>Whether <paramref name="path"/> names a CoNLL-U file.</summary>
    public static bool IsConllu(string path) => Path.GetExtension(path).Equals(".conllu", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads every sentence of the file; each needs its labels from an overlay.</summary>
    /// <exception cref="LabelledDataException">The file has a sentence without a <c># text</c> comment.</exception>
    public static List<LabelledSentence> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rows = new List<LabelledSentence>();
        string? doc = null;
        string? text = null;
        var inSentence = false;
        var lineNumber = 0;
        var sentenceLine = 0;
        // Strict UTF-8 (CorpusText): a bad byte became U+FFFD without a word until session 34, and the overlay's check then
        // blamed a changed source file.
        foreach (var line in ArgMiner.Evaluation.CorpusText.ReadLines(path, ArgMiner.Evaluation.CorpusText.DataError(path)))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (inSentence)
                {
                    Add();
                }

                continue;
            }

            if (!inSentence)
            {
                inSentence = true;
                sentenceLine = lineNumber;
            }

            if (line.StartsWith("# newdoc id = ", StringComparison.Ordinal))
            {
                doc = line["# newdoc id = ".Length..].Trim();
            }
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
            {
                text = line["# text = ".Length..];
            }
        }

        if (inSentence)
        {
            Add();
        }

        return rows;

        void Add()
        {
            var origin = $"{path}:{sentenceLine}";
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new LabelledDataException(origin, "a CoNLL-U sentence without a '# text' comment");
            }

            rows.Add(new LabelledSentence(text, string.Empty, []) { Doc = doc, Origin = origin, Source = path });
            text = null;
            inSentence = false;
        }
    }
}
