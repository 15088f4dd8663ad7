using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Corrections;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Corrections;

/// <summary>Rename an outlet, or merge it into another (one publication under two names).</summary>
public sealed class OutletModel(NewsCorpusDbContext db, ContentCorrector corrector) : EditorPageModel
{
    public Outlet Outlet { get; private set; } = null!;

    public IReadOnlyList<Outlet> Others { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var outlet = await db.Outlets.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (outlet is null)
        {
            return NotFound();
        }

        Outlet = outlet;
        Others = await db.Outlets.AsNoTracking().Where(o => o.Id != id).OrderBy(o => o.Name).Take(1000).ToListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string name, CancellationToken cancellationToken) =>
        Show(await corrector.RenameOutletAsync(id, name, Editor, cancellationToken));

    public async Task<IActionResult> OnPostMergeAsync(int id, int into, CancellationToken cancellationToken) =>
        Show(await corrector.MergeOutletAsync(id, into, Editor, cancellationToken), "/Audit");
}
