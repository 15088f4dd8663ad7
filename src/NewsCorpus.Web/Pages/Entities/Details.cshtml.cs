using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCorpus.Web.Api;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Pages.Entities;

/// <summary>One entity: the names it goes by, its roles, who mentions it, what it said, and what it appears with.</summary>
public sealed class DetailsModel(NewsCorpusDbContext db) : PageModel
{
    public EntitiesApi.EntityDetail Entity { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var entity = await EntitiesApi.LoadAsync(db, id, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        Entity = entity;
        return Page();
    }
}
