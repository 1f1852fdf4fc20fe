using ArgMiner.Text;

namespace ArgMiner.Ingest;

/// <summary>One item read from the inputs: a document, or the one-line reason something was skipped.</summary>
public readonly record struct InputItem
{
    private InputItem(Document? document, InputError? error, InputError? warning = null)
    {
        Document = document;
        Error = error;
        Warning = warning;
    }

    /// <summary>The document, when reading succeeded.</summary>
    public Document? Document { get; }

    /// <summary>Why the input was skipped, when it was.</summary>
    public InputError? Error { get; }

    /// <summary>Something the user should know about how the input was read (it was still read), or null.</summary>
    public InputError? Warning { get; }

    /// <summary>The index of the file it was read from, in the enumerator's file listing (0 when not known).</summary>
    public int FileIndex { get; private init; }

    /// <summary>This item, read from the file at <paramref name="index"/> of the listing.</summary>
    public InputItem InFile(int index) => this with { FileIndex = index };

    /// <summary>A successfully read document.</summary>
    public static InputItem Of(Document document) => new(document, null);

    /// <summary>A document read with a warning (e.g. read as Windows-1252).</summary>
    public static InputItem Of(Document document, InputError? warning) => new(document, null, warning);

    /// <summary>This item with <paramref name="warning"/> attached.</summary>
    public InputItem WithWarning(InputError? warning) => new(Document, Error, warning) { FileIndex = FileIndex };

    /// <summary>A skipped input.</summary>
    public static InputItem Failed(InputError error) => new(null, error);
}

/// <summary>Why an input (a file, or one line of a JSON Lines file) was skipped.</summary>
/// <param name="Path">The file, as given on the command line (or <c>-</c>).</param>
/// <param name="Line">The 1-based line, when the problem has one.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
public sealed record InputError(string Path, long? Line, string Message)
{
    /// <summary><c>path:line: message</c>, the usual compiler-style location, on one line.</summary>
    /// <remarks>
    /// A Linux file name may hold a line break or a tab (a scraper naming files by headlines): written as it was, one
    /// problem took two lines of standard error, the second starting with the rest of the name, and a log reader or
    /// <c>grep argminer:</c> lost the file. Control characters are shown as escapes (<c>\n</c>, <c>\t</c>, <c>\x1B</c>).
    /// </remarks>
    public override string ToString() => OneLine(Line is long l ? $"{Path}:{l}: {Message}" : $"{Path}: {Message}");

    /// <summary><paramref name="text"/> with its control characters shown as escapes, so that it prints as one line.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var shown = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\n' => shown.Append("\\n"),
                '\r' => shown.Append("\\r"),
                '\t' => shown.Append("\\t"),
                _ when char.IsControl(c) => shown.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => shown.Append(c),
            };
        }

        return shown.ToString();
    }
}
