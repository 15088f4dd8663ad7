using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Data;

/// <summary>A person, organisation or place, resolved across the corpus and named by its most complete form.</summary>
public sealed class Entity
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Person, Organization or Location.</summary>
    public required EntityType Type { get; set; }

    /// <summary>Titles and roles seen in front of the name ("Prime Minister; caretaker prime minister").</summary>
    public string? Roles { get; set; }

    public int MentionCount { get; set; }

    public int ArticleCount { get; set; }

    public int OutletCount { get; set; }

    /// <summary>Quotes attributed to this entity as speaker, counted when the corpus is resolved.</summary>
    public int QuoteCount { get; set; }

    /// <summary>Raised by every correction, so that two editors changing the entity at once cannot overwrite each other unseen.</summary>
    public int Version { get; set; }

    public List<EntityAlias> Aliases { get; set; } = [];
}
