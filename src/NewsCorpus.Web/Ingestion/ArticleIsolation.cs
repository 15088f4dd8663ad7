using Microsoft.EntityFrameworkCore;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Runs a corpus-wide computation so that one bad article cannot stop it: when the whole set fails, each article is
/// tried alone, those that fail alone are set aside with their reason, and the computation runs again on the rest.
/// The cost of the retry is paid only when something failed.
/// </summary>
public static class ArticleIsolation
{
    public static TResult Run<TItem, TResult>(
        IReadOnlyList<TItem> items, Func<IReadOnlyList<TItem>, TResult> compute, Func<TItem, int> articleOf, IDictionary<int, string> problems)
    {
        ArgumentNullException.ThrowIfNull(compute);
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            return compute(items);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var bad = new HashSet<int>();
            foreach (var byArticle in items.GroupBy(articleOf))
            {
                try
                {
                    compute([.. byArticle]);
                }
                catch (Exception single) when (single is not OperationCanceledException)
                {
                    bad.Add(byArticle.Key);
                    problems[byArticle.Key] = $"{single.GetType().Name}: {single.Message}";
                }
            }

            if (bad.Count == 0)
            {
                throw new InvalidOperationException("The corpus pass failed on the whole set but on no article alone.", ex);
            }

            return compute([.. items.Where(i => !bad.Contains(articleOf(i)))]);
        }
    }
}

/// <summary>Stores and logs why corpus passes left articles out; the article page shows the reason.</summary>
public static class CorpusProblems
{
    private const int MaxReason = 1000;

    public static async Task RecordAsync(Data.NewsCorpusDbContext db, IDictionary<int, string> problems, string pass, ILogger logger, CancellationToken cancellationToken)
    {
        foreach (var (articleId, reason) in problems)
        {
            var text = $"{pass}: {reason}";
            text = text.Length <= MaxReason ? text : text[..(MaxReason - 1)] + "…";
            logger.LogError("The corpus pass {Pass} left article {ArticleId} out: {Reason}", pass, articleId, reason);
            await db.Articles.Where(a => a.Id == articleId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.CorpusProblem, text), cancellationToken);
        }
    }
}
