using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Search;

/// <summary>What search needs to know of an article besides its text: outlet, date and the entities it mentions.</summary>
public sealed record ArticleFacts(string Outlet, string? PublishedOn, string? PublishedTime, int[] Entities);

/// <summary>
/// Outlet, date and entities of every article, held in memory for ordering hits by date and for the facets:
/// counting over every hit is then a pass over small records instead of joins over every hit and every mention.
/// Rebuilt when an ingestion run has finished since it was built (entities are resolved at the end of a run);
/// articles added since are looked up in the database.
/// </summary>
public sealed class ArticleFacetIndex(ILogger<ArticleFacetIndex> logger) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private Snapshot? _snapshot;

    public void Dispose() => _building.Dispose();

    private sealed record Snapshot(string Version, Dictionary<int, ArticleFacts> Articles, Dictionary<int, string> Names);

    /// <summary>The facts of each article, from the index or (for articles newer than it) from the database.</summary>
    public async Task<Dictionary<int, ArticleFacts>> FactsAsync(NewsCorpusDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var snapshot = await CurrentAsync(db, cancellationToken);
        var facts = new Dictionary<int, ArticleFacts>(articleIds.Count);
        var missing = new List<int>();
        foreach (var id in articleIds)
        {
            if (snapshot.Articles.TryGetValue(id, out var known))
            {
                facts[id] = known;
            }
            else
            {
                missing.Add(id);
            }
        }

        foreach (var chunk in missing.Chunk(500))
        {
            foreach (var (id, article) in await LoadAsync(db, db.Articles.Where(a => chunk.Contains(a.Id)), [], cancellationToken))
            {
                facts[id] = article;
            }
        }

        return facts;
    }

    /// <summary>The entities mentioned by most of the given articles, with how many of them mention each.</summary>
    public async Task<List<FacetValue>> TopEntitiesAsync(NewsCorpusDbContext db, IEnumerable<ArticleFacts> articles, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var snapshot = await CurrentAsync(db, cancellationToken);
        var counts = new Dictionary<int, int>();
        foreach (var article in articles)
        {
            foreach (var entity in article.Entities)
            {
                counts[entity] = counts.GetValueOrDefault(entity) + 1;
            }
        }

        return [.. counts
            .Where(c => snapshot.Names.ContainsKey(c.Key))
            .Select(c => new FacetValue(snapshot.Names[c.Key], c.Value))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)
            .Take(count)];
    }

    private async Task<Snapshot> CurrentAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        var version = await VersionAsync(db, cancellationToken);
        if (_snapshot is { } current && current.Version == version)
        {
            return current;
        }

        await _building.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } built && built.Version == version)
            {
                return built;
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            var names = await db.Entities.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
            var pairs = await db.EntityMentions.AsNoTracking().Where(m => m.EntityId != null)
                .Select(m => new { m.ArticleId, EntityId = m.EntityId!.Value }).Distinct().ToListAsync(cancellationToken);
            var entities = pairs.GroupBy(p => p.ArticleId).ToDictionary(g => g.Key, g => g.Select(p => p.EntityId).ToArray());
            var articles = await LoadAsync(db, db.Articles, entities, cancellationToken);
            _snapshot = new Snapshot(version, articles, names);
            logger.LogInformation("Search facet index built for {ArticleCount} articles and {EntityCount} entities in {ElapsedMs} ms",
                articles.Count, names.Count, started.ElapsedMilliseconds);
            return _snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    private static async Task<Dictionary<int, ArticleFacts>> LoadAsync(NewsCorpusDbContext db, IQueryable<Article> articles, Dictionary<int, int[]> entities, CancellationToken cancellationToken)
    {
        var rows = await articles.AsNoTracking()
            .Select(a => new { a.Id, Outlet = a.Outlet == null ? null : a.Outlet.Name, a.PublishedOn, a.PublishedTime })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new ArticleFacts(
            r.Outlet ?? Outlet.UnknownName,
            r.PublishedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            r.PublishedTime?.ToString("HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
            entities.GetValueOrDefault(r.Id) ?? []));
    }

    // The last finished ingestion run and the entity count: both change when entities are resolved again.
    private static async Task<string> VersionAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        var run = await db.IngestionRuns.AsNoTracking().Where(r => r.FinishedAt != null).OrderByDescending(r => r.Id)
            .Select(r => new { r.Id, r.FinishedAt }).FirstOrDefaultAsync(cancellationToken);
        var entities = await db.Entities.CountAsync(cancellationToken);
        return $"{run?.Id}:{run?.FinishedAt:O}:{entities}";
    }
}
