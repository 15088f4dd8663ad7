namespace NewsCorpus.Web.Data;

/// <summary>A file whose text is already stored under another path; it was not added again.</summary>
public sealed class IngestionDuplicate
{
    public int Id { get; set; }

    public int IngestionRunId { get; set; }

    public required string Path { get; set; }

    public int ArticleId { get; set; }
}
