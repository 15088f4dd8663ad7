using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Corrections;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;
using NewsCorpus.Web.Quotes;
using NewsCorpus.Web.Stories;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// The corpus-wide passes (entities and speakers, stories and shared sentences, quote clusters, then the editors' corrections) and the record of whether they are
/// owed. A run that stores articles marks itself pending in the same transaction; the passes clear the mark only when
/// they finished, so a run killed between its files and its passes is completed by the next ingest, reanalyze or start.
/// One failing pass is logged and left pending; the others still run.
/// </summary>
public sealed class CorpusWork(NewsCorpusDbContext db, CorpusResolver resolver, StoryGrouper stories, QuoteClusterPass quotes, CorrectionPass corrections,
    TimeProvider clock, ILogger<CorpusWork> logger)
{
    /// <summary>An unfinished run whose process has not been heard from for this long was interrupted.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long one statement of a pass may run: a pass is batch work, and setting the entities of millions of mentions
    /// is one statement (30 s, the default, was exceeded at 100,000 articles on PostgreSQL and left the pass failing).
    /// </summary>
    public static readonly TimeSpan StatementTimeout = TimeSpan.FromHours(1);

    public async Task<bool> IsPendingAsync(CancellationToken cancellationToken) =>
        await db.IngestionRuns.AnyAsync(r => r.CorpusPending, cancellationToken)
        || await db.Articles.AnyAsync(a => (a.StoryId == null || !a.Resolved || !a.QuotesClustered) && a.CorpusProblem == null, cancellationToken);

    /// <summary>Runs every pass; true when all of them finished. Runs pending before the passes started are then cleared.</summary>
    public async Task<bool> CompleteAsync(CancellationToken cancellationToken)
    {
        await using var corpusLock = await CorpusLock.AcquireAsync(db, cancellationToken);
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(StatementTimeout);
        try
        {
            return await RunPassesAsync(cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
    }

    private async Task<bool> RunPassesAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow().UtcDateTime;
        var pending = await db.IngestionRuns.Where(r => r.CorpusPending).Select(r => r.Id).ToListAsync(cancellationToken);
        var finished = await RunPassAsync("entities and speakers", resolver.ResolveAsync, cancellationToken);
        finished &= await RunPassAsync("stories and shared sentences", stories.GroupAsync, cancellationToken);

        // After stories: a new quote is compared with the quotes of its story's articles.
        finished &= await RunPassAsync("quote clusters", quotes.ClusterAsync, cancellationToken);

        // Last: the editors' corrections hold over whatever the analysis and the passes above wrote.
        finished &= await RunPassAsync("corrections", corrections.ApplyAllAsync, cancellationToken);
        if (finished && pending.Count > 0)
        {
            // A run still storing files beat after the passes started: its newest articles were not seen, so it stays pending.
            await db.IngestionRuns.Where(r => pending.Contains(r.Id) && (r.HeartbeatAt == null || r.HeartbeatAt <= started))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CorpusPending, false), cancellationToken);
        }

        return finished;
    }

    private async Task<bool> RunPassAsync(string name, Func<CancellationToken, Task> pass, CancellationToken cancellationToken)
    {
        try
        {
            await pass(cancellationToken);

            // Which pass sets a large run's peak memory: the process's peak so far, after each.
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            logger.LogInformation("The corpus pass {Pass} finished; peak memory so far {PeakMb} MB, managed heap {HeapMb} MB",
                name, process.PeakWorkingSet64 >> 20, GC.GetTotalMemory(forceFullCollection: false) >> 20);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The corpus pass {Pass} failed; it stays pending and is tried again by the next run", name);
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
