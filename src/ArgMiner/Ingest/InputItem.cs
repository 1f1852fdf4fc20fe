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
    /// <summary><c>path:line: message</c>, the usual compiler-style location.</summary>
    public override string ToString() => Line is long l ? $"{Path}:{l}: {Message}" : $"{Path}: {Message}";
}
