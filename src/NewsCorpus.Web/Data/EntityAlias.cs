namespace NewsCorpus.Web.Data;

/// <summary>A name an entity goes by in the corpus ("Abdul-Mahdi", "Mr Abdul Mahdi", "ISIS").</summary>
public sealed class EntityAlias
{
    public int Id { get; set; }

    public int EntityId { get; set; }

    public required string Name { get; set; }

    /// <summary>Upper-cased for case-insensitive lookups by speaker name.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>Mentions that use this name: the entity's canonical name is chosen from these counts.</summary>
    public int MentionCount { get; set; }
}
