using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Corrections;

/// <summary>
/// Applies every correction in force, oldest first, after the other corpus passes: the analysis (a new file, a changed
/// file, <c>reanalyze</c>) may have undone any of them, and each is written so that applying it again changes nothing
/// when it still holds.
/// </summary>
public sealed class CorrectionPass(NewsCorpusDbContext db, EntityCorrections entities, QuoteCorrections quotes, ArticleCorrections articles,
    OutletCorrections outlets, ILogger<CorrectionPass> logger)
{
    public async Task ApplyAllAsync(CancellationToken cancellationToken)
    {
        var corrections = await db.Corrections.AsNoTracking().Where(c => c.UndoneAt == null).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var applied = 0;
        foreach (var correction in corrections)
        {
            applied += await ApplyAsync(correction, cancellationToken) ? 1 : 0;
        }

        if (corrections.Count > 0)
        {
            logger.LogInformation("Corrections: {Applied} of {Count} applied again after the analysis", applied, corrections.Count);
        }
    }

    /// <summary>Applies one correction to the corpus as it is; false when it changed nothing (it holds, or its subject is gone).</summary>
    public Task<bool> ApplyAsync(Correction correction, CancellationToken cancellationToken) => correction.Kind switch
    {
        CorrectionKind.ArticleFields or CorrectionKind.ArticleDeleted => articles.ApplyAsync(correction, cancellationToken),
        CorrectionKind.QuoteSpeaker or CorrectionKind.QuoteNotAQuote or CorrectionKind.QuoteUnmerged => quotes.ApplyAsync(correction, cancellationToken),
        CorrectionKind.OutletRenamed or CorrectionKind.OutletMerged => outlets.ApplyAsync(correction, cancellationToken),
        _ => entities.ApplyAsync(correction, cancellationToken),
    };
}
