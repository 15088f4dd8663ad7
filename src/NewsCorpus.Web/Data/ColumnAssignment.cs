using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NewsCorpus.Web.Search;

namespace NewsCorpus.Web.Data;

/// <summary>
/// Sets one integer column of many rows from (row id, value) pairs: the pairs are loaded into a temporary table in
/// batches, then UPDATEs join it, touching only rows that change. Only integers and fixed names go into these
/// statements; nothing read from articles or users.
/// </summary>
public static class ColumnAssignment
{
    private const int Chunk = 500;

    /// <summary>
    /// Sets the column from the pairs. <c>clearOthers</c> also clears it on every row not in them (a pass that assigned
    /// the whole table); <c>searchable</c> says articles are searched by the column, so those whose rows change go to the
    /// search outbox.
    /// </summary>
    public static async Task AssignAsync(NewsCorpusDbContext db, string table, string column, IEnumerable<(int Id, int Value)> pairs,
        bool clearOthers, bool searchable, CancellationToken cancellationToken)
    {
        // A temporary table lives on one connection: keep it open across the statements.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS \"Assignment\"", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("CREATE TEMPORARY TABLE \"Assignment\" (\"RowId\" INTEGER PRIMARY KEY, \"Value\" INTEGER NOT NULL)", cancellationToken);
            foreach (var chunk in pairs.Chunk(Chunk))
            {
                var values = string.Join(',', chunk.Select(p => string.Create(CultureInfo.InvariantCulture, $"({p.Id},{p.Value})")));
                await db.Database.ExecuteSqlRawAsync(string.Concat("INSERT INTO \"Assignment\" (\"RowId\", \"Value\") VALUES ", values), cancellationToken);
            }

            var target = $"\"{table}\"";
            var field = $"\"{column}\"";
            if (searchable)
            {
                var changed = clearOthers
                    ? $"SELECT t.\"ArticleId\" FROM {target} t LEFT JOIN \"Assignment\" a ON a.\"RowId\" = t.\"Id\" WHERE t.{field} IS DISTINCT FROM a.\"Value\""
                    : $"SELECT t.\"ArticleId\" FROM \"Assignment\" a CROSS JOIN {target} t WHERE t.\"Id\" = a.\"RowId\" AND t.{field} IS DISTINCT FROM a.\"Value\"";
                await SearchOutbox.RecordAllAsync(db, changed, DateTime.UtcNow, cancellationToken);
            }

            if (clearOthers)
            {
                var clear = $"UPDATE {target} SET {field} = NULL WHERE {field} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM \"Assignment\" a WHERE a.\"RowId\" = {target}.\"Id\")";
                await db.Database.ExecuteSqlRawAsync(clear, cancellationToken);
            }

            await db.Database.ExecuteSqlRawAsync(SetStatement(db, target, field), cancellationToken);
            await db.Database.ExecuteSqlRawAsync("DROP TABLE \"Assignment\"", cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // SQLite runs UPDATE … FROM with the target table as the outer loop: a few thousand pairs would scan millions of
    // rows. Looking the rows up by id from the pairs avoids that; PostgreSQL plans the join itself (a hash join when the
    // pairs are the whole table, where a lookup per row would be slower).
    private static string SetStatement(NewsCorpusDbContext db, string target, string field)
    {
        var value = $"(SELECT a.\"Value\" FROM \"Assignment\" a WHERE a.\"RowId\" = {target}.\"Id\")";
        return db.Database.IsSqlite()
            ? $"UPDATE {target} SET {field} = {value} WHERE \"Id\" IN (SELECT a.\"RowId\" FROM \"Assignment\" a) AND {field} IS DISTINCT FROM {value}"
            : $"UPDATE {target} SET {field} = a.\"Value\" FROM \"Assignment\" a WHERE a.\"RowId\" = {target}.\"Id\" AND {target}.{field} IS DISTINCT FROM a.\"Value\"";
    }

    /// <summary>Integer ids as a SQL list, for IN clauses built from ids only.</summary>
    public static string IdList(IEnumerable<int> ids) => string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
}
