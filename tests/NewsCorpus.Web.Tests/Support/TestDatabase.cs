using Microsoft.Data.Sqlite;
using Npgsql;

namespace NewsCorpus.Web.Tests.Support;

/// <summary>
/// The database a test host runs on. SQLite by default: a file in the test's folder. With
/// NEWSCORPUS_TEST_PROVIDER=Postgres, a fresh database on the server NEWSCORPUS_TEST_POSTGRES names (tests/run.sh
/// starts a throwaway one), dropped afterwards: the same tests then run on PostgreSQL.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string ProviderVariable = "NEWSCORPUS_TEST_PROVIDER";
    public const string ServerVariable = "NEWSCORPUS_TEST_POSTGRES";

    private readonly string? _postgresName;
    private readonly string? _serverConnection;

    public TestDatabase(string folder)
    {
        if (!IsPostgres)
        {
            Provider = "Sqlite";
            ConnectionString = $"Data Source={Path.Combine(folder, "corpus.db")}";
            return;
        }

        _serverConnection = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {ServerVariable}, a connection string to a server where databases may be created (tests/run.sh starts one).");
        _postgresName = "newscorpus_test_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(_serverConnection))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE {_postgresName}";
            create.ExecuteNonQuery();
        }

        Provider = "Postgres";
        ConnectionString = new NpgsqlConnectionStringBuilder(_serverConnection) { Database = _postgresName }.ConnectionString;
    }

    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable(ProviderVariable), "Postgres", StringComparison.OrdinalIgnoreCase);

    public string Provider { get; }

    public string ConnectionString { get; }

    public void Dispose()
    {
        if (_postgresName is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(_serverConnection);
        connection.Open();
        using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)";
        drop.ExecuteNonQuery();
    }
}
