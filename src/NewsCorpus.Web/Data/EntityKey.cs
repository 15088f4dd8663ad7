namespace NewsCorpus.Web.Data;

/// <summary>
/// One entry of the persistent name index (NewsCorpus.Analysis.Entities.EntityIndex): a key such as a person's given
/// name + surname skeletons, filed by resolution, under which new mentions find the entity without re-reading the corpus.
/// </summary>
public sealed class EntityKey
{
    public long Id { get; set; }

    public required string Key { get; set; }

    public int EntityId { get; set; }
}
