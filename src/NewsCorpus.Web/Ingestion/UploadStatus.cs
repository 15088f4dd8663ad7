namespace NewsCorpus.Web.Ingestion;

/// <summary>An upload waiting for, or going through, its ingestion run, as the status page and API show it.</summary>
public sealed class UploadStatus(Guid id, string user, string folder, IReadOnlyList<StagedFile> staged)
{
    private readonly Lock _gate = new();
    private readonly List<FileResult> _results = [];

    public Guid Id { get; } = id;

    public string User { get; } = user;

    public string Folder { get; } = folder;

    public IReadOnlyList<StagedFile> Staged { get; } = staged;

    public DateTime QueuedAt { get; } = DateTime.UtcNow;

    public string State { get; private set; } = "queued";

    public int RunId { get; private set; }

    public int Done { get; private set; }

    public int Total { get; private set; }

    public string? Problem { get; private set; }

    public bool Finished => State is "finished" or "failed";

    public IReadOnlyList<FileResult> Results
    {
        get
        {
            lock (_gate)
            {
                return [.. _results];
            }
        }
    }

    public void Report(IngestionProgress progress)
    {
        lock (_gate)
        {
            (State, RunId, Done, Total) = ("running", progress.RunId, progress.Done, progress.Total);
            _results.AddRange(progress.Completed ?? []);
        }
    }

    public void Finish(string? problem) => (State, Problem) = (problem is null ? "finished" : "failed", problem);
}
