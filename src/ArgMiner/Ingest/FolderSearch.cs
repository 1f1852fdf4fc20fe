namespace ArgMiner.Ingest;

/// <summary>
/// Finds the input files under a folder, recursively: <c>.txt</c>, <c>.md</c>, <c>.markdown</c>, <c>.html</c>, <c>.htm</c>,
/// <c>.docx</c>, <c>.pdf</c> and <c>.jsonl</c> files, in ordinal order of
/// their relative paths. Folder links are followed once: a link to a folder already searched (a loop back to
/// an ancestor, or a second way into the same folder) is not followed again. Hidden entries (names starting
/// with '.', Office's lock files starting with "~$", or entries marked hidden or system) are skipped. Both are reported as notes, one line each, instead of
/// silently. A saved page's resource folder (<c>post_files/</c> beside <c>post.html</c>) is skipped with one note too.
/// The standard recursive enumeration follows link loops until the path is too long, hence this walk.
/// </summary>
public static class FolderSearch
{
    /// <summary>Folders nested deeper than this are not searched (a guard against links no path check catches).</summary>
    public const int MaxDepth = 64;

    /// <summary>The input files under <paramref name="root"/> as paths relative to it (with '/'), in reading order.</summary>
    /// <param name="root">The folder.</param>
    /// <param name="shown">The folder as the user gave it, for notes.</param>
    /// <param name="notes">Receives the notes on links not followed and hidden entries skipped.</param>
    /// <param name="isInput">Which file names are inputs (by default what <c>run</c> reads: <c>.txt</c>, <c>.jsonl</c>, Markdown, HTML, Word and PDF).</param>
    /// <param name="unreadable">When given, receives the entries that cannot be opened (a folder that cannot be listed, a
    /// name that is not valid UTF-8), by relative path, with the one-line reason; they are also among the files returned,
    /// in their place, so that the caller reports each as a skipped input. Without it they are notes.</param>
    public static List<string> InputFiles(string root, string shown, List<InputError> notes, Func<string, bool>? isInput = null, Dictionary<string, string>? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var accepts = isInput ?? IsRunInput;
        var full = Path.GetFullPath(root);
        var files = new List<string>();
        var hidden = new List<string>();
        var resources = new List<string>();
        var others = new List<string>();
        var searched = new HashSet<string>(StringComparer.Ordinal) { RealPath(full) };
        Search(full, string.Empty, 0);
        if (hidden.Count > 0)
        {
            var names = string.Join(", ", hidden.Order(StringComparer.Ordinal).Take(5)) + (hidden.Count > 5 ? $" and {hidden.Count - 5} more" : string.Empty);
            notes.Insert(0, new InputError(shown, null, $"skipped {hidden.Count} hidden {(hidden.Count == 1 ? "entry" : "entries")} ({names})"));
        }

        if (resources.Count > 0)
        {
            var names = string.Join(", ", resources.Order(StringComparer.Ordinal).Take(3)) + (resources.Count > 3 ? $" and {resources.Count - 3} more" : string.Empty);
            notes.Add(new InputError(shown, null, $"skipped {resources.Count} saved {(resources.Count == 1 ? "page's resource folder" : "pages' resource folders")} ({names}: the scripts, images and frames a browser saves beside a page)"));
        }

        // A folder of files run does not read (PDFs, old .doc files) gave only "no document was read": the
        // note says what it looks for and what it found instead.
        if (isInput is null && files.Count == 0 && others.Count > 0)
        {
            var names = string.Join(", ", others.Order(StringComparer.Ordinal).Take(3)) + (others.Count > 3 ? ", …" : string.Empty);
            notes.Add(new InputError(shown, null, $"no .txt, .md, .markdown, .html, .htm, .docx, .pdf or .jsonl file in it, nothing read from it ({others.Count} other {(others.Count == 1 ? "file" : "files")}: {names})"));
        }

        files.Sort(StringComparer.Ordinal);
        return files;

        void Search(string folder, string relative, int depth)
        {
            IEnumerable<FileSystemInfo> entries;
            try
            {
                // Not IgnoreInaccessible: with it, a folder the user may not read (mode 700, another user's) was listed
                // as empty, so its files were left out without a word and the run exited 0.
                entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 })];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Unreadable(relative, $"folder cannot be read ({ex.Message.TrimEnd('.')}), skipped");
                return;
            }

            // "Save page as…, complete" puts a page's scripts, images and frames (ads, trackers, often .html) in a folder
            // named after it: "post.html" and "post_files/". Run reads the page, not that folder.
            var names = isInput is null ? entries.Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) : null;
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                var isFolder = entry is DirectoryInfo;
                // .NET reads a name that is not UTF-8 (an archive from a Latin-1 system) with U+FFFD for its bad bytes, a
                // name no file has: looking it up fails, and its attributes, all bits set then, made it a "hidden entry"
                // (a warning, exit 0) whatever its name. (A file removed since the listing is not "hidden" either: its
                // reading says it is gone.)
                var badName = entry.Name.Contains('\uFFFD', StringComparison.Ordinal) && !entry.Exists;
                // "~$op-ed.docx" is the lock file Word keeps beside a document it has open: hidden on Windows, not on a
                // share read from Linux or macOS, where it made a "not a Word document" error of an open document.
                if (entry.Name.StartsWith('.') || (!isFolder && entry.Name.StartsWith("~$", StringComparison.Ordinal))
                    || (entry.Exists && (entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0))
                {
                    if (isFolder || accepts(entry.Name))
                    {
                        hidden.Add(isFolder ? path + "/" : path);
                    }

                    continue;
                }

                if (badName)
                {
                    if (isFolder || accepts(entry.Name))
                    {
                        Unreadable(path, "its name is not valid UTF-8 (shown with U+FFFD for the bad bytes), so it cannot be opened; rename it (convmv), skipped");
                    }

                    continue;
                }

                if (!isFolder)
                {
                    if (accepts(entry.Name))
                    {
                        files.Add(path);
                    }
                    else
                    {
                        others.Add(path);
                    }

                    continue;
                }

                if (names is not null && IsPageResources(entry.Name, names))
                {
                    resources.Add(path + "/");
                    continue;
                }

                var real = RealPath(entry.FullName);
                if (!searched.Add(real))
                {
                    notes.Add(new InputError(Show(path), null, "links to a folder already searched, not followed"));
                }
                else if (depth + 1 > MaxDepth)
                {
                    notes.Add(new InputError(Show(path), null, $"folders nested deeper than {MaxDepth} levels, not searched"));
                }
                else
                {
                    Search(entry.FullName, path, depth + 1);
                }
            }
        }

        void Unreadable(string relative, string why)
        {
            if (unreadable is null)
            {
                notes.Add(new InputError(Show(relative), null, why));
                return;
            }

            unreadable[relative] = why;
            files.Add(relative);
        }

        string Show(string relative) => Shown(relative.Length == 0 ? shown : Path.Join(shown, relative));
    }

    /// <summary>
    /// A path as it is shown and opened, with '/' between folders. Only where '\' separates folders (Windows) is it
    /// turned into '/': on Linux it is a character of a name, and turning it made <c>back\slash.txt</c> a path that
    /// does not exist, so the file was skipped as one that "cannot be read".
    /// </summary>
    public static string Shown(string path) => Path.DirectorySeparatorChar == '\\' ? path.Replace('\\', '/') : path;

    /// <summary>
    /// Whether a file found in a folder stores nothing (a size of 0), so a reader passes it over without opening it.
    /// A named pipe, socket or device has size 0 too, and opening a pipe waits for a writer that may never come (a run
    /// and a training hung on one for good); one named on the command line, such as <c>&lt;(zcat a.txt.gz)</c>, is
    /// still read, since the user asked for it. A file that cannot be looked at is left to the reader to report.
    /// </summary>
    public static bool StoresNothing(string path)
    {
        try
        {
            // A link is judged by what it leads to: its own size is that of the target's name, so a link to /dev/zero
            // or to a pipe was opened and read (a run filled memory and died, "Out of memory.", or waited for good).
            var info = new FileInfo(path);
            if (info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target)
            {
                info = target;
            }

            return info.Length == 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsRunInput(string name) =>
        name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || IsMarkdown(name) || IsHtml(name)
        || IsWordDocument(name) || IsPdf(name);

    /// <summary>Whether <paramref name="name"/> names a Word document (<c>.docx</c>, read by <see cref="WordLayout"/>).</summary>
    internal static bool IsWordDocument(string name) => name.EndsWith(".docx", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="name"/> names a PDF file (<c>.pdf</c>, read by <see cref="PdfInput"/>).</summary>
    internal static bool IsPdf(string name) => name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="name"/> names a Markdown file (<c>.md</c>, <c>.markdown</c>).</summary>
    internal static bool IsMarkdown(string name) =>
        name.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    // "post_files" beside "post.html" or "post.htm" (the browsers' English name; localised ones such as "post-Dateien" are
    // not recognised, and their .html files are read).
    private static bool IsPageResources(string folder, HashSet<string> siblings)
    {
        if (!folder.EndsWith("_files", StringComparison.OrdinalIgnoreCase) || folder.Length == "_files".Length)
        {
            return false;
        }

        var page = folder[..^"_files".Length];
        return siblings.Contains(page + ".html") || siblings.Contains(page + ".htm");
    }

    /// <summary>Whether <paramref name="name"/> names a saved web page (<c>.html</c>, <c>.htm</c>).</summary>
    internal static bool IsHtml(string name) =>
        name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The folder's path with every link on the way resolved, so two ways into one folder compare equal. Parts that do
    /// not exist yet (an output folder to be made) are kept as they are.
    /// </summary>
    internal static string RealPath(string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            for (var hops = 0; hops < 40; hops++)
            {
                var info = new DirectoryInfo(current);
                if (info.LinkTarget is null)
                {
                    break;
                }

                current = Path.TrimEndingDirectorySeparator(Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(current)!));
            }
        }

        return current;
    }
}
