using System.Runtime.InteropServices;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// What kind of thing a path names, after following links: only regular files are read. A named pipe would block the
/// run forever on open, and a device (/dev/zero) never ends, so both are refused before anything opens them. .NET does
/// not expose the file type, so this asks the C library's stat(2); where that is not available (another C library or
/// processor layout) every path counts as a file, and the size limit enforced while reading still bounds the work.
/// </summary>
public static partial class FileKinds
{
    private const int StatBufferSize = 256;
    private const uint TypeMask = 0xF000; // S_IFMT
    private const uint Regular = 0x8000;  // S_IFREG
    private const uint Directory = 0x4000;

    /// <summary>Null when the path is a regular file (or its kind cannot be told); otherwise why it is not read.</summary>
    public static string? WhyNotRegular(string path)
    {
        var mode = Mode(path);
        return (mode & TypeMask) switch
        {
            null or Regular => null,
            Directory => "it is a folder",
            0x1000 => "it is a named pipe (FIFO), not a file",
            0x2000 => "it is a character device, not a file",
            0x6000 => "it is a block device, not a file",
            0xC000 => "it is a socket, not a file",
            _ => "it is not a regular file",
        };
    }

    private static uint? Mode(string path)
    {
        // st_mode's offset in struct stat: x86-64 after st_dev, st_ino and st_nlink; arm64 after st_dev and st_ino.
        int? offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 when OperatingSystem.IsLinux() => 24,
            Architecture.Arm64 when OperatingSystem.IsLinux() => 16,
            _ => null,
        };
        if (offset is null)
        {
            return null;
        }

        var buffer = new byte[StatBufferSize];
        try
        {
            return Stat(path, buffer) == 0 ? BitConverter.ToUInt32(buffer, offset.Value) : null;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "stat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Stat(string path, byte[] buffer);
}
