using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Analysis.Quotes;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Search;
using AnalysisMention = NewsCorpus.Analysis.Entities.EntityMention;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// Resolves every stored mention into corpus-wide entities (keeping the ids of entities that still exist, so
/// links stay valid), links quotes to their speakers, and groups quotes of the same statement into clusters.
/// Mentions are read as plain rows and written back in set-based statements: the work is a few passes over the
/// corpus, not one tracked entity per mention.
/// </summary>
public sealed class CorpusResolver(NewsCorpusDbContext db, ILogger<CorpusResolver> logger)
{
    private const int Chunk = 500;

    private const string SpeakerChanges = """
        "SpeakerEntityId" IS DISTINCT FROM (
            SELECT m."EntityId" FROM "EntityMentions" m
            WHERE m."ArticleId" = "Quotes"."ArticleId" AND m."Start" = "Quotes"."SpeakerMentionStart" AND m."EntityId" IS NOT NULL
            ORDER BY m."Id" LIMIT 1)
        """;

    public async Task ResolveAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (mentionCount, entityCount) = await ResolveMentionsAsync(cancellationToken);

        // Only rows whose speaker changes are written (on PostgreSQL an UPDATE writes a new row version); their
        // articles are searched by speaker, so the search outbox records them first.
        await SearchOutbox.RecordAllAsync(db, "SELECT \"ArticleId\" FROM \"Quotes\" WHERE " + SpeakerChanges, DateTime.UtcNow, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE "Quotes" SET "SpeakerEntityId" = (
                SELECT m."EntityId" FROM "EntityMentions" m
                WHERE m."ArticleId" = "Quotes"."ArticleId" AND m."Start" = "Quotes"."SpeakerMentionStart" AND m."EntityId" IS NOT NULL
                ORDER BY m."Id" LIMIT 1)
            WHERE
            """ + SpeakerChanges, cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            """
            UPDATE "Entities" SET "QuoteCount" = (SELECT count(*) FROM "Quotes" q WHERE q."SpeakerEntityId" = "Entities"."Id")
            WHERE "QuoteCount" IS DISTINCT FROM (SELECT count(*) FROM "Quotes" q WHERE q."SpeakerEntityId" = "Entities"."Id")
            """, cancellationToken);
        await ClusterQuotesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Resolved {MentionCount} mentions into {EntityCount} entities in {ElapsedMs} ms", mentionCount, entityCount, started.ElapsedMilliseconds);
    }

    /// <summary>
    /// Resolves every mention and stores each one's entity. Its millions of in-memory mentions live only in this method,
    /// so they are garbage before the quotes are clustered.
    /// </summary>
    private async Task<(int Mentions, int Entities)> ResolveMentionsAsync(CancellationToken cancellationToken)
    {
        // Mentions stream in article order into one list per article, with their row ids alongside. Names repeat across
        // millions of mentions, so each distinct string is kept once: memory grows with the names, not the mentions.
        var documents = new List<IReadOnlyList<AnalysisMention>>();
        var documentArticleIds = new List<int>();
        var documentRowIds = new List<int[]>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var mentionCount = 0;
        var problems = new Dictionary<int, string>();
        List<AnalysisMention>? document = null;
        List<int>? rowIds = null;
        var currentArticle = 0;
        var source = db.EntityMentions.AsNoTracking()
            .Where(m => m.Type != EntityType.Group)
            .OrderBy(m => m.ArticleId).ThenBy(m => m.Start)
            .Select(m => new { m.Id, m.ArticleId, m.Type, m.Text, m.Role, m.RefersTo, m.Start, m.End });

        // Read synchronously: async enumeration costs more per row than the read itself at millions of rows.
        foreach (var row in source)
        {
            if ((mentionCount & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (document is null || row.ArticleId != currentArticle)
            {
                Close();
                document = [];
                rowIds = [];
                currentArticle = row.ArticleId;
            }

            if (!Enum.IsDefined(row.Type) || row.End < row.Start || string.IsNullOrEmpty(row.Text))
            {
                problems[row.ArticleId] = $"mention {row.Id} is malformed (type '{row.Type}', {row.Start}–{row.End})";
                continue;
            }

            document.Add(new AnalysisMention(row.Type, row.Start, row.End, Once(row.Text), row.Role is null ? null : Once(row.Role), row.RefersTo is null ? null : Once(row.RefersTo)));
            rowIds!.Add(row.Id);
            mentionCount++;
        }

        Close();
        names.Clear();

        void Close()
        {
            if (document is { Count: > 0 } && !problems.ContainsKey(currentArticle))
            {
                documents.Add(document);
                documentArticleIds.Add(currentArticle);
                documentRowIds.Add([.. rowIds!]);
            }
        }

        string Once(string value)
        {
            if (names.TryGetValue(value, out var kept))
            {
                return kept;
            }

            names[value] = value;
            return value;
        }

        // The row a resolved mention came from: its document's mentions are in start order, so search by start.
        int RowIdOf(int documentIndex, AnalysisMention mention)
        {
            var mentions = documents[documentIndex];
            int low = 0, high = mentions.Count - 1;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (mentions[middle].Start < mention.Start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            for (var k = low; k < mentions.Count; k++)
            {
                if (ReferenceEquals(mentions[k], mention))
                {
                    return documentRowIds[documentIndex][k];
                }
            }

            throw new InvalidOperationException("A resolved mention is not in its document.");
        }

        // A document the resolver cannot take is set aside (flagged) and the rest resolved; indexes map back to the full list.
        var (resolved, documentIndexes) = ArticleIsolation.Run(
            [.. Enumerable.Range(0, documents.Count)],
            indexes => (EntityResolver.Resolve([.. indexes.Select(i => documents[i])]), indexes),
            i => documentArticleIds[i], problems);
        await CorpusProblems.RecordAsync(db, problems, "entity resolution", logger, cancellationToken);
        var outletOf = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.OutletId }).ToDictionaryAsync(a => a.Id, a => a.OutletId, cancellationToken);
        var existing = await db.Entities.Include(e => e.Aliases).ToListAsync(cancellationToken);
        var byKey = existing.GroupBy(e => (e.Type, e.Name)).ToDictionary(g => g.Key, g => g.First());
        var kept = new HashSet<Entity>(ReferenceEqualityComparer.Instance);
        var members = new List<(Entity Entity, List<int> MentionIds)>();
        foreach (var cluster in resolved)
        {
            var type = cluster.Type;
            var name = Limit(cluster.Canonical, 300);
            if (!byKey.TryGetValue((type, name), out var entity) || kept.Contains(entity))
            {
                entity = new Entity { Name = name, Type = type };
                db.Entities.Add(entity);
            }

            kept.Add(entity);
            entity.Roles = cluster.Roles.Count == 0 ? null : Limit(string.Join("; ", cluster.Roles), 1000);
            entity.MentionCount = cluster.Mentions.Count;
            entity.ArticleCount = cluster.Mentions.Select(m => m.Document).Distinct().Count();
            entity.OutletCount = cluster.Mentions.Select(m => outletOf.GetValueOrDefault(documentArticleIds[documentIndexes[m.Document]])).Distinct().Count();
            var aliases = cluster.Aliases.Select(a => Limit(a, 300)).ToHashSet(StringComparer.Ordinal);
            entity.Aliases.RemoveAll(a => !aliases.Contains(a.Name));
            foreach (var alias in aliases.Where(a => !entity.Aliases.Any(x => x.Name == a)))
            {
                entity.Aliases.Add(new EntityAlias { Name = alias, NormalizedName = alias.ToUpperInvariant() });
            }

            members.Add((entity, cluster.Mentions.Select(m => RowIdOf(documentIndexes[m.Document], m.Mention)).ToList()));
        }

        db.Entities.RemoveRange(existing.Where(e => !kept.Contains(e)));
        await db.SaveChangesAsync(cancellationToken);

        // Set-based writes: the mention → entity map goes into a temporary table, then UPDATEs apply it.
        await AssignAsync("EntityMentions", "EntityId", members.SelectMany(m => m.MentionIds.Select(id => (id, m.Entity.Id))), cancellationToken, searchable: true);
        return (mentionCount, kept.Count);
    }

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
        await AssignAsync("Quotes", "QuoteClusterId", clusters.SelectMany(c => c.Ids.Select(id => (id, c.Cluster.Id))), cancellationToken);
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

    /// <summary>
    /// Sets <paramref name="column"/> of <paramref name="table"/> from (row id, value) pairs, and clears it on every other row:
    /// the pairs are loaded into a temporary table in batches, then two UPDATEs join it, touching only rows that change.
    /// The SQL is the same on SQLite and PostgreSQL. Only integers and fixed names go into these statements; nothing
    /// read from articles or users.
    /// </summary>
    private async Task AssignAsync(string table, string column, IEnumerable<(int Id, int Value)> pairs, CancellationToken cancellationToken, bool searchable = false)
    {
        // A temporary table lives on one connection: keep it open across the statements.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS \"Assignment\"", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("CREATE TEMPORARY TABLE \"Assignment\" (\"RowId\" INTEGER PRIMARY KEY, \"Value\" INTEGER NOT NULL)", cancellationToken);
            foreach (var chunk in pairs.Chunk(Chunk))
            {
                var values = string.Join(',', chunk.Select(p => string.Create(CultureInfo.InvariantCulture, $"({p.Id},{p.Value})")));
                await db.Database.ExecuteSqlRawAsync(string.Concat("INSERT INTO \"Assignment\" (\"RowId\", \"Value\") VALUES ", values), cancellationToken);
            }

            var target = $"\"{table}\"";
            var field = $"\"{column}\"";
            var clear = $"UPDATE {target} SET {field} = NULL WHERE {field} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"Assignment\" a WHERE a.\"RowId\" = {target}.\"Id\")";
            var set = $"UPDATE {target} SET {field} = a.\"Value\" FROM \"Assignment\" a WHERE a.\"RowId\" = {target}.\"Id\" AND {target}.{field} IS DISTINCT FROM a.\"Value\"";
            if (searchable)
            {
                // The articles whose rows change are searched by this column: the search outbox records them.
                await SearchOutbox.RecordAllAsync(db,
                    $"SELECT t.\"ArticleId\" FROM {target} t LEFT JOIN \"Assignment\" a ON a.\"RowId\" = t.\"Id\" WHERE t.{field} IS DISTINCT FROM a.\"Value\"",
                    DateTime.UtcNow, cancellationToken);
            }

            await db.Database.ExecuteSqlRawAsync(clear, cancellationToken);
            await db.Database.ExecuteSqlRawAsync(set, cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"Assignment\"", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Limit(string text, int max) => text.Length <= max ? text : text[..max];
}
