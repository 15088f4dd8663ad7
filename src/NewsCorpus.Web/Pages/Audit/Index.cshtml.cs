using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Corrections;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Audit;

/// <summary>Every correction, newest first: who, when, what, before and after; each can be undone.</summary>
public sealed class IndexModel(NewsCorpusDbContext db, CorrectionService corrections) : EditorPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<Correction> Corrections { get; private set; } = [];

    public string PageUrl(int page) => $"/Audit?page={page}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.Corrections.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Corrections = await db.Corrections.AsNoTracking().OrderByDescending(c => c.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostUndoAsync(int id, CancellationToken cancellationToken)
    {
        var result = await corrections.UndoAsync(id, Editor, cancellationToken);
        if (result.Done is { } done)
        {
            Outcome = $"Undone: {done.Summary}.";
            return RedirectToPage();
        }

        return Show(result);
    }
}
