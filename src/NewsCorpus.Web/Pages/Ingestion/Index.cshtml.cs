using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Pages.Ingestion;

/// <summary>Ingestion runs, newest first, with their counts, failed files and duplicates.</summary>
public sealed class IndexModel(NewsCorpusDbContext db) : PageModel
{
    public const int PageSize = 20;

    /// <summary>Warnings listed per run; a run over a large, messy folder can have thousands.</summary>
    public const int MaxWarningsShown = 200;

    public sealed record RunView(int Id, string Trigger, string Sources, DateTime StartedAt, DateTime? FinishedAt, int Added, int Updated, int Unchanged, int Duplicate, int Failed,
        IReadOnlyList<IngestionFailure> Failures, IReadOnlyList<IngestionDuplicate> Duplicates, bool CorpusPending, DateTime? HeartbeatAt,
        IReadOnlyList<IngestionWarning> Warnings)
    {
        /// <summary>Unfinished and not heard from for a while: the process was stopped (killed, crashed, powered off).</summary>
        public bool Interrupted(DateTime now) => FinishedAt is null && now - (HeartbeatAt ?? StartedAt) > CorpusWork.Silence;

        public string Status(DateTime now) =>
            FinishedAt is not null ? (CorpusPending ? "finished; corpus passes pending" : "finished")
            : Interrupted(now) ? (CorpusPending ? "interrupted; corpus passes pending" : "interrupted; corpus passes completed by a later run")
            : "running";
    }

    public sealed record LeftOut(int ArticleId, string Title, string Problem);

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>One run only (a link from an upload, or a run's number in the table).</summary>
    [BindProperty(SupportsGet = true, Name = "run")]
    public int? RunId { get; set; }

    public int Total { get; private set; }

    public IReadOnlyList<RunView> Runs { get; private set; } = [];

    /// <summary>Articles a corpus pass could not take (stored and readable, but without entities, quotes or a story).</summary>
    public IReadOnlyList<LeftOut> Problems { get; private set; } = [];

    public DateTime Now { get; } = DateTime.UtcNow;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var runs = db.IngestionRuns.AsNoTracking().Where(r => RunId == null || r.Id == RunId);
        Total = await runs.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Runs = await runs
            .OrderByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new RunView(r.Id, r.Trigger, r.Sources, r.StartedAt, r.FinishedAt, r.Added, r.Updated, r.Unchanged, r.Duplicate, r.Failed,
                r.Failures.OrderBy(f => f.Id).ToList(), r.Duplicates.OrderBy(d => d.Id).ToList(), r.CorpusPending, r.HeartbeatAt,
                r.Warnings.OrderBy(w => w.Id).Take(MaxWarningsShown).ToList()))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        Problems = await db.Articles.AsNoTracking().Where(a => a.CorpusProblem != null).OrderBy(a => a.Id).Take(100)
            .Select(a => new LeftOut(a.Id, a.Title, a.CorpusProblem!)).ToListAsync(cancellationToken);
    }

    public string PageUrl(int page) => Url.Page("/Ingestion/Index", new { page })!;
}
