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
        string? Byline, string? WireOrigin, string SourcePath, string? Url, string? Encoding, int WordCount, DateTime UpdatedAt,
        IReadOnlyList<string> Paragraphs, IReadOnlyList<RemovedView> Removed);

    public sealed record RemovedView(string Text, string Reason);

    public ArticleView Article { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new ArticleView(a.Id, a.Title, a.TitleDerived, a.Outlet != null ? a.Outlet.Name : null, a.OutletEvidence,
                a.PublishedOn, a.PublishedTime, a.Byline, a.WireOrigin, a.SourcePath, a.Url, a.Encoding, a.WordCount, a.UpdatedAt,
                a.Paragraphs.OrderBy(p => p.Ordinal).Select(p => p.Text).ToList(),
                a.RemovedBlocks.OrderBy(r => r.Ordinal).Select(r => new RemovedView(r.Text, r.Reason)).ToList()))
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        return Page();
    }
}
