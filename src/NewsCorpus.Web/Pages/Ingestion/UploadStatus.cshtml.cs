using Microsoft.AspNetCore.Mvc;
using NewsCorpus.Web.Ingestion;
using NewsCorpus.Web.Pages.Shared;

namespace NewsCorpus.Web.Pages.Ingestion;

/// <summary>An upload's run as it goes: how far, and each file's result as it completes; the page reloads itself until done.</summary>
public sealed class UploadStatusModel(UploadTracker tracker) : EditorPageModel
{
    public UploadStatus Upload { get; private set; } = null!;

    public IActionResult OnGet(Guid id)
    {
        if (tracker.Find(id) is not { } upload)
        {
            return NotFound();
        }

        Upload = upload;
        return Page();
    }

    /// <summary>A result's file name as the editor sent it: the path inside the upload's folder.</summary>
    public string Relative(string path) => Path.GetRelativePath(Upload.Folder, path);
}
