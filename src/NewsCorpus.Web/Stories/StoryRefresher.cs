using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Compare;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Stories;

/// <summary>
/// Brings stories that gained or lost articles up to date: counts and date span (added up by the database), and the
/// title, from the most central of the story's first <see cref="MaxCentralityMembers"/> articles. Only those articles'
/// terms are read, so refreshing a story of thousands costs what one of two hundred does.
/// </summary>
public sealed class StoryRefresher(NewsCorpusDbContext db, TimeProvider clock)
{
    /// <summary>Members a story's centre is computed over (its first, by id).</summary>
    public const int MaxCentralityMembers = 200;

    private const int Chunk = 500;

    public async Task RefreshAsync(IReadOnlyCollection<int> storyIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var chunk in storyIds.Chunk(Chunk))
        {
            var figures = await db.Articles.AsNoTracking().Where(a => a.StoryId != null && chunk.Contains(a.StoryId.Value))
                .GroupBy(a => a.StoryId!.Value)
                .Select(g => new StoryFigures(g.Key, g.Count(), g.Select(a => a.OutletId).Distinct().Count(), g.Min(a => a.PublishedOn), g.Max(a => a.PublishedOn)))
                .ToDictionaryAsync(f => f.StoryId, cancellationToken);
            var central = await CentralArticlesAsync(chunk, cancellationToken);
            foreach (var story in await db.Stories.Where(s => chunk.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                if (!figures.TryGetValue(story.Id, out var figure))
                {
                    db.Stories.Remove(story);
                    continue;
                }

                (story.CentralArticleId, story.Title) = central[story.Id];
                story.ArticleCount = figure.ArticleCount;
                story.OutletCount = figure.OutletCount;
                story.FirstPublishedOn = figure.First;
                story.LastPublishedOn = figure.Last;
                story.UpdatedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    // Each story's sample (its first members by id, read from the story index alone), then the sample's terms and titles.
    private async Task<Dictionary<int, (int Id, string Title)>> CentralArticlesAsync(int[] storyIds, CancellationToken cancellationToken)
    {
        var members = await db.Articles.AsNoTracking().Where(a => a.StoryId != null && storyIds.Contains(a.StoryId.Value))
            .Select(a => new { a.Id, StoryId = a.StoryId!.Value }).ToListAsync(cancellationToken);
        var samples = members.GroupBy(m => m.StoryId).ToDictionary(g => g.Key, g => g.Select(m => m.Id).Order().Take(MaxCentralityMembers).ToList());
        var rows = new Dictionary<int, (DateOnly? PublishedOn, byte[]? Terms, string Title)>();
        foreach (var ids in samples.Values.SelectMany(s => s).Chunk(Chunk))
        {
            foreach (var row in await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, a.PublishedOn, a.StoryTermCounts, a.Title }).ToListAsync(cancellationToken))
            {
                rows[row.Id] = (row.PublishedOn, row.StoryTermCounts, row.Title);
            }
        }

        var central = new Dictionary<int, (int Id, string Title)>(samples.Count);
        foreach (var (story, sample) in samples)
        {
            var vocabulary = new StoryVocabulary();
            var documents = sample.Select(id => Document(id, rows[id].PublishedOn, rows[id].Terms, vocabulary)).OfType<CompactStoryDocument>().ToList();
            var id = documents.Count > 0 ? StoryClusterer.MostCentral(documents) : sample[0];
            central[story] = (id, rows[id].Title);
        }

        return central;
    }

    // An article whose stored terms cannot be read is left out of the centre (the grouping records why).
    private static CompactStoryDocument? Document(int id, DateOnly? publishedOn, byte[]? terms, StoryVocabulary vocabulary)
    {
        try
        {
            return vocabulary.Read(id, publishedOn, terms);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed record StoryFigures(int StoryId, int ArticleCount, int OutletCount, DateOnly? First, DateOnly? Last);
}
