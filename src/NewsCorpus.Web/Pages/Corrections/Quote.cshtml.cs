using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Corrections;
using NewsCorpus.Web.Data;
using NewsCorpus.Web.Pages.Shared;
using NewsCorpus.Web.Entities;

namespace NewsCorpus.Web.Pages.Corrections;

/// <summary>Correct a quote: its speaker (an entity or a description), not a quote, or out of its statement.</summary>
public sealed class QuoteModel(NewsCorpusDbContext db, ContentCorrector corrector) : EditorPageModel
{
    public Quote Quote { get; private set; } = null!;

    public string? Speaker { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var quote = await db.Quotes.AsNoTracking().Include(q => q.SpeakerEntity).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        if (quote is null)
        {
            return NotFound();
        }

        (Quote, Speaker) = (quote, quote.SpeakerEntity?.Name ?? quote.SpeakerDescription ?? quote.SpeakerText);
        return Page();
    }

    public async Task<IActionResult> OnPostSpeakerAsync(int id, string? entity, string? description, CancellationToken cancellationToken)
    {
        int? entityId = null;
        if (!string.IsNullOrWhiteSpace(entity))
        {
            var candidates = await EntityNames.FindIdsAsync(db, entity, cancellationToken);
            if (candidates.Count != 1)
            {
                Problem = candidates.Count == 0 ? $"No entity goes by “{entity}”: type a description instead, or check the name." : $"{candidates.Count} entities go by “{entity}”: type the full name.";
                return RedirectToPage();
            }

            entityId = candidates[0];
        }

        return Show(await corrector.SetSpeakerAsync(id, entityId, description, Editor, cancellationToken));
    }

    public async Task<IActionResult> OnPostNotAQuoteAsync(int id, CancellationToken cancellationToken)
    {
        var articleId = await db.Quotes.Where(q => q.Id == id).Select(q => q.ArticleId).FirstOrDefaultAsync(cancellationToken);
        return Show(await corrector.QuoteAsync(id, CorrectionKind.QuoteNotAQuote, Editor, cancellationToken), $"/Corrections/Article/{articleId}");
    }

    public async Task<IActionResult> OnPostUnmergeAsync(int id, CancellationToken cancellationToken) =>
        Show(await corrector.QuoteAsync(id, CorrectionKind.QuoteUnmerged, Editor, cancellationToken));
}
