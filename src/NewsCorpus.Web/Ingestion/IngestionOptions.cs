namespace NewsCorpus.Web.Ingestion;

public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>Files larger than this are refused with a clear reason (default 5 MB).</summary>
    public long MaxFileBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Where uploaded files are kept (one folder per upload): the articles' source files, read again on undo.</summary>
    public string UploadPath { get; set; } = "data/uploads";

    /// <summary>The most one upload may bring: its request, and what its zip holds once unpacked (default 100 MB).</summary>
    public long MaxUploadBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>The most files one upload may hold, sent or in its zip.</summary>
    public int MaxUploadFiles { get; set; } = 5000;

    /// <summary>How much larger than its compressed size a zip entry may unpack to (text compresses 3–10 times; a bomb thousands).</summary>
    public int MaxZipRatio { get; set; } = 200;
}

public sealed class CorpusOptions
{
    public const string Section = "Corpus";

    /// <summary>The folder ingested on first start when the database holds no articles.</summary>
    public string SeedPath { get; set; } = "seeds";

    public bool SeedOnStart { get; set; } = true;
}
