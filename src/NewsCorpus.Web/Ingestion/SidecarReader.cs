using System.Globalization;
using System.Text.Json;
using NewsCorpus.Analysis.Articles;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Reads user-written metadata next to article files: <c>&lt;file&gt;.meta.json</c> for one file, or a
/// folder's <c>sources.json</c> mapping file names (or "*" for every file) to the same fields.
/// A file's own sidecar wins over its folder's entry, which wins over the folder's "*" entry, which wins over what the
/// folder's file-name pattern reads from the name (<c>"fileNames": "{outlet}_{date}_{slug}"</c>, with <c>"outlets"</c>
/// mapping the codes in names to outlet names).
/// </summary>
public static partial class SidecarReader
{
    public const string FolderFileName = "sources.json";
    public const string FileSuffix = ".meta.json";

    public static bool IsSidecar(string path) =>
        path.EndsWith(FileSuffix, StringComparison.OrdinalIgnoreCase)
        || Path.GetFileName(path).Equals(FolderFileName, StringComparison.OrdinalIgnoreCase);

    private static readonly string[] s_fields = ["outlet", "url", "title", "author", "byline", "date", "publishedOn"];

    /// <summary>
    /// The metadata that applies to <paramref name="articlePath"/>, its raw JSON for change detection, or an error; and a
    /// warning for every field that was there but could not be used (a number for an outlet, a date that is no date).
    /// </summary>
    public static (SidecarMetadata? Metadata, string? RawJson, string? Error, IReadOnlyList<string> Warnings) ReadFor(string articlePath)
    {
        var warnings = new List<string>();
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
                    return (null, null, $"{FolderFileName} must hold a JSON object of file names", warnings);
                }

                if (FromFileName(document.RootElement, articlePath) is { } fromName)
                {
                    layers.Add(fromName);
                    raw.Add(fromName.GetRawText());
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
                    return (null, null, $"{Path.GetFileName(ownFile)} must hold a JSON object", warnings);
                }

                layers.Add(document.RootElement.Clone());
                raw.Add(json);
            }
        }
        catch (JsonException ex)
        {
            return (null, null, $"invalid sidecar metadata JSON: {ex.Message}", warnings);
        }
        catch (IOException ex)
        {
            return (null, null, $"cannot read sidecar metadata: {ex.Message}", warnings);
        }

        if (layers.Count == 0)
        {
            return (null, null, null, warnings);
        }

        var metadata = new SidecarMetadata();
        foreach (var layer in layers)
        {
            warnings.AddRange(FieldProblems(layer));
            metadata = metadata with
            {
                Outlet = Text(layer, "outlet") ?? metadata.Outlet,
                Url = Text(layer, "url") ?? metadata.Url,
                Title = Text(layer, "title") ?? metadata.Title,
                Author = Text(layer, "author") ?? Text(layer, "byline") ?? metadata.Author,
                Date = Date(layer) ?? metadata.Date,
            };
        }

        return (metadata.IsEmpty ? null : metadata, string.Join('\n', raw), null, warnings);
    }

    private static string? Text(JsonElement element, string name) => JsonText.Property(element, name);

    // Fields of the wrong kind ("outlet": 42, "title": ["a"]) and dates that are no dates are left out, and said so.
    private static IEnumerable<string> FieldProblems(JsonElement layer)
    {
        foreach (var field in s_fields)
        {
            if (!layer.TryGetProperty(field, out var value) || value.ValueKind is JsonValueKind.Null)
            {
                continue;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                yield return $"metadata \"{field}\" is {Kind(value)}, not text; ignored";
            }
            else if (field is "date" or "publishedOn" && Date(layer) is null && JsonText.Read(value) is { } text)
            {
                yield return $"metadata \"{field}\" '{(text.Length > 40 ? text[..40] + "…" : text)}' is not a date; ignored";
            }
        }
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "not text",
    };

    /// <summary>Outlet, date and title read from the file's name by the folder's pattern, as a metadata layer; null when there is no pattern or it does not fit.</summary>
    private static JsonElement? FromFileName(JsonElement folder, string articlePath)
    {
        if (Text(folder, "fileNames") is not { Length: > 0 and <= 200 } pattern)
        {
            return null;
        }

        var match = NameRegex(pattern).Match(Path.GetFileNameWithoutExtension(articlePath));
        if (!match.Success)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (match.Groups["outlet"] is { Success: true } outlet)
        {
            var code = outlet.Value;
            var named = folder.TryGetProperty("outlets", out var outlets) && outlets.ValueKind == JsonValueKind.Object ? Text(outlets, code) : null;
            fields["outlet"] = named ?? code;
        }

        if (match.Groups["date"] is { Success: true } date)
        {
            fields["date"] = date.Value.Length == 8 ? $"{date.Value[..4]}-{date.Value[4..6]}-{date.Value[6..]}" : date.Value;
        }

        return fields.Count == 0 ? null : JsonSerializer.SerializeToElement(fields);
    }

    // "{outlet}_{date}_{slug}" → ^(?<outlet>.+?)_(?<date>\d{4}-\d{2}-\d{2}|\d{8})_(?<slug>.+)$; text between placeholders is literal.
    private static System.Text.RegularExpressions.Regex NameRegex(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        var parts = Placeholder().Split(pattern);
        for (var i = 0; i < parts.Length; i++)
        {
            if (i % 2 == 0)
            {
                regex.Append(System.Text.RegularExpressions.Regex.Escape(parts[i]));
                continue;
            }

            var name = parts[i] is "outlet" or "date" or "slug" or "title" ? parts[i] : null;
            var body = parts[i] == "date" ? @"\d{4}-\d{2}-\d{2}|\d{8}" : i == parts.Length - 2 ? ".+" : ".+?";
            regex.Append(name is null ? $"(?:{body})" : $"(?<{name}>{body})");
        }

        return new System.Text.RegularExpressions.Regex(regex.Append('$').ToString(), System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+)\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

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
