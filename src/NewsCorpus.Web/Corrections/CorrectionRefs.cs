using System.Text.Json;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Corrections;

/// <summary>
/// How a correction names what it corrects, by keys a new analysis keeps: an article by its file, an entity by a name
/// it goes by, a quote by its file and offset, an outlet by its folded name.
/// </summary>
public static class CorrectionRefs
{
    public sealed record ArticleRef(string Path);

    public sealed record EntityRef(EntityType Type, string Name);

    public sealed record QuoteRef(string Path, int Start);

    public sealed record OutletRef(string Key);

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, s_json);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, s_json) ?? throw new JsonException($"Empty {typeof(T).Name}.");
}
