using System.Text.Json;

namespace NewsCorpus.Web.Ingestion;

/// <summary>A file an upload brought, by the name it was sent under, and why it was refused if it was.</summary>
public sealed record StagedFile(string Name, string? Refused);

/// <summary>
/// Writes an upload's files into a folder of its own under <see cref="IngestionOptions.UploadPath"/>, streaming each to
/// disk with the per-file and total limits; a zip is unpacked there with <see cref="ZipStaging"/>. The outlet and date
/// given for all files become the folder's <c>sources.json</c>, so the ingestion reads them like any sidecar.
/// </summary>
public sealed class UploadStaging(Microsoft.Extensions.Options.IOptions<IngestionOptions> configured)
{
    private readonly IngestionOptions _options = configured.Value;

    public static readonly string[] ArticleExtensions = [".txt", ".text", ".html", ".htm", ".xhtml"];

    public sealed record Upload(string Folder, IReadOnlyList<StagedFile> Files, string? Problem);

    /// <summary>Refuses a request that says it is larger than an upload may be, before its body is read.</summary>
    public string? RefuseLength(long? contentLength) =>
        contentLength > _options.MaxUploadBytes + (1 << 20) ? $"The upload is larger than the {_options.MaxUploadBytes:N0}-byte limit: send fewer files at once." : null;

    public async Task<Upload> StageAsync(IReadOnlyList<IFormFile> files, string? outlet, DateOnly? date, CancellationToken cancellationToken)
    {
        if (files.Count == 0)
        {
            return new Upload("", [], "Choose at least one .txt or .html file, or one .zip.");
        }

        if (files.Count > _options.MaxUploadFiles)
        {
            return new Upload("", [], $"At most {_options.MaxUploadFiles} files at once: put more in a .zip.");
        }

        var zips = files.Count(f => Path.GetExtension(f.FileName).Equals(".zip", StringComparison.OrdinalIgnoreCase));
        if (zips > 0 && files.Count > 1)
        {
            return new Upload("", [], "Send one .zip on its own, or several .txt and .html files.");
        }

        var folder = Path.Combine(Path.GetFullPath(_options.UploadPath), $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}"[..28]);
        Directory.CreateDirectory(folder);
        var staged = zips == 1
            ? await new ZipStaging(_options).UnpackAsync(files[0], folder, cancellationToken)
            : await SaveAllAsync(files, folder, cancellationToken);
        await WriteSourcesAsync(folder, staged, outlet, date, cancellationToken);
        return new Upload(folder, staged, null);
    }

    /// <summary>A name safe to write under the folder: the last part of what the browser sent, odd characters replaced.</summary>
    public static string SafeName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        var safe = new string([.. file.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        return safe.Length == 0 ? "file" : safe.Length > 120 ? safe[^120..] : safe;
    }

    private async Task<List<StagedFile>> SaveAllAsync(IReadOnlyList<IFormFile> files, string folder, CancellationToken cancellationToken)
    {
        var staged = new List<StagedFile>();
        long total = 0;
        foreach (var file in files)
        {
            var refused = !ArticleExtensions.Contains(Path.GetExtension(file.FileName), StringComparer.OrdinalIgnoreCase) ? "not a .txt or .html file"
                : file.Length == 0 ? "empty"
                : file.Length > _options.MaxFileBytes ? $"larger than the {_options.MaxFileBytes:N0}-byte limit per file"
                : (total += file.Length) > _options.MaxUploadBytes ? $"past the {_options.MaxUploadBytes:N0}-byte limit per upload"
                : null;
            if (refused is null)
            {
                await using var source = file.OpenReadStream();
                await using var target = File.Create(UniquePath(folder, SafeName(file.FileName)));
                await source.CopyToAsync(target, cancellationToken);
            }

            staged.Add(new StagedFile(file.FileName, refused));
        }

        return staged;
    }

    public static string UniquePath(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}");
        }

        return path;
    }

    // One sources.json with a "*" entry in every folder that holds files: the given outlet and date apply to all of them.
    private static async Task WriteSourcesAsync(string folder, IReadOnlyList<StagedFile> staged, string? outlet, DateOnly? date, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(outlet) && date is null || staged.All(f => f.Refused is not null))
        {
            return;
        }

        var entry = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(outlet))
        {
            entry["outlet"] = outlet.Trim();
        }

        if (date is { } day)
        {
            entry["date"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        var json = JsonSerializer.Serialize(new Dictionary<string, object> { ["*"] = entry });
        foreach (var sub in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).Prepend(folder))
        {
            await File.WriteAllTextAsync(Path.Combine(sub, SidecarReader.FolderFileName), json, cancellationToken);
        }
    }
}
