using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Entities;

/// <summary>Reads from the stored name index the entities filed under the keys a resolution will look up, and no others.</summary>
public static class StoredEntityIndex
{
    private const int Chunk = 500;

    public static async Task<EntityIndex> ReadAsync(NewsCorpusDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var index = new EntityIndex();
        var entries = new List<(string Key, int EntityId)>();
        foreach (var chunk in keys.Chunk(Chunk))
        {
            var rows = await db.EntityKeys.AsNoTracking().Where(k => chunk.Contains(k.Key)).Select(k => new { k.Key, k.EntityId }).ToListAsync(cancellationToken);
            entries.AddRange(rows.Select(r => (r.Key, r.EntityId)));
        }

        var entities = new Dictionary<int, ResolvedEntity>();
        foreach (var chunk in entries.Select(e => e.EntityId).Distinct().Chunk(Chunk))
        {
            var rows = await db.Entities.AsNoTracking().Where(e => chunk.Contains(e.Id))
                .Select(e => new { e.Id, e.Type, e.Name, e.ArticleCount }).ToListAsync(cancellationToken);
            var aliases = (await db.EntityAliases.AsNoTracking().Where(a => chunk.Contains(a.EntityId))
                .Select(a => new { a.EntityId, a.Name, a.MentionCount }).ToListAsync(cancellationToken)).ToLookup(a => a.EntityId);
            foreach (var row in rows)
            {
                entities[row.Id] = new ResolvedEntity(row.Type)
                {
                    StoredId = row.Id,
                    StoredName = row.Name,
                    StoredArticles = row.ArticleCount,
                    StoredAliases = aliases[row.Id].ToDictionary(a => a.Name, a => Math.Max(1, a.MentionCount), StringComparer.Ordinal),
                };
            }
        }

        // The oldest entity first under each key, as it was filed first.
        foreach (var (key, id) in entries.OrderBy(e => e.EntityId))
        {
            if (entities.TryGetValue(id, out var entity))
            {
                index.Add(key, entity);
            }
        }

        return index;
    }
}
