using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ArgMiner.Output;

/// <summary>
/// The right to write one output folder: the file <c>.NAME.lock</c> beside it (in the parent, beside the staging
/// folder <c>.NAME.partial</c>), held exclusively by one run from before it looks at the folder until its swap and
/// clean-up are done, and holding that run's process id for the message of a run refused meanwhile.
/// </summary>
/// <remarks>
/// <para>
/// The lock used to be a file inside the staging folder, so the staging folder had to exist before it could be locked:
/// two runs started at the same moment could both find no live run, and one then took the other's fresh staging folder
/// for a leftover, or both wrote into it, and the folder they published mixed their files (seen once in 10 rounds of
/// four simultaneous runs). This file decides nothing until it is held, so it has no such window.
/// </para>
/// <para>
/// It is held by opening it with <see cref="FileShare.None"/>, which .NET on Linux and macOS turns into an advisory
/// <c>flock(LOCK_EX | LOCK_NB)</c> on the open file (on Windows, a share mode): the kernel drops it when the process
/// ends however it ends, so a <c>kill -9</c> leaves a file that is not held and blocks no later run. It is per open
/// file, not per process, so two output sets in one process exclude each other too. It excludes nothing where file
/// locking is turned off (<c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>) or not supported (an NFS mount without lockd),
/// as .NET then opens the file unlocked.
/// </para>
/// <para>
/// Removing a lock file is racy on its own: a run that opened the file just before its holder removed it could then
/// lock the removed file while a third run locks a new one under the same name, and both would write. So the holder
/// removes it only while it still holds it (delete, then close), and a run that has just locked it checks that the
/// file it holds is still the one under that name (Linux: <c>/proc/self/fd</c> does not say "(deleted)") and
/// otherwise tries again. Where that check is not possible the file is left in place (0 bytes plus a process id):
/// harmless, as only being held counts.
/// </para>
/// </remarks>
internal sealed partial class OutputLock : IDisposable
{
    private readonly FileStream _file;
    private readonly string _path;
    private readonly bool _remove;

    private OutputLock(FileStream file, string path, bool remove)
    {
        _file = file;
        _path = path;
        _remove = remove;
    }

    /// <summary>Takes the lock of the output folder <paramref name="full"/>, whose parent exists.</summary>
    /// <param name="full">The output folder, links resolved.</param>
    /// <param name="outDir">The output folder as the user gave it, for messages.</param>
    /// <exception cref="OutputFolderException">Another run holds it (<see cref="OutputFolderException.Busy"/>), or it cannot be made.</exception>
    public static OutputLock Take(string full, string outDir)
    {
        var path = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + ".lock");
        for (var attempt = 0; ; attempt++)
        {
            FileStream file;
            try
            {
                file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, 0);
            }
            catch (IOException ex) when (HeldElsewhere(ex))
            {
                throw Busy(outDir, HolderOf(path));
            }
            catch (IOException ex)
            {
                // Not another run (a link loop, a read-only or full file system): until session 32 said to be one, so
                // a shard was retried for ever.
                throw new OutputFolderException($"--out {outDir}: its lock file {path} cannot be made ({ex.Message.TrimEnd('.')}); give another folder");
            }
            catch (UnauthorizedAccessException)
            {
                throw new OutputFolderException($"--out {outDir}: this user may not write {path} beside it (a run writes beside its output folder: its lock file and the hidden .{Path.GetFileName(full)}.partial); make the parent folder writable or give another folder");
            }

            var linked = StillLinked(file);
            if (linked != false)
            {
                WriteProcessId(file);
                return new OutputLock(file, path, remove: linked == true);
            }

            // Its holder removed it between this open and this lock (and released it): the name may already be another
            // run's new file, so this one proves nothing.
            file.Dispose();
            if (attempt == 100)
            {
                throw Busy(outDir, null);
            }
        }
    }

    /// <summary>The refusal of a folder another run is writing; <paramref name="pid"/> that run's process, if known.</summary>
    public static OutputFolderException Busy(string outDir, int? pid) =>
        new($"--out {outDir} is being written by another argminer run{(pid is { } p ? string.Create(CultureInfo.InvariantCulture, $" (process {p})") : string.Empty)}; wait for it to finish or give another folder")
        {
            Busy = true,
        };

    /// <summary>
    /// Whether opening a file with <see cref="FileShare.None"/> (this lock file, <see cref="AtomicFile"/>'s temporary file)
    /// failed because another open file holds it: .NET reports that as an
    /// <see cref="IOException"/> carrying <c>EWOULDBLOCK</c> (Unix; 35 on macOS and the BSDs) or a sharing violation (Windows).
    /// </summary>
    internal static bool HeldElsewhere(IOException ex) =>
        ex.HResult == (OperatingSystem.IsWindows() ? unchecked((int)0x80070020) : OperatingSystem.IsLinux() ? 11 : 35);

    /// <summary>Releases the lock: the output folder may be written by the next run.</summary>
    public void Dispose()
    {
        if (_remove && _file.CanWrite)
        {
            try
            {
                File.Delete(_path);
            }
            catch (IOException)
            {
                // Left in place, which is harmless (only being held counts).
            }
            catch (UnauthorizedAccessException)
            {
                // As above.
            }
        }

        _file.Dispose();
    }

    // Only for the message of a run refused meanwhile, so a full disk does not stop the run here.
    private static void WriteProcessId(FileStream file)
    {
        try
        {
            file.SetLength(0);
            file.Write(Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n"));
            file.Flush();
        }
        catch (IOException)
        {
            // The refusal then names no process.
        }
    }

    /// <summary>Whether the open <paramref name="file"/> is still under its name; null where that cannot be told.</summary>
    private static bool? StillLinked(FileStream file)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            var target = new FileInfo("/proc/self/fd/" + file.SafeFileHandle.DangerousGetHandle().ToString(CultureInfo.InvariantCulture)).LinkTarget;
            return target is null ? null : !target.EndsWith(" (deleted)", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The process id the holder wrote, or null. Read with a plain <c>open</c>: a <see cref="FileStream"/> would ask
    /// for a shared lock and be refused.
    /// </summary>
    private static int? HolderOf(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            using var handle = new SafeFileHandle(Native.Open(path, 0), ownsHandle: true);
            if (handle.IsInvalid)
            {
                return null;
            }

            var buffer = new byte[32];
            var read = RandomAccess.Read(handle, buffer, 0);
            return int.TryParse(Encoding.ASCII.GetString(buffer, 0, read).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0 ? pid : null;
        }
        catch (Exception ex) when (ex is IOException or NotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static partial class Native
    {
        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static partial int Open(string path, int flags);
    }
}
