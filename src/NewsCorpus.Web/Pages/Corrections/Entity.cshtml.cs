using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Analysis.Entities;
using NewsCorpus.Web.Corrections;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Pages.Shared;
using NewsCorpus.Web.Entities;

namespace NewsCorpus.Web.Pages.Corrections;

/// <summary>Correct an entity: rename, change its type, merge it into another, split a name off, or mark it not a name.</summary>
public sealed class EntityModel(NewsCorpusDbContext db, EntityCorrector corrector) : EditorPageModel
{
    public Entity Entity { get; private set; } = null!;

    public IReadOnlyList<string> Aliases { get; private set; } = [];

    public static readonly EntityType[] Types = [EntityType.Person, EntityType.Organization, EntityType.Location];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var entity = await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entity is null)
        {
            return NotFound();
        }

        (Entity, Aliases) = (entity, await CorrectionTargets.AliasesAsync(db, id, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(int id, string? name, EntityType? type, int version, CancellationToken cancellationToken) =>
        Show(await corrector.EditAsync(id, name, type, version, Editor, cancellationToken));

    public async Task<IActionResult> OnPostMergeAsync(int id, string? into, int version, CancellationToken cancellationToken)
    {
        var candidates = string.IsNullOrWhiteSpace(into) ? [] : (await EntityNames.FindIdsAsync(db, into, cancellationToken)).Where(c => c != id).ToList();
        if (candidates.Count != 1)
        {
            Problem = candidates.Count == 0 ? $"No other entity goes by “{into}”." : $"{candidates.Count} entities go by “{into}”: type the full name of the one to merge into.";
            return RedirectToPage();
        }

        var result = await corrector.MergeAsync(id, candidates[0], version, Editor, cancellationToken);
        return Show(result, result.Done is null ? null : $"/Entities/{candidates[0]}");
    }

    public async Task<IActionResult> OnPostSplitAsync(int id, string alias, int version, CancellationToken cancellationToken) =>
        Show(await corrector.SplitAsync(id, alias, version, Editor, cancellationToken));

    public async Task<IActionResult> OnPostNotANameAsync(int id, int version, CancellationToken cancellationToken)
    {
        var result = await corrector.NotANameAsync(id, version, Editor, cancellationToken);
        return Show(result, result.Done is null ? null : "/Audit");
    }
}
