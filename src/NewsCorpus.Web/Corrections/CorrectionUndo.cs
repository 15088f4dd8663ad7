using NewsCorpus.Web.Data;
using NewsCorpus.Web.Ingestion;

namespace NewsCorpus.Web.Corrections;

/// <summary>Puts back what a correction changed; then the corpus passes finish what that leaves owed (mentions to resolve).</summary>
public sealed class CorrectionUndo(EntityCorrections entities, QuoteCorrections quotes, ArticleCorrections articles, OutletCorrections outlets,
    IngestionService ingestion, CorpusWork corpus)
{
    /// <summary>Null when undone; otherwise why it cannot be.</summary>
    public async Task<string?> UndoAsync(Correction correction, CancellationToken cancellationToken)
    {
        string? problem = null;
        switch (correction.Kind)
        {
            case CorrectionKind.ArticleFields or CorrectionKind.ArticleDeleted:
                problem = await articles.UndoAsync(correction, ingestion, cancellationToken);
                break;
            case CorrectionKind.QuoteSpeaker or CorrectionKind.QuoteNotAQuote or CorrectionKind.QuoteUnmerged:
                await quotes.UndoAsync(correction, cancellationToken);
                break;
            case CorrectionKind.OutletRenamed or CorrectionKind.OutletMerged:
                await outlets.UndoAsync(correction, cancellationToken);
                break;
            default:
                await entities.UndoAsync(correction, cancellationToken);
                break;
        }

        if (problem is null && await corpus.IsPendingAsync(cancellationToken))
        {
            await corpus.CompleteAsync(cancellationToken);
        }

        return problem;
    }
}
