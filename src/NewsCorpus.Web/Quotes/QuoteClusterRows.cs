using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Quotes;

/// <summary>
/// Brings cluster rows in line with their members after members joined or left: the count, the longest text, the first
/// known speaker; a cluster left with fewer than two members is no longer a shared statement and goes. Only integer ids
/// go into the SQL.
/// </summary>
public static class QuoteClusterRows
{
    public static async Task RefreshAsync(NewsCorpusDbContext db, IReadOnlyCollection<int> clusterIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in clusterIds.Distinct().Chunk(500))
        {
            var ids = ColumnAssignment.IdList(chunk);
            string[] statements =
            [
                $"""UPDATE "QuoteClusters" SET "QuoteCount" = (SELECT count(*) FROM "Quotes" q WHERE q."QuoteClusterId" = "QuoteClusters"."Id") WHERE "Id" IN ({ids})""",
                $"""UPDATE "Quotes" SET "QuoteClusterId" = NULL WHERE "QuoteClusterId" IN (SELECT c."Id" FROM "QuoteClusters" c WHERE c."Id" IN ({ids}) AND c."QuoteCount" < 2)""",
                $"""DELETE FROM "QuoteClusters" WHERE "Id" IN ({ids}) AND "QuoteCount" < 2""",
                $"""
                UPDATE "QuoteClusters" SET
                    "Text" = (SELECT q."Text" FROM "Quotes" q WHERE q."QuoteClusterId" = "QuoteClusters"."Id" ORDER BY length(q."Text") DESC, q."Id" LIMIT 1),
                    "SpeakerEntityId" = (SELECT q."SpeakerEntityId" FROM "Quotes" q WHERE q."QuoteClusterId" = "QuoteClusters"."Id" AND q."SpeakerEntityId" IS NOT NULL ORDER BY q."Id" LIMIT 1)
                WHERE "Id" IN ({ids})
                """,
            ];
            foreach (var statement in statements)
            {
                await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The same for clusters that only gained members (<paramref name="added"/>: text and speaker of each, in id order),
    /// without reading the members they had: the count grows, a longer text replaces the shown one, a cluster without a
    /// known speaker takes the first added one's.
    /// </summary>
    public static async Task AddMembersAsync(NewsCorpusDbContext db, Dictionary<int, List<(string Text, int? SpeakerEntityId)>> added, CancellationToken cancellationToken)
    {
        foreach (var chunk in added.Keys.Chunk(500))
        {
            foreach (var cluster in await db.QuoteClusters.Where(c => chunk.Contains(c.Id)).ToListAsync(cancellationToken))
            {
                var members = added[cluster.Id];
                cluster.QuoteCount += members.Count;
                cluster.Text = members.Select(m => m.Text).Aggregate(cluster.Text, (best, text) => text.Length > best.Length ? text : best);
                cluster.SpeakerEntityId ??= members.Select(m => m.SpeakerEntityId).FirstOrDefault(s => s is not null);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }
}
