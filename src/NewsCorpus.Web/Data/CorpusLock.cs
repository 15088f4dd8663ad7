using Microsoft.EntityFrameworkCore;

namespace NewsCorpus.Web.Data;

/// <summary>
/// Corpus-wide work (migrations, seeding, entity resolution, story grouping) done by one app instance at a time.
/// On PostgreSQL a session advisory lock, held on the context's connection, which stays open until disposed; it is
/// re-entrant on that connection. SQLite needs none: the file admits one writer at a time.
/// </summary>
public sealed class CorpusLock : IAsyncDisposable
{
    // Any fixed number all instances agree on: "NewsCorp" in ASCII.
    private const long Key = 0x4E657773436F7270;

    private readonly NewsCorpusDbContext? _db;

    private CorpusLock(NewsCorpusDbContext? db) => _db = db;

    public static async Task<CorpusLock> AcquireAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return new CorpusLock(null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }

        return new CorpusLock(db);
    }

    /// <summary>The lock if no other instance holds it now; null when one does.</summary>
    public static async Task<CorpusLock?> TryAcquireAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return new CorpusLock(null);
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({Key}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!taken)
        {
            await db.Database.CloseConnectionAsync();
            return null;
        }

        return new CorpusLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        try
        {
            await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
