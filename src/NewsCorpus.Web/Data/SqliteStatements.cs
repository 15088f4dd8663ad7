using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace NewsCorpus.Web.Data;

/// <summary>
/// Binding and stepping a statement prepared on a connection's SQLite handle, for the bulk writes that skip
/// Microsoft.Data.Sqlite's per-execution work. Values are stored as Microsoft.Data.Sqlite and EF Core store them
/// (booleans as 0 and 1, times as ISO text), so EF Core reads these rows like its own.
/// </summary>
public static class SqliteStatements
{
    /// <summary>How long a step waits for another connection's lock, as a command would (its default timeout).</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public static void Bind(sqlite3 handle, sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            int i => raw.sqlite3_bind_int64(statement, index, i),
            long l => raw.sqlite3_bind_int64(statement, index, l),
            bool b => raw.sqlite3_bind_int64(statement, index, b ? 1 : 0),
            double d => raw.sqlite3_bind_double(statement, index, d),
            string s => raw.sqlite3_bind_text(statement, index, s),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            DateTime t => raw.sqlite3_bind_text(statement, index, t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"a {value.GetType().Name} value cannot be bound here"),
        };
        Check(handle, rc);
    }

    /// <summary>Runs a bound statement that returns no rows and makes it ready for the next values.</summary>
    public static void Run(sqlite3 handle, sqlite3_stmt statement)
    {
        var waited = Stopwatch.StartNew();
        int rc;
        while ((rc = raw.sqlite3_step(statement)) is raw.SQLITE_BUSY or raw.SQLITE_LOCKED && waited.Elapsed < BusyTimeout)
        {
            raw.sqlite3_reset(statement);
            Thread.Sleep(10);
        }

        var message = rc == raw.SQLITE_DONE ? null : raw.sqlite3_errmsg(handle).utf8_to_string();
        raw.sqlite3_reset(statement);
        if (message is not null)
        {
            throw new SqliteException($"SQLite Error {rc}: '{message}'.", rc, raw.sqlite3_extended_errcode(handle));
        }
    }

    public static void Check(sqlite3 handle, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite Error {rc}: '{raw.sqlite3_errmsg(handle).utf8_to_string()}'.", rc, raw.sqlite3_extended_errcode(handle));
        }
    }
}
