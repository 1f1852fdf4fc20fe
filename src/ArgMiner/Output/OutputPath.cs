using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ArgMiner.Output;

/// <summary>
/// The checks of a path ArgMiner writes under a hidden temporary name beside it (<c>.NAME.partial</c>): an output
/// folder (<see cref="OutputSet"/>) or an output file (<see cref="AtomicFile"/>, and the command line before any work).
/// Each gives the reason in words, or null when the path is fine; the caller names the option and the path.
/// </summary>
public static partial class OutputPath
{
    // NAME_MAX of Linux's and macOS's file systems.
    private const int MaxNameBytes = 255;

    // The "." and ".partial" of the temporary name beside it.
    private const int PartialBytes = 9;

    /// <summary>
    /// Why <paramref name="path"/>'s name is too long for its temporary name beside it (at most 246 bytes), or null.
    /// </summary>
    /// <param name="path">The path; only its last part counts.</param>
    /// <param name="writtenAs">How the temporary name comes about, in words (<c>it is written first as .NAME.partial beside it</c>).</param>
    public static string? NameTooLong(string path, string writtenAs)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bytes = Encoding.UTF8.GetByteCount(Path.GetFileName(Path.TrimEndingDirectorySeparator(path)));
        return bytes + PartialBytes > MaxNameBytes
            ? string.Create(CultureInfo.InvariantCulture, $"its name is too long ({bytes} bytes; {writtenAs}, so at most {MaxNameBytes - PartialBytes}); give a shorter name")
            : null;
    }

    /// <summary>
    /// What stands on <paramref name="path"/>'s way, in words, or null: the first folder of it that is a file
    /// (<c>notes.txt is a file</c> for <c>notes.txt/out</c>) or a symbolic link that leads nowhere, named as the path
    /// gives it.
    /// </summary>
    public static string? InTheWay(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string? found = null;
        for (var folder = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(path)); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (IsLinkLoop(folder))
            {
                found = $"{folder} is {LinkLoop}";
            }
            else if (File.Exists(folder) && !Directory.Exists(folder) && new FileInfo(folder).LinkTarget is null)
            {
                found = $"{folder} is a file";
            }
        }

        return found;
    }

    /// <summary>What <see cref="IsLinkLoop"/> finds, in words.</summary>
    public const string LinkLoop = "a symbolic link that leads nowhere (a loop)";

    /// <summary>
    /// Whether <paramref name="path"/> is a symbolic link that cannot be followed to its end (<c>ln -s a b; ln -s b a</c>);
    /// one to a missing target is not (the target is made).
    /// </summary>
    public static bool IsLinkLoop(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is null)
            {
                return false;
            }

            _ = info.ResolveLinkTarget(returnFinalTarget: true);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether <paramref name="path"/>, links followed, is a device (<c>/dev/null</c>, a terminal), a named pipe (<c>mkfifo</c>,
    /// a shell's <c>&gt;(gzip &gt; x.gz)</c>, <c>/dev/stdout</c> into a pipe) or a socket: written in place, never replaced by a
    /// file (<see cref="AtomicFile"/>). False for a regular file, a folder, a path that does not exist, and where it cannot be told.
    /// </summary>
    public static bool IsSpecialFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows() || path.Length == 0)
        {
            return false;
        }

        try
        {
            // .NET's own portable stat (System.Native): its second field is st_mode, whatever the system's struct stat.
            return Native.Stat(path, out var status) == 0 && (status.Mode & FileTypeMask) is Fifo or CharacterDevice or BlockDevice or Socket;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int FileTypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int BlockDevice = 0x6000;
    private const int Socket = 0xC000;

    private static partial class Native
    {
        /// <summary>System.Native's FileStatus: Flags, then Mode; the rest (sizes, times, ids) is room, more than it needs.</summary>
        [StructLayout(LayoutKind.Sequential, Size = 256)]
        public struct FileStatus
        {
            public int Flags;
            public int Mode;
        }

        [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static partial int Stat(string path, out FileStatus status);
    }

    /// <summary>
    /// Why this user cannot make a file in <paramref name="folder"/> or, when it is missing, in the nearest folder above it
    /// that exists (where the missing ones would be made), in words, or null. Tried by making a hidden file there and
    /// removing it at once (permissions alone do not say it: root writes in a read-only folder, a read-only file system
    /// refuses everyone).
    /// </summary>
    public static string? NotWritable(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var existing = Path.TrimEndingDirectorySeparator(folder);
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (string.IsNullOrEmpty(parent))
            {
                // Nothing on the way exists (another drive, say): making the folder will say why, if it cannot.
                return null;
            }

            existing = parent;
        }

        try
        {
            // One name per check, so that two commands checking one folder at once do not collide on it.
            var probe = Path.Combine(existing, ".argminer-write-check-" + Guid.NewGuid().ToString("N") + ".partial");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return $"{existing} is read-only for this user; make it writable (chmod u+w) or give another path";
        }
        catch (IOException ex)
        {
            // A read-only file system, a full disk: .NET's words ("Read-only file system : '…'") name the probe, not a path the user gave.
            var words = ex.Message.Split(" : '", 2)[0].TrimEnd('.');
            return $"{existing} cannot be written in ({words}); give another path";
        }
    }

    /// <summary>
    /// Why a write failed for want of space, in words with the system's own (<c>the disk is full (No space left on device)</c>),
    /// when <paramref name="ex"/> or an exception inside it says so; null otherwise. .NET reports it as an
    /// <see cref="IOException"/> whose HResult is the error number: ENOSPC (28 on Linux and macOS) or EDQUOT (122 on Linux,
    /// 69 on macOS) on Unix, ERROR_DISK_FULL (0x70) or ERROR_HANDLE_DISK_FULL (0x27) as an HRESULT on Windows. Its own
    /// message names the file written, which is the hidden temporary one (<c>.NAME.partial</c>), not one the user asked
    /// for, so only its words before the path are kept.
    /// </summary>
    public static string? NoSpace(Exception? ex)
    {
        // The innermost such exception has the system's words; one around it (AtomicFile.Write's) has its own.
        string? found = null;
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is not IOException)
            {
                continue;
            }

            var code = ex.HResult;
            var what = OperatingSystem.IsWindows()
                ? code is unchecked((int)0x80070070) or unchecked((int)0x80070027) or 0x70 or 0x27 ? "the disk is full" : null
                : code == 28 ? "the disk is full"
                : code == (OperatingSystem.IsLinux() ? 122 : 69) ? "this user's disk quota is used up"
                : null;
            if (what is not null)
            {
                var words = ex.Message.Split(" : '", 2)[0].TrimEnd('.');
                found = words.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || words.Length == 0 ? what : $"{what} ({words})";
            }
        }

        return found;
    }

    /// <summary>
    /// Makes <paramref name="folder"/> and the folders above it if missing; why it cannot be made, or null when it is there.
    /// </summary>
    /// <param name="folder">The folder to make.</param>
    /// <param name="shown">The path the user gave that lies in it, to name a file on its way as the user wrote it.</param>
    public static string? MakeFolder(string folder, string shown)
    {
        try
        {
            Directory.CreateDirectory(folder);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // .NET's words name the full path of what is in the way ("The file '/home/me/notes.txt' already exists.").
            return InTheWay(shown) ?? ex.Message.TrimEnd('.');
        }
    }
}

/// <summary>An output file that cannot be written where it is asked for (a usage error): one line, the path and why.</summary>
public sealed class OutputPathException : IOException
{
    /// <summary>Creates the error.</summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="reason">Why it cannot be written there, in words.</param>
    public OutputPathException(string path, string reason)
        : base(Ingest.InputError.OneLine($"{path}: {reason}"))
    {
        ShownPath = path;
        Reason = reason;
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public OutputPathException()
    {
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public OutputPathException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error (for serializers and analyzers).</summary>
    public OutputPathException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The path as the user gave it.</summary>
    public string ShownPath { get; } = string.Empty;

    /// <summary>Why it cannot be written there.</summary>
    public string Reason { get; } = string.Empty;
}
