using Microsoft.AspNetCore.Mvc;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Ingestion;

/// <summary>Editors add articles from the browser: files or one zip, with an outlet and date for all of them if wanted.</summary>
public sealed class UploadModel(UploadStaging staging, UploadTracker tracker, Microsoft.Extensions.Options.IOptions<IngestionOptions> options) : EditorPageModel
{
    public IngestionOptions Limits => options.Value;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files, string? outlet, DateOnly? date, CancellationToken cancellationToken)
    {
        var upload = await staging.StageAsync(files, outlet, date, cancellationToken);
        if (upload.Problem is not null)
        {
            Problem = upload.Problem;
            return RedirectToPage();
        }

        var status = tracker.Enqueue(Editor, upload);
        return RedirectToPage("/Ingestion/UploadStatus", new { id = status.Id });
    }
}
