using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Entities;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Entities;

/// <summary>One entity: the names it goes by, its roles, who mentions it, what it said, and what it appears with.</summary>
public sealed class DetailsModel(NewsCorpusDbContext db) : PageModel
{
    public EntityDetails.Detail Entity { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "articles")]
    public int ArticlesPage { get; set; } = 1;

    public Pager ArticlePager => new(Entity.ArticlesPage, EntityDetails.ArticlesPerPage, Entity.ArticleCount,
        page => Url.Page("/Entities/Details", null, new { id = Entity.Id, articles = page }, null, null, "articles-heading")!);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var entity = await EntityDetails.LoadAsync(db, id, ArticlesPage, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        Entity = entity;
        return Page();
    }
}
