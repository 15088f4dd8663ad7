using System.Collections.Concurrent;
using System.Threading.Channels;

namespace NewsCorpus.Web.Ingestion;

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
