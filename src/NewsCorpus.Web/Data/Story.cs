namespace NewsCorpus.Web.Data;

/// <summary>Articles about the same event, grouped on ingest (see docs/stories.md).</summary>
public sealed class Story
{
    public int Id { get; set; }

    /// <summary>The headline of the story's most central article.</summary>
    public required string Title { get; set; }

    public int? CentralArticleId { get; set; }

    public DateOnly? FirstPublishedOn { get; set; }

    public DateOnly? LastPublishedOn { get; set; }

    public int ArticleCount { get; set; }

    public int OutletCount { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<Article> Articles { get; set; } = [];
}
