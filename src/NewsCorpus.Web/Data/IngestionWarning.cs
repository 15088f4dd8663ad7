namespace NewsCorpus.Web.Data;

/// <summary>Something a run noticed about a file it stored anyway: metadata dropped or cut, dates that disagree.</summary>
public sealed class IngestionWarning
{
    public int Id { get; set; }

    public int IngestionRunId { get; set; }

    public required string Path { get; set; }

    public int? ArticleId { get; set; }

    public required string Message { get; set; }
}
