using ArgMiner.Ingest;

namespace ArgMiner.Evaluation;

/// <summary>
/// Opens a corpus file (CoNLL-U, the tagger corpora, a name list) by the rule every reader of the project follows:
/// strict UTF-8 with a BOM dropped, UTF-16 read by its BOM, a binary file refused. A bad byte used to become U+FFFD
/// without a word, so a tagger learnt or was scored on words that are not in the file.
/// </summary>
internal static class CorpusText
{
    /// <summary>Opens <paramref name="path"/>; when it cannot be read as UTF-8 text, throws what <paramref name="fail"/> makes of the line and the problem.</summary>
    public static TextReader Open(string path, Func<long, string, Exception> fail)
    {
        try
        {
            return TextStreams.Open(path, TextEncodingChoice.Utf8, out _);
        }
        catch (TextDecodingException ex)
        {
            throw fail(ex.Line, ex.Message.Replace(", skipped", string.Empty, StringComparison.Ordinal));
        }
    }
}
