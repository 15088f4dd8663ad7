using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Data;
using Entity = NewsCorpus.Web.Data.Entity;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// Stores a resolution: new entities as rows, new mentions added to the summaries of the entities they join (counts,
/// alias counts, outlets, roles, name), the keys they were filed under, and each new mention's entity. Entities that
/// turn out to share a name are merged, so no two entities of a type share one.
/// </summary>
internal sealed class EntityWriter(NewsCorpusDbContext db)
{
    private const int Chunk = 500;

    /// <summary>Writes the resolution and returns the ids of the entities it touched.</summary>
    public async Task<HashSet<int>> WriteAsync(List<ResolvedEntity> resolved, IReadOnlyList<int> documentIndexes, MentionDocuments read, bool fullPass, CancellationToken cancellationToken)
    {
        int ArticleOf(int document) => read.ArticleIds[documentIndexes[document]];
        var outletOf = await OutletsAsync([.. resolved.SelectMany(e => e.Mentions).Select(m => ArticleOf(m.Document)).Distinct()], cancellationToken);
        var ids = await IdsAsync(resolved, cancellationToken);
        var touched = new HashSet<int>(ids.Values);
        var rows = new Dictionary<int, Entity>();
        foreach (var chunk in touched.Chunk(Chunk))
        {
            foreach (var row in await db.Entities.Where(e => chunk.Contains(e.Id)).ToListAsync(cancellationToken))
            {
                rows[row.Id] = row;
            }
        }

        var aliases = new Dictionary<(int, string), int>();
        var outlets = new Dictionary<(int, int), int>();
        var keys = new HashSet<(string, int)>();
        foreach (var entity in resolved)
        {
            var id = ids[entity];
            var row = rows[id];
            var articles = entity.Mentions.Select(m => ArticleOf(m.Document)).Distinct().ToList();
            row.Name = Limit(entity.Canonical, 300);
            row.Roles = Roles(row.Roles, entity.Roles);
            row.MentionCount += entity.Mentions.Count;
            row.ArticleCount += articles.Count;
            foreach (var (_, mention) in entity.Mentions)
            {
                var key = (id, Limit(mention.Text, 300));
                aliases[key] = aliases.GetValueOrDefault(key) + 1;
            }

            foreach (var outlet in articles.Select(a => outletOf.GetValueOrDefault(a)).OfType<int>())
            {
                outlets[(id, outlet)] = outlets.GetValueOrDefault((id, outlet)) + 1;
            }

            keys.UnionWith(entity.NewKeys.Select(k => (Limit(k, 400), id)));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await WriteSummariesAsync(aliases, outlets, keys, touched, cancellationToken);
        var assignment = resolved.SelectMany(e => e.Mentions.Select(m => (read.RowIdOf(documentIndexes[m.Document], m.Mention), ids[e])));
        await ColumnAssignment.AssignAsync(db, "EntityMentions", "EntityId", assignment, clearOthers: fullPass, searchable: true, cancellationToken);
        return touched;
    }

    private async Task WriteSummariesAsync(Dictionary<(int, string), int> aliases, Dictionary<(int, int), int> outlets, HashSet<(string, int)> keys,
        HashSet<int> touched, CancellationToken cancellationToken)
    {
        await RowInserter.InsertAsync(db, "EntityAliases", ["EntityId", "Name", "NormalizedName", "MentionCount"], [.. aliases],
            a => [a.Key.Item1, a.Key.Item2, a.Key.Item2.ToUpperInvariant(), a.Value], cancellationToken,
            """ON CONFLICT ("EntityId", "Name") DO UPDATE SET "MentionCount" = "EntityAliases"."MentionCount" + excluded."MentionCount" """);
        await RowInserter.InsertAsync(db, "EntityOutlets", ["EntityId", "OutletId", "ArticleCount"], [.. outlets],
            o => [o.Key.Item1, o.Key.Item2, o.Value], cancellationToken,
            """ON CONFLICT ("EntityId", "OutletId") DO UPDATE SET "ArticleCount" = "EntityOutlets"."ArticleCount" + excluded."ArticleCount" """);
        await RowInserter.InsertAsync(db, "EntityKeys", ["Key", "EntityId"], [.. keys], k => [k.Item1, k.Item2], cancellationToken, "ON CONFLICT DO NOTHING");
        foreach (var chunk in touched.Chunk(Chunk))
        {
            var count = $"""UPDATE "Entities" SET "OutletCount" = (SELECT count(*) FROM "EntityOutlets" o WHERE o."EntityId" = "Entities"."Id") WHERE "Id" IN ({ColumnAssignment.IdList(chunk)})""";
            await db.Database.ExecuteSqlRawAsync(count, cancellationToken);
        }
    }

    /// <summary>
    /// The row id of each resolved entity: its stored id, or the stored entity of the same type and name, or a new row.
    /// Stored entities it absorbed, or that already bear the name it now takes, are merged into it first.
    /// </summary>
    private async Task<Dictionary<ResolvedEntity, int>> IdsAsync(List<ResolvedEntity> resolved, CancellationToken cancellationToken)
    {
        var named = new Dictionary<(EntityType, string), int>();
        foreach (var chunk in resolved.Select(e => Limit(e.Canonical, 300)).Distinct().Chunk(Chunk))
        {
            foreach (var row in await db.Entities.AsNoTracking().Where(e => chunk.Contains(e.Name)).Select(e => new { e.Id, e.Type, e.Name }).ToListAsync(cancellationToken))
            {
                named.TryAdd((row.Type, row.Name), row.Id);
            }
        }

        var ids = new Dictionary<ResolvedEntity, int>(ReferenceEqualityComparer.Instance);
        var created = new Dictionary<ResolvedEntity, Entity>(ReferenceEqualityComparer.Instance);
        foreach (var entity in resolved)
        {
            var sameName = named.GetValueOrDefault((entity.Type, Limit(entity.Canonical, 300)));
            if (entity.StoredId is { } stored)
            {
                ids[entity] = stored;
                var gone = entity.AbsorbedIds.Append(sameName).Where(g => g != 0 && g != stored).Distinct();
                foreach (var id in gone)
                {
                    await MergeAsync(stored, id, cancellationToken);
                }
            }
            else if (sameName != 0)
            {
                ids[entity] = sameName;
            }
            else
            {
                created[entity] = new Entity { Name = Limit(entity.Canonical, 300), Type = entity.Type };
            }
        }

        db.Entities.AddRange(created.Values);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (entity, row) in created)
        {
            ids[entity] = row.Id;
        }

        db.ChangeTracker.Clear();
        return ids;
    }

    private async Task MergeAsync(int keep, int gone, CancellationToken cancellationToken)
    {
        var roles = await EntityBookkeeping.MergeAsync(db, keep, gone, cancellationToken);
        if (roles is not null)
        {
            var row = await db.Entities.SingleAsync(e => e.Id == keep, cancellationToken);
            row.Roles = Roles(row.Roles, roles.Split("; "));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Dictionary<int, int?>> OutletsAsync(List<int> articleIds, CancellationToken cancellationToken)
    {
        var outlets = new Dictionary<int, int?>(articleIds.Count);
        foreach (var chunk in articleIds.Chunk(Chunk))
        {
            foreach (var row in await db.Articles.AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.OutletId }).ToListAsync(cancellationToken))
            {
                outlets[row.Id] = row.OutletId;
            }
        }

        return outlets;
    }

    /// <summary>The stored roles ("a; b") with the added ones, sorted, as the entity row keeps them.</summary>
    internal static string? Roles(string? stored, IEnumerable<string> added)
    {
        var roles = new SortedSet<string>(stored?.Split("; ", StringSplitOptions.RemoveEmptyEntries) ?? [], StringComparer.Ordinal);
        roles.UnionWith(added);
        return roles.Count == 0 ? null : Limit(string.Join("; ", roles), 1000);
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}
