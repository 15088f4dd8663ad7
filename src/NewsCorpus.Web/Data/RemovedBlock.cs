namespace NewsCorpus.Web.Data;

/// <summary>Text the reader left out of an article, kept with its reason so users can check the cleaner.</summary>
public sealed class RemovedBlock
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public int Ordinal { get; set; }

    public required string Text { get; set; }

    public required string Reason { get; set; }
}
