using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace NewsCorpus.Web.Data;

/// <summary>Which database holds the corpus: an SQLite file (the embedded default) or a PostgreSQL server.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The configured provider and its resolved connection string.</summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";

    public const string DefaultSqlite = "Data Source=data/newscorpus.db";

    public static DatabaseLocation FromConfiguration(IConfiguration configuration)
    {
        var name = configuration[ProviderKey];
        var provider = string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
            : name.Trim().Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.Postgres
            : throw new InvalidOperationException($"{ProviderKey} is '{name}'; use Sqlite (the default) or Postgres.");
        var connectionString = configuration.GetConnectionString(DataServices.ConnectionStringName);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new DatabaseLocation(provider, DataServices.ResolveSqliteConnectionString(connectionString ?? DefaultSqlite));
        }

        if (string.IsNullOrWhiteSpace(connectionString) || connectionString.Contains("Data Source", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{ProviderKey} is Postgres, so ConnectionStrings:{DataServices.ConnectionStringName} must name a PostgreSQL server, e.g. \"Host=localhost;Database=newscorpus;Username=newscorpus;Password=…\".");
        }

        return new DatabaseLocation(provider, new NpgsqlConnectionStringBuilder(connectionString).ConnectionString);
    }
}

public static class DataServices
{
    public const string ConnectionStringName = "NewsCorpus";

    /// <summary>
    /// Registers the DbContext on the configured provider. Each provider has its own migration set, tied to its own
    /// context type; every service asks for <see cref="NewsCorpusDbContext"/> and gets the configured one.
    /// </summary>
    public static IServiceCollection AddNewsCorpusData(this IServiceCollection services)
    {
        // Read the configuration when the context is first built, so test hosts can override it.
        services.AddSingleton(sp => DatabaseLocation.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SqlitePragmas>();
        services.AddScoped(sp => sp.GetRequiredService<DatabaseLocation>().Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresNewsCorpusDbContext>()
            : new NewsCorpusDbContext(sp.GetRequiredService<DbContextOptions<NewsCorpusDbContext>>()));
        services.AddDbContext<NewsCorpusDbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<DatabaseLocation>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
        services.AddDbContext<PostgresNewsCorpusDbContext>((sp, options) => options
            .UseNpgsql(sp.GetRequiredService<DatabaseLocation>().ConnectionString));
        return services;
    }

    /// <summary>Makes the data source absolute, creates its folder, and waits on a busy database instead of failing at once.</summary>
    public static string ResolveSqliteConnectionString(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } source && source != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = Path.GetFullPath(source);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }

        // The web app and the ingest command may share the file: wait up to 30 s for the other's write lock.
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies the migrations. SQLite turns on write-ahead logging so readers never block the writer; on PostgreSQL
    /// several app instances may start together, so they take turns under an advisory lock.
    /// </summary>
    public static async Task MigrateAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await using var corpusLock = await CorpusLock.AcquireAsync(db, cancellationToken);
            // Without the history table, EF Core reads it anyway on a new database and logs the failure as an error.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }
}
