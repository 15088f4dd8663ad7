using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Quotes;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// The entities-and-quotes pass: resolves the new articles' mentions into entities (<see cref="EntityPass"/>), links
/// their quotes to their speakers, counts the touched entities' quotes, and groups quotes of the same statement into
/// clusters. Everything it writes is set-based; the articles it covered are then marked resolved.
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
        await ClusterQuotesAsync(cancellationToken);
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

    private async Task ClusterQuotesAsync(CancellationToken cancellationToken)
    {
        var quotes = await db.Quotes.AsNoTracking().OrderBy(q => q.Id)
            .Select(q => new StatementMember(q.Id, q.ArticleId, q.Text, q.SpeakerEntityId)).ToListAsync(cancellationToken);
        await db.QuoteClusters.ExecuteDeleteAsync(cancellationToken);
        var problems = new Dictionary<int, string>();
        var (members, roots) = ArticleIsolation.Run(quotes, list => (list, QuoteClusterer.Cluster([.. list.Select(q => q.Text)])), q => q.ArticleId, problems);
        await CorpusProblems.RecordAsync(db, problems, "quote clustering", logger, cancellationToken);

        // A statement carried once is its own cluster: only statements carried twice or more get a cluster row.
        var clusters = members.Select((q, i) => (Quote: q, Root: roots[i])).GroupBy(x => x.Root)
            .SelectMany(g => StatementsBySpeaker([.. g.Select(x => x.Quote)]))
            .Where(g => g.Count > 1)
            .Select(g => (Cluster: new QuoteCluster
            {
                Text = g.OrderByDescending(x => x.Text.Length).First().Text,
                QuoteCount = g.Count,
                SpeakerEntityId = g.Select(x => x.SpeakerEntityId).FirstOrDefault(x => x is not null),
            }, Ids: g.Select(x => x.Id).ToList()))
            .ToList();
        db.QuoteClusters.AddRange(clusters.Select(c => c.Cluster));
        await db.SaveChangesAsync(cancellationToken);
        await ColumnAssignment.AssignAsync(db, "Quotes", "QuoteClusterId", clusters.SelectMany(c => c.Ids.Select(id => (id, c.Cluster.Id))), clearOthers: true, searchable: false, cancellationToken);
        db.ChangeTracker.Clear();
    }

    private sealed record StatementMember(int Id, int ArticleId, string Text, int? SpeakerEntityId);

    /// <summary>
    /// One statement per speaker: the members that resolve to the speaker most of them resolve to, with those whose speaker
    /// is unknown, form the statement; members credited to someone else form statements of their own, so a speaker's
    /// search never lists a statement credited to another person.
    /// </summary>
    private static IEnumerable<List<StatementMember>> StatementsBySpeaker(List<StatementMember> members)
    {
        var bySpeaker = members.Where(m => m.SpeakerEntityId is not null).GroupBy(m => m.SpeakerEntityId!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        if (bySpeaker.Count <= 1)
        {
            yield return members;
            yield break;
        }

        yield return [.. members.Where(m => m.SpeakerEntityId is null || m.SpeakerEntityId == bySpeaker[0].Key)];
        foreach (var other in bySpeaker.Skip(1))
        {
            yield return [.. other];
        }
    }

}
