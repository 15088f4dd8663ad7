using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// The one place an <see cref="EntityType"/> meets text outside the database: what a filter may call it, its label on
/// a page and its CSS class. The database stores the enum's name (an EF value conversion, Data/Configurations).
/// </summary>
public static class EntityTypes
{
    private static readonly EntityType[] s_filterable = [EntityType.Person, EntityType.Organization, EntityType.Location];

    /// <summary>"person", "PERSON", "per", "organisation" all name a type; null when the text names none.</summary>
    public static EntityType? Parse(string? type)
    {
        var text = type?.Trim();
        foreach (var candidate in s_filterable)
        {
            var name = candidate.ToString();
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(name[..3], text, StringComparison.OrdinalIgnoreCase)
                || (candidate == EntityType.Organization && string.Equals(text, "organisation", StringComparison.OrdinalIgnoreCase)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>What a page calls the type: person, organisation, place.</summary>
    public static string Label(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organisation",
        EntityType.Location => "place",
        _ => "group",
    };

    /// <summary>The CSS class that colours names of the type (person, organization, location).</summary>
    public static string CssClass(EntityType type) => type.ToString().ToLowerInvariant();
}
