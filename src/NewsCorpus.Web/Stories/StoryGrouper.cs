using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Compare;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Stories;

/// <summary>
/// Puts every article without a story into one (StoryClusterer: TF-IDF cosine within a few days), refreshes the
/// stories that changed (title from the most central article, date span, counts), and records how many
/// sentences each new article shares with the others of its story (syndication). Runs after each ingestion.
/// </summary>
public sealed class StoryGrouper(NewsCorpusDbContext db, TimeProvider clock, ILogger<StoryGrouper> logger)
{
    private const int Chunk = 500;

    private static readonly StoryClusteringOptions s_options = new();

    public async Task GroupAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        db.ChangeTracker.Clear();

        // One writer at a time (SQLite takes the write lock here): an ingestion beside the running app must not
        // group the same articles twice.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await FillMissingTermsAsync(cancellationToken);
        var touched = new HashSet<int>();
        var incoming = await AssignStoriesAsync(touched, cancellationToken);
        var assigned = started.ElapsedMilliseconds;

        // Stories an article left (it was updated and regrouped) or that lost articles otherwise.
        touched.UnionWith(await db.Stories.Where(s => s.ArticleCount != s.Articles.Count).Select(s => s.Id).ToListAsync(cancellationToken));
        await new StoryRefresher(db, clock).RefreshAsync(touched, cancellationToken);
        var refreshed = started.ElapsedMilliseconds;
        if (incoming.Count > 0)
        {
            await new SharedSentenceCounter(db, logger).RecordAsync(incoming, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        logger.LogInformation("Grouped {ArticleCount} articles into stories ({StoryCount} stories changed) in {ElapsedMs} ms (assigning {AssignMs} ms, stories {RefreshMs} ms, shared sentences {OverlapMs} ms)",
            incoming.Count, touched.Count, started.ElapsedMilliseconds, assigned, refreshed - assigned, started.ElapsedMilliseconds - refreshed);
    }

    /// <summary>
    /// Puts every article without a story into one (an existing story or a new one) and returns their ids. The articles'
    /// terms are only needed here: kept in this method, they are garbage before the shared sentences are counted.
    /// </summary>
    private async Task<List<int>> AssignStoriesAsync(HashSet<int> touched, CancellationToken cancellationToken)
    {
        // Terms are read as rows arrive, straight into numbers (one string per distinct term for the whole pass): the
        // stored text of 100,000 articles' terms is never held at once.
        var terms = new StoryVocabulary();
        var incoming = new List<CompactStoryDocument>();
        var problems = new Dictionary<int, string>();
        var rows = db.Articles.AsNoTracking().Where(a => a.StoryId == null && a.CorpusProblem == null).Select(a => new { a.Id, a.PublishedOn, a.StoryTermCounts }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (Document(row.Id, row.PublishedOn, row.StoryTermCounts, terms, problems) is { } document)
            {
                incoming.Add(document);
            }
        }

        if (incoming.Count == 0)
        {
            await CorpusProblems.RecordAsync(db, problems, "story grouping", logger, cancellationToken);
            return [];
        }

        var watch = Stopwatch.StartNew();
        var pool = Pool(incoming, terms, problems, cancellationToken);
        var read = watch.ElapsedMilliseconds;
        var clusterer = new StoryClusterer(s_options);
        var assignment = ArticleIsolation.Run(incoming, list => clusterer.Assign(pool, list), d => d.Id, problems);
        logger.LogInformation("Story candidates: {PoolCount} grouped articles read in {ReadMs} ms, {IncomingCount} assigned in {AssignMs} ms",
            pool.Count, read, incoming.Count, watch.ElapsedMilliseconds - read);
        await CorpusProblems.RecordAsync(db, problems, "story grouping", logger, cancellationToken);
        incoming.RemoveAll(d => problems.ContainsKey(d.Id));

        var now = clock.GetUtcNow().UtcDateTime;
        var created = assignment.Values.Where(v => v < 0).Distinct().ToDictionary(v => v, _ => new Story { Title = "", UpdatedAt = now });
        db.Stories.AddRange(created.Values);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var story in assignment.GroupBy(a => a.Value < 0 ? created[a.Value].Id : a.Value))
        {
            touched.Add(story.Key);
            foreach (var ids in story.Select(a => a.Key).Chunk(Chunk))
            {
                await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.StoryId, story.Key), cancellationToken);
            }
        }

        return [.. incoming.Select(i => i.Id)];
    }

    // Articles stored before stories existed, or before terms were stored as numbers: their terms come from their
    // paragraphs (counted in parallel: an upgraded corpus counts all of its articles once). Their stories stay.
    private async Task FillMissingTermsAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await db.Articles.Where(a => a.StoryTermCounts == null).OrderBy(a => a.Id).Take(Chunk)
                .Include(a => a.Paragraphs).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var counted = new byte[batch.Count][];
            Parallel.For(0, batch.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                counted[i] = StoryTerms.Write(StoryTerms.Count(batch[i].Title, batch[i].Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Text))));
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].StoryTermCounts = counted[i];
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    // The grouped articles a new one could join: those within the window of the new ones' dates, plus undated ones.
    private List<(CompactStoryDocument Document, int StoryId)> Pool(List<CompactStoryDocument> incoming, StoryVocabulary terms, Dictionary<int, string> problems, CancellationToken cancellationToken)
    {
        var query = db.Articles.AsNoTracking().Where(a => a.StoryId != null);
        var (from, to) = (DateOnly.MinValue, DateOnly.MaxValue);
        if (incoming.All(i => i.Day is not null))
        {
            // Wide enough to see each nearby story's whole span, which the clusterer keeps within MaxSpanDays.
            var margin = Math.Max(s_options.WindowDays, s_options.MaxSpanDays);
            (from, to) = (StoryClusterer.Shift(incoming.Min(i => i.Day!.Value), -margin), StoryClusterer.Shift(incoming.Max(i => i.Day!.Value), margin));

            // Through the date index SQLite visits a range's rows in date order, all over the file: when the range holds
            // most of the corpus (new articles spread over its years), reading every row in file order is twice as fast.
            if (db.Articles.Count(a => a.PublishedOn >= from && a.PublishedOn <= to) * 2 < db.Articles.Count())
            {
                query = query.Where(a => a.PublishedOn == null || (a.PublishedOn >= from && a.PublishedOn <= to));
            }
        }

        var pool = new List<(CompactStoryDocument Document, int StoryId)>();
        // Read synchronously: at a hundred thousand rows async enumeration costs more than the read. (Plain ADO.NET into
        // one reused buffer was tried: the bare read was faster, the whole read not measurably.)
        foreach (var row in query.Select(a => new { a.Id, a.PublishedOn, a.StoryTermCounts, a.StoryId }))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.PublishedOn is { } day && (day < from || day > to))
            {
                continue;
            }

            if (Document(row.Id, row.PublishedOn, row.StoryTermCounts, terms, problems) is { } document)
            {
                pool.Add((document, row.StoryId!.Value));
            }
        }

        return pool;
    }

    /// <summary>An article's story vector, or null (and the reason kept) when its stored terms cannot be read.</summary>
    private static CompactStoryDocument? Document(int id, DateOnly? publishedOn, byte[]? storedTerms, StoryVocabulary terms, Dictionary<int, string> problems)
    {
        try
        {
            return terms.Read(id, publishedOn, storedTerms);
        }
        catch (FormatException ex)
        {
            problems[id] = $"its story terms cannot be read ({ex.Message})";
            return null;
        }
    }
}
