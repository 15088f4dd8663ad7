using System.IO.Compression;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Unpacks an uploaded zip under its upload's folder, entry by entry, refusing what could harm the server: entries
/// whose path leads outside the folder, more entries than an upload may hold, an entry past the per-file limit or
/// unpacking to more than <see cref="IngestionOptions.MaxZipRatio"/> times its compressed size, and anything past the
/// upload's total. Sizes are counted on the bytes actually unpacked, not on what the zip's directory claims.
/// </summary>
public sealed class ZipStaging(IngestionOptions options)
{
    private const long SmallEntry = 64 * 1024;

    public async Task<List<StagedFile>> UnpackAsync(IFormFile upload, string folder, CancellationToken cancellationToken)
    {
        if (upload.Length > options.MaxUploadBytes)
        {
            return [new StagedFile(upload.FileName, $"larger than the {options.MaxUploadBytes:N0}-byte limit per upload")];
        }

        var zipPath = Path.Combine(folder, ".upload.zip");
        await using (var source = upload.OpenReadStream())
        await using (var target = File.Create(zipPath))
        {
            await source.CopyToAsync(target, cancellationToken);
        }

        try
        {
            await using var archive = await ZipArchive.CreateAsync(File.OpenRead(zipPath), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
            return archive.Entries.Count > options.MaxUploadFiles
                ? [new StagedFile(upload.FileName, $"the zip holds {archive.Entries.Count:N0} entries; at most {options.MaxUploadFiles:N0} are taken")]
                : await UnpackEntriesAsync(archive, folder, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            return [new StagedFile(upload.FileName, $"not a readable zip: {ex.Message}")];
        }
        finally
        {
            File.Delete(zipPath);
        }
    }

    private async Task<List<StagedFile>> UnpackEntriesAsync(ZipArchive archive, string folder, CancellationToken cancellationToken)
    {
        var staged = new List<StagedFile>();
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        long total = 0;
        foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')))
        {
            var target = Path.GetFullPath(Path.Combine(root, entry.FullName.Replace('\\', '/')));
            var refused = Refusal(entry, target, root, total);
            if (refused is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                var written = await CopyBoundedAsync(entry, target, Math.Min(options.MaxFileBytes, options.MaxUploadBytes - total), cancellationToken);
                total += Math.Max(written, 0);
                refused = written < 0 ? "unpacks to more than its stated size or the limits allow" : null;
            }

            staged.Add(new StagedFile(entry.FullName, refused));
        }

        return staged;
    }

    private string? Refusal(ZipArchiveEntry entry, string target, string root, long total)
    {
        var name = Path.GetFileName(target);
        var isArticle = UploadStaging.ArticleExtensions.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase);
        return !target.StartsWith(root, StringComparison.Ordinal) ? "its path leads outside the upload's folder"
            : name.StartsWith('.') ? "a hidden file"
            : !isArticle && !SidecarReader.IsSidecar(target) ? "not a .txt or .html file (or a .meta.json or sources.json sidecar)"
            : entry.Length > options.MaxFileBytes ? $"larger than the {options.MaxFileBytes:N0}-byte limit per file"
            : entry.Length > SmallEntry && entry.Length > entry.CompressedLength * (long)options.MaxZipRatio ? "compressed suspiciously well (a zip bomb?)"
            : total + entry.Length > options.MaxUploadBytes ? $"past the {options.MaxUploadBytes:N0}-byte limit per upload"
            : File.Exists(target) ? "a second entry of the same name"
            : null;
    }

    // Copies at most the entry's stated length (and the limit); -1, and no file, when the entry holds more.
    private static async Task<long> CopyBoundedAsync(ZipArchiveEntry entry, string target, long limit, CancellationToken cancellationToken)
    {
        var allowed = Math.Min(entry.Length, limit);
        var buffer = new byte[81920];
        long written = 0;
        await using (var source = await entry.OpenAsync(cancellationToken))
        await using (var output = File.Create(target))
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                written += read;
                if (written > allowed)
                {
                    break;
                }

                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (written > allowed)
        {
            File.Delete(target);
            return -1;
        }

        return written;
    }
}
