using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace NewsCorpus.Web.Data;

/// <summary>The resolved connection string of the corpus database.</summary>
public sealed record DatabaseLocation(string ConnectionString);

public static class DataServices
{
    public const string ConnectionStringName = "NewsCorpus";

    /// <summary>Registers the DbContext on the configured SQLite file, resolving a relative file against the working directory.</summary>
    public static IServiceCollection AddNewsCorpusData(this IServiceCollection services)
    {
        // Read the connection string when the context is first built, so test hosts can override it.
        services.AddSingleton(sp => new DatabaseLocation(ResolveSqliteConnectionString(
            sp.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName) ?? "Data Source=data/newscorpus.db")));
        services.AddSingleton<SqlitePragmas>();
        services.AddDbContext<NewsCorpusDbContext>((sp, options) => options
            .UseSqlite(sp.GetRequiredService<DatabaseLocation>().ConnectionString)
            .AddInterceptors(sp.GetRequiredService<SqlitePragmas>()));
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

    /// <summary>Applies the migrations and turns on write-ahead logging so readers never block the writer.</summary>
    public static async Task MigrateAsync(NewsCorpusDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
