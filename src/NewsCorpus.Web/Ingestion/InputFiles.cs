using Microsoft.Win32.SafeHandles;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Finds the files an ingest names and reads them within bounds: folders are walked once each (a symbolic link that
/// leads back into a folder already walked is reported once, not followed forty levels deep), only regular files are
/// read, and the size limit is enforced on the bytes read, not on what the directory entry claims (a link to /dev/zero
/// claims nothing and never ends).
/// </summary>
public static class InputFiles
{
    /// <summary>Adds the files under <paramref name="input"/> (a file or a folder, searched recursively) in name order; problems go to <paramref name="failures"/>.</summary>
    public static void Collect(string input, List<string> files, List<FileResult> failures)
    {
        var full = Path.GetFullPath(input);
        if (File.Exists(full))
        {
            if (!SidecarReader.IsSidecar(full))
            {
                files.Add(full);
            }

            return;
        }

        if (!Directory.Exists(full))
        {
            failures.Add(new FileResult(full, FileOutcome.Failed, Reason: "no such file or folder"));
            return;
        }

        var found = new List<string>();
        var walked = new HashSet<string>(StringComparer.Ordinal) { RealPath(full) };
        var folders = new Stack<string>([full]);
        while (folders.Count > 0)
        {
            var folder = folders.Pop();
            try
            {
                found.AddRange(Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.') && !SidecarReader.IsSidecar(f)));
                foreach (var sub in Directory.EnumerateDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')))
                {
                    if (walked.Add(RealPath(sub)))
                    {
                        folders.Push(sub);
                    }
                    else
                    {
                        failures.Add(new FileResult(sub, FileOutcome.Failed, Reason: "a symbolic link to a folder already read (a loop or a second way in); not followed"));
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures.Add(new FileResult(folder, FileOutcome.Failed, Reason: $"cannot read the folder: {ex.Message}"));
            }
        }

        found.Sort(StringComparer.Ordinal);
        files.AddRange(found);
    }

    /// <summary>The file's bytes, or why it was not read (not a regular file, larger than <paramref name="limit"/>, unreadable).</summary>
    public static (byte[]? Bytes, string? Problem) Read(string path, long limit)
    {
        if (!File.Exists(path))
        {
            return (null, "cannot read the file: it does not exist or is a broken link");
        }

        if (FileKinds.WhyNotRegular(path) is { } notRegular)
        {
            return (null, $"not read: {notRegular}");
        }

        try
        {
            // A regular file reads in one piece into an array of its size (no stream buffers: 128 KB a file before);
            // one that is still growing is read to its end, as a stream, so the limit holds whatever it reached.
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var length = RandomAccess.GetLength(handle);
            if (length > limit)
            {
                return (null, OverLimit(limit));
            }

            var bytes = new byte[length];
            var read = ReadFully(handle, bytes);
            Span<byte> probe = stackalloc byte[1];
            if (read == length && RandomAccess.Read(handle, probe, length) == 0)
            {
                return (bytes, null);
            }

            return ReadToEnd(handle, limit);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the file: {ex.Message}");
        }
    }

    // The bytes from the file's start into the buffer, until it is full or the file ends.
    private static int ReadFully(SafeFileHandle handle, byte[] buffer)
    {
        var read = 0;
        int n;
        while (read < buffer.Length && (n = RandomAccess.Read(handle, buffer.AsSpan(read), read)) > 0)
        {
            read += n;
        }

        return read;
    }

    private static (byte[]? Bytes, string? Problem) ReadToEnd(SafeFileHandle handle, long limit)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = RandomAccess.Read(handle, buffer, memory.Length)) > 0)
        {
            if (memory.Length + read > limit)
            {
                return (null, OverLimit(limit));
            }

            memory.Write(buffer, 0, read);
        }

        return (memory.ToArray(), null);
    }

    private static string OverLimit(long limit) => $"the file is over the {IngestionService.FormatBytes(limit)} limit (Ingestion:MaxFileBytes)";

    // The folder a path really is, links followed, so two ways into one folder are seen as one.
    private static string RealPath(string folder)
    {
        try
        {
            var info = new DirectoryInfo(folder);
            return (info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) ?? info).FullName.TrimEnd(Path.DirectorySeparatorChar);
        }
        catch (IOException)
        {
            return folder;
        }
    }
}
