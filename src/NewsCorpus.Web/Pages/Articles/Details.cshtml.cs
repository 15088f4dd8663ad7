using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Pages.Articles;

/// <summary>One article: its metadata, its story paragraphs, and what the reader removed as boilerplate.</summary>
public sealed class DetailsModel(NewsCorpusDbContext db) : PageModel
{
    public sealed record ArticleView(
        int Id, string Title, bool TitleDerived, string? Outlet, string? OutletEvidence, DateOnly? PublishedOn, TimeOnly? PublishedTime,
        string? Byline, string? WireOrigin, string SourcePath, string? Url, string? Language, string? Encoding, int WordCount, DateTime UpdatedAt,
        IReadOnlyList<string> Paragraphs, IReadOnlyList<RemovedView> Removed, string? Warnings, string? CorpusProblem)
    {
        public IReadOnlyList<string> WarningLines => Warnings?.Split('\n', StringSplitOptions.RemoveEmptyEntries) ?? [];

        /// <summary>Only web addresses become links; anything else (a javascript: or data: address) is shown as text.</summary>
        public bool UrlIsLink => Uri.TryCreate(Url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
    }

    public sealed record RemovedView(string Text, string Reason);

    public sealed record StoryLink(int Id, string Title, int ArticleCount, int OutletCount, IReadOnlyList<int> CompareIds);

    /// <summary>Another article that carries SharedSentences of this one's SentenceCount sentences.</summary>
    public sealed record OverlapView(int OtherId, string OtherTitle, string? OtherOutlet, int SharedSentences, int SentenceCount)
    {
        public int Percent => SentenceCount == 0 ? 0 : (int)Math.Round(100.0 * SharedSentences / SentenceCount);
    }

    public ArticleView Article { get; private set; } = null!;

    public StoryLink? Story { get; private set; }

    public IReadOnlyList<OverlapView> Overlaps { get; private set; } = [];

    public IReadOnlyList<ArticleMarkup.MentionMark> Mentions { get; private set; } = [];

    public IReadOnlyList<ArticleMarkup.QuoteMark> Quotes { get; private set; } = [];

    /// <summary>Where each paragraph starts in the analysed text (paragraphs joined by a blank line).</summary>
    public IReadOnlyList<int> ParagraphOffsets { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new ArticleView(a.Id, a.Title, a.TitleDerived, a.Outlet != null ? a.Outlet.Name : null, a.OutletEvidence,
                a.PublishedOn, a.PublishedTime, a.Byline, a.WireOrigin, a.SourcePath, a.Url, a.Language, a.Encoding, a.WordCount, a.UpdatedAt,
                a.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Text).ToList(),
                a.RemovedBlocks.OrderBy(r => r.Ordinal).Select(r => new RemovedView(r.Text, r.Reason)).ToList(), a.Warnings, a.CorpusProblem))
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        Mentions = await db.EntityMentions.AsNoTracking()
            .Where(m => m.ArticleId == id && m.EntityId != null)
            .OrderBy(m => m.Start)
            .Select(m => new ArticleMarkup.MentionMark(m.Start, m.End, m.EntityId!.Value, m.Type))
            .ToListAsync(cancellationToken);
        Quotes = await db.Quotes.AsNoTracking()
            .Where(q => q.ArticleId == id)
            .OrderBy(q => q.Start)
            .Select(q => new ArticleMarkup.QuoteMark(q.Id, q.Start, q.End,
                q.SpeakerEntity != null ? q.SpeakerEntity.Name : q.SpeakerDescription, q.SpeakerEntityId, q.Partial))
            .ToListAsync(cancellationToken);
        var offsets = new List<int>();
        var position = 0;
        foreach (var paragraph in article.Paragraphs)
        {
            offsets.Add(position);
            position += paragraph.Length + 2;
        }

        ParagraphOffsets = offsets;
        await LoadCoverageAsync(id, cancellationToken);
        return Page();
    }

    private async Task LoadCoverageAsync(int id, CancellationToken cancellationToken)
    {
        Overlaps = await db.ArticleOverlaps.AsNoTracking()
            .Where(o => o.ArticleId == id)
            .OrderByDescending(o => o.SharedSentences).ThenBy(o => o.OtherArticleId)
            .Take(10)
            .Select(o => new OverlapView(o.OtherArticleId, o.OtherArticle!.Title, o.OtherArticle.Outlet != null ? o.OtherArticle.Outlet.Name : null, o.SharedSentences, o.SentenceCount))
            .ToListAsync(cancellationToken);
        var story = await db.Articles.AsNoTracking().Where(a => a.Id == id && a.Story != null)
            .Select(a => new { a.Story!.Id, a.Story.Title, a.Story.ArticleCount, a.Story.OutletCount })
            .FirstOrDefaultAsync(cancellationToken);
        if (story is null)
        {
            return;
        }

        // Compared with the copies it shares most with, then the rest of its story by date.
        var shared = Overlaps.Select(o => o.OtherId).ToList();
        var others = await db.Articles.AsNoTracking().Where(a => a.StoryId == story.Id && a.Id != id)
            .OrderBy(a => a.PublishedOn == null).ThenBy(a => a.PublishedOn).ThenBy(a => a.Id)
            .Select(a => a.Id).Take(50).ToListAsync(cancellationToken);
        var compareIds = new List<int> { id };
        compareIds.AddRange(shared.Concat(others).Distinct().Take(Web.Compare.CompareRequest.MaxArticles - 1));
        Story = new StoryLink(story.Id, story.Title, story.ArticleCount, story.OutletCount, compareIds);
    }
}
