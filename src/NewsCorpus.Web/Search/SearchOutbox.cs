using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Search;

/// <summary>
/// The database side of keeping search indexes current: every change to what an article's search documents hold
/// writes a <see cref="SearchChange"/> row in the transaction of the change itself, so no change is missed by any
/// instance's index, however many there are. Deletions are recorded by a trigger on the articles table.
/// </summary>
public static class SearchOutbox
{
    private const string Insert = "INSERT INTO \"SearchChanges\" (\"ArticleId\", \"Kind\", \"CreatedAt\") ";

    /// <summary>Records that one article changed.</summary>
    public static Task RecordAsync(NewsCorpusDbContext db, int articleId, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.ExecuteSqlRawAsync(Insert + "VALUES ({0}, 0, {1})", [articleId, now], cancellationToken);
    }

    /// <summary>
    /// Records every article <paramref name="articleIdsSql"/> selects (one column of article ids). The SQL is the
    /// caller's fixed text over table and column names, never user input.
    /// </summary>
    public static Task RecordAllAsync(NewsCorpusDbContext db, string articleIdsSql, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Fixed SQL from this program's own code (table and column names, integers); nothing a user typed.
#pragma warning disable EF1003
        return db.Database.ExecuteSqlRawAsync(Insert + "SELECT DISTINCT x.\"ArticleId\", 0, {0} FROM (" + articleIdsSql + ") x", [now], cancellationToken);
#pragma warning restore EF1003
    }

    /// <summary>The newest sequence number, 0 when nothing was ever recorded.</summary>
    public static async Task<long> LastAsync(NewsCorpusDbContext db, CancellationToken cancellationToken) =>
        await db.SearchChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;

    /// <summary>The oldest sequence number kept, 0 when none is.</summary>
    public static async Task<long> FirstAsync(NewsCorpusDbContext db, CancellationToken cancellationToken) =>
        await db.SearchChanges.MinAsync(c => (long?)c.Id, cancellationToken) ?? 0;

    /// <summary>Changes after <paramref name="after"/>, in sequence order.</summary>
    public static Task<List<(long Id, int ArticleId)>> PendingAsync(NewsCorpusDbContext db, long after, int limit, CancellationToken cancellationToken) =>
        db.SearchChanges.AsNoTracking().Where(c => c.Id > after).OrderBy(c => c.Id).Take(limit)
            .Select(c => new ValueTuple<long, int>(c.Id, c.ArticleId)).ToListAsync(cancellationToken);

    /// <summary>Drops changes older than the retention; an index last updated before that is rebuilt instead of caught up.</summary>
    public static Task<int> PruneAsync(NewsCorpusDbContext db, DateTime before, CancellationToken cancellationToken) =>
        db.SearchChanges.Where(c => c.CreatedAt < before).ExecuteDeleteAsync(cancellationToken);
}
