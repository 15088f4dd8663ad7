using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// The entities-and-speakers pass: resolves the new articles' mentions into entities (<see cref="EntityPass"/>), links
/// their quotes to their speakers and counts the touched entities' quotes. Everything it writes is set-based; the
/// articles it covered are then marked resolved, in the same transaction.
/// </summary>
public sealed class CorpusResolver(NewsCorpusDbContext db, EntityPass entities, ILogger<CorpusResolver> logger)
{
    private const int Chunk = 500;

    private const string SpeakerOf = """
        (SELECT m."EntityId" FROM "EntityMentions" m
         WHERE m."ArticleId" = "Quotes"."ArticleId" AND m."Start" = "Quotes"."SpeakerMentionStart" AND m."EntityId" IS NOT NULL
         ORDER BY m."Id" LIMIT 1)
        """;

    public async Task ResolveAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (articles, touched, fromScratch) = await entities.RunAsync(cancellationToken);
        var speakers = await LinkSpeakersAsync(articles, fromScratch, cancellationToken);
        touched.UnionWith(speakers);
        await CountQuotesAsync(touched, fromScratch, cancellationToken);
        await entities.MarkResolvedAsync(articles, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Resolved the entities and quotes of {ArticleCount} articles in {ElapsedMs} ms", articles.Count, started.ElapsedMilliseconds);
    }

    /// <summary>
    /// Sets the speaker of the articles' quotes from their speaker mentions' entities, writing only rows whose speaker
    /// changes (on PostgreSQL an UPDATE writes a new row version); returns the entities that lost or gained quotes.
    /// </summary>
    private async Task<HashSet<int>> LinkSpeakersAsync(List<int> articles, bool everyArticle, CancellationToken cancellationToken)
    {
        var changed = new HashSet<int>();
        foreach (var scope in everyArticle ? [""] : articles.Chunk(Chunk).Select(c => $" AND \"ArticleId\" IN ({ColumnAssignment.IdList(c)})"))
        {
            var where = $"\"SpeakerEntityId\" IS DISTINCT FROM {SpeakerOf}{scope}";
            var changes = $"SELECT \"SpeakerEntityId\" AS \"Before\", {SpeakerOf} AS \"After\" FROM \"Quotes\" WHERE {where}";
            foreach (var row in await db.Database.SqlQueryRaw<SpeakerChange>(changes).ToListAsync(cancellationToken))
            {
                changed.UnionWith(new[] { row.Before, row.After }.OfType<int>());
            }

            // Their articles are searched by speaker, so the search outbox records them first.
            await SearchOutbox.RecordAllAsync(db, $"SELECT \"ArticleId\" FROM \"Quotes\" WHERE {where}", DateTime.UtcNow, cancellationToken);
            var update = $"UPDATE \"Quotes\" SET \"SpeakerEntityId\" = {SpeakerOf} WHERE {where}";
            await db.Database.ExecuteSqlRawAsync(update, cancellationToken);
        }

        return changed;
    }

    private async Task CountQuotesAsync(HashSet<int> entityIds, bool everyEntity, CancellationToken cancellationToken)
    {
        const string Count = """(SELECT count(*) FROM "Quotes" q WHERE q."SpeakerEntityId" = "Entities"."Id")""";
        foreach (var scope in everyEntity ? [""] : entityIds.Chunk(Chunk).Select(c => $" AND \"Id\" IN ({ColumnAssignment.IdList(c)})"))
        {
            var update = $"UPDATE \"Entities\" SET \"QuoteCount\" = {Count} WHERE \"QuoteCount\" IS DISTINCT FROM {Count}{scope}";
            await db.Database.ExecuteSqlRawAsync(update, cancellationToken);
        }
    }

    private sealed record SpeakerChange(int? Before, int? After);
}
