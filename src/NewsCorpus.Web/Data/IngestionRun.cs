namespace NewsCorpus.Web.Data;

public sealed class IngestionRun
{
    public int Id { get; set; }

    /// <summary>What started the run: "seed" on first start, "cli" for the ingest command.</summary>
    public required string Trigger { get; set; }

    public required string Sources { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Unchanged { get; set; }

    public int Duplicate { get; set; }

    public int Failed { get; set; }

    /// <summary>Files were stored but the corpus-wide passes have not finished since: the next ingest, reanalyze or start completes them.</summary>
    public bool CorpusPending { get; set; }

    /// <summary>Last sign of life of the process doing the run; an unfinished run that stopped beating was interrupted.</summary>
    public DateTime? HeartbeatAt { get; set; }

    public List<IngestionFailure> Failures { get; set; } = [];

    public List<IngestionDuplicate> Duplicates { get; set; } = [];

    public List<IngestionWarning> Warnings { get; set; } = [];
}
