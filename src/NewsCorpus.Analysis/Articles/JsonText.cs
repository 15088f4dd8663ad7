using System.Text.Json;

namespace NewsCorpus.Analysis.Articles;

/// <summary>
/// A string read from JSON metadata (JSON-LD in a page, a sidecar file). JSON may escape any character, NUL and other
/// controls included ("\u0000"), which no title or byline holds and which PostgreSQL refuses to store: they become
/// spaces, and a value left blank counts as absent.
/// </summary>
public static class JsonText
{
    public static string? Read(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } text)
        {
            return null;
        }

        var clean = string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) && source[i] is not ('\n' or '\t') ? ' ' : source[i];
            }
        }).Trim();
        return clean.Length == 0 ? null : clean;
    }

    public static string? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? Read(value) : null;
}
