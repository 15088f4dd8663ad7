using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Data.Configurations;

/// <summary>
/// Entity types are stored by name (the column stays text and readable). A name no version of the program wrote reads
/// as an undefined value instead of failing the whole query, so the corpus passes can set that one article aside.
/// </summary>
internal static class EntityTypeText
{
    public static ValueConverter<EntityType, string> Converter { get; } = new(
        type => type.ToString(),
        text => Read(text));

    private static EntityType Read(string text) => Enum.TryParse<EntityType>(text, out var type) && Enum.IsDefined(type) ? type : (EntityType)(-1);
}
