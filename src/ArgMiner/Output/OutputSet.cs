using System.Globalization;
using System.Runtime.InteropServices;

namespace ArgMiner.Output;

/// <summary>
/// The output folder of one run, replaced as a whole: every file is written into a fresh hidden folder
/// beside it (<c>.NAME.partial</c>), and <see cref="Publish"/> swaps that folder with the output folder in
/// one step, so a reader of the output folder sees the earlier run's complete set or this run's complete
/// set, never a mix. On Linux the swap is one atomic <c>renameat2(RENAME_EXCHANGE)</c>; elsewhere the old
/// folder is first renamed to <c>.NAME.old</c>, so a kill between the two renames leaves no output folder
/// (never a mixed one) and the next run restores the old set. Leftovers of an interrupted run are removed
/// (and named) when the next run opens the folder. One run at a time writes a folder: each holds its lock
/// (<see cref="OutputLock"/>, <c>.NAME.lock</c> beside it) from before it looks at the folder until the swap and
/// clean-up are done, and another run meanwhile is refused with nothing changed. Nothing exists in the standard
/// library for swapping two folders, hence the small native call.
/// </summary>
public sealed partial class OutputSet : IDisposable
{
    /// <summary>The hidden file in every published output folder naming the files of its set.</summary>
    public const string ManifestName = ".argminer-output";

    // Files of runs from before the manifest existed: recognised as ArgMiner's, so such folders are replaced too.
    private static readonly string[] LegacyNames = ["documents.csv", "sentences.csv", "entities.csv", "numbers.csv", "documents.jsonl"];

    private readonly string _shown;
    private readonly Action<string> _note;
    private readonly OutputLock _folderLock;
    private readonly FileStream _lock;
    private readonly HashSet<string> _earlierSet;
    private bool _published;

    private OutputSet(string shown, string finalPath, string staging, OutputLock folderLock, FileStream lockFile, HashSet<string> earlierSet, Action<string> note)
    {
        _shown = shown;
        FinalPath = finalPath;
        Staging = staging;
        _folderLock = folderLock;
        _lock = lockFile;
        _earlierSet = earlierSet;
        _note = note;
    }

    /// <summary>The output folder (full path).</summary>
    public string FinalPath { get; }

    /// <summary>Where this run writes its files until <see cref="Publish"/>.</summary>
    public string Staging { get; }

    /// <summary>
    /// Checks the output folder, cleans up after an interrupted run and opens a fresh staging folder.
    /// </summary>
    /// <param name="outDir">The output folder as the user gave it.</param>
    /// <param name="inputs">The run's inputs; the output folder may neither be one, hold one, nor lie inside one.</param>
    /// <param name="note">Receives one line per thing the user should know (cleanups, restored sets).</param>
    /// <param name="resume">Keep the staging folder of an interrupted run (its checkpoint) instead of removing it.</param>
    /// <param name="underLock">The caller's own checks of what the folder holds, made once no other run can change it
    /// and before anything is changed; an <see cref="OutputFolderException"/> from it refuses the folder.</param>
    /// <exception cref="OutputFolderException">The folder cannot be used without losing or mixing data.</exception>
    public static OutputSet Open(string outDir, IEnumerable<string> inputs, Action<string> note, bool resume = false, Action? underLock = null)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(note);
        // --out is in most notes, and a line break in it took a note onto two lines.
        var noteLine = note;
        note = line => noteLine(Ingest.InputError.OneLine(line));
        // With every link on the way resolved (FolderSearch.RealPath): an --out that is a link to a folder elsewhere
        // (out -> /scratch/me/out, to put the outputs on another disk) was acted on as the link: the staging folder was
        // written beside the link, on the link's disk, then took the link's place, so the outputs never reached the
        // folder it led to and the link was gone. Inputs are compared with this path too (CheckAgainstInputs).
        var full = Ingest.FolderSearch.RealPath(outDir);
        var parent = Path.GetDirectoryName(full);
        if (parent is null || PathComparer.Equals(full, Path.TrimEndingDirectorySeparator(Environment.CurrentDirectory)))
        {
            throw new OutputFolderException($"--out {outDir} is the current or root folder; give a folder of its own (e.g. out)");
        }

        // Resolved as far as it goes (RealPath), a link that is still a link leads nowhere; it exists as a file, and was said to be one until session 32.
        if (OutputPath.IsLinkLoop(full))
        {
            throw new OutputFolderException($"--out {outDir} is {OutputPath.LinkLoop}; give another folder");
        }

        if (File.Exists(full))
        {
            throw new OutputFolderException($"--out {outDir} is a file, not a folder; give a folder for the output files");
        }

        // The longest name a run writes is the staging folder's, beside the output folder; a file system takes at most
        // 255 bytes a name. Until session 32 a longer one failed on the lock file, said to be held by another run.
        if (OutputPath.NameTooLong(full, "a run writes the hidden .NAME.partial beside it") is { } tooLong)
        {
            throw new OutputFolderException($"--out {outDir}: {tooLong}");
        }

        CheckAgainstInputs(outDir, full, inputs);
        // A file on the way (--out notes.txt/out) or a folder this user may not make: .NET's own words, exit 1, until session 32.
        if (OutputPath.MakeFolder(parent, outDir) is { } cannot)
        {
            throw new OutputFolderException($"--out {outDir}: its folder {parent} cannot be made ({cannot}); give another folder");
        }

        // Held before anything about the folder is decided, until the swap and clean-up are done (OutputLock): a run
        // started at the same moment is refused here, with nothing changed, whatever it would have found.
        var folderLock = OutputLock.Take(full, outDir);
        try
        {
            underLock?.Invoke();
            var name = Path.GetFileName(full);
            var staging = Path.Combine(parent, "." + name + ".partial");
            var old = Path.Combine(parent, "." + name + ".old");
            RecoverInterruptedSwap(full, old, outDir, note);
            CheckWritable(full, outDir);
            var earlier = EarlierSet(full, outDir);
            RemoveLeftovers(staging, outDir, note, resume);
            RemoveLegacyPartials(full, outDir, note);
            Directory.CreateDirectory(staging);
            // The lock of versions before the folder lock, which know only this one: they must still see a live run.
            var lockFile = new FileStream(Path.Combine(staging, ".lock"), FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            return new OutputSet(outDir, full, staging, folderLock, lockFile, earlier, note);
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Makes the staged files the output folder's whole content. Files of the earlier set that this run did
    /// not write (another format, say) go with the earlier set, each named in a note.
    /// </summary>
    /// <param name="files">The names of the files this run wrote into <see cref="Staging"/>.</param>
    public void Publish(IEnumerable<string> files)
    {
        ObjectDisposedException.ThrowIf(_published, this);
        ArgumentNullException.ThrowIfNull(files);
        // Every file in the staging folder belongs to the set, also one a writer did not name.
        var names = files
            .Concat(Directory.EnumerateFileSystemEntries(Staging).Select(Path.GetFileName).Where(n => !n!.StartsWith('.'))!)
            .Distinct(PathComparer)
            .Order(StringComparer.Ordinal)
            .ToList();
        File.WriteAllText(Path.Combine(Staging, ManifestName), string.Concat(names.Select(n => n + "\n")));
        _lock.Dispose();
        foreach (var stale in _earlierSet.Where(n => !names.Contains(n, PathComparer)).Order(StringComparer.Ordinal))
        {
            _note($"{Path.Combine(_shown, stale)} was from an earlier run and is removed with it (this run did not write it)");
        }

        var old = Path.Combine(Path.GetDirectoryName(FinalPath)!, "." + Path.GetFileName(FinalPath) + ".old");
        if (!Directory.Exists(FinalPath))
        {
            Directory.Move(Staging, FinalPath);
        }
        else if (TryExchange(Staging, FinalPath))
        {
            Directory.Move(Staging, old);
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(FinalPath, old);
            Directory.Move(Staging, FinalPath);
            Directory.Delete(old, recursive: true);
        }

        _published = true;
        _folderLock.Dispose();
    }

    /// <summary>
    /// Leaves the unpublished staging folder in place (a checkpoint for <c>--resume</c>) and releases it; the
    /// output folder is untouched. A later run without <c>--resume</c> removes it, as any leftover.
    /// </summary>
    public void Keep()
    {
        _lock.Dispose();
        _published = true;
        _folderLock.Dispose();
    }

    /// <summary>Abandons an unpublished set: the staging folder is deleted and the output folder is untouched.</summary>
    public void Dispose()
    {
        _lock.Dispose();
        try
        {
            if (!_published && Directory.Exists(Staging))
            {
                Directory.Delete(Staging, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the next run removes the leftover and says so.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
        finally
        {
            _published = true;
            _folderLock.Dispose();
        }
    }

    private static StringComparer PathComparer => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <remarks>
    /// <paramref name="full"/> has its links resolved, and each input is compared as given and resolved: an input folder given through a link (<c>run in
    /// --out data/in/out</c>, with <c>in</c> a link to <c>data/in</c>, as home folders often are on clusters) was not
    /// seen to hold the output folder, so each later run read the earlier run's documents.jsonl as input too, every
    /// document twice, exit 0.
    /// </remarks>
    private static void CheckAgainstInputs(string outDir, string full, IEnumerable<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                continue;
            }

            var inputFull = Path.TrimEndingDirectorySeparator(Path.GetFullPath(input));
            var inputReal = Ingest.FolderSearch.RealPath(inputFull);
            if (PathComparer.Equals(inputFull, full) || IsInside(inputFull, full) || PathComparer.Equals(inputReal, full) || IsInside(inputReal, full))
            {
                throw new OutputFolderException($"--out {outDir} holds the input {input}; the run would replace its own input. Give another folder for --out");
            }

            if (Directory.Exists(inputFull) && (IsInside(full, inputFull) || IsInside(full, inputReal)))
            {
                throw new OutputFolderException($"--out {outDir} is inside the input folder {input}; the next run would read its own outputs. Give a folder outside the inputs");
            }
        }
    }

    private static bool IsInside(string path, string folder) =>
        path.Length > folder.Length + 1
        && path.StartsWith(folder, OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
        && path[folder.Length] == Path.DirectorySeparatorChar;

    /// <summary>
    /// The files of the earlier set in the output folder. Anything else in it (a user's own file) would be
    /// lost in the swap, so such a folder is refused.
    /// </summary>
    private static HashSet<string> EarlierSet(string full, string outDir)
    {
        var set = new HashSet<string>(PathComparer);
        if (!Directory.Exists(full))
        {
            return set;
        }

        var manifest = Path.Combine(full, ManifestName);
        var listed = File.Exists(manifest) ? File.ReadAllLines(manifest).Where(l => l.Length > 0) : LegacyNames;
        var foreign = new List<string>();
        foreach (var entry in Directory.EnumerateFileSystemEntries(full).Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            if (entry == ManifestName || IsLegacyPartial(entry!))
            {
                continue;
            }

            if (listed.Contains(entry, PathComparer) && File.Exists(Path.Combine(full, entry!)))
            {
                set.Add(entry!);
            }
            else
            {
                foreign.Add(entry!);
            }
        }

        if (foreign.Count > 0)
        {
            var shown = string.Join(", ", foreign.Take(5)) + (foreign.Count > 5 ? $" and {foreign.Count - 5} more" : string.Empty);
            throw new OutputFolderException($"--out {outDir} holds files ArgMiner did not write ({shown}); a run replaces the whole folder, so give a new or empty folder");
        }

        return set;
    }

    /// <summary>
    /// Refuses an output folder this user may not write in (made read-only to keep it). The swap itself only needs its
    /// parent, so the new set moved in, but removing the earlier set from it then failed: the run exited 1 though it had
    /// replaced the folder, left <c>.NAME.old</c> behind, and every later run into the folder failed on that.
    /// </summary>
    private static void CheckWritable(string full, string outDir)
    {
        if (!Directory.Exists(full))
        {
            return;
        }

        try
        {
            // A name a leftover of which (a kill while it exists) the next run removes as an older version's partial file;
            // one of its own for each run, so that two runs opening the folder at once do not collide on it.
            var probe = Path.Combine(full, ".argminer-write-check-" + Guid.NewGuid().ToString("N") + ".partial");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (UnauthorizedAccessException)
        {
            throw new OutputFolderException($"--out {outDir} is read-only (this user may not write in it); make it writable (chmod u+w {outDir}) or give another folder");
        }
    }

    // Versions before the output set wrote each file as ".name.partial" inside the output folder.
    private static bool IsLegacyPartial(string name) => name.Length > 9 && name[0] == '.' && name.EndsWith(".partial", StringComparison.Ordinal);

    private static void RecoverInterruptedSwap(string full, string old, string outDir, Action<string> note)
    {
        if (!Directory.Exists(old))
        {
            return;
        }

        if (Directory.Exists(full))
        {
            // The new set had moved in; only deleting the old one was left.
            Directory.Delete(old, recursive: true);
        }
        else
        {
            Directory.Move(old, full);
            note($"{outDir}: restored the complete outputs of the run before an interrupted one");
        }
    }

    private static void RemoveLeftovers(string staging, string outDir, Action<string> note, bool resume)
    {
        if (!Directory.Exists(staging))
        {
            return;
        }

        try
        {
            // A live run holds this lock; a killed one no longer does.
            using (new FileStream(Path.Combine(staging, ".lock"), FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }
        }
        catch (IOException)
        {
            // Only a version from before the folder lock (OutputLock) can hold it now.
            throw OutputLock.Busy(outDir, null);
        }

        if (resume)
        {
            return;
        }

        var bytes = Size(staging);
        Directory.Delete(staging, recursive: true);
        note($"{outDir}: removed the unfinished files of an interrupted run ({Path.GetFileName(staging)}, {Megabytes(bytes)})");
    }

    private static void RemoveLegacyPartials(string full, string outDir, Action<string> note)
    {
        if (!Directory.Exists(full))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(full).Where(f => IsLegacyPartial(Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList())
        {
            var bytes = new FileInfo(file).Length;
            File.Delete(file);
            note($"{outDir}: removed the unfinished file of an interrupted run ({Path.GetFileName(file)}, {Megabytes(bytes)})");
        }
    }

    private static long Size(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.0} MB");

    /// <summary>Swaps two folders in one atomic step where the system can (Linux); false where it cannot.</summary>
    private static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return Native.RenameAt2(Native.AtCurrentDirectory, a, Native.AtCurrentDirectory, b, Native.RenameExchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    private static partial class Native
    {
        public const int AtCurrentDirectory = -100;
        public const uint RenameExchange = 2;

        [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static partial int RenameAt2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
    }
}

/// <summary>An output folder a run must not use (it would lose or mix data): a usage error, one line.</summary>
public sealed class OutputFolderException : Exception
{
    /// <summary>Whether the folder is only busy (another run holds it): waiting and trying again may succeed.</summary>
    public bool Busy { get; init; }

    /// <summary>Creates the error.</summary>
    public OutputFolderException(string message)
        : base(Ingest.InputError.OneLine(message))
    {
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public OutputFolderException()
    {
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public OutputFolderException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
