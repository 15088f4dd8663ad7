namespace NewsCorpus.Web.Ingestion;

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
