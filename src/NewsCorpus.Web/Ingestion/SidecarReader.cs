using System.Globalization;
using System.Text.Json;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Reads user-written metadata next to article files: <c>&lt;file&gt;.meta.json</c> for one file, or a
/// folder's <c>sources.json</c> mapping file names (or "*" for every file) to the same fields.
/// A file's own sidecar wins over its folder's entry, which wins over the folder's "*" entry.
/// </summary>
public static class SidecarReader
{
    public const string FolderFileName = "sources.json";
    public const string FileSuffix = ".meta.json";

    public static bool IsSidecar(string path) =>
        path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase)
        || Path.GetFileName(path).Equals(FolderFileName, StringComparison.OrdinalIgnoreCase);

    /// <summary>The metadata that applies to <paramref name="articlePath"/>, its raw JSON for change detection, or an error.</summary>
    public static (SidecarMetadata? Metadata, string? RawJson, string? Error) ReadFor(string articlePath)
    {
        var layers = new List<JsonElement>();
        var raw = new List<string>();
        var folder = Path.GetDirectoryName(articlePath)!;
        var folderFile = Path.Combine(folder, FolderFileName);
        try
        {
            if (File.Exists(folderFile))
            {
                var json = File.ReadAllText(folderFile);
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, null, $"{FolderFileName} must hold a JSON object of file names");
                }

                foreach (var key in new[] { "*", Path.GetFileName(articlePath) })
                {
                    if (document.RootElement.TryGetProperty(key, out var entry) && entry.ValueKind == JsonValueKind.Object)
                    {
                        layers.Add(entry.Clone());
                        raw.Add(entry.GetRawText());
                    }
                }
            }

            var ownFile = articlePath + FileSuffix;
            if (File.Exists(ownFile))
            {
                var json = File.ReadAllText(ownFile);
                using var document = JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return (null, null, $"{Path.GetFileName(ownFile)} must hold a JSON object");
                }

                layers.Add(document.RootElement.Clone());
                raw.Add(json);
            }
        }
        catch (JsonException ex)
        {
            return (null, null, $"invalid sidecar metadata JSON: {ex.Message}");
        }
        catch (IOException ex)
        {
            return (null, null, $"cannot read sidecar metadata: {ex.Message}");
        }

        if (layers.Count == 0)
        {
            return (null, null, null);
        }

        var metadata = new SidecarMetadata();
        foreach (var layer in layers)
        {
            metadata = metadata with
            {
                Outlet = Text(layer, "outlet") ?? metadata.Outlet,
                Url = Text(layer, "url") ?? metadata.Url,
                Title = Text(layer, "title") ?? metadata.Title,
                Author = Text(layer, "author") ?? Text(layer, "byline") ?? metadata.Author,
                Date = Date(layer) ?? metadata.Date,
            };
        }

        return (metadata.IsEmpty ? null : metadata, string.Join('\n', raw), null);
    }

    private static string? Text(JsonElement element, string name) => JsonText.Property(element, name);

    private static DateOnly? Date(JsonElement element)
    {
        var text = Text(element, "date") ?? Text(element, "publishedOn");
        if (text is null)
        {
            return null;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? DateOnly.FromDateTime(value)
            : null;
    }
}
