using System.Collections.Concurrent;
using System.Threading.Channels;

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

/// <summary>
/// Uploads waiting for ingestion, taken one at a time by <see cref="UploadWorker"/>, and the recent ones' statuses (kept
/// in memory: after a restart the run itself stays listed on the ingestion page).
/// </summary>
public sealed class UploadTracker
{
    private const int Kept = 200;
    private readonly ConcurrentDictionary<Guid, UploadStatus> _uploads = new();
    private readonly Channel<UploadStatus> _queue = Channel.CreateUnbounded<UploadStatus>();

    public UploadStatus Enqueue(string user, UploadStaging.Upload upload)
    {
        var status = new UploadStatus(Guid.NewGuid(), user, upload.Folder, upload.Files);
        foreach (var old in _uploads.Values.Where(u => u.Finished).OrderBy(u => u.QueuedAt).SkipLast(Kept))
        {
            _uploads.TryRemove(old.Id, out _);
        }

        _uploads[status.Id] = status;
        _queue.Writer.TryWrite(status);
        return status;
    }

    public UploadStatus? Find(Guid id) => _uploads.GetValueOrDefault(id);

    public IAsyncEnumerable<UploadStatus> WaitingAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);
}

/// <summary>Runs queued uploads through the same ingestion as the command line, one after another, in the background.</summary>
public sealed class UploadWorker(UploadTracker tracker, IServiceScopeFactory scopes, ILogger<UploadWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var upload in tracker.WaitingAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var ingestion = scope.ServiceProvider.GetRequiredService<IngestionService>();
                await ingestion.IngestAsync([upload.Folder], $"upload by {upload.User}", new SynchronousProgress(upload), stoppingToken);
                upload.Finish(null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Upload {UploadId} by {User} failed", upload.Id, upload.User);
                upload.Finish("The run stopped with an error; the files stored before it are kept, and the server log has the details.");
            }
        }
    }

    // Progress<T> posts to the thread pool, so a fast run could finish before its last report landed.
    private sealed class SynchronousProgress(UploadStatus upload) : IProgress<IngestionProgress>
    {
        public void Report(IngestionProgress value) => upload.Report(value);
    }
}
