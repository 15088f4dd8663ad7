namespace NewsCorpus.Web.Data;

/// <summary>
/// One row of the search outbox: an article whose searchable data changed (text, quotes, outlet, entities, speakers)
/// or that was deleted. Written in the same transaction as the change; each instance's search indexer applies the
/// rows in sequence order (Search/SearchIndexer.cs). The id is the sequence.
/// </summary>
public sealed class SearchChange
{
    public long Id { get; set; }

    public int ArticleId { get; set; }

    public SearchChangeKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum SearchChangeKind
{
    /// <summary>Index the article again from the database (a missing article is removed).</summary>
    Changed = 0,

    /// <summary>The article was deleted.</summary>
    Deleted = 1,
}
