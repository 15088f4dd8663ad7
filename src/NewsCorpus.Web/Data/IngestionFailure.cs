namespace NewsCorpus.Web.Data;

public sealed class IngestionFailure
{
    public int Id { get; set; }

    public int IngestionRunId { get; set; }

    public required string Path { get; set; }

    public required string Reason { get; set; }
}
