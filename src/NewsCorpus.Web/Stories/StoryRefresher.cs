using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Compare;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Stories;

/// <summary>
/// Brings stories that gained or lost articles up to date: counts and date span from all members, and the title, from
/// the most central of the story's first <see cref="MaxCentralityMembers"/> articles.
/// </summary>
/// <remarks>
/// The members are read once, terms included. Reading only the small columns of all members and the terms of the sample
/// was tried: it reads each member's row twice and was slower at 100,000 articles (2.6–2.8 s against 1.9 s for 10,000
/// new articles) and no faster at 800,000.
/// </remarks>
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
            var members = (await db.Articles.AsNoTracking().Where(a => a.StoryId != null && chunk.Contains(a.StoryId.Value))
                    .Select(a => new Member(a.Id, a.StoryId!.Value, a.PublishedOn, a.OutletId, a.StoryTermCounts, a.Title)).ToListAsync(cancellationToken))
                .GroupBy(m => m.StoryId).ToDictionary(g => g.Key, g => g.ToList());
            foreach (var story in await db.Stories.Where(s => chunk.Contains(s.Id)).ToListAsync(cancellationToken))
            {
                if (!members.TryGetValue(story.Id, out var list))
                {
                    db.Stories.Remove(story);
                    continue;
                }

                var central = Central(list);
                var dated = list.Where(m => m.PublishedOn is not null).Select(m => m.PublishedOn!.Value).ToList();
                (story.CentralArticleId, story.Title) = (central.Id, central.Title);
                story.ArticleCount = list.Count;
                story.OutletCount = list.Where(m => m.OutletId is not null).Select(m => m.OutletId).Distinct().Count();
                story.FirstPublishedOn = dated.Count == 0 ? null : dated.Min();
                story.LastPublishedOn = dated.Count == 0 ? null : dated.Max();
                story.UpdatedAt = now;
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    // The most central of the story's first members; an article whose stored terms cannot be read is left out (the
    // grouping records why).
    private static Member Central(List<Member> members)
    {
        var sample = members.OrderBy(m => m.Id).Take(MaxCentralityMembers).ToList();
        var vocabulary = new StoryVocabulary();
        var documents = new List<CompactStoryDocument>(sample.Count);
        foreach (var member in sample)
        {
            try
            {
                documents.Add(vocabulary.Read(member.Id, member.PublishedOn, member.Terms));
            }
            catch (FormatException)
            {
                // Left out of the centre only.
            }
        }

        var id = documents.Count > 0 ? StoryClusterer.MostCentral(documents) : sample[0].Id;
        return sample.Single(m => m.Id == id);
    }

    private sealed record Member(int Id, int StoryId, DateOnly? PublishedOn, int? OutletId, byte[]? Terms, string Title);
}
