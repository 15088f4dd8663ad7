using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// Keeps the stored entities' summaries (counts, aliases, outlets, index keys) right when entities merge or an article's
/// mentions are withdrawn, in set-based SQL: the corpus is never re-read for it. Only integer ids go into the SQL.
/// </summary>
public static class EntityBookkeeping
{
    /// <summary>Folds entity <paramref name="gone"/> into <paramref name="keep"/> (they turned out to share a name) and returns the roles it had.</summary>
    public static async Task<string?> MergeAsync(NewsCorpusDbContext db, int keep, int gone, CancellationToken cancellationToken)
    {
        var roles = await db.Entities.Where(e => e.Id == gone).Select(e => e.Roles).FirstOrDefaultAsync(cancellationToken);
        await SearchOutbox.RecordAllAsync(db, $"SELECT \"ArticleId\" FROM \"EntityMentions\" WHERE \"EntityId\" = {gone}", DateTime.UtcNow, cancellationToken);
        string[] statements =
        [
            $"UPDATE \"EntityMentions\" SET \"EntityId\" = {keep} WHERE \"EntityId\" = {gone}",
            $"UPDATE \"Quotes\" SET \"SpeakerEntityId\" = {keep} WHERE \"SpeakerEntityId\" = {gone}",
            $"UPDATE \"QuoteClusters\" SET \"SpeakerEntityId\" = {keep} WHERE \"SpeakerEntityId\" = {gone}",
            $"""
            INSERT INTO "EntityAliases" ("EntityId", "Name", "NormalizedName", "MentionCount")
            SELECT {keep}, "Name", "NormalizedName", "MentionCount" FROM "EntityAliases" WHERE "EntityId" = {gone}
            ON CONFLICT ("EntityId", "Name") DO UPDATE SET "MentionCount" = "EntityAliases"."MentionCount" + excluded."MentionCount"
            """,
            $"""
            INSERT INTO "EntityOutlets" ("EntityId", "OutletId", "ArticleCount")
            SELECT {keep}, "OutletId", "ArticleCount" FROM "EntityOutlets" WHERE "EntityId" = {gone}
            ON CONFLICT ("EntityId", "OutletId") DO UPDATE SET "ArticleCount" = "EntityOutlets"."ArticleCount" + excluded."ArticleCount"
            """,
            $"""INSERT INTO "EntityKeys" ("Key", "EntityId") SELECT "Key", {keep} FROM "EntityKeys" WHERE "EntityId" = {gone} ON CONFLICT DO NOTHING""",
            $"DELETE FROM \"Entities\" WHERE \"Id\" = {gone}",
        ];
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        await RecountAsync(db, [keep], cancellationToken);
        return roles;
    }

    /// <summary>Counts the entities' mentions, articles, outlets and quotes again from their rows (after a merge or a withdrawal).</summary>
    public static async Task RecountAsync(NewsCorpusDbContext db, IReadOnlyCollection<int> entityIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in entityIds.Chunk(500))
        {
            var recount = $"""
                UPDATE "Entities" SET
                    "MentionCount" = (SELECT count(*) FROM "EntityMentions" m WHERE m."EntityId" = "Entities"."Id"),
                    "ArticleCount" = (SELECT count(DISTINCT m."ArticleId") FROM "EntityMentions" m WHERE m."EntityId" = "Entities"."Id"),
                    "OutletCount" = (SELECT count(*) FROM "EntityOutlets" o WHERE o."EntityId" = "Entities"."Id"),
                    "QuoteCount" = (SELECT count(*) FROM "Quotes" q WHERE q."SpeakerEntityId" = "Entities"."Id")
                WHERE "Id" IN ({ColumnAssignment.IdList(chunk)})
                """;
            await db.Database.ExecuteSqlRawAsync(recount, cancellationToken);
        }
    }

    /// <summary>
    /// Takes an article's resolved mentions out of its entities' summaries before its rows are replaced (its text changed):
    /// the entity pass then resolves the new rows like any new article's. An entity left with no mentions is removed by that pass.
    /// </summary>
    public static async Task WithdrawArticleAsync(NewsCorpusDbContext db, int articleId, CancellationToken cancellationToken)
    {
        var entities = await db.EntityMentions.Where(m => m.ArticleId == articleId && m.EntityId != null).Select(m => m.EntityId!.Value).Distinct().ToListAsync(cancellationToken);
        if (entities.Count == 0)
        {
            return;
        }

        var ids = ColumnAssignment.IdList(entities);
        string[] statements =
        [
            $"""
            UPDATE "EntityAliases" SET "MentionCount" = "MentionCount" - (SELECT count(*) FROM "EntityMentions" m
                WHERE m."ArticleId" = {articleId} AND m."EntityId" = "EntityAliases"."EntityId" AND m."Text" = "EntityAliases"."Name")
            WHERE "EntityId" IN ({ids})
            """,
            $"""
            UPDATE "EntityOutlets" SET "ArticleCount" = "ArticleCount" - 1
            WHERE "EntityId" IN ({ids}) AND "OutletId" = (SELECT a."OutletId" FROM "Articles" a WHERE a."Id" = {articleId})
            """,
            $"DELETE FROM \"EntityAliases\" WHERE \"EntityId\" IN ({ids}) AND \"MentionCount\" <= 0",
            $"DELETE FROM \"EntityOutlets\" WHERE \"EntityId\" IN ({ids}) AND \"ArticleCount\" <= 0",
            $"UPDATE \"EntityMentions\" SET \"EntityId\" = NULL WHERE \"ArticleId\" = {articleId}",
            $"UPDATE \"Quotes\" SET \"SpeakerEntityId\" = NULL WHERE \"ArticleId\" = {articleId}",
        ];
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        await RecountAsync(db, entities, cancellationToken);
        await RenameAsync(db, entities, cancellationToken);
    }

    /// <summary>Names and roles from what the entities' remaining mentions say (the withdrawn article may have given them).</summary>
    private static async Task RenameAsync(NewsCorpusDbContext db, List<int> entityIds, CancellationToken cancellationToken)
    {
        var rows = await db.Entities.Include(e => e.Aliases).Where(e => entityIds.Contains(e.Id) && e.MentionCount > 0).ToListAsync(cancellationToken);
        var roles = (await db.EntityMentions.Where(m => m.EntityId != null && entityIds.Contains(m.EntityId.Value) && m.Role != null)
            .Select(m => new { EntityId = m.EntityId!.Value, Role = m.Role! }).Distinct().ToListAsync(cancellationToken)).ToLookup(r => r.EntityId, r => r.Role);
        foreach (var row in rows)
        {
            var name = new ResolvedEntity(row.Type) { StoredAliases = row.Aliases.ToDictionary(a => a.Name, a => a.MentionCount, StringComparer.Ordinal) }.Canonical;
            name = name.Length <= 300 ? name : name[..300];

            // No two entities of a type share a name: a name another one bears waits for the pass that merges them.
            if (name != row.Name && !await db.Entities.AnyAsync(e => e.Type == row.Type && e.Name == name && e.Id != row.Id, cancellationToken))
            {
                row.Name = name;
            }

            row.Roles = EntityWriter.Roles(null, roles[row.Id]);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
