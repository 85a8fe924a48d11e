using System.Runtime.InteropServices;

namespace Appliance.Hosting;

/// <summary>
/// Writes a file so that a crash or power loss leaves either the old or the new
/// content, never a mix: write a temporary file, fsync it, rename it over the old one,
/// then fsync the folder so the rename itself is on disk (rename(2) is atomic, but
/// without the folder's fsync a power cut can still bring back the old name).
/// </summary>
public static partial class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content, UnixFileMode mode)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            UnixCreateMode = mode,
        };
        using (var stream = new FileStream(temporary, options))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true); // fsync(2) of the file's data and size
        }
        // The mode is set again in case the temporary file already existed with another one.
        File.SetUnixFileMode(temporary, mode);
        File.Move(temporary, path, overwrite: true);
        SyncDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    }

    public static void WriteText(string path, string content, UnixFileMode mode) =>
        Write(path, System.Text.Encoding.UTF8.GetBytes(content), mode);

    /// <summary>
    /// fsync(2) of a folder, which makes the entries renamed into it durable. .NET cannot
    /// open a folder as a stream, so this goes to libc.
    /// </summary>
    public static void SyncDirectory(string directory)
    {
        var fd = Open(directory, ORdOnly | ODirectory | OCloExec);
        if (fd < 0)
            throw new IOException($"Cannot open the folder {directory} to sync it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0)
                throw new IOException($"Cannot sync the folder {directory} (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    // Linux open(2) flags; O_DIRECTORY differs between architectures (arm64: 0x4000).
    private const int ORdOnly = 0;
    private static readonly int ODirectory = RuntimeInformation.ProcessArchitecture is Architecture.Arm64 or Architecture.Arm ? 0x4000 : 0x10000;
    private const int OCloExec = 0x80000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
