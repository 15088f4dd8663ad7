using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Compare;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Stories;

/// <summary>
/// Syndication: records how many sentences each newly grouped article shares with the members of its story nearest in
/// time, in both directions (<see cref="ArticleOverlap"/>). Sentences are compared as the prints stored with each
/// article; an article stored before prints existed gets them from its paragraphs, once.
/// </summary>
public sealed class SharedSentenceCounter(NewsCorpusDbContext db, ILogger logger)
{
    /// <summary>Story members an article's text is compared with for shared sentences, nearest in time first.</summary>
    public const int MaxOverlapMembers = 25;

    private const int Chunk = 500;

    /// <summary>
    /// Articles whose sentence indexes are held at once while shared sentences are counted: stories go in batches of about
    /// this many members, so memory stays bounded however large the corpus or its stories grow.
    /// </summary>
    private const int ArticlesPerBatch = 1_000;

    // Where the time goes, for the log: reading the compared articles' sentences, comparing them, writing the counts.
    private readonly System.Diagnostics.Stopwatch _reading = new();
    private readonly System.Diagnostics.Stopwatch _comparing = new();
    private readonly System.Diagnostics.Stopwatch _writing = new();
    private int _pairs;
    private int _articlesRead;
    private int _overlaps;

    /// <summary>Counts and stores the shared sentences of <paramref name="articleIds"/> (their earlier counts are replaced).</summary>
    public async Task RecordAsync(List<int> articleIds, CancellationToken cancellationToken)
    {
        var storyOf = new Dictionary<int, (int StoryId, DateOnly? PublishedOn)>();
        foreach (var chunk in articleIds.Chunk(Chunk))
        {
            await db.ArticleOverlaps.Where(o => chunk.Contains(o.ArticleId) || chunk.Contains(o.OtherArticleId)).ExecuteDeleteAsync(cancellationToken);
            foreach (var row in await db.Articles.AsNoTracking().Where(a => chunk.Contains(a.Id) && a.StoryId != null)
                .Select(a => new { a.Id, StoryId = a.StoryId!.Value, a.PublishedOn }).ToListAsync(cancellationToken))
            {
                storyOf[row.Id] = (row.StoryId, row.PublishedOn);
            }
        }

        // Story by story (a few hundred at a time), so each article's sentences are read and indexed once.
        var done = new HashSet<(int, int)>();
        foreach (var stories in await StoryBatchesAsync([.. storyOf.Values.Select(v => v.StoryId).Distinct().Order()], cancellationToken))
        {
            var members = new List<(int Id, int StoryId, DateOnly? PublishedOn)>();
            foreach (var batch in stories.Chunk(Chunk))
            {
                members.AddRange((await db.Articles.AsNoTracking().Where(a => a.StoryId != null && batch.Contains(a.StoryId.Value))
                    .Select(a => new { a.Id, StoryId = a.StoryId!.Value, a.PublishedOn }).ToListAsync(cancellationToken))
                    .Select(m => (m.Id, m.StoryId, m.PublishedOn)));
            }

            var byStory = members.GroupBy(m => m.StoryId).ToDictionary(g => g.Key, g => g.ToList());
            var pairs = new List<(int Id, int Other)>();
            foreach (var (id, (storyId, publishedOn)) in storyOf.Where(s => byStory.ContainsKey(s.Value.StoryId)))
            {
                var others = byStory[storyId]
                    .Where(m => m.Id != id)
                    .OrderBy(m => Distance(m.PublishedOn, publishedOn)).ThenBy(m => m.Id)
                    .Take(MaxOverlapMembers);
                pairs.AddRange(others.Where(m => done.Add((Math.Min(id, m.Id), Math.Max(id, m.Id)))).Select(m => (id, m.Id)));
            }

            await CountSharedSentencesAsync(pairs, cancellationToken);
        }

        logger.LogInformation("Shared sentences: {PairCount} pairs of {ArticleCount} articles compared; sentences read in {ReadMs} ms, compared in {CompareMs} ms, {OverlapCount} counts written in {WriteMs} ms",
            _pairs, _articlesRead, _reading.ElapsedMilliseconds, _comparing.ElapsedMilliseconds, _overlaps, _writing.ElapsedMilliseconds);
    }

    /// <summary>
    /// Counts the sentences each pair of articles shares and stores the counts. The batch's sentence indexes live only in
    /// this method, so they are garbage as soon as it returns, not kept while the next batch is built.
    /// </summary>
    private async Task CountSharedSentencesAsync(List<(int Id, int Other)> pairs, CancellationToken cancellationToken)
    {
        _reading.Start();
        var indexes = await LoadSentencesAsync([.. pairs.SelectMany(p => new[] { p.Id, p.Other }).Distinct()], cancellationToken);
        _reading.Stop();
        (_pairs, _articlesRead) = (_pairs + pairs.Count, _articlesRead + indexes.Count);
        _comparing.Start();

        // The sentence comparisons run in parallel: the indexes are only read.
        var found = new System.Collections.Concurrent.ConcurrentBag<ArticleOverlap>();
        Parallel.ForEach(pairs, new ParallelOptions { CancellationToken = cancellationToken }, pair =>
        {
            var mine = indexes[pair.Id];
            var theirs = indexes[pair.Other];

            // Copies of one text always share some sentences word for word; articles that share none are
            // different reporting, and the costlier search for edited sentences is skipped.
            if (!theirs.SharesAnyExactly(mine.Sentences))
            {
                return;
            }

            Add(found, pair.Id, pair.Other, SharedText.SharedSentences(mine.Sentences, theirs), mine.Sentences.Count);
            Add(found, pair.Other, pair.Id, SharedText.SharedSentences(theirs.Sentences, mine), theirs.Sentences.Count);
        });

        _comparing.Stop();
        _writing.Start();
        _overlaps += found.Count;
        await RowInserter.InsertAsync(db, "ArticleOverlaps", ["ArticleId", "OtherArticleId", "SharedSentences", "SentenceCount"],
            [.. found.OrderBy(o => o.ArticleId).ThenBy(o => o.OtherArticleId)],
            o => [o.ArticleId, o.OtherArticleId, o.SharedSentences, o.SentenceCount], cancellationToken);
        _writing.Stop();
    }

    private async Task<List<List<int>>> StoryBatchesAsync(List<int> storyIds, CancellationToken cancellationToken)
    {
        var sizes = new Dictionary<int, int>(storyIds.Count);
        foreach (var chunk in storyIds.Chunk(Chunk))
        {
            foreach (var story in await db.Stories.AsNoTracking().Where(s => chunk.Contains(s.Id)).Select(s => new { s.Id, s.ArticleCount }).ToListAsync(cancellationToken))
            {
                sizes[story.Id] = story.ArticleCount;
            }
        }

        var batches = new List<List<int>>();
        var current = new List<int>();
        var members = 0;
        foreach (var id in storyIds)
        {
            current.Add(id);
            members += Math.Max(1, sizes.GetValueOrDefault(id));
            if (members >= ArticlesPerBatch)
            {
                batches.Add(current);
                (current, members) = ([], 0);
            }
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    private static void Add(System.Collections.Concurrent.ConcurrentBag<ArticleOverlap> overlaps, int article, int other, int shared, int total)
    {
        if (shared > 0)
        {
            overlaps.Add(new ArticleOverlap { ArticleId = article, OtherArticleId = other, SharedSentences = shared, SentenceCount = total });
        }
    }

    private static int Distance(DateOnly? a, DateOnly? b) =>
        a is { } x && b is { } y ? Math.Abs(x.DayNumber - y.DayNumber) : int.MaxValue / 2;

    // Each article's stored sentence prints; an article stored before prints were kept has its sentences read from its
    // paragraphs, and its prints stored.
    private async Task<Dictionary<int, SentenceIndex>> LoadSentencesAsync(List<int> ids, CancellationToken cancellationToken)
    {
        var indexes = new Dictionary<int, SentenceIndex>(ids.Count);
        var problems = new Dictionary<int, string>();
        var unprinted = new List<int>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            foreach (var row in await db.Articles.AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.SentencePrints }).ToListAsync(cancellationToken))
            {
                if (row.SentencePrints is null)
                {
                    unprinted.Add(row.Id);
                    continue;
                }

                try
                {
                    indexes[row.Id] = new SentenceIndex(SentencePrints.Read(row.SentencePrints));
                }
                catch (FormatException ex)
                {
                    // Its shared sentences go uncounted; the other articles' still are.
                    problems[row.Id] = $"its sentences cannot be compared ({ex.Message})";
                }
            }
        }

        await CorpusProblems.RecordAsync(db, problems, "shared sentences", logger, cancellationToken);
        await LoadFromParagraphsAsync(unprinted, indexes, cancellationToken);
        foreach (var id in ids.Where(id => !indexes.ContainsKey(id)))
        {
            indexes[id] = new SentenceIndex([]);
        }

        return indexes;
    }

    private async Task LoadFromParagraphsAsync(List<int> ids, Dictionary<int, SentenceIndex> indexes, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var paragraphs = (await db.ArticleParagraphs.AsNoTracking().Where(p => chunk.Contains(p.ArticleId))
                    .Select(p => new { p.ArticleId, p.Ordinal, p.Text }).ToListAsync(cancellationToken))
                .ToLookup(p => p.ArticleId);
            var built = new SentenceIndex[chunk.Length];
            var problems = new System.Collections.Concurrent.ConcurrentDictionary<int, string>();
            Parallel.For(0, chunk.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                try
                {
                    built[i] = new SentenceIndex(ComparableSentence.PrintsOf([.. paragraphs[chunk[i]].OrderBy(p => p.Ordinal).Select(p => p.Text)]));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    problems[chunk[i]] = $"its sentences cannot be compared ({ex.GetType().Name}: {ex.Message})";
                    built[i] = new SentenceIndex([]);
                }
            });
            await CorpusProblems.RecordAsync(db, problems, "shared sentences", logger, cancellationToken);
            for (var i = 0; i < chunk.Length; i++)
            {
                indexes[chunk[i]] = built[i];
                if (!problems.ContainsKey(chunk[i]))
                {
                    // Kept, so the next run reads them: an older database pays for its sentences once.
                    var prints = SentencePrints.Write(built[i].Sentences);
                    await db.Articles.Where(a => a.Id == chunk[i]).ExecuteUpdateAsync(s => s.SetProperty(a => a.SentencePrints, prints), cancellationToken);
                }
            }
        }
    }
}
