using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NewsCorpus.Web.Accounts;
using NewsCorpus.Web.Corrections;

namespace NewsCorpus.Web.Pages.Shared;

/// <summary>What the editors' pages (corrections, audit, upload) share: editors only, and post-redirect-get with the outcome shown once.</summary>
[Authorize(Policy = AppPolicies.Edit)]
public abstract class EditorPageModel : PageModel
{
    [TempData]
    public string? Outcome { get; set; }

    [TempData]
    public string? Problem { get; set; }

    protected string Editor => User.Identity?.Name ?? "unknown";

    /// <summary>Back to the page with what happened; to <paramref name="after"/> when the corrected thing is gone from here.</summary>
    protected IActionResult Show(CorrectionResult result, string? after = null)
    {
        if (result.Done is { } done)
        {
            Outcome = done.Summary + ". It is listed in the audit log, where it can be undone.";
            return after is null ? RedirectToPage() : LocalRedirect(after);
        }

        if (result.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        Problem = result.Problem;
        return RedirectToPage();
    }
}
