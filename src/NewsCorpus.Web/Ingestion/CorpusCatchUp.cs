using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Completes the corpus passes an interrupted run (or a database from an older version) still owes, in the background,
/// so the app answers at once. A run that is still storing files in another process does its own passes: while one is
/// alive, nothing is done here.
/// </summary>
public sealed class CorpusCatchUp(IServiceScopeFactory scopes, TimeProvider clock, ILogger<CorpusCatchUp> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(30);

    private enum Step
    {
        Done,
        Wait,
    }

    private async Task<Step> NextStepAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
        var work = scope.ServiceProvider.GetRequiredService<CorpusWork>();
        if (!await work.IsPendingAsync(stoppingToken))
        {
            return Step.Done;
        }

        var alive = clock.GetUtcNow().UtcDateTime - CorpusWork.Silence;
        if (await db.IngestionRuns.AnyAsync(r => r.FinishedAt == null && r.HeartbeatAt > alive, stoppingToken))
        {
            return Step.Wait;
        }

        logger.LogInformation("Completing the corpus passes an interrupted run left pending");
        var finished = await work.CompleteAsync(stoppingToken);
        logger.LogInformation("Pending corpus passes {Outcome}", finished ? "completed" : "failed again; see the errors above");
        return Step.Done;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Waits while a run is alive elsewhere: it does its own passes, or stops beating and is then caught up here.
            while (await NextStepAsync(stoppingToken) is Step.Wait)
            {
                await Task.Delay(Poll, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the work stays pending for the next start.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Completing the pending corpus passes failed; the next ingest or start tries again");
        }
    }
}
