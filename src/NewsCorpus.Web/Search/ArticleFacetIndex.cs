using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Search;

/// <summary>What search needs to know of an article besides its text: outlet, date and the entities it mentions.</summary>
public sealed record ArticleFacts(string Outlet, DateOnly? PublishedOn, int[] Entities)
{
    /// <summary>The facet value of the publication month (2020-01), or null when undated.</summary>
    public string? Month => PublishedOn?.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>The three facets of a search: outlets and entities by count, months newest first.</summary>
public sealed record SearchFacets(List<FacetValue> Outlets, List<FacetValue> Entities, List<FacetValue> Months);

/// <summary>
/// Outlet, month and entities of every article, held in memory as arrays indexed by article id, so counting the facets
/// of 100,000 hits is a pass over integers. Rebuilt when an ingestion run has finished since it was built (entities are
/// resolved at the end of a run); articles added since are looked up in the database.
/// </summary>
public sealed class ArticleFacetIndex(ILogger<ArticleFacetIndex> logger) : IDisposable
{
    private const int OutletCount = 20;
    private const int MonthCount = 24;

    private readonly SemaphoreSlim _building = new(1, 1);
    private Snapshot? _snapshot;

    public void Dispose() => _building.Dispose();

    /// <summary>Each known article's facts by id (null where no article is), with the facet values as small integers.</summary>
    private sealed class Snapshot(string version, ArticleFacts?[] articles, Dictionary<int, string> names)
    {
        public string Version { get; } = version;

        public ArticleFacts?[] Articles { get; } = articles;

        public Dictionary<int, string> Names { get; } = names;

        public Ordinals Outlets { get; } = new(articles, a => a.Outlet);

        public Ordinals Months { get; } = new(articles, a => a.Month);

        /// <summary>Entity ids in order: an entity's place here is its number in the counts.</summary>
        public int[] EntityIds { get; } = [.. names.Keys.Order()];

        private static int[][] Number(ArticleFacts?[] articles, Dictionary<int, string> names)
        {
            var ordinal = names.Keys.Order().Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
            return [.. articles.Select(a => a is null ? [] : a.Entities.Where(ordinal.ContainsKey).Select(e => ordinal[e]).ToArray())];
        }

        public ArticleFacts? Find(int id) => id >= 0 && id < Articles.Length ? Articles[id] : null;

        /// <summary>Counts facets over these arrays; each article's entities as numbers into <see cref="EntityIds"/>.</summary>
        public FacetCounter Counter => field ??= new(Outlets.Of, Outlets.Values.Length, Months.Of, Months.Values.Length, Number(Articles, Names), EntityIds.Length);
    }

    /// <summary>A text value of each article as a number, and the values.</summary>
    private sealed class Ordinals
    {
        public Ordinals(ArticleFacts?[] articles, Func<ArticleFacts, string?> value)
        {
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            Of = new int[articles.Length];
            for (var id = 0; id < articles.Length; id++)
            {
                Of[id] = articles[id] is { } article && value(article) is { } text
                    ? numbers.TryGetValue(text, out var n) ? n : numbers[text] = numbers.Count
                    : -1;
            }

            Values = new string[numbers.Count];
            foreach (var (text, n) in numbers)
            {
                Values[n] = text;
            }
        }

        public int[] Of { get; }

        public string[] Values { get; }
    }

    /// <summary>The facts of each article, from the index or (for articles newer than it) from the database.</summary>
    public async Task<Dictionary<int, ArticleFacts>> FactsAsync(NewsCorpusDbContext db, IReadOnlyCollection<int> articleIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var snapshot = await CurrentAsync(db, cancellationToken);
        var facts = new Dictionary<int, ArticleFacts>(articleIds.Count);
        var missing = new List<int>();
        foreach (var id in articleIds)
        {
            if (snapshot.Find(id) is { } known)
            {
                facts[id] = known;
            }
            else
            {
                missing.Add(id);
            }
        }

        foreach (var (id, article) in await LoadMissingAsync(db, missing, cancellationToken))
        {
            facts[id] = article;
        }

        return facts;
    }

    /// <summary>Outlets (top 20), entities mentioned by most of the articles (top <paramref name="entityCount"/>) and months (newest 24).</summary>
    public async Task<SearchFacets> FacetsAsync(NewsCorpusDbContext db, IReadOnlyList<int> articleIds, int entityCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        var snapshot = await CurrentAsync(db, cancellationToken);
        var (outlets, months, entities, missing) = snapshot.Counter.Count(articleIds is ArraySegment<int> segment ? segment : new([.. articleIds]));
        var extra = (await LoadMissingAsync(db, missing, cancellationToken)).Values.ToList();
        return new SearchFacets(
            Top(Merge(snapshot.Outlets.Values, outlets, extra.Select(a => a.Outlet)), OutletCount),
            Top(Merge([.. snapshot.EntityIds.Select(id => snapshot.Names[id])], entities,
                extra.SelectMany(a => a.Entities).Where(snapshot.Names.ContainsKey).Select(id => snapshot.Names[id])), entityCount),
            [.. Merge(snapshot.Months.Values, months, extra.Where(a => a.Month is not null).Select(a => a.Month!))
                .OrderByDescending(f => f.Value, StringComparer.Ordinal).Take(MonthCount)]);
    }

    private static List<FacetValue> Merge(string[] values, int[] counts, IEnumerable<string> more)
    {
        var merged = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                merged[values[i]] = merged.GetValueOrDefault(values[i]) + counts[i];
            }
        }

        foreach (var value in more)
        {
            merged[value] = merged.GetValueOrDefault(value) + 1;
        }

        return [.. merged.Select(m => new FacetValue(m.Key, m.Value))];
    }

    private static List<FacetValue> Top(List<FacetValue> values, int count) =>
        [.. values.OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).Take(count)];

    private static async Task<Dictionary<int, ArticleFacts>> LoadMissingAsync(NewsCorpusDbContext db, List<int> missing, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<int, ArticleFacts>();
        foreach (var chunk in missing.Chunk(500))
        {
            foreach (var (id, article) in await LoadAsync(db, db.Articles.Where(a => chunk.Contains(a.Id)), [], cancellationToken))
            {
                facts[id] = article;
            }
        }

        return facts;
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
            var byId = new ArticleFacts?[articles.Count == 0 ? 0 : articles.Keys.Max() + 1];
            foreach (var (id, article) in articles)
            {
                byId[id] = article;
            }

            _snapshot = new Snapshot(version, byId, names);
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
            .Select(a => new { a.Id, Outlet = a.Outlet == null ? null : a.Outlet.Name, a.PublishedOn })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new ArticleFacts(
            r.Outlet ?? Outlet.UnknownName,
            r.PublishedOn,
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
