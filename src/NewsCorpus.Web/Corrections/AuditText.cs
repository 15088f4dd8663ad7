using System.Text.Json;

namespace NewsCorpus.Web.Corrections;

/// <summary>A correction's before or after, as short lines for people ("name: Adil Abdul-Mahdi", "mentions: 34 items").</summary>
public static class AuditText
{
    private const int MaxLines = 8;
    private const int MaxValue = 200;

    public static IReadOnlyList<string> Lines(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? [.. document.RootElement.EnumerateObject().Take(MaxLines).Select(p => $"{p.Name}: {Value(p.Value)}")]
                : [Value(document.RootElement)];
        }
        catch (JsonException)
        {
            return [CorrectionService.Limit(json, MaxValue)];
        }
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "—",
        JsonValueKind.String => CorrectionService.Limit(value.GetString()!, MaxValue),
        JsonValueKind.Array when value.GetArrayLength() <= 5 && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String) =>
            CorrectionService.Limit(string.Join(", ", value.EnumerateArray().Select(v => v.GetString())), MaxValue),
        JsonValueKind.Array => $"{value.GetArrayLength()} items",
        JsonValueKind.Object => CorrectionService.Limit(string.Join(", ", value.EnumerateObject().Select(p => $"{p.Name} {Value(p.Value)}")), MaxValue),
        _ => value.GetRawText(),
    };
}
