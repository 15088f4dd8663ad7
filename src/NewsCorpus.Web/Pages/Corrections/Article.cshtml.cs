using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Corrections;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Corrections;

/// <summary>Correct an article's metadata or delete it; its quotes and outlet are corrected from here too.</summary>
public sealed class ArticleModel(NewsCorpusDbContext db, ContentCorrector corrector) : EditorPageModel
{
    public sealed record QuoteRow(int Id, string Text, string? Speaker);

    public Article Article { get; private set; } = null!;

    public IReadOnlyList<QuoteRow> Quotes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Outlet).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        Article = article;
        Quotes = await db.Quotes.AsNoTracking().Where(q => q.ArticleId == id).OrderBy(q => q.Start)
            .Select(q => new QuoteRow(q.Id, q.Text, q.SpeakerEntity != null ? q.SpeakerEntity.Name : q.SpeakerDescription ?? q.SpeakerText)).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, string? title, DateOnly? publishedOn, string? byline, string? wireOrigin, string? outlet, CancellationToken cancellationToken) =>
        Show(await corrector.EditArticleAsync(id, new ArticleEdit(title, publishedOn, byline ?? "", wireOrigin ?? "", outlet ?? "", ClearDate: publishedOn is null), Editor, cancellationToken));

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        Show(await corrector.DeleteArticleAsync(id, Editor, cancellationToken), "/Audit");
}
