using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Pages.Ingestion;

/// <summary>Ingestion runs, newest first, with their counts, failed files and duplicates.</summary>
public sealed class IndexModel(NewsCorpusDbContext db) : PageModel
{
    public const int PageSize = 20;

    public sealed record RunView(int Id, string Trigger, string Sources, DateTime StartedAt, DateTime? FinishedAt, int Added, int Updated, int Unchanged, int Duplicate, int Failed,
        IReadOnlyList<IngestionFailure> Failures, IReadOnlyList<IngestionDuplicate> Duplicates);

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<RunView> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.IngestionRuns.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Runs = await db.IngestionRuns.AsNoTracking()
            .OrderByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new RunView(r.Id, r.Trigger, r.Sources, r.StartedAt, r.FinishedAt, r.Added, r.Updated, r.Unchanged, r.Duplicate, r.Failed,
                r.Failures.OrderBy(f => f.Id).ToList(), r.Duplicates.OrderBy(d => d.Id).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    public string PageUrl(int page) => Url.Page("/Ingestion/Index", new { page })!;
}
