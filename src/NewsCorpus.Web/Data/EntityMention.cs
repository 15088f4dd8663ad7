using NewsCorpus.Analysis.Entities;

namespace NewsCorpus.Web.Data;

/// <summary>
/// A name as it appears in one article. Offsets are into the article's text: its paragraphs joined by a blank line.
/// </summary>
public sealed class EntityMention
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public int? EntityId { get; set; }

    public Entity? Entity { get; set; }

    /// <summary>Person, Organization, Location or Group (a demonym; <see cref="RefersTo"/> names its country).</summary>
    public required EntityType Type { get; set; }

    public required string Text { get; set; }

    public string? Role { get; set; }

    public string? RefersTo { get; set; }

    public int Start { get; set; }

    public int End { get; set; }
}
