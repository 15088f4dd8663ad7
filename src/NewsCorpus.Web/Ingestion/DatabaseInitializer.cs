using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Runs before the web server starts listening: applies migrations and, on an empty database,
/// ingests the seed corpus, so the first page a user opens already shows articles. Corpus work owed by an
/// interrupted run is left to <see cref="CorpusCatchUp"/>, in the background.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IOptions<CorpusOptions> corpus, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsCorpusDbContext>();
        await DataServices.MigrateAsync(db, cancellationToken);

        // Several instances may start together on one PostgreSQL database: one at a time looks and seeds.
        await using var corpusLock = await CorpusLock.AcquireAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<OutletDirectory>().BackfillAsync(cancellationToken);
        if (!corpus.Value.SeedOnStart || await db.Articles.AnyAsync(cancellationToken))
        {
            return;
        }

        var seedPath = ResolveSeedPath(corpus.Value.SeedPath);
        if (seedPath is null)
        {
            logger.LogWarning("The database is empty and the seed folder {SeedPath} does not exist; starting with no articles", corpus.Value.SeedPath);
            return;
        }

        logger.LogInformation("The database is empty: ingesting the seed corpus from {SeedPath}", seedPath);
        var ingestion = scope.ServiceProvider.GetRequiredService<IngestionService>();
        await ingestion.IngestAsync([seedPath], "seed", cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A relative seed path is looked up from the working directory, then from the app's folder upwards.</summary>
    public static string? ResolveSeedPath(string configured)
    {
        if (Path.IsPathRooted(configured))
        {
            return Directory.Exists(configured) ? configured : null;
        }

        return AppSetup.FindUpwards(configured) is { } found && Directory.Exists(found) ? found : null;
    }
}
