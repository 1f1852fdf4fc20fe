namespace ArgMiner.Output;

/// <summary>
/// A file written under a temporary name (<c>.name.partial</c>) in its final folder and renamed over the
/// final name only by <see cref="Commit"/>: a crash never leaves a half file that looks whole, and an
/// earlier complete file stays until the new one is complete.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    // The files being written now, so that an interrupted command can remove their temporary files (AbandonAll).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<AtomicFile, byte> Writing = new();

    // Per command (an AsyncLocal, so commands run side by side in one process, as the tests run them, each hear their own).
    private static readonly AsyncLocal<Action<string>?> NoteSink = new();

    private readonly FileStream _stream;
    private readonly bool _inPlace;
    private bool _done;

    /// <summary>Opens <paramref name="path"/>'s temporary file for writing, creating its folder if missing (as <c>--out</c> folders are).</summary>
    /// <exception cref="OutputPathException">The file cannot be written there (<see cref="Unusable"/>, or its folder cannot be made).</exception>
    public AtomicFile(string path)
    {
        if (OutputPath.IsSpecialFile(path))
        {
            // /dev/null, /dev/stdout, a pipe: written in place. Renamed over, a device or pipe was replaced by a file (as
            // root, `classify --out /dev/null` made /dev/null a file), or the temporary name could not be made beside it
            // (/proc/self/fd), until session 33. There is no earlier file to keep.
            FinalPath = TempPath = path;
            _inPlace = true;
            _stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1 << 16);
            return;
        }

        FinalPath = TargetOf(path);
        TempPath = Path.Combine(Path.GetDirectoryName(FinalPath)!, "." + Path.GetFileName(FinalPath) + ".partial");

        // Both were .NET's own words ("The path '…' is too long", "The file '…/notes.txt' already exists"), exit 1, until session 32.
        if (Unusable(path) is { } unusable)
        {
            throw new OutputPathException(path, unusable);
        }

        // A missing folder was found only here, at the end: classify and evaluate had done all their work, and it was lost.
        if (OutputPath.MakeFolder(Path.GetDirectoryName(FinalPath)!, path) is { } cannot)
        {
            throw new OutputPathException(path, $"its folder cannot be made ({cannot}); give another path");
        }

        if (RemoveStale(TempPath) is { } stale)
        {
            Notes?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{path}: removed {Path.GetFileName(TempPath)} ({stale / 1e6:0.0} MB), the unfinished temporary file of an earlier command that was killed while writing it"));
        }

        try
        {
            _stream = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }
        catch (UnauthorizedAccessException)
        {
            // The command line checks this before any work (OutputPath.NotWritable); here for a folder made read-only since.
            // .NET's words named the hidden .NAME.partial, a file the user never asked for.
            throw new OutputPathException(path, $"{Path.GetDirectoryName(FinalPath)} is read-only for this user; make it writable (chmod u+w) or give another path");
        }
        catch (IOException ex) when (OutputLock.HeldElsewhere(ex))
        {
            // Another command writing the same file holds its temporary file (the lock keeps it whole; the earlier file
            // stays). .NET's words ("The process cannot access the file '…/.NAME.partial' because it is being used by
            // another process") named a file the user never asked for, until session 33.
            throw new OutputPathException(path, "another process is writing it now; wait for it to finish or give another path");
        }

        Writing[this] = 0;
    }

    /// <summary>
    /// Receives one line (without the <c>argminer: </c> prefix) when a file's stale temporary file is removed
    /// (<see cref="RemoveStale"/>), for the command that is running; null says nothing. Set by the command line for the
    /// command it runs, so that every writer (classify's CSV, train's model, evaluate's side files) reports it alike.
    /// </summary>
    public static Action<string>? Notes
    {
        get => NoteSink.Value;
        set => NoteSink.Value = value;
    }

    /// <summary>
    /// Removes <paramref name="temp"/> when it is the leftover of a dead writer, and returns its size; null when there is
    /// none, or it is a live writer's. A writer holds its temporary file locked (opened with <see cref="FileShare.None"/>:
    /// an advisory <c>flock</c> on Linux and macOS, which the kernel drops when the process ends however it ends); a
    /// <c>kill -9</c> leaves the file, unlocked, and nothing removed it (session 37: classify's <c>.OUT.partial</c>
    /// stayed beside its output, as large as it had grown, until a later write of the same file happened to reuse it).
    /// It is removed while this process holds it, so no writer can take it meanwhile. Only a regular file is removed:
    /// a link or a device under that name is not a leftover of ours. Where file locking is off
    /// (<c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>) a live writer's file cannot be told from a dead one's, so nothing is removed.
    /// </summary>
    internal static long? RemoveStale(string temp)
    {
        try
        {
            var info = new FileInfo(temp);
            if (!info.Exists || info.LinkTarget is not null || (info.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0 || FileLockingDisabled)
            {
                return null;
            }

            using var held = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.None, 1);
            var bytes = held.Length;
            File.Delete(temp);
            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A live writer holds it (the open that follows says so in one line), or it went meanwhile, or this user may
            // not remove it (the open that follows says that too).
            return null;
        }
    }

    // .NET's switch that makes FileShare.None lock nothing; then a held file cannot be told from a leftover.
    private static bool FileLockingDisabled =>
        AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) ? disabled
        : Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Removes the temporary file of every file being written (for a command that Ctrl-C or SIGTERM ends: the process
    /// ends without running its clean-up, so the hidden <c>.NAME.partial</c>, up to the size of the whole output, stayed);
    /// the final files are not touched, so an earlier one stays. How many were removed.
    /// </summary>
    public static int AbandonAll()
    {
        var removed = 0;
        foreach (var file in Writing.Keys)
        {
            try
            {
                File.Delete(file.TempPath);
                removed++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Best effort: the process is ending.
            }
        }

        return removed;
    }

    /// <summary>
    /// Why a file cannot be written at <paramref name="path"/>, in words, or null: its name too long for the temporary
    /// name beside it (over 246 bytes), or a file (or a link that leads nowhere) on its folder's way (<c>notes.txt/pred.csv</c>). Changes nothing, so the
    /// command line asks it of every file a command writes before any work (<see cref="OutputPath"/>'s checks, as the
    /// output folder of a run).
    /// </summary>
    public static string? Unusable(string path) =>
        OutputPath.NameTooLong(TargetOf(path), "it is written first as .NAME.partial beside it")
        ?? (OutputPath.InTheWay(path) is { } inTheWay ? $"its folder cannot be made ({inTheWay}); give another path" : null);

    /// <summary>
    /// Writes a text file through <paramref name="write"/> under the temporary name and commits it when
    /// <paramref name="write"/> returns; if it throws, no file (and no half file) is left at <paramref name="path"/>.
    /// </summary>
    public static void WriteText(string path, System.Text.Encoding encoding, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, encoding, 1 << 16, leaveOpen: true);
            write(writer);
        });
    }

    /// <summary>
    /// Writes a file through <paramref name="write"/> under the temporary name and commits it when <paramref name="write"/>
    /// returns; if it throws, no file (and no half file) is left at <paramref name="path"/>, and an earlier one stays.
    /// </summary>
    /// <exception cref="NoSpaceException">The disk is full: said so, naming <paramref name="path"/>.</exception>
    /// <exception cref="IOException">The file cannot be written.</exception>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        try
        {
            using var file = new AtomicFile(path);
            write(file.Stream);
            file.Commit();
        }
        catch (IOException ex) when (ex is not OutputPathException && OutputPath.NoSpace(ex) is { } why)
        {
            // .NET's words named the hidden .NAME.partial, a file the user never asked for, until session 35.
            var earlier = File.Exists(TargetOf(path)) ? $"; the earlier {Path.GetFileName(path)} is kept" : string.Empty;
            throw new NoSpaceException(Ingest.InputError.OneLine($"{path}: cannot be written: {why}{earlier}. Free some space and run again"), ex);
        }
    }

    /// <summary>
    /// Where a write to <paramref name="path"/> lands: its full path with every symbolic link on the way resolved, the
    /// file's own included (<c>pred.csv -> /scratch/me/pred.csv</c>). The temporary file is made beside the target and
    /// renamed over it, so the link stays and the target is written; renamed over the link itself, it used to replace
    /// the link with a file and leave the target as it was. The command line compares outputs with inputs by this path
    /// too, so a link to an input is still refused.
    /// </summary>
    public static string TargetOf(string path) => Ingest.FolderSearch.RealPath(Path.GetFullPath(path));

    /// <summary>Where the file ends up.</summary>
    public string FinalPath { get; }

    /// <summary>Where it is written meanwhile.</summary>
    public string TempPath { get; }

    /// <summary>The temporary file's stream.</summary>
    public Stream Stream => _stream;

    /// <summary>Flushes to disk and renames the temporary file to the final name.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        if (_inPlace)
        {
            // A pipe or a device has no disk to force it to (fsync fails on a pipe).
            _stream.Flush();
            _stream.Dispose();
            _done = true;
            return;
        }

        _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TempPath, FinalPath, overwrite: true);
        _done = true;
        Writing.TryRemove(this, out _);
    }

    /// <summary>Abandons the file unless committed: the temporary file is deleted.</summary>
    public void Dispose()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        Writing.TryRemove(this, out _);
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // Closing flushes what is buffered, which fails again on a full disk; the file is abandoned anyway, and
            // it must still go (a resumed run keeps its staging folder, and the space is what ran out).
        }

        if (_inPlace)
        {
            return;
        }

        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // Best effort: a leftover ".partial" file never looks like a finished output.
        }
    }
}

/// <summary>
/// A file that could not be written for want of space (<see cref="OutputPath.NoSpace"/>): its message is one line naming the
/// file as the user gave it, saying so; the system's exception is inside it, and its HResult is the system's.
/// </summary>
public sealed class NoSpaceException : IOException
{
    /// <summary>Creates the error.</summary>
    public NoSpaceException(string message, Exception inner)
        : base(message, inner)
    {
        // The system's error number, so that a caller that looks at it (OutputPath.NoSpace) still sees a full disk.
        HResult = inner?.HResult ?? HResult;
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public NoSpaceException()
    {
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public NoSpaceException(string message)
        : base(message)
    {
    }
}
