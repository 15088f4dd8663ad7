using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace NewsCorpus.Web.Data;

/// <summary>
/// Plain INSERTs for many rows at once, where EF Core's one tracked entity per row would dominate the time (an
/// article's child rows, a story's overlaps). Only fixed table and column names go into the SQL; every value is
/// a parameter.
/// </summary>
public static class RowInserter
{
    // PostgreSQL takes at most 65,535 parameters in a statement; ten columns × 1,000 rows stays well inside.
    private const int RowsPerStatement = 1000;

    /// <summary>
    /// Inserts <paramref name="rows"/> into <paramref name="table"/> on the context's connection, inside its current
    /// transaction if any. <paramref name="onConflict"/> is a fixed ON CONFLICT clause (the same on SQLite and PostgreSQL).
    /// </summary>
    public static async Task InsertAsync<T>(NewsCorpusDbContext db, string table, string[] columns,
        IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken, string onConflict = "")
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(values);
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (db.Database.IsNpgsql())
            {
                await InsertManyAsync(connection, transaction, $"INSERT INTO \"{table}\" ({ColumnList(columns)}) VALUES ", onConflict, rows, values, cancellationToken);
            }
            else
            {
                InsertEach((SqliteConnection)connection, $"INSERT INTO \"{table}\" ({ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"?{i + 1}"))}) {onConflict}", rows, values);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// SQLite runs in-process: one prepared statement stepped per row costs no round trips. It goes to SQLite directly,
    /// bound by position: Microsoft.Data.Sqlite binds every parameter by name on every execution, which with one
    /// execution per row was half the time of writing an article's rows (the name lookups a fifth of it).
    /// </summary>
    private static void InsertEach<T>(SqliteConnection connection, string sql, IReadOnlyList<T> rows, Func<T, object?[]> values)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        SqliteStatements.Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            foreach (var row in rows)
            {
                var rowValues = values(row);
                for (var i = 0; i < rowValues.Length; i++)
                {
                    SqliteStatements.Bind(handle, statement, i + 1, rowValues[i]);
                }

                SqliteStatements.Run(handle, statement);
            }
        }
    }

    /// <summary>
    /// A server is a round trip away: the rows go in multi-row INSERTs of up to <see cref="RowsPerStatement"/> rows,
    /// so an article's child rows take a handful of round trips instead of one per row.
    /// </summary>
    private static async Task InsertManyAsync<T>(DbConnection connection, DbTransaction? transaction, string insert, string onConflict,
        IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var tuples = new List<string>(chunk.Length);
            var n = 0;
            foreach (var row in chunk)
            {
                var first = n;
                foreach (var value in values(row))
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"@p{n++}";
                    parameter.Value = value ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                tuples.Add("(" + string.Join(", ", Enumerable.Range(first, n - first).Select(k => $"@p{k}")) + ")");
            }

#pragma warning disable CA2100 // Callers pass fixed table and column names; every value is a parameter.
            command.CommandText = $"{insert}{string.Join(", ", tuples)} {onConflict}";
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static string ColumnList(string[] columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));
}
