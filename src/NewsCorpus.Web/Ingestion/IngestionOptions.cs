namespace NewsCorpus.Web.Ingestion;

public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Files larger than this are refused with a clear reason (default 5 MB).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;
}

public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>The folder ingested on first start when the database holds no articles.</summary>
    public string SeedPath { get; set; } = "seeds";

    public bool SeedOnStart { get; set; } = true;
}
