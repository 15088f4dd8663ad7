namespace NewsCorpus.Web.Data;

/// <summary>How many articles of an outlet name an entity: kept as articles arrive, so an entity's outlet count is a lookup.</summary>
public sealed class EntityOutlet
{
    public int EntityId { get; set; }

    public int OutletId { get; set; }

    public int ArticleCount { get; set; }
}
