namespace NewsCorpus.Web.Entities;

/// <summary>The entity types a filter may name, however it spells them.</summary>
public static class EntityTypes
{
    private static readonly string[] s_types = ["Person", "Organization", "Location"];

    /// <summary>"person", "PERSON", "Person" all name the same type; null when the text names none.</summary>
    public static string? Parse(string? type) =>
        s_types.FirstOrDefault(t => string.Equals(t, type?.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(t[..3], type?.Trim(), StringComparison.OrdinalIgnoreCase)
            || (t == "Organization" && string.Equals(type?.Trim(), "organisation", StringComparison.OrdinalIgnoreCase)));
}
