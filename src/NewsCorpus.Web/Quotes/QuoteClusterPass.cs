using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Quotes;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Quotes;

/// <summary>
/// Groups the quotes of articles not yet clustered with the statements the corpus holds. A new quote is compared with
/// the stored quotes of the same words anywhere (found by fingerprint) and with those of its story's articles nearest
/// in time (for near copies), never with every quote. When most of the corpus is new (a first ingestion, reanalyze, an
/// older database) every quote is clustered at once instead.
/// </summary>
public sealed class QuoteClusterPass(NewsCorpusDbContext db, ILogger<QuoteClusterPass> logger)
{
    /// <summary>
    /// Story members, nearest in time to a new article, whose quotes it is compared with for near copies (besides the
    /// articles it shares sentences with, which carry the same wire copy and its quotes).
    /// </summary>
    public const int StoryMembersCompared = 8;

    private const int Chunk = 500;

    public async Task ClusterAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pending = await db.Articles.AsNoTracking().Where(a => !a.QuotesClustered && a.CorpusProblem == null).Select(a => a.Id).ToListAsync(cancellationToken);
        var everything = pending.Count * 2 >= await db.Articles.CountAsync(cancellationToken);
        var problems = new Dictionary<int, string>();
        var count = everything ? await ClusterEverythingAsync(problems, cancellationToken) : await ClusterNewAsync(pending, problems, cancellationToken);
        await CorpusProblems.RecordAsync(db, problems, "quote clustering", logger, cancellationToken);
        foreach (var chunk in pending.Where(id => !problems.ContainsKey(id)).Chunk(Chunk))
        {
            await db.Articles.Where(a => chunk.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.QuotesClustered, true), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Clustered {QuoteCount} quotes of {ArticleCount} articles ({Mode}) in {ElapsedMs} ms",
            count, pending.Count, everything ? "all at once" : "against stored statements", started.ElapsedMilliseconds);
    }

    private async Task<int> ClusterEverythingAsync(Dictionary<int, string> problems, CancellationToken cancellationToken)
    {
        var quotes = await db.Quotes.AsNoTracking().OrderBy(q => q.Id)
            .Select(q => new StatementMember(q.Id, q.ArticleId, q.Text, q.SpeakerEntityId, q.QuoteClusterId, q.Fingerprint)).ToListAsync(cancellationToken);
        await db.QuoteClusters.ExecuteDeleteAsync(cancellationToken);

        // Quotes stored before fingerprints existed get theirs now.
        var missing = quotes.Where(q => q.Fingerprint == 0).Select(q => (q.Id, QuoteClusterer.Fingerprint(q.Text))).ToList();
        await ColumnAssignment.AssignAsync(db, "Quotes", "Fingerprint", missing, clearOthers: false, searchable: false, cancellationToken);

        var (members, roots) = ArticleIsolation.Run(quotes, list => (list, QuoteClusterer.Cluster([.. list.Select(q => q.Text)])), q => q.ArticleId, problems);

        // A statement carried once is its own cluster: only statements carried twice or more get a cluster row.
        var statements = members.Select((q, i) => (Quote: q, Root: roots[i])).GroupBy(x => x.Root)
            .SelectMany(g => StatementsBySpeaker([.. g.Select(x => x.Quote)]))
            .Where(g => g.Count > 1)
            .ToList();
        var clusters = statements.Select(NewCluster).ToList();
        db.QuoteClusters.AddRange(clusters);
        await db.SaveChangesAsync(cancellationToken);
        var assignment = statements.SelectMany((s, i) => s.Select(q => (q.Id, clusters[i].Id)));
        await ColumnAssignment.AssignAsync(db, "Quotes", "QuoteClusterId", assignment, clearOthers: true, searchable: false, cancellationToken);
        return quotes.Count;
    }

    private async Task<int> ClusterNewAsync(List<int> pending, Dictionary<int, string> problems, CancellationToken cancellationToken)
    {
        var fresh = new List<StatementMember>();
        foreach (var chunk in pending.Chunk(Chunk))
        {
            fresh.AddRange(await Members(db.Quotes.Where(q => chunk.Contains(q.ArticleId))).ToListAsync(cancellationToken));
        }

        if (fresh.Count == 0)
        {
            return 0;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var stored = await StoredCandidatesAsync(pending, fresh, cancellationToken);
        var read = watch.ElapsedMilliseconds;
        var candidates = stored.Concat(fresh.OrderBy(q => q.Id)).ToList();
        var (members, roots) = ArticleIsolation.Run(candidates, list => (list, QuoteClusterer.Cluster([.. list.Select(q => q.Text)])), q => q.ArticleId, problems);
        var clustered = watch.ElapsedMilliseconds;
        var freshIds = fresh.Select(q => q.Id).ToHashSet();
        var statements = members.Select((q, i) => (Quote: q, Root: roots[i])).GroupBy(x => x.Root)
            .Where(g => g.Any(x => freshIds.Contains(x.Quote.Id)))
            .SelectMany(g => StatementsBySpeaker([.. g.Select(x => x.Quote)]))
            .Where(g => g.Count > 1 && g.Any(q => freshIds.Contains(q.Id)))
            .ToList();

        // A statement keeps the cluster most of its stored members are in; one no stored quote belonged to gets a new row.
        var clusterOf = statements.Select(s => s.Where(q => q.ClusterId is not null).GroupBy(q => q.ClusterId!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault()).ToList();
        var created = statements.Select((s, i) => clusterOf[i] is null ? NewCluster(s) : null).ToList();
        db.QuoteClusters.AddRange(created.OfType<QuoteCluster>());
        await db.SaveChangesAsync(cancellationToken);
        // Stored quotes already in a cluster stay there (their copies, not read here, are in it too).
        var assignment = statements.SelectMany((s, i) => s.Where(q => q.ClusterId is null).Select(q => (q.Id, clusterOf[i] ?? created[i]!.Id))).ToList();
        await ColumnAssignment.AssignAsync(db, "Quotes", "QuoteClusterId", assignment, clearOthers: false, searchable: false, cancellationToken);
        // New cluster rows were made from all their members; stored ones only gained members.
        await QuoteClusterRows.AddMembersAsync(db, Gained(statements, clusterOf), cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Quote clusters: {StoredCount} stored quotes read in {ReadMs} ms, {CandidateCount} clustered in {ClusterMs} ms, {ClusterRows} clusters written in {WriteMs} ms",
            stored.Count, read, candidates.Count, clustered - read, assignment.Select(a => a.Item2).Distinct().Count(), watch.ElapsedMilliseconds - clustered);
        return fresh.Count;
    }

    /// <summary>Stored quotes a new one could be a copy of: the same words anywhere, or near words in its story's nearest articles.</summary>
    private async Task<List<StatementMember>> StoredCandidatesAsync(List<int> pending, List<StatementMember> fresh, CancellationToken cancellationToken)
    {
        // A statement carried by hundreds of articles is met through its oldest copy per cluster and speaker, read from
        // the fingerprint index alone; the new quotes are the newest, so they are never that copy when a stored one exists.
        var freshIds = fresh.Select(q => q.Id).ToHashSet();
        var copies = new List<int>();
        foreach (var chunk in fresh.Select(q => q.Fingerprint).Distinct().Chunk(Chunk))
        {
            copies.AddRange((await db.Quotes.Where(q => chunk.Contains(q.Fingerprint))
                .GroupBy(q => new { q.Fingerprint, q.QuoteClusterId, q.SpeakerEntityId }).Select(g => g.Min(q => q.Id)).ToListAsync(cancellationToken))
                .Where(id => !freshIds.Contains(id)));
        }

        var found = new Dictionary<int, StatementMember>();
        foreach (var chunk in copies.Chunk(Chunk))
        {
            foreach (var quote in await Members(db.Quotes.Where(q => chunk.Contains(q.Id))).ToListAsync(cancellationToken))
            {
                found.TryAdd(quote.Id, quote);
            }
        }

        var neighbours = await StoryNeighboursAsync(pending, cancellationToken);
        foreach (var chunk in neighbours.Chunk(Chunk))
        {
            foreach (var quote in await Members(db.Quotes.Where(q => chunk.Contains(q.ArticleId))).ToListAsync(cancellationToken))
            {
                found.TryAdd(quote.Id, quote);
            }
        }

        return [.. found.Values.OrderBy(q => q.Id)];
    }

    // The clustered members of the new articles' stories nearest in time to each new article.
    private async Task<HashSet<int>> StoryNeighboursAsync(List<int> pending, CancellationToken cancellationToken)
    {
        var placed = new List<(int Id, int StoryId, DateOnly? Day)>();
        foreach (var chunk in pending.Chunk(Chunk))
        {
            placed.AddRange((await db.Articles.AsNoTracking().Where(a => chunk.Contains(a.Id) && a.StoryId != null)
                .Select(a => new { a.Id, StoryId = a.StoryId!.Value, a.PublishedOn }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.StoryId, a.PublishedOn)));
        }

        var members = new List<(int Id, int StoryId, DateOnly? Day)>();
        foreach (var chunk in placed.Select(p => p.StoryId).Distinct().Chunk(Chunk))
        {
            members.AddRange((await db.Articles.AsNoTracking().Where(a => a.StoryId != null && chunk.Contains(a.StoryId.Value) && a.QuotesClustered)
                .Select(a => new { a.Id, StoryId = a.StoryId!.Value, a.PublishedOn }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.StoryId, a.PublishedOn)));
        }

        var byStory = members.ToLookup(m => m.StoryId);
        var neighbours = placed.SelectMany(p => byStory[p.StoryId].OrderBy(m => Distance(m.Day, p.Day)).ThenBy(m => m.Id).Take(StoryMembersCompared).Select(m => m.Id)).ToHashSet();
        foreach (var chunk in pending.Chunk(Chunk))
        {
            neighbours.UnionWith(await db.ArticleOverlaps.Where(o => chunk.Contains(o.ArticleId) && o.OtherArticle!.QuotesClustered).Select(o => o.OtherArticleId).ToListAsync(cancellationToken));
        }

        return neighbours;
    }

    // The quotes each stored cluster gains, in id order; two statements may keep the same cluster (most of their stored
    // members are in it).
    private static Dictionary<int, List<(string Text, int? SpeakerEntityId)>> Gained(List<List<StatementMember>> statements, List<int?> clusterOf) =>
        statements.SelectMany((s, i) => s.Where(q => q.ClusterId is null && clusterOf[i] is not null).Select(q => (Cluster: clusterOf[i]!.Value, Quote: q)))
            .GroupBy(x => x.Cluster)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Quote).OrderBy(q => q.Id).Select(q => (q.Text, q.SpeakerEntityId)).ToList());

    private static IQueryable<StatementMember> Members(IQueryable<Quote> quotes) =>
        quotes.AsNoTracking().Select(q => new StatementMember(q.Id, q.ArticleId, q.Text, q.SpeakerEntityId, q.QuoteClusterId, q.Fingerprint));

    private static QuoteCluster NewCluster(List<StatementMember> statement) => new()
    {
        Text = statement.OrderByDescending(x => x.Text.Length).First().Text,
        QuoteCount = statement.Count,
        SpeakerEntityId = statement.Select(x => x.SpeakerEntityId).FirstOrDefault(x => x is not null),
    };

    private static int Distance(DateOnly? a, DateOnly? b) =>
        a is { } x && b is { } y ? Math.Abs(x.DayNumber - y.DayNumber) : int.MaxValue / 2;

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

    private sealed record StatementMember(int Id, int ArticleId, string Text, int? SpeakerEntityId, int? ClusterId, int Fingerprint);
}
