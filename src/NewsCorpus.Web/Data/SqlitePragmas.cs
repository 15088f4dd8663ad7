using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsCorpus.Web.Data;

/// <summary>
/// In WAL mode, synchronous=NORMAL keeps the database consistent after a crash (a committed transaction may be
/// lost on power failure, never half-written) and saves an fsync per commit, which ingestion does once per file.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
