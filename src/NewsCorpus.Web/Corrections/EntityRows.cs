using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Corrections;

/// <summary>Set-based moves of mentions between entities, with the summaries (aliases, outlets, counts, speakers) kept right.</summary>
public static class EntityRows
{
    /// <summary>Moves the entity's mentions written as one of <paramref name="names"/> to <paramref name="to"/>, and their quotes' speaker.</summary>
    public static async Task MoveMentionsAsync(NewsCorpusDbContext db, int from, int to, IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        // Compared in .NET: SQLite's upper() folds ASCII only.
        var upper = names.Select(n => n.ToUpperInvariant()).ToHashSet();
        var moved = (await db.EntityMentions.Where(m => m.EntityId == from).Select(m => new { m.Id, m.ArticleId, m.Start, m.Text }).ToListAsync(cancellationToken))
            .Where(m => upper.Contains(m.Text.ToUpperInvariant())).ToList();
        foreach (var chunk in moved.Chunk(500))
        {
            var ids = chunk.Select(m => m.Id).ToList();
            await db.EntityMentions.Where(m => ids.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.EntityId, to), cancellationToken);
            foreach (var article in chunk.GroupBy(m => m.ArticleId))
            {
                var starts = article.Select(m => (int?)m.Start).ToList();
                await db.Quotes.Where(q => q.ArticleId == article.Key && q.SpeakerEntityId == from && starts.Contains(q.SpeakerMentionStart))
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.SpeakerEntityId, to), cancellationToken);
                await SearchOutbox.RecordAsync(db, article.Key, DateTime.UtcNow, cancellationToken);
            }
        }

        await RebuildSummariesAsync(db, [from, to], cancellationToken);
    }

    /// <summary>Aliases and outlets of the entities counted again from their mentions, then their counts.</summary>
    public static async Task RebuildSummariesAsync(NewsCorpusDbContext db, IReadOnlyCollection<int> entityIds, CancellationToken cancellationToken)
    {
        if (entityIds.Count == 0)
        {
            return;
        }

        var ids = ColumnAssignment.IdList(entityIds);
        await db.EntityAliases.Where(a => entityIds.Contains(a.EntityId)).ExecuteDeleteAsync(cancellationToken);
        var aliases = await db.EntityMentions.Where(m => m.EntityId != null && entityIds.Contains(m.EntityId.Value))
            .GroupBy(m => new { EntityId = m.EntityId!.Value, m.Text }).Select(g => new { g.Key.EntityId, g.Key.Text, Count = g.Count() })
            .ToListAsync(cancellationToken);
        await RowInserter.InsertAsync(db, "EntityAliases", ["EntityId", "Name", "NormalizedName", "MentionCount"], aliases,
            a => [a.EntityId, a.Text, a.Text.ToUpperInvariant(), a.Count], cancellationToken);
        string[] statements =
        [
            $"DELETE FROM \"EntityOutlets\" WHERE \"EntityId\" IN ({ids})",
            $"""
            INSERT INTO "EntityOutlets" ("EntityId", "OutletId", "ArticleCount")
            SELECT m."EntityId", a."OutletId", count(DISTINCT a."Id") FROM "EntityMentions" m JOIN "Articles" a ON a."Id" = m."ArticleId"
            WHERE m."EntityId" IN ({ids}) AND a."OutletId" IS NOT NULL GROUP BY m."EntityId", a."OutletId"
            """,
        ];
        foreach (var statement in statements)
        {
#pragma warning disable EF1003 // integer ids only
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
#pragma warning restore EF1003
        }

        await EntityBookkeeping.RecountAsync(db, entityIds, cancellationToken);
    }

    /// <summary>Records every article that mentions the entity or quotes it, for the search index.</summary>
    public static Task RecordArticlesAsync(NewsCorpusDbContext db, int entityId, CancellationToken cancellationToken) =>
        SearchOutbox.RecordAllAsync(db, $"""
            SELECT "ArticleId" FROM "EntityMentions" WHERE "EntityId" = {entityId}
            UNION SELECT "ArticleId" FROM "Quotes" WHERE "SpeakerEntityId" = {entityId}
            """, DateTime.UtcNow, cancellationToken);
}
