using Microsoft.Extensions.Options;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Search;

/// <summary>
/// Keeps this instance's search index current in the web app: opens (or rebuilds) it at start while the app already
/// answers, then applies the outbox every <see cref="SearchOptions.PollSeconds"/>, so a change made by any instance or
/// by the CLI is searchable here within seconds. Prunes the outbox once an hour.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, SearchIndex index, IOptions<SearchOptions> options, TimeProvider clock, ILogger<SearchIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.PollSeconds));
        var pruned = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
                await index.CatchUpAsync(db, stoppingToken);
                if (clock.GetUtcNow().UtcDateTime - pruned > PruneEvery)
                {
                    pruned = clock.GetUtcNow().UtcDateTime;
                    var removed = await SearchOutbox.PruneAsync(db, pruned.AddDays(-options.Value.OutboxRetentionDays), stoppingToken);
                    logger.LogDebug("Search outbox pruned: {Removed} changes older than {Days} days", removed, options.Value.OutboxRetentionDays);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Applying search index changes failed; retrying");
            }

            try
            {
                await Task.Delay(poll, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
