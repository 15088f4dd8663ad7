using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Analysis.Quotes;
using NewsCorpus.Web.Data;
using AnalysisMention = NewsCorpus.Analysis.Entities.EntityMention;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// Resolves every stored mention into corpus-wide entities (keeping the ids of entities that still exist, so
/// links stay valid), links quotes to their speakers, and groups quotes of the same statement into clusters.
/// </summary>
public sealed class CorpusResolver(NewsCorpusDbContext db, ILogger<CorpusResolver> logger)
{
    public async Task ResolveAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mentions = await db.EntityMentions.Where(m => m.Type != nameof(EntityType.Group)).OrderBy(m => m.ArticleId).ThenBy(m => m.Start).ToListAsync(cancellationToken);
        var documents = new List<IReadOnlyList<AnalysisMention>>();
        var rowOf = new Dictionary<AnalysisMention, Data.EntityMention>(ReferenceEqualityComparer.Instance);
        foreach (var article in mentions.GroupBy(m => m.ArticleId))
        {
            var document = new List<AnalysisMention>();
            foreach (var row in article)
            {
                var mention = new AnalysisMention(Enum.Parse<EntityType>(row.Type), row.Start, row.End, row.Text, row.Role, row.RefersTo);
                document.Add(mention);
                rowOf[mention] = row;
            }

            documents.Add(document);
        }

        var resolved = EntityResolver.Resolve(documents);
        var outletOf = await db.Articles.Select(a => new { a.Id, a.OutletId }).ToDictionaryAsync(a => a.Id, a => a.OutletId, cancellationToken);
        var existing = await db.Entities.Include(e => e.Aliases).ToListAsync(cancellationToken);
        var byKey = existing.GroupBy(e => (e.Type, e.Name)).ToDictionary(g => g.Key, g => g.First());
        var kept = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        foreach (var cluster in resolved)
        {
            var type = cluster.Type.ToString();
            var name = Limit(cluster.Canonical, 300);
            if (!byKey.TryGetValue((type, name), out var entity) || kept.Contains(entity))
            {
                entity = new Entity { Name = name, Type = type };
                db.Entities.Add(entity);
            }

            kept.Add(entity);
            entity.Roles = cluster.Roles.Count == 0 ? null : Limit(string.Join("; ", cluster.Roles), 1000);
            entity.MentionCount = cluster.Mentions.Count;
            entity.ArticleCount = cluster.Mentions.Select(m => rowOf[m.Mention].ArticleId).Distinct().Count();
            entity.OutletCount = cluster.Mentions.Select(m => outletOf.GetValueOrDefault(rowOf[m.Mention].ArticleId)).Distinct().Count();
            var aliases = cluster.Aliases.Select(a => Limit(a, 300)).ToHashSet(StringComparer.Ordinal);
            entity.Aliases.RemoveAll(a => !aliases.Contains(a.Name));
            foreach (var alias in aliases.Where(a => !entity.Aliases.Any(x => x.Name == a)))
            {
                entity.Aliases.Add(new EntityAlias { Name = alias, NormalizedName = alias.ToUpperInvariant() });
            }

            foreach (var (_, mention) in cluster.Mentions)
            {
                rowOf[mention].Entity = entity;
            }
        }

        db.Entities.RemoveRange(existing.Where(e => !kept.Contains(e)));
        await db.SaveChangesAsync(cancellationToken);

        await LinkSpeakersAsync(mentions, cancellationToken);
        await ClusterQuotesAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Resolved {MentionCount} mentions into {EntityCount} entities in {ElapsedMs} ms", mentions.Count, kept.Count, started.ElapsedMilliseconds);
    }

    private async Task LinkSpeakersAsync(List<Data.EntityMention> mentions, CancellationToken cancellationToken)
    {
        var entityAt = mentions.Where(m => m.EntityId is not null).GroupBy(m => (m.ArticleId, m.Start)).ToDictionary(g => g.Key, g => g.First().EntityId);
        foreach (var quote in await db.Quotes.ToListAsync(cancellationToken))
        {
            quote.SpeakerEntityId = quote.SpeakerMentionStart is { } start && entityAt.TryGetValue((quote.ArticleId, start), out var id) ? id : null;
        }
    }

    private async Task ClusterQuotesAsync(CancellationToken cancellationToken)
    {
        var quotes = await db.Quotes.OrderBy(q => q.Id).ToListAsync(cancellationToken);
        await db.QuoteClusters.ExecuteDeleteAsync(cancellationToken);
        var roots = QuoteClusterer.Cluster(quotes.Select(q => q.Text).ToList());
        foreach (var group in quotes.Select((q, i) => (Quote: q, Root: roots[i])).GroupBy(x => x.Root))
        {
            var members = group.Select(x => x.Quote).ToList();
            var cluster = new QuoteCluster { Text = members.OrderByDescending(q => q.Text.Length).First().Text, QuoteCount = members.Count };
            foreach (var quote in members)
            {
                quote.QuoteCluster = cluster;
            }
        }
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}
