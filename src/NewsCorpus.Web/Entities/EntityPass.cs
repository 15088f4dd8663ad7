using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Entities;

/// <summary>
/// Resolves the mentions of the articles not yet resolved against the entities the corpus stores: their names are
/// looked up in the persistent name index (<see cref="EntityKey"/>), so the cost follows the new articles, not the
/// corpus. Without an index (a database from before it, or after <c>reanalyze</c>) every article is resolved from scratch,
/// keeping the ids of entities whose names remain so that links stay valid.
/// </summary>
public sealed class EntityPass(NewsCorpusDbContext db, ILogger<EntityPass> logger)
{
    private const int Chunk = 500;

    /// <summary>Resolves; returns the articles it resolved and the entities it touched (all of them when from scratch).</summary>
    public async Task<(List<int> Articles, HashSet<int> Entities, bool FromScratch)> RunAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var fromScratch = await NeedsFullPassAsync(cancellationToken);
        if (fromScratch)
        {
            await ForgetResolutionAsync(cancellationToken);
        }

        var pending = await db.Articles.AsNoTracking().Where(a => !a.Resolved && a.CorpusProblem == null).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
        var read = MentionDocuments.Read(pending.Chunk(Chunk).SelectMany(Rows), cancellationToken);
        var index = fromScratch ? EntityIndex.Empty : await StoredEntityIndex.ReadAsync(db, EntityResolver.LookupKeys(read.Documents), cancellationToken);
        var problems = read.Problems;

        // A document the resolver cannot take is set aside (flagged) and the rest resolved; indexes map back to the full list.
        var (resolved, documentIndexes) = ArticleIsolation.Run(
            [.. Enumerable.Range(0, read.Documents.Count)],
            indexes => (EntityResolver.Resolve([.. indexes.Select(i => read.Documents[i])], index), indexes),
            i => read.ArticleIds[i], problems);
        await CorpusProblems.RecordAsync(db, problems, "entity resolution", logger, cancellationToken);
        var touched = await new EntityWriter(db).WriteAsync(resolved, documentIndexes, read, fromScratch, cancellationToken);
        await db.Entities.Where(e => e.MentionCount <= 0).ExecuteDeleteAsync(cancellationToken);
        pending.RemoveAll(problems.ContainsKey);
        logger.LogInformation("Resolved {MentionCount} mentions of {ArticleCount} articles ({Mode}, {KeyCount} index keys read) into {EntityCount} entities in {ElapsedMs} ms",
            read.MentionCount, pending.Count, fromScratch ? "from scratch" : "against the stored index", index.Count, touched.Count, started.ElapsedMilliseconds);
        return (pending, touched, fromScratch);
    }

    /// <summary>Marks articles resolved (the passes over their mentions and quotes are done).</summary>
    public async Task MarkResolvedAsync(List<int> articleIds, CancellationToken cancellationToken)
    {
        foreach (var chunk in articleIds.Chunk(Chunk))
        {
            await db.Articles.Where(a => chunk.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Resolved, true), cancellationToken);
        }
    }

    /// <summary>Makes the next pass resolve every article from scratch (reanalyze: every mention is new).</summary>
    public Task ForgetIndexAsync(CancellationToken cancellationToken) => db.EntityKeys.ExecuteDeleteAsync(cancellationToken);

    private IQueryable<MentionRow> Rows(int[] articleIds) => db.EntityMentions.AsNoTracking()
        .Where(m => articleIds.Contains(m.ArticleId) && m.Type != EntityType.Group)
        .OrderBy(m => m.ArticleId).ThenBy(m => m.Start)
        .Select(m => new MentionRow(m.Id, m.ArticleId, m.Type, m.Text, m.Role, m.RefersTo, m.Start, m.End));

    // Entities but no index: resolved before the index existed, or the index was cleared to resolve again.
    private async Task<bool> NeedsFullPassAsync(CancellationToken cancellationToken) =>
        !await db.EntityKeys.AnyAsync(cancellationToken) && await db.Entities.AnyAsync(cancellationToken);

    // Summaries start from zero; entity rows stay so that the names that remain keep their ids.
    private async Task ForgetResolutionAsync(CancellationToken cancellationToken)
    {
        await db.EntityAliases.ExecuteDeleteAsync(cancellationToken);
        await db.EntityOutlets.ExecuteDeleteAsync(cancellationToken);
        await db.Entities.ExecuteUpdateAsync(s => s.SetProperty(e => e.MentionCount, 0).SetProperty(e => e.ArticleCount, 0).SetProperty(e => e.OutletCount, 0), cancellationToken);
        await db.Articles.Where(a => a.Resolved).ExecuteUpdateAsync(s => s.SetProperty(a => a.Resolved, false), cancellationToken);
    }
}
