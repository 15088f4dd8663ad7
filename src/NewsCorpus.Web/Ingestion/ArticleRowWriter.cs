using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NewsCorpus.Web.Data;

namespace NewsCorpus.Web.Ingestion;

/// <summary>
/// Writes an article's paragraphs, removed blocks, mentions and quotes with prepared INSERT statements on the
/// context's connection and transaction. EF Core inserts them one tracked entity at a time; at ~80 rows an
/// article that was most of the ingestion time. Only fixed table and column names go into the SQL; every value
/// is a parameter.
/// </summary>
public static class ArticleRowWriter
{
    /// <summary>Removes the article's child rows (before writing new ones for changed text).</summary>
    public static async Task DeleteChildrenAsync(NewsCorpusDbContext db, int articleId, CancellationToken cancellationToken)
    {
        await db.Quotes.Where(q => q.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
        await db.EntityMentions.Where(m => m.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
        await db.ArticleParagraphs.Where(p => p.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
        await db.RemovedBlocks.Where(r => r.ArticleId == articleId).ExecuteDeleteAsync(cancellationToken);
    }

    public static async Task InsertChildrenAsync(NewsCorpusDbContext db, int articleId, IReadOnlyList<ArticleParagraph> paragraphs,
        IReadOnlyList<RemovedBlock> removed, IReadOnlyList<EntityMention> mentions, IReadOnlyList<Quote> quotes, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("article rows are written inside the article's transaction");

        await InsertAsync(connection, transaction, "ArticleParagraphs", ["ArticleId", "Ordinal", "Text"], paragraphs,
            p => [articleId, p.Ordinal, p.Text], cancellationToken);
        await InsertAsync(connection, transaction, "RemovedBlocks", ["ArticleId", "Ordinal", "Text", "Reason"], removed,
            r => [articleId, r.Ordinal, r.Text, r.Reason], cancellationToken);
        await InsertAsync(connection, transaction, "EntityMentions", ["ArticleId", "Type", "Text", "Role", "RefersTo", "Start", "End"], mentions,
            m => [articleId, m.Type, m.Text, m.Role, m.RefersTo, m.Start, m.End], cancellationToken);
        await InsertAsync(connection, transaction, "Quotes",
            ["ArticleId", "Text", "Partial", "Verb", "SpeakerText", "SpeakerDescription", "SpeakerMentionStart", "Context", "Start", "End"], quotes,
            q => [articleId, q.Text, q.Partial, q.Verb, q.SpeakerText, q.SpeakerDescription, q.SpeakerMentionStart, q.Context, q.Start, q.End],
            cancellationToken);
    }

    private static async Task InsertAsync<T>(DbConnection connection, DbTransaction transaction, string table, string[] columns,
        IReadOnlyList<T> rows, Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (connection is Npgsql.NpgsqlConnection)
        {
            await InsertManyAsync(connection, transaction, table, columns, rows, values, cancellationToken);
            return;
        }

        // SQLite runs in-process: one prepared statement executed per row costs no round trips.
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Table and column names are the constants above; values are parameters.
        command.CommandText = $"INSERT INTO \"{table}\" ({ColumnList(columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
#pragma warning restore CA2100
        var parameters = new DbParameter[columns.Length];
        for (var i = 0; i < columns.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = $"@p{i}";
            command.Parameters.Add(parameters[i]);
        }

        foreach (var row in rows)
        {
            var rowValues = values(row);
            for (var i = 0; i < rowValues.Length; i++)
            {
                parameters[i].Value = rowValues[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// A server is a round trip away: the rows go in multi-row INSERTs of up to <see cref="RowsPerStatement"/> rows,
    /// so an article's child rows take a handful of round trips instead of one per row.
    /// </summary>
    private static async Task InsertManyAsync<T>(DbConnection connection, DbTransaction transaction, string table, string[] columns,
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

#pragma warning disable CA2100 // Table and column names are the constants above; values are parameters.
            command.CommandText = $"INSERT INTO \"{table}\" ({ColumnList(columns)}) VALUES {string.Join(", ", tuples)}";
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // PostgreSQL takes at most 65,535 parameters in a statement; ten columns × 1,000 rows stays well inside.
    private const int RowsPerStatement = 1000;

    private static string ColumnList(string[] columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));
}
