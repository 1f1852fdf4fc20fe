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
            // A pipe (`--ud <(zcat …)`) is checked as it is read, so its bad byte surfaces from a read: the wrapper
            // gives it the same words (until session 33 it was a stack trace).
            return new Checked(TextStreams.Open(path, TextEncodingChoice.Utf8, out _), fail);
        }
        catch (TextDecodingException ex)
        {
            throw Failure(ex, fail);
        }
    }

    /// <summary>The lines of <paramref name="path"/>, read as <see cref="Open"/> reads it, each as it is reached.</summary>
    public static IEnumerable<string> ReadLines(string path, Func<long, string, Exception> fail)
    {
        using var reader = Open(path, fail);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>The whole text of <paramref name="path"/>, read as <see cref="Open"/> reads it.</summary>
    public static string ReadAll(string path, Func<long, string, Exception> fail)
    {
        using var reader = Open(path, fail);
        return reader.ReadToEnd();
    }

    /// <summary>A <c>fail</c> for the labelled-data readers: <see cref="Classification.LabelledDataException"/> naming <c>path:line</c>.</summary>
    public static Func<long, string, Exception> DataError(string path) => (line, problem) => new Classification.LabelledDataException(line > 0 ? $"{path}:{line}" : path, problem);

    private static Exception Failure(TextDecodingException ex, Func<long, string, Exception> fail) =>
        fail(ex.Line, ex.Problem);

    /// <summary>A reader whose decoding errors met while reading are thrown as <c>fail</c> makes them.</summary>
    private sealed class Checked(TextReader inner, Func<long, string, Exception> fail) : TextReader
    {
        public override string? ReadLine()
        {
            try
            {
                return inner.ReadLine();
            }
            catch (TextDecodingException ex)
            {
                throw Failure(ex, fail);
            }
        }

        public override int Read()
        {
            try
            {
                return inner.Read();
            }
            catch (TextDecodingException ex)
            {
                throw Failure(ex, fail);
            }
        }

        public override int Peek()
        {
            try
            {
                return inner.Peek();
            }
            catch (TextDecodingException ex)
            {
                throw Failure(ex, fail);
            }
        }

        public override int Read(char[] buffer, int index, int count)
        {
            try
            {
                return inner.Read(buffer, index, count);
            }
            catch (TextDecodingException ex)
            {
                throw Failure(ex, fail);
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
